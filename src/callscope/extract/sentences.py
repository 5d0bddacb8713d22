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
_END_DOT = re.compile(_END.pattern.replace("[.!?]", r"\.", 1))  # `_END` for text without "!" or "?": led by a literal, it scans ~2x faster
_LAST_WORD = re.compile(r"([\w.&-]+)[.!?][\"'”’)\]]*\s+$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(t.lower() for t in lexicons.load("abbreviations").terms)


_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "e.g"


def split(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in `text`, stripped of surrounding space."""
    abbr = _abbreviations()
    base = 0
    for p in text.split("\n"):  # the paragraphs (and empty pieces, which yield nothing)
        cuts: list[tuple[int, int]] = []  # (end, next start) of each sentence break
        for m in (_END if "?" in p or "!" in p else _END_DOT).finditer(p):
            if not _abbreviated(p, m.start(), m.end(), abbr):
                cuts.append((m.start() + 1, m.end()))
        cuts.append((len(p), len(p)))
        start = 0
        for end, after in cuts:
            if 0 < end - start <= MAX_SENTENCE and not p[start].isspace() and not p[end - 1].isspace():
                yield base + start, base + end  # the usual case: nothing to cut or strip
            elif end > start:
                yield from cut_and_strip(p, base, start, end)
            start = after
        base += len(p) + 1


def _abbreviated(p: str, i: int, end: int, abbr: frozenset[str]) -> bool:
    """The mark at `i` (its `_END` match ends at `end`) ends an abbreviation (`Inc.`) or an initial, not a sentence.

    The word before it is `_LAST_WORD`'s: the run of word characters, `.`, `&` or `-` ending at `i`, at
    most 30 back. Most sentences end in a number or a word of letters after a space, which string methods
    settle without the regex."""
    before = p[i - 1 : i]
    if before.isascii() and not before.isalpha() and before not in _abbreviation_ends():
        return False  # "... grew 5%.": no abbreviation or initial ends in a digit or a sign
    lo = max(0, i - 30)
    word = p[lo:i].rpartition(" ")[2]
    if not word.isalpha():  # not only letters (or empty): the regex decides where the word starts
        lw = _LAST_WORD.search(p, lo, end)  # no "^" or look-behind: same as on the slice
        word = lw.group(1) if lw else ""
    word = word.lower()
    return word in abbr or (len(word) == 1 and word.isalpha()) or ("." in word and bool(_INITIALS.fullmatch(word)))


@lru_cache(maxsize=1)
def _abbreviation_ends() -> frozenset[str]:
    return frozenset(a[-1] for a in _abbreviations())


MAX_SENTENCE = 2000  # longer "sentences" (tables, transcripts flattened without punctuation) are cut at clause breaks


def cut_and_strip(p: str, base: int, s: int, e: int) -> Iterator[tuple[int, int]]:
    """The spans of `p[s:e]` (offset by `base`): cut at clause breaks below MAX_SENTENCE, each stripped.
    `split` yields the usual sentence, which needs neither, without it."""
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
