"""opendata's own JSON and CSV writers give exactly the text of json.dumps and csv.writer.

opendata.dumps writes indented JSON without the standard library's pure-Python encoder, and
opendata.write writes each figure's CSV line and JSON record from the rows, with no records
built. Both are checked here against the plain writers on awkward values; the real data is
checked in tests/test_opendata_bytes.py.
"""

from __future__ import annotations

import enum
import json

import pytest
from test_opendata_bytes import reference_csv, reference_json

from conftest import ROOT
from hub import data, opendata


class Number(enum.IntEnum):
    ONE = 1


class Text(str):
    pass


SHARED = {"fields": [{"name": "a"}], "missing": [""]}
AWKWARD = 'line\nbreak "q" },\n   { \\ – é ✓ \t \r , ""'


@pytest.mark.parametrize(
    "value",
    [
        pytest.param({}, id="empty dict"),
        pytest.param([], id="empty list"),
        pytest.param({"a": [], "b": {}, "c": [[]], "d": [{}]}, id="empty inside"),
        pytest.param({"a": None, "b": True, "c": False}, id="null and booleans"),
        pytest.param([0, -1, 10**30, 1.5, -0.0, 1e300, 1e-7, 0.1 + 0.2], id="numbers"),
        pytest.param({"é ✓": AWKWARD, "\u2028": "\x00\x1f\u2029"}, id="awkward text"),
        pytest.param(("a", ("b",)), id="tuples"),
        pytest.param({"x": SHARED, "y": SHARED, "z": [SHARED]}, id="one object in three places"),
        pytest.param({"r": [SHARED, SHARED], "s": {"t": SHARED}}, id="one object, two depths"),
        pytest.param({1: "a", None: "b", 2.5: "c", False: "d"}, id="keys that are not text"),
        pytest.param([float("nan"), float("inf"), -float("inf")], id="not finite"),
        pytest.param([Number.ONE, Text("t"), {Text("k"): 1}], id="subclasses"),
        pytest.param("just text", id="text"),
        pytest.param(None, id="null"),
        pytest.param(3, id="a number"),
    ],
)
def test_dumps_writes_what_json_dumps_writes(value):
    assert opendata.dumps(value) == json.dumps(value, ensure_ascii=False, indent=1)


def test_dumps_raises_what_json_dumps_raises():
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        opendata.dumps(loop)
    with pytest.raises(TypeError, match="not JSON serializable"):
        opendata.dumps({"a": object()})


CELLS = [AWKWARD, "", "a,b", '"', "\r", "\n", " lead", "é", "1,000", "plain"]


def awkward_hub(cells: list):
    """The real hub, its first indicator's rows and measures holding awkward text."""
    hub = data.load(ROOT)
    item = next(item for item in hub.indicators if item.rows)
    rows = tuple(
        row._replace(
            area=cells[number % len(cells)],
            text=cells[(number + 1) % len(cells)],
            source=cells[(number + 2) % len(cells)],
            release=cells[(number + 3) % len(cells)],
        )
        for number, row in enumerate(item.rows)
    )
    measures = tuple(
        m._replace(label=cells[number % len(cells)] + m.label)
        for number, m in enumerate(item.measures)
    )
    changed = item._replace(rows=rows, measures=measures, id=cells[0] + item.id)
    return hub._replace(indicators=(changed, *hub.indicators[1:]))


@pytest.mark.parametrize(
    "cells", [pytest.param(CELLS, id="text"), pytest.param([*CELLS, None, 1], id="not text")]
)
def test_write_gives_the_records_as_the_plain_writers_write_them(tmp_path, cells):
    hub = awkward_hub(cells)
    written = opendata.write(hub, tmp_path)
    every = []
    expected = {}
    for item in hub.indicators:
        rows = opendata.records(item)
        every.extend(rows)
        expected[opendata.PATHS.csv(item.id)] = reference_csv(rows)
        document = {"licence": opendata.licence(hub).attribution, **opendata.metadata(hub, item)}
        expected[opendata.PATHS.json(item.id)] = reference_json({**document, "data": rows})
    expected[opendata.PATHS.all_data] = reference_csv(every)
    expected[opendata.PATHS.package] = reference_json(opendata.datapackage(hub))
    assert [path.relative_to(tmp_path).as_posix() for path in written] == list(expected)
    for path in written:
        name = path.relative_to(tmp_path).as_posix()
        assert path.read_bytes().decode("utf-8") == expected[name], name
