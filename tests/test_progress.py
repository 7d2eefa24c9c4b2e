"""The progress engine, edge cases included. Abstract numbers (10 -> 12) unless the figures are
Bristol's published ones (repeat child protection plans, CIN table D3, 2025 release)."""

from __future__ import annotations

import pytest

from hub.periods import Period
from hub.progress import Method, Observation, Threshold, assess, explain, format_change


def p(text: str) -> Period:
    return Period.parse(text)


def obs(period: str, value: float | None, status: str = "published") -> Observation:
    return Observation(p(period), value, status)


def series(*pairs) -> list[Observation]:
    return [obs(period, value) for period, value in pairs]


def direction(good="down", tolerance=1.0, unit="points", baseline="2017-18") -> Method:
    return Method(
        kind="direction",
        direction=good,
        baseline=p(baseline),
        tolerance=tolerance,
        tolerance_unit=unit,
    )


def target(value, by="2027-28", good="up", baseline="2017-18") -> Method:
    return Method(
        kind="target", direction=good, baseline=p(baseline), target=value, target_period=p(by)
    )


# Bristol, plans starting that were a second or subsequent plan (%), CIN D3, 2025 release.
REPEAT_PLANS = series(
    ("2014-15", 20.4),
    ("2015-16", 15.7),
    ("2016-17", 22.4),
    ("2017-18", 22.7),
    ("2018-19", 21.4),
    ("2019-20", 27.4),
    ("2020-21", 20.5),
    ("2021-22", 25.1),
    ("2022-23", 24.0),
    ("2023-24", 32.0),
    ("2024-25", 26.3),
)


def test_bristol_repeat_plans_worsening_with_its_derivation():
    result = assess(REPEAT_PLANS, direction("down", 1.0), decimals=1)
    assert result.status == "worsening"
    assert (result.baseline.value, str(result.baseline.period)) == (22.7, "2017-18")
    assert (result.latest.value, str(result.latest.period)) == (26.3, "2024-25")
    assert result.change == 3.6
    assert result.threshold == Threshold(1.0, "points")
    assert explain(result, "percent") == (
        "Baseline 2017-18: 22.7%. Latest 2024-25: 26.3%. Change +3.6 percentage points. "
        "Judged by direction, lower is better, tolerance ±1.0 percentage point: worsening. "
        "The change is larger than the tolerance, in the bad direction (lower is better)."
    )


@pytest.mark.parametrize(
    ("good", "latest", "status"),
    [
        # lower is better, tolerance ±1 point around a baseline of 10
        ("down", 8.9, "improving"),
        ("down", 9.0, "little-change"),  # on the boundary: within
        ("down", 9.1, "little-change"),
        ("down", 10.0, "little-change"),  # equal values
        ("down", 10.9, "little-change"),
        ("down", 11.0, "little-change"),  # on the boundary: within
        ("down", 11.1, "worsening"),
        # higher is better: the same figures, the other way round
        ("up", 8.9, "worsening"),
        ("up", 9.0, "little-change"),
        ("up", 11.0, "little-change"),
        ("up", 11.1, "improving"),
    ],
)
def test_direction_points_around_the_tolerance(good, latest, status):
    result = assess(series(("2017-18", 10.0), ("2018-19", latest)), direction(good, 1.0))
    assert result.status == status


@pytest.mark.parametrize(
    ("latest", "status"),
    [(11.9, "little-change"), (12.0, "little-change"), (12.1, "improving"), (7.9, "worsening")],
)
def test_direction_relative_tolerance(latest, status):
    # ±20% of a baseline of 10 is a band from 8 to 12
    result = assess(series(("2017-18", 10.0), ("2018-19", latest)), direction("up", 20, "percent"))
    assert result.status == status
    assert result.relative_change == pytest.approx((latest - 10) / 10)


@pytest.mark.parametrize(("latest", "status"), [(0, "little-change"), (2, "worsening")])
def test_zero_baseline_uses_the_absolute_rule_and_says_so(latest, status):
    result = assess(series(("2017-18", 0), ("2018-19", latest)), direction("down", 50, "percent"))
    assert result.status == status
    assert result.relative_change is None
    assert any("baseline is zero" in note for note in result.notes)


