"""The key indicators: read data/indicators/<id>.yml + <id>.csv and data/sources.yml, check
what spans files, and assess each headline series once.

The readers check each file against its schema (data/schemas/indicator, observations,
sources). This module checks the rest, collecting every mistake before it raises: ids that must
exist elsewhere (priorities, sources, measures), periods that must parse, a value that must be
there for a published figure and absent otherwise, one figure per period, area, measure and
release, a baseline that is in the data, and a "data as at" date that matches the data.
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any

from hub.errors import DataError, DataErrors
from hub.model import Indicator, Licence, Measure, NoData, Row, Source, ValueStatus
from hub.periods import Period
from hub.progress import Method, Observation, assess
from hub.readers import read_csv, read_yaml

INDICATORS = Path("data") / "indicators"


def load_sources(root: Path) -> tuple[dict[str, Source], dict[str, ValueStatus]]:
    """data/sources.yml: sources by id (each with its licence) and the value statuses by id."""
    file = "data/sources.yml"
    raw, lines = read_yaml(root / file, "sources", root)
    licences = {item["id"]: Licence(**item) for item in raw["licences"]}
    errors, sources = [], {}
    for index, item in enumerate(raw["sources"]):
        if item["licence"] not in licences:
            errors.append(
                DataError(
                    file,
                    f"the licence '{item['licence']}' is not listed under 'licences'",
                    lines.get(("sources", index, "licence")),
                    f"sources.{index}.licence",
                    "use one of: " + ", ".join(licences),
                )
            )
            continue
        sources[item["id"]] = Source(**{**item, "licence": licences[item["licence"]]})
    if errors:
        raise DataErrors(errors)
    statuses = {item["id"]: ValueStatus(**item) for item in raw["value_statuses"]}
    return sources, statuses


def load_statuses(root: Path) -> dict[str, dict[str, Any]]:
    """data/statuses.yml (the progress status vocabulary), by id."""
    raw, _ = read_yaml(root / "data" / "statuses.yml", "statuses", root)
    return {item["id"]: item for item in raw["statuses"]}


def load_indicators(
    root: Path,
    priority_ids: set[str],
    sources: dict[str, Source],
    value_statuses: dict[str, ValueStatus],
) -> tuple[Indicator, ...]:
    """Every indicator under data/indicators/, in the strategy's order. Raises DataErrors."""
    errors: list[DataError] = []
    indicators: list[Indicator] = []
    for path in sorted((root / INDICATORS).glob("*.yml")):
        try:
            indicators.append(_load_one(root, path, priority_ids, sources, value_statuses))
        except DataErrors as found:
            errors.extend(found.errors)
        except DataError as found:
            errors.append(found)
    numbers: dict[int, str] = {}
    for indicator in indicators:
        if indicator.number in numbers:
            errors.append(
                DataError(
                    f"{INDICATORS.as_posix()}/{indicator.id}.yml",
                    f"the number {indicator.number} is also used by '{numbers[indicator.number]}'",
                    1,
                    "number",
                    "give each indicator its place in the strategy's list, 1 to 9",
                )
            )
        numbers[indicator.number] = indicator.id
    if errors:
        raise DataErrors(errors)
    return tuple(sorted(indicators, key=lambda item: item.number))


