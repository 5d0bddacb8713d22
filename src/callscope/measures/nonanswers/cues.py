"""callscope's own non-answer cues (lexicon `nonanswer_cues`): phrasings GLZ's patterns miss or confuse."""

from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicons
from ..gates import Test, Tokens, gates, lowered, phrase_test, phrases

TYPES = ("unable", "refuse", "aftercall")  # GLZ's non-answer types, in output order


Check = tuple[tuple[Test, ...], Test]  # (gates, test): the test can match only if every gate does


@lru_cache(maxsize=1)
def cues() -> tuple[tuple[str, str, tuple[Check, ...]], ...]:
    """(feature, type, checks): a (feature, type) pair fires when any of its checks matches.

    Only whether a pair fires matters, so its lines that are finite sets of phrases are merged into one
    trie-shaped regex (rejects a position after a character or two), and every other line is searched
    on its own after its gates (`measures/gates.py`), the cheap necessary conditions taken from the line itself.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for feature, kind, pattern in lexicons.load("nonanswer_cues").entries:
        groups.setdefault((feature, kind), []).append(pattern)
    out = []
    for (feature, kind), patterns in groups.items():
        said: dict[int, list[Tokens]] = {}  # flags -> phrases (a line may add inline flags)
        checks: list[Check] = []
        for pattern in patterns:
            literal = phrases(pattern, re.I)
            if literal is not None:
                said.setdefault(literal[1], []).extend(literal[0])
            else:
                checks.append((gates(pattern, re.I), Test(re.compile(pattern, re.I))))
        checks[:0] = [((), phrase_test(strings, flags)) for flags, strings in said.items()]
        out.append((feature, kind, tuple(checks)))
    return tuple(out)


def _fires(checks: tuple[Check, ...], sentence: str, low: str | None) -> bool:
    return any(all(g.found(sentence, low) for g in gs) and test.found(sentence, low) for gs, test in checks)


def cue_features(sentence: str) -> tuple[set[str], set[str]]:
    """The cue features and the non-answer types of the cues that match the sentence."""
    features: set[str] = set()
    types: set[str] = set()
    low = lowered(sentence)
    for feature, kind, checks in cues():
        if _fires(checks, sentence, low):
            features.add(feature)
            if kind in TYPES:
                types.add(kind)
    return features, types