def test_zero_baseline_with_a_points_tolerance_needs_no_note():
    result = assess(series(("2017-18", 0), ("2018-19", 2)), direction("down", 5, "points"))
    assert (result.status, result.change, result.relative_change, result.notes) == (
        "little-change",
        2,
        None,
        (),
    )


def test_missing_baseline_is_not_enough_data():
    result = assess(series(("2018-19", 10), ("2019-20", 12)), direction())
    assert result.status == "not-enough-data"
    assert result.reason == "There is no figure for the baseline period 2017-18."
    assert result.baseline is None


@pytest.mark.parametrize(
    ("status", "words"),
    [("suppressed", "suppressed"), ("not-collected", "not collected")],
)
def test_unpublished_baseline_is_not_enough_data(status, words):
    data = [obs("2017-18", None, status), obs("2018-19", 12)]
    result = assess(data, direction())
    assert result.status == "not-enough-data"
    assert result.reason == (
        f"The baseline figure for 2017-18 is {words}, so progress cannot be judged."
    )
    assert result.latest.value == 12


def test_one_point_is_not_enough_data():
    result = assess(series(("2017-18", 10)), direction())
    assert result.status == "not-enough-data"
    assert "no published figure after the baseline" in result.reason
    assert result.change is None


def test_suppressed_latest_uses_the_latest_published_and_says_so():
    data = [obs("2017-18", 10), obs("2018-19", 12), obs("2019-20", None, "suppressed")]
    result = assess(data, direction("up", 1.0))
    assert result.status == "improving"
    assert str(result.latest.period) == "2018-19"
    assert str(result.latest_gap.period) == "2019-20"
    assert result.notes == (
        "The figure for 2019-20 is suppressed; the latest published figure, for 2018-19, is used.",
    )


def test_only_unpublished_after_the_baseline_names_the_gap():
    data = [obs("2017-18", 10), obs("2018-19", None, "not-published")]
    result = assess(data, direction())
    assert result.status == "not-enough-data"
    assert result.latest is None
    assert result.latest_gap.status == "not-published"
    assert result.notes == ("The figure for 2018-19 is not published.",)


def test_gaps_in_the_middle_are_skipped_not_zero():
    data = [obs("2017-18", 10), obs("2018-19", None, "not-collected"), obs("2019-20", 10.5)]
    result = assess(data, direction("down", 1.0))
    assert (result.status, result.change, result.latest_gap) == ("little-change", 0.5, None)


@pytest.mark.parametrize(
    ("data", "method", "reason"),
    [
        ([], direction(), "None of the figures for this indicator is published."),
        (
            [obs("2017-18", None, "not-available")],
            direction(),
            "None of the figures for this indicator is published.",
        ),
        ([], Method(kind="none"), "No figures are published for this indicator."),
    ],
)
def test_no_published_data(data, method, reason):
    result = assess(data, method)
    assert (result.status, result.reason) == ("no-data", reason)


def test_the_order_of_the_input_does_not_matter():
    assert assess(list(reversed(REPEAT_PLANS)), direction()) == assess(REPEAT_PLANS, direction())


def test_two_figures_for_one_period_are_refused():
    with pytest.raises(ValueError, match="two figures for the period 2017-18"):
        assess(series(("2017-18", 1), ("2017-18", 2)), direction())


# ---------------------------------------------------------------- target method


@pytest.mark.parametrize(
    ("good", "goal", "latest", "status"),
    [
        ("up", 12, 12, "target-met"),  # met exactly
        ("up", 12, 13, "target-met"),
        ("down", 8, 7, "target-met"),
        # baseline 10 in 2017-18, target 20 in 2027-28: 1 a year needed; latest after 5 years
        ("up", 20, 15, "on-track"),  # 1.0 a year: ratio 1
        ("up", 20, 14.75, "on-track"),  # 0.95 a year: ratio 0.95, the boundary
        ("up", 20, 14.7, "off-track"),  # ratio 0.94
        ("up", 20, 9, "off-track"),  # moving away
        ("down", 0, 5, "on-track"),  # 1 a year down needed, 1 a year achieved
        ("down", 0, 6, "off-track"),
    ],
)
def test_target_actual_versus_required_annual_change(good, goal, latest, status):
    data = series(("2017-18", 10), ("2022-23", latest))
    result = assess(data, target(goal, good=good))
    assert result.status == status


