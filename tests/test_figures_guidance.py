"""Guidance figures on synthetic sentences (a fictional company, Zorblax): ranges in every spelling,
signs, tolerance bands, changes vs levels, segments and relative periods."""

from __future__ import annotations

import pytest

from callscope.extract import figures_of_sentence
from callscope.extract.numbers import find_numbers
from callscope.extract.periods import Fiscal, find_periods, fiscal_year_end

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
    *margins, band = find_numbers(text)
    assert [(n.low, n.high) for n in margins] == [(pytest.approx(57.8), pytest.approx(58.8)), (pytest.approx(58.6), pytest.approx(59.6))]
    assert band.tolerance and band.value == 50 and band.unit == "bp"


def test_plus_or_minus_is_not_a_negative_sign() -> None:
    amount, band = find_numbers("Revenue is expected to be $900 million, plus or minus 3%.")
    assert amount.value > 0 and amount.low == pytest.approx(873e6) and band.value == 3 and band.tolerance


def test_tolerance_is_kept_as_its_own_figure_not_a_revenue_rate() -> None:
    items = figures_of_sentence("We expect revenue to be $900 million, plus or minus 3%.", Q2_17)
    assert [(i["role"], i["unit"], i["low"], i["high"]) for i in items] == [
        ("value", "USD", pytest.approx(873e6), pytest.approx(927e6)),
        ("tolerance", "%", None, None),
    ]
    assert all(i["_guidance"] for i in items) and items[0]["comparison"] is None


def test_from_to_is_still_a_comparison_but_range_from_is_a_range() -> None:
    grew = find_numbers("Revenue grew from $5 million to $6 million.")
    assert [n.value for n in grew] == [5e6, 6e6]
    ranged = find_numbers("EPS is expected to range from $0.61 to $0.63.")
    assert [(n.low, n.high) for n in ranged] == [(0.61, 0.63)]
    zero = find_numbers("We see unit growth in the range of zero to 4% year over year.")
    assert [(n.low, n.high) for n in zero] == [(0.0, 4.0)]
    down = find_numbers("We expect bookings in the range of minus 3% to minus 7% year over year.")
    assert [(n.low, n.high) for n in down] == [(-7.0, -3.0)]
    assert [(n.low, n.high) for n in find_numbers("Growth of minus 1% to plus 1%.")] == [(-1.0, 1.0)]


def _one(sentence: str, fiscal: Fiscal = Q2_17, **want: object) -> dict:
    items = figures_of_sentence(sentence, fiscal)
    hit = [i for i in items if all(i.get(k) == v for k, v in want.items())]
    assert hit, [(i["metric"], i["value"], i["role"], i["period"], i["qualifiers"]) for i in items]
    return hit[0]


def test_decreases_keep_their_sign_in_the_comparison() -> None:
    it = _one("We expect Q3 revenue to be $9.2 billion, down 8% year over year.", role="change")
    assert it["value"] == 8.0 and it["comparison"]["direction"] == "down" and it["comparison"]["change"] == -8.0
    head = _one("We expect Q3 revenue to be $9.2 billion, down 8% year over year.", role="value")
    assert head["comparison"]["change"] == -8.0
    signed = _one("Zorblax expects revenue growth of minus 3% to 0% year over year.", role="change")
    assert (signed["low"], signed["high"]) == (-3.0, 0.0)


@pytest.mark.parametrize(
    "sentence",
    [
        "Annual sales were up 11%, or about $2 billion higher than our original forecast.",
        "We are raising our full year revenue guide by $1.5 billion to $48.5 billion.",
        "We expect revenue growth in the range of 2% to 5% year over year.",
        "Revenue growth was 26%.",
    ],
)
def test_changes_are_not_levels(sentence: str) -> None:
    items = figures_of_sentence(sentence, Q2_17)
    assert items[0]["role"] == "change", [(i["value"], i["role"]) for i in items]


def test_raising_by_x_to_y_links_the_step_to_the_new_level() -> None:
    step, level = figures_of_sentence("We are raising our EPS guide by $0.20 to $4.15 for the full year.", Q2_17)
    assert (step["role"], level["role"]) == ("change", "value")
    assert level["comparison"]["change"] == 0.20 and level["comparison"]["direction"] == "up"
    assert level["period"] == "FY 2017" and level["_guidance"]


