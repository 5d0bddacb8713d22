"""Where a figure could start in a turn: `numbers.triggers()` match starts, found by substring search.

The trigger pattern is led by a character class of common letters (every number word's first letter),
so scanning a turn with it enters the regex matcher at about every other character: ~500 instructions
per character, an eighth of the figures stage. Every match starts at a digit or at one of the words
the pattern is built from, and `str.find` locates those some fifty times faster; the pattern then
only has to be tried there.
"""

from __future__ import annotations

import string
from functools import lru_cache

from . import caseless
from .numbers import grammar, ratio_triggers, triggers


def trigger_starts(text: str) -> list[int]:
    """Where a figure could start in `text`: `triggers()` and `ratio_triggers()` match starts, in order."""
    starts = _trigger_starts(text)
    ratios = [m.start() for m in ratio_triggers().finditer(text)]
    return sorted(starts + ratios) if ratios else starts


def _trigger_starts(text: str) -> list[int]:
    """`[m.start() for m in caseless.finditer(triggers(), text)]`, trying the pattern only where a key starts."""
    fast = caseless.lowered(triggers())
    if fast is None or not text.isascii():
        return [m.start() for m in caseless.finditer(triggers(), text)]
    low = text.lower()
    found: list[int] = []
    for key in _keys():
        i = low.find(key)
        while i >= 0:
            found.append(i)
            i = low.find(key, i + 1)
    found.sort()
    starts: list[int] = []
    end = 0  # like finditer, a match never starts inside the one before it
    for i in found:
        if i >= end and (m := fast.match(low, i)):
            starts.append(i)
            end = m.end()
    return starts


@lru_cache(maxsize=1)
def _keys() -> tuple[str, ...]:
    """The digits and every word `triggers()` is built from (all spoken numbers, all bands), lower-cased and
    without those another key starts ("four" finds "fourteen"): a trigger match starts where one of them does."""
    g = grammar()
    words = {w.lower() for w in [*g.spoken_words, *g.fuzzy_bands]} | set(string.digits)
    return tuple(sorted(w for w in words if not any(o != w and w.startswith(o) for o in words)))
