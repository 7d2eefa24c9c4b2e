"""Review dates: every page carries `reviewed:` and `review_due:`, shows them, and the build lists
the pages that are overdue (relative to SOURCE_DATE_EPOCH, or today)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import yaml

from conftest import ROOT, mkdocs_build
from hub import review
from hub.errors import DataError

DOCS = ROOT / "docs"


def front_matter(path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4:].partition("\n---")[0]) or {}


def pages() -> list[str]:
    excluded = ("includes/",)
    return sorted(
        p.relative_to(DOCS).as_posix()
        for p in DOCS.rglob("*.md")
        if not p.relative_to(DOCS).as_posix().startswith(excluded)
    )


def test_every_page_has_review_dates():
    problems = []
    for page in pages():
        meta = front_matter(DOCS / page)
        missing = review.missing(meta)
        if missing:
            problems.append(f"docs/{page}: no {' or '.join(missing)}")
            continue
        try:
            review.describe(page, meta, date(2026, 11, 28))
        except DataError as error:
            problems.append(str(error))
    assert problems == []


def test_every_built_page_shows_its_review_dates(site):
    for page in pages():
        meta = front_matter(DOCS / page)
        if review.missing(meta):
            continue  # reported by the test above
        stem = page.removesuffix(".md")
        built = site / (stem.removesuffix("index") if stem.endswith("index") else stem + "/")
        html = (built / "index.html").read_text()
        reviewed = review.long_date(review.describe(page, meta, date(2026, 11, 28)).reviewed)
        assert "Page last reviewed: <time datetime=" in html, page
        assert f">{reviewed}</time>" in html, page


META = {"reviewed": date(2026, 11, 28), "review_due": date(2027, 11, 28)}


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(date(2027, 11, 28), False), (date(2027, 11, 29), True), (date(2026, 11, 28), False)],
)
def test_a_page_is_overdue_the_day_after_its_due_date(today, overdue):
    assert review.describe("a.md", META, today).overdue is overdue


def test_the_report_lists_missing_and_overdue_pages():
    lines = review.report(
        {"a.md": META, "b.md": {}, "c.md": {"reviewed": "2026-11-28"}}, date(2028, 1, 1)
    )
    assert lines == [
        "WARNING (not fatal): docs/b.md has no reviewed or review_due in its front matter; "
        "add 'reviewed: YYYY-MM-DD' and 'review_due: YYYY-MM-DD'.",
        "WARNING (not fatal): docs/c.md has no review_due in its front matter; "
        "add 'reviewed: YYYY-MM-DD' and 'review_due: YYYY-MM-DD'.",
        "Pages overdue for review on 2028-01-01 (1), WARNING (not fatal):",
        "  docs/a.md: review was due on 2027-11-28",
    ]


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"reviewed": "last year", "review_due": "2027-11-28"}, "'last year' is not a date"),
        ({"reviewed": "2026-11-28", "review_due": "2025-11-28"}, "before the page was reviewed"),
    ],
)
def test_bad_dates_name_the_page_and_field(meta, message):
    with pytest.raises(DataError) as caught:
        review.describe("about/index.md", meta, date(2026, 11, 28))
    assert caught.value.file == "docs/about/index.md"
    assert message in str(caught.value)


def test_the_build_lists_overdue_pages_and_shows_the_flag(project):
    later = str(int(datetime(2028, 1, 1, tzinfo=UTC).timestamp()))
    result = mkdocs_build(project, project / "site", env={"SOURCE_DATE_EPOCH": later})
    assert result.returncode == 0, result.stderr
    assert "Pages overdue for review on 2028-01-01" in result.stderr
    assert "  docs/get-help.md: review was due on 2027-11-28" in result.stderr
    html = (project / "site" / "get-help" / "index.html").read_text()
    assert "This page is overdue for review." in html
