"""Open data: each indicator as CSV and JSON, all figures in one CSV, and a Frictionless Data
Package descriptor (datapackage.json) that lists them, written into the built site.

macros.py calls :func:`write` after the build (``on_post_build``), so nothing generated is
committed. Pages link to the files through :data:`PATHS` (site paths, turned into relative
links by the ``page_url`` filter).
"""

import csv
import io
import json
from pathlib import Path
from typing import Any, NamedTuple

from hub.model import Hub, Indicator, Licence
from hub.periods import Period

COLUMNS = (
    ("indicator", "string", "the indicator's id"),
    (
        "period",
        "string",
        "the period as published: 2017-18 financial year, 2017/18 academic "
        "year, 2018-03-31 a count on that day",
    ),
    ("period_start", "date", "the first day of the period"),
    ("period_end", "date", "the last day of the period"),
    ("area", "string", "Bristol, England or South West"),
    ("measure", "string", "the id of the series"),
    ("measure_label", "string", "what the series counts"),
    ("unit", "string", "number or percent"),
    ("value", "number", "the figure as published; empty unless status is published"),
    ("status", "string", "published, suppressed, not-collected, not-published or not-available"),
    ("source", "string", "the id of the source (see sources in datapackage.json)"),
    ("release", "string", "the year of the DfE release, where releases differ"),
)


class Paths(NamedTuple):
    """Where the downloads are in the built site."""

    folder: str = "data"
    all_data: str = "data/key-indicators.csv"
    package: str = "data/datapackage.json"

    def csv(self, indicator_id: str) -> str:
        return f"{self.folder}/indicators/{indicator_id}.csv"

    def json(self, indicator_id: str) -> str:
        return f"{self.folder}/indicators/{indicator_id}.json"


PATHS = Paths()


def licence(hub: Hub) -> Licence:
    """The licence of the published figures (every source uses the same one)."""
    licences = {source.licence for source in hub.sources}
    if len(licences) != 1:
        raise ValueError("the open data expect every source to use one licence")
    return licences.pop()


def period_code(period: Period) -> str:
    """The period as the data files write it: 2017-18, 2017/18, 2018-03-31 (not "31 March 2018")."""
    return period.start.isoformat() if period.kind == "snapshot" else str(period)


def records(indicator: Indicator) -> list[dict[str, str]]:
    labels = {m.id: m for m in indicator.measures}
    return [
        {
            "indicator": indicator.id,
            "period": period_code(row.period),
            "period_start": row.period.start.isoformat(),
            "period_end": row.period.end.isoformat(),
            "area": row.area,
            "measure": row.measure,
            "measure_label": labels[row.measure].label,
            "unit": labels[row.measure].unit,
            "value": row.text,
            "status": row.status.id,
            "source": row.source,
            "release": row.release,
        }
        for row in indicator.rows
    ]


def csv_text(rows: list[dict[str, str]]) -> str:
    return _HEADER + csv_body(rows)


def csv_body(rows: list[dict[str, str]]) -> str:
    """The CSV lines of ``rows`` (from :func:`records`, so their keys are the COLUMNS, in order)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(row.values() for row in rows)
    return out.getvalue()


_HEADER = csv_body([{name: name for name, _, _ in COLUMNS}])


def _cell(text: str) -> str:
    """One text cell as ``csv.writer`` writes it (quoted where it must be); TypeError if no text."""
    if type(text) is not str:
        raise TypeError(text)
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return csv_body([{"": text}])[:-1]
    return text


def json_text(document: dict) -> str:
    """``document`` as JSON with one space of indent, as ``json.dumps(indent=1)`` writes it."""
    return dumps(document) + "\n"


# ---------------------------------------------------------------- JSON with indent=1

_STRING = json.encoder.encode_basestring  # the C function, as json.dumps(ensure_ascii=False)
_INFINITY = float("inf")


class _Other(Exception):
    """A value this writer does not write: json.dumps writes the whole document."""


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1)``: the same text, written faster.

    The standard library writes indented JSON in pure Python, one small piece at a time (its C
    encoder writes only unindented JSON). This writer joins whole lines, each text through the
    same C function json.dumps uses, and writes a list or mapping met again at the same depth
    (the data package's one column schema, in every resource) once. Anything but dicts with
    text keys, lists, tuples, text, whole numbers, finite floats, booleans and None goes to
    json.dumps, so the text is always its text (tests/test_opendata_bytes.py).
    """
    try:
        return _indented(value, "\n", {})
    except (_Other, RecursionError):
        return json.dumps(value, ensure_ascii=False, indent=1)


