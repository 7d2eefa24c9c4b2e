"""Under `mkdocs serve`, Python edits are not picked up by a rebuild, and the log says so."""

from __future__ import annotations

import os

import pytest

from conftest import ROOT
from hub.site import code_versions, stale_code

HOOKS = ROOT / "macros.py"


def test_the_hub_s_python_files_are_all_watched():
    names = code_versions(HOOKS)
    assert "macros.py" in names
    assert {"hub/site.py", "hub/views.py", "hub/data.py"} <= names.keys()
    assert all(name == "macros.py" or name.startswith("hub/") for name in names)


def test_nothing_is_said_while_the_code_is_as_loaded():
    assert stale_code(code_versions(HOOKS), code_versions(HOOKS)) == []


@pytest.mark.parametrize(
    ("now", "named"),
    [
        ({"macros.py": 1, "hub/views.py": 3}, "hub/views.py"),  # edited
        ({"macros.py": 1}, "hub/views.py"),  # deleted
        ({"macros.py": 1, "hub/views.py": 2, "hub/new.py": 5}, "hub/new.py"),  # added
    ],
    ids=["edited", "deleted", "added"],
)
def test_a_changed_file_is_named_with_what_to_do(now, named):
    (line,) = stale_code({"macros.py": 1, "hub/views.py": 2}, now)
    assert named in line
    assert "make serve again" in line


def test_an_edit_changes_the_version(tmp_path):
    hooks = tmp_path / "macros.py"
    hooks.write_text("", encoding="utf-8")
    before = code_versions(hooks)
    stat = hooks.stat()
    os.utime(hooks, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert stale_code(before, code_versions(hooks)) != []
