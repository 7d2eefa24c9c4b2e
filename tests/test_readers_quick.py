"""The quick CSV row check (a speed-up for large data) never accepts what the schema rejects."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from hub import readers

DATA = Path(__file__).resolve().parent.parent / "data"
GOOD = {
    "period": "2017-18",
    "area": "Bristol",
    "measure": "started-all",
    "value": "22.7",
    "status": "published",
    "source": "lait",
    "release": "",
}


@pytest.mark.parametrize(
    ("change", "quick"),
    [
        ({}, True),
        ({"value": "", "status": "suppressed"}, True),
        ({"release": "2025"}, True),
        ({"area": "Wales"}, False),
        ({"value": "1,234"}, False),
        ({"value": "22.7%"}, False),
        ({"status": "Published"}, False),
        ({"measure": "Started All"}, False),
        ({"release": "25"}, False),
        ({"period": ""}, False),
        ({"extra": "x"}, False),
    ],
)
def test_quick_check_agrees_with_the_schema(change, quick):
    record = {**GOOD, **change}
    full = jsonschema.Draft202012Validator(readers.schema(DATA, "observations")).is_valid(record)
    assert readers.row_is_plainly_valid(DATA, "observations", record) is quick
    if quick:
        assert full  # never says yes where the full validator says no


def test_a_missing_column_is_left_to_the_full_validator():
    record = {key: value for key, value in GOOD.items() if key != "release"}
    assert readers.row_is_plainly_valid(DATA, "observations", record) is False
