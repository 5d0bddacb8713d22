"""The guidance fast paths (`caseless.Words` scans of padded lower-cased text, `_Tense` slice queries)
answer exactly what the plain definitions answer: each test compares a fast form with its definition."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.extract import caseless, guidance, metrics
from callscope.extract.number_grammar import Number
from callscope.extract.periods import PeriodMention

WORDS = ["We", "expect", "Expected", "as expected", "to be", "to be in the range", "in the range", "will", "Will be",
         "was", "were", "came in", "grew", "GREW", "had", "outlook", "guidance", "the guidance we provided", "run-rate",
         "run", "rate", "pre-guidance", "guidance-", "about", "approximately", "should", "may", "revenue", "$1.40",
         "10%", "Q3", "2019", "fy", "-", ",", ";", ":", ".", "?", "(", ")", "'", "\n", "\t", "_", "x", "é", "İ", "ſ",
         "K", "’", "to", "be", "range", "of", "a", "grewx", "xgrew", "2was", "was_", "Non-GAAP", "gaap", "Adjusted", "EBITDA",
         "gross margin", "R&D", "free cash flow", "EPS"]
TEXTS = st.lists(st.sampled_from(WORDS), max_size=20).map(lambda ws: "".join(w + (" " if i % 3 else "") for i, w in enumerate(ws)))


def _plain_past(text: str) -> re.Match[str] | None:
    return guidance._words()[0].rx.search(text)


def _plain_future(text: str) -> re.Match[str] | None:
    return guidance._words()[1].rx.search(text)


def _all_words() -> list[caseless.Words]:
    return [*guidance._words(), *metrics._words()]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_word_scans_equal_the_plain_scans(text: str) -> None:
    for words in _all_words():
        want = [m.span() for m in words.rx.finditer(text)]
        assert words.spans(text) == want
        assert words.spans(text, caseless.Words.pad(text)) == want


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_slice_searches_equal_searches_of_the_slice(text: str, data: st.DataObject) -> None:
    pad = caseless.Words.pad(text)
    n = len(text)
    bounds = [(a, b) for a in range(n + 1) for b in range(a, n + 1)] if n <= 30 else [
        tuple(sorted(data.draw(st.tuples(st.integers(0, n), st.integers(0, n))))) for _ in range(40)]
    for words in _all_words():
        for a, b in bounds:
            assert words.within(text, pad, a, b) == bool(words.rx.search(text[a:b])), (a, b)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=12))
def test_tense_answers_equal_the_verb_searches(text: str, bounds: list[tuple[int, int]]) -> None:
    t = guidance._tense(text)
    for a, b in [(0, len(text)), *bounds, *bounds]:  # twice: the kept answers too
        assert t.past(a, b) == bool(_plain_past(text[a:b])), (a, b)
        assert t.future(a, b) == bool(_plain_future(text[a:b])), (a, b)
    assert t.past() == bool(_plain_past(text)) == guidance.reports(text)


def _plain_cue_spans(sentence: str) -> list[tuple[int, int, str]]:
    _, _, cues, past, _ = (w.rx for w in guidance._words())
    found = [(m.start(), m.end(), m.group(0).lower()) for m in cues.finditer(sentence)]
    cancelled = [m.span() for m in past.finditer(sentence)]
    return [c for c in found if not any(a <= c[0] < b for a, b in cancelled)]


def _plain_hedges(sentence: str) -> list[str]:
    seen: list[str] = []
    for m in guidance._words()[4].rx.finditer(sentence):
        if m.group(0).lower() not in seen:
            seen.append(m.group(0).lower())
    return seen


def _plain_governing(sentence: str, n: Number, cues: list[tuple[int, int, str]]) -> bool:
    nouns, weak = guidance._cue_kinds()
    past, future = _plain_past, _plain_future
    for s, e, word in cues:
        if word in weak and not future(sentence) and past(sentence):
            continue
        if e <= n.start:
            between = sentence[e : n.start]
            if not past(between) or future(between):
                return True
            if word in nouns and not guidance._WAS.search(between):
                return True
        elif s >= n.end and s - n.end <= 30 and not re.search(r"[;,]|\.\s", sentence[n.end : s]) and not past(sentence[: n.start][-60:]):
            return True
    return False


def _plain_is_guidance(sentence: str, n: Number, period: PeriodMention | None, cues: list[tuple[int, int, str]],
                       carry: bool, role: str) -> bool:
    past, future = _plain_past, _plain_future
    clause_start = max(sentence.rfind(";", 0, n.start), sentence.rfind(":", 0, n.start)) + 1
    reported = bool(past(sentence[clause_start : n.start])) and not future(sentence[clause_start : n.start])
    governed = _plain_governing(sentence, n, cues)
    if period is not None and period.relation == "future" and (governed or not reported):
        return True
    if period is not None and period.relation == "past" and not governed:
        return False
    if period is not None and period.relation == "current" and (period.period or "").startswith("Q"):
        last_cue = max((e for _, e, _ in cues if e <= n.start), default=-1)
        if period.start >= last_cue and not future(sentence[period.start : n.start]):
            return False
    if governed:
        return True
    if n.is_range and role == "value" and not past(sentence) and not sentence.rstrip().endswith("?"):
        return True
    return bool(carry and not past(sentence))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_cues_hedges_and_guidance_equal_the_plain_definitions(text: str, data: st.DataObject) -> None:
    cues = guidance.cue_spans(text)
    assert cues == _plain_cue_spans(text)
    assert guidance.hedges_in(text) == _plain_hedges(text)
    n_len = len(text)
    for _ in range(4):  # several figures of one sentence, as figures_of_sentence asks
        s = data.draw(st.integers(0, n_len))
        e = data.draw(st.integers(s, n_len))
        low = data.draw(st.sampled_from([None, 1.0]))
        n = Number(start=s, end=e, value=1.0, unit="%", low=low, high=None if low is None else 2.0)
        ps = data.draw(st.integers(0, n_len))
        period = data.draw(st.sampled_from([None, PeriodMention(ps, ps, "Q3 2020", "current"),
                                            PeriodMention(ps, ps, "FY 2021", "future"), PeriodMention(ps, ps, None, "past")]))
        carry, role = data.draw(st.booleans()), data.draw(st.sampled_from(["value", "change"]))
        assert guidance.is_guidance(text, n, period, cues, carry, role) == _plain_is_guidance(text, n, period, cues, carry, role)


def test_word_lists_fit_the_fast_form() -> None:
    """`caseless.Words` needs every term to start and end with a letter or digit (see its doc)."""
    from callscope import lexicons

    for name in ("report_verbs", "future_verbs", "guidance_cues", "past_cues", "hedges", "metrics", "qualifiers"):
        for term in lexicons.load(name).terms:
            assert term.isascii() and term[0].isalnum() and term[-1].isalnum(), (name, term)