def test_target_derivation_is_kept():
    result = assess(series(("2017-18", 10), ("2022-23", 14)), target(20))
    assert result.annual_change == pytest.approx(0.8)
    assert result.required_change == pytest.approx(1.0)
    assert result.ratio == pytest.approx(0.8)
    assert result.reason.startswith("The change each year so far is 80% of the change needed")
    assert explain(result) == (
        "Baseline 2017-18: 10. Latest 2022-23: 14. Change +4. "
        "Change each year: +0.8; needed each year: +1.0. "
        "Judged against the target of 20 by 2027-28: off track. "
        "The change each year so far is 80% of the change needed each year to reach the target; "
        "95% or more is on track."
    )


def test_target_already_met_wins_over_everything():
    # fell away from the start, but the latest figure meets the target
    data = series(("2017-18", 10), ("2018-19", 2), ("2019-20", 12))
    assert assess(data, target(12, by="2030-31")).status == "target-met"


def test_target_period_passed_unmet_is_off_track():
    data = series(("2017-18", 10), ("2028-29", 19.9))
    result = assess(data, target(20, by="2027-28"))
    assert result.status == "off-track"
    assert "has passed" in result.reason


def test_baseline_met_target_but_latest_does_not():
    result = assess(series(("2017-18", 12), ("2018-19", 9)), target(10))
    assert result.status == "off-track"
    assert "baseline already met the target" in result.reason


# ---------------------------------------------------------------- declared, never defaulted


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "direction"}, "a direction method needs direction, baseline, tolerance"),
        (
            {"kind": "direction", "direction": "down", "baseline": "2017-18", "tolerance": 1},
            "needs tolerance_unit",
        ),
        ({"kind": "target", "direction": "up", "baseline": "2017-18"}, "needs target"),
        ({"kind": "none", "direction": "up"}, "a none method does not use direction"),
        ({"kind": "trend"}, "method kind 'trend' is not known"),
        ({"kind": "none", "colour": "red"}, "unknown method key colour"),
        ({"kind": "direction", "baseline": "2017"}, "needs direction"),
        ({"kind": "direction", "baseline": "17-18"}, "baseline: period '17-18'"),
        (
            {
                "kind": "direction",
                "direction": "sideways",
                "baseline": "2017-18",
                "tolerance": 1,
                "tolerance_unit": "points",
            },
            "direction 'sideways' should be 'up' or 'down'",
        ),
        (
            {
                "kind": "target",
                "direction": "up",
                "baseline": "2017-18",
                "target": 5,
                "target_period": "2016-17",
            },
            "target period 2016-17 should come after baseline 2017-18",
        ),
    ],
)
def test_method_must_be_complete(fields, message):
    with pytest.raises(ValueError, match=message):
        Method.from_mapping(fields)


@pytest.mark.parametrize(
    ("value", "status"),
    [(1.0, "suppressed"), (None, "published"), (None, "zero"), (0, "not-collected")],
)
def test_observation_value_matches_status(value, status):
    with pytest.raises(ValueError):
        obs("2017-18", value, status)


@pytest.mark.parametrize(
    ("change", "unit", "decimals", "text"),
    [
        (3.6, "percent", 1, "+3.6 percentage points"),
        (-1.0, "percent", 1, "−1.0 percentage point"),
        (-17, "", 0, "−17"),
        (1234, "", 0, "+1,234"),
        (0.04, "percent", 1, "no change"),
    ],
)
def test_format_change(change, unit, decimals, text):
    assert format_change(change, unit, decimals) == text


@pytest.mark.parametrize(
    ("threshold", "unit", "decimals", "text"),
    [
        (Threshold(1.0, "points"), "percent", 1, "±1.0 percentage point"),
        (Threshold(2, "points"), "percent", 0, "±2 percentage points"),
        (Threshold(5, "points"), "number", 0, "±5"),
        (Threshold(10, "percent"), "number", 0, "±10% of the baseline"),
    ],
)
def test_threshold_words(threshold, unit, decimals, text):
    assert threshold.words(unit, decimals) == text
