"""The views whose HTML goes into a page after the search index has read it (views.UNSEARCHED)
are exactly those that search leaves out anyway: every top-level element they render carries
data-search-exclude, for every indicator and priority. So moving them changes nothing that
search finds, only what the search plugin has to parse."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

from conftest import ROOT
from hub import data, views
from hub.render import at_page

VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class TopLevel(HTMLParser):
    """The top-level elements of an HTML fragment (tag, attributes) and any top-level text."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.elements.append((tag, dict(attrs)))
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth == 0:
            self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.depth -= 1

    def handle_data(self, text):
        if self.depth == 0 and text.strip():
            self.text.append(text.strip())


@pytest.fixture(scope="module")
def hub():
    return data.load(ROOT, today=date(2026, 11, 28))


def calls(hub):
    for name in sorted(views.UNSEARCHED):
        if name.startswith("indicator_"):
            for indicator in hub.indicators:
                # A chart needs a published measure; the pages call it only then.
                if name != "indicator_chart" or indicator.measures:
                    yield name, {"indicator": indicator.id}
        else:
            for priority in hub.priorities:
                yield name, {"priority": priority.id}


def test_unsearched_views_are_views():
    assert set(views.MACROS) >= views.UNSEARCHED


def test_every_unsearched_view_renders_only_excluded_elements(hub):
    checked = 0
    for name, kwargs in calls(hub):
        with at_page("somewhere/"):
            html = str(views.MACROS[name](hub, **kwargs))
        parsed = TopLevel()
        parsed.feed(html)
        parsed.close()
        where = f"{name}({kwargs})"
        assert parsed.elements, f"{where} rendered nothing"
        assert not parsed.text, f"{where} has text outside any element: {parsed.text}"
        for tag, attrs in parsed.elements:
            assert "data-search-exclude" in attrs, f"{where}: <{tag}> lacks data-search-exclude"
        checked += 1
    assert checked >= len(views.UNSEARCHED)
