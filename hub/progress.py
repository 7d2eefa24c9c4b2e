"""Progress of an indicator: a status and its derivation, as plain data. No I/O, no HTML.

Each indicator declares its :class:`Method` in its metadata; nothing here has a default that
could apply silently. :func:`assess` returns an :class:`Assessment` that carries every input of
the judgement (baseline, latest, change, threshold, method) and the reason in plain words, so a
page can show how each status was derived. docs/indicators/methodology.md explains the methods.

Two methods:

- **direction** (the strategy sets directions, not numbers): the change from the baseline to
  the latest published figure, judged against a tolerance band. Beyond the band in the good
  direction is *improving*, within it (boundary included) *little change*, beyond it in the
  bad direction *worsening*.
- **target** (Open SDG / Statistics Canada, with linear change): the actual annual change since
  the baseline divided by the annual change needed to reach the target by the target period.
  A target already met wins; a ratio of at least 0.95 is *on track*; anything less, or a target
  period that has passed unmet, is *off track*.
"""

from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Literal, NamedTuple

from hub.periods import Period, years_between

PUBLISHED = "published"
UNPUBLISHED = ("suppressed", "not-collected", "not-published", "not-available")
OBSERVATION_STATUSES = (PUBLISHED, *UNPUBLISHED)

# Words for the gaps, for reasons and chart labels.
GAP_WORDS = {
    "suppressed": "suppressed",
    "not-collected": "not collected",
    "not-published": "not published",
    "not-available": "not available",
}

#: Units written as a bare number (anything else but "percent" follows the number as words).
COUNT_UNITS = ("", "number", "count")

#: Target method: the share of the required annual change that counts as on track
#: (Open SDG's threshold for "substantial progress").
ON_TRACK_RATIO = 0.95

MethodKind = Literal["direction", "target", "none"]
Direction = Literal["up", "down"]
ToleranceUnit = Literal["points", "percent"]


class _ObservationFields(NamedTuple):
    period: Period
    value: float | None
    status: str


class Observation(_ObservationFields):
    """One figure for one period. ``value`` is None unless ``status`` is "published".

    A named tuple, checked when it is made (a frozen dataclass cost ten times as much to define
    on import; hub.model says why that counts).
    """

    __slots__ = ()

    def __new__(cls, period: Period, value: float | None, status: str) -> "Observation":
        if status not in OBSERVATION_STATUSES:
            raise ValueError(
                f"observation status {status!r} for {period} is not known; use one of "
                + ", ".join(OBSERVATION_STATUSES)
            )
        if status == PUBLISHED and value is None:
            raise ValueError(f"the published figure for {period} has no value")
        if status != PUBLISHED and value is not None:
            raise ValueError(
                f"the figure for {period} is {status} but has the value {value}; "
                "leave the value empty"
            )
        return tuple.__new__(cls, (period, value, status))

    @property
    def published(self) -> bool:
        return self.status == PUBLISHED

    @property
    def gap_words(self) -> str:
        """ "not collected", "suppressed", ...; empty for a published figure."""
        return GAP_WORDS.get(self.status, "")


class Threshold(NamedTuple):
    """The tolerance band: ``value`` either side of no change, in ``unit``."""

    value: float
    unit: ToleranceUnit

    @property
    def label(self) -> str:
        """The band without the indicator's unit: "±1.0 point", "±5 points", "±10%"."""
        return self.words()

    def words(self, unit: str = "", decimals: int | None = None) -> str:
        """The band in words for an indicator measured in ``unit``.

        points: "±1.0 percentage point" (unit "percent"), "±5" (a count), "±1 point" (no unit);
        percent: "±10% of the baseline".
        """
        places = max(_decimals(self.value), decimals or 0)
        number = format_number(self.value, places)
        if self.unit == "percent":
            return f"±{number}% of the baseline"
        plural = "" if self.value == 1 else "s"
        if unit == "percent":
            return f"±{number} percentage point{plural}"
        if not unit:
            return f"±{number} point{plural}"
        return format_value(self.value, unit, places).replace(number, f"±{number}", 1)


class _MethodFields(NamedTuple):
    kind: MethodKind
    direction: Direction | None = None
    baseline: Period | None = None
    tolerance: float | None = None
    tolerance_unit: ToleranceUnit | None = None
    target: float | None = None
    target_period: Period | None = None


