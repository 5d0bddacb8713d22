"""Language measures: LM tone and categories, Fog, forward-looking sentences, numbers, non-answers, Q&A dynamics.

`measure(call)` is the pipeline stage. It only reads the Call (turns, participants and their roles,
exchanges) and returns a new Call with `measures` filled and every exchange's `non_answer` and
`non_answer_types` set. Counts are summed from sentences upward, so every level is exact.

Options (each documented where it acts):
- `lm_dictionary`: a newer official Master Dictionary CSV (else `CALLSCOPE_LM_DICTIONARY`, else the packaged copy);
- `lm_mode`: "reference" (LM's procedure unchanged, default) or "transcript" (`question(s)` not Negative,
  `will` not Strong_Modal, only the month `May` dropped; lexicon `lm_transcript_adjustments`);
- `non_answer_method`: "detector" (callscope's, default) or "glz" (the authors' any-pattern rule);
- `sentences`: include per-sentence records (flags and counts) in the output.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import msgspec

from .. import lexicons
from ..model import Call
from .counts import LMCounter, SentenceScorer
from .levels import Levels, SentenceRecord, sentence_dicts
from .lm import load_dictionary, resolve_path
from .nonanswers import glz
from .nonanswers.detector import model as detector_model
from .nonanswers.sentences import METHODS, decide, hits
from .qa import qa_measures
from .tokenize import sentence_spans

SCHEMA = "callscope.measures/1"
MANAGEMENT = frozenset({"executive"})

__all__ = ["METHODS", "SCHEMA", "measure"]


def measure(
    call: Call,
    *,
    lm_dictionary: str | os.PathLike[str] | None = None,
    lm_mode: str = "reference",
    non_answer_method: str = "detector",
    sentences: bool = True,
) -> Call:
    """The Call with `measures` and exchange non-answer flags filled in."""
    if non_answer_method not in METHODS:
        raise ValueError(f"non_answer_method must be one of {METHODS}, not {non_answer_method!r}")
    scorer = _scorer(resolve_path(lm_dictionary), lm_mode)
    layout = scorer.layout
    non_answer = layout.one["non_answer_sentences"]
    lm = scorer.lm.lm
    records: list[SentenceRecord] = []
    turn_records: dict[int, list[SentenceRecord]] = {}
    for turn in call.turns:
        manager = call.speaker_of(turn).role in MANAGEMENT
        rows = []
        for start, end in sentence_spans(turn.text):
            sentence = turn.text[start:end]
            packed = scorer.packed(sentence)
            h = hits(sentence) if manager else None
            if h is not None and h.hit:
                packed += non_answer
            rows.append(SentenceRecord(turn.index, (start, end), packed, h))
        turn_records[turn.index] = rows
        records.extend(rows)

    levels = Levels(call, records, layout)
    exchanges = []
    exchange_rows: list[dict[str, Any]] = []
    for k, ex in enumerate(call.exchanges):
        answer_hits = [
            r.hits or hits(call.turns[r.turn].text[r.span[0] : r.span[1]]) for t in ex.answer_turns for r in turn_records[t]
        ]
        flagged, types, probability = decide(answer_hits, non_answer_method)
        exchanges.append(msgspec.structs.replace(ex, non_answer=flagged, non_answer_types=types))
        exchange_rows.append(
            {
                "exchange": k,
                "analyst": ex.analyst,
                "non_answer": flagged,
                "non_answer_types": list(types),
                "non_answer_probability": probability,
                "question": levels.derived(levels.packed_turns(ex.question_turns)),
                "answer": levels.derived(levels.packed_turns(ex.answer_turns)),
            }
        )
    call = msgspec.structs.replace(call, exchanges=tuple(exchanges))
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "lexicons": _provenance(lm, non_answer_method),
        "options": {"lm_mode": lm_mode, "non_answer_method": non_answer_method},
        "call": levels.call_level(),
        "sections": levels.sections(),
        "roles": levels.roles(),
        "speakers": levels.speakers(),
        "exchanges": exchange_rows,
        "turns": levels.turns(),
        "qa": qa_measures(call, levels),
    }
    if sentences:
        out["sentences"] = sentence_dicts(records, layout)
    return msgspec.structs.replace(call, measures={**call.measures, **out})


@lru_cache(maxsize=8)
def _scorer(path: Path, mode: str) -> SentenceScorer:
    """One scorer per dictionary file and mode (building its word masks and token table is the costly part)."""
    return SentenceScorer(LMCounter(load_dictionary(path), mode))


def _provenance(lm: Any, method: str) -> dict[str, Any]:
    out = {
        "loughran_mcdonald": lm.describe(),
        "glz_nonanswers": glz.patterns().describe(),
        "forward_looking": lexicons.load("forward_looking").describe(),
        "abbreviations": lexicons.load("abbreviations").describe(),
    }
    if method == "detector":
        out["nonanswer_cues"] = lexicons.load("nonanswer_cues").describe()
        out["nonanswer_detector"] = detector_model().describe()
    return out
