"""Context words around a figure (`lexicons/data/figure_context.txt`, `months.txt`) compiled once.

Each role is a small closed word list that changes how a figure or a period next to it is read:
a loss, a parenthetical aside, a period named only to compare against, earlier guidance.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import lexicons
from .trie import trie_pattern


def words(role: str) -> list[str]:
    """The words of one role in figure_context.txt."""
    return [e[0] for e in lexicons.load("figure_context").entries if len(e) > 1 and e[1] == role]


def _role(role: str) -> str:
    return trie_pattern(words(role))


@cache
def before(role: str, tail: str = "") -> re.Pattern[str]:
    """Role words ending right before a position (searched on the text before it)."""
    return re.compile(rf"(?<![\w-])(?:{_role(role)})\s+{tail}$", re.I)


@cache
def anywhere(role: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_role(role)})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def months() -> str:
    return trie_pattern(lexicons.load("months").terms)
