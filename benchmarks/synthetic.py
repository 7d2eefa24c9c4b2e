"""Synthetic indicators for the scale benchmark, written only into a throwaway project copy.

Each is a copy of a real indicator's metadata (so it passes the hub's loader) with a new id, a
title that says it is synthetic, and made-up values for 40 periods. They are benchmark load,
not data: they never go under the repository's data/, and no page of the real site shows them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from benchmarks.project import load_config

PERIODS = 40
GROUP = 50  # indicators per navigation group in the "grouped" layout
LAYOUTS = ("flat", "flat+prune", "grouped+prune")
LAYOUT = "grouped+prune"  # the layout the scale table uses: what a national hub should do


@dataclass(frozen=True)
class Made:
    ids: list[str]
    pages: list[str]  # docs paths of the synthetic indicator pages
    layout: str


def indicator_pages(project: Path) -> list[str]:
    """Docs paths of the real indicators' pages, in id order."""
    folder = project / "data" / "indicators"
    return [
        f"indicators/{path.stem}.md"
        for path in sorted(folder.glob("*.yml"))
        if (project / "docs" / "indicators" / f"{path.stem}.md").exists()
    ]


def _real_ids(project: Path) -> list[str]:
    return sorted(path.stem for path in (project / "data" / "indicators").glob("*.yml"))


def generated_pages(project: Path) -> list[str]:
    return sorted(
        f"indicators/{p.name}" for p in (project / "docs" / "indicators").glob("synthetic-*.md")
    )


def generate(project: Path, count: int, layout: str = LAYOUT) -> Made:
    """Add ``count`` synthetic indicators (data, page, navigation) to the copy at ``project``."""
    template_id = _template(project)
    data = project / "data" / "indicators"
    meta_text = (data / f"{template_id}.yml").read_text(encoding="utf-8")
    meta = yaml.safe_load(meta_text)
    rows = list(csv.DictReader(io.StringIO((data / f"{template_id}.csv").read_text("utf-8"))))
    page_path = project / "docs" / "indicators" / f"{template_id}.md"
    page_text = page_path.read_text("utf-8") if page_path.exists() else f"# {template_id}\n"
    periods = _periods(rows, meta)
    _allow_more_numbers(project)
    ids, pages = [], []
    first_number = _max_number(data) + 1
    for n in range(1, count + 1):
        new_id = f"synthetic-{n:04d}"
        _write_meta(data / f"{new_id}.yml", meta_text, template_id, new_id, first_number + n - 1, n)
        _write_rows(data / f"{new_id}.csv", meta, rows, periods, n)
        page = f"indicators/{new_id}.md"
        (project / "docs" / page).write_text(
            _retitle(page_text.replace(template_id, new_id), n), encoding="utf-8"
        )
        ids.append(new_id)
        pages.append(page)
    _write_nav(project, pages, layout)
    return Made(ids, pages, layout)


def _allow_more_numbers(project: Path) -> None:
    """The strategy has nine key indicators, so the schema caps ``number`` at 9: lift the cap
    in this copy only, so that a thousand synthetic ones pass the same loader."""
    path = project / "data" / "schemas" / "indicator.schema.json"
    if path.exists():
        schema = json.loads(path.read_text("utf-8"))
        number = schema.get("properties", {}).get("number", {})
        number.pop("maximum", None)
        path.write_text(json.dumps(schema, indent=2), "utf-8")


def _template(project: Path) -> str:
    """The real indicator to copy: the first (by id) with a page and published figures."""
    with_page = {Path(page).stem for page in indicator_pages(project)}
    data = project / "data" / "indicators"
    candidates = sorted(
        (stem not in with_page, stem)
        for stem in _real_ids(project)
        if ",published," in (data / f"{stem}.csv").read_text("utf-8")
    )
    if not candidates:
        raise RuntimeError("no real indicator with published figures to copy")
    return candidates[0][1]


