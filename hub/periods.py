"""Real reporting periods: financial years, academic years, snapshot dates and calendar years.

Open SDG truncates "2018-19" to 2018 and knows only integer years. Here a period keeps its
start and end dates and the label its source writes, so 2017-18 (1 April 2017 to 31 March 2018),
2017/18 (1 September 2017 to 31 August 2018) and 31 March 2018 (a count on that day) stay
distinct, sort correctly and are labelled as published.

Accepted forms of :meth:`Period.parse`:

- ``2017-18``    financial year, 1 April 2017 to 31 March 2018
- ``2017/18``    academic year, 1 September 2017 to 31 August 2018
- ``2018-03-31`` snapshot on one day, labelled "31 March 2018"
- ``2018``       calendar year, 1 January to 31 December 2018
"""

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal, NamedTuple

PeriodKind = Literal["financial-year", "academic-year", "snapshot", "calendar-year"]

ACCEPTED_FORMS = (
    '"2017-18" (financial year, April to March), '
    '"2017/18" (academic year, September to August), '
    '"2018-03-31" (a snapshot date, YYYY-MM-DD) or '
    '"2018" (calendar year)'
)

_FINANCIAL = re.compile(r"(\d{4})-(\d{2})")
_ACADEMIC = re.compile(r"(\d{4})/(\d{2})")
_SNAPSHOT = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_CALENDAR = re.compile(r"(\d{4})")

_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


class _PeriodFields(NamedTuple):
    # In the order periods sort: end date, then start date, then kind and label.
    end: date
    start: date
    kind: PeriodKind
    label: str


class Period(_PeriodFields):
    """A reporting period. Periods sort by end date, then start date (then kind and label).

    Build one with :meth:`parse`; ``str(period)`` is its label as the source writes it.

    A named tuple whose fields are in that order, so that equality, the hash and the order are
    the tuple's own, compared in C: a page's tables and charts compare and hash periods
    thousands of times, and a dataclass's methods (Python calls) cost several times as much.
    It is made as ``Period(kind, start, end, label)``.
    """

    __slots__ = ()

    def __new__(cls, kind: PeriodKind, start: date, end: date, label: str) -> "Period":
        if kind not in ("financial-year", "academic-year", "snapshot", "calendar-year"):
            raise ValueError(f"unknown kind of period {kind!r}")
        if end < start:
            raise ValueError(f"period {label!r} ends before it starts")
        return tuple.__new__(cls, (end, start, kind, label))

    def __getnewargs__(self) -> tuple:  # copy and pickle make it as Period(kind, start, ...)
        return (self.kind, self.start, self.end, self.label)

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"Period({self.kind!r}, {self.start!r}, {self.end!r}, {self.label!r})"

    @classmethod
    def parse(cls, text: str) -> "Period":
        """Read a period written as the sources write it; raise ValueError naming the text."""
        if not isinstance(text, str):
            raise ValueError(f"period {text!r} should be text; use {ACCEPTED_FORMS}")
        return _parse(cls, text)

    @property
    def end_exclusive(self) -> date:
        """The day after the period ends."""
        return self.end + timedelta(days=1)


@lru_cache(maxsize=4096)
def _parse(cls: type[Period], text: str) -> Period:
    """Period.parse, once per text: a data file repeats each period for every area and measure.

    Periods are frozen, so sharing one is safe; a ValueError is not kept, and is raised again.
    """
    value = text.strip()
    try:
        if match := _SNAPSHOT.fullmatch(value):
            day = date(*map(int, match.groups()))
            label = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
            return cls("snapshot", day, day, label)
        if match := _FINANCIAL.fullmatch(value):
            first = _first_year(value, *match.groups())
            return cls("financial-year", date(first, 4, 1), date(first + 1, 3, 31), value)
        if match := _ACADEMIC.fullmatch(value):
            first = _first_year(value, *match.groups())
            return cls("academic-year", date(first, 9, 1), date(first + 1, 8, 31), value)
        if _CALENDAR.fullmatch(value):
            year = int(value)
            return cls("calendar-year", date(year, 1, 1), date(year, 12, 31), value)
    except ValueError as error:
        raise ValueError(f"period {text!r} is not a real period: {error}") from None
    raise ValueError(f"period {text!r} is not in a form the hub reads; use {ACCEPTED_FORMS}")


def _first_year(text: str, first: str, second: str) -> int:
    year = int(first)
    if (year + 1) % 100 != int(second):
        expected = f"{year}{text[4]}{(year + 1) % 100:02d}"
        raise ValueError(f"the second year should follow the first (did you mean {expected!r}?)")
    return year


def years_between(a: Period, b: Period) -> float:
    """Years from the end of ``a`` to the end of ``b`` (negative if ``b`` ends first).

    Whole months count as twelfths of a year, so 2017-18 to 2024-25 is exactly 7.0 and
    2017-18 to 2018/19 (31 March to 31 August) is 1 + 5/12.
    """
    x, y = a.end_exclusive, b.end_exclusive
    months = (y.year - x.year) * 12 + (y.month - x.month)
    return months / 12 + (y.day - x.day) / 365.25
