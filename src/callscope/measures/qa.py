"""Q&A dynamics: presentation vs Q&A length, analysts, questions and follow-ups, who talks, who is upbeat."""

from __future__ import annotations

from typing import Any

from ..model import Call
from .counts import ratio
from .levels import Levels


def qa_measures(call: Call, levels: Levels) -> dict[str, Any]:
    """Call-level Q&A figures; words here are `all_words` (every word with a letter), the natural length."""
    sections = levels.grouped_packed(lambda i: call.turns[i].section)
    pres_words = levels.shared(sections.get("presentation", 0))["all_words"]
    qa_words = levels.shared(sections.get("qa", 0))["all_words"]
    qa_turns = [t.index for t in call.turns if t.section == "qa"]
    by_role = {
        role: levels.shared(levels.packed_turns(i for i in qa_turns if call.speaker_of(i).role == role))
        for role in ("executive", "analyst")
    }
    exec_words = by_role["executive"]["all_words"]
    analyst_words = by_role["analyst"]["all_words"]
    tone = {role: m["net_tone"] for role, m in by_role.items()}
    flagged = sum(1 for e in call.exchanges if e.non_answer)
    out: dict[str, Any] = {
        "presentation_words": pres_words,
        "qa_words": qa_words,
        "qa_share_of_words": ratio(qa_words, pres_words + qa_words),
        "analysts": len({e.analyst for e in call.exchanges}),
        "questions": len(call.exchanges),
        "follow_ups": sum(max(0, len(e.question_turns) - 1) for e in call.exchanges),
        "question_marks": sum(call.turns[i].text.count("?") for e in call.exchanges for i in e.question_turns),
        "management_share_of_qa_words": ratio(exec_words, exec_words + analyst_words),
        "analyst_net_tone": tone["analyst"],
        "management_net_tone": tone["executive"],
        "management_minus_analyst_tone": None if None in tone.values() else tone["executive"] - tone["analyst"],
        "non_answers": flagged,
        "non_answer_share": ratio(flagged, len(call.exchanges)),
    }
    return out
