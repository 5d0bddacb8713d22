"""Forward-looking sentences, by the cue rule Bushee, Gow & Taylor ship in `ling_features` (fls.py).

The rule is kept as published, cue words matched as prefixes ("plan" also matches "planned"), so
shares compare with theirs; the patterns are data in the lexicon registry. Only whether each
pattern matches matters, so they are searched through `gates.py`'s exact fast forms.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from .gates import Step, Test, all_found, gates, phrase_tests, phrases, steps


def _tests(pattern: str) -> tuple[Test, ...]:
    """Tests that all match exactly when `pattern` (case-insensitive) matches somewhere: gates, then itself."""
    literal = phrases(pattern, re.I)
    if literal is not None:
        return phrase_tests(*literal)
    return (*gates(pattern, re.I), Test(re.compile(pattern, re.I)))


@lru_cache(maxsize=2)
def _chains(ascii_text: bool) -> tuple[tuple[Step, ...], tuple[Step, ...]]:
    """(cue, past) as steps for ASCII or other text."""
    by_kind = {kind: pattern for kind, pattern in lexicons.load("forward_looking").entries}
    return steps(_tests(by_kind["cue"]), ascii_text), steps(_tests(by_kind["past"]), ascii_text)


def is_forward_looking(sentence: str) -> bool:
    ascii_text = sentence.isascii()
    low = sentence.lower() if ascii_text else sentence
    cue, past = _chains(ascii_text)
    return all_found(cue, sentence, low) and not all_found(past, sentence, low)
