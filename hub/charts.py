"""Line charts as plain data: positions, ticks, broken lines, gaps and words. No markup.

overrides/fragments/indicator_chart.html draws a :class:`Chart` as inline SVG. Everything the
template needs is worked out here, with coordinates rounded to one decimal place so that the
same data always give the same bytes.

- x: one slot per period (all periods of all series, in calendar order), equally spaced and
  labelled with the period as published; labels are thinned when they would collide, keeping
  the latest.
- y: "nice" ticks (1, 2, 2.5 or 5 times a power of ten) from zero.
- each series: polylines broken at every period without a published figure (never bridged);
  a suppressed / not collected / not published figure gets a hollow marker on the axis and a
  label in words; a period with no row at all just breaks the line.
- series differ by dash pattern and marker shape, not by colour alone.
"""

import math
from collections.abc import Sequence
from typing import Literal, NamedTuple

from hub.periods import Period
from hub.progress import PUBLISHED, Observation, format_number

Role = Literal["main", "comparator"]

# (dash pattern for stroke-dasharray, marker shape): main series first, then comparators.
STYLES = (("", "circle"), ("6 3", "square"), ("2 3", "triangle"), ("8 3 2 3", "diamond"))

TEXT_MIDDLE = 4.0  # add to a y to centre 11px text on it (SVG has no inheritable dy)
GAP_STACK = 9.0  # vertical distance between stacked gap markers
CHAR_WIDTH = 6.8  # average width of a character of 12px text, for spacing labels
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44.0, 12.0, 34.0, 28.0


class Series(NamedTuple):
    name: str
    observations: Sequence[Observation]
    role: Role = "main"


class Tick(NamedTuple):
    position: float  # x (period ticks) or y (value ticks), in SVG units
    label: str
    text_at: float  # where its label goes on the same axis (value labels sit 4 lower, centred)


class Gap(NamedTuple):
    """A period of a series with no published figure, drawn as a hollow marker on the axis."""

    x: float
    y: float
    period: str
    status: str  # "suppressed", "not-collected", "not-published", "not-available"
    words: str  # "not collected"


class GapLabel(NamedTuple):
    """Words at a gap, written upwards from just above the axis markers.

    ``x``, ``y`` is where the text starts; ``rx``, ``ry`` the same place in a group rotated by
    -90 degrees (``rx`` = -y, ``ry`` = x moved to centre the text on the period).
    """

    x: float
    y: float
    text: str
    rx: float
    ry: float


class Line(NamedTuple):
    name: str
    role: Role
    index: int  # 0 for the first series; picks the CSS class, dash and marker
    dash: str  # stroke-dasharray, "" for solid
    marker: str  # "circle", "square", "triangle" or "diamond"
    segments: tuple[str, ...]  # SVG polyline "points" text, one per unbroken run
    gaps: tuple[Gap, ...]
    legend_x: float  # where its legend entry starts: a sample line 28 wide, its marker, the name
    legend_marker_x: float
    legend_text_x: float


class Chart(NamedTuple):
    width: int
    height: int
    title: str
    unit: str
    summary: str  # short accessible name
    description: str  # the trend in words, gaps included
    left: float
    top: float
    right: float
    bottom: float  # y of the x axis
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    lines: tuple[Line, ...]
    gap_labels: tuple[GapLabel, ...]
    legend_y: float
    tick_label_x: float  # right edge of the value labels
    period_label_y: float  # baseline of the period labels
    legend_text_y: float


