"""Timeline, guidance vs actual and guidance revisions on synthetic store rows (fictional company)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from callscope.corpus import Corpus, Store
from callscope.corpus.periods import company_key, normalise_period
from callscope.corpus.views import classify

NAMES = {"HBWX": "Harborline Widgets Inc", "QFPC": "Quillfeather Paper Co"}


def call(ticker: str, period: str, date: str, facts: list[dict[str, Any]] = (), guidance: list[dict[str, Any]] = (), measures: dict | None = None) -> dict:  # type: ignore[assignment]
    def fig(d: dict[str, Any]) -> dict[str, Any]:
        return {"label": d["metric"], "turn": 1, "speaker": 1, "sentence": f"{d['metric']} sentence", "span": [0, 5], "unit": "USD", "period": None, **d}

    return {
        "schema": "callscope.call/1",
        "call": {"source": f"{ticker}-{period}", "format": "dash", "company": NAMES[ticker], "ticker": ticker,
                 "title": None, "date": date, "fiscal_period": period, "language": "en"},
        "participants": [{"id": 0, "name": "Operator", "role": "operator"}, {"id": 1, "name": "Mira Castell", "role": "executive"},
                         {"id": 2, "name": "Dana Whitfield", "role": "analyst"}],
        "turns": [{"index": 0, "speaker": 0, "section": "presentation", "text": "Welcome."},
                  {"index": 1, "speaker": 1, "section": "presentation", "text": "Revenue grew."}],
        "exchanges": [],
        "facts": [fig(f) for f in facts],
        "guidance": [fig(g) for g in guidance],
        "measures": measures or {},
        "warnings": [],
    }


CALLS = [
    call("HBWX", "Q1 2019", "2019-04-25",
         facts=[{"metric": "revenue", "value": 100.0}],
         guidance=[{"metric": "revenue", "value": None, "low": 102.0, "high": 106.0, "period": "Q2 2019"},
                   {"metric": "eps", "value": 2.00, "unit": "USD/share", "period": "FY 2019"},
                   {"metric": "operating_expense", "value": 50.0, "period": "2Q19"},
                   {"metric": "gross_margin", "value": 40.0, "unit": "%", "period": "Q2 2019", "role": "value"},
                   {"metric": "operating_margin", "value": 12.0, "unit": "%", "period": "Q2 2019", "qualifiers": ["non-GAAP"]},
                   {"metric": "revenue", "value": 150.0, "period": "Q2 2019", "speaker": 2},  # an analyst asking: not guidance
                   {"metric": "segment_revenue", "value": 30.0, "period": "Q2 2019"}],
         measures={"lm": {"tone": 0.12, "uncertainty": 0.011}}),
    call("HBWX", "Q2 2019", "2019-07-25",
         facts=[{"metric": "revenue", "value": 108.0, "period": "2Q19"}, {"metric": "operating_expense", "value": 52.0},
                {"metric": "operating_margin", "value": 9.0, "unit": "%", "qualifiers": ["GAAP"]},
                {"metric": "operating_margin", "value": 12.05, "unit": "%", "qualifiers": ["non-GAAP"]},
                {"metric": "segment_revenue", "value": 45.0, "qualifiers": ["segment:Gadgets"]},
                {"metric": "gross_margin", "value": 41.0, "unit": "USD"}],
         guidance=[{"metric": "revenue", "value": None, "low": 105.0, "high": 110.0, "period": "Q3 2019"},
                   {"metric": "eps", "value": 2.10, "unit": "USD/share", "period": "fiscal 2019"}],
         measures={"schema": "callscope.measures/1", "sections": {"qa": {"net_tone": -0.5}},
                   "call": {"net_tone": 0.05, "uncertainty_share": 0.02}, "qa": {"non_answer_share": 0.25}}),
    call("HBWX", "Q3 2019", "2019-10-25",
         facts=[{"metric": "revenue", "value": 107.0},
                {"metric": "revenue", "value": 1.5, "period": "Q3 2019"},  # another figure (a segment, say): implausible
                {"metric": "eps", "value": 2.08, "unit": "USD/share", "period": "FY 2019"},  # mid-year: not the actual
                {"metric": "gross_margin", "value": 2.0, "unit": "%", "period": "Q2 2019", "role": "change"}],
         guidance=[{"metric": "eps", "value": 2.10, "unit": "USD/share", "period": "FY19"},
                   {"metric": "revenue", "value": None, "low": 110.0, "high": 115.0, "period": "Q4 2019"}]),
    call("HBWX", "Q4 2019", "2020-01-30",
         facts=[{"metric": "revenue", "value": 109.0, "period": "Q4 2019"},
                {"metric": "eps", "value": 2.05, "unit": "USD/share", "period": "fiscal 2019"}]),
    call("QFPC", "Q2 2019", "2019-07-20", facts=[{"metric": "revenue", "value": 300.0, "period": "Q2 2019"}]),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    with Store(tmp_path / "c.db") as store:
        for i, d in enumerate(reversed(CALLS)):  # stored out of order on purpose
            store.write_call(d["call"]["source"], f"hash{i}", 100, d)
    return Corpus(tmp_path / "c.db")


def test_periods_and_company_keys() -> None:
    assert {normalise_period(p) for p in ("Q3 2016", "3Q16", "third quarter 2016", "Q3 FY2016")} == {"Q3 2016"}
    assert {normalise_period(p) for p in ("FY 2017", "fiscal 2017", "full year 2017", "FY17")} == {"FY 2017"}
    assert company_key("Harborline Widgets, Inc.") == company_key("HARBORLINE WIDGETS INC") == "harborline widgets"


def test_classify() -> None:
    assert classify("revenue", 100, 110, 111, "USD") == "beat"
    assert classify("revenue", 100, 110, 100, "USD") == "in line"
    assert classify("revenue", 100, 100, 100.5, "USD") == "in line"  # point guide, within 1%
    assert classify("revenue", 100, 100, 98, "USD") == "miss"
    assert classify("operating_expense", 50, 50, 52, "USD") == "miss"  # costs above guidance are a miss
    assert classify("tax_rate", 13, 13, 13.6, "%") == "miss"
    assert classify("gross_margin", 40, 40, 40.08, "%") == "in line"


def test_timeline_orders_quarters_with_figures_and_measures(corpus: Corpus) -> None:
    tl = corpus.timeline("HBWX")
    assert list(tl.fiscal_period) == ["Q1 2019", "Q2 2019", "Q3 2019", "Q4 2019"]
    assert list(tl.revenue) == [100.0, 108.0, 107.0, 109.0]
    assert tl.tone.iloc[0] == pytest.approx(0.12) and tl.uncertainty.iloc[1] == pytest.approx(0.02)
    assert tl.non_answer_rate.iloc[1] == pytest.approx(0.25)
    assert "eps" not in tl.columns  # reported in one call of four: not a key figure


def test_guidance_vs_actual(corpus: Corpus) -> None:
    gva = corpus.guidance_vs_actual("HBWX")
    got = {(r.metric, r.period, r.guided_date, r.actual_date, r.outcome) for r in gva.itertuples()}
    assert got == {
        ("revenue", "Q2 2019", "2019-04-25", "2019-07-25", "beat"),       # 108 above 102-106 (the analyst's 150 is ignored)
        ("operating_margin", "Q2 2019", "2019-04-25", "2019-07-25", "in line"),  # non-GAAP 12.05 vs 12, not GAAP 9
        ("operating_expense", "Q2 2019", "2019-04-25", "2019-07-25", "miss"),  # 52 vs 50: costs higher
        ("revenue", "Q3 2019", "2019-07-25", "2019-10-25", "in line"),    # 107 in 105-110
        ("revenue", "Q4 2019", "2019-10-25", "2020-01-30", "miss"),       # 109 below 110-115
        ("eps", "FY 2019", "2019-04-25", "2020-01-30", "beat"),           # 2.05 vs 2.00
        ("eps", "FY 2019", "2019-07-25", "2020-01-30", "miss"),           # 2.05 vs 2.10
        ("eps", "FY 2019", "2019-10-25", "2020-01-30", "miss"),
    }  # gross margin guided in % is not matched to a figure in USD nor to a change; a segment's revenue is not the
    # total the guide was about; QFPC's revenue never matches HBWX
    q2 = gva[(gva.metric == "revenue") & (gva.period == "Q2 2019")].iloc[0]
    assert q2.surprise_pct == pytest.approx((108 - 104) / 104 * 100) and q2.guidance_sentence == "revenue sentence"
    assert len(corpus.guidance_vs_actual()) == len(gva)


def test_guidance_revisions(corpus: Corpus) -> None:
    rev = corpus.guidance_revisions("HBWX")
    assert [(r.metric, r.period, r.from_date, r.to_date, r.change) for r in rev.itertuples()] == [
        ("eps", "FY 2019", "2019-04-25", "2019-07-25", "raised"),
        ("eps", "FY 2019", "2019-07-25", "2019-10-25", "maintained"),
    ]


def test_unknown_company_is_a_clear_error(corpus: Corpus) -> None:
    from callscope.errors import CallscopeError

    with pytest.raises(CallscopeError, match="no company matches 'ZZZZ'"):
        corpus.timeline("ZZZZ")


def test_direction_of_metrics() -> None:
    assert classify("capex", 12, 12, 14, "USD") == "above"  # spending more is neither good nor bad news
    assert classify("capex", 12, 12, 11, "USD") == "below"
    assert classify("opex", 500, 500, 510, "USD") == "miss" and classify("opex", 500, 500, 480, "USD") == "beat"
    assert classify("eps", 0.54, 0.56, 0.57, "USD/share") == "beat"
    assert classify("revenue", -2, 0, 1, "%") == "beat"


QF = [
    call("QFPC", "Q1 2019", "2019-04-20",
         guidance=[
             {"metric": "revenue", "value": None, "low": -2.0, "high": 0.0, "unit": "%", "period": "Q2 2019", "role": "change",
              "comparison": {"direction": None, "prior_period": None}},
             {"metric": "revenue", "value": 8.0, "unit": "%", "period": "Q2 2019", "role": "change",
              "comparison": {"direction": "down", "prior_period": "Q1 2019"}},  # "down 8% sequentially"
             {"metric": "operating_income", "value": None, "low": 10.0, "high": 70.0, "period": "Q2 2019", "role": "value"},
             {"metric": "revenue", "value": 2.0, "unit": "%", "period": "Q2 2019", "role": "tolerance"},
             {"metric": "capex", "value": 12.0, "period": "FY 2019", "role": "value"},
             {"metric": "orders", "value": 5.0, "period": "FY 2019", "role": "value", "bound": "min"},  # "more than 5"
         ]),
    call("QFPC", "Q2 2019", "2019-07-20",
         facts=[
             {"metric": "revenue", "value": 31.0, "unit": "%", "period": "Q2 2019", "role": "value"},  # a share of revenue
             {"metric": "revenue", "value": 3.0, "unit": "%", "role": "change", "speaker": 2},  # an analyst's number
             {"metric": "revenue", "value": 1.0, "unit": "%", "role": "change", "comparison": {"direction": "down"}},  # yoy
             {"metric": "revenue", "value": 6.0, "unit": "%", "role": "change",
              "comparison": {"direction": "down", "prior_period": "Q1 2019"}},  # sequential
             {"metric": "operating_income", "value": 60.0, "role": "value", "qualifiers": ["geography:North America"]},
             {"metric": "operating_income", "value": 80.0, "role": "value"},
         ]),
    call("QFPC", "Q4 2019", "2020-01-20", facts=[{"metric": "capex", "value": 14.0, "period": "FY 2019", "role": "value"},
                                                 {"metric": "orders", "value": 72.0, "period": "FY 2019", "role": "value"}]),
]


def test_guidance_vs_actual_signs_segments_and_bases(tmp_path: Path) -> None:
    with Store(tmp_path / "q.db") as store:
        for i, d in enumerate(QF):
            store.write_call(d["call"]["source"], f"q{i}", 100, d)
    gva = Corpus(tmp_path / "q.db").guidance_vs_actual("QFPC")
    def num(x: float) -> float | None:
        return None if x != x else x  # NaN (no value) as None

    got = {(r.metric, r.unit, num(r.guided_low), num(r.guided_value), r.actual, r.outcome) for r in gva.itertuples()}
    assert got == {
        ("revenue", "%", -2.0, None, -1.0, "in line"),  # "down 1%" (not the analyst's 3%, not the 31% share) in "minus 2% to 0%"
        ("revenue", "%", None, -8.0, -6.0, "beat"),  # sequential guide against the sequential change
        ("operating_income", "USD", 10.0, None, 80.0, "beat"),  # the total, not North America's 60
        ("capex", "USD", None, 12.0, 14.0, "above"),
    }  # orders of 72 are no actual for "more than 5": another figure


def test_the_cfos_figure_is_the_actual(tmp_path: Path) -> None:
    guided = call("HBWX", "Q1 2019", "2019-04-25", guidance=[{"metric": "revenue", "value": None, "low": 100.0, "high": 110.0, "period": "Q2 2019"}])
    results = call("HBWX", "Q2 2019", "2019-07-25", facts=[
        {"metric": "revenue", "value": 60.0, "speaker": 1},  # the CEO on a business line, said first
        {"metric": "revenue", "value": 108.0, "speaker": 3},  # the CFO's company total
    ])
    results["participants"].append({"id": 3, "name": "Ola Finch", "title": "EVP & CFO", "role": "executive"})
    with Store(tmp_path / "h.db") as store:
        for i, d in enumerate((guided, results)):
            store.write_call(d["call"]["source"], f"h{i}", 100, d)
    gva = Corpus(tmp_path / "h.db").guidance_vs_actual("HBWX")
    assert list(gva.actual) == [108.0] and list(gva.outcome) == ["in line"]
