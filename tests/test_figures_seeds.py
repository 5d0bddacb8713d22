"""The seeds, hand-checked: ADTRAN's CFO remarks (Q2 2007) and Juniper's guidance (Q2 2006).

Every expected row below was checked by reading the transcript sentence it comes from.
"""

from __future__ import annotations

import pytest

import callscope

from .conftest import shared_path

pytestmark = pytest.mark.shared

# ADTRAN Q2 2007, CFO prepared remarks (turn 2): every figure in order (kind, metric, value, unit, period).
# Prior-period values the CFO compares against are facts of their own period; percentage changes belong to the
# current quarter. The $0.27 EPS is attributed to Q4 2006 because that is the quarter the transcript names (likely a
# slip for Q2), kept as said.
ADTRAN_CFO = [
    ("fact", "revenue", 123700000.0, "USD", "Q2 2007"),  # $123.7 million
    ("fact", "revenue", 110300000.0, "USD", "Q1 2007"),  # $110.3 million
    ("fact", "revenue", 122300000.0, "USD", "Q2 2006"),  # $122.3 million
    ("fact", "segment_revenue", 55000000.0, "USD", "Q2 2007"),  # $55 million
    ("fact", "segment_revenue", 51300000.0, "USD", "Q1 2007"),  # $51.3 million
    ("fact", "segment_revenue", 55400000.0, "USD", "Q2 2006"),  # $55.4 million
    ("fact", "segment_revenue", 46500000.0, "USD", "Q2 2007"),  # $46.5 million
    ("fact", "segment_revenue", 39600000.0, "USD", "Q1 2007"),  # $39.6 million
    ("fact", "segment_revenue", 22200000.0, "USD", "Q2 2007"),  # $22.2 million
    ("fact", "segment_revenue", 19500000.0, "USD", "Q1 2007"),  # $19.5 million
    ("fact", "segment_revenue", 20500000.0, "USD", "Q2 2006"),  # $20.5 million
    ("fact", "segment_revenue", 46300000.0, "USD", "Q2 2007"),  # $46.3 million
    ("fact", "segment_revenue", 43800000.0, "USD", "Q1 2007"),  # $43.8 million
    ("fact", "segment_revenue", 46000000.0, "USD", "Q2 2006"),  # $46 million
    ("fact", "segment_revenue", 20200000.0, "USD", "Q2 2007"),  # $20.2 million
    ("fact", "segment_revenue", 18300000.0, "USD", "Q1 2007"),  # $18.3 million
    ("fact", "segment_revenue", 21500000.0, "USD", "Q2 2006"),  # $21.5 million
    ("fact", "segment_revenue", 9800000.0, "USD", "Q2 2007"),  # $9.8 million
    ("fact", "segment_revenue", 8600000.0, "USD", "Q1 2007"),  # $8.6 million
    ("fact", "segment_revenue", 9100000.0, "USD", "Q2 2006"),  # $9.1 million
    ("fact", "segment_revenue", 13600000.0, "USD", "Q2 2007"),  # $13.6 million
    ("fact", "segment_revenue", 23.0, "%", "Q2 2007"),  # 23%
    ("fact", "segment_revenue", 11100000.0, "USD", "Q1 2007"),  # $11.1 million
    ("fact", "segment_revenue", 79.0, "%", "Q2 2007"),  # 79%
    ("fact", "segment_revenue", 7600000.0, "USD", "Q2 2006"),  # $7.6 million
    ("fact", "segment_revenue", 93300000.0, "USD", "Q2 2007"),  # $93.3 million
    ("fact", "segment_revenue", 84400000.0, "USD", "Q1 2007"),  # $84.4 million
    ("fact", "segment_revenue", 94600000.0, "USD", "Q2 2006"),  # $94.6 million
    ("fact", "segment_revenue", 30400000.0, "USD", "Q2 2007"),  # $30.4 million
    ("fact", "segment_revenue", 25900000.0, "USD", "Q1 2007"),  # $25.9 million
    ("fact", "segment_revenue", 27700000.0, "USD", "Q2 2006"),  # $27.7 million
    ("fact", "geography_revenue", 8300000.0, "USD", "Q2 2007"),  # $8.3 million
    ("fact", "geography_revenue", 7800000.0, "USD", "Q1 2007"),  # $7.8 million
    ("fact", "geography_revenue", 7600000.0, "USD", "Q2 2006"),  # $7.6 million
    ("fact", "gross_margin", 59.5, "%", "Q2 2007"),  # 59.5%
    ("fact", "gross_margin", 59.6, "%", "Q1 2007"),  # 59.6%
    ("fact", "gross_margin", 59.2, "%", "Q2 2006"),  # 59.2%
    ("fact", "r_and_d", 19500000.0, "USD", "Q2 2007"),  # $19.5 million
    ("fact", "r_and_d", 18400000.0, "USD", "Q1 2007"),  # $18.4 million
    ("fact", "r_and_d", 17500000.0, "USD", "Q2 2006"),  # $17.5 million
    ("fact", "sga", 26200000.0, "USD", "Q2 2007"),  # $26.2 million
    ("fact", "sga", 26500000.0, "USD", "Q1 2007"),  # $26.5 million
    ("fact", "sga", 26300000.0, "USD", "Q4 2006"),  # $26.3 million
    ("fact", "other_income", 2800000.0, "USD", "Q2 2007"),  # $2.8 million
    ("fact", "other_income", 3700000.0, "USD", "Q1 2007"),  # $3.7 million
    ("fact", "other_income", 3800000.0, "USD", "Q2 2006"),  # $3.8 million
    ("fact", "other_income", 1000000.0, "USD", "Q1 2007"),  # $1 million
    ("fact", "tax_rate", 35.2, "%", "Q2 2007"),  # 35.2%
    ("fact", "tax_rate", 31.3, "%", "Q1 2007"),  # 31.3%
    ("fact", "tax_rate", 35.5, "%", "Q2 2006"),  # 35.5%
    ("fact", "eps", 0.28, "USD/share", "Q2 2007"),  # $0.28
    ("fact", "eps", 0.24, "USD/share", "Q1 2007"),  # $0.24
    ("fact", "eps", 0.27, "USD/share", "Q4 2006"),  # $0.27
    ("fact", "inventory", 43000000.0, "USD", "Q2 2007"),  # $43 million
    ("fact", "receivables", 66000000.0, "USD", "Q2 2007"),  # $66 million
    ("fact", "dso", 49.0, "days", "Q2 2007"),  # 49 days
    ("fact", "dso", 48.0, "days", "Q2 2006"),  # 48 days
    ("fact", "operating_cash_flow", 29000000.0, "USD", "Q2 2007"),  # $29 million
    ("fact", "cash", 276000000.0, "USD", "Q2 2007"),  # $276 million
    ("fact", "dividend", 6200000.0, "USD", "Q2 2007"),  # $6.2 million
    ("fact", "buyback", 1437000.0, "shares", "Q2 2007"),  # 1.437 million
    ("fact", "buyback", 37100000.0, "USD", "Q2 2007"),  # $37.1 million
    ("guidance", "pretax_income", 25.0, "%", "FY 2007"),  # 25%
]