def _indented(value: Any, newline: str, seen: dict[tuple[int, str], str]) -> str:
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if kind is dict or kind is list or kind is tuple:
        if not value:
            return "{}" if kind is dict else "[]"
        key = (id(value), newline)
        if key in seen:
            return seen[key]
        inner = newline + " "
        if kind is dict:
            parts = []
            for name, item in value.items():
                if type(name) is not str:
                    raise _Other(name)
                parts.append(_STRING(name) + ": " + _indented(item, inner, seen))
            text = "{" + inner + ("," + inner).join(parts) + newline + "}"
        else:
            parts = [_indented(item, inner, seen) for item in value]
            text = "[" + inner + ("," + inner).join(parts) + newline + "]"
        seen[key] = text
        return text
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float and -_INFINITY < value < _INFINITY:
        return float.__repr__(value)
    raise _Other(value)


def metadata(hub: Hub, indicator: Indicator) -> dict:
    a = indicator.assessment
    return {
        "id": indicator.id,
        "number": indicator.number,
        "strategy_wording": indicator.strategy_wording,
        "title": indicator.title,
        "measured": indicator.measured,
        "proxy": indicator.proxy,
        "proxy_for": indicator.proxy_for,
        "definition": indicator.definition,
        "unit": indicator.unit,
        "good_direction": indicator.good_direction,
        "headline": {"measure": indicator.headline_measure, "area": indicator.headline_area},
        "method": {
            "kind": indicator.method.kind,
            "direction": indicator.method.direction,
            "baseline": str(indicator.method.baseline) if indicator.method.baseline else None,
            "tolerance": indicator.method.tolerance,
            "tolerance_unit": indicator.method.tolerance_unit,
        },
        "status": {
            "id": a.status,
            "label": hub.statuses[a.status]["label"],
            "derivation": a.derivation,
        },
        "priorities": list(indicator.priorities),
        "priorities_note": indicator.priorities_note,
        "source": indicator.source.id if indicator.source else None,
        "release": indicator.release,
        "frequency": indicator.frequency,
        "data_as_at": indicator.data_as_at.isoformat() if indicator.data_as_at else None,
        "next_release_due": (
            indicator.next_release_due.isoformat() if indicator.next_release_due else None
        ),
        "measures": [{"id": m.id, "label": m.label, "unit": m.unit} for m in indicator.measures],
        "caveats": list(indicator.caveats),
        "no_data": (
            {"needed": indicator.no_data.needed, "held_by": indicator.no_data.held_by}
            if indicator.no_data
            else None
        ),
    }


def datapackage(hub: Hub) -> dict:
    """The Frictionless Data Package descriptor: one resource per indicator, and all data."""
    lic = licence(hub)
    schema = {
        "fields": [
            {"name": name, "type": kind, "description": text} for name, kind, text in COLUMNS
        ],
        "missingValues": [""],
    }
    folder = PATHS.folder + "/"

    def resource(name: str, path: str, title: str, description: str) -> dict:
        return {
            "name": name,
            "path": path.removeprefix(folder),
            "title": title,
            "description": description,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }

    resources = [
        resource(
            "key-indicators",
            PATHS.all_data,
            "All key indicators",
            "Every figure of the nine key indicators in one file.",
        )
    ] + [
        resource(item.id, PATHS.csv(item.id), item.strategy_wording, item.measured)
        for item in hub.indicators
    ]
    return {
        "profile": "tabular-data-package",
        "name": "bristol-safeguarding-key-indicators",
        "title": "Bristol Safeguarding Children Board Strategic Plan 2018–19: key indicators",
        "description": "The nine key indicators of the strategy with the latest published "
        "figures. " + lic.attribution,
        "licenses": [{"name": "OGL-UK-3.0", "path": lic.url, "title": lic.title}],
        "sources": [{"title": f"{s.publisher}: {s.dataset}", "path": s.url} for s in hub.sources],
        "resources": resources,
    }


