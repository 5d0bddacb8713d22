"""A trie-shaped alternation matches exactly what the longest-first alternation of the same literal
terms matches, with the same captured term, whatever follows it in the pattern."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.extract.trie import trie_pattern

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
