"""The data tables and the headline's rows, built in one pass, match a plain lookup of each cell.

hub.figures builds each table as a grid (rows placed by period and column) and finds the
headline's baseline and latest rows by bisection; these tests compare both with the simple
lookups they replaced, on every indicator of the real data and on rows made to disagree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hub import data, figures
from hub.model import Indicator
from hub.periods import Period

ROOT = Path(__file__).resolve().parent.parent
HUB = data.load(ROOT)
WITH_DATA = [item for item in HUB.indicators if item.rows]


def looked_up(indicator: Indicator) -> list:
    """Each table's body as a lookup by (period, area, release) gives it."""
    tables = []
    for measure in indicator.measures:
        rows = [row for row in indicator.rows if row.measure == measure.id]
        columns = figures._columns(rows)
        by_key = {(row.period, row.area, row.release): row for row in rows}
        tables.append(
            [
                (
                    str(period),
                    tuple(
                        figures.cell(by_key.get((period, c.area, c.release)), measure, c)
                        for c in columns
                    ),
                )
                for period in sorted({row.period for row in rows})
            ]
        )
    return tables


@pytest.mark.parametrize("indicator", HUB.indicators, ids=lambda item: item.id)
def test_tables_match_a_lookup_of_each_cell(indicator: Indicator) -> None:
    tables = figures.data_tables(indicator)
    assert [list(table.rows) for table in tables] == looked_up(indicator)


@pytest.mark.parametrize("area", ["Nowhere", "Bristol"])
def test_a_row_out_of_order_or_for_an_area_not_shown(area: str) -> None:
    base = WITH_DATA[0]
    first = base.rows[0]
    extra = first._replace(period=Period.parse("2005-06"), area=area, line=999)
    indicator = base._replace(rows=(*base.rows, extra))
    tables = figures.data_tables(indicator)
    assert [list(table.rows) for table in tables] == looked_up(indicator)


@pytest.mark.parametrize("indicator", WITH_DATA, ids=lambda item: item.id)
def test_row_at_finds_every_row_of_a_series(indicator: Indicator) -> None:
    for measure in indicator.measures:
        series = indicator.series(measure.id)
        for row in series:
            assert figures._row_at(series, row.period) is row
        with pytest.raises(LookupError, match="no row for 1999-00"):
            figures._row_at(series, Period.parse("1999-00"))
