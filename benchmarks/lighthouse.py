"""Lighthouse scores (mobile) from the pinned npm package in benchmarks/node_modules."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks import chromium

HERE = Path(__file__).resolve().parent
CLI = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


@dataclass(frozen=True)
class Report:
    url: str
    scores: dict[str, int]  # category id -> 0..100
    failing: list[str]  # "category: audit id (score)" for every scored audit below 1
    metrics: dict[str, float]  # a few timings in ms, for the record


def available() -> bool:
    return CLI.exists()


def run(url: str) -> Report:
    with tempfile.TemporaryDirectory(prefix="hub-lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        cmd = [
            "node",
            str(CLI),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--form-factor=mobile",
            "--chrome-flags=" + " ".join(["--headless=new", *chromium.ARGS]),
        ]
        env = {**os.environ, "CHROME_PATH": chromium.PATH, "TMPDIR": tmp}
        done = subprocess.run(
            cmd, env=env, capture_output=True, text=True, timeout=300, check=False
        )
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed for {url}:\n{done.stderr[-3000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    return parse(url, report)


def parse(url: str, report: dict) -> Report:
    audits = report["audits"]
    scores, failing = {}, []
    for category_id, category in report["categories"].items():
        scores[category_id] = round((category["score"] or 0) * 100)
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{category_id}: {ref['id']} ({audit['score']:.2f})")
    metrics = {
        name: audits[name]["numericValue"]
        for name in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
        if name in audits and "numericValue" in audits[name]
    }
    return Report(url, scores, failing, metrics)