def line_chart(
    series: Sequence[Series],
    *,
    unit: str,
    title: str,
    width: int = 640,
    height: int = 320,
    decimals: int | None = None,
) -> Chart:
    """Lay out a line chart of ``series`` (the main series first, then comparators).

    ``unit`` "percent" adds % to values and ticks; other unit text is not drawn on the axis
    (the title says what is counted). ``decimals`` as published; by default from the figures.
    """
    if not series:
        raise ValueError(f"the chart {title!r} has no series")
    if len(series) > len(STYLES):
        raise ValueError(
            f"the chart {title!r} has {len(series)} series; at most {len(STYLES)} can be told "
            "apart without colour"
        )
    # Each series is usually in period order already: kept in the order met (not a set's),
    # the sort finds those runs and merges them instead of comparing every pair.
    periods = sorted(dict.fromkeys(obs.period for item in series for obs in item.observations))
    if not periods:
        raise ValueError(f"the chart {title!r} has no periods")
    values = [o.value for item in series for o in item.observations if o.published]
    places = decimals if decimals is not None else max(map(_decimals, values), default=0)
    left, right = MARGIN_LEFT, width - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, height - MARGIN_BOTTOM
    step = (right - left) / len(periods)
    xs = {period: _r(left + (index + 0.5) * step) for index, period in enumerate(periods)}
    low, high, tick_step = nice_scale(min(values, default=0), max(values, default=0))

    span, drop = high - low, bottom - top

    def y_of(value: float) -> float:  # called for every point: _r written out
        rounded = round(bottom - (value - low) / span * drop, 1) + 0.0
        return int(rounded) if rounded.is_integer() else rounded

    lines, gap_stacks = [], {}
    legend_x = left
    for index, item in enumerate(series):
        line = _line(item, index, xs, y_of, y_of(max(low, 0)), legend_x)
        for gap in line.gaps:
            gap_stacks.setdefault(gap.period, []).append((index, gap))
        lines.append(line)
        legend_x = _r(legend_x + 40 + len(item.name) * CHAR_WIDTH + 16)
    lines = [_stack(line, gap_stacks) for line in lines]
    return Chart(
        width=width,
        height=height,
        title=title,
        unit=unit,
        summary=_summary(title, series, periods),
        description=describe(series, unit, places),
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        x_ticks=_x_ticks(periods, xs, step),
        y_ticks=tuple(
            Tick(y_of(value), _tick_label(value, tick_step, unit), _r(y_of(value) + TEXT_MIDDLE))
            for value in _frange(low, high, tick_step)
        ),
        lines=tuple(lines),
        gap_labels=_gap_labels(gap_stacks),
        legend_y=_r(top / 2 - 2),
        tick_label_x=_r(left - 6),
        period_label_y=_r(bottom + 16),
        legend_text_y=_r(top / 2 - 2 + TEXT_MIDDLE),
    )


# ---------------------------------------------------------------- scale


def nice_scale(low: float, high: float, ticks: int = 5) -> tuple[float, float, float]:
    """(bottom, top, step) of an axis from zero (or below, for negative values) to ``high``."""
    low = min(low, 0.0)
    if high <= low:
        high = low + 1
    raw = (high - low) / ticks
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw - 1e-12)
    bottom = math.floor(low / step + 1e-9) * step
    top = math.ceil(high / step - 1e-9) * step
    return _clean(bottom), _clean(top), _clean(step)


def _frange(low: float, high: float, step: float) -> list[float]:
    count = round((high - low) / step)
    return [_clean(low + i * step) for i in range(count + 1)]


def _tick_label(value: float, step: float, unit: str) -> str:
    places = 0 if float(step).is_integer() else _decimals(step)
    text = format_number(value, places)
    return f"{text}%" if unit == "percent" else text


# ---------------------------------------------------------------- lines and gaps


def _line(item, index, xs, y_of, axis_y, legend_x) -> Line:
    dash, marker = STYLES[index]
    by_period = {obs.period: obs for obs in item.observations}
    segments, run, gaps = [], [], []  # run: the "x,y" pairs of an unbroken run
    for period, x in xs.items():  # in calendar order (line_chart fills xs from sorted periods)
        obs = by_period.get(period)
        if obs is not None and obs.status == PUBLISHED:
            run.append(f"{x},{y_of(obs.value)}")
            continue
        if run:
            segments.append(_points(run))
        run = []
        if obs is not None:
            gaps.append(Gap(x, axis_y, period.label, obs.status, obs.gap_words))
    if run:
        segments.append(_points(run))
    return Line(
        name=item.name,
        role=item.role,
        index=index,
        dash=dash,
        marker=marker,
        segments=tuple(segments),
        gaps=tuple(gaps),
        legend_x=legend_x,
        legend_marker_x=_r(legend_x + 14),
        legend_text_x=_r(legend_x + 34),
    )