@pytest.mark.parametrize(
    ("sentence", "segment", "metric"),
    [
        ("In the Northern segment, revenue grew 19% to $8 billion.", "Northern", "segment_revenue"),
        ("In the international segment, operating income was $90 million.", "international", "operating_income"),
        ("Zorblax Cloud Services operating income was $640 million.", "Zorblax Cloud Services", "operating_income"),
        ("Revenue for the Industrial Systems Group was $3.1 billion, up 8%.", "Industrial Systems", "segment_revenue"),
        ("ISG operating margin was 37%.", "ISG", "operating_margin"),
        ("We expect operating margin for ISG to stay above 35% this year.", "ISG", "operating_margin"),
        ("Our robotics business delivered 14% revenue growth.", "robotics", "segment_revenue"),
        ("We expect ISG to hold operating margin in the low 40s.", "ISG", "operating_margin"),
        ("We expect Zorblax Labs to contribute $200 million of revenue.", "Zorblax Labs", "segment_revenue"),
    ],
)
def test_segment_figures_are_tagged(sentence: str, segment: str, metric: str) -> None:
    it = figures_of_sentence(sentence, Q2_17)[0]
    assert f"segment:{segment}" in it["qualifiers"] and it["metric"] == metric


@pytest.mark.parametrize(
    "sentence",
    ["Total revenue was $5 billion.", "Operating income was $1.3 billion.", "Our business grew 10% to $5 billion.", "GAAP EPS was $1.10."],
)
def test_company_totals_have_no_segment(sentence: str) -> None:
    assert not any(q.startswith("segment:") for i in figures_of_sentence(sentence, Q2_17) for q in i["qualifiers"])


def test_respectively_gives_each_figure_its_basis() -> None:
    items = figures_of_sentence("GAAP and non-GAAP gross margins were 61.2% and 61.9%, respectively.", Q2_17)
    assert [i["qualifiers"] for i in items] == [["GAAP"], ["non-GAAP"]]
    items = figures_of_sentence("Q2 GAAP gross margin was 52.3% and non-GAAP was 53.1%.", Q2_17)
    assert [i["qualifiers"][-1] for i in items] == ["GAAP", "non-GAAP"]


def test_a_share_of_the_current_quarter_is_a_fact() -> None:
    it = _one("Recurring sales kept climbing, with 27% of our total Q2 revenue from subscriptions.", value=27.0)
    assert not it["_guidance"]


@pytest.mark.parametrize(
    ("quarter", "year", "date", "end"),
    [
        (2, 2016, "2016-04-26", 9),  # a September fiscal year: Q2 ends in March
        (2, 2017, "2016-08-11", 1),  # a January fiscal year: Q2 FY2017 ends in July 2016
        (4, 2016, "2016-08-17", 7),  # a July fiscal year
        (4, 2015, "2016-01-14", 12),  # calendar year, a call two weeks after the quarter
        (3, 2020, "2020-07-30", 9),  # a call a month after the quarter
        (None, 2020, "2020-07-30", None),
    ],
)
def test_fiscal_year_end_from_the_call_date(quarter: int | None, year: int, date: str, end: int | None) -> None:
    assert fiscal_year_end(quarter, year, date) == end


@pytest.mark.parametrize(
    ("fiscal", "said", "period", "relation"),
    [
        (Fiscal(4, 2015, 12), "For the March quarter, we expect", "Q1 2016", "future"),
        (Fiscal(4, 2015, 12), "the December quarter", "Q4 2015", "current"),
        (Fiscal(2, 2016, 9), "As we look ahead to the June quarter", "Q3 2016", "future"),
        (Fiscal(2, 2016, 9), "the December quarter", "Q1 2016", "past"),
        (Fiscal(2, 2016, 9), "the June quarter last year", "Q3 2015", "past"),
        (Fiscal(2, 2017, 1), "the October quarter", "Q3 2017", "future"),
        (Fiscal(2, 2017, 7), "the April quarter", "Q3 2017", "future"),
        (Fiscal(2, 2017, 7), "the October quarter", "Q1 2017", "past"),
        (Fiscal(2, 2017, None), "the September quarter", "Q3 2017", "future"),  # no fiscal end known: calendar
        (Fiscal(2, 2017, 12), "for fiscal '18", "FY 2018", "future"),
        (Fiscal(2, 2017, 12), "for the full year", "FY 2017", "current"),
        (Fiscal(2, 2017, 12), "in the second half", "H2 2017", "future"),
        (Fiscal(2, 2017, 12), "next quarter", "Q3 2017", "future"),
        (Fiscal(3, 2016, 12), "ten years ago", "FY 2006", "past"),
        (Fiscal(3, 2016, 12), "Bookings rose 6% YoY", "Q3 2015", "past"),  # "YoY" alone passes the period gate
    ],
)
def test_relative_periods(fiscal: Fiscal, said: str, period: str, relation: str) -> None:
    found = find_periods(said, fiscal)
    assert [(p.period, p.relation) for p in found] == [(period, relation)]


