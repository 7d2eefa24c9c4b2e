"""Highlight reports: the sub groups' dated posts under ``docs/updates/posts/`` and their feed.

Material's blog plugin publishes each post at ``updates/<file name>/`` (``post_url_format:
"{file}"`` in mkdocs.yml); this module reads the same files' front matter, checks it against
``data/schemas/report.schema.json`` and data/priorities.yml, and writes an Atom feed after the
build. Nothing here invents a report: with no post, every list says so and the feed is empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from hub.errors import DataError, DataErrors
from hub.model import Priority, Report
from hub.readers import read_date, read_front_matter
from hub.render import template_file_cache

BLOG_DIR = "updates"  # mkdocs.yml: plugins.blog.blog_dir
POSTS_DIR = f"{BLOG_DIR}/posts"
FEED = f"{BLOG_DIR}/feed.xml"
TEMPLATES = Path(__file__).resolve().parent / "templates"


def _title(meta: dict, body: str) -> str | None:
    if meta.get("title"):
        return meta["title"]
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


def load_reports(root: Path, priority_ids: set[str]) -> tuple[Report, ...]:
    """Every published (not draft) highlight report, newest first."""
    folder = root / "docs" / POSTS_DIR
    reports, errors = [], []
    for path in sorted(folder.glob("*.md")):
        file = f"docs/{POSTS_DIR}/{path.name}"
        try:
            meta, lines, body = read_front_matter(path, "report", root)
        except (DataError, DataErrors) as error:
            errors.extend(error.errors if isinstance(error, DataErrors) else [error])
            continue
        for index, priority in enumerate(meta["priorities"]):
            if priority not in priority_ids:
                errors.append(
                    DataError(
                        file,
                        f"unknown priority '{priority}'",
                        lines.get(("priorities", index)) or lines.get(("priorities",)),
                        f"priorities.{index}",
                        "use the ids in data/priorities.yml: " + ", ".join(sorted(priority_ids)),
                    )
                )
        title = _title(meta, body)
        if title is None:
            errors.append(
                DataError(
                    file,
                    "the report has no title",
                    1,
                    "title",
                    "add 'title: …' to the front matter or start the text with '# Title'",
                )
            )
            continue
        try:
            published = read_date(meta["date"], file, lines.get(("date",)), "date")
        except DataError as error:
            errors.append(error)
            continue
        if meta.get("draft"):
            continue
        reports.append(
            Report(
                id=path.stem,
                title=title,
                date=published,
                sub_group=meta["sub_group"],
                priorities=tuple(meta["priorities"]),
                summary=" ".join(meta["summary"].split()),
                source=meta.get("source"),
                address=f"{BLOG_DIR}/{path.stem}/",
            )
        )
    if errors:
        raise DataErrors(errors)
    return tuple(sorted(reports, key=lambda report: (report.date, report.id), reverse=True))


def for_priority(reports: Iterable[Report], priority_id: str) -> tuple[Report, ...]:
    return tuple(report for report in reports if priority_id in report.priorities)


def feed_xml(
    reports: Iterable[Report], priorities: Iterable[Priority], site_url: str, updated: date
) -> str:
    """The Atom feed of the reports, with absolute addresses under ``site_url``."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    reports = tuple(reports)
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        # Compiled once, like the fragments: compiling it took longer than writing the feed.
        bytecode_cache=template_file_cache(TEMPLATES, Path(__file__)),
        autoescape=select_autoescape(["xml"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("atom.xml").render(
        base=base,
        feed=FEED,
        blog=f"{BLOG_DIR}/",
        reports=reports,
        titles={priority.id: priority.title for priority in priorities},
        updated=max((report.date for report in reports), default=updated),
    )


def write_feed(
    reports: Iterable[Report],
    priorities: Iterable[Priority],
    site_dir: Path,
    site_url: str,
    updated: date,
) -> Path:
    """Write ``<site_dir>/updates/feed.xml`` (called after the build, from macros.py)."""
    path = Path(site_dir) / FEED
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(feed_xml(reports, priorities, site_url, updated), encoding="utf-8")
    return path
