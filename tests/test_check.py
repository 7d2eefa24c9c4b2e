"""The fast check (python -m hub.check, make check, the pre-commit hook): each kind of editor
mistake in tests/check_corpus/ fails it with its plain-English message naming file and line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from hub import check

CORPUS = sorted((Path(__file__).parent / "check_corpus").glob("*.yml"))


def run_check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hub.check", "--root", str(project)],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_corpus_covers_at_least_five_kinds_of_mistake():
    kinds = {yaml.safe_load(case.read_text())["file"].split("/")[0] for case in CORPUS}
    assert len(CORPUS) >= 5
    assert kinds == {"data", "docs"}  # data files and pages both


@pytest.mark.parametrize("case", CORPUS, ids=[case.stem for case in CORPUS])
def test_each_mistake_fails_with_its_message(project, case):
    spec = yaml.safe_load(case.read_text())
    path = project / spec["file"]
    text = path.read_text(encoding="utf-8")
    assert text.count(spec["find"]) == 1, f"{case.name}: 'find' must match exactly once"
    broken = text.replace(spec["find"], spec["replace"])
    path.write_text(broken, encoding="utf-8")
    line = broken[: broken.index(spec["line_of"])].count("\n") + 1
    expected = spec["expect"].format(line=line)

    result = run_check(project)

    assert result.returncode == 1, result.stdout + result.stderr
    assert f"- {expected}" in result.stdout, result.stdout
    assert "What to do:" in result.stdout
    assert "Traceback" not in result.stdout


def test_a_clean_project_passes(project):
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All good" in result.stdout


def test_mkdocs_warnings_are_translated(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("# A\n\nSee [b](b.md) and [c](a.md#c).\n")
    output = (
        "WARNING -  Doc file 'a.md' contains a link 'b.md', but the target is not found among "
        "documentation files.\n"
        "WARNING -  Doc file 'a.md' contains a link 'a.md#c', but the doc 'a.md' does not "
        "contain an anchor '#c'.\n"
        "WARNING -  The following pages exist in the docs directory, but are not included in "
        'the "nav" configuration:\n  - new-page.md\n'
        "WARNING -  A reference to 'gone.md' is included in the 'nav' configuration, which is "
        "not found in the documentation files.\n"
    )
    problems = check.translate(output, tmp_path)
    assert [p.split("\n")[0] for p in problems] == [
        "docs/a.md, line 3: the link 'a.md#c' goes to a heading that does not exist on that page.",
        "docs/a.md, line 3: the link 'b.md' goes to a page that does not exist.",
        "docs/new-page.md: this page is not in the navigation.",
        "mkdocs.yml: the navigation names 'gone.md', which does not exist under docs/.",
    ]


def test_make_check_and_the_pre_commit_hook_run_the_same_command():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^check: install\n\t\$\(BIN\)/python -m hub\.check$", makefile, re.M)
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    (hook,) = [h for repo in config["repos"] if repo["repo"] == "local" for h in repo["hooks"]]
    assert hook["entry"] == ".venv/bin/python -m hub.check"
    assert hook["language"] == "system" and hook["pass_filenames"] is False
