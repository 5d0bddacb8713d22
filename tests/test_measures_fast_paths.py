"""The measures stage's fast paths against the plain definitions they stand in for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.measures import readability
from callscope.measures.counts import COUNT_KEYS, Layout, ratio
from callscope.measures.packed import BITS
from callscope.measures.tokenize import _BOUNDARY, LM_MAY, MONTH_MAY, _abbreviations, _add, sentence_spans


def plain_sentence_spans(text: str) -> list[tuple[int, int]]:
    """`sentence_spans` as first written: the whole sentence so far sliced and split at every period."""
    abbrev = _abbreviations()
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith("."):
            before = text[start : m.start()].rsplit(None, 1)
            word = before[-1].lower() if before else ""
            if word.strip("\"'(“‘") in abbrev or (len(word) == 1 and word.isalpha()):
                continue
        end = m.end() if not m.group().startswith("\n") else m.start()
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


_PIECES = [
    "Mr", "mr", "Inc", "U.S", "e.g", "J", "x", "İ", "word", "abcdefghijklmnopqrstuvwxyz0123", "(“Mr", "\"inc", "Q", "2",
    "\"" * 12, "“" * 30, ".", ". ", "! ", "? ", "\n", " \n ", "  ", "\t", "\u00a0", "\u2028", " ", " A", " 3", " “B", "’", ")", "..."
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_sentence_spans_equal_the_plain_splitter(text: str) -> None:
    """The word before a period, looked for in the last few characters first, is the whole sentence's last word."""
    assert sentence_spans(text) == plain_sentence_spans(text)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["Mr", "x", "word", "Inc", "(Mr", "“" * 30 + "Mr"]), st.sampled_from([" ", "\u00a0", ""]))
def test_sentence_spans_long_runs_before_a_period(pad: int, gap: int, word: str, space: str) -> None:
    """Words and space runs about as long as the window, on both sides of its edge."""
    text = "Lead " + "a" * pad + space * gap + word + ". Next one. " + "b" * gap + word + ". X"
    assert sentence_spans(text) == plain_sentence_spans(text)


def derive(t: dict[str, int], categories: tuple[str, ...]) -> dict[str, float | int | None]:
    """The measures of a tally as first written (read by name): what `Layout.derive` must give."""
    out: dict[str, float | int | None] = {k: t.get(k, 0) for k in COUNT_KEYS}
    words = t.get("words", 0)
    for c in categories:
        out[c] = t.get(c, 0)
        out[f"{c}_share"] = ratio(t.get(c, 0), words)
    pos, neg = t.get("positive", 0), t.get("negative", 0)
    out["net_tone"] = ratio(pos - neg, pos + neg)
    out["net_tone_per_word"] = ratio(pos - neg, words)
    out["fog"] = readability.fog(t.get("all_words", 0), t.get("complex_words", 0), t.get("sentences", 0))
    out["forward_looking_share"] = ratio(t.get("forward_looking", 0), t.get("sentences", 0))
    out["numbers_per_word"] = ratio(t.get("numbers", 0), t.get("all_words", 0))
    return out


_LAYOUTS: dict[tuple[str, ...], Layout] = {}
_CATEGORY_SETS = [
    ("negative", "positive", "uncertainty", "litigious", "strong_modal", "weak_modal", "constraining"),
    ("positive", "uncertainty"),  # no `negative`: net tone reads it as 0
    (),
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.just(0), st.integers(1, 5), st.integers(0, 2**32 - 1)), min_size=15, max_size=15), st.sampled_from(_CATEGORY_SETS))
def test_layout_derive_equals_derive_of_the_tally(values: list[int], categories: tuple[str, ...]) -> None:
    """Layout.derive (fields read by position) against the by-name definition on the tally dict: same keys, order and values."""
    layout = _LAYOUTS.setdefault(categories, Layout(categories))
    packed = sum(v << (BITS * i) for i, v in enumerate(values[: len(layout.fields)]))
    want = derive(layout.tally(packed), categories)
    assert list(layout.derive(packed).items()) == list(want.items())
    assert list(layout.derive(0).items()) == list(derive({}, categories).items())  # an absent section


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["May", "MAY", "may", "Mayor", "In", "in", " ", ",", "5", "x", "M", "ay", "AY"]), max_size=12).map("".join))
def test_month_patterns_need_may_or_MAY(text: str) -> None:
    """SentenceScorer.packed searches the month rule only where `May` or `MAY` is: both rules need one."""
    for pattern in (LM_MAY, MONTH_MAY):
        assert pattern.search(text) is None or "May" in text or "MAY" in text
