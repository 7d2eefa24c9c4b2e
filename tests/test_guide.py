"""CONTRIBUTING.md, the editors' guide, stays true: the macros, data fields and make targets it
names exist, and every one that exists is named in it."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from hub import views

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    start = GUIDE.index(f"\n## {title}\n")
    end = GUIDE.find("\n## ", start + 1)
    return GUIDE[start : end if end != -1 else None]


def first_cells(text: str) -> list[str]:
    """The backticked first cell of every table row (header and rule rows skipped)."""
    return re.findall(r"^\| `([^`]+)` \|", text, re.M)


# ---------------------------------------------------------------- macros


def test_the_macro_table_names_every_macro_and_only_those():
    named = [cell.split("(")[0] for cell in first_cells(section("Macros you can use"))]
    assert sorted(named) == sorted(views.MACROS)
    assert len(named) == len(set(named))


def test_every_macro_call_in_the_guide_exists():
    called = set(re.findall(r"\{\{ *([a-z_]+)\(", GUIDE))
    assert called and called <= set(views.MACROS)


# ---------------------------------------------------------------- make targets


def makefile_targets() -> tuple[set[str], set[str]]:
    text = (ROOT / "Makefile").read_text()
    defined = set(re.findall(r"^([a-z][a-z-]*):", text, re.M))
    public = set(re.search(r"^\.PHONY:(.*)$", text, re.M).group(1).split())
    return defined, public


def test_every_make_target_named_exists_and_every_public_one_is_named():
    named = set(re.findall(r"\bmake ([a-z][a-z-]*)", GUIDE))
    defined, public = makefile_targets()
    assert named <= defined, named - defined
    assert public <= named, public - named


# ---------------------------------------------------------------- data fields


def schema_keys(node) -> set[str]:
    keys: set[str] = set()
    if isinstance(node, dict):
        for name, child in node.get("properties", {}).items():
            keys.add(name)
            keys |= schema_keys(child)
        for part in ("items", "additionalProperties", "then", "else", "if"):
            keys |= schema_keys(node.get(part))
        for part in ("oneOf", "anyOf", "allOf"):
            for child in node.get(part, []):
                keys |= schema_keys(child)
        for child in node.get("$defs", {}).values():
            keys |= schema_keys(child)
    return keys


SCHEMAS = sorted((ROOT / "data" / "schemas").glob("*.schema.json"))


def reference_tables() -> dict[str, set[str]]:
    """Schema file name -> the fields the guide's reference table lists for it."""
    reference = section("Reference: every data field")
    tables = {}
    for block in reference.split("\n### ")[1:]:
        heading, _, body = block.partition("\n")
        (schema,) = re.findall(r"`data/schemas/([a-z-]+\.schema\.json)`", heading)
        tables[schema] = set(first_cells(body))
    return tables


@pytest.mark.parametrize("schema", SCHEMAS, ids=[path.name for path in SCHEMAS])
def test_the_reference_lists_exactly_the_fields_of_each_schema(schema):
    tables = reference_tables()
    assert schema.name in tables, f"CONTRIBUTING.md has no reference table for {schema.name}"
    keys = schema_keys(json.loads(schema.read_text()))
    assert tables[schema.name] == keys, {
        "missing from the guide": sorted(keys - tables[schema.name]),
        "not in the schema": sorted(tables[schema.name] - keys),
    }


def test_every_reference_table_is_for_a_schema_that_exists():
    assert set(reference_tables()) == {path.name for path in SCHEMAS}


def test_every_key_the_guide_writes_as_key_colon_exists_in_a_schema():
    """In the text, a data key is written `key:`; each one must be a real key."""
    every = set().union(*(schema_keys(json.loads(path.read_text())) for path in SCHEMAS))
    written = set(re.findall(r"`([a-z_]+):", GUIDE))
    assert written, "the guide names no key"
    assert written <= every, sorted(written - every)


def test_the_example_messages_are_those_of_the_check_corpus():
    """The messages quoted under 'Read a failing check' come from tests/check_corpus/."""
    import yaml

    quoted = section("Read a failing check")
    for case in sorted((ROOT / "tests" / "check_corpus").glob("*.yml")):
        expect = yaml.safe_load(case.read_text())["expect"]
        head, _, tail = expect.partition("{line}")
        assert re.search(re.escape(head) + r"\d+" + re.escape(tail), quoted), case.name
