"""Per-sentence word counts in one C-level pass: each token maps to one packed integer.

A sentence needs LM's word count, one count per LM category, Fog's word count and its complex
words. Every one of these is a property of the token alone, so a table maps each upper-cased token
(UTF-8 bytes) to an int holding all of them in 32-bit fields, and a sentence's counts are the sum
of its tokens' ints: no per-token Python, no Counter per sentence. Sentences and turns add up as
ints too and are read back once per level (`counts.Layout`). The fields never carry into each
other (a turn would need 2**32 tokens).

Tokens are made as in `tokenize.word_counts` (bytes translate + split, the rare token holding
non-ASCII bytes re-split with `\\w+`), so the counts equal the per-token definitions exactly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .tokenize import SPACE_NON_WORD, WORD

BITS = 32
_LETTER = re.compile(r"[^\W\d_]")  # Fog's word: a \w+ token with a letter (tokenize.ALPHA_WORD)
_CACHE_LIMIT = 500_000  # tokens seen beyond the dictionary are cached up to this many entries


class TokenTable(dict[bytes, int]):
    """Upper-case token bytes -> packed counts: LM words, one field per category, Fog words, complex words
    (and, when given prefixes, tokens starting with one of them, in a field of the caller's choosing)."""

    def __init__(
        self,
        masks: Mapping[str, int],
        syllables: Mapping[str, int],
        n_categories: int,
        prefixes: tuple[str, ...] = (),
        prefix_shift: int = 0,
    ) -> None:
        super().__init__()
        self.masks, self.syllables, self.n = masks, syllables, n_categories
        self.all_words_shift = BITS * (n_categories + 1)
        self.complex_shift = BITS * (n_categories + 2)
        self.lm_part = (1 << self.all_words_shift) - 1  # the LM fields only (words + categories)
        # tokens starting with one of `prefixes` are counted in the field at prefix_shift (forward-looking cues)
        if prefixes and prefix_shift < self.complex_shift + BITS:
            raise ValueError("the prefix field must come after the table's own fields")
        self.prefixes, self.prefix_one = prefixes, (1 << prefix_shift) if prefixes else 0
        for word in masks:
            if word.isascii():  # a non-ASCII entry is looked up through __missing__, which splits as \\w+ does
                self[word.encode("ascii")] = self.value(word)
        self.base = len(self)

    def value(self, word: str) -> int:
        """The packed counts of one `\\w+` token (upper case)."""
        v = 0
        m = self.masks.get(word)
        if m is not None:  # LM counts it as a word (in the dictionary, not digits, longer than one character)
            v = 1
            for i in range(self.n):
                if m >> i & 1:
                    v |= 1 << (BITS * (i + 1))
        if _LETTER.search(word):
            v |= 1 << self.all_words_shift
            if len(word) > 3 and self.syllables.get(word, 0) >= 3:
                v |= 1 << self.complex_shift
        if self.prefix_one and word.startswith(self.prefixes):
            v |= self.prefix_one
        return v

    def __missing__(self, key: bytes) -> int:
        # one \w+ word, or (a curly apostrophe or other non-ASCII non-word character inside) several
        v = sum(self.value(w) for w in WORD.findall(key.decode("utf-8")))
        if len(self) < self.base + _CACHE_LIMIT:
            self[key] = v
        return v

    def total(self, upper_text: str) -> int:
        """Packed counts of every token of an upper-cased text."""
        return sum(map(self.__getitem__, upper_text.encode("utf-8").translate(SPACE_NON_WORD).split()))
