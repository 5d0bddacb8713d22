"""Non-answers: GLZ's published patterns reproduce their figures; callscope's detector beats them; the seeds."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from callscope import read
from callscope.measures import measure
from callscope.measures.nonanswers import glz
from callscope.measures.nonanswers.sentences import hits
from callscope.pipeline import analyze

from .conftest import shared_path, tool_path
from .synthetic_calls import dash_call

# GLZ (2021) on the train half with their own method (the figures the issue quotes).
GLZ_TRAIN = {"accuracy": 0.909, "precision": 0.681, "tpr": 0.818}


def test_glz_patterns_come_from_ling_features_files() -> None:
    p = glz.patterns()
    assert p.version.startswith("ling_features ")
    assert [x.type for x in p.patterns] == ["aftercall"] + ["unable"] * 4 + ["refuse"] * 6
    assert not any(re.search(r"\{[A-Z_]+\}", x.pattern) for x in p.patterns)  # every {WORD_LIST} placeholder was filled
    # The authors' own examples (non_answers.py __main__).
    assert [x.type for x, _ in p.matches("I refuse to answer that.")] == ["refuse"]
    assert [x.type for x, _ in p.matches("I don't know about that.")] == ["unable"]
    assert p.matches("We expect profits of $123 million.") == []
    assert p.matches("Let me get back to you on that.") == []  # GLZ misses this deferral ...
    assert hits("Let me get back to you on that.").types == ("aftercall",)  # ... callscope's cues do not


def test_detector_flags_a_synthetic_refusal_and_not_a_plain_answer() -> None:
    refusal = read(dash_call("We don't break that out, and we're not going to comment on pricing by customer."))
    plain = read(dash_call("Gross margin was 41% this quarter and we expect about 42% next quarter as volumes grow."))
    assert refusal.exchanges[0].non_answer and "refuse" in refusal.exchanges[0].non_answer_types
    assert not plain.exchanges[0].non_answer and plain.exchanges[0].non_answer_types == ()
    flagged = [s for s in refusal.measures["sentences"] if s.get("non_answer")]
    assert len(flagged) == 1 and flagged[0]["turn"] == refusal.exchanges[0].answer_turns[0]


@pytest.fixture(scope="module")
def train_half(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    text = shared_path("nonanswers", "train_text.csv")
    labels = shared_path("nonanswers", "train_labels.csv")
    make, score = tool_path("nonanswer_calls.py"), tool_path("score_nonanswers.py")
    tmp = tmp_path_factory.mktemp("nonanswers")
    keys = tmp / "keys.csv"
    with keys.open("w") as fh:
        subprocess.run([sys.executable, str(make), str(text), str(tmp / "calls")], stdout=fh, check=True)
    structured = [analyze(p, stages=[]) for p in sorted((tmp / "calls").glob("*.txt"))]
    out = {}
    for method in ("glz", "detector"):
        pred = tmp / f"{method}.jsonl"
        with pred.open("wb") as fh:
            for call in structured:
                fh.write(measure(call, non_answer_method=method, sentences=False).to_json() + b"\n")
        res = subprocess.run(
            [sys.executable, str(score), str(labels), str(keys), str(pred)], capture_output=True, text=True, check=True
        )
        out[method] = json.loads(res.stdout)
    return out


@pytest.mark.shared
@pytest.mark.slow
def test_glz_reproduces_its_train_half_figures_within_one_point(train_half: dict[str, dict[str, float]]) -> None:
    got = train_half["glz"]
    assert got["n"] == 1296 and got["missing"] == 0
    for k, want in GLZ_TRAIN.items():
        assert abs(got[k] - want) <= 0.01, (k, got[k], want)


@pytest.mark.shared
@pytest.mark.slow
def test_detector_beats_glz_on_precision_without_losing_recall(train_half: dict[str, dict[str, float]]) -> None:
    g, d = train_half["glz"], train_half["detector"]
    assert d["precision"] > g["precision"]
    assert d["tpr"] >= g["tpr"]
    assert d["accuracy"] >= 0.90


def _sentence(call, needle: str) -> dict:
    for s in call.measures["sentences"]:
        if needle in call.turns[s["turn"]].text[s["span"][0] : s["span"][1]]:
            return s
    raise AssertionError(f"no sentence contains {needle!r}")


@pytest.mark.shared
def test_seed_non_answers() -> None:
    seeds = shared_path("seeds")
    juniper = read(seeds / "000_b01783c883e1784e.txt")
    assert _sentence(juniper, "we cannot make any comments related to the investigation")["non_answer"]
    assert _sentence(juniper, "it's premature for us to say")["non_answer"]
    adtran = read(seeds / "002_fab12e6d9bbcd3a6.txt")
    s = _sentence(adtran, "We don't actually write that out")
    assert s["non_answer"] == ["refuse"]
    koffman = [e for e in adtran.exchanges if "Koffman" in adtran.participants[e.analyst].name]
    assert len(koffman) == 1 and s["turn"] in koffman[0].answer_turns
    assert koffman[0].non_answer and "refuse" in koffman[0].non_answer_types


def test_non_answer_method_option_is_checked() -> None:
    with pytest.raises(ValueError):
        measure(analyze(dash_call("Fine."), stages=[]), non_answer_method="guess")


def test_fitted_model_is_a_lexicon_with_its_cv_record() -> None:
    from callscope import lexicons

    lex = lexicons.load("nonanswer_detector")
    assert "cv" in lex.meta and "precision" in lex.meta["cv"]


_WORDS = ["I", "we", "We", "don't", "don’t", "do not", "can't", "cannot", "not", "no", "No", "know", "have", "the", "that",
          "share", "with", "comment", "on", "give", "any", "guidance", "difficult", "to", "say", "after the call", "offline",
          "be", "specific", "breakdown", "idea", "Not", "NO", "techno", "İ", "ſ", "’", ",", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join))
def test_glz_gates_never_change_matches(sentence: str) -> None:
    """Gates (measures/gates.py) are necessary conditions: gated and ungated searches agree."""
    pats = glz.patterns()
    ungated = [(p, m.group()) for p in pats.patterns if (m := p.regex.search(sentence))]
    assert pats.matches(sentence) == ungated


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, "I'm", "sure", "too early", "hard", "get back to you", "at my fingertips",
                                 "follow up with you", "off-line", "one-on-one", "that's all we can", "break", "out",
                                 "if", "whether", "won't", "prefer", "haven't", "decided", "comfortable", "sharing"]),
                max_size=14).map(" ".join))
def test_cue_checks_fire_exactly_when_the_cue_alternation_does(sentence: str) -> None:
    """cues.py merges literal lines into a trie and gates the others; each pair still fires as its alternation."""
    from callscope import lexicons
    from callscope.measures.nonanswers.cues import TYPES, cue_features

    groups: dict[tuple[str, str], list[str]] = {}
    for feature, kind, pattern in lexicons.load("nonanswer_cues").entries:
        groups.setdefault((feature, kind), []).append(f"(?:{pattern})")
    fired = [(f, k) for (f, k), ps in groups.items() if re.compile("|".join(ps), re.I).search(sentence)]
    assert cue_features(sentence) == ({f for f, _ in fired}, {k for _, k in fired if k in TYPES})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, "I'm", "too early", "hard", "get back to you", "at my fingertips", "off-line",
                                 "out", "without", "break", "won't", "haven't", "decided", "uncomfortable", "early days",
                                 "declining to", "all we can", "have no idea", "Cannot", "NOT", "with\u00a0", "K"]),
                max_size=14).map(" ".join))
def test_screen_passes_every_sentence_something_fires_on(sentence: str) -> None:
    """sentences.py skips a sentence its screen (gates.screen) misses: only when no GLZ pattern or cue fires."""
    from callscope.measures.nonanswers.sentences import all_hits

    assert hits(sentence) == all_hits(sentence)
