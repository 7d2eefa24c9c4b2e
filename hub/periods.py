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

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

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


@dataclass(frozen=True)
class Period:
    """A reporting period. Periods sort by end date, then start date (then kind and label).

    Build one with :meth:`parse`; ``str(period)`` is its label as the source writes it.
    """

    # Compared: (end, start, kind, label). Every other field is left out of comparisons so
    # that ordering follows the calendar, not the order the fields are declared in. Equality,
    # the hash and the order are written below, on the keys themselves: what dataclass
    # generates builds a one-item tuple of the key at each of the thousands of comparisons and
    # hashes a page's tables and charts make (the same answers, dearer).
    _key: tuple = field(init=False, repr=False, compare=True)
    kind: PeriodKind = field(compare=False)
    start: date = field(compare=False)
    end: date = field(compare=False)
    label: str = field(compare=False)

    def __post_init__(self) -> None:
        if self.kind not in ("financial-year", "academic-year", "snapshot", "calendar-year"):
            raise ValueError(f"unknown kind of period {self.kind!r}")
        if self.end < self.start:
            raise ValueError(f"period {self.label!r} ends before it starts")
        object.__setattr__(self, "_key", (self.end, self.start, self.kind, self.label))

    def __str__(self) -> str:
        return self.label

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key == other._key
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key)

    def __lt__(self, other: Period) -> bool:
        if other.__class__ is self.__class__:
            return self._key < other._key
        return NotImplemented

    def __le__(self, other: Period) -> bool:
        if other.__class__ is self.__class__:
            return self._key <= other._key
        return NotImplemented

    def __gt__(self, other: Period) -> bool:
        if other.__class__ is self.__class__:
            return self._key > other._key
        return NotImplemented

    def __ge__(self, other: Period) -> bool:
        if other.__class__ is self.__class__:
            return self._key >= other._key
        return NotImplemented

    @classmethod
    def parse(cls, text: str) -> Period:
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