def _load_one(
    root: Path,
    path: Path,
    priority_ids: set[str],
    sources: dict[str, Source],
    value_statuses: dict[str, ValueStatus],
) -> Indicator:
    meta, lines = read_yaml(path, "indicator", root)
    file = f"{INDICATORS.as_posix()}/{path.name}"
    errors: list[DataError] = []

    def problem(field: str, message: str, hint: str) -> None:
        keys = tuple(int(part) if part.isdigit() else part for part in field.split("."))
        while keys and keys not in lines:
            keys = keys[:-1]
        errors.append(DataError(file, message, lines.get(keys), field, hint))

    if meta["id"] != path.stem:
        problem(
            "id",
            f"the id '{meta['id']}' differs from the file name '{path.stem}'",
            f"make them the same: write id: {path.stem}, or rename the file",
        )
    for index, priority in enumerate(meta["priorities"]):
        if priority not in priority_ids:
            problem(
                f"priorities.{index}",
                f"there is no priority with the id '{priority}'",
                "use an id from data/priorities.yml: " + ", ".join(sorted(priority_ids)),
            )
    source = None
    if meta["source"] is not None:
        source = sources.get(meta["source"])
        if source is None:
            problem(
                "source",
                f"there is no source with the id '{meta['source']}'",
                "use an id from data/sources.yml: " + ", ".join(sources),
            )
    if meta["proxy"] and "proxy_for" not in meta:
        problem(
            "proxy_for",
            "a proxy must say what it stands in for",
            "add proxy_for: saying what the strategy names and why this measure stands in",
        )
    try:
        method = Method.from_mapping(meta["method"])
    except ValueError as error:
        problem(
            "method",
            f"the method is not complete: {error}",
            "see docs/indicators/methodology.md for the keys each kind of method needs",
        )
        method = None
    if method is not None and method.direction not in (None, meta["good_direction"]):
        problem(
            "method.direction",
            f"the method's direction '{method.direction}' differs from good_direction "
            f"'{meta['good_direction']}'",
            "make them the same",
        )
    dates = {name: _date(meta[name], name, problem) for name in ("data_as_at", "next_release_due")}

    csv_path = path.with_suffix(".csv")
    raw_rows = read_csv(csv_path, "observations", root)
    csv_file = f"{INDICATORS.as_posix()}/{csv_path.name}"
    measure_ids = [item["id"] for item in meta["measures"]]
    rows = _rows(raw_rows, csv_file, measure_ids, sources, value_statuses, errors)
    places = _most_places(rows)
    measures = tuple(
        Measure(
            id=item["id"],
            label=item["label"],
            unit=item["unit"],
            decimals=places.get(item["id"], 0),
        )
        for item in meta["measures"]
    )

    rows_ok = len(rows) == len(raw_rows)  # a bad row was reported: skip checks it would confuse
    no_rows = method is not None and method.kind == "none"
    if no_rows:
        if raw_rows:
            errors.append(
                DataError(
                    csv_file,
                    "the indicator's method is 'none' (no published "
                    "data) but this file holds figures",
                    raw_rows[0]["_line"],
                    None,
                    f"keep only the header row, or declare a method in {file}",
                )
            )
        if meta["headline"] is not None:
            problem(
                "headline",
                "an indicator with method 'none' has no headline series",
                "write headline: null",
            )
        if meta.get("no_data") is None:
            problem(
                "no_data",
                "an indicator with method 'none' must say what data would be "
                "needed and who holds it",
                "add no_data: with needed: and held_by:",
            )
    elif method is not None and rows_ok:
        if meta.get("no_data") is not None:
            problem(
                "no_data",
                "an indicator with published data has no no_data section",
                "remove no_data:, or set method: kind: none",
            )
        headline = meta["headline"]
        if headline is None:
            problem(
                "headline",
                "an indicator with a method needs a headline series",
                "write headline: with the measure and area its status is judged on",
            )
        elif headline["measure"] not in measure_ids:
            problem(
                "headline.measure",
                f"there is no measure '{headline['measure']}'",
                "use one of the ids under measures: " + ", ".join(measure_ids),
            )
        else:
            periods = {
                r.period
                for r in rows
                if r.measure == headline["measure"] and r.area == headline["area"]
            }
            if method.baseline not in periods:
                problem(
                    "method.baseline",
                    f"the baseline period {method.baseline} has no row for "
                    f"{headline['area']}, {headline['measure']} in {csv_file}",
                    "choose a period that is in the data, or add its row",
                )
        if rows and dates["data_as_at"] is not None:
            newest = max(row.period.end for row in rows)
            if dates["data_as_at"] != newest:
                problem(
                    "data_as_at",
                    f"data_as_at is {dates['data_as_at']} but the latest period in "
                    f"{csv_file} ends on {newest}",
                    f'write data_as_at: "{newest.isoformat()}"',
                )
        elif rows:
            problem(
                "data_as_at",
                "the indicator has figures but no data_as_at date",
                'write the day the latest period ends, such as "2025-03-31"',
            )
    if errors:
        raise DataErrors(errors)

    assessment = assess((), method)
    if meta["headline"] is not None:
        series = [
            Observation(row.period, row.value, row.status.id)
            for row in _latest_release(rows, meta["headline"]["measure"], meta["headline"]["area"])
        ]
        decimals = next(m.decimals for m in measures if m.id == meta["headline"]["measure"])
        try:
            assessment = assess(series, method, decimals=decimals)
        except ValueError as error:
            raise DataError(
                csv_file,
                f"the headline series cannot be assessed: {error}",
                None,
                None,
                "check its rows",
            ) from None
    return Indicator(
        id=meta["id"],
        number=meta["number"],
        strategy_wording=meta["strategy_wording"],
        title=meta["title"],
        measured=meta["measured"],
        proxy=meta["proxy"],
        proxy_for=meta.get("proxy_for"),
        definition=meta["definition"],
        unit=meta["unit"],
        good_direction=meta["good_direction"],
        headline_measure=meta["headline"]["measure"] if meta["headline"] else None,
        headline_area=meta["headline"]["area"] if meta["headline"] else None,
        baseline_note=meta["baseline_note"],
        method=method,
        priorities=tuple(meta["priorities"]),
        priorities_note=meta["priorities_note"],
        source=source,
        release=meta["release"],
        frequency=meta["frequency"],
        data_as_at=dates["data_as_at"],
        next_release_due=dates["next_release_due"],
        measures=measures,
        rows=tuple(rows),
        caveats=tuple(meta["caveats"]),
        no_data=NoData(**meta["no_data"]) if meta.get("no_data") else None,
        assessment=assessment,
    )


