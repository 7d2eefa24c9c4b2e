"""How fresh each indicator's figures are: "data as at" against "next release due".

Pure: takes indicators and a date, returns plain records and sentences. The build prints the
report (never fails on it); ``make check`` prints it too. An indicator is *overdue for new
figures* when its next release was due on or before the given date: a newer release should be
out, and the data file still holds figures as at an earlier date.
"""

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple, Protocol


class Dated(Protocol):
    id: str
    data_as_at: date | None
    next_release_due: date | None


class Freshness(NamedTuple):
    indicator: str  # the indicator id
    data_as_at: date | None
    next_release_due: date | None
    state: str  # "overdue", "current", "no-release-date" or "no-data"


def assess(indicator: Dated, today: date) -> Freshness:
    if indicator.data_as_at is None:
        state = "no-data"
    elif indicator.next_release_due is None:
        state = "no-release-date"
    elif indicator.next_release_due <= today:
        state = "overdue"
    else:
        state = "current"
    return Freshness(indicator.id, indicator.data_as_at, indicator.next_release_due, state)


def overdue(indicators: Iterable[Dated], today: date) -> tuple[Freshness, ...]:
    """The indicators whose next release was due on or before ``today``."""
    return tuple(item for item in (assess(i, today) for i in indicators) if item.state == "overdue")


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def report(indicators: Iterable[Dated], today: date) -> list[str]:
    """Plain-English lines for the build log; empty when every release date is in the future."""
    found = [assess(indicator, today) for indicator in indicators]
    lines = [
        f"Freshness: data/indicators/{item.indicator}.yml has data as at "
        f"{_long(item.data_as_at)}, but its next release was due on "
        f"{_long(item.next_release_due)} (on or before {_long(today)}). Check the publisher's "
        "page for the new release, add its figures to the CSV, and update data_as_at and "
        "next_release_due (CONTRIBUTING.md: 'Add a new year to an indicator')."
        for item in found
        if item.state == "overdue"
    ]
    undated = sorted(item.indicator for item in found if item.state == "no-release-date")
    if undated:
        lines.append(
            f"Freshness: {len(undated)} indicator(s) have figures but no next release date "
            "(next_release_due: null), so the build cannot tell when they go out of date: "
            + ", ".join(undated)
            + ". Add the date when the publisher announces it."
        )
    return lines
