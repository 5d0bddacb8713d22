"""LM counts: exact against an independent reference count, and LM's rules on synthetic text."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from callscope import read
from callscope.measures import measure
from callscope.measures.counts import BITS, Layout, LMCounter
from callscope.measures.levels import SentenceRecord, sentence_dicts
from callscope.measures.lm import ENV_VAR, default_path, dictionary, load_dictionary, resolve_path
from callscope.measures.nonanswers.detector import SentenceHits
from callscope.measures.tokenize import _BOUNDARY, lm_tokens, sentence_spans, word_counts
from callscope.pipeline import analyze

from .conftest import shared_path
from .synthetic_calls import dash_call

CATS = ("negative", "positive", "uncertainty", "litigious", "strong_modal", "weak_modal", "constraining")


def reference_counts(text: str, path: Path) -> dict[str, int]:
    """LM's published procedure (Load_MasterDictionary + Generic_Parser), written out independently.

    Category membership is a positive year (a negative year means removed); the old single Modal
    column codes 1 = strong, 3 = weak.
    """
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    flags: dict[str, set[str]] = {}
    for r in rows:
        cats = set()
        for c in ("Negative", "Positive", "Uncertainty", "Litigious", "Constraining"):
            if int(r[c]) > 0:
                cats.add(c.lower())
        if "Modal" in r:
            cats |= {"strong_modal"} if r["Modal"] == "1" else {"weak_modal"} if r["Modal"] == "3" else set()
        else:
            cats |= {c.lower() for c in ("Strong_Modal", "Weak_Modal") if int(r[c]) > 0}
        flags[r["Word"].upper()] = cats
    doc = re.sub("(May|MAY)", " ", text).upper()
    out = dict.fromkeys(("words", *CATS), 0)
    for token in re.findall(r"\w+", doc):
        if not token.isdigit() and len(token) > 1 and token in flags:
            out["words"] += 1
            for c in flags[token]:
                out[c] += 1
    return out


@pytest.mark.shared
@pytest.mark.slow
def test_lm_counts_equal_reference_on_every_streetevents_call() -> None:
    files = sorted(shared_path("transcripts", "streetevents").rglob("*.txt"))
    assert len(files) >= 90
    path = default_path()
    for f in files:
        call = read(f)  # the default pipeline runs the measures stage
        got = call.measures["call"]
        want = reference_counts(call.text, path)
        assert {k: got[k] for k in want} == want, f.name
        assert want["words"] > 1000, f.name  # a real call, not an empty parse


def _write_dictionary(tmp_path: Path, rows: list[str], header: str | None = None) -> Path:
    header = header or (
        "Word,Seq_num,Word Count,Word Proportion,Average Proportion,Std Dev,Doc Count,Negative,Positive,"
        "Uncertainty,Litigious,Strong_Modal,Weak_Modal,Constraining,Complexity,Syllables,Source"
    )
    p = tmp_path / "Loughran-McDonald_MasterDictionary_1993-2024.csv"
    p.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return p


ROWS = [
    # word, seq, count, prop, avg, sd, docs, neg, pos, unc, lit, strong, weak, constr, complexity, syll, source
    "LOSS,1,0,0,0,0,0,2009,0,0,0,0,0,0,0,1,12of12inf",
    "GAIN,2,0,0,0,0,0,0,2009,0,0,0,0,0,0,1,12of12inf",
    "DOUBTFUL,3,0,0,0,0,0,-2020,0,2009,0,0,0,0,0,2,12of12inf",  # removed from Negative in 2020, still Uncertainty
    "WILL,4,0,0,0,0,0,0,0,0,0,2009,0,0,0,1,12of12inf",
    "QUESTION,5,0,0,0,0,0,2009,0,0,0,0,0,0,0,2,12of12inf",
    "MAYBE,6,0,0,0,0,0,0,0,2009,0,0,0,0,0,2,12of12inf",
    "BE,7,0,0,0,0,0,0,0,0,0,0,0,0,0,1,12of12inf",
    "WE,8,0,0,0,0,0,0,0,0,0,0,0,0,0,1,12of12inf",
    "PROFITABILITY,9,0,0,0,0,0,0,0,0,0,0,0,0,2023,6,12of12inf",
    "A,10,0,0,0,0,0,0,0,0,0,0,0,0,0,1,12of12inf",
    "OFF,11,0,0,0,0,0,0,0,0,0,0,0,0,0,1,12of12inf",
    "BALANCE,12,0,0,0,0,0,0,0,0,0,0,0,0,0,2,12of12inf",
    "SHEET,13,0,0,0,0,0,0,0,0,0,0,0,0,0,1,12of12inf",
]


def test_removed_words_complexity_and_new_modal_columns(tmp_path: Path) -> None:
    lm = load_dictionary(_write_dictionary(tmp_path, ROWS))
    assert lm.version == "1993-2024"
    assert "complexity" in lm.categories
    assert "DOUBTFUL" not in lm.words("negative")  # negative year = removed
    assert "DOUBTFUL" in lm.words("uncertainty")
    assert lm.words("strong_modal") == {"WILL"}
    counts = LMCounter(lm).count("We will book a loss, doubtful gains; profitability 2024 will improve.")
    assert counts == {
        "words": 6,
        "negative": 1,
        "positive": 0,
        "uncertainty": 1,
        "litigious": 0,
        "strong_modal": 2,
        "weak_modal": 0,
        "constraining": 0,
        "complexity": 1,
    }


def test_tokens_as_lm_parser_makes_them(tmp_path: Path) -> None:
    lm = load_dictionary(_write_dictionary(tmp_path, ROWS))
    # hyphenated words split; digits and one-character tokens never count; "May" is dropped even inside "Maybe".
    assert lm_tokens("Off-balance-sheet, a 2024 loss. Maybe we gain in May.", lm.masks) == [
        "OFF",
        "BALANCE",
        "SHEET",
        "LOSS",
        "BE",
        "WE",
        "GAIN",
    ]
    assert LMCounter(lm).count("MAYBE")["uncertainty"] == 0  # LM drops MAY from MAYBE too
    assert LMCounter(lm, "transcript").count("Maybe in May 2024")["uncertainty"] == 1  # transcript mode: only the month


def test_transcript_mode_documents_question_and_will(tmp_path: Path) -> None:
    lm = load_dictionary(_write_dictionary(tmp_path, ROWS))
    text = "Next question. We will gain."
    ref, adj = LMCounter(lm).count(text), LMCounter(lm, "transcript").count(text)
    assert (ref["negative"], ref["strong_modal"]) == (1, 1)
    assert (adj["negative"], adj["strong_modal"]) == (0, 0)
    assert adj["words"] == ref["words"]  # still words, just not in those categories


def test_old_single_modal_column_and_packaged_file() -> None:
    lm = dictionary()
    assert lm.meta["modal_coding"].startswith("Modal column")
    assert "WILL" in lm.words("strong_modal") and "MAY" in lm.words("weak_modal") and "QUESTION" in lm.words("negative")
    assert lm.version == "1993-2018"


def test_environment_variable_overrides_the_dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write_dictionary(tmp_path, ROWS)
    monkeypatch.setenv(ENV_VAR, str(path))
    m = read(dash_call("We will gain. We book a loss.")).measures
    assert m["lexicons"]["loughran_mcdonald"]["source"] == str(path.resolve())
    assert (m["roles"]["executive"]["positive"], m["roles"]["executive"]["negative"], m["call"]["complexity"]) == (1, 1, 0)


def test_resolve_path_takes_option_then_environment_at_call_time_then_packaged_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write_dictionary(tmp_path, ROWS)
    packaged = default_path().resolve()
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_path() == packaged
    monkeypatch.setenv(ENV_VAR, str(path))
    assert resolve_path() == path.resolve()  # the cached packaged path does not hide a later setting
    assert resolve_path(default_path()) == packaged  # the option beats the environment
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(ENV_VAR, path.name)  # relative: resolved against the current directory on each call
    assert resolve_path() == path.resolve()
    monkeypatch.delenv(ENV_VAR)
    assert resolve_path() == packaged


def test_net_tone_fog_and_shares_from_sums(tmp_path: Path) -> None:
    lm = load_dictionary(_write_dictionary(tmp_path, ROWS))
    text = "We gain. We gain a loss. Profitability."
    call = measure(analyze(dash_call(text), stages=[]), lm_dictionary=lm.source)
    m = call.measures["roles"]["executive"]
    assert (m["positive"], m["negative"], m["words"]) == (2, 1, 6)  # "a" is one character: not an LM word
    assert m["net_tone"] == pytest.approx((2 - 1) / (2 + 1))
    assert m["net_tone_per_word"] == pytest.approx(1 / 6)
    assert m["positive_share"] == pytest.approx(2 / 6)
    # Fog = 0.4 * (words/sentences + 100 * complex/words): 7 words with a letter, 3 sentences, 1 complex (PROFITABILITY, 6 syllables)
    assert m["sentences"] == 3 and m["all_words"] == 7 and m["complex_words"] == 1
    assert m["fog"] == pytest.approx(0.4 * (7 / 3 + 100 * 1 / 7))


def test_sentence_splitter_keeps_abbreviations_and_decimals() -> None:
    text = "Revenue grew 3.5% in the U.S. Market share rose. Mr. Smith joined Acme Inc. last year! Really? Yes."
    got = [text[s:e] for s, e in sentence_spans(text)]
    assert got == ["Revenue grew 3.5% in the U.S. Market share rose.", "Mr. Smith joined Acme Inc. last year!", "Really?", "Yes."]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ0 .!?\n\t\"')]’”(['‘“")), max_size=40))
def test_sentence_boundary_pattern_equals_its_plain_form(text: str) -> None:
    """The class-led boundary pattern finds what `[.!?]+[closers]*(?=\\s+[opener]?[A-Z0-9])|\\n\\s*` finds."""
    plain = re.compile(r"[.!?]+[\"')\]’”]*(?=\s+[\"'(\[‘“]?[A-Z0-9])|\n\s*")
    assert [m.span() for m in _BOUNDARY.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abZ09_ -'’.,é\u00a0\u2028ßİ\x1c$€—\n")), max_size=60))
def test_fast_word_counts_equal_the_regex(text: str) -> None:
    assert word_counts(text) == Counter(re.findall(r"\w+", text))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ0159_ -+()$=.,;%\t\n\x1c")), max_size=40), st.sampled_from(["", "\u20ac", "\u00b2"]))
def test_fast_number_count_equals_lm_definition(text: str, other: str) -> None:
    """number_count's ASCII path (and its fallback on other text) against LM's regexes."""
    from callscope.measures.tokenize import lm_number_count, number_count

    text = other + text
    assert number_count(text) == lm_number_count(text)


_SCORERS: dict[str, object] = {}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["LOSS", "gain", "May", "MAY", "maybe", "profitability", "doubtful", "a", "2024", "x_1", "_",
                              "question", "will", "DON’T", "café", "İ", "ß", " ", ",", ".", "-", "\u2028", "’", "5,000", "$3"]),
             max_size=30).map("".join),
    st.sampled_from(["reference", "transcript"]),
)
def test_packed_sentence_counts_equal_the_per_token_definitions(sentence: str, mode: str) -> None:
    """The one-pass scorer (measures/packed.py) against LMCounter.count and Fog's ALPHA_WORD tokens."""
    from callscope.measures.counts import SentenceScorer
    from callscope.measures.readability import complex_words
    from callscope.measures.tokenize import ALPHA_WORD, lm_number_count

    if mode not in _SCORERS:
        _SCORERS[mode] = SentenceScorer(LMCounter(dictionary(), mode))
    scorer = _SCORERS[mode]
    assert isinstance(scorer, SentenceScorer)
    counter = scorer.lm
    got = scorer.score(sentence)
    fog_words = ALPHA_WORD.findall(sentence.upper())
    want = {**counter.count(sentence), "sentences": 1, "all_words": len(fog_words),
            "complex_words": complex_words(fog_words, counter.lm.syllables), "numbers": lm_number_count(sentence)}
    assert {k: got[k] for k in want} == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["We", "will", "WILL", "planned", "was", "expected", "had been", "anticipated", "goal",
                                 "growth", "Mayor", "İ", "’", "cannot", "was\u00a0expected", ",", "."]), max_size=12).map(" ".join))