class Method(_MethodFields):
    """How an indicator's progress is judged, declared in its metadata. No defaults apply.

    - kind "direction": needs direction, baseline, tolerance, tolerance_unit.
    - kind "target": needs direction, baseline, target, target_period.
    - kind "none": no published data; needs nothing and takes nothing.

    A named tuple made with keywords only, and checked when it is made.
    """

    __slots__ = ()

    def __new__(
        cls,
        *,
        kind: MethodKind,
        direction: Direction | None = None,
        baseline: Period | None = None,
        tolerance: float | None = None,
        tolerance_unit: ToleranceUnit | None = None,
        target: float | None = None,
        target_period: Period | None = None,
    ) -> "Method":
        values = (kind, direction, baseline, tolerance, tolerance_unit, target, target_period)
        method = tuple.__new__(cls, values)
        method._check()
        return method

    def __getnewargs_ex__(self) -> tuple[tuple, dict]:  # copy and pickle: keywords only
        return (), self._asdict()

    def _check(self) -> None:
        needed = {
            "direction": ("direction", "baseline", "tolerance", "tolerance_unit"),
            "target": ("direction", "baseline", "target", "target_period"),
            "none": (),
        }
        if self.kind not in needed:
            raise ValueError(
                f"method kind {self.kind!r} is not known; use direction, target or none"
            )
        fields = ("direction", "baseline", "tolerance", "tolerance_unit", "target", "target_period")
        missing = [name for name in needed[self.kind] if getattr(self, name) is None]
        extra = [n for n in fields if n not in needed[self.kind] and getattr(self, n) is not None]
        if missing:
            raise ValueError(f"a {self.kind} method needs " + ", ".join(missing))
        if extra:
            raise ValueError(f"a {self.kind} method does not use " + ", ".join(extra))
        if self.direction not in (None, "up", "down"):
            raise ValueError(f"direction {self.direction!r} should be 'up' or 'down'")
        if self.tolerance_unit not in (None, "points", "percent"):
            raise ValueError(
                f"tolerance_unit {self.tolerance_unit!r} should be 'points' or 'percent'"
            )
        if self.tolerance is not None and self.tolerance < 0:
            raise ValueError(f"tolerance {self.tolerance} should not be negative")
        if self.kind == "target" and self.target_period <= self.baseline:
            raise ValueError(
                f"target period {self.target_period} should come after baseline {self.baseline}"
            )

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> "Method":
        """Build from metadata: periods as text ("2017-18"); raises ValueError naming the field."""
        values = dict(data)
        for name in ("baseline", "target_period"):
            if values.get(name) is not None:
                try:
                    values[name] = Period.parse(str(values[name]))
                except ValueError as error:
                    raise ValueError(f"{name}: {error}") from None
        unknown = set(values) - set(cls._fields)
        if unknown:
            raise ValueError("unknown method key " + ", ".join(sorted(unknown)))
        return cls(**values)

    @property
    def threshold(self) -> Threshold | None:
        if self.tolerance is None or self.tolerance_unit is None:
            return None
        return Threshold(self.tolerance, self.tolerance_unit)

    @property
    def good_direction_words(self) -> str:
        return {"up": "higher is better", "down": "lower is better"}.get(self.direction or "", "")


class Assessment(NamedTuple):
    """A status and everything it was derived from, as plain data for a template.

    ``status`` is an id from data/statuses.yml. ``latest`` is the latest published figure;
    ``latest_gap`` a newer period with no published figure (suppressed, not collected, ...).
    ``change`` is latest minus baseline, rounded to the precision of the figures;
    ``relative_change`` the change as a fraction of the baseline (None for a zero baseline).
    For the target method, ``annual_change``, ``required_change`` (per year) and ``ratio``.
    ``reason`` says in words why this status; ``notes`` add caveats (gaps, zero baseline).
    """

    status: str
    method: Method
    reason: str
    baseline: Observation | None = None
    latest: Observation | None = None
    latest_gap: Observation | None = None
    change: float | None = None
    relative_change: float | None = None
    threshold: Threshold | None = None
    decimals: int = 0
    annual_change: float | None = None
    required_change: float | None = None
    ratio: float | None = None
    notes: tuple[str, ...] = ()

    @property
    def derivation(self) -> str:
        """The whole derivation in one plain sentence sequence (no unit symbols)."""
        return explain(self)


