"""Guidance figures on synthetic sentences (a fictional company, Zorblax): ranges in every spelling,
signs, tolerance bands, changes vs levels, segments and relative periods."""

from __future__ import annotations

import pytest

from callscope.extract import figures_of_sentence
from callscope.extract.numbers import find_numbers
from callscope.extract.periods import Fiscal

Q2_17 = Fiscal(2, 2017)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Zorblax expects operating income between $40 million and $350 million.", 40e6, 350e6),
        ("Operating income should be $150 million to $1.2 billion.", 150e6, 1.2e9),
        ("We see revenue of $2.1-2.4 billion.", 2.1e9, 2.4e9),
        ("We expect revenue of $4.2 billion, plus or minus 2%.", 4.116e9, 4.284e9),
        ("We expect revenue of $4.2 billion ±2%.", 4.116e9, 4.284e9),
        ("The tax rate should be 14% +/- 1 for the year.", 13.0, 15.0),
        ("Gross margin is expected to be 61.5%, plus or minus 50 basis points.", 61.0, 62.0),
        ("We expect growth in the range of minus 3% to 1% year over year.", -3.0, 1.0),
        ("We expect growth between negative 4% and flat, or between minus 4% and 0%.", -4.0, 0.0),
    ],
)
def test_range_spellings(text: str, low: float, high: float) -> None:
    ranged = [n for n in find_numbers(text) if n.low is not None]
    assert ranged, find_numbers(text)
    assert (ranged[-1].low, ranged[-1].high) == (pytest.approx(low), pytest.approx(high))


def test_tolerance_applies_to_each_listed_figure() -> None:
    text = "GAAP and non-GAAP gross margins are expected to be 58.3% and 59.1%, respectively, plus or minus 50 basis points."
    nums = find_numbers(text)
    assert [(n.low, n.high) for n in nums] == [(pytest.approx(57.8), pytest.approx(58.8)), (pytest.approx(58.6), pytest.approx(59.6))]


def test_plus_or_minus_is_not_a_negative_sign() -> None:
    nums = find_numbers("Revenue is expected to be $900 million, plus or minus 3%.")
    assert len(nums) == 1 and nums[0].value > 0 and nums[0].low > 0
