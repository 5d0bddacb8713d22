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


def shared_title_len(seqs: list[list[str]], run: int) -> int:
    """Title length for a label seen several times, given `run` (the longest title-word run).

    The words every occurrence shares are the title; beyond the title-word run they are kept only
    up to the last title word ("Senior MD & Thematic Research Analyst"), so a shared opening
    word of speech ("CEO Yes") is not. No shared words: fall back on the run.
    """
    n = 0
    for parts in zip(*seqs, strict=False):
        if len(set(parts)) != 1:
            break
        n += 1
    words = seqs[0]
    # titles are capitalised words and connectors: stop at the first lower-case word of speech
    n = next((k for k in range(n) if words[k][:1].islower() and words[k].lower() not in CONNECTORS), n)
    if n <= run:
        return n or run
    while n > run and (not is_title_word(words[n - 1]) or words[n - 1].lower() in CONNECTORS):
        n -= 1
    return n
