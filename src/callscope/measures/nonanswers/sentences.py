"""Per-sentence non-answer hits (GLZ patterns and callscope cues) and the per-exchange decision."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ...model import Call, Exchange
from ..gates import screen
from ..tokenize import sentence_spans
from . import glz
from .cues import TYPES, cue_features, cues
from .detector import SentenceHits, is_non_answer

METHODS = ("detector", "glz")
_NOTHING = SentenceHits()


@lru_cache(maxsize=1)
def _screen() -> re.Pattern[str] | None:
    """Most sentences match no GLZ gate and no cue check: one trie of a test from each tells them apart."""
    return screen([*(check for _, _, checks in cues() for check in checks), *(p.gates for p in glz.patterns().patterns)])


def hits(sentence: str) -> SentenceHits:
    """What fires on one sentence; most sentences miss the screen, which says nothing can."""
    if sentence.isascii() and (quick := _screen()) is not None and quick.search(sentence.lower()) is None:
        return _NOTHING
    return all_hits(sentence)


def all_hits(sentence: str) -> SentenceHits:
    """`hits` without the screen: every GLZ pattern and cue checked."""
    matches = glz.patterns().matches(sentence)
    features, types = cue_features(sentence)
    types |= {p.type for p, _ in matches}
    return SentenceHits(
        glz=tuple(p.id for p, _ in matches),
        types=tuple(t for t in TYPES if t in types),
        cues=frozenset(features),
        tight=any(len(phrase.split()) <= 4 for _, phrase in matches),
    )


def answer_hits(call: Call, exchange: Exchange) -> list[SentenceHits]:
    """Hits for every sentence of the exchange's answers, in order (what the detector is fitted on)."""
    out = []
    for t in exchange.answer_turns:
        text = call.turns[t].text
        out.extend(hits(text[s:e]) for s, e in sentence_spans(text))
    return out


def decide(sentences: Sequence[SentenceHits], method: str = "detector") -> tuple[bool, tuple[str, ...], float | None]:
    """(non_answer, types, detector probability) for one exchange's answer sentences.

    `glz`: any sentence matching any GLZ pattern (the authors' rule); types are the GLZ types hit.
    `detector`: callscope's fitted model; types are the GLZ and cue types hit, when it fires.
    """
    if method == "glz":
        ids = {i for s in sentences for i in s.glz}
        pats = glz.patterns().patterns
        types = {pats[i].type for i in ids}
        return bool(ids), tuple(t for t in TYPES if t in types), None
    if method != "detector":
        raise ValueError(f"non-answer method must be one of {METHODS}, not {method!r}")
    flagged, p = is_non_answer(sentences)
    types = {t for s in sentences for t in s.types} if flagged else set()
    return flagged, tuple(t for t in TYPES if t in types), round(p, 6)
