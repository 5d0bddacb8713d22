"""Sentence spans within a turn: figures are reported with the sentence they came from.

Turn text separates paragraphs with newlines; within a paragraph a sentence ends at `.`, `!` or `?`
followed by space and a capital, digit or quote, unless the word before the period is an abbreviation
(`Inc.`, `approx.`, `U.S.`) or a lone initial. Decimals never split because a space must follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import lexicons

_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9$€£])")
_LAST_WORD = re.compile(r"([\w.&-]+)[.!?][\"'”’)\]]*\s+$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(t.lower() for t in lexicons.load("abbreviations").terms)


_PARAGRAPH = re.compile(r"[^\n]+")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "e.g"


def split(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in `text`, stripped of surrounding space."""
    abbr = _abbreviations()
    for para in _PARAGRAPH.finditer(text):
        base, p = para.start(), para.group(0)
        start = 0
        for m in _END.finditer(p):
            lw = _LAST_WORD.search(p, max(0, m.start() - 30), m.end())  # no "^" or look-behind: same as on the slice
            word = lw.group(1).lower() if lw else ""
            if word in abbr or (len(word) == 1 and word.isalpha()) or _INITIALS.fullmatch(word):
                continue
            yield from _strip(p, base, start, m.start() + 1)
            start = m.end()
        yield from _strip(p, base, start, len(p))


MAX_SENTENCE = 2000  # longer "sentences" (tables, transcripts flattened without punctuation) are cut at clause breaks


def _strip(p: str, base: int, s: int, e: int) -> Iterator[tuple[int, int]]:
    if 0 < e - s <= MAX_SENTENCE and not p[s].isspace() and not p[e - 1].isspace():
        yield base + s, base + e  # the usual case: nothing to cut or strip
        return
    yield from cut_and_strip(p, base, s, e)


def cut_and_strip(p: str, base: int, s: int, e: int) -> Iterator[tuple[int, int]]:
    """The spans of `p[s:e]` (offset by `base`): cut at clause breaks below MAX_SENTENCE, each stripped.
    `_strip` is this with a shortcut for the usual sentence, which needs neither."""
    while e - s > MAX_SENTENCE:  # keeps the per-sentence work (quadratic in figures) bounded on pathological input
        window = p[s : s + MAX_SENTENCE // 2]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" "))
        cut = s + (cut + 1 if cut > 0 else len(window))
        yield from cut_and_strip(p, base, s, cut)
        s = cut
    chunk = p[s:e]
    if chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        yield base + s + lead, base + s + len(chunk.rstrip())
