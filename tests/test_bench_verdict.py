"""The benchmark's verdict on the full build (benchmarks/run.py): met only when shown.

Nothing here times anything; it checks the arithmetic that turns the pairs' ratios into a
verdict, so a lucky run can no longer print "met".
"""

from __future__ import annotations

import math

import pytest

from benchmarks.run import interval_verdict, median_interval


@pytest.mark.parametrize(
    ("n", "k"),
    [(5, None), (6, 1), (8, 1), (9, 2), (11, 2), (21, 6), (25, 8)],
)
def test_interval_drops_k_from_each_end(n, k):
    values = [float(v) for v in range(n, 0, -1)]  # unsorted on purpose
    interval = median_interval(values)
    if k is None:
        assert interval is None
    else:
        assert interval == (float(k), float(n + 1 - k))


@pytest.mark.parametrize("n", [6, 9, 11, 21, 25, 40])
def test_interval_covers_the_median_at_least_95_percent(n):
    low, _ = median_interval([float(v) for v in range(1, n + 1)])
    k = int(low)
    below = sum(math.comb(n, i) for i in range(k)) / 2**n  # P(fewer than k under the median)
    assert 1 - 2 * below >= 0.95
    wider = sum(math.comb(n, i) for i in range(k + 1)) / 2**n  # one more from each end
    assert 1 - 2 * wider < 0.95  # and no narrower interval would do


@pytest.mark.parametrize(
    ("value", "interval", "said"),
    [
        (1.05, (1.02, 1.09), "met"),
        (1.10, (1.08, 1.10), "met"),
        (1.15, (1.11, 1.20), "MISSED"),
        (1.09, (1.06, 1.12), "NOT SHOWN: the median is below it, but the interval spans it"),
        (1.11, (1.06, 1.12), "NOT SHOWN: the median is above it, but the interval spans it"),
        (1.05, None, "met, on too few pairs for an interval"),
        (1.12, None, "MISSED, on too few pairs for an interval"),
    ],
)
def test_verdict(value, interval, said):
    assert interval_verdict(value, interval, 1.10) == said
