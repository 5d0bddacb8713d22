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


_INNER = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


class Words:
    """A case-insensitive word list: `(?<![\\w-])(?:terms)(?![\\w-])`, or `\\b(?:terms)\\b` without `hyphen`.

    On ASCII text it searches `" " + text.lower()` for `[^a-z0-9_-](?:terms)(?![a-z0-9_-])` instead. A
    pattern that opens with a look-behind or `\\b` makes the regex engine enter its matcher at every
    character (~250 instructions each); one that opens with a character class is entered only at the
    characters of that class (the spaces and punctuation, about one in five), which halves the cost of a
    scan. The spans are the same: every term starts and ends with a letter, so the character in front of
    a match is never the last one of the match before it, and the padding space stands in for the start."""

    __slots__ = ("inner", "led", "rx")

    def __init__(self, body: str, *, hyphen: bool = True) -> None:
        """`body`: a group-free alternation of lower-case terms (`trie.trie_pattern`), each starting and
        ending with a letter."""
        word = r"[\w-]" if hyphen else r"\w"
        self.rx = re.compile(rf"(?<!{word})(?:{body})(?!{word})" if hyphen else rf"\b(?:{body})\b", re.I)
        inner = "a-z0-9_-" if hyphen else "a-z0-9_"
        self.led = re.compile(rf"[^{inner}](?:{body})(?![{inner}])")
        self.inner = _INNER | {"-"} if hyphen else _INNER

    @staticmethod
    def pad(text: str) -> str | None:
        """The padded lower-cased text the fast path searches, or None when `text` is not ASCII."""
        return " " + text.lower() if text.isascii() else None

    def spans(self, text: str, pad: str | None = None) -> list[tuple[int, int]]:
        """The spans `rx.finditer(text)` gives; `pad` may pass `Words.pad(text)`."""
        if pad is None:
            pad = self.pad(text)
            if pad is None:
                return [m.span() for m in self.rx.finditer(text)]
        return [(m.start(), m.end() - 1) for m in self.led.finditer(pad)]

    def within(self, text: str, pad: str | None, a: int, b: int) -> bool:
        """Whether `rx` matches in `text[a:b]` (0 <= a, b <= len(text)); `pad` is `Words.pad(text)`.

        Searches the padded text between `a` and `b` rather than a copy of the slice. That is the same
        search unless the slice cuts a word: then the character before `a` cannot lead a match where
        the slice's start can, so the slice is searched with its own padding space."""
        if a >= b:
            return False
        if pad is None:
            return self.rx.search(text[a:b]) is not None
        if pad[a] in self.inner and pad[a + 1] in self.inner:
            return self.led.search(" " + pad[a + 1 : b + 1]) is not None
        return self.led.search(pad, a, b + 1) is not None
