"""Fact or guidance: is a figure reported, or forward-looking?

The line is drawn per figure, not per sentence: in "we expect Q3 revenue of $575 million, up from
$550 million in Q2" the first figure is guidance and the second a reported comparison. A figure is
guidance when its period lies after the call's period, or when a forward-looking cue (expect, outlook,
will be ...) governs it and no past-tense verb stands between; "as expected" and "the guidance we
provided" report the past and cancel the cue. Calibrated on FinNumClaim (claim = 1 sentences).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from . import caseless
from .numbers import Number
from .periods import PeriodMention
from .trie import trie_pattern


@lru_cache(maxsize=1)
def _verbs() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str]]:
    past = re.compile(rf"\b(?:{trie_pattern(lexicons.load('report_verbs').terms)})\b", re.I)
    future = re.compile(rf"\b(?:{trie_pattern(lexicons.load('future_verbs').terms)})\b", re.I)
    kinds = lexicons.load("guidance_cues").mapping()
    nouns = frozenset(t for t, f in kinds.items() if f and f[0] == "noun")
    weak = frozenset(t for t, f in kinds.items() if f and f[0] == "weak")
    return past, future, nouns, weak


def _past(text: str) -> re.Match[str] | None:
    return caseless.search(_verbs()[0], text)


def _future(text: str) -> re.Match[str] | None:
    return caseless.search(_verbs()[1], text)


@lru_cache(maxsize=1)
def _rx() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cues = re.compile(rf"(?<![\w-])(?:{trie_pattern(lexicons.load('guidance_cues').terms)})(?![\w-])", re.I)
    past = re.compile(rf"(?<![\w-])(?:{trie_pattern(lexicons.load('past_cues').terms)})(?![\w-])", re.I)
    hedges = re.compile(rf"(?<![\w-])(?:{trie_pattern(lexicons.load('hedges').terms)})(?![\w-])", re.I)
    return cues, past, hedges


_WAS = re.compile(r"\b(?:was|were|came in|had)\b", re.I)


def cue_spans(sentence: str) -> list[tuple[int, int, str]]:
    """Forward-looking cues in a sentence, minus those inside a past-reporting phrase."""
    cues, past, _ = _rx()
    found = [(m.start(), m.end(), m.group(0).lower()) for m in caseless.finditer(cues, sentence)]
    if not found:
        return found  # most sentences: the past-phrase scan is not needed
    cancelled = [m.span() for m in caseless.finditer(past, sentence)]
    return [c for c in found if not any(a <= c[0] < b for a, b in cancelled)]


def hedges_in(sentence: str) -> list[str]:
    *_, hedges = _rx()
    seen: list[str] = []
    for m in caseless.finditer(hedges, sentence):
        w = m.group(0).lower()
        if w not in seen:
            seen.append(w)
    return seen


def is_guidance(
    sentence: str,
    n: Number,
    period: PeriodMention | None,
    cues: list[tuple[int, int, str]],
    carry: bool = False,
    role: str = "value",
) -> bool:
    """Guidance when its period is ahead of the call, or a cue governs the figure (see module doc)."""
    clause_start = max(sentence.rfind(";", 0, n.start), sentence.rfind(":", 0, n.start)) + 1
    reported = bool(_past(sentence[clause_start : n.start])) and not _future(sentence[clause_start : n.start])
    governed = _governing_cue(sentence, n, cues)
    if period is not None and period.relation == "future" and (governed or not reported):
        return True  # "$0.19 for Q4" in a Q2 call; but "Q1 2021 revenue was $5 million" stays a fact whatever the call's year
    if period is not None and period.relation == "past" and not governed:
        return False
    if period is not None and period.relation == "current" and (period.period or "").startswith("Q"):
        last_cue = max((e for _, e, _ in cues if e <= n.start), default=-1)
        if period.start >= last_cue and not _future(sentence[period.start : n.start]):
            return False  # the call's own quarter is over: "increasing ..., with 31% of our Q2 revenue from ..." is reported
    if governed:
        return True
    if n.is_range and role == "value" and not _past(sentence) and not sentence.rstrip().endswith("?"):
        return True  # a stated range with no past-tense report is an outlook ("Adjusted EBITDA of $90 million to $95 million.")
    return bool(carry and not _past(sentence))


def _governing_cue(sentence: str, n: Number, cues: list[tuple[int, int, str]]) -> bool:
    """A forward-looking cue before the figure with no past-tense report in between, or right after it."""
    for s, e, word in cues:
        if word in _verbs()[3] and not _future(sentence) and _past(sentence):
            continue
        if e <= n.start:
            between = sentence[e : n.start]
            if not _past(between) or _future(between):
                return True
            if word in _verbs()[2] and not _WAS.search(between):
                return True  # "our outlook is increased to $1.40 to $1.50"
        elif s >= n.end and s - n.end <= 30 and not re.search(r"[;,]|\.\s", sentence[n.end : s]):
            before = sentence[: n.start]
            if not _past(before[-60:]):
                return True
    return False


_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|did|does|do|will|would)\b", re.I)


def reports(sentence: str) -> bool:
    """A sentence reporting results: a past-tense verb."""
    return bool(_past(sentence))


def fragment(sentence: str) -> bool:
    """A verbless list item ("Adjusted EBITDA of $90 million to $95 million."), which inherits an outlook."""
    return not _FINITE.search(sentence) and not _past(sentence)


_OUTLOOK_WORD = caseless.Keyed(re.compile(r"\b(?:outlook|guidance|expect)", re.I), ("outlook", "guidance", "expect"))
_OUTLOOK_OPENER = re.compile(r"\b(?:outlook|guidance|expectations?)\b.*\b(?:as follows|follows|is|are)\s*[:.]?\s*$|:\s*$", re.I)


def opens_outlook(sentence: str) -> bool:
    """A sentence that introduces a list of outlook figures in the sentences that follow."""
    if sentence.isascii() and not _may_open(sentence.rstrip()):
        return False  # nearly every sentence: read at its end, not searched from its start
    return _OUTLOOK_WORD.search(sentence) is not None and bool(_OUTLOOK_OPENER.search(sentence.strip()))


def _may_open(text: str) -> bool:
    """False when ASCII `text` (right-stripped) cannot end as `_OUTLOOK_OPENER` requires: with ":", or
    with "follows", "is" or "are" and at most whitespace and one ":" or "." after."""
    return text.endswith(":") or text.rstrip(".").rstrip()[-7:].lower().endswith(("follows", "is", "are"))
