"""The editors' fast check: every data file, then a strict build into a temporary folder.

Run it before a pull request (``make check`` or ``.venv/bin/python -m hub.check``); it is also
the pre-commit hook in .pre-commit-config.yaml. It prints each problem in plain English, naming
the file and line, and exits with 1 if there is any. Reports that are not errors (indicators
due for new figures) are printed but never fail the check.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hub import data, freshness
from hub.errors import DataError, DataErrors

ROOT = Path(__file__).resolve().parent.parent

# MkDocs' warnings, and what an editor should do about each.
LINK = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<target>[^']+)', but the target "
    r"(?:'[^']+' )?is not found among documentation files"
)
ANCHOR = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<target>[^']+)', but (?:the doc "
    r"'(?P<doc>[^']+)' does not contain an anchor|there is no such anchor on this page)"
)
NOT_IN_NAV = re.compile(r'not included in the "nav" configuration:\s*((?:\n\s+- \S+)+)')
NAV_MISSING = re.compile(
    r"A reference to '(?P<page>[^']+)' is included in the 'nav' configuration, which is not "
    r"found in the documentation files"
)
# The hub's own page errors (macros.py, hub/macrocalls.py) already name the page and line and
# say what to do: each one is passed on as it is.
PAGE_PROBLEM = re.compile(
    r"^(?:ERROR\s+-\s+|- )(?P<problem>docs/[^\n]+?\.md(?:, line \d+)?: [^\n]+"
    r"(?:\n  What to do: [^\n]+)?)",
    re.M,
)


def _line_of(root: Path, page: str, needle: str) -> int | None:
    """The first line of ``docs/<page>`` that holds ``needle`` (a link target), if any."""
    path = root / "docs" / page
    if not path.is_file():
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    return None


def _where(root: Path, page: str, needle: str) -> str:
    line = _line_of(root, page, needle)
    return f"docs/{page}" + (f", line {line}" if line else "")


def translate(output: str, root: Path) -> list[str]:
    """MkDocs' warnings and errors as plain-English problems naming file and line."""
    problems: list[str] = []
    for match in ANCHOR.finditer(output):
        page, target = match["page"], match["target"]
        problems.append(
            f"{_where(root, page, target)}: the link '{target}' goes to a heading that does "
            "not exist on that page.\n  What to do: check the part after '#'; it must match a "
            "heading's anchor, such as '#key-indicators'."
        )
    for match in LINK.finditer(output):
        page, target = match["page"], match["target"]
        problems.append(
            f"{_where(root, page, target)}: the link '{target}' goes to a page that does "
            "not exist.\n  What to do: check the spelling; a link names the Markdown file "
            "relative to this page, such as '../priorities/neglect.md'."
        )
    for match in NOT_IN_NAV.finditer(output):
        for page in re.findall(r"- (\S+)", match.group(1)):
            problems.append(
                f"docs/{page}: this page is not in the navigation.\n  What to do: add it under "
                "'nav:' in mkdocs.yml, in the section where readers should find it."
            )
    for match in NAV_MISSING.finditer(output):
        problems.append(
            f"mkdocs.yml: the navigation names '{match['page']}', which does not exist under "
            "docs/.\n  What to do: correct the path or remove the line from 'nav:'."
        )
    problems.extend(match["problem"] for match in PAGE_PROBLEM.finditer(output))
    if not problems:  # anything else MkDocs warns about, as it said it
        problems = [
            line.split(" -  ", 1)[-1].strip()
            for line in output.splitlines()
            if line.startswith(("WARNING", "ERROR")) and "Aborted with" not in line
        ]
    return problems


def check_data(root: Path) -> tuple[list[str], object | None]:
    try:
        hub = data.load(root)
    except DataErrors as errors:
        return [str(error) for error in errors.errors], None
    except DataError as error:
        return [str(error)], None
    except Exception as error:  # a bug, not an editor's mistake: still say where
        return [f"Reading the data failed unexpectedly: {type(error).__name__}: {error}"], None
    return [], hub


def check_build(root: Path) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="hub-check-") as site:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
            cwd=root,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            check=False,
        )
    if result.returncode == 0:
        return []
    output = result.stderr + result.stdout
    return translate(output, root) or [
        "The build failed without a warning MkDocs could name. Its last lines were:\n"
        + "\n".join(output.strip().splitlines()[-5:])
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hub.check",
        description="Check every data file, then build the site strictly into a temporary folder.",
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    root = parser.parse_args(argv).root.resolve()
    started = time.perf_counter()

    print("Checking the data files…")
    problems, hub = check_data(root)
    if not problems:
        print("  Data files: no problems.")
        for line in freshness.report(hub.indicators, hub.build_date):
            print(f"  (Not an error) {line}")
        print("Building the site strictly (nothing is published)…")
        problems = check_build(root)
        if not problems:
            print("  Build: no problems.")
    elapsed = time.perf_counter() - started
    if problems:
        count = len(problems)
        print(f"\n{count} problem{'s' if count != 1 else ''} to fix:")
        for problem in problems:
            print(f"- {problem}")
        print(f"\nThe check failed ({elapsed:.1f} s). Fix the above, then run `make check` again.")
        return 1
    print(f"\nAll good ({elapsed:.1f} s): the data are valid and the site builds strictly.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
