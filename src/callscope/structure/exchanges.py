"""Pair each analyst's questions (and follow-ups) with management's answers.

An exchange runs from an analyst's first question until the next analyst or operator turn;
the same analyst speaking again before that is a follow-up within the exchange.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Exchange, Participant, Turn


def pair_exchanges(turns: Sequence[Turn], participants: Sequence[Participant]) -> tuple[Exchange, ...]:
    out: list[Exchange] = []
    analyst: int | None = None
    questions: list[int] = []
    answers: list[int] = []

    def close() -> None:
        if analyst is not None and questions:
            out.append(Exchange(analyst=analyst, question_turns=tuple(questions), answer_turns=tuple(answers)))

    for t in turns:
        if t.section != "qa":
            continue
        role = participants[t.speaker].role
        if role == "operator":
            close()
            analyst, questions, answers = None, [], []
        elif role == "analyst":
            if analyst != t.speaker:
                close()
                analyst, questions, answers = t.speaker, [], []
            questions.append(t.index)
        elif role == "executive" and analyst is not None:
            answers.append(t.index)
    close()
    return tuple(out)
