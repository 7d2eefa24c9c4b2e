"""The key indicators' data: the real files load, hold the published figures, and every kind of
editor mistake in tests/data_corpus/ fails with its exact message (file, line, field, what to do).
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from hub import data, indicators
from hub.errors import DataError, DataErrors
from hub.model import Indicator

CORPUS = ROOT / "tests" / "data_corpus"
EXTRACTS = ROOT / "sources" / "extracts"
IDS = [
    "adolescent-boys-entering-care",
    "boys-at-risk-of-cse",
    "marac-non-intimate-referrals",
    "disabled-children-on-cp-plans",
    "agencies-using-communication-tools",
    "school-attendance",
    "first-response-enquiries",
    "cp-plans-over-two-years",
    "repeat-cp-plans",
]
STRATEGY = ROOT / "strategy"


def load_key_indicators(root: Path) -> tuple[Indicator, ...]:
    priorities = {priority.id for priority in data.load_priorities(root)}
    sources, value_statuses = indicators.load_sources(root)
    return indicators.load_indicators(root, priorities, sources, value_statuses)


def with_case(tmp_path: Path, case: str) -> Path:
    """A copy of data/ with the corpus case's files laid over it."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(
        CORPUS / case,
        tmp_path / "data",
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns("README.md", "expected.txt"),
    )
    return tmp_path


@pytest.fixture(scope="module")
def key_indicators() -> tuple[Indicator, ...]:
    return load_key_indicators(ROOT)


def test_the_nine_load_in_the_strategy_order(key_indicators):
    assert [item.id for item in key_indicators] == IDS
    assert [item.number for item in key_indicators] == list(range(1, 10))


def test_the_wording_is_the_boards(key_indicators):
    board = (STRATEGY / "bscb-strategic-plan-2018-2019.txt").read_text(encoding="utf-8")
    for item in key_indicators:
        assert f"- {item.strategy_wording}\n" in board


@pytest.mark.parametrize(
    "indicator, status",
    [
        ("adolescent-boys-entering-care", "worsening"),
        ("boys-at-risk-of-cse", "worsening"),
        ("marac-non-intimate-referrals", "no-data"),
        ("disabled-children-on-cp-plans", "no-data"),
        ("agencies-using-communication-tools", "no-data"),
        ("school-attendance", "worsening"),
        ("first-response-enquiries", "improving"),
        ("cp-plans-over-two-years", "improving"),
        ("repeat-cp-plans", "worsening"),
    ],
)
def test_each_status(key_indicators, indicator, status):
    item = next(i for i in key_indicators if i.id == indicator)
    assert item.assessment.status == status


def test_no_data_indicators_say_what_is_needed_and_who_holds_it(key_indicators):
    for item in key_indicators:
        if item.method.kind == "none":
            assert item.rows == () and item.no_data and item.no_data.held_by
        else:
            assert item.rows and item.no_data is None


def test_a_missing_figure_is_never_zero(key_indicators):
    for item in key_indicators:
        for row in item.rows:
            assert (row.value is None) == (row.status.id != "published")


def lait(code: str, area: str) -> dict[str, str]:
    with (EXTRACTS / "lait_bristol_selected.csv").open(encoding="utf-8") as handle:
        return {
            r["Years"]: r["Values"]
            for r in csv.DictReader(handle)
            if r["Short Desc"] == code and r["LA and Regions"] == area
        }


@pytest.mark.parametrize(
    "indicator, measure, code",
    [
        ("adolescent-boys-entering-care", "started-all", "LACnum_Start"),
        ("school-attendance", "overall-absence", "TotAbs"),
        ("school-attendance", "persistent-absence", "TotPerAbNew"),
        ("cp-plans-over-two-years", "plans-ended-2-years-count", "CPRDuration"),
        ("cp-plans-over-two-years", "plans-ended-2-years-percent", "CPPlans2yrs"),
    ],
)
@pytest.mark.parametrize("area", ["Bristol, City of", "England", "South West"])
def test_lait_figures_are_copied_unchanged(key_indicators, indicator, measure, code, area):
    """Every year, every area: the same number, and LAIT's '-' as a status, never a figure."""
    published = lait(code, area)
    assert published, f"{code} for {area} is not in the extract"
    item = next(i for i in key_indicators if i.id == indicator)
    name = "Bristol" if area.startswith("Bristol") else area
    ours = {row.period.end.year: row for row in item.series(measure, name)}
    assert sorted(ours) == sorted(int(year) for year in published)
    for year, text in published.items():
        row = ours[int(year)]
        if text == "-":
            assert row.status.id in ("not-published", "not-collected") and row.value is None
        else:
            assert row.value == pytest.approx(float(text))


def test_revised_figures_keep_their_release(key_indicators):
    item = next(i for i in key_indicators if i.id == "adolescent-boys-entering-care")
    male_2023_24 = {
        r.release: r.value
        for r in item.rows
        if r.measure == "started-male" and str(r.period) == "2023-24"
    }
    assert male_2023_24 == {"2024": 175, "2025": 174}
    # The series the status and chart use takes the latest release.
    assert [r.release for r in item.series("started-male")][-2:] == ["2025", "2025"]


# ---------------------------------------------------------------- the corpus of mistakes

CASES = sorted(path.name for path in CORPUS.iterdir() if (path / "expected.txt").is_file())


def test_the_corpus_covers_every_kind_of_mistake():
    kinds = {
        "unknown-key",
        "bad-period",
        "duplicate-period",
        "dangling-priority",
        "dangling-source",
        "value-with-suppressed-status",
        "bad-yaml",
        "missing-required-key",
        "wrong-type",
    }
    assert kinds <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_each_mistake_has_its_exact_message(tmp_path, case):
    root = with_case(tmp_path, case)
    with pytest.raises((DataError, DataErrors)) as caught:
        load_key_indicators(root)
    assert str(caught.value) + "\n" == (CORPUS / case / "expected.txt").read_text(encoding="utf-8")


def test_markup_in_a_title_loads_as_plain_text(tmp_path):
    root = with_case(tmp_path, "script-in-title")
    item = next(i for i in load_key_indicators(root) if i.id == "boys-at-risk-of-cse")
    assert item.title == "<script>alert(1)</script> & co"
