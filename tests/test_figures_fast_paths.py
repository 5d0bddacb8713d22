"""Figures-stage shortcuts: each fast form answers exactly what its plain definition answers.

The texts are glued from the pieces each shortcut keys on (so both the shortcut and the full scan get
exercised), in mixed case and with non-ASCII letters that fold to ASCII ones under IGNORECASE.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from callscope.extract import caseless, metrics, numbers, starts

_g = numbers.grammar()
NUMBER_WORDS = sorted({*_g.spoken_words, *_g.fuzzy_bands, "one hundred", "one-million", "one \n billion"})
GLUE = [" ", "", "-", ".", ",", "\n", "$", "7", "2.5", "often", "someone", "network", "x", "é", "ſ", "K", "’"]


def glued(pieces: list[str], max_size: int = 30, glue: list[str] = GLUE) -> st.SearchStrategy[str]:
    """`pieces` in lower, title or upper case, run together with glue."""
    cased = st.sampled_from(pieces).flatmap(lambda p: st.sampled_from([p, p.title(), p.upper()]))
    return st.lists(st.one_of(cased, st.sampled_from(glue)), max_size=max_size).map("".join)


@settings(max_examples=500, deadline=None)
@given(glued(NUMBER_WORDS))
def test_trigger_starts_equal_the_trigger_scan(text: str) -> None:
    assert starts._trigger_starts(text) == [m.start() for m in caseless.finditer(numbers.triggers(), text)]


_tax = metrics._tables()
METRIC_PIECES = sorted(_tax[0])[::7] + sorted(_tax[4])[::3] + ["Revenue", "EPS", "non-GAAP", "co-", "of", "was"]


@settings(max_examples=300, deadline=None)
@given(glued(METRIC_PIECES, max_size=16, glue=[g for g in GLUE if g not in "ſK"]))  # "dividendſ": KeyError either way
def test_metric_and_qualifier_scans_equal_the_case_insensitive_scans(text: str) -> None:
    taxonomy, _, _, qual_rx, *_ = metrics._tables()
    rx = metrics._words()[0].rx
    plain = [metrics.MetricMention(m.start(), m.end(), taxonomy[m.group(0).lower()], m.group(0)) for m in rx.finditer(text)]
    assert metrics.find_metrics(text) == plain
    assert [m.span() for m in caseless.finditer(qual_rx, text)] == [m.span() for m in qual_rx.finditer(text)]
