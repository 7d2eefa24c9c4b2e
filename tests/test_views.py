"""The indicator views: golden HTML for every view (regenerate with UPDATE_GOLDEN=1, then read
the diff before committing), escaping of markup in data, and how a missing figure is written."""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest

from conftest import ROOT
from hub import data, figures, indicators, views
from hub.render import at_page

GOLDEN = ROOT / "tests" / "golden" / "views"
BUILD_DATE = date(2026, 11, 28)

# (golden name, view, keyword arguments, the page it is rendered on)
CASES = [
    ("progress_table", "progress_table", {}, "indicators/"),
    (
        "progress_table_assessments",
        "progress_table",
        {"priority": "assessments"},
        "priorities/assessments/",
    ),
    (
        "progress_table_empty",
        "progress_table",
        {"priority": "strategic-arrangements"},
        "priorities/strategic-arrangements/",
    ),
    ("indicator_summary", "indicator_summary", {}, ""),
    (
        "indicator_definition_repeat",
        "indicator_definition",
        {"indicator": "repeat-cp-plans"},
        "indicators/repeat-cp-plans/",
    ),
    (
        "indicator_definition_marac",
        "indicator_definition",
        {"indicator": "marac-non-intimate-referrals"},
        "indicators/marac-non-intimate-referrals/",
    ),
    (
        "indicator_status_repeat",
        "indicator_status",
        {"indicator": "repeat-cp-plans"},
        "indicators/repeat-cp-plans/",
    ),
    (
        "indicator_status_marac",
        "indicator_status",
        {"indicator": "marac-non-intimate-referrals"},
        "indicators/marac-non-intimate-referrals/",
    ),
    (
        "indicator_chart_attendance",
        "indicator_chart",
        {"indicator": "school-attendance"},
        "indicators/school-attendance/",
    ),
    (
        "indicator_data_repeat",
        "indicator_data",
        {"indicator": "repeat-cp-plans"},
        "indicators/repeat-cp-plans/",
    ),
    (
        "indicator_data_care",
        "indicator_data",
        {"indicator": "adolescent-boys-entering-care"},
        "indicators/adolescent-boys-entering-care/",
    ),
    (
        "indicator_data_attendance",
        "indicator_data",
        {"indicator": "school-attendance"},
        "indicators/school-attendance/",
    ),
    (
        "indicator_data_marac",
        "indicator_data",
        {"indicator": "marac-non-intimate-referrals"},
        "indicators/marac-non-intimate-referrals/",
    ),
    (
        "indicator_caveats_two_years",
        "indicator_caveats",
        {"indicator": "cp-plans-over-two-years"},
        "indicators/cp-plans-over-two-years/",
    ),
    (
        "indicator_downloads_repeat",
        "indicator_downloads",
        {"indicator": "repeat-cp-plans"},
        "indicators/repeat-cp-plans/",
    ),
    ("data_as_at", "data_as_at", {}, "indicators/"),
    (
        "data_as_at_attendance",
        "data_as_at",
        {"indicator": "school-attendance"},
        "indicators/school-attendance/",
    ),
    ("data_downloads", "data_downloads", {}, "about/data-and-sources/"),
]


@pytest.fixture(scope="module")
def hub():
    return data.load(ROOT, today=BUILD_DATE)


def render(hub, view: str, kwargs: dict, url: str) -> str:
    with at_page(url):
        return str(views.MACROS[view](hub, **kwargs))


def test_every_indicator_view_has_a_golden_file():
    mine = {
        "progress_table",
        "indicator_summary",
        "indicator_definition",
        "indicator_status",
        "indicator_chart",
        "indicator_data",
        "indicator_caveats",
        "indicator_downloads",
        "data_as_at",
        "data_downloads",
    }
    assert mine <= set(views.MACROS)
    assert mine == {view for _, view, _, _ in CASES}


@pytest.mark.parametrize(("name", "view", "kwargs", "url"), CASES, ids=[c[0] for c in CASES])
def test_golden(hub, name, view, kwargs, url):
    html = render(hub, view, kwargs, url) + "\n"
    path = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == html


def test_markup_in_data_is_shown_as_text(project):
    case = ROOT / "tests" / "data_corpus" / "script-in-title" / "indicators"
    shutil.copytree(case, project / "data" / "indicators", dirs_exist_ok=True)
    hub = data.load(project, today=BUILD_DATE)
    for view in ("progress_table", "indicator_downloads"):
        kwargs = {"indicator": "boys-at-risk-of-cse"} if view != "progress_table" else {}
        html = render(hub, view, kwargs, "indicators/boys-at-risk-of-cse/")
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
        assert "<script>" not in html


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("suppressed", "suppressed (c)"),
        ("not-collected", "not collected"),
        ("not-published", "not published (-)"),
        ("not-available", "not available (x)"),
    ],
)
def test_a_gap_is_words_with_its_meaning_never_zero(hub, status, words):
    vocabulary = indicators.load_sources(ROOT)[1]
    item = hub.indicator("repeat-cp-plans")
    row = item.rows[0]._replace(value=None, text="", status=vocabulary[status])
    cell = figures.cell(row, item.measures[0])
    assert (cell.text, cell.status) == (words, status)
    assert cell.meaning == vocabulary[status].meaning


def test_an_absent_row_says_so(hub):
    measure = hub.indicators[0].measures[0]
    cell = figures.cell(None, measure)
    assert cell.text == "no figure in the source" and cell.status == "absent"


@pytest.mark.parametrize(
    ("indicator", "legend"),
    [
        ("repeat-cp-plans", ["Bristol", "England", "South West"]),  # a percentage
        ("cp-plans-over-two-years", ["Bristol"]),  # a count: England's thousands don't compare
    ],
)
def test_comparators_are_charted_only_for_percentages(hub, indicator, legend):
    html = render(hub, "indicator_chart", {"indicator": indicator}, f"indicators/{indicator}/")
    drawn = [area for area in ("Bristol", "England", "South West") if f">{area}<" in html]
    assert drawn == legend
