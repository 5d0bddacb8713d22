"""Period screens and fast searches: `matches` and `find_periods` find exactly what the plain `PATTERNS`
find, searched one by one over the whole sentence, on synthetic text built from period vocabulary."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.extract import period_patterns, periods
from callscope.extract.period_patterns import PATTERNS, matches
from callscope.extract.periods import Fiscal, PeriodMention, find_periods

WORDS = ["Q1", "q3", "4Q", "fq2", "H1", "2h", "FY", "fy20", "fiscal", "Fiscal Year", "calendar", "full-year", "Year", "years",
         "year-to-date", "YTD", "LTM", "ttm", "trailing", "twelve", "12", "months", "Months", "three", "six", "nine", "ended",
         "June", "March", "Sept.", "dec", "may", "quarter", "Quarter", "quarter-over-quarter", "sequentially", "Sequential",
         "period", "the", "The", "this", "last", "next", "prior", "previous", "prior-year", "year-ago", "same", "comparable",
         "corresponding", "first", "Second", "1st", "4th", "half", "back", "front", "of", "in", "for", "our", "since", "a",
         "ago", "two", "ten", "over", "on", "yoy", "2007", "'07", "’06", "1999", "20", "19", "2021,", "million", "%", ",",
         "-", ".", "$", "é", "ſ", "İ", "K", "\n", "versus", "revenue", "grew"]
PHRASES = ["the first quarter", "The Fourth Fiscal Quarter of 2020", "the second half of the year", "the back half",
           "the Sept. quarter", "the March quarter of 2017", "January quarter last year", "the December quarter a year ago",
           "quarter-over-quarter", "the prior-year quarter", "the comparable period in 2019", "the corresponding quarter",
           "the six months ended June 30, 2021", "first nine months of fiscal 2020", "year-to-date", "trailing 12 months",
           "last twelve months", "the same period last year", "this quarter", "the next quarter", "sequentially",
           "three years ago", "10 years ago", "the prior year", "a year ago", "year-over-year", "the year 2019",
           "in fiscal 2021", "during 2020", "FY 2021", "fiscal year '22", "calendar 2020", "Q3 of '07", "2Q 2020", "H2 21"]


def sentences() -> st.SearchStrategy[str]:
    """Words and period phrases joined by spaces, hyphens or nothing, so phrases form, break and run into each other."""
    word = st.sampled_from(WORDS) | st.sampled_from(PHRASES)
    glue = st.sampled_from([" ", " ", " ", "  ", "-", ""])
    return st.lists(st.tuples(word, glue), max_size=20).map(lambda ws: "".join(w + g for w, g in ws))


def _plain_matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """The definition: every pattern over a sentence the gate lets through (the gate lets no "fq2" alone through)."""
    if not period_patterns._GATE.search(text):
        return []
    return [(kind, m) for kind, rx in PATTERNS for m in rx.finditer(text)]


def _key(kind: str, m: re.Match[str]) -> tuple[str, tuple[int, int], dict[str, str | None]]:
    """What a match tells `_resolve`; the fast path's matches hold lower-cased text, and `_resolve` lower-cases."""
    return kind, m.span(), {k: v.lower() if v else v for k, v in m.groupdict().items()}


def _plain_find_periods(text: str, cur: Fiscal) -> list[PeriodMention]:
    found: list[PeriodMention] = []
    for kind, m in _plain_matches(text):
        pm = periods._resolve(kind, m, cur)
        if pm and not any(pm.start < f.end and f.start < pm.end for f in found):
            found.append(pm)
    return sorted(found, key=lambda p: p.start)


@settings(max_examples=600, deadline=None)
@given(sentences())
def test_led_patterns_equal_the_plain_ones(text: str) -> None:
    for (kind, rx), p in zip(PATTERNS, period_patterns._PATTERNS, strict=True):
        assert [_key(kind, m) for m in p.rx.finditer(text)] == [_key(kind, m) for m in rx.finditer(text)], p.rx.pattern[:20]


@settings(max_examples=600, deadline=None)
@given(sentences())
def test_matches_equal_the_plain_scan(text: str) -> None:
    assert [_key(k, m) for k, m in matches(text)] == [_key(k, m) for k, m in _plain_matches(text)]


@settings(max_examples=300, deadline=None)
@given(sentences(), st.sampled_from([Fiscal(None, None), Fiscal(2, 2007), Fiscal(4, 2020, 6), Fiscal(None, 2019)]))
def test_find_periods_equals_the_plain_resolution(text: str, cur: Fiscal) -> None:
    assert find_periods(text, cur) == _plain_find_periods(text, cur)


def test_keys_and_leads_admit_the_phrases_they_screen() -> None:
    text = "In the first quarter of fiscal 2021, up quarter-over-quarter from Q4 '20 and the March quarter a year ago."
    assert [_key(k, m) for k, m in matches(text)] == [_key(k, m) for k, m in _plain_matches(text)]
    assert {k for k, _ in matches(text)} >= {"q", "rq", "mq", "fy"}
