"""A trie-shaped alternation matches exactly what the longest-first alternation of the same literal
terms matches, with the same captured term, whatever follows it in the pattern."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.extract import caseless, numbers
from callscope.extract.trie import class_led_words, trie_pattern

TERMS = st.lists(st.text(alphabet="abAB -.$", min_size=1, max_size=5), min_size=1, max_size=8)
TEXT = st.text(alphabet="abAB -.$x", max_size=40)
CONTEXTS = [r"(?P<t>{})", r"(?<![\w-])(?P<t>{})(?![\w-])", r"(?P<t>{})\s*(?:a\s+)?$", r"(?P<t>{})b?\b"]


@settings(max_examples=400, deadline=None)
@given(TERMS, TEXT, st.sampled_from(CONTEXTS), st.booleans())
def test_trie_equals_longest_first_alternation(terms: list[str], text: str, context: str, fold: bool) -> None:
    flags = re.I if fold else 0
    plain = re.compile(context.format("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))), flags)
    trie = re.compile(context.format(trie_pattern(terms, fold=fold)), flags)
    assert [(m.span(), m.group("t")) for m in trie.finditer(text)] == [(m.span(), m.group("t")) for m in plain.finditer(text)]


WORDS = st.lists(st.text(alphabet="abAB", min_size=1, max_size=4), min_size=1, max_size=8)
RUNNING = st.text(alphabet="abAB -.1x\n", max_size=40)


@settings(max_examples=400, deadline=None)
@given(WORDS, RUNNING, st.booleans())
def test_class_led_words_match_the_bounded_alternation(terms: list[str], text: str, tail: bool) -> None:
    tails, extra = ({"a": r"x(?=\s)"}, r"|ax(?=\s)") if tail else ({}, "")
    plain = re.compile(rf"\d|\b(?:{trie_pattern(terms)}{extra})\b", re.I)
    letters, body = class_led_words(terms, tails)
    led = re.compile(rf"[\d{letters}](?:(?<=\d)|{body})", re.I)
    assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in led.finditer(text.lower())] == [m.span() for m in plain.finditer(text.lower())]


def test_triggers_find_the_starts_of_their_plain_definition() -> None:
    """`numbers.triggers()` against `\\d|\\b(?:number words|bands|one before a scale)\\b` on figure-dense text."""
    g = numbers.grammar()
    words = trie_pattern([w for w in g.spoken_words if w != "one"] + [b for b in g.fuzzy_bands if not b[0].isdigit()])
    plain = re.compile(rf"\d|\b(?:{words}|one(?=[\s-]+(?:hundred|thousand|million|billion)))\b", re.I)
    text = ("Revenue of one hundred twenty million, up Twenty-Five percent in the high single digits; "
            "one-third of stores, someone said one thing, mid-teens growth at 3.5% and ٣ units. "
            "Nine ONE Billion lowteens. Seventy7 often tenfold") * 3
    fast = caseless.lowered(numbers.triggers())
    assert fast is not None
    expected = [m.start() for m in plain.finditer(text)]
    assert expected and [m.start() for m in numbers.triggers().finditer(text)] == expected
    assert [m.start() for m in fast.finditer(text.lower())] == [m.start() for m in plain.finditer(text.lower())]
