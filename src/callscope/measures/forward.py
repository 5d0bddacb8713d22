"""Forward-looking sentences, by the cue rule Bushee, Gow & Taylor ship in `ling_features` (fls.py).

The rule is kept as published, cue words matched as prefixes ("plan" also matches "planned"), so
shares compare with theirs; the patterns are data in the lexicon registry. Only whether each
pattern matches matters, so they are searched through `gates.py`'s exact fast forms.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from .gates import Test, gates, lowered, phrase_tests, phrases


def _test(pattern: str) -> tuple[tuple[Test, ...], Test]:
    """(gates, test) for whether `pattern` (case-insensitive) matches."""
    literal = phrases(pattern, re.I)
    if literal is not None:
        *first, last = phrase_tests(*literal)
        return tuple(first), last
    return gates(pattern, re.I), Test(re.compile(pattern, re.I))


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[tuple[Test, ...], Test], tuple[tuple[Test, ...], Test]]:
    by_kind = {kind: pattern for kind, pattern in lexicons.load("forward_looking").entries}
    return _test(by_kind["cue"]), _test(by_kind["past"])


def _found(check: tuple[tuple[Test, ...], Test], sentence: str, low: str | None) -> bool:
    gs, test = check
    return all(g.found(sentence, low) for g in gs) and test.found(sentence, low)


def is_forward_looking(sentence: str) -> bool:
    cue, past = _patterns()
    low = lowered(sentence)
    return _found(cue, sentence, low) and not _found(past, sentence, low)
