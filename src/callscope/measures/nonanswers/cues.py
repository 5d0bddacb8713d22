"""callscope's own non-answer cues (lexicon `nonanswer_cues`): phrasings GLZ's patterns miss or confuse."""

from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicons

TYPES = ("unable", "refuse", "aftercall")  # GLZ's non-answer types, in output order


@lru_cache(maxsize=1)
def cues() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(feature, type, pattern): one alternation per (feature, type) pair of the lexicon's lines.

    Only whether a pair fires matters, and one search per pair is about twice as fast as one per line.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for feature, kind, pattern in lexicons.load("nonanswer_cues").entries:
        groups.setdefault((feature, kind), []).append(f"(?:{pattern})")
    return tuple((feature, kind, re.compile("|".join(ps), re.I)) for (feature, kind), ps in groups.items())


def cue_features(sentence: str) -> tuple[set[str], set[str]]:
    """The cue features and the non-answer types of the cues that match the sentence."""
    features: set[str] = set()
    types: set[str] = set()
    for feature, kind, rx in cues():
        if rx.search(sentence):
            features.add(feature)
            if kind in TYPES:
                types.add(kind)
    return features, types
