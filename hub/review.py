"""Review dates: when each page was last reviewed, when it is due, and which are overdue.

Pure functions over a page's front matter (``reviewed:`` and ``review_due:``, YYYY-MM-DD);
macros.py hands them each page's metadata and prints the build's report.
"""

from datetime import date
from typing import NamedTuple

from hub.errors import DataError

FIELDS = ("reviewed", "review_due")


class Review(NamedTuple):
    """A page's review dates, as the page shows them."""

    page: str  # docs-relative path, e.g. "about/accessibility.md"
    reviewed: date
    due: date
    overdue: bool  # due before the build date

    @property
    def reviewed_text(self) -> str:
        return long_date(self.reviewed)

    @property
    def due_text(self) -> str:
        return long_date(self.due)


def long_date(day: date) -> str:
    """``2026-11-28`` -> ``"28 November 2026"`` (GOV.UK style)."""
    return f"{day.day} {day:%B %Y}"


def _date(page: str, meta: dict, key: str) -> date:
    value = meta[key]
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DataError(
            file=f"docs/{page}",
            field=key,
            message=f"{value!r} is not a date",
            hint=f"write it in the front matter as '{key}: YYYY-MM-DD', such as 2026-11-28",
        ) from None


def missing(meta: dict) -> list[str]:
    """The review fields a page's front matter lacks."""
    return [key for key in FIELDS if not meta.get(key)]


def describe(page: str, meta: dict, today: date) -> Review | None:
    """The page's review, or None when it has no dates (reported by :func:`report`)."""
    if missing(meta):
        return None
    reviewed, due = _date(page, meta, "reviewed"), _date(page, meta, "review_due")
    if due < reviewed:
        raise DataError(
            file=f"docs/{page}",
            field="review_due",
            message=f"the review is due ({due}) before the page was reviewed ({reviewed})",
            hint="set review_due to a date after reviewed, usually one year later",
        )
    return Review(page=page, reviewed=reviewed, due=due, overdue=due < today)


def report(pages: dict[str, dict], today: date) -> list[str]:
    """Lines for the build's output: pages without dates, then overdue pages (sorted)."""
    lines = []
    for page in sorted(pages):
        absent = missing(pages[page])
        if absent:
            lines.append(
                f"WARNING (not fatal): docs/{page} has no {' or '.join(absent)} in its front "
                "matter; add 'reviewed: YYYY-MM-DD' and 'review_due: YYYY-MM-DD'."
            )
    overdue = [
        review
        for page in sorted(pages)
        if (review := describe(page, pages[page], today)) and review.overdue
    ]
    if overdue:
        lines.append(
            f"Pages overdue for review on {today.isoformat()} ({len(overdue)}), "
            "WARNING (not fatal):"
        )
        lines += [f"  docs/{r.page}: review was due on {r.due.isoformat()}" for r in overdue]
    return lines