# ---------------------------------------------------------------- the engine


def assess(
    observations: Sequence[Observation], method: Method, *, decimals: int | None = None
) -> Assessment:
    """Judge one series (Bristol's figures for one measure) by its declared method.

    ``decimals``: the precision the figures are published with; by default the most decimal
    places in the baseline and latest figures (a CSV "24.0" reads as 24, so pass it if known).
    """
    ordered = sorted(observations, key=lambda item: item.period)
    _check_unique(ordered)
    published = [item for item in ordered if item.published]
    if method.kind == "none" or not published:
        why = "No figures are published for this indicator."
        if method.kind != "none":
            why = "None of the figures for this indicator is published."
        return Assessment(status="no-data", method=method, reason=why)

    baseline = next((item for item in ordered if item.period == method.baseline), None)
    newest = ordered[-1]
    later = [item for item in published if item.period > method.baseline]
    latest = later[-1] if later else None
    gap = None
    if not newest.published and newest.period > (latest.period if latest else method.baseline):
        gap = newest
    notes = [_gap_note(gap, latest)] if gap else []
    base = Assessment(
        status="not-enough-data",
        method=method,
        reason="",
        baseline=baseline,
        latest=latest,
        latest_gap=gap,
        threshold=method.threshold,
        notes=tuple(notes),
    )
    if baseline is None:
        return base._replace(
            reason=f"There is no figure for the baseline period {method.baseline}."
        )
    if not baseline.published:
        return base._replace(
            reason=f"The baseline figure for {baseline.period} is {baseline.gap_words}, "
            "so progress cannot be judged.",
        )
    if latest is None:
        return base._replace(
            reason=f"There is no published figure after the baseline {baseline.period} "
            "to compare with it.",
        )
    if decimals is None:
        decimals = max(_decimals(baseline.value), _decimals(latest.value))
    change = round(latest.value - baseline.value, decimals)
    relative = None if baseline.value == 0 else change / baseline.value
    base = base._replace(change=change, relative_change=relative, decimals=decimals)
    if method.kind == "direction":
        return _by_direction(base, method)
    return _by_target(base, method)


def _by_direction(base: Assessment, method: Method) -> Assessment:
    sign = 1 if method.direction == "up" else -1
    change, tolerance = base.change, method.tolerance
    words = method.good_direction_words
    notes = list(base.notes)
    if method.tolerance_unit == "percent" and base.relative_change is None:
        size, band = abs(change), 0.0
        notes.append(
            "The baseline is zero, so a relative change cannot be worked out; any change "
            "at all counts as beyond the tolerance."
        )
    elif method.tolerance_unit == "percent":
        size, band = round(abs(base.relative_change) * 100, 9), tolerance
    else:
        size, band = abs(change), tolerance
    if size <= band:
        status, reason = "little-change", "The change is within the tolerance."
    elif change * sign > 0:
        status = "improving"
        reason = f"The change is larger than the tolerance, in the good direction ({words})."
    else:
        status = "worsening"
        reason = f"The change is larger than the tolerance, in the bad direction ({words})."
    return base._replace(status=status, reason=reason, notes=tuple(notes))


def _by_target(base: Assessment, method: Method) -> Assessment:
    sign = 1 if method.direction == "up" else -1
    latest, baseline = base.latest, base.baseline
    if (latest.value - method.target) * sign >= 0:
        return base._replace(
            status="target-met",
            reason=f"The latest figure meets the target of "
            f"{format_number(method.target, _decimals(method.target))} "
            f"for {method.target_period} ({method.good_direction_words}).",
        )
    elapsed = years_between(baseline.period, latest.period)
    annual = base.change / elapsed
    required = (method.target - baseline.value) / years_between(
        baseline.period, method.target_period
    )
    base = base._replace(annual_change=annual, required_change=required)
    if latest.period >= method.target_period:
        reason = f"The target period {method.target_period} has passed and the target was not met."
        return base._replace(status="off-track", reason=reason)
    if required * sign <= 0:
        reason = "The baseline already met the target, but the latest figure no longer does."
        return base._replace(status="off-track", reason=reason)
    ratio = annual / required
    status = "on-track" if ratio >= ON_TRACK_RATIO else "off-track"
    if ratio < 0:
        reason = "The figure has moved away from the target since the baseline."
    else:
        reason = (
            f"The change each year so far is {ratio:.0%} of the change needed each year to "
            f"reach the target; {ON_TRACK_RATIO:.0%} or more is on track."
        )
    return base._replace(status=status, reason=reason, ratio=ratio)


