"""hub.validity answers exactly what jsonschema answers, on every data file and on thousands of
broken variants of them: the readers skip jsonschema only where it would find nothing.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import ROOT
from hub import readers, validity
from hub.errors import DataErrors
from hub.reports import POSTS_DIR

SCHEMAS = ROOT / "data" / "schemas"
KINDS = sorted(path.name.removesuffix(".schema.json") for path in SCHEMAS.glob("*.schema.json"))
CORPUS = ("tests/data_corpus", "tests/fixtures")
FILES = {
    "actions": ["data/actions.yml"],
    "contacts": ["data/contacts.yml"],
    "glossary": ["data/glossary.yml"],
    "priorities": ["data/priorities.yml"],
    "site": ["data/site.yml"],
    "sources": ["data/sources.yml"],
    "statuses": ["data/statuses.yml"],
    "indicator": sorted(
        path.relative_to(ROOT).as_posix()
        for folder in (ROOT / "data" / "indicators", ROOT / "tests" / "data_corpus")
        for path in folder.rglob("*.yml")
    ),
    "observations": sorted(
        path.relative_to(ROOT).as_posix()
        for folder in (ROOT / "data" / "indicators", ROOT / "tests" / "data_corpus")
        for path in folder.rglob("*.csv")
    ),
    "report": sorted(
        path.relative_to(ROOT).as_posix()
        for folder in (ROOT / "docs" / POSTS_DIR, ROOT / "tests" / "fixtures" / "updates" / "posts")
        for path in folder.glob("*.md")
    ),
}
# Values of every type YAML gives, and the edges of the schemas' keywords.
SAMPLES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    9,
    10,
    -1,
    1.0,
    2.5,
    float("nan"),
    "",
    " ",
    "x",
    "Bristol",
    "up",
    "published",
    "lait",
    "started-all",
    "Two Words",
    "2017-18",
    "2025",
    "22.7",
    "priorities/neglect.md",
    "https://example.org/",
    dt.date(2019, 6, 30),
    [],
    ["x"],
    ["x", "x"],
    [1, 1],
    [True, 1],
    {},
    {"measure": "started-all", "area": "Bristol"},
]


def instances(kind: str) -> Iterator[tuple[str, Any, bool]]:
    """(name, value, vary): each file's value (each CSV row's), and whether to try variants of
    it: not of the corpus's broken files, and of one indicator per kind of method and each
    CSV's first rows only (they stand for the rest; jsonschema takes 1 ms over each variant).
    """
    kinds_seen: set[str] = set()
    for name in FILES[kind]:
        path = ROOT / name
        text = path.read_text(encoding="utf-8-sig")
        vary = not name.startswith("tests/data_corpus/")
        if path.suffix == ".csv":
            rows = list(csv.reader(text.splitlines()))
            for number, cells in enumerate(rows[1:], start=2):
                row = {key: cell.strip() for key, cell in zip(rows[0], cells, strict=False)}
                yield f"{name}:{number}", row, vary and number <= 3
            continue
        if path.suffix == ".md":
            text = text.split("---\n")[1]
        try:
            value = yaml.safe_load(text)
        except yaml.YAMLError:
            continue  # the corpus's broken YAML never reaches a schema
        if kind == "indicator" and vary:
            vary = value["method"]["kind"] not in kinds_seen
            kinds_seen.add(value["method"]["kind"])
        yield name, value, vary


def variants(value: Any) -> Iterator[Any]:
    """The value, then each node replaced by each sample, removed, or given a stray key."""
    yield value
    for path in list(_paths(value)):
        for sample in SAMPLES:
            yield _replaced(value, path, sample)
        if path:
            yield _removed(value, path)
        node = _at(value, path)
        if isinstance(node, dict):
            yield _replaced(value, path, {**node, "stray": "x"})
        if isinstance(node, list) and node:
            yield _replaced(value, path, [*node, node[0]])


def _paths(value: Any, path: tuple = ()) -> Iterator[tuple]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):  # the first few items stand for the rest
            yield from _paths(item, (*path, index))


def _at(value: Any, path: tuple) -> Any:
    for part in path:
        value = value[part]
    return value


def _replaced(value: Any, path: tuple, new: Any) -> Any:
    if not path:
        return copy.deepcopy(new)
    result = copy.deepcopy(value)
    _at(result, path[:-1])[path[-1]] = copy.deepcopy(new)
    return result


def _removed(value: Any, path: tuple) -> Any:
    result = copy.deepcopy(value)
    del _at(result, path[:-1])[path[-1]]
    return result


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_compiles(kind):
    """Otherwise jsonschema is imported and run on every build for that kind of file."""
    assert validity.compile_schema(readers.schema(ROOT / "data", kind)) is not None


@pytest.mark.parametrize("kind", KINDS)
def test_the_data_files_pass_without_jsonschema(kind):
    judge = validity.compile_schema(readers.schema(ROOT / "data", kind))
    for name, value, _ in instances(kind):
        if not name.startswith("tests/"):
            assert judge(value) is True, name


@pytest.mark.parametrize("kind", KINDS)
def test_agrees_with_jsonschema_on_broken_variants(kind):
    schema = readers.schema(ROOT / "data", kind)
    judge = validity.compile_schema(schema)
    full = jsonschema.Draft202012Validator(schema)
    checked = 0
    for name, value, vary in instances(kind):
        for variant in variants(value) if vary else [value]:
            answer = judge(variant)
            if answer is not None:
                assert answer is full.is_valid(variant), (name, variant)
                checked += 1
    assert checked > 30


SCHEMA_CASES: list[tuple[dict[str, Any], list[Any]]] = [
    ({"type": "integer", "minimum": 1, "maximum": 9}, [0, 1, 9, 10, 1.0, 9.5, True, "1", None]),
    ({"type": "number", "minimum": 0}, [0, -0.5, float("nan"), False, 3]),
    ({"type": ["string", "null"], "minLength": 1}, ["", "a", None, 0, []]),
    ({"enum": ["a", "b"]}, ["a", "c", 0, None, ["a"]]),
    ({"type": "integer", "enum": ["1"]}, ["1", 1]),
    ({"type": "string", "pattern": "^[a-z]+$", "maxLength": 3}, ["abc", "abcd", "ab\n", "A", 5]),
    ({"minLength": 2, "minimum": 2, "minItems": 2}, ["a", "ab", 1, 2, [1], [1, 2], None]),
    ({"type": "array", "uniqueItems": True}, [[], ["a", "a"], ["a", "b"], [1, True], [1, 1.0]]),
    ({"type": "array", "items": False}, [[], [1]]),
    ({"additionalProperties": False}, [{}, {"a": 1}, [], "x"]),
    (
        {"required": ["a"], "properties": {"a": {"type": "null"}}},
        [{}, {"a": None}, {"a": 1}, {"b": 1}, 5],
    ),
    ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, [1, 1.5, "x"]),
    ({"$defs": {"x": {"type": "string"}}, "oneOf": [{"$ref": "#/$defs/x"}, True]}, ["a", 1]),
]


@pytest.mark.parametrize(
    ("schema", "values"), SCHEMA_CASES, ids=[json.dumps(c[0]) for c in SCHEMA_CASES]
)
def test_agrees_with_jsonschema_at_the_edges_of_each_keyword(schema, values):
    judge = validity.compile_schema(schema)
    full = jsonschema.Draft202012Validator(schema)
    for value in values:
        assert judge(value) in (None, full.is_valid(value)), value


@pytest.mark.parametrize(
    "schema",
    [
        {"const": 1},
        {"format": "date"},
        {"anyOf": [{"type": "string"}]},
        {"patternProperties": {"^a": {}}},
        {"additionalProperties": {"type": "string"}},
        {"enum": [1, 2]},
        {"$ref": "https://example.org/schema"},
        {"$ref": "#/$defs/missing"},
        {"type": "decimal"},
        {"pattern": "("},
        {"minLength": None},
        {"type": None},
    ],
    ids=str,
)
def test_anything_else_is_left_to_jsonschema(schema):
    assert validity.compile_schema(schema) is None


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "array"},
        {"properties": {"a": {"oneOf": [{"type": "string"}]}}},
        {"properties": {"a": {"format": "date"}}},
        {"additionalProperties": {"type": "string"}},
        {"properties": {"a": {"$ref": "#/$defs/a"}}, "$defs": {"a": {"$ref": "#/$defs/a"}}},
    ],
    ids=str,
)
def test_a_table_asking_more_than_plain_text_columns_is_judged_row_by_row(schema):
    assert validity.compile_table(schema) is None


def test_a_list_of_values_that_are_not_text_under_unique_items_is_left_to_jsonschema():
    judge = validity.compile_schema({"uniqueItems": True})
    assert judge([1, True]) is None
    assert judge(["a", "a"]) is False


@pytest.mark.parametrize("schema", [{"$defs": {"x": {"$ref": "#/$defs/x"}}, "$ref": "#/$defs/x"}])
def test_a_reference_to_itself_is_left_to_jsonschema(schema):
    assert validity.compile_schema(schema) is None


def test_files_that_are_fine_never_import_jsonschema():
    """Importing jsonschema costs 65-100 ms of every build; it is only needed for a mistake."""
    code = (
        "import sys; from pathlib import Path; import hub.data; hub.data.load(Path('.'));"
        "print('jsonschema' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_mistake_still_gets_jsonschema_words(tmp_path):
    path = Path(tmp_path / "data" / "priorities.yml")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "schemas").symlink_to(SCHEMAS)
    path.write_text("priorities: []\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        readers.read_yaml(path, "priorities", tmp_path)
    assert [error.message for error in caught.value.errors] == ["the list is empty"]


TEXTS = [sample for sample in SAMPLES if isinstance(sample, str)]


def test_whole_columns_agree_with_jsonschema_row_by_row():
    """A CSV is judged a column at a time: yes exactly when jsonschema passes every row."""
    schema = readers.schema(ROOT / "data", "observations")
    table = validity.compile_table(schema)
    full = jsonschema.Draft202012Validator(schema)
    assert table is not None
    tables = []
    for name in FILES["observations"]:
        rows = list(csv.reader((ROOT / name).read_text(encoding="utf-8-sig").splitlines()))
        header, body = rows[0], [[cell.strip() for cell in row] for row in rows[1:] if row]
        if len(set(map(len, body))) <= 1 and len(set(header)) == len(header):
            tables.append((header, body))
    header, body = tables[0]
    for column in range(len(header)):
        for text in TEXTS:
            changed = [*body[:-1], [*body[-1][:column], text, *body[-1][column + 1 :]]]
            tables.append((header, changed))
    tables.append((header[:-1], [row[:-1] for row in body]))  # a required column left out
    tables.append(([*header, "stray"], [[*row, "x"] for row in body]))
    tables.append((header, []))
    for header, body in tables:
        rows = [dict(zip(header, row, strict=True)) for row in body]
        assert table(header, body) is all(map(full.is_valid, rows)), (header, body[-1:])
