"""Where in a text the LM category words are, so a reader can mark the words the measures counted.

The counts themselves come from `counts.py`; this gives positions for display. A word is marked
when its upper-cased `\\w+` token is in the category, is not all digits and is longer than one
character, as in LM's parser. Tokens holding `May`/`MAY` are skipped: LM's parser deletes those
substrings (its guard against the month), so such words are never counted in reference mode.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from .lm import load_dictionary, resolve_path

_WORD = re.compile(r"\w+")
_MAY = re.compile("May|MAY")


@lru_cache(maxsize=4)
def _masks(path: Path, categories: tuple[str, ...]) -> dict[str, str]:
    lm = load_dictionary(path)
    words: dict[str, str] = {}
    for category in categories:  # earlier categories win when a word is in several
        for word in lm.words(category):
            words.setdefault(word, category)
    return words


def category_words(categories: Iterable[str] = ("uncertainty",), lm_dictionary: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """Upper-case word -> category for the LM `categories` (the dictionary as the measures stage resolves it)."""
    return _masks(resolve_path(lm_dictionary), tuple(categories))


def category_spans(text: str, words: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, category) of every word of `text` found in `words` (from `category_words`), in text order."""
    out = []
    for m in _WORD.finditer(text):
        token = m.group()
        if len(token) < 2 or token.isdigit() or _MAY.search(token):
            continue
        category = words.get(token.upper())
        if category:
            out.append((m.start(), m.end(), category))
    return out
