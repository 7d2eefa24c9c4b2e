"""Freshness: indicators whose next release was due by a fixed date are reported, in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from hub import freshness


@dataclass(frozen=True)
class Indicator:
    id: str
    data_as_at: date | None
    next_release_due: date | None


INDICATORS = [
    Indicator("due-soon", date(2025, 3, 31), date(2026, 12, 10)),
    Indicator("overdue", date(2024, 3, 31), date(2025, 11, 20)),
    Indicator("undated", date(2025, 8, 31), None),
    Indicator("no-figures", None, None),
]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 11, 19), []),
        (date(2025, 11, 20), ["overdue"]),  # due that day: the new release should be out
        (date(2026, 11, 28), ["overdue"]),
        (date(2026, 12, 10), ["due-soon", "overdue"]),
    ],
)
def test_overdue_relative_to_a_fixed_date(today, expected):
    assert [item.indicator for item in freshness.overdue(INDICATORS, today)] == expected


def test_states():
    today = date(2026, 11, 28)
    states = {i.id: freshness.assess(i, today).state for i in INDICATORS}
    assert states == {
        "due-soon": "current",
        "overdue": "overdue",
        "undated": "no-release-date",
        "no-figures": "no-data",
    }


def test_report_is_plain_english_and_names_the_file():
    lines = freshness.report(INDICATORS, date(2026, 11, 28))
    assert lines[0] == (
        "Freshness: data/indicators/overdue.yml has data as at 31 March 2024, but its next "
        "release was due on 20 November 2025 (on or before 28 November 2026). Check the "
        "publisher's page for the new release, add its figures to the CSV, and update "
        "data_as_at and next_release_due (CONTRIBUTING.md: 'Add a new year to an indicator')."
    )
    assert "no next release date" in lines[1] and lines[1].count("undated") == 1
    assert len(lines) == 2


def test_nothing_to_report_when_all_dates_are_ahead():
    assert freshness.report([INDICATORS[0]], date(2026, 1, 1)) == []
