"""Word lists readers use to tell names from titles and firms when a label has no delimiters.

The lists themselves are lexicon data files (`title_words`, `firm_words`); this module only
lower-cases them once.
"""

from __future__ import annotations

from functools import cache

from ..lexicons import load

CONNECTORS = frozenset({"of", "and", "&", "for", "the"})


@cache
def title_words() -> frozenset[str]:
    """Lower-cased words that make up job titles, plus the connectors inside titles."""
    return frozenset(w.lower() for w in load("title_words").terms) | CONNECTORS


@cache
def firm_words() -> frozenset[str]:
    """Lower-cased words that open or mark a firm name."""
    return frozenset(w.lower() for w in load("firm_words").terms)


def is_title_word(word: str) -> bool:
    return word.lower().strip(",.;:") in title_words()


def is_firm_word(word: str) -> bool:
    w = word.lower()
    return w.strip(",.") in firm_words() or w.rstrip(",") in firm_words()