def test_forward_looking_equals_the_published_rule(sentence: str) -> None:
    from callscope import lexicons
    from callscope.measures.forward import is_forward_looking

    rule = {kind: re.compile(pattern, re.I) for kind, pattern in lexicons.load("forward_looking").entries}
    assert is_forward_looking(sentence) == (rule["cue"].search(sentence) is not None and rule["past"].search(sentence) is None)



@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["We", "will", "WILL", "Willow", "_will", "2will", "planned", "was", "were", "expected", "had been",
                              "anticipated", "goal", "May", "MAY", "maybe", "growth", "\u017fhould", "see\u212a", "\u0130ntend",
                              "\u00e9plan", "can't", "\u2019", "-", ",", ".", " ", "\u00a0", "\n"]), max_size=14).map("".join),
    st.sampled_from(["reference", "transcript"]),
)
def test_packed_forward_looking_flag_equals_the_published_rule(sentence: str, mode: str) -> None:
    """The scorer's flag (cue words counted by the token table, then the past form) against the two regexes."""
    from callscope import lexicons
    from callscope.measures.counts import SentenceScorer
    from callscope.measures.forward import cue_prefixes

    assert cue_prefixes()  # the lexicon's cue has the shape the token table tests
    if mode not in _SCORERS:
        _SCORERS[mode] = SentenceScorer(LMCounter(dictionary(), mode))
    scorer = _SCORERS[mode]
    assert isinstance(scorer, SentenceScorer)
    rule = {kind: re.compile(pattern, re.I) for kind, pattern in lexicons.load("forward_looking").entries}
    want = rule["cue"].search(sentence) is not None and rule["past"].search(sentence) is None
    assert scorer.score(sentence)["forward_looking"] == want

