"""The strict build succeeds and every page in the navigation is published."""

from __future__ import annotations

import yaml

from conftest import ROOT


def nav_pages(items) -> list[str]:
    pages = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages.extend(nav_pages(value))
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(value)
    return pages


def built_path(page: str) -> str:
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] + "index.html"
    return stem + "/index.html"


def mkdocs_config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)


def test_every_page_in_the_navigation_is_built(site):
    pages = nav_pages(mkdocs_config()["nav"])
    assert len(pages) > 10
    missing = [page for page in pages if not (site / built_path(page)).is_file()]
    assert missing == []
