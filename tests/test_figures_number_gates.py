"""Number-grammar shortcuts: each gate and fast path finds exactly what its plain definition finds.

The gates skip a scan when a cheap test shows it cannot match; these property tests build sentences
from the pieces the scans look for (cased, glued and non-ASCII spellings included) and compare.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.extract import numbers

SPOKEN = ["one", "Two", "THREE", "twenty", "twenty-one", "fiftyfive", "hundred", "Hundred", "thousand", "million", "billion",
          "and", "-", "two_", "one2", "ſeven", "ſix", "fıve", "nıne", "ten", "Ten", "zero", "percent", "employees", "stores",
          "of", "$", "5", "$3", "cents", "basis points", "of the", "é", "’", "K", "İ", ",", "."]
BANDS = ["low", "Low", "mid", "MID", "high", "higher", "below", "mid-to-high", "low-to-mid", "teens", "Teens", "twenties",
         "single", "digit", "digits", "single-digit", "Double-Digits", "20s", "30s", "percent", "basis points", "-", "ſingle"]


def sentences(pieces: list[str]) -> st.SearchStrategy[str]:
    """Pieces joined by a space, a hyphen or nothing, so words also meet glued and hyphenated."""
    sep = st.sampled_from([" ", " ", "-", "", "  "])
    return st.lists(st.tuples(st.sampled_from(pieces), sep), max_size=16).map(lambda ps: "".join(p + s for p, s in ps))


@settings(max_examples=400, deadline=None)
@given(sentences(SPOKEN))
def test_spoken_gate_skips_only_sentences_without_spoken_numbers(text: str) -> None:
    g = numbers.grammar()
    with mock.patch.object(numbers, "_may_say_number", return_value=True):
        plain = numbers._spoken(text, g, [])
    assert numbers._spoken(text, g, []) == plain


@settings(max_examples=400, deadline=None)
@given(sentences(BANDS))
def test_fuzzy_gates_skip_only_sentences_without_bands(text: str) -> None:
    g = numbers.grammar()
    assert [(n.start, n.end) for n in numbers._fuzzy(text, g)] == [m.span() for m in g.fuzzy.finditer(text)]
