"""The figures stage's sentence splitter: its fast paths give the spans of the plain definition."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.extract import sentences
from callscope.extract.sentences import _END, _LAST_WORD, MAX_SENTENCE, _abbreviations, cut_and_strip


def plain_split(text: str) -> Iterator[tuple[int, int]]:
    """The splitter as first written: slices for the last word, a regex per initials check, every chunk cut and stripped
    (`cut_and_strip`, without `_strip`'s shortcut for the usual sentence)."""
    abbr = _abbreviations()
    for para in re.finditer(r"[^\n]+", text):
        base, p = para.start(), para.group(0)
        start = 0
        for m in _END.finditer(p):
            lw = _LAST_WORD.search(p[max(0, m.start() - 30) : m.end()])
            word = lw.group(1).lower() if lw else ""
            if word in abbr or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
                continue
            yield from cut_and_strip(p, base, start, m.start() + 1)
            start = m.end()
        yield from cut_and_strip(p, base, start, len(p))


PIECES = ["Revenue rose 5%.", "Inc.", "U.S.", "e.g.", "J.", "Smith", " ", "  ", "\n", "\t", ". ", "? ", "! ", "\"", "(",
          ")", "We", "expect", "$1.2", "million", "Q3.", "approx.", "It", "x" * 700, "a, b; c", "'", "x" * 40, "No", "co",
          "a.m", ".", "5", "%", "-", "&", "”", "’", "É", "İ", "Ø"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_split_equals_the_plain_definition(text: str) -> None:
    assert list(sentences.split(text)) == list(plain_split(text))


def test_long_run_is_cut_and_abbreviations_hold() -> None:
    text = "Mr. Lee joined Acme Inc. in 2020. Sales grew.\n" + "word " * 900
    spans = list(sentences.split(text))
    assert [text[s:e] for s, e in spans[:2]] == ["Mr. Lee joined Acme Inc. in 2020.", "Sales grew."]
    assert len(spans) > 3 and all(e - s <= MAX_SENTENCE for s, e in spans)
