"""Valid HTML: the Nu HTML Checker (npm vnu-jar, pinned in package-lock.json; `make install`
runs `npm ci`) over every built page, errors only. Errors that come from Material's own
templates are listed, with the reason, in tests/vnu-allowed.txt; anything else fails."""

from __future__ import annotations

import json
import shutil
import subprocess

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ALLOWED_FILE = ROOT / "tests" / "vnu-allowed.txt"


def allowed() -> dict[str, str]:
    rules = {}
    for line in ALLOWED_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            message, _, reason = line.partition(" | ")
            assert reason.strip(), f"tests/vnu-allowed.txt: say why this is allowed: {line}"
            rules[message.strip()] = reason
    return rules


def test_every_page_is_valid_html(site):
    assert shutil.which("java"), "Java 17 or newer is needed for the Nu HTML Checker"
    assert VNU.is_file(), f"{VNU} is missing: run `make install` (it runs `npm ci`)"
    pages = sorted(str(path) for path in site.rglob("*.html"))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    rules = allowed()
    errors = [
        f"{m['url'].removeprefix('file:' + str(site))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" and not any(m["message"].startswith(rule) for rule in rules)
    ]
    assert errors == []
