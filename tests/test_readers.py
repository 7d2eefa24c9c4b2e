"""The schema-checked readers name the file, the line and the field, and say what to do."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from conftest import ROOT
from hub import readers, site
from hub.errors import DataError, DataErrors
from hub.readers import read_csv, read_front_matter, read_yaml

PRIORITY = (
    "  - id: neglect\n    number: 2\n    title: Reduce Neglect\n    page: priorities/neglect.md\n"
)


@pytest.fixture
def root(tmp_path):
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    return tmp_path


def write(root, text):
    path = root / "data" / "priorities.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "priorities:\n" + PRIORITY.replace("title:", "titel:"),
            [
                "data/priorities.yml, line 2, field 'priorities.0': unknown key 'titel' (did you "
                "mean 'title'?)\n  What to do: check the spelling; the keys allowed here are id, "
                "number, page, title",
                "data/priorities.yml, line 2, field 'priorities.0': missing key 'title'\n"
                "  What to do: add it; see the schema for what it holds",
            ],
        ),
        (
            "priorities:\n" + PRIORITY.replace("number: 2", "number: two"),
            [
                "data/priorities.yml, line 3, field 'priorities.0.number': 'two' should be a whole "
                "number\n  What to do: the priority's number in the strategy"
            ],
        ),
        (
            "priorities:\n" + PRIORITY.replace("neglect.md", "neglect.html"),
            [
                "data/priorities.yml, line 5, field 'priorities.0.page': 'priorities/neglect.html' "
                "is not in the expected form\n  What to do: the path of its page under docs/, such "
                "as 'priorities/neglect.md'"
            ],
        ),
    ],
    ids=["unknown-key", "wrong-type", "bad-pattern"],
)
def test_schema_errors_name_file_line_and_field(root, text, expected):
    with pytest.raises(DataErrors) as caught:
        read_yaml(write(root, text), "priorities", root)
    assert [str(error) for error in caught.value.errors] == expected


def test_a_duplicate_key_is_an_error_not_a_silent_overwrite(root):
    text = "priorities:\n" + PRIORITY + "    title: Again\n"
    with pytest.raises(DataError) as caught:
        read_yaml(write(root, text), "priorities", root)
    assert str(caught.value) == (
        "data/priorities.yml, line 6, field 'priorities.0.title': the key 'title' appears twice\n"
        "  What to do: keep one of them"
    )


def test_broken_yaml_names_the_line(root):
    with pytest.raises(DataError) as caught:
        read_yaml(write(root, "priorities:\n  - id: [neglect\n"), "priorities", root)
    assert caught.value.line == 3
    assert "not valid YAML" in caught.value.message


def test_csv_rows_carry_their_line_and_bad_headers_are_named(root, tmp_path):
    schema = root / "data" / "schemas" / "rows.schema.json"
    schema.write_text(
        '{"type": "object", "additionalProperties": false, "required": ["period", "value"],'
        ' "properties": {"period": {"type": "string"}, "value": {"type": "string",'
        ' "pattern": "^[0-9.]*$", "description": "a number such as 12.5"}}}'
    )
    path = root / "data" / "rows.csv"
    path.write_text("period,value\n2017-18,12.5\n\n2018-19,twelve\n")
    with pytest.raises(DataErrors) as caught:
        read_csv(path, "rows", root)
    assert str(caught.value.errors[0]) == (
        "data/rows.csv, line 4, field 'value': 'twelve' is not in the expected form\n"
        "  What to do: a number such as 12.5"
    )
    path.write_text("period,valeu\n")
    with pytest.raises(DataError, match="unknown column 'valeu'; missing column 'value'"):
        read_csv(path, "rows", root)
    path.write_text("period,value\n2017-18,1\n")
    assert read_csv(path, "rows", root) == [{"period": "2017-18", "value": "1", "_line": 2}]


def test_an_impossible_date_is_named_not_a_crash(root):
    text = "priorities:\n" + PRIORITY + "    reviewed: 2019-13-01\n"
    with pytest.raises(DataError) as caught:
        read_yaml(write(root, text), "priorities", root)
    assert str(caught.value) == (
        "data/priorities.yml, line 6, field 'priorities.0.reviewed': '2019-13-01' looks like a "
        "date but is not one (month must be in 1..12)\n"
        "  What to do: write a real date as YYYY-MM-DD, such as 2019-06-30"
    )


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        (
            "date: 2025-13-01\n",
            "docs/post.md, line 2, field 'date': '2025-13-01' looks like a date but is not one "
            "(month must be in 1..12)\n"
            "  What to do: write a real date as YYYY-MM-DD, such as 2019-06-30",
        ),
        (
            "date: 2025-01-01\ndate: 2025-02-01\n",
            "docs/post.md, line 3, field 'date': the key 'date' appears twice\n"
            "  What to do: keep one of them",
        ),
        (
            "summary: [unclosed\n",
            "docs/post.md, line 3: the front matter is not valid YAML: expected ',' or ']', but "
            "got '<stream end>'\n"
            "  What to do: check the indentation and that text with a colon is in quotes",
        ),
    ],
    ids=["impossible-date", "duplicate-key", "broken-yaml"],
)
def test_front_matter_mistakes_name_the_page_line(root, front_matter, expected):
    """Front matter goes through the same YAML reading as data files, lines counted in the page."""
    page = root / "docs" / "post.md"
    page.parent.mkdir()
    page.write_text("---\n" + front_matter + "---\n\nText.\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_front_matter(page, "report", root)
    assert str(caught.value) == expected


def test_csv_mistakes_of_both_kinds_come_in_line_order(root):
    """Rows judged a column at a time, then row by row when one is wrong: messages unchanged."""
    (root / "data" / "schemas" / "rows.schema.json").write_text(
        '{"type": "object", "additionalProperties": false, "required": ["period", "value"],'
        ' "properties": {"period": {"type": "string", "minLength": 1}, "value": {"type":'
        ' "string", "pattern": "^[0-9.]*$", "description": "a number such as 12.5"}}}'
    )
    path = root / "data" / "rows.csv"
    path.write_text("period,value\n2017-18,x\n2018-19,1,2\n,3\n2019-20\n2020-21,4\n")
    with pytest.raises(DataErrors) as caught:
        read_csv(path, "rows", root)
    assert str(caught.value) == (
        "4 problems in the data files:\n"
        "- data/rows.csv, line 2, field 'value': 'x' is not in the expected form\n"
        "  What to do: a number such as 12.5\n"
        "- data/rows.csv, line 3: the row has 3 cells but the header has 2\n"
        "  What to do: check for a missing or extra comma; put text holding a comma in quotes\n"
        "- data/rows.csv, line 4, field 'period': '' should be non-empty\n"
        "- data/rows.csv, line 5: the row has 1 cells but the header has 2\n"
        "  What to do: check for a missing or extra comma; put text holding a comma in quotes"
    )
    path.write_text("period,value\n ,  \n2017-18 , 1 \n")
    assert read_csv(path, "rows", root) == [{"period": "2017-18", "value": "1", "_line": 3}]


TRICKY_YAML = [
    "a: &x {b: 1}\nc: *x\n",
    "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n",
    "=: 1\n",
    "'<<': 2\n",
    "a: !!set {x, y}\nb: !!omap [{x: 1}]\nc: !!binary aGVsbG8=\n",
    "d: 2019-06-30\nt: 2001-12-14t21:59:43.10-05:00\n",
    "a: 2019-13-01\n",
    "a: !foo x\n",
    "? [a]\n: 1\n",
    "a: yes\nb: ~\nc: 1e3\ne: 0x1F\nf: 0o17\n1: a\n2.5: b\nnull: c\ntrue: d\n",
    "a: 1\na: 2\n",
    "a: !!str 12\nb: !!int '12'\n",
    "[1, {a: [2, {b: 3}]}]\n",
    "a: <<\n",
]
DATA_YAML = sorted((ROOT / "data").rglob("*.yml"))


def _pyyaml(text):
    loader = yaml.CSafeLoader(text)
    try:
        node = loader.get_single_node()
        return ("value", loader.construct_document(node) if node else None)
    except Exception as error:
        return ("error", type(error), str(error))
    finally:
        loader.dispose()


def _ours(text):
    try:
        return ("value", readers._parse(text, yaml.CSafeLoader)[1])
    except Exception as error:
        return ("error", type(error), str(error))


def _typed(value):
    """The value with every type spelt out: 1 == 1.0 == True would hide a difference."""
    if isinstance(value, dict):
        return [(_typed(key), _typed(item)) for key, item in value.items()]
    if isinstance(value, list | tuple):
        return (type(value), [_typed(item) for item in value])
    return (type(value), value)


@pytest.mark.parametrize(
    "text",
    [*TRICKY_YAML, *(path.read_text(encoding="utf-8") for path in DATA_YAML)],
    ids=[*(repr(text) for text in TRICKY_YAML), *(path.name for path in DATA_YAML)],
)
def test_yaml_values_and_errors_are_pyyamls_own(text):
    ours, theirs = _ours(text), _pyyaml(text)
    assert ours[0] == theirs[0]
    if ours[0] == "value":
        assert _typed(ours[1]) == _typed(theirs[1])
    else:
        assert ours == theirs


def test_an_alias_gives_the_same_object_as_pyyaml_does():
    value = readers._parse("a: &x {b: 1}\nc: *x\n", yaml.CSafeLoader)[1]
    assert value["a"] is value["c"]


def test_each_build_checks_with_the_schemas_as_they_are_now(project):
    """`mkdocs serve` rebuilds in one process: a schema edited meanwhile checks the next build."""
    site.Build.start(project, [])
    path = project / "data" / "schemas" / "priorities.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["priorities"]["maxItems"] = 2  # the strategy has six
    path.write_text(json.dumps(schema), encoding="utf-8")
    with pytest.raises((DataError, DataErrors), match="priorities"):
        site.Build.start(project, [])