def _rows(call, turn):
    items = [("fact", f) for f in call.facts if f["turn"] == turn] + [("guidance", g) for g in call.guidance if g["turn"] == turn]
    items.sort(key=lambda kv: kv[1]["span"][0])
    return [(k, f["metric"], f["value"], f["unit"], f["period"]) for k, f in items]


def test_adtran_cfo_figures() -> None:
    call = callscope.read(shared_path("seeds", "002_fab12e6d9bbcd3a6.txt"))
    assert call.call.fiscal_period == "Q2 2007"
    cfo = next(
        t for t in call.turns if call.speaker_of(t).title and "CFO" in call.speaker_of(t).title and t.section == "presentation"
    )
    got = _rows(call, cfo.index)
    assert len(got) == len(ADTRAN_CFO)
    for g, e in zip(got, ADTRAN_CFO, strict=True):
        assert g[:2] == e[:2] and g[3:] == e[3:], (g, e)
        assert g[2] == pytest.approx(e[2])


def test_adtran_provenance_and_comparison() -> None:
    call = callscope.read(shared_path("seeds", "002_fab12e6d9bbcd3a6.txt"))
    head = next(f for f in call.facts if f["value"] == 13_600_000.0)
    turn = call.turns[head["turn"]]
    assert turn.text[head["span"][0] : head["span"][1]] == "$13.6 million"
    assert head["sentence"] in turn.text and head["speaker"] == turn.speaker
    assert head["comparison"]["prior_value"] == 7_600_000.0 and head["comparison"]["prior_period"] == "Q2 2006"
    assert head["comparison"]["change"] == 79.0 and head["comparison"]["direction"] == "up"
    keys = {(f["turn"], tuple(f["span"])) for f in call.facts}
    assert not keys & {(g["turn"], tuple(g["span"])) for g in call.guidance}  # a figure is a fact or guidance, never both


def test_juniper_guidance() -> None:
    call = callscope.read(shared_path("seeds", "000_b01783c883e1784e.txt"))
    assert call.call.fiscal_period == "Q2 2006"
    g = {(x["metric"], x["value"], x["low"], x["high"], x["unit"], x["period"]) for x in call.guidance}
    assert ("revenue", None, 570e6, 575e6, "USD", "Q3 2006") in g
    assert ("revenue", None, 585e6, 595e6, "USD", "Q4 2006") in g
    assert ("eps", 0.18, None, None, "USD/share", "Q3 2006") in g
    assert ("eps", 0.19, None, None, "USD/share", "Q4 2006") in g
    assert ("tax_rate", 29.0, None, None, "%", None) in g  # the sentence names no period
    assert ("dso", None, 40.0, 45.0, "days", None) in g  # "going forward": no period named
    eps = next(x for x in call.guidance if x["value"] == 0.18)
    assert "non-GAAP" in eps["qualifiers"] and "expect" in eps["hedges"]
    # the reported Q2 numbers are facts, not guidance
    facts = {(x["metric"], x["value"], x["unit"], x["period"]) for x in call.facts}
    assert ("revenue", 567.5e6, "USD", "Q2 2006") in facts
    assert ("dso", 40.0, "days", "Q2 2006") in facts
    assert ("eps", 0.18, "USD/share", "Q2 2006") in facts
    assert not any(x["value"] == 567.5e6 for x in call.guidance)
