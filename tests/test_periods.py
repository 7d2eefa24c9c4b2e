"""Periods are real periods: parsed, ordered and labelled as published, never integer years."""

from __future__ import annotations

from datetime import date

import pytest

from hub.periods import Period, years_between


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "label"),
    [
        ("2017-18", "financial-year", date(2017, 4, 1), date(2018, 3, 31), "2017-18"),
        ("2018-19", "financial-year", date(2018, 4, 1), date(2019, 3, 31), "2018-19"),
        ("1999-00", "financial-year", date(1999, 4, 1), date(2000, 3, 31), "1999-00"),
        ("2017/18", "academic-year", date(2017, 9, 1), date(2018, 8, 31), "2017/18"),
        ("2019/20", "academic-year", date(2019, 9, 1), date(2020, 8, 31), "2019/20"),
        ("2018-03-31", "snapshot", date(2018, 3, 31), date(2018, 3, 31), "31 March 2018"),
        ("2024-01-05", "snapshot", date(2024, 1, 5), date(2024, 1, 5), "5 January 2024"),
        ("2018", "calendar-year", date(2018, 1, 1), date(2018, 12, 31), "2018"),
        (" 2017-18 ", "financial-year", date(2017, 4, 1), date(2018, 3, 31), "2017-18"),
    ],
)
def test_parse(text, kind, start, end, label):
    period = Period.parse(text)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)
    assert str(period) == label


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2017-19", "did you mean '2017-18'?"),
        ("2017/19", "did you mean '2017/18'?"),
        ("2018-02-30", "day is out of range"),
        ("2018-13-01", "month must be in 1..12"),
        ("18-19", "is not in a form the hub reads"),
        ("2017/2018", "is not in a form the hub reads"),
        ("FY2018", "is not in a form the hub reads"),
        ("", "is not in a form the hub reads"),
    ],
)
def test_bad_text_is_named_with_the_accepted_forms(text, says):
    with pytest.raises(ValueError) as error:
        Period.parse(text)
    message = str(error.value)
    assert repr(text) in message
    assert says in message
    if "form" in says:
        assert '"2017-18" (financial year' in message
        assert '"2018-03-31"' in message


def test_never_an_integer_year():
    with pytest.raises(ValueError, match="should be text"):
        Period.parse(2018)


def test_orders_by_end_date_then_start():
    texts = ["2018", "2017/18", "2018-03-31", "2017-18", "2016-17", "2018-19"]
    ordered = [str(period) for period in sorted(map(Period.parse, texts))]
    # 2017-18 and 31 March 2018 end on the same day: the longer period (earlier start) first.
    assert ordered == ["2016-17", "2017-18", "31 March 2018", "2017/18", "2018", "2018-19"]


def test_equal_and_hashable_by_value():
    assert Period.parse("2017-18") == Period.parse("2017-18")
    assert Period.parse("2017-18") != Period.parse("2017/18")
    assert len({Period.parse("2017-18"), Period.parse("2017-18")}) == 1
    assert Period.parse("2017-18") < Period.parse("2018-19")


@pytest.mark.parametrize(
    ("a", "b", "years"),
    [
        ("2017-18", "2024-25", 7.0),
        ("2017-18", "2018-19", 1.0),
        ("2024-25", "2017-18", -7.0),
        ("2015/16", "2024/25", 9.0),
        ("2017-18", "2018/19", 1 + 5 / 12),
        ("2018-03-31", "2017-18", 0.0),
        ("2017", "2019", 2.0),
    ],
)
def test_years_between_end_dates(a, b, years):
    assert years_between(Period.parse(a), Period.parse(b)) == pytest.approx(years)
