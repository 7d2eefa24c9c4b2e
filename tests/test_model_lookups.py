"""The model's lookups (by id, a measure, a series) give what a scan of the records gives.

They are built once per record instead of scanning on every call; these tests compare them with
the scans they replaced, on every indicator of the real data and on rows made to disagree
(several releases of one period, rows out of order).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hub import data
from hub.model import Indicator, Row
from hub.periods import Period

ROOT = Path(__file__).resolve().parent.parent
HUB = data.load(ROOT)
AREAS = ("Bristol", "England", "South West", "Nowhere")


def scanned_series(indicator: Indicator, measure_id: str, area: str) -> tuple[Row, ...]:
    """The scan ``Indicator.series`` used to do on every call."""
    latest: dict[Period, Row] = {}
    for row in indicator.rows:
        if row.measure == measure_id and row.area == area:
            kept = latest.get(row.period)
            if kept is None or row.release > kept.release:
                latest[row.period] = row
    return tuple(latest[period] for period in sorted(latest))


@pytest.mark.parametrize("indicator", HUB.indicators, ids=lambda item: item.id)
def test_series_and_measure_match_a_scan(indicator: Indicator) -> None:
    assert HUB.indicator(indicator.id) is indicator
    for measure in indicator.measures:
        assert indicator.measure(measure.id) is measure
        for area in AREAS:
            assert indicator.series(measure.id, area) == scanned_series(indicator, measure.id, area)
    assert indicator.series("no-such-measure") == ()


@pytest.mark.parametrize(
    "releases",
    [("", ""), ("2024", "2025"), ("2025", "2024"), ("2025", "2025"), ("2025", "")],
    ids=str,
)
def test_latest_release_wins_a_period_and_a_tie_keeps_the_first(releases) -> None:
    base = next(item for item in HUB.indicators if item.rows)
    first = base.rows[0]
    older, newer = Period.parse("2017-18"), Period.parse("2018-19")
    rows = (
        first._replace(period=newer, release=releases[0], line=2),
        first._replace(period=older, release="", line=3),
        first._replace(period=newer, release=releases[1], line=4),
    )
    indicator = base._replace(rows=rows)
    expected = scanned_series(indicator, first.measure, first.area)
    assert indicator.series(first.measure, first.area) == expected
    assert expected[0].line == 3  # oldest first


@pytest.mark.parametrize("kind", ["indicator", "priority"])
def test_unknown_id_is_a_key_error_naming_it(kind: str) -> None:
    with pytest.raises(KeyError) as error:
        getattr(HUB, kind)("no-such-id")
    assert error.value.args == ("no-such-id",)


def test_priorities_by_id() -> None:
    for priority in HUB.priorities:
        assert HUB.priority(priority.id) is priority