def _rows(raw_rows, file, measure_ids, sources, value_statuses, errors) -> list[Row]:
    rows: list[Row] = []
    seen: dict[tuple, int] = {}  # (period, area, measure, release) -> its first line

    def problem(line: int, field: str, message: str, hint: str) -> None:
        errors.append(DataError(file, message, line, field, hint))

    for raw in raw_rows:
        line = raw["_line"]
        try:
            period = Period.parse(raw["period"])
        except ValueError as error:
            problem(
                line, "period", str(error), "write the period as the source does, such as 2017-18"
            )
            continue
        ok = True
        if raw["measure"] not in measure_ids:
            problem(
                line,
                "measure",
                f"there is no measure '{raw['measure']}' in the indicator's .yml",
                "use one of: " + ", ".join(measure_ids) + "; or add the measure there",
            )
            ok = False
        if raw["source"] not in sources:
            problem(
                line,
                "source",
                f"there is no source with the id '{raw['source']}'",
                "use an id from data/sources.yml: " + ", ".join(sources),
            )
            ok = False
        published = raw["status"] == "published"
        if published and not raw["value"]:
            problem(
                line,
                "value",
                "the status is 'published' but the value is empty",
                "write the published figure, or the status that says why there is none "
                "(suppressed, not-collected, not-published, not-available)",
            )
            ok = False
        if not published and raw["value"]:
            problem(
                line,
                "value",
                f"the status is '{raw['status']}' but the value is {raw['value']}",
                "leave the value empty when the status is not 'published'; never write 0 "
                "for a missing figure",
            )
            ok = False
        first = seen.setdefault((period, raw["area"], raw["measure"], raw["release"]), line)
        if first != line:
            release = f" ({raw['release']} release)" if raw["release"] else ""
            problem(
                line,
                "period",
                f"{raw['area']}, {raw['measure']}{release} already has a figure "
                f"for {period} on line {first}",
                "keep one row for each period",
            )
            ok = False
        if ok:
            rows.append(
                Row(
                    period=period,
                    area=raw["area"],
                    measure=raw["measure"],
                    value=float(raw["value"]) if published else None,
                    text=raw["value"],
                    status=value_statuses[raw["status"]],
                    source=raw["source"],
                    release=raw["release"],
                    line=line,
                )
            )
    return rows


def _latest_release(rows: list[Row], measure: str, area: str) -> list[Row]:
    """One area's rows for one measure, oldest first; where releases differ, the latest wins."""
    kept: dict[Period, Row] = {}
    for row in rows:
        if row.measure == measure and row.area == area:
            known = kept.get(row.period)
            if known is None or row.release > known.release:
                kept[row.period] = row
    return sorted(kept.values(), key=_PERIOD_ORDER)  # as sorted(kept): a row's period is its key


_PERIOD_ORDER = attrgetter("period")  # a Period is a tuple: compared in C


def _date(value: object, field: str, problem) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problem(field, f"{value!r} is not a date", 'write it as "YYYY-MM-DD" in quotes, or null')
        return None


def _most_places(rows: list[Row]) -> dict[str, int]:
    """The most decimal places of any figure of each measure (a measure with none is left out).

    One pass over the rows, not one per measure.
    """
    most: dict[str, int] = {}
    for row in rows:
        if "." in row.text:
            places = len(row.text.split(".")[1])
            if places > most.get(row.measure, 0):
                most[row.measure] = places
    return most
