"""hub.render's relative links: its shortcut gives what posixpath.relpath gives, on usual and
unusual paths (dots, doubled slashes, the site root)."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from hub.render import _relative

PATHS = ["", "index/", "indicators/", "indicators/repeat-cp-plans/", "data/all.csv", "a/b/c/d"]
ODD = ["a/./b/", "../x/", "a//b/", "./", "a/b/../c/", "/lead/"]
BASES = ["", "indicators/", "indicators/repeat-cp-plans/", "a/b/", "a/b/c/d/", "data/"]


@pytest.mark.parametrize(
    ("path", "base"), list(itertools.product(PATHS + ODD, BASES + ODD)), ids=repr
)
def test_relative_is_relpath(path: str, base: str) -> None:
    assert _relative(path, base) == posixpath.relpath("/" + path, "/" + base)
