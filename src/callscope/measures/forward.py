"""Forward-looking sentences, by the cue rule Bushee, Gow & Taylor ship in `ling_features` (fls.py).

The rule is kept as published, cue words matched as prefixes ("plan" also matches "planned"), so
shares compare with theirs; the patterns are data in the lexicon registry. Only whether each
pattern matches matters, so they are searched through `gates.py`'s exact fast forms. The cue, a
`\\b` and a set of words, is also given as word beginnings (`cue_prefixes`), which the measures'
one pass over a sentence's tokens tests for free (`packed.TokenTable`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from .gates import BOUNDARY, Step, Test, all_found, gates, phrase_tests, phrases, steps


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
    """The rule: a cue word, and not the past form."""
    return has_cue(sentence) and not is_past(sentence)


def has_cue(sentence: str) -> bool:
    """Whether the rule's cue matches (`packed` finds it in the token table instead, on ASCII text)."""
    return _found(0, sentence)


def is_past(sentence: str) -> bool:
    """Whether the rule's past form ("was expected") matches."""
    return _found(1, sentence)


def _found(which: int, sentence: str) -> bool:
    ascii_text = sentence.isascii()  # on ASCII text the tests run case-sensitively on the lower-cased twin
    return all_found(_chains(ascii_text)[which], sentence, sentence.lower() if ascii_text else sentence)


_WORD_CHAR = re.compile(r"\w", re.ASCII)


@lru_cache(maxsize=1)
def cue_prefixes() -> tuple[str, ...] | None:
    """The cue as upper-case word beginnings, or None when it is not `\\b` + case-insensitive ASCII word characters.

    Such a phrase matches after `\\b` exactly where a maximal `\\w+` token starts with it (the boundary
    before a word character is a token's start, and the phrase cannot leave the token). On ASCII text
    re.I folds only ASCII case, so there the cue holds exactly when an upper-cased token starts with one.
    """
    literal = phrases(dict(lexicons.load("forward_looking").entries)["cue"], re.I)
    if literal is None or not literal[1] & re.I:
        return None
    out = []
    for tokens in literal[0]:
        word = tokens[1:]
        if tokens[:1] != (BOUNDARY,) or not word or not all(len(t) == 1 and _WORD_CHAR.match(t) for t in word):
            return None
        out.append("".join(word).upper())
    return tuple(out)
