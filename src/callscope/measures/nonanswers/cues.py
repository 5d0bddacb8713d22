"""callscope's own non-answer cues (lexicon `nonanswer_cues`): phrasings GLZ's patterns miss or confuse."""

from __future__ import annotations

import re
from functools import lru_cache

from ... import lexicons
from ..gates import Step, Test, Tokens, all_found, gates, phrase_tests, phrases, steps

TYPES = ("unable", "refuse", "aftercall")  # GLZ's non-answer types, in output order


Check = tuple[Test, ...]  # gates, then the test itself: the check matches when all of them do


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
                checks.append((*gates(pattern, re.I), Test(re.compile(pattern, re.I))))
        checks[:0] = [phrase_tests(strings, flags) for flags, strings in said.items()]
        out.append((feature, kind, tuple(checks)))
    return tuple(out)


@lru_cache(maxsize=1)
def _plans() -> tuple[tuple[str, str, tuple[tuple[Step, ...], ...], tuple[tuple[Step, ...], ...]], ...]:
    """(feature, type, checks as steps for ASCII text, checks as steps for other text)."""
    return tuple((f, k, tuple(steps(c, True) for c in checks), tuple(steps(c, False) for c in checks)) for f, k, checks in cues())


def cue_features(sentence: str) -> tuple[set[str], set[str]]:
    """The cue features and the non-answer types of the cues that match the sentence."""
    features: set[str] = set()
    types: set[str] = set()
    ascii_text = sentence.isascii()
    low = sentence.lower() if ascii_text else sentence
    for feature, kind, ascii_checks, other_checks in _plans():
        if any(all_found(chain, sentence, low) for chain in (ascii_checks if ascii_text else other_checks)):
            features.add(feature)
            if kind in TYPES:
                types.add(kind)
    return features, types
