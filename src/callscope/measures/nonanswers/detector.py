"""callscope's non-answer detector: a logistic regression over interpretable per-answer features.

Features: sentences matched by each GLZ pattern (by id), by strong and weak callscope cues, by
"I don't know if" hedges; GLZ matches that are tight (a phrase of four words or fewer); hits
spoken in the first person ("we don't ..."); a hit in the first one or two sentences (evasions come
first); the share of sentences hit and the answer's length. Weights and threshold are fitted by
`scripts/train_nonanswer_detector.py` on the GLZ train half only (repeated k-fold cross-validated)
and stored as the lexicon `nonanswer_detector`, so scoring needs no training and no numerical library.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ... import lexicons

GLZ_PATTERNS = 11  # ling_features 0.0.7 ships 11 patterns; ids beyond this are ignored by the fitted model
FEATURES = (
    *(f"glz_{i}" for i in range(GLZ_PATTERNS)),
    "cue_strong",
    "cue_weak",
    "first1",
    "first2",
    "hit_share",
    "log_sentences",
    "hedge",
    "tight",
    "first_person_hit",
)


@dataclass(frozen=True)
class SentenceHits:
    """What fired on one sentence of an answer."""

    glz: tuple[int, ...] = ()  # ids of the GLZ patterns that match
    types: tuple[str, ...] = ()  # non-answer types from GLZ and callscope cues
    cues: frozenset[str] = frozenset()  # cue features: cue_strong, cue_weak, hedge, first_person_negation
    tight: bool = False  # some GLZ match is a phrase of <= 4 words

    @property
    def hit(self) -> bool:
        return bool(self.glz) or "cue_strong" in self.cues or "cue_weak" in self.cues


def features(sentences: Sequence[SentenceHits]) -> dict[str, float]:
    n = len(sentences)
    f = dict.fromkeys(FEATURES, 0.0)
    counts = dict.fromkeys(FEATURES, 0)
    for s in sentences:
        for i in set(s.glz):
            if i < GLZ_PATTERNS:
                counts[f"glz_{i}"] += 1
        for c in ("cue_strong", "cue_weak", "hedge"):
            counts[c] += c in s.cues
        counts["tight"] += s.tight
        counts["first_person_hit"] += s.hit and "first_person_negation" in s.cues
    for k, v in counts.items():
        f[k] = math.log1p(v)
    f["first1"] = float(any(s.hit for s in sentences[:1]))
    f["first2"] = float(any(s.hit for s in sentences[:2]))
    f["hit_share"] = sum(1 for s in sentences if s.hit) / n if n else 0.0
    f["log_sentences"] = math.log1p(n)
    return f


@dataclass(frozen=True)
class Model:
    name: str
    version: str
    source: str
    intercept: float
    weights: dict[str, float]
    threshold: float

    def describe(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "source": self.source}

    def probability(self, f: dict[str, float]) -> float:
        z = self.intercept + sum(w * f.get(k, 0.0) for k, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def model() -> Model:
    lex = lexicons.load("nonanswer_detector")
    table = {term: float(fields[0]) for term, *fields in lex.entries}
    return Model(
        name=lex.name,
        version=lex.version,
        source=lex.source,
        intercept=table.pop("(intercept)"),
        threshold=table.pop("(threshold)"),
        weights=table,
    )


def is_non_answer(sentences: Sequence[SentenceHits]) -> tuple[bool, float]:
    """(flagged, probability); an exchange with no answer sentences is never flagged."""
    if not sentences:
        return False, 0.0
    m = model()
    p = m.probability(features(sentences))
    return p >= m.threshold, p
