"""The hub's vocabulary: plain, immutable records built from the data files.

The records are named tuples. On Python 3.11 a frozen dataclass costs about a millisecond to
define (dataclasses compiles each generated method separately) and its instances are slow to
build (one ``object.__setattr__`` per field); a named tuple costs a fifth of that and builds in
C. Every build imports the hub and builds tens of thousands of rows at national scale (issue 6).
:class:`Indicator` and :class:`Hub` keep lookup tables built on first use (``cached_property``):
each is a subclass of its named tuple of fields, which, having no ``__slots__``, can hold them.
Change a record with ``record._replace(...)`` (a changed copy builds its lookups afresh).

The modules that define named tuples do without ``from __future__ import annotations``: a field's
annotation written as text is compiled by typing into a ForwardRef, about 14 µs a field on every
import, where an annotation that is already an object costs next to nothing. Names that are only
imported for type checkers, or defined further down, are written in quotes.
"""

import re
from datetime import date
from functools import cached_property
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from hub.periods import Period

if TYPE_CHECKING:
    from collections.abc import Mapping

    from hub.progress import Assessment, Method


class Priority(NamedTuple):
    """One of the strategy's six strategic priorities, in the Board's wording."""

    id: str
    number: int
    title: str
    page: str  # docs-relative path of its page, e.g. "priorities/neglect.md"


class Contact(NamedTuple):
    """Someone to call when worried about a child (data/contacts.yml), with its source."""

    id: str
    name: str
    number: str  # as people read it: "0117 903 6444"
    tel: str  # the link target, E.164: "tel:+441179036444" ("tel:999" for short codes)
    when: str  # one sentence: when to use it
    source_name: str
    source_url: str | None  # None when the verified sources give no page address
    last_checked: date  # when someone last compared the number with its source page


class Safety(NamedTuple):
    """Reader-safety settings (data/site.yml)."""

    exit_url: str  # the neutral page "Exit this page" goes to
    check_every_months: int  # a contact checked longer ago than this is stale


class ActionStatus(NamedTuple):
    """A word the action tracker may use for progress (data/actions.yml, ``statuses``)."""

    id: str
    label: str
    meaning: str
    needs_evidence: bool  # only allowed with a link to a published source
    closes: bool  # the action is finished: its due date no longer matters


class Evidence(NamedTuple):
    """A published source about an action's progress."""

    title: str
    url: str
    published: date


class Action(NamedTuple):
    """A commitment the strategy itself states, in the Board's words (data/actions.yml)."""

    id: str
    commitment: str  # the Board's exact words
    stated_in: str  # docs-relative page holding the words, e.g. "priorities/neglect.md"
    priority: str | None  # a priority id; None for a commitment about the whole strategy
    owner: str  # as the strategy states it, or "not stated in the strategy"
    due: date
    due_basis: str  # "end-of-plan" (the strategy set no date) or "set-by-the-board"
    status: ActionStatus
    status_date: date | None
    note: str | None
    evidence: tuple[Evidence, ...]
    indicators: tuple[str, ...]  # ids of the key indicators it is meant to move


class Term(NamedTuple):
    """A glossary entry: an abbreviation (with its expansion) or a term of art."""

    term: str  # as the pages write it: "BSCB", "Signs of Safety"
    expansion: str | None  # for an abbreviation, from includes/abbreviations.md
    definition: str | None  # plain English, from data/glossary.yml
    see: str | None = None  # a docs page that says more, "principles.md#think-family"

    @property
    def anchor(self) -> str:
        """Its address on the glossary page: "Signs of Safety" -> "signs-of-safety"."""
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


# ---------------------------------------------------------------- key indicators (data/indicators/)


class Licence(NamedTuple):
    """A licence the sources are published under (data/sources.yml, ``licences``)."""

    id: str
    title: str
    url: str
    attribution: str  # the sentence shown beside the data


class Source(NamedTuple):
    """A publication figures are copied from (data/sources.yml, ``sources``)."""

    id: str
    publisher: str
    dataset: str
    url: str
    licence: Licence
    release: str
    notes: str | None = None


class ValueStatus(NamedTuple):
    """Why a figure is or is not there: published, suppressed (c), not collected, ..."""

    id: str
    label: str  # "suppressed"
    code: str | None  # the source's mark: "c", "x", "-"; None when it has none
    meaning: str  # "DfE withholds small numbers ..."

    @property
    def words(self) -> str:
        """ "suppressed (c)", "not collected" """
        return f"{self.label} ({self.code})" if self.code else self.label


class Measure(NamedTuple):
    """One series of an indicator (the CSV's ``measure`` column)."""

    id: str
    label: str
    unit: str  # "number" or "percent"
    decimals: int  # the most decimal places its published figures carry


class Row(NamedTuple):
    """One figure of an indicator's CSV, as published. ``value`` is None unless published."""

    period: Period
    area: str  # "Bristol", "England" or "South West"
    measure: str  # a Measure id
    value: float | None
    text: str  # the value exactly as written in the CSV ("" when not published)
    status: ValueStatus
    source: str  # a Source id
    release: str  # "2025" where DfE releases differ, else ""
    line: int  # line in the CSV, for error messages


