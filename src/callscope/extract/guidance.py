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
def _words() -> tuple[caseless.Words, ...]:
    """Report verbs, future verbs, guidance cues, past cues, hedges (see `caseless.Words`)."""
    past, future, cues, past_cues, hedges = (
        trie_pattern(lexicons.load(name).terms) for name in ("report_verbs", "future_verbs", "guidance_cues", "past_cues", "hedges")
    )
    return (
        caseless.Words(past, hyphen=False),
        caseless.Words(future, hyphen=False),
        caseless.Words(cues),
        caseless.Words(past_cues),
        caseless.Words(hedges),
    )


@lru_cache(maxsize=1)
def _cue_kinds() -> tuple[frozenset[str], frozenset[str]]:
    """The guidance cues that are nouns ("outlook") and the weak ones, by the lexicon's kind column."""
    kinds = lexicons.load("guidance_cues").mapping()
    nouns = frozenset(t for t, f in kinds.items() if f and f[0] == "noun")
    weak = frozenset(t for t, f in kinds.items() if f and f[0] == "weak")
    return nouns, weak


class _Tense:
    """Where one sentence has past and future verbs. Its figures ask about many slices of it (the clause
    before each figure, the words between a cue and a figure) and about the whole sentence once per
    figure and cue: the slices are searched in place, and every answer is kept for the next figure."""

    __slots__ = ("known", "pad", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pad = caseless.Words.pad(text)
        self.known: dict[tuple[int, int, int], bool] = {}

    def past(self, a: int = 0, b: int | None = None) -> bool:
        """Whether a past-tense report verb (`report_verbs`: "achieved", "grew" ...) is in `text[a:b]`."""
        return self._has(0, a, len(self.text) if b is None else b)

    def future(self, a: int = 0, b: int | None = None) -> bool:
        """Whether a future or modal verb (`future_verbs`: "will", "to grow" ...) is in `text[a:b]`."""
        return self._has(1, a, len(self.text) if b is None else b)

    def _has(self, which: int, a: int, b: int) -> bool:
        key = (which, a, b)
        hit = self.known.get(key)
        if hit is None:
            n = len(self.text)
            a, b = min(a, n), min(b, n)  # as slicing clamps them (both are >= 0)
            hit = self.known[key] = _words()[which].within(self.text, self.pad, a, b)
        return hit


_last: list[_Tense] = []


def _tense(sentence: str) -> _Tense:
    """The sentence's `_Tense`, kept while the same sentence (the same object) keeps being asked about."""
    t = _last[0] if _last else None  # read once: another thread may replace it meanwhile
    if t is None or t.text is not sentence:
        t = _Tense(sentence)
        _last[:] = [t]
    return t


_WAS = re.compile(r"\b(?:was|were|came in|had)\b", re.I)


def cue_spans(sentence: str) -> list[tuple[int, int, str]]:
    """Forward-looking cues in a sentence, minus those inside a past-reporting phrase."""
    words = _words()
    pad = caseless.Words.pad(sentence)
    spans = words[2].spans(sentence, pad)
    if not spans:
        return []  # most sentences: the past-phrase scan is not needed
    # (other than ASCII, lower-casing the whole text may change its length)
    found = [(s, e, pad[s + 1 : e + 1] if pad is not None else sentence[s:e].lower()) for s, e in spans]
    cancelled = words[3].spans(sentence, pad)
    return [c for c in found if not any(a <= c[0] < b for a, b in cancelled)]


def hedges_in(sentence: str) -> list[str]:
    pad = caseless.Words.pad(sentence)
    seen: list[str] = []
    for s, e in _words()[4].spans(sentence, pad):
        w = sentence[s:e].lower() if pad is None else pad[s + 1 : e + 1]
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
    t = _tense(sentence)
    reported = t.past(clause_start, n.start) and not t.future(clause_start, n.start)
    governed = _governing_cue(t, n, cues)
    if period is not None and period.relation == "future" and (governed or not reported):
        return True  # "$0.19 for Q4" in a Q2 call; but "Q1 2021 revenue was $5 million" stays a fact whatever the call's year
    if period is not None and period.relation == "past" and not governed:
        return False
    if period is not None and period.relation == "current" and (period.period or "").startswith("Q"):
        last_cue = max((e for _, e, _ in cues if e <= n.start), default=-1)
        if period.start >= last_cue and not t.future(period.start, n.start):
            return False  # the call's own quarter is over: "increasing ..., with 31% of our Q2 revenue from ..." is reported
    if governed:
        return True
    if n.is_range and role == "value" and not t.past() and not sentence.rstrip().endswith("?"):
        return True  # a stated range with no past-tense report is an outlook ("Adjusted EBITDA of $90 million to $95 million.")
    return bool(carry and not t.past())


def _governing_cue(t: _Tense, n: Number, cues: list[tuple[int, int, str]]) -> bool:
    """A forward-looking cue before the figure with no past-tense report in between, or right after it."""
    sentence = t.text
    for s, e, word in cues:
        if word in _cue_kinds()[1] and not t.future() and t.past():
            continue
        if e <= n.start:
            if not t.past(e, n.start) or t.future(e, n.start):
                return True
            if word in _cue_kinds()[0] and not _WAS.search(sentence[e : n.start]):
                return True  # "our outlook is increased to $1.40 to $1.50"
        elif (
            s >= n.end
            and s - n.end <= 30
            and not re.search(r"[;,]|\.\s", sentence[n.end : s])
            and not t.past(max(0, n.start - 60), n.start)
        ):
            return True
    return False


_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|did|does|do|will|would)\b", re.I)


def reports(sentence: str) -> bool:
    """A sentence reporting results: a past-tense verb."""
    return _tense(sentence).past()


def fragment(sentence: str) -> bool:
    """A verbless list item ("Adjusted EBITDA of $90 million to $95 million."), which inherits an outlook."""
    return not _FINITE.search(sentence) and not _tense(sentence).past()


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