def _stack(line: Line, stacks: dict[str, list[tuple[int, Gap]]]) -> Line:
    """Series with a gap at the same period stack their hollow markers up from the axis."""
    gaps = []
    for gap in line.gaps:
        height = [index for index, _ in stacks[gap.period]].index(line.index)
        gaps.append(gap._replace(y=_r(gap.y - GAP_STACK * height)))
    return line._replace(gaps=tuple(gaps))


def _gap_labels(stacks: dict[str, list[tuple[int, Gap]]]) -> tuple[GapLabel, ...]:
    labels = []
    for entries in stacks.values():
        first = entries[0][1]
        text = " / ".join(sorted({gap.words for _, gap in entries}))
        y = _r(first.y - GAP_STACK * len(entries) - 2)
        labels.append(GapLabel(first.x, y, text, _r(-y), _r(first.x + TEXT_MIDDLE)))
    return tuple(sorted(labels, key=lambda label: label.x))


def _x_ticks(periods: list[Period], xs: dict[Period, float], step: float) -> tuple[Tick, ...]:
    widest = max(len(period.label) for period in periods) * CHAR_WIDTH + 6
    every = max(1, math.ceil(widest / step))
    last = len(periods) - 1
    return tuple(
        Tick(xs[period], period.label, xs[period])
        for index, period in enumerate(periods)
        if (last - index) % every == 0
    )


# ---------------------------------------------------------------- words


def describe(series: Sequence[Series], unit: str, places: int) -> str:
    """The trend in words: first and latest figures, highest and lowest, and every gap."""
    return " ".join(_describe_one(item, unit, places) for item in series)


def _describe_one(item: Series, unit: str, places: int) -> str:
    ordered = sorted(item.observations, key=lambda obs: obs.period)
    published = [obs for obs in ordered if obs.published]
    if not published:
        text = f"{item.name}: no published figures."
    else:
        first, last = published[0], published[-1]
        text = f"{item.name}: {_text(first.value, unit, places)} in {first.period}"
        if last is not first:
            text += f", {_text(last.value, unit, places)} in {last.period}"
            for word, pick in (("highest", max), ("lowest", min)):
                extreme = pick(published, key=lambda obs: obs.value)
                if extreme.value not in (first.value, last.value):
                    text += f"; {word} {_text(extreme.value, unit, places)} in {extreme.period}"
        text += "."
    gaps: dict[str, list[str]] = {}
    for obs in ordered:
        if not obs.published:
            gaps.setdefault(obs.gap_words, []).append(obs.period.label)
    for words, labels in gaps.items():
        text += f" {_join(labels)} {words}."
    return text


def _summary(title: str, series: Sequence[Series], periods: list[Period]) -> str:
    names = _join([item.name for item in series])
    span = str(periods[0]) if len(periods) == 1 else f"{periods[0]} to {periods[-1]}"
    return f"{title}: line chart of {names}, {span}"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _text(value: float, unit: str, places: int) -> str:
    text = format_number(value, places)
    return f"{text}%" if unit == "percent" else text


def _decimals(value: float) -> int:
    return 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])


def _clean(value: float) -> float:
    """Drop float noise such as 0.30000000000000004."""
    return float(f"{value:.10g}")


def _r(value: float) -> float | int:
    """One decimal place, no negative zero, and 44 rather than 44.0: the same bytes each time."""
    rounded = round(value, 1) + 0.0
    return int(rounded) if rounded.is_integer() else rounded


def _points(pairs: list[str]) -> str:
    """SVG polyline points from "x,y" pairs; a lone point is given twice so that its markers
    are drawn."""
    return " ".join(pairs * 2 if len(pairs) == 1 else pairs)
