"""Case-insensitive word-list patterns, searched case-sensitively on lower-cased ASCII text.

Python's `re.IGNORECASE` folds case at every character it compares, which makes the long word-list
alternations of this stage about twice as slow as the same pattern searched on `text.lower()`. On ASCII
text the two find the same spans as long as the pattern's literals are lower case (lower-casing keeps
every offset and never turns a word character into a non-word one), so `finditer`/`search` take the fast
path there and fall back to the pattern itself elsewhere. Matches from the fast path hold lower-cased
text: callers use their spans, or groups they lower-case anyway.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_LOWERED: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def lowered(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """`rx` without IGNORECASE when that is safe on lower-cased ASCII text, else None.

    Looked up by id, not by the pattern: hashing a compiled pattern hashes its whole program, which for
    a word-list trie costs more than the search it is meant to speed up. The entry keeps `rx` alive, so
    its id is never reused."""
    hit = _LOWERED.get(id(rx))
    if hit is None:
        literal = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", rx.pattern)  # escapes (\S, \B ...) and group names are caseless
        safe = bool(rx.flags & re.I) and not any(c.isupper() for c in literal)
        hit = _LOWERED[id(rx)] = (rx, re.compile(rx.pattern, rx.flags & ~re.I) if safe else None)
    return hit[1]


def finditer(rx: re.Pattern[str], text: str, low: str | None = None) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)`; `low` may pass `text.lower()` when the caller already has it."""
    fast = lowered(rx)
    if fast is not None and text.isascii():
        return fast.finditer(text.lower() if low is None else low)
    return rx.finditer(text)


def search(rx: re.Pattern[str], text: str, low: str | None = None) -> re.Match[str] | None:
    """`rx.search(text)`, on the fast path when it applies (see `finditer`)."""
    fast = lowered(rx)
    if fast is not None and text.isascii():
        return fast.search(text.lower() if low is None else low)
    return rx.search(text)


class Keyed:
    """A case-insensitive pattern with substrings one of which (lower-cased) every match contains.

    Most sentences contain none of a word list's few possible stems ("high", "low", "mid" for spoken
    bands), and `in` over the lower-cased text rules them out far faster than the regex can. The test is
    only trusted on ASCII text; other text is searched as it is."""

    __slots__ = ("keys", "rx")

    def __init__(self, rx: re.Pattern[str], keys: tuple[str, ...]) -> None:
        self.rx = rx
        self.keys = tuple(k for k in keys if not any(o != k and o in k for o in keys))  # "ratio" covers "quick ratio"

    def may_match(self, text: str, low: str | None = None) -> bool:
        """False only when `text` is ASCII and holds none of the keys: then `rx` cannot match in it."""
        if not text.isascii():
            return True
        low = text.lower() if low is None else low
        for k in self.keys:  # noqa: SIM110 (any() over a generator costs ~2.5x this loop, run several times a sentence)
            if k in low:
                return True
        return False

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match[str]]:
        return finditer(self.rx, text, low) if self.may_match(text, low) else iter(())

    def search(self, text: str, low: str | None = None) -> re.Match[str] | None:
        return search(self.rx, text, low) if self.may_match(text, low) else None
