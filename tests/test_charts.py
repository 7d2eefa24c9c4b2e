"""Charts: lines break at gaps, gaps are marked and named, the same data give the same bytes, each
chart stays under 5 KB, and the words state the trend. Golden SVG under tests/golden/ (rewrite
with UPDATE_GOLDEN=1, then look at the diff and the picture before committing).

Figures are Bristol's published ones, copied from sources/extracts (DfE CIN table D3 and LAIT
PrevRegCPR for repeat plans; LAIT TotAbs for absence; LAIT CPPlans2yrs for plans of 2 years or
more), or obviously abstract numbers (10, 20) in the unit tests.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hub.charts import Series, line_chart, nice_scale
from hub.periods import Period
from hub.progress import Observation
from hub.render import render

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def fy(start: int, end: int) -> list[str]:
    return [f"{year}-{(year + 1) % 100:02d}" for year in range(start, end + 1)]


def ay(start: int, end: int) -> list[str]:
    return [f"{year}/{(year + 1) % 100:02d}" for year in range(start, end + 1)]


def observations(periods: list[str], values: list) -> list[Observation]:
    """Numbers are published figures; a string is the status of a period with none."""
    return [
        Observation(Period.parse(period), None, value)
        if isinstance(value, str)
        else Observation(Period.parse(period), value, "published")
        for period, value in zip(periods, values, strict=True)
    ]


# Plans starting that were a second or subsequent plan (%), 2012-13 to 2024-25: CIN D3.
REPEAT = [
    Series(
        "Bristol",
        observations(
            fy(2012, 2024),
            [14.3, 15.4, 20.4, 15.7, 22.4, 22.7, 21.4, 27.4, 20.5, 25.1, 24.0, 32.0, 26.3],
        ),
        "main",
    ),
    Series(
        "England",
        observations(
            fy(2012, 2024),
            [14.9, 15.8, 16.6, 17.9, 18.7, 20.2, 20.8, 21.9, 22.1, 22.7, 23.6, 24.7, 24.5],
        ),
        "comparator",
    ),
    Series(
        "South West",
        observations(fy(2015, 2024), [20.9, 22.4, 22.4, 23.1, 24.4, 25.0, 25.3, 24.3, 28.7, 26.2]),
        "comparator",
    ),
]

# Overall absence (% of half days missed), 2015/16 to 2024/25: LAIT TotAbs.
ABSENCE = [
    Series(
        "Bristol",
        observations(
            ay(2015, 2024),
            [5.4, 5.26, 5.35, 5.28, "not-collected", 5.73, 8.34, 8.57, 8.37, 7.93],
        ),
    ),
    Series(
        "England",
        observations(
            ay(2015, 2024),
            [4.57, 4.65, 4.81, 4.73, "not-collected", 4.62, 7.55, 7.37, 7.15, 6.78],
        ),
        "comparator",
    ),
]

# Plans ending that had lasted 2 years or more (%), 2015-16 to 2024-25: LAIT CPPlans2yrs.
TWO_YEARS = [
    Series(
        "Bristol",
        observations(
            fy(2015, 2024),
            [5.1, 7.9, 5.6, "not-published", 3.2, "not-published", 2.3, 3.9, "not-published", 3.4],
        ),
    )
]


def chart_html(series, title="Repeat child protection plans", id="chart-repeat", **kwargs):
    chart = line_chart(series, unit="percent", title=title, **kwargs)
    return chart, str(render("indicator_chart", chart=chart, id=id))


def drawn_xs(line):
    """The x of each figure a line draws, in order (from its SVG polyline segments)."""
    return [float(pair.split(",")[0]) for segment in line.segments for pair in segment.split()]


# ---------------------------------------------------------------- layout


def test_gaps_break_the_line_and_are_marked():
    chart = line_chart(TWO_YEARS, unit="percent", title="Plans lasting two years or more")
    (line,) = chart.lines
    # 2015-16 to 2017-18 | 2019-20 alone | 2021-22 to 2022-23 | 2024-25 alone
    assert [len(segment.split()) for segment in line.segments] == [3, 2, 2, 2]
    drawn = set(drawn_xs(line))
    assert [tick.label for tick in chart.x_ticks if tick.position in drawn] == [
        "2015-16",
        "2016-17",
        "2017-18",
        "2019-20",
        "2021-22",
        "2022-23",
        "2024-25",
    ]
    assert [(gap.period, gap.words) for gap in line.gaps] == [
        ("2018-19", "not published"),
        ("2020-21", "not published"),
        ("2023-24", "not published"),
    ]
    assert all(gap.y == chart.bottom for gap in line.gaps)  # on the axis, not at a value of 0
    assert [label.text for label in chart.gap_labels] == ["not published"] * 3


def test_a_lone_point_is_drawn_twice_so_its_marker_shows():
    chart = line_chart(TWO_YEARS, unit="percent", title="t")
    assert chart.lines[0].segments[1] == "306.8,188.8 306.8,188.8"


def test_gaps_at_the_same_period_stack_and_share_one_label():
    chart = line_chart(ABSENCE, unit="percent", title="Overall absence")
    bristol, england = (line.gaps[0] for line in chart.lines)
    assert bristol.x == england.x
    assert bristol.y == chart.bottom
    assert england.y == chart.bottom - 9
    assert [label.text for label in chart.gap_labels] == ["not collected"]


def test_a_period_with_no_row_breaks_the_line_without_a_gap_marker():
    chart = line_chart(REPEAT, unit="percent", title="t")
    south_west = chart.lines[2]
    # Bristol's line has a figure for every period from 2012-13; this one starts at 2015-16.
    assert drawn_xs(south_west)[0] == drawn_xs(chart.lines[0])[3]
    assert south_west.gaps == ()


def test_series_differ_without_colour():
    lines = line_chart(REPEAT, unit="percent", title="t").lines
    assert len({line.dash for line in lines}) == 3
    assert len({line.marker for line in lines}) == 3


@pytest.mark.parametrize(
    ("low", "high", "scale"),
    [
        (14.3, 32.0, (0, 40, 10)),
        (0, 8.57, (0, 10, 2)),
        (0, 344, (0, 400, 100)),
        (0, 0, (0, 1, 0.2)),
        (2.3, 7.9, (0, 8, 2)),
        (-3, 4, (-4, 4, 2)),
    ],
)
def test_nice_scale_starts_at_zero(low, high, scale):
    assert nice_scale(low, high) == scale


def test_y_ticks_are_labelled_as_percentages():
    chart = line_chart(ABSENCE, unit="percent", title="t")
    assert [tick.label for tick in chart.y_ticks] == ["0%", "2%", "4%", "6%", "8%", "10%"]


def test_period_labels_are_thinned_when_crowded_keeping_the_latest():
    narrow = line_chart(REPEAT, unit="percent", title="t", width=320)
    labels = [tick.label for tick in narrow.x_ticks]
    assert labels[-1] == "2024-25"
    assert labels == ["2012-13", "2015-16", "2018-19", "2021-22", "2024-25"]


def test_snapshot_labels_are_written_out():
    data = [
        Series(
            "Abstract",
            [Observation(Period.parse("2018-03-31"), 10, "published")],
        )
    ]
    chart = line_chart(data, unit="", title="t")
    assert [tick.label for tick in chart.x_ticks] == ["31 March 2018"]


def test_a_chart_needs_data():
    with pytest.raises(ValueError, match="has no series"):
        line_chart([], unit="", title="Empty")


def test_no_more_series_than_can_be_told_apart_without_colour():
    five = [Series(str(n), observations(fy(2017, 2018), [10, 20])) for n in range(5)]
    with pytest.raises(ValueError, match="at most 4 can be told apart without colour"):
        line_chart(five, unit="", title="Crowded")


# ---------------------------------------------------------------- words


def test_description_states_the_trend_and_the_gaps():
    chart = line_chart(ABSENCE, unit="percent", title="Overall absence")
    assert chart.description == (
        "Bristol: 5.40% in 2015/16, 7.93% in 2024/25; highest 8.57% in 2022/23; "
        "lowest 5.26% in 2016/17. 2019/20 not collected. "
        "England: 4.57% in 2015/16, 6.78% in 2024/25; highest 7.55% in 2021/22. "
        "2019/20 not collected."
    )
    assert chart.summary == "Overall absence: line chart of Bristol and England, 2015/16 to 2024/25"


def test_description_lists_several_gaps_and_uses_published_precision():
    chart = line_chart(TWO_YEARS, unit="percent", title="t", decimals=1)
    assert chart.description == (
        "Bristol: 5.1% in 2015-16, 3.4% in 2024-25; highest 7.9% in 2016-17; "
        "lowest 2.3% in 2021-22. 2018-19, 2020-21 and 2023-24 not published."
    )


def test_description_of_abstract_counts():
    data = [Series("A", observations(fy(2017, 2019), [10, 12, "suppressed"]))]
    chart = line_chart(data, unit="number", title="t")
    assert chart.description == "A: 10 in 2017-18, 12 in 2018-19. 2019-20 suppressed."


# ---------------------------------------------------------------- markup


def test_svg_is_well_formed_and_named():
    _, html = chart_html(REPEAT)
    figure = ET.fromstring(html)
    svg = figure.find("svg")
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-repeat-t chart-repeat-d"
    assert svg.find("title").get("id") == "chart-repeat-t"
    assert svg.find("desc").text.startswith("Bristol: 14.3% in 2012-13")
    assert figure.find("figcaption").text == "Repeat child protection plans"


def test_no_script_and_no_inline_style_for_the_content_security_policy():
    _, html = chart_html(REPEAT)
    assert "<script" not in html and " on" not in html.replace(" one", "")
    assert "<style" not in html and "style=" not in html


def test_chart_colours_come_from_the_palette():
    css = (ROOT / "docs" / "stylesheets" / "hub.css").read_text(encoding="utf-8")
    charts = css.split("/* " + "=" * 60 + " Charts */")[1]
    screen = charts.split("/* ====")[0].split("@media")[0]
    colours = re.findall(r"(?:fill|stroke|color):\s*([^;}]+)", screen)
    assert colours
    for colour in colours:
        assert colour.startswith(("var(--md-", "none", "currentColor")), colour


def test_ids_are_unique_per_chart():
    _, one = chart_html(REPEAT, id="a")
    _, two = chart_html(REPEAT, id="b")
    ids = re.findall(r'\bid="([^"]+)"', one + two)
    assert len(ids) == len(set(ids))


def test_text_is_escaped():
    data = [Series("<script>&", observations(fy(2017, 2018), [10, 20]))]
    _, html = chart_html(data, title="A & B <i>")
    assert "<script>" not in html and "<i>" not in html
    assert "&lt;script&gt;&amp;" in html and "A &amp; B &lt;i&gt;" in html


def test_same_data_same_bytes():
    assert chart_html(REPEAT)[1] == chart_html(list(REPEAT))[1]


@pytest.mark.parametrize("series", [REPEAT, ABSENCE, TWO_YEARS], ids=["repeat", "absence", "two"])
def test_at_most_5_kb(series):
    _, html = chart_html(series, title="Plans starting that were a second or subsequent plan")
    assert len(html.encode("utf-8")) <= 5 * 1024


@pytest.mark.parametrize(
    ("name", "series", "title"),
    [
        ("indicator_chart_repeat", REPEAT, "Repeat child protection plans (% of plans starting)"),
        ("indicator_chart_absence", ABSENCE, "Overall absence (% of half days missed)"),
        ("indicator_chart_two_years", TWO_YEARS, "Plans lasting two years or more (%)"),
    ],
)
def test_golden(name, series, title):
    _, html = chart_html(series, title=title, id=name.replace("_", "-"))
    path = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(html + "\n", encoding="utf-8")
    assert path.read_text(encoding="utf-8") == html + "\n"


# ---------------------------------------------------------------- in the browser


def _rgba(text: str) -> tuple[float, float, float, float]:
    parts = [float(x) for x in re.findall(r"[\d.]+", text)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def _over(colour, background):
    r, g, b, a = colour
    return tuple(a * c + (1 - a) * bg for c, bg in zip((r, g, b), background[:3], strict=True))


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(colour: str, background: str) -> float:
    back = _rgba(background)
    lighter, darker = sorted(
        (_luminance(_over(_rgba(colour), back)), _luminance(back[:3])), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


COLOURS = """() => {
  const svg = document.querySelector('svg.hc');
  const style = (selector, property) => getComputedStyle(svg.querySelector(selector))[property];
  return {
    background: getComputedStyle(document.body).backgroundColor,
    text: style('text', 'fill'),
    main: style('.hc-s0 polyline', 'stroke'),
    comparator: style('.hc-s1 polyline', 'stroke'),
    axis: style('.hc-a', 'stroke'),
    fill: style('.hc-s0 polyline', 'fill'),
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_contrast_in_both_palettes(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text))
    page.goto(base_url + "indicators/repeat-cp-plans/")
    found = page.evaluate(COLOURS)
    context.close()
    assert found["fill"] == "none"  # the stylesheet applied: lines are not filled shapes
    assert contrast(found["text"], found["background"]) >= 4.5
    for name in ("main", "comparator", "axis"):
        assert contrast(found[name], found["background"]) >= 3, name
    assert not [e for e in errors if "Content Security Policy" in e]
