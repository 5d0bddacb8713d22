"""The trigger scan's fast path (lower-cased ASCII text) finds exactly what the case-insensitive regex finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.extract import caseless, trigger_starts
from callscope.extract.numbers import triggers

WORDS = ["Book", "ratio", "One", "ONE", "hundred", "Million", "twenty", "5", "3.2", "low", "Single", "Digits", "mid-teens",
         "coverage", "of", "was", "Fifty", "-", ".", ",", "?", "\n", "é", "’", "q3"]


def test_fast_path_is_used() -> None:
    assert caseless.lowered(triggers()) is not None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=20).map(" ".join))
def test_trigger_starts_equal_the_case_insensitive_scan(text: str) -> None:
    assert trigger_starts(text) == [m.start() for m in triggers().finditer(text)]
