"""The strict build succeeds and every page in the navigation is published."""

from __future__ import annotations

import yaml

from conftest import ROOT, mkdocs_build


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


def tree(folder) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_same_commit_builds_the_same_bytes(tmp_path):
    """CI publishes with SOURCE_DATE_EPOCH from the last commit: two builds must be identical
    (sitemap dates, review and overdue flags, the feed, open data), whatever the clock says."""
    env = {"SOURCE_DATE_EPOCH": "1795000000"}  # 19 November 2026
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        result = mkdocs_build(ROOT, out, env=env)
        assert result.returncode == 0, result.stderr
    one, two = tree(first), tree(second)
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