def _max_number(folder: Path) -> int:
    numbers = [yaml.safe_load(p.read_text("utf-8")).get("number", 0) for p in folder.glob("*.yml")]
    return max([n for n in numbers if isinstance(n, int)], default=0)


def _write_meta(path: Path, text: str, old_id: str, new_id: str, number: int, n: int) -> None:
    """The real metadata, textually, with a new id, number and a title that says synthetic."""
    text = re.sub(rf"^id: {re.escape(old_id)}$", f"id: {new_id}", text, count=1, flags=re.M)
    text = re.sub(r"^number: \d+$", f"number: {number}", text, count=1, flags=re.M)
    text = re.sub(
        r"^title: .*$",
        f"title: Synthetic indicator {n} (benchmark load, not data)",
        text,
        count=1,
        flags=re.M,
    )
    path.write_text(text, encoding="utf-8")


def _retitle(page: str, n: int) -> str:
    """The page's front-matter title (if any) or first heading, saying synthetic."""
    page = re.sub(r"^title: .*$", f"title: Synthetic indicator {n}", page, count=1, flags=re.M)
    return re.sub(r"^# .*$", f"# Synthetic indicator {n}", page, count=1, flags=re.M)


def _periods(rows: list[dict], meta: dict) -> list[str]:
    """``PERIODS`` consecutive periods in the template's style, ending with its latest."""
    latest = max((row["period"] for row in rows), default="2024-25")
    if m := re.fullmatch(r"(\d{4})([-/])(\d{2})", latest):
        end, sep = int(m.group(1)), m.group(2)
        return [f"{y}{sep}{(y + 1) % 100:02d}" for y in range(end - PERIODS + 1, end + 1)]
    if m := re.fullmatch(r"(\d{4})(-\d{2}-\d{2})?", latest):
        end, rest = int(m.group(1)), m.group(2) or ""
        return [f"{y}{rest}" for y in range(end - PERIODS + 1, end + 1)]
    raise RuntimeError(f"cannot extend the period {latest!r} of the template indicator")


def _write_rows(path: Path, meta: dict, rows: list[dict], periods: list[str], n: int) -> None:
    """Made-up values for the headline series: one row per period, same columns as the real."""
    headline = meta.get("headline") or {}
    model = next(
        (
            r
            for r in rows
            if r.get("measure") == headline.get("measure")
            and r.get("area") == headline.get("area")
            and r.get("status") == "published"
        ),
        rows[0],
    )
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(model), lineterminator="\n")
    writer.writeheader()
    for k, period in enumerate(periods):
        value = 100 + (n * 7 + k * 13) % 50  # arbitrary, obviously synthetic
        writer.writerow({**model, "period": period, "value": str(value), "status": "published"})
    path.write_text(out.getvalue(), encoding="utf-8")


def _write_nav(project: Path, pages: list[str], layout: str) -> None:
    """mkdocs.yml = the project's config (INHERIT) with the synthetic pages in the navigation."""
    base = project / "mkdocs.base.yml"
    (project / "mkdocs.yml").rename(base)
    config = load_config(project, base.name)
    entries: list = list(pages)
    if layout.startswith("grouped"):
        entries = [
            {f"Synthetic group {g // GROUP + 1}": pages[g : g + GROUP]}
            for g in range(0, len(pages), GROUP)
        ]
    nav = config["nav"]
    if not _append_beside(nav, "indicators/index.md", entries):
        nav.append({"Synthetic indicators": entries})
    override: dict = {"INHERIT": base.name, "nav": nav}
    if layout.endswith("+prune"):
        features = list(config.get("theme", {}).get("features", []))
        override["theme"] = {"features": [*features, "navigation.prune"]}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(override, sort_keys=False), "utf-8")


def _append_beside(items: list, target: str, entries: list) -> bool:
    """Append ``entries`` to the nav list that holds ``target``; True if found."""
    for item in items:
        values = [item] if not isinstance(item, dict) else list(item.values())
        for value in values:
            if value == target:
                items.extend(entries)
                return True
            if isinstance(value, list) and _append_beside(value, target, entries):
                return True
    return False