OUTLOOK = """Operator
Welcome to the Zorblax second quarter fiscal 2031 earnings call.
Dana Quill - Chief Financial Officer
Revenue for the quarter was $1.20 billion. Let me turn to our outlook for the third quarter of fiscal 2031. We expect revenue to be $1.30 billion, plus or minus 2%. GAAP and non-GAAP gross margins should be 58.3% and 59.1%, respectively, plus or minus 50 basis points. The tax rate is expected to be 17%.
Dana Quill - Chief Financial Officer
We expect growth to continue. Operating expenses should be about $400 million.
"""


def test_an_outlook_passage_gives_its_period_to_the_sentences_that_name_none(tmp_path) -> None:
    import callscope

    src = tmp_path / "zorblax.txt"
    src.write_text(OUTLOOK, encoding="utf-8")
    call = callscope.read(src)
    got = {(g["metric"], g["role"], g["period"]) for g in call.guidance}
    assert ("revenue", "value", "Q3 2031") in got and ("tax_rate", "value", "Q3 2031") in got
    assert [g["qualifiers"][-1] for g in call.guidance if g["metric"] == "gross_margin" and g["role"] == "value"] == ["GAAP", "non-GAAP"]
    assert ("opex", "value", None) in got  # another turn: the passage is over


def test_each_change_keeps_its_own_sign_and_base() -> None:
    items = figures_of_sentence("Revenue came in at $7.8 billion, down 5% year-on-year and higher by $300 million than our guide.", Q2_17)
    pct = next(i for i in items if i["unit"] == "%")
    assert pct["role"] == "change" and pct["comparison"]["change"] == -5.0 and pct["comparison"]["prior_period"] == "Q2 2016"


def test_raised_by_without_a_new_level_is_a_change() -> None:
    items = figures_of_sentence("Since March, we have raised our sales outlook by $1.5 billion and our EPS by $0.35.", Q2_17)
    assert [i["role"] for i in items] == ["change", "change"]


def test_between_makes_any_pair_a_range() -> None:
    assert [(n.low, n.high) for n in find_numbers("Operating income to be between $40 million and $640 million.")] == [(40e6, 640e6)]
    assert len(find_numbers("We sold 2 units to 25 customers.")) == 2  # bare close-but-not-close numbers stay apart


SEGMENTS = """Operator
Welcome to the Zorblax fourth quarter 2031 earnings call.
Dana Quill - Chief Financial Officer
Our robotics business delivered 14% revenue growth. This rounds out a year of 12% revenue growth. Total revenue was $5.1 billion, down 4%. It was a solid quarter.
"""


def test_a_sentence_starting_with_this_keeps_the_segment_of_the_one_before(tmp_path) -> None:
    import callscope

    src = tmp_path / "zorblax.txt"
    src.write_text(SEGMENTS, encoding="utf-8")
    facts = callscope.read(src).facts
    segs = {(f["value"], tuple(q for q in f["qualifiers"] if q.startswith("segment:"))) for f in facts}
    assert segs == {(14.0, ("segment:robotics",)), (12.0, ("segment:robotics",)), (5.1e9, ()), (4.0, ())}


def test_a_change_said_of_a_past_period_keeps_it() -> None:
    items = figures_of_sentence("This quarter laps the prior-year period when sales increased by 27%.", Q2_17)
    assert [(i["role"], i["period"]) for i in items] == [("change", "Q2 2016")]
    base = figures_of_sentence("Sales increased 34% over the prior-year period.", Q2_17)
    assert [(i["role"], i["period"], i["comparison"]["prior_period"]) for i in base] == [("change", "Q2 2017", "Q2 2016")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Average segment income over the past year is roughly $80 million per quarter.",
        "LTM September EBITDA would have approximated $3.4 billion.",
        "Before we review the operating segments, note that copper is approximately 40% higher today.",
    ],
)
def test_words_that_are_not_segment_names(sentence: str) -> None:
    assert not any(q.startswith("segment:") for i in figures_of_sentence(sentence, Q2_17) for q in i["qualifiers"])


def test_a_bare_earlier_quarter_in_guidance_is_next_years() -> None:
    q4 = Fiscal(4, 2020, 1)
    it = figures_of_sentence("We have lowered our Q1 sales outlook by $60 million.", q4)[0]
    assert it["_guidance"] and it["period"] == "Q1 2021"
    fact = figures_of_sentence("In Q1, revenue was $3 billion.", q4)[0]
    assert not fact["_guidance"] and fact["period"] == "Q1 2020"
    q2 = Fiscal(2, 2017, 12)
    call = figures_of_sentence("On our Q1 earnings call, we set a cost goal of about 28% of revenue.", q2)[0]
    assert call["period"] != "Q1 2018"
