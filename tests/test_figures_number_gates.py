"""Number-grammar shortcuts: each gate and fast path finds exactly what its plain definition finds.

The gates skip a scan when a cheap test shows it cannot match; these property tests build sentences
from the pieces the scans look for (cased, glued and non-ASCII spellings included) and compare.
"""

from __future__ import annotations

import contextlib
import re
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from callscope.extract import caseless, compare, numbers

SPOKEN = ["one", "Two", "THREE", "twenty", "twenty-one", "fiftyfive", "hundred", "Hundred", "thousand", "million", "billion",
          "and", "-", "two_", "one2", "ſeven", "ſix", "fıve", "nıne", "ten", "Ten", "zero", "percent", "employees", "stores",
          "of", "$", "5", "$3", "cents", "basis points", "of the", "é", "’", "K", "İ", ",", "."]
# not "ſingle": IGNORECASE reads it as "single", which _fuzzy then fails to look up (so did the code before the gates)
BANDS = ["low", "Low", "mid", "MID", "high", "higher", "below", "mid-to-high", "low-to-mid", "teens", "Teens", "twenties",
         "single", "digit", "digits", "single-digit", "Double-Digits", "20s", "30s", "percent", "basis points", "-", "é"]


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


CODES = ["", "USD", "EUR", "CHF", "RMB", "A", "U", "Q"]
SYMBOLS = ["", "$", "US$", "NZ$", "HK$", "C$", "R$", "€", "₹", "¥", "-", "("]
NUMBERS = ["5", ".5", "12", "1,200", "3.25", "2006", "1Q"]
TAILS = ["", " million", "bn", "m", "%", "x", " percent", " euros", "-", ".", "’s", "/7", " June"]


def atoms() -> st.SearchStrategy[str]:
    """Text around one atom spelled with every kind of lead: code, space, symbol, space, "."."""
    atom = st.tuples(st.sampled_from(CODES), st.sampled_from(["", " ", "\n"]), st.sampled_from(SYMBOLS),
                     st.sampled_from(["", " "]), st.sampled_from(NUMBERS), st.sampled_from(TAILS)).map("".join)
    return st.lists(st.tuples(sentences(["was", "Q1", "June", "A", "é", "up", "٣"]), atom).map(" ".join), max_size=4).map(" ".join)


@settings(max_examples=500, deadline=None)
@example("USD US$ .5")
@example("5 and USD US$ .5")
@given(atoms())
def test_atom_scan_that_skips_to_each_digit_finds_every_atom(text: str) -> None:
    g = numbers.grammar()
    assert [m.span() for m in numbers._atoms(text, g)] == [m.span() for m in g.atom.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-. ()+x٣", max_size=30))
def test_phone_gate_is_the_plain_pattern(text: str) -> None:
    assert bool(numbers._PHONE_GATE.search(text)) == bool(re.search(r"\d{3}[-.]\d{4}", text))


def _plain_caseless() -> contextlib.ExitStack:
    """The caseless shortcuts replaced by the plain case-insensitive scans they stand for."""
    stack = contextlib.ExitStack()
    stack.enter_context(mock.patch.object(caseless, "search", lambda rx, text, low=None: rx.search(text)))
    stack.enter_context(mock.patch.object(caseless, "finditer", lambda rx, text, low=None: rx.finditer(text)))
    stack.enter_context(mock.patch.object(caseless.Keyed, "may_match", lambda self, text, low=None: True))
    return stack


FIGURES = ["$5 million", "5%", "2.5 percent", "150 basis points", "4.3b", "-3%", "(2%)", "1,200", "0.5x", "6 stores", "2019"]
CUES = ["", "to", "TO", "and", "between", "Between", "from", "From", "range from", "Zero to", "flat to", "BREAKEVEN and",
        "by", "BY", "by about", "up", "Up", "increased TO", "rose by", "declined", "compared to", "versus", "growth was",
        "Growth Was", "year-over-year", "sequentially", "raised our guidance by", "Lowered BY", "about", "approximately",
        "minus", "Negative", "plus or minus", ", respectively, plus or minus", ",", "of", "was", "June", "Q3", "ſ", "é", "K",
        "İ", "higher than", "Decreased From", "more than"]


def figure_sentences() -> st.SearchStrategy[str]:
    """Figures with cue words (in any case) before and after them."""
    pair = st.tuples(st.sampled_from(CUES), st.sampled_from(FIGURES), st.sampled_from(CUES)).map(" ".join)
    return st.lists(pair, min_size=1, max_size=5).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(figure_sentences())
def test_figures_and_roles_equal_the_plain_case_insensitive_scans(text: str) -> None:
    nums = numbers.find_numbers(text)
    roles = compare.assign(text, nums)
    with _plain_caseless():
        assert numbers.find_numbers(text) == nums
        assert compare.assign(text, nums) == roles