class NoData(NamedTuple):
    """For an indicator with no published data: what would be needed and who holds it."""

    needed: str
    held_by: str


class _IndicatorFields(NamedTuple):
    id: str
    number: int  # 1 to 9, its place in the strategy's list
    strategy_wording: str  # the Board's exact words
    title: str  # what is actually measured, short
    measured: str
    proxy: bool
    proxy_for: str | None
    definition: str
    unit: str  # the headline's unit in words
    good_direction: str  # "up" or "down"
    headline_measure: str | None  # None when nothing is published
    headline_area: str | None
    baseline_note: str
    method: "Method"
    priorities: tuple[str, ...]  # priority ids (the hub's reading)
    priorities_note: str
    source: Source | None
    release: str | None
    frequency: str | None
    data_as_at: date | None  # the day the latest figures refer to
    next_release_due: date | None  # None: not announced
    measures: tuple[Measure, ...]
    rows: tuple[Row, ...]  # in CSV order
    caveats: tuple[str, ...]
    no_data: NoData | None
    assessment: "Assessment"  # the headline's status and its derivation (hub.progress)


class Indicator(_IndicatorFields):
    """One of the strategy's nine key indicators, with its figures and its assessed status."""

    @property
    def page(self) -> str:
        """The docs path of its page."""
        return f"indicators/{self.id}.md"

    @property
    def has_data(self) -> bool:
        return bool(self.rows)

    def measure(self, measure_id: str) -> Measure:
        return self._measures_by_id[measure_id]  # KeyError(measure_id) for an unknown one

    def series(self, measure_id: str, area: str = "Bristol") -> tuple[Row, ...]:
        """One area's rows for one measure, oldest first; the latest release wins a period."""
        return self._series.get((measure_id, area), ())

    # Lookups built on first use (the views ask for a measure or a series many times per
    # build; scanning the rows each time grew with the square of the data). The class has no
    # __slots__, so cached_property keeps each result on the instance.

    @cached_property
    def _measures_by_id(self) -> dict[str, Measure]:
        return {m.id: m for m in reversed(self.measures)}  # the first of a repeated id wins

    @cached_property
    def _series(self) -> dict[tuple[str, str], tuple[Row, ...]]:
        latest: dict[tuple[str, str], dict[Period, Row]] = {}
        for row in self.rows:
            by_period = latest.setdefault((row.measure, row.area), {})
            kept = by_period.get(row.period)
            if kept is None or row.release > kept.release:
                by_period[row.period] = row
        return {
            key: tuple(by_period[period] for period in sorted(by_period))
            for key, by_period in latest.items()
        }

    @property
    def headline(self) -> Measure | None:
        return self.measure(self.headline_measure) if self.headline_measure else None


class Report(NamedTuple):
    """A highlight report from a sub group: a post under docs/updates/posts/ (hub.reports)."""

    id: str  # the file name without .md
    title: str
    date: date  # when the sub group published it
    sub_group: str
    priorities: tuple[str, ...]  # the priority ids it reports on
    summary: str
    source: str | None  # where the original is published, if elsewhere
    address: str  # its site path, "updates/<id>/"


class _HubFields(NamedTuple):
    priorities: tuple[Priority, ...]
    build_date: date
    actions: tuple[Action, ...] = ()
    action_statuses: tuple[ActionStatus, ...] = ()
    reports: tuple[Report, ...] = ()
    contacts: tuple[Contact, ...] = ()
    safety: Safety | None = None
    glossary: tuple[Term, ...] = ()
    indicators: tuple[Indicator, ...] = ()  # in the strategy's order, 1 to 9
    sources: tuple[Source, ...] = ()
    # Progress status id -> its data/statuses.yml entry (read-only: a default is shared).
    statuses: "Mapping[str, dict[str, Any]]" = MappingProxyType({})


class Hub(_HubFields):
    """Everything the site shows, loaded and validated once per build."""

    def priority(self, priority_id: str) -> Priority:
        return self._priorities_by_id[priority_id]  # KeyError(priority_id) for an unknown id

    def indicator(self, indicator_id: str) -> Indicator:
        return self._indicators_by_id[indicator_id]  # KeyError(indicator_id) for an unknown id

    # Built on first use: every indicator page looks its indicator up several times, and a scan
    # of the tuple grew with the square of the number of indicators.

    @cached_property
    def _priorities_by_id(self) -> dict[str, Priority]:
        return {item.id: item for item in reversed(self.priorities)}  # the first of an id wins

    @cached_property
    def _indicators_by_id(self) -> dict[str, Indicator]:
        return {item.id: item for item in reversed(self.indicators)}

    def indicators_for(self, priority_id: str) -> tuple[Indicator, ...]:
        """The indicators the hub reads as evidence for one priority."""
        return tuple(item for item in self.indicators if priority_id in item.priorities)