# ---------------------------------------------------------------- words and numbers


def explain(assessment: Assessment, unit: str = "") -> str:
    """The derivation in plain sentences, e.g. for a table cell or a tooltip-free note.

    ``unit`` "percent" writes values as 22.7% and changes in percentage points; any other
    unit text follows the number ("36 plans"). Unit words are the caller's (the indicator's).
    """
    a, parts = assessment, []
    if a.baseline is not None and a.baseline.published:
        parts.append(
            f"Baseline {a.baseline.period}: {format_value(a.baseline.value, unit, a.decimals)}."
        )
    elif a.method.baseline is not None:
        parts.append(f"Baseline {a.method.baseline}: no published figure.")
    if a.latest is not None:
        parts.append(f"Latest {a.latest.period}: {format_value(a.latest.value, unit, a.decimals)}.")
    if a.change is not None:
        parts.append(f"Change {format_change(a.change, unit, a.decimals)}.")
    if a.annual_change is not None and a.required_change is not None:
        places = a.decimals + 1
        achieved = format_change(a.annual_change, unit, places)
        needed = format_change(a.required_change, unit, places)
        parts.append(f"Change each year: {achieved}; needed each year: {needed}.")
    parts.append(f"{method_words(a.method, unit, a.decimals)}: {a.status.replace('-', ' ')}.")
    parts.append(a.reason)
    parts.extend(a.notes)
    return " ".join(part for part in parts if part)


def method_words(method: Method, unit: str = "", decimals: int | None = None) -> str:
    """ "Judged by direction, lower is better, tolerance ±1.0 percentage point"."""
    if method.kind == "direction":
        return (
            f"Judged by direction, {method.good_direction_words}, "
            f"tolerance {method.threshold.words(unit, decimals)}"
        )
    if method.kind == "target":
        target = format_number(method.target, _decimals(method.target))
        return f"Judged against the target of {target} by {method.target_period}"
    return "Not judged (no published data)"


def format_number(value: float, decimals: int) -> str:
    """12,345 or 22.7: thousands separated, fixed decimals, a true minus sign."""
    text = f"{abs(value):,.{decimals}f}"
    return ("−" if value < 0 and float(text.replace(",", "")) != 0 else "") + text


def format_value(value: float, unit: str = "", decimals: int | None = None) -> str:
    decimals = _decimals(value) if decimals is None else decimals
    number = format_number(value, decimals)
    if unit == "percent":
        return f"{number}%"
    if unit in COUNT_UNITS:
        return number
    return f"{number} {unit}".strip()


def format_change(change: float, unit: str = "", decimals: int | None = None) -> str:
    """ "+3.6 percentage points", "−17", "no change" (sign always shown)."""
    decimals = _decimals(change) if decimals is None else decimals
    if round(change, decimals) == 0:
        return "no change"
    text = ("+" if change > 0 else "") + format_number(change, decimals)
    if unit == "percent":
        plural = "" if abs(change) == 1 else "s"
        return f"{text} percentage point{plural}"
    return text


def _decimals(value: float) -> int:
    """Decimal places the figure was published with (32.0 -> 1 is lost; 5.26 -> 2; 344 -> 0)."""
    if float(value).is_integer():
        return 0
    return len(repr(float(value)).split(".")[1])


def _gap_note(gap: Observation, latest: Observation | None) -> str:
    used = f"; the latest published figure, for {latest.period}, is used" if latest else ""
    return f"The figure for {gap.period} is {gap.gap_words}{used}."


def _check_unique(ordered: Sequence[Observation]) -> None:
    for first, second in pairwise(ordered):
        if first.period == second.period:
            raise ValueError(f"two figures for the period {first.period}")
