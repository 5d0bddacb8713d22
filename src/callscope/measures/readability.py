"""Gunning Fog as Bushee, Gow & Taylor (2018) compute it (`ling_features` fog.py).

Fog = 0.4 * (words per sentence + 100 * complex words / words), words being tokens with a letter
and complex words those of three or more syllables and more than three characters. BGT count
syllables with CMUdict; callscope uses the Syllables column of the same LM Master Dictionary (no
run-time download), and like BGT gives words it does not know zero syllables. Fog does not add up,
so levels sum its inputs and recompute it (BGT's `fog_agg`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def complex_words(words: Iterable[str], syllables: Mapping[str, int]) -> int:
    return sum(1 for w in words if len(w) > 3 and syllables.get(w, 0) >= 3)


def fog(words: int, complex_count: int, sentences: int) -> float | None:
    if not words or not sentences:
        return None
    return 0.4 * (100.0 * complex_count / words + words / sentences)
