"""Read a built page the way a reader sees it: the visible text of its main content.

The main content is Material's ``<article>``. Navigation, header, footer and the table of
contents are left out, and so are the permalink marks of headings (``a.headerlink``), scripts
and styles. Block elements separate words; whitespace is folded to single spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

BLOCKS = {
    "address",
    "article",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
}
HIDDEN = {"script", "style", "template", "noscript"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base"}


def fold(text: str) -> str:
    """Whitespace only: runs of spaces, tabs and new lines become one space."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Segment:
    """A run of visible text, and the ``title`` of the ``<abbr>`` it sits in (or None)."""

    text: str
    abbr_title: str | None


class MainContent(HTMLParser):
    """Collects the article's text segments, its element ids and its link targets.

    ``also`` names CSS classes of other elements to read as content, such as the help panel
    (``hub-help``) that every page carries outside its article.
    """

    def __init__(self, also: tuple[str, ...] = ()) -> None:
        super().__init__(convert_charrefs=True)
        self.segments: list[Segment] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self._also = set(also)
        self._stack: list[tuple[str, bool, str | None, bool]] = []  # tag, hidden, abbr, root
        self._inside = 0

    def _hidden(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def _abbr(self) -> str | None:
        return self._stack[-1][2] if self._stack else None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        root = tag == "article" or bool(self._also.intersection(classes))
        if root:
            self._inside += 1
        if not self._inside:
            return
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        hidden = self._hidden() or tag in HIDDEN or "headerlink" in classes
        if tag == "a" and attributes.get("href") and not hidden:
            self.links.append(attributes["href"])
        if tag in BLOCKS:
            self.segments.append(Segment(" ", None))
        if tag in VOID:
            return
        title = attributes.get("title") if tag == "abbr" else self._abbr()
        self._stack.append((tag, hidden, title, root))

    def handle_endtag(self, tag):
        if not self._inside:
            return
        if tag in BLOCKS:
            self.segments.append(Segment(" ", None))
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                self._inside -= sum(entry[3] for entry in self._stack[index:])
                del self._stack[index:]
                break

    def handle_data(self, data):
        if self._inside and not self._hidden():
            self.segments.append(Segment(data, self._abbr()))

    @property
    def text(self) -> str:
        return fold("".join(segment.text for segment in self.segments))


def read(page: Path, also: tuple[str, ...] = ()) -> MainContent:
    parser = MainContent(also)
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    return parser


def built_pages(site: Path) -> list[Path]:
    """Every page of the built site (``404.html`` included), in a stable order."""
    return sorted(site.rglob("*.html"))


def page_name(site: Path, page: Path) -> str:
    return page.relative_to(site).as_posix()
