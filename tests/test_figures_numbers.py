"""The number grammar on synthetic sentences (a fictional company), including the hard cases and non-figures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.extract import _figure_like, figures_of_sentence
from callscope.extract.numbers import candidates, combine, find_numbers
from callscope.extract.periods import Fiscal, find_periods, parse_fiscal

Q2_07 = Fiscal(2, 2007)


def one(text: str):
    nums = find_numbers(text)
    assert len(nums) == 1, nums
    return nums[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Revenue at Zorblax was 567.5 million.", 567_500_000.0, ""),
        ("Zorblax booked $1.4 billion in orders.", 1_400_000_000.0, "USD"),
        ("The German unit made €22m.", 22_000_000.0, "EUR"),
        ("Earnings were $0.18.", 0.18, "USD"),
        ("We now employ 88,000 people.", 88_000.0, "employees"),
        ("Margins rose 2.5%.", 2.5, "%"),
        ("Margins rose 2.5 percent.", 2.5, "%"),
        ("Margins rose 150 basis points.", 150.0, "bp"),
        ("DSO was 41 days.", 41.0, "days"),
        ("We shipped 12,400 ports.", 12_400.0, "ports"),
        ("We have two thousand employees.", 2000.0, "employees"),
        ("Growth was five percent.", 5.0, "%"),
        ("That cost us 3 cents.", 0.03, "USD"),
        ("Leverage is 2.5x.", 2.5, "x"),
        ("Sales were 22 million euros.", 22_000_000.0, "EUR"),
        ("We took a charge of 4.3b.", 4_300_000_000.0, ""),
    ],
)
def test_single_figures(text: str, value: float, unit: str) -> None:
    n = one(text)
    assert n.value == pytest.approx(value)
    assert n.unit == unit


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("We expect revenue in the range of 610 to 615 million.", 610e6, 615e6, ""),
        ("Zorblax sees FY revenue of $4.11-4.45b.", 4.11e9, 4.45e9, "USD"),
        ("Revenue will be between $225 million and $230 million.", 225e6, 230e6, "USD"),
        ("Operating margin of 25 to 30% is our model.", 25.0, 30.0, "%"),
        ("EPS of $2.85 to $3.10 is the outlook.", 2.85, 3.10, "USD"),
        ("DSOs should be 40 to 45 days.", 40.0, 45.0, "days"),
    ],
)
def test_ranges(text: str, low: float, high: float, unit: str) -> None:
    n = one(text)
    assert (n.low, n.high, n.unit) == (pytest.approx(low), pytest.approx(high), unit)


def test_increase_to_is_not_a_range() -> None:
    nums = find_numbers("Cash increased by 150 million to 1.85 billion.")
    assert [n.value for n in nums] == [150e6, 1.85e9]
    assert all(n.low is None for n in nums)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Margins will be in the low 20s.", 20, 23),
        ("We see high single digits growth.", 6, 9),
        ("Growth in the mid-teens.", 13, 16),
    ],
)
def test_spoken_bands(text: str, low: float, high: float) -> None:
    n = one(text)
    assert (n.low, n.high, n.approx, n.unit) == (low, high, True, "%")


def test_approximations_and_bounds() -> None:
    a, b = find_numbers("Revenue was approximately $1.3 billion and we sold more than 140 million units.")
    assert a.approx and a.bound is None
    assert b.approx and b.bound == "min" and b.unit == "units"


def test_ratio() -> None:
    n = one("The book-to-bill was greater than one.")
    assert (n.value, n.unit, n.bound) == (1.0, "x", "min")


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("Our book-to-bill ratio for the quarter was above one.", 1.0, "min"),
        ("Book-to-bill for the fourth quarter was 1.2.", 1.2, None),
        ("Book-to-bill in Q3 was 1.05.", 1.05, None),
    ],
)
def test_ratio_with_its_period_between_word_and_number(text: str, value: float, bound: str | None) -> None:
    n = one(text)
    assert (n.value, n.unit, n.bound) == (value, "x", bound)


@pytest.mark.parametrize(
    "text",
    [
        "The call is on July 19, 2006.",
        "Results for Q1 of '07 and the second quarter of 2007.",
        "Call 1-800-555-1212 or (212) 555-0100 to replay.",
        "The R140, the Z310 and the NW 4000 are shipping.",
        "We launched the NRX 2000 and the Freight Access 7000.",
        "We sell to tier 1 carriers over 3G and 4G networks.",
        "Our fiscal 2008 plan starts in 2007.",
        "The COVID-19 crisis continued.",
        "We sold one of our three segments.",
    ],
)
def test_non_figures(text: str) -> None:
    assert find_numbers(text) == [] or all(not n.unit and not n.scaled for n in find_numbers(text))
    assert figures_of_sentence(text, Q2_07) == []


def test_periods_resolve_against_the_call() -> None:
    got = [
        p.period
        for p in find_periods(
            "Up from Q1 of '07, the second quarter of '06, the first half of '06, last year and this quarter.", Q2_07
        )
    ]
    assert got == ["Q1 2007", "Q2 2006", "H1 2006", "FY 2006", "Q2 2007"]
    assert parse_fiscal("Q3 2021") == Fiscal(3, 2021)


def test_fact_with_comparison() -> None:
    items = figures_of_sentence(
        "Revenue was $10.2 million for the second quarter, up 15% from the second quarter of last year.", Q2_07
    )
    head, change = items
    assert (head["metric"], head["value"], head["unit"], head["period"], head["_guidance"]) == (
        "revenue",
        10.2e6,
        "USD",
        "Q2 2007",
        False,
    )
    assert head["comparison"]["change"] == 15.0 and head["comparison"]["direction"] == "up"
    assert head["comparison"]["prior_period"] == "Q2 2006"
    assert change["role"] == "change" and change["period"] == "Q2 2007"


def test_guidance_sentence() -> None:
    items = figures_of_sentence("We expect revenue for Q3 in the range of 610 to 615 million and non-GAAP EPS of $0.23.", Q2_07)
    rev, eps = items
    assert rev["_guidance"] and rev["metric"] == "revenue" and rev["unit"] == "USD" and rev["period"] == "Q3 2007"
    assert (rev["value"], rev["low"], rev["high"]) == (None, 610e6, 615e6)
    assert "expect" in rev["hedges"]
    assert eps["metric"] == "eps" and eps["unit"] == "USD/share" and "non-GAAP" in eps["qualifiers"]


def test_as_expected_is_a_fact() -> None:
    (item,) = figures_of_sentence("As expected, gross margin was 61.5% this quarter.", Q2_07)
    assert not item["_guidance"] and item["metric"] == "gross_margin" and item["period"] == "Q2 2007"


def test_prior_value_is_its_own_fact() -> None:
    items = figures_of_sentence("Access revenues were $31.2 million for Q2 of '07, up from $28.7 million in Q1 of '07.", Q2_07)
    assert [(i["value"], i["period"], i["role"]) for i in items] == [(31.2e6, "Q2 2007", "value"), (28.7e6, "Q1 2007", "prior")]
    assert items[0]["comparison"]["prior_value"] == 28.7e6


def test_loss_is_flagged_not_signed() -> None:
    (item,) = figures_of_sentence("Zorblax lost $0.12 per share in the second quarter.", Q2_07)
    assert (item["value"], item["unit"], item["negative"], item["metric"]) == (0.12, "USD/share", True, "eps")


def test_listed_changes_and_comparison_periods() -> None:
    a, b = figures_of_sentence(
        "Widget margins improved by 120 basis points sequentially and nearly 350 basis points year-over-year.", Q2_07
    )
    assert (a["role"], b["role"]) == ("change", "change")
    assert (a["period"], b["period"]) == ("Q2 2007", "Q2 2007")
    assert a["comparison"]["prior_period"] == "Q1 2007" and b["comparison"]["prior_period"] == "Q2 2006"
    assert b["approx"]


def test_change_in_currency_and_rise_to_value() -> None:
    down, to = figures_of_sentence("Segment revenue declined $14 million, and backlog rose to $80 million.", Q2_07)
    assert (down["role"], down["comparison"]["direction"]) == ("change", "down")
    assert to["role"] == "value" and to["metric"] == "backlog"


def test_outlook_fragment_after_guidance() -> None:
    from callscope.extract import _turn_figures
    from callscope.model import Turn

    text = "For fiscal 2008 we expect revenue of $500 million to $520 million.\nAdjusted EBITDA of $90 million to $95 million."
    items = _turn_figures(Turn(index=0, speaker=0, section="presentation", text=text), Q2_07)
    assert [i["_guidance"] for i in items] == [True, True]
    assert items[1]["metric"] == "ebitda" and (items[1]["low"], items[1]["high"]) == (90e6, 95e6)
    assert items[0]["period"] == items[1]["period"] == "FY 2008"


def test_ratio_said_in_words_is_found_in_a_turn() -> None:
    from callscope.extract import _turn_figures
    from callscope.model import Turn

    text = "Orders were healthy. Our book-to-bill ratio was above one. Thanks."
    (item,) = _turn_figures(Turn(index=0, speaker=0, section="presentation", text=text), Q2_07)
    assert (item["metric"], item["value"], item["unit"], item["bound"]) == ("book_to_bill", 1.0, "x", "min")


def test_call_quarter_inferred_from_reported_sentences() -> None:
    from callscope.extract import _infer_fiscal

    text = (
        "Revenue in the second quarter was $10 million, up from $9 million in the second quarter of 2030.\n"
        "Gross margin in the second quarter was 40%.\n"
        "We expect third quarter revenue of $11 million."
    )
    assert _infer_fiscal(text) == Fiscal(2, 2031)


def test_range_from_breakeven() -> None:
    (item,) = figures_of_sentence(
        "For the third quarter we expect adjusted earnings between breakeven and a loss of $0.05 per share.", Q2_07
    )
    assert item["_guidance"] and (item["value"], item["low"], item["high"], item["unit"]) == (None, -0.05, 0.0, "USD/share")


def test_enormous_sentence_stays_linear() -> None:
    from callscope.extract import sentences

    text = " ".join(f"${i}.5 million up {i}%" for i in range(5000))  # one 'sentence' of 120 KB
    spans = list(sentences.split(text))
    assert all(e - s <= sentences.MAX_SENTENCE for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_analyst_figures_are_never_guidance() -> None:
    import callscope

    text = (
        "Operator\nWelcome to the Zorblax Widgets second quarter 2031 call.\n"
        "Dana Quill - Chief Financial Officer\nRevenue was $42.5 million. We expect third quarter revenue of $44 million.\n"
        "Operator\nYour first question comes from Sam Roe with Acme Securities.\n"
        "Sam Roe - Acme Securities - Analyst\nDo you expect margins of 30% next year?\n"
        "Dana Quill - Chief Financial Officer\nWe do not guide that far out.\n"
    )
    call = callscope.read(text.encode(), name="zorblax.txt")
    assert [g["value"] for g in call.guidance] == [44e6]
    analyst = [f for f in call.facts if f["value"] == 30.0]
    assert analyst and analyst[0]["speaker_role"] == "analyst"


_PIECES = [
    "5", "6", "12", "1,200", "0.5", "$3", "2030", "Q3", "to", "and", "between", "through", "-", "plus or minus",
    "+/-", "zero", "flat", "breakeven", "per share", "a share", "million", "billion", "%", "percent", "basis points",
    "five", "twenty", "mid-teens", "low single digits", "about", "more than", "book-to-bill", "of", "one", "units",
    "employees", "revenue", "was", "range from", ",", "respectively", "minus", "(", ")", "tier", "version",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=9))
def test_joining_never_makes_a_bare_number_a_figure(pieces: list[str]) -> None:
    """figures_of_sentence stops after `candidates` when none of them is figure-like: exact only if
    `combine` (ranges, bands, approximations) never gives a figure a unit, scale, separator or per-share."""
    text = " ".join(pieces) + "."
    found = candidates(text)
    assert combine(list(found), text) == find_numbers(text)
    if not any(_figure_like(text, n) for n in found):
        assert not any(_figure_like(text, n) for n in find_numbers(text)), text
