"""The readers' YAML loader (tags resolved once per text) composes PyYAML's own node tree.

hub.readers._FastLoader is the safe loader with a cheaper ``resolve``; every node must get the
same tag, value and position as from the loader it replaces, for every data file and for
scalars that YAML 1.1 reads as something other than text.
"""

from __future__ import annotations

import pytest
import yaml
from test_readers import TRICKY_YAML, _typed

from conftest import ROOT
from hub import readers

SCALARS = [
    *("yes", "No", "ON", "off", "y", "n", "~", "null", "Null", "''", '""'),
    *("1e3", "1.0e+3", ".inf", "-.Inf", ".NaN", "0x1F", "0o17", "017", "0b101", "1_000"),
    *("12:30:00", "190:20:30.15", "2019-06-30", "2019-13-01", "2001-12-14t21:59:43.10-05:00"),
    *("=", "<<", "+12", "-0", "0.", ".5", "1,000", "é", "✓"),
]
YAML_FILES = sorted(
    {*(ROOT / "data").rglob("*.yml"), *(ROOT / "tests").rglob("*.yml")}
    - set((ROOT / "tests" / "golden").rglob("*.yml"))
)
TEXTS = [
    *TRICKY_YAML,
    "\n".join(f"k{number}: {text}" for number, text in enumerate(SCALARS)) + "\n",
    "[" + ", ".join(SCALARS) + "]\n",
    *(path.read_text(encoding="utf-8") for path in YAML_FILES),
]
IDS = [
    *(repr(text) for text in TRICKY_YAML),
    "scalars as values",
    "scalars in a list",
    *(path.relative_to(ROOT).as_posix() for path in YAML_FILES),
]


def _tree(node):
    marks = (node.start_mark.line, node.start_mark.column, node.end_mark.line)
    if isinstance(node, yaml.ScalarNode):
        return (type(node), node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.SequenceNode):
        return (type(node), node.tag, [_tree(item) for item in node.value], marks)
    return (type(node), node.tag, [(_tree(k), _tree(v)) for k, v in node.value], marks)


def _compose(loader_class, text):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return ("tree", _tree(node) if node else None)
    except Exception as error:
        return ("error", type(error), str(error))
    finally:
        loader.dispose()


BASE = readers._FastLoader.__bases__[0]  # libyaml's safe loader, when installed


@pytest.mark.parametrize("text", TEXTS, ids=IDS)
def test_the_fast_loader_composes_the_safe_loaders_tree(text):
    assert _compose(readers._FastLoader, text) == _compose(BASE, text)
    for _ in range(2):  # again, with every tag already known
        assert _compose(readers._FastLoader, text) == _compose(BASE, text)


@pytest.mark.parametrize("text", TEXTS, ids=IDS)
def test_the_fast_loader_reads_the_same_values(text):
    def read(loader_class):
        try:
            return ("value", _typed(readers._parse(text, loader_class)[1]))
        except Exception as error:
            return ("error", type(error), str(error))

    assert read(readers._FastLoader) == read(BASE)


def _outcome(text):
    try:
        value, lines = readers._load_text(text, lambda: "f.yml", "this")
    except Exception as error:
        return ("error", type(error), str(error))
    return ("value", _typed(value), dict(lines))


def _eager(text):
    """What _load_text gave before it worked the lines out lazily: the whole table, at once."""
    try:
        value, _ = readers._load_text(text, lambda: "f.yml", "this")
    except Exception as error:
        return ("error", type(error), str(error))
    node = readers._parse(text, readers._FastLoader)[0]  # as built (a merge key changes it)
    lines: dict = {}
    if node is not None:
        readers._walk(node, (), lines, lambda: "f.yml")
    return ("value", _typed(value), lines)


@pytest.mark.parametrize("text", TEXTS, ids=IDS)
def test_the_lines_worked_out_later_are_the_lines(text):
    assert _outcome(text) == _eager(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a: 1\na: 2\n", "line 2, field 'a': the key 'a' appears twice", id="twice"),
        pytest.param("1: a\n!!str 1: b\n", "line 2, field '1': the key '1'", id="two tags"),
        pytest.param("x:\n  - {a: 1, b: 2, a: 3}\n", "line 2, field 'x.0.a'", id="deep"),
        pytest.param("a: 2019-13-01\na: 1\n", "line 1, field 'a': '2019-13-01' looks", id="date"),
        pytest.param("b: &x {c: 1}\nd: *x\nd: 2\n", "line 3, field 'd'", id="alias"),
    ],
)
def test_a_key_given_twice_is_named_as_before(text, expected):
    with pytest.raises(readers.DataError) as caught:
        readers._load_text(text, lambda: "f.yml", "this")
    assert expected in str(caught.value)