_FIELD = st.integers(0, 2**32 - 1)
_Row = tuple[list[int], int, tuple[int, int], tuple[list[int], tuple[str, ...]] | None]
_LAYOUTS: dict[tuple[str, ...], Layout] = {}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.one_of(st.just(0), st.integers(1, 3), _FIELD), min_size=15, max_size=15),
            st.integers(0, 500),
            st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)),
            st.one_of(st.none(), st.tuples(st.lists(st.integers(0, 10), max_size=3), st.sampled_from([(), ("unable",), ("unable", "refuse")]))),
        ),
        max_size=8,
    ),
    st.sampled_from([("negative", "positive"), ("negative", "positive", "uncertainty", "litigious", "strong_modal", "weak_modal", "constraining")]),
)
def test_sentence_dicts_equal_to_dict(rows: list[_Row], categories: tuple[str, ...]) -> None:
    """levels.sentence_dicts (memoised count fields, shared across calls) against SentenceRecord.to_dict, keys in order."""
    layout = _LAYOUTS.setdefault(categories, Layout(categories))  # the memo persists between examples, as between calls
    records = [
        SentenceRecord(
            turn,
            span,
            sum(v << (BITS * i) for i, v in enumerate(values[: len(layout.fields)])),
            None if h is None else SentenceHits(glz=tuple(h[0]), types=h[1]),
        )
        for values, turn, span, h in rows
    ]
    want = [r.to_dict(layout) for r in records]
    got = sentence_dicts(records, layout)
    assert [list(d.items()) for d in got] == [list(d.items()) for d in want]
    assert json.dumps(sentence_dicts(records, layout)) == json.dumps(want)  # again, from the memo

