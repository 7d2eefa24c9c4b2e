"""No broken internal link or anchor anywhere in the built HTML: Markdown links, raw HTML, macro
output and the theme's own links (navigation, assets, scripts, the help panel)."""

from __future__ import annotations

import posixpath
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import built_pages

URL_ATTRIBUTES = {"href", "src", "action", "poster", "data"}
EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append((tag, value))


@cache
def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def target_file(site: Path, page_url: str, link: str) -> tuple[Path, str]:
    """The file a link from ``page_url`` (a URL path from the root) points to, and its anchor."""
    parts = urlsplit(link)
    here = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    path = unquote(parts.path)
    joined = path if path.startswith("/") else posixpath.join("/" + here, path) if path else None
    if joined is None:  # "#anchor" on the same page
        joined = "/" + page_url
    resolved = posixpath.normpath(joined) + ("/" if joined.endswith("/") else "")
    file = site / resolved.lstrip("/")
    if resolved.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for page_url in built_pages(site):
        source = site / (page_url if page_url.endswith(".html") else page_url + "index.html")
        for tag, link in parse(source).urls:
            if link.startswith(EXTERNAL) or link in ("", "#"):
                continue
            file, anchor = target_file(site, page_url, link)
            if not file.is_file():
                broken.append(f"{page_url or '/'}: <{tag}> {link} -> missing {file}")
            elif anchor and file.suffix == ".html" and anchor not in parse(file).ids:
                broken.append(f"{page_url or '/'}: <{tag}> {link} -> no id '{anchor}'")
    assert broken == []


def test_the_checker_sees_broken_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here">x</p>')
    assert target_file(tmp_path, "b/", "../a/#here") == (tmp_path / "a" / "index.html", "here")
    assert target_file(tmp_path, "a/", "#here") == (tmp_path / "a" / "index.html", "here")
    assert not target_file(tmp_path, "", "c/")[0].is_file()
    assert "here" in parse(tmp_path / "a" / "index.html").ids