def write(hub: Hub, site_dir: Path) -> list[Path]:
    """Write every download into the built site; return the files written."""
    written: list[Path] = []
    folders: set[Path] = set()

    def put(path: str, text: str) -> None:
        target = site_dir / path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        target.write_text(text, encoding="utf-8")
        written.append(target)

    attribution = licence(hub).attribution
    figures = _Figures()
    bodies: list[str] = []
    for item in hub.indicators:
        document = {"licence": attribution, **metadata(hub, item), "data": []}
        try:
            body, objects = figures.write(item)
        except TypeError:  # a field that is not text: the records, as json.dumps writes them
            document["data"] = rows = records(item)
            body, text = csv_body(rows), json_text(document)
        else:
            text = dumps(document)
            if objects:  # '"data": []' at the end becomes the list of rows
                text = text[: -len("[]\n}")] + "[\n" + ",\n".join(objects) + "\n ]\n}"
            text += "\n"
        bodies.append(body)
        put(PATHS.csv(item.id), _HEADER + body)
        put(PATHS.json(item.id), text)
    # The all-data file is the indicators' lines one after the other, under one header.
    put(PATHS.all_data, _HEADER + "".join(bodies))
    put(PATHS.package, json_text(datapackage(hub)))
    return written


class _Figures:
    """The CSV lines of :func:`records` and each record as JSON, without building the records.

    A record is written as ``json.dumps(indent=1)`` writes it inside a document's ``data`` list,
    and its line as ``csv.writer`` writes it. Each text's cell and JSON string is worked out
    once for all indicators (a period's three columns and a measure's three together), since
    most repeat from row to row. A field that is not text raises TypeError (json.dumps and
    csv.writer would write it another way).
    """

    def __init__(self) -> None:
        self.texts: dict[str, tuple[str, str]] = {}  # text -> (CSV cell, JSON string)
        self.periods: dict[Period, tuple[str, str]] = {}  # a period -> its three columns

    def text(self, value: str) -> tuple[str, str]:
        known = self.texts.get(value)
        if known is None:
            known = self.texts[value] = (_cell(value), _STRING(value))
        return known

    def columns(self, names: tuple[str, ...], values: tuple[str, ...]) -> tuple[str, str]:
        """Some neighbouring columns: their CSV cells, and their JSON lines in a record."""
        cells = [self.text(value) for value in values]
        pairs = zip(names, cells, strict=True)
        return (
            ",".join(cell for cell, _ in cells),
            ",".join(f"\n   {_STRING(name)}: {string}" for name, (_, string) in pairs),
        )

    def write(self, indicator: Indicator) -> tuple[str, list[str]]:
        """The indicator's CSV lines, and its records as JSON."""
        text = self.text
        first = self.columns(("indicator",), (indicator.id,))
        measures = {
            m.id: self.columns(("measure", "measure_label", "unit"), (m.id, m.label, m.unit))
            for m in indicator.measures
        }
        lines: list[str] = []
        objects: list[str] = []
        for row in indicator.rows:
            period = self.periods.get(row.period)
            if period is None:
                period = self.periods[row.period] = self.columns(
                    ("period", "period_start", "period_end"),
                    (
                        period_code(row.period),
                        row.period.start.isoformat(),
                        row.period.end.isoformat(),
                    ),
                )
            measure = measures[row.measure]
            area, value, status, source, release = (
                text(row.area),
                text(row.text),
                text(row.status.id),
                text(row.source),
                text(row.release),
            )
            lines.append(
                f"{first[0]},{period[0]},{area[0]},{measure[0]},"
                f"{value[0]},{status[0]},{source[0]},{release[0]}\n"
            )
            objects.append(
                f'  {{{first[1]},{period[1]},\n   "area": {area[1]},{measure[1]},'
                f'\n   "value": {value[1]},\n   "status": {status[1]},'
                f'\n   "source": {source[1]},\n   "release": {release[1]}\n  }}'
            )
        return "".join(lines), objects
