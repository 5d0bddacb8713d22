"""Per-sentence non-answer hits (GLZ patterns and callscope cues) and the per-exchange decision."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Call, Exchange
from ..tokenize import sentence_spans
from . import glz
from .cues import TYPES, cue_features
from .detector import SentenceHits, is_non_answer

METHODS = ("detector", "glz")


def hits(sentence: str) -> SentenceHits:
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
