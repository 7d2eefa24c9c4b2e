"""Open data: each indicator as CSV and JSON, all figures in one CSV, and a Frictionless Data
Package descriptor (datapackage.json) that lists them, written into the built site.

macros.py calls :func:`write` after the build (``on_post_build``), so nothing generated is
committed. Pages link to the files through :data:`PATHS` (site paths, turned into relative
links by the ``page_url`` filter).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class Paths:
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


def json_text(document: dict) -> str:
    """``document`` as JSON with one space of indent, as ``json.dumps(indent=1)`` writes it.

    The standard library writes indented JSON in pure Python, value by value; its C encoder
    only writes unindented JSON. The figures (``data``, a list of flat rows of strings, last in
    the document) are most of the bytes, so they go through the C encoder in one call, with the
    separators that indentation gives inside a row. A newline in a string is written as
    ``\\n``, so every real newline is a separator, and the rows' own indent is put in after.
    """
    rows = document["data"]
    if not rows or list(document)[-1] != "data" or not _flat(rows):
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    head = json.dumps({**document, "data": []}, ensure_ascii=False, indent=1)
    data = _ROWS(rows)[2:-2].replace("},\n   {", "\n  },\n  {\n   ")
    return head[: -len("[]\n}")] + "[\n  {\n   " + data + "\n  }\n ]\n}\n"


_ROWS = json.JSONEncoder(ensure_ascii=False, separators=(",\n   ", ": ")).encode


def _flat(rows: list[dict]) -> bool:
    """Whether every row has fields, and every field is a string."""
    return all(rows) and {type(value) for row in rows for value in row.values()} == {str}


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
    bodies: list[str] = []
    for item in hub.indicators:
        rows = records(item)
        body = csv_body(rows)
        bodies.append(body)
        put(PATHS.csv(item.id), _HEADER + body)
        document = {"licence": attribution, **metadata(hub, item), "data": rows}
        put(PATHS.json(item.id), json_text(document))
    # The all-data file is the indicators' lines one after the other, under one header.
    put(PATHS.all_data, _HEADER + "".join(bodies))
    put(PATHS.package, json.dumps(datapackage(hub), ensure_ascii=False, indent=1) + "\n")
    return written
