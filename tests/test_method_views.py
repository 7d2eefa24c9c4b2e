"""The methodology page's views: the status key and the method table, as golden HTML
(regenerate with UPDATE_GOLDEN=1, then read the diff), and both say what the data say."""

from __future__ import annotations

import os
from datetime import date

import pytest

from conftest import ROOT
from hub import data, progress, views
from hub.readers import read_yaml
from hub.render import at_page

GOLDEN = ROOT / "tests" / "golden" / "views"
PAGE = "indicators/methodology/"


@pytest.fixture(scope="module")
def hub():
    return data.load(ROOT, today=date(2026, 11, 28))


def render(hub, view: str) -> str:
    with at_page(PAGE):
        return str(views.MACROS[view](hub))


@pytest.mark.parametrize("view", ["status_key", "method_table"])
def test_golden(hub, view):
    html = render(hub, view) + "\n"
    path = GOLDEN / f"{view}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == html


def test_status_key_lists_every_status_with_symbol_and_words(hub):
    html = render(hub, "status_key")
    raw, _ = read_yaml(ROOT / "data" / "statuses.yml", "statuses", ROOT)
    for status in raw["statuses"]:
        assert f'<span aria-hidden="true">{status["symbol"]}</span> {status["label"]}' in html
        assert f'id="status-{status["id"]}"' in html


def test_every_status_the_engine_gives_is_in_the_vocabulary(hub):
    source = (ROOT / "hub" / "progress.py").read_text(encoding="utf-8")
    given = {word for word in hub.statuses if f'"{word}"' in source}
    assert given == set(hub.statuses)
    assert progress.ON_TRACK_RATIO == 0.95  # the methodology page states this threshold


def test_method_table_has_one_row_per_indicator_with_its_baseline(hub):
    html = render(hub, "method_table")
    assert html.count('<th scope="row">') == len(hub.indicators)
    for item in hub.indicators:
        assert item.page.removeprefix("indicators/").removesuffix(".md") in html
