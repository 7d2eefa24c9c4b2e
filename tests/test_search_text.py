"""Site search indexes the words a reader sees in the searched fragments, no more and no fewer.

Material's search parser keeps the text of a dl, its dt and dd as one run: only the line break
between a dd and the next dt keeps "Series judged" apart from the figure after it. Joining those
tags to save the parser a whitespace node would glue words together in the index ("judgedChildren")
while the page looks the same, so this compares the words of the index with the words on view.
"""

from __future__ import annotations

import html
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from material.plugins.search.plugin import Parser

from conftest import ROOT
from hub import data, search, views
from hub.render import at_page

# Elements that start a new line on the page: their edges separate words.
BLOCK = {
    "address", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section",
    "summary", "table", "td", "th", "tr", "ul",
}  # fmt: skip
SEARCHED_INDICATOR_VIEWS = [
    "data_as_at",
    "indicator_definition",
    "indicator_caveats",
]


class Visible(HTMLParser):
    """The words of an HTML fragment as a reader sees them (every block's edge is a break)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_data(self, text):
        self.parts.append(text)


def visible_words(fragment: str) -> list[str]:
    parser = Visible()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.parts).split()


def indexed_words(fragment: str) -> list[str]:
    """The words Material's search puts in the index for the fragment under a heading."""
    parser = Parser()
    parser.feed(f'<h2 id="section">Section</h2>\n{fragment}\n\n')
    parser.close()
    text = "".join(part for section in parser.data for part in section.text)
    # The index keeps <p>, <li>, <ul> … as markup, which the search client reads as breaks.
    return html.unescape(re.sub(r"</?[a-z]+>", " ", text)).split()


@pytest.fixture(scope="module")
def hub():
    return data.load(ROOT, today=date(2026, 11, 28))


@pytest.mark.parametrize("view", SEARCHED_INDICATOR_VIEWS)
def test_search_indexes_the_words_on_view(hub, view):
    for indicator in hub.indicators:
        with at_page(f"indicators/{indicator.id}/"):
            fragment = str(views.MACROS[view](hub, indicator=indicator.id))
        assert indexed_words(fragment) == visible_words(fragment), f"{view}({indicator.id})"
        # What search is shown of it (hub/search.py) indexes the same words.
        view_words = indexed_words(search.index_view(fragment))
        assert view_words == visible_words(fragment), f"{view}({indicator.id}), index view"


def test_joined_dt_and_dd_would_glue_words():
    """The check itself: without the break between dd and dt the index glues two words."""
    fragment = "<dl><dt>Latest</dt><dd>114</dd><dt>Change</dt><dd>−9</dd></dl>"
    assert indexed_words(fragment) == ["Latest114Change−9"]
    assert visible_words(fragment) == ["Latest", "114", "Change", "−9"]
