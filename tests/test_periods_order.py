"""Period's order (a tuple's own: its fields are in sort order) gives what dataclass(order=True)
gave: one-item tuples of the comparison key compared, and a TypeError for anything that is not
a period."""

from __future__ import annotations

import itertools
import operator

import pytest

from hub.periods import Period

TEXTS = ["2017-18", "2017/18", "2018-03-31", "2018", "2018-19", "2019-03-31", "2016/17"]
PERIODS = [Period.parse(text) for text in TEXTS]
OPERATORS = [operator.lt, operator.le, operator.gt, operator.ge, operator.eq, operator.ne]


def key(period: Period) -> tuple:
    """What periods sort by, as the calendar reads them: end date, then start, kind and label."""
    return (period.end, period.start, period.kind, period.label)


@pytest.mark.parametrize("compare", OPERATORS, ids=lambda op: op.__name__)
def test_periods_compare_as_their_keys_did(compare):
    for a, b in itertools.product(PERIODS, repeat=2):
        assert compare(a, b) is compare((key(a),), (key(b),)), (a, b)
        same = Period(a.kind, a.start, a.end, a.label)  # an equal period, not the same object
        assert compare(same, b) is compare((key(a),), (key(b),))
    assert sorted(PERIODS, reverse=True) == sorted(PERIODS, key=lambda p: (key(p),), reverse=True)


@pytest.mark.parametrize("compare", OPERATORS[:4], ids=lambda op: op.__name__)
@pytest.mark.parametrize("other", [1, "2017-18", None, (1,)])
def test_a_period_does_not_compare_with_other_things(compare, other):
    with pytest.raises(TypeError):
        compare(PERIODS[0], other)
    with pytest.raises(TypeError):
        compare(other, PERIODS[0])


def test_equal_periods_hash_alike():
    a = PERIODS[0]
    assert hash(Period(a.kind, a.start, a.end, a.label)) == hash(a) == hash(key(a))
