"""How the hub writes an indicator's figures: values, gaps in words, data tables, status.

Plain data for the indicator templates (no markup). A figure keeps the decimals it was
published with; a missing figure is written as its status and meaning ("suppressed (c): DfE
withholds small numbers ..."), never as 0 or a blank cell.
"""

from bisect import bisect_left
from operator import attrgetter
from typing import NamedTuple

from hub.model import Hub, Indicator, Measure, Row
from hub.periods import Period
from hub.progress import Assessment, Observation, explain, format_change, format_number

AREAS = ("Bristol", "England", "South West")


class Cell(NamedTuple):
    """One cell of a data table. A named tuple: a table has a cell per period and area, and
    the template unpacks each (``for text, meaning, status in cells``) without looking up
    attributes."""

    text: str  # "22.7%", "2,410", or the status words "suppressed (c)"
    meaning: str  # "" for a published figure, else what the status means
    status: str  # a value status id: "published", "suppressed", ...; "absent" for no row

    @property
    def published(self) -> bool:
        return self.status == "published"


class Column(NamedTuple):
    label: str  # "Bristol", "England", "Bristol (2025 release)"
    area: str
    release: str


class DataTable(NamedTuple):
    id: str  # an anchor, unique on the page
    caption: str
    measure: Measure
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]  # (period label, one cell per column)
    sources: tuple[str, ...]  # source ids used


class StatusView(NamedTuple):
    id: str
    label: str
    symbol: str
    modifier: str
    meaning: str


class Headline(NamedTuple):
    """The progress of one indicator, each part written for a table cell."""

    indicator: Indicator
    status: StatusView
    baseline: str  # "22.7% in 2017-18" or "no figure published"
    latest: str
    change: str
    derivation: str  # the whole derivation in sentences


def value_text(row: Row, measure: Measure) -> str:
    """A published figure as written on the page: thousands separated, its own decimals."""
    places = max(len(row.text.split(".")[1]) if "." in row.text else 0, measure.decimals)
    number = format_number(row.value, places)
    return f"{number}%" if measure.unit == "percent" else number


def cell(row: Row | None, measure: Measure, column: Column | None = None) -> Cell:
    if row is None:
        if column is not None and column.release:
            why = f"the {column.release} release does not cover this period"
        else:
            why = "the source has none for this area and period"
        return Cell("no figure in the source", why, "absent")
    if row.status.id == "published":
        return Cell(value_text(row, measure), "", "published")
    return Cell(row.status.words, row.status.meaning, row.status.id)


def data_tables(indicator: Indicator) -> tuple[DataTable, ...]:
    """One table per measure: a row per period, a column per area (and release, where DfE
    revised a figure between releases)."""
    by_measure: dict[str, list[Row]] = {}
    for row in indicator.rows:
        by_measure.setdefault(row.measure, []).append(row)
    tables = []
    for number, measure in enumerate(indicator.measures, start=1):
        rows = by_measure.get(measure.id, [])
        columns = _columns(rows)
        # Kept in the order met (usually the calendar's), the sort merges runs.
        periods = sorted(dict.fromkeys(row.period for row in rows))
        # A grid of rows, period by column; a later row for the same cell wins.
        place = {(column.area, column.release): index for index, column in enumerate(columns)}
        line = {period: index for index, period in enumerate(periods)}
        grid: list[list[Row | None]] = [[None] * len(columns) for _ in periods]
        for row in rows:
            column = place.get((row.area, row.release))
            if column is not None:  # an area the tables do not show
                grid[line[row.period]][column] = row
        absent = [cell(None, measure, column) for column in columns]
        body = tuple(
            (
                str(period),
                tuple(
                    [
                        absent[index] if row is None else cell(row, measure)
                        for index, row in enumerate(found)
                    ]
                ),
            )
            for period, found in zip(periods, grid, strict=True)
        )
        tables.append(
            DataTable(
                id=f"data-{measure.id}",
                caption=f"Table {number}: {measure.label}, by period and area",
                measure=measure,
                columns=columns,
                rows=body,
                sources=tuple(dict.fromkeys(row.source for row in rows)),
            )
        )
    return tuple(tables)


def _columns(rows: list[Row]) -> tuple[Column, ...]:
    releases: dict[str, list[str]] = {}
    for row in rows:
        known = releases.setdefault(row.area, [])
        if row.release not in known:
            known.append(row.release)
    columns = []
    for area in AREAS:
        several = len(releases.get(area, [])) > 1
        for release in sorted(releases.get(area, [])):
            label = f"{area} ({release} release)" if several and release else area
            columns.append(Column(label, area, release))
    return tuple(columns)


def status_view(hub: Hub, assessment: Assessment) -> StatusView:
    entry = hub.statuses[assessment.status]
    return StatusView(
        id=assessment.status,
        label=entry["label"],
        symbol=entry["symbol"],
        modifier=entry["modifier"],
        meaning=" ".join(entry["meaning"].split()),
    )


def headline(hub: Hub, indicator: Indicator) -> Headline:
    a = indicator.assessment
    measure = indicator.headline
    unit = "percent" if measure and measure.unit == "percent" else ""

    def written(observation) -> str:
        if observation is None:
            return "no figure published"
        if not observation.published:
            return f"{observation.gap_words} in {observation.period}"
        row = _row_at(indicator.series(measure.id, indicator.headline_area), observation.period)
        return f"{value_text(row, measure)} in {observation.period}"

    if measure is None:
        return Headline(
            indicator,
            status_view(hub, a),
            "no figure published",
            "no figure published",
            "not applicable",
            a.derivation,
        )
    change = "not applicable" if a.change is None else format_change(a.change, unit, a.decimals)
    return Headline(
        indicator=indicator,
        status=status_view(hub, a),
        baseline=written(a.baseline),
        latest=written(a.latest),
        change=change,
        derivation=explain(a, unit),
    )


def _row_at(series: tuple[Row, ...], period: Period) -> Row:
    """The row of a series (oldest first, one row a period) for ``period``, found by bisection."""
    index = bisect_left(series, period, key=_PERIOD)
    if index == len(series) or series[index].period != period:
        raise LookupError(f"the series has no row for {period}")
    return series[index]


_PERIOD = attrgetter("period")


def observation(row: Row) -> Observation:
    """A row as the progress engine and the charts read it."""
    return Observation(row.period, row.value, row.status.id)
