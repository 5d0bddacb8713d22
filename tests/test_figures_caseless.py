"""The caseless fast path (case-sensitive search on lower-cased ASCII text) finds exactly what each
case-insensitive pattern of the figures stage finds, and is used for them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.extract import caseless, guidance, numbers, period_patterns, segments, trigger_starts
from callscope.extract.numbers import triggers

WORDS = ["Book", "ratio", "One", "ONE", "hundred", "Million", "twenty", "5", "3.2", "low", "Single", "Digits", "mid-teens",
         "coverage", "of", "was", "Fifty", "-", ".", ",", "?", "\n", "é", "’", "q3", "Q4", "FY", "2019", "'19", "first",
         "Half", "quarter", "Year-Over-Year", "Expect", "will", "Outlook", "guidance", "as expected", "Reported", "grew",
         "approximately", "Approximately", "percent", "second", "June", "months", "ago", "prior", "Sequentially",
         "book-to-bill", "greater", "than", "about", "Anticipate", "may", "Could", "K", "ſ", "İ"]


def _patterns() -> dict[str, re.Pattern[str]]:
    g = numbers.grammar()
    report, future, cues, past, hedges = (w.rx for w in guidance._words())
    named = {"triggers": triggers(), "cues": cues, "past cues": past, "hedges": hedges, "report verbs": report,
             "future verbs": future, "spoken": g.spoken, "fuzzy": g.fuzzy, "approx": g.approx,
             "ratio": numbers._ratio_rx(), "period gate": period_patterns._GATE}
    named.update({f"period {i} ({kind})": rx for i, (kind, rx) in enumerate(period_patterns.PATTERNS)})
    return named


PATTERNS = _patterns()


@pytest.mark.parametrize("name", [n for n in PATTERNS if n != "period 7 (m)"])
def test_fast_path_is_used(name: str) -> None:
    assert caseless.lowered(PATTERNS[name]) is not None


def test_patterns_with_upper_case_classes_keep_ignorecase() -> None:
    assert caseless.lowered(period_patterns.PATTERNS[7][1]) is None  # "[A-Z][a-z]+" would stop matching lower case
    assert caseless.lowered(re.compile("abc")) is None  # already case-sensitive


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=24).map(" ".join))
def test_caseless_scans_equal_the_case_insensitive_scans(text: str) -> None:
    for name, rx in PATTERNS.items():
        want = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in caseless.finditer(rx, text)] == want, name
        hit = caseless.search(rx, text)
        assert (hit.span() if hit else None) == (want[0] if want else None), name
    ratios = [m.start() for m in numbers.ratio_triggers().rx.finditer(text)]
    assert trigger_starts(text) == sorted([m.start() for m in triggers().finditer(text)] + ratios)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "H1", "2h", "fy20", "1999", "Years", "YTD", "LTM", "Period", "Half-Year", "month"]),
                max_size=24).map(" ".join))
def test_period_gates_are_necessary_conditions(text: str) -> None:
    low = text.lower()
    assert period_patterns._gated(text, low) == bool(period_patterns._GATE.search(text))
    for (kind, rx), p in zip(period_patterns.PATTERNS, period_patterns._PATTERNS, strict=True):
        if rx.search(text) and period_patterns._GATE.search(text) and text.isascii():
            assert any(k in low for k in p.keys), kind  # a pattern's keys never skip a sentence it matches
            assert not p.also or any(k in low for k in p.also), kind


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "High", "mid-to-High", "LOW", "Teens", "twenties", "Book-to-Bill", "RATIO", "coverage",
                                 "at", "1.1", "single-digit"]), max_size=24).map(" ".join))
def test_keyed_scans_equal_the_plain_scans(text: str) -> None:
    for keyed in (numbers._fuzzy_keyed(), numbers._ratio_keyed(), guidance._OUTLOOK_WORD):
        assert [m.span() for m in keyed.finditer(text)] == [m.span() for m in keyed.rx.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "our", "the", "Its", "Security", "BUSINESS", "Segment", "segments", "Group",
                                 "Data", "Center", "division", "DCG", "we", "see", "Expect", "forecast", "to", "grow"]),
                max_size=24).map(" ".join))
def test_segment_gates_are_necessary_conditions(text: str) -> None:
    named, _, _, subject, _ = segments._rx()
    if named.search(text):
        assert segments._named().may_match(text)
    if subject.search(text):
        assert any(k in text for k in segments._SUBJECT_KEYS)
