"""The open-data files have exactly the bytes of the first, simple writer.

opendata.write serialises the figures once, through the C JSON encoder and a plain CSV writer;
the reference here is what it replaced (``json.dumps(indent=1)`` and ``csv.DictWriter`` for
every file, the all-data file written again from its rows).
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import ROOT
from hub import data, opendata


def reference_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    names = [name for name, _, _ in opendata.COLUMNS]
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def reference_json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def test_every_file_has_the_reference_bytes(tmp_path):
    hub = data.load(ROOT)
    written = opendata.write(hub, tmp_path)
    every = []
    expected = {}
    for item in hub.indicators:
        rows = opendata.records(item)
        assert [list(row) for row in rows] == [[n for n, _, _ in opendata.COLUMNS]] * len(rows)
        every.extend(rows)
        expected[opendata.PATHS.csv(item.id)] = reference_csv(rows)
        document = {
            "licence": opendata.licence(hub).attribution,
            **opendata.metadata(hub, item),
            "data": rows,
        }
        expected[opendata.PATHS.json(item.id)] = reference_json(document)
    expected[opendata.PATHS.all_data] = reference_csv(every)
    expected[opendata.PATHS.package] = reference_json(opendata.datapackage(hub))
    assert [path.relative_to(tmp_path).as_posix() for path in written] == list(expected)
    for path in written:
        name = path.relative_to(tmp_path).as_posix()
        assert path.read_text(encoding="utf-8") == expected[name], name


ROW = {"a": "1", "b": ""}


@pytest.mark.parametrize(
    "document",
    [
        pytest.param({"id": "x", "data": [ROW, ROW]}, id="rows"),
        pytest.param({"id": "x", "data": [ROW]}, id="one row"),
        pytest.param({"id": "x", "data": []}, id="no rows"),
        pytest.param({"id": "x", "data": [{}]}, id="an empty row"),
        pytest.param({"id": "x", "data": [{"a": None}]}, id="null"),
        pytest.param({"id": "x", "data": [{"a": 1.5, "b": True}]}, id="number"),
        pytest.param({"id": "x", "data": [{"a": ["1"]}]}, id="nested"),
        pytest.param({"data": [ROW], "id": "x"}, id="data not last"),
        pytest.param(
            {"id": "é", "data": [{"a": 'line\nbreak "q" },\n   { \\ – é ✓', "b": "\t"}, ROW]},
            id="awkward strings",
        ),
        pytest.param({"m": {"n": [1, {}], "o": None}, "data": [ROW]}, id="nested metadata"),
    ],
)
def test_json_text_writes_what_json_dumps_writes(document):
    assert opendata.json_text(document) == reference_json(document)


def test_csv_text_writes_what_dict_writer_writes():
    names = [name for name, _, _ in opendata.COLUMNS]
    rows = [dict.fromkeys(names, 'a,"b"\nc'), dict.fromkeys(names, "")]
    assert opendata.csv_text(rows) == reference_csv(rows)
