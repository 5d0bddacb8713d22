"""Sentence records and their sums at every level: turn, speaker, role, section, exchange, call."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Call
from .counts import Tally, add, derive
from .nonanswers.detector import SentenceHits


@dataclass
class SentenceRecord:
    turn: int
    span: tuple[int, int]
    tally: Tally
    hits: SentenceHits | None = None  # only for management sentences

    def to_dict(self, categories: Iterable[str]) -> dict[str, Any]:
        out: dict[str, Any] = {"turn": self.turn, "span": list(self.span), "words": self.tally.get("words", 0)}
        out.update({c: self.tally[c] for c in categories if self.tally.get(c)})
        out["forward_looking"] = bool(self.tally.get("forward_looking"))
        if self.hits is not None:
            out["non_answer"] = list(self.hits.types)
            if self.hits.glz:
                out["glz_patterns"] = list(self.hits.glz)
        return out


class Levels:
    """Groups sentence tallies and derives the measures of each group."""

    def __init__(self, call: Call, records: list[SentenceRecord], categories: tuple[str, ...]) -> None:
        self.call, self.categories = call, categories
        self.by_turn: dict[int, list[Tally]] = defaultdict(list)
        for r in records:
            self.by_turn[r.turn].append(r.tally)
        self.turn_tally = {t.index: add(self.by_turn.get(t.index, ())) for t in call.turns}

    def sum_turns(self, turns: Iterable[int]) -> Tally:
        return add(self.turn_tally[i] for i in turns)

    def measures(self, tally: Tally) -> dict[str, Any]:
        return derive(tally, self.categories)

    def grouped(self, key: Callable[[int], Any]) -> dict[Any, Tally]:
        groups: dict[Any, list[Tally]] = defaultdict(list)
        for t in self.call.turns:
            groups[key(t.index)].append(self.turn_tally[t.index])
        return {k: add(v) for k, v in groups.items()}

    def call_level(self) -> dict[str, Any]:
        return self.measures(self.sum_turns(self.turn_tally))

    def sections(self) -> dict[str, Any]:
        g = self.grouped(lambda i: self.call.turns[i].section)
        return {s: self.measures(g.get(s, {})) for s in ("presentation", "qa")}

    def roles(self) -> dict[str, Any]:
        g = self.grouped(lambda i: self.call.speaker_of(i).role)
        return {r: self.measures(t) for r, t in sorted(g.items())}

    def speakers(self) -> list[dict[str, Any]]:
        g = self.grouped(lambda i: self.call.turns[i].speaker)
        out = []
        for pid, tally in sorted(g.items()):
            p = self.call.participants[pid]
            out.append(
                {
                    "participant": pid,
                    "name": p.name,
                    "role": p.role,
                    "turns": sum(1 for t in self.call.turns if t.speaker == pid),
                    **self.measures(tally),
                }
            )
        return out

    def turns(self) -> list[dict[str, Any]]:
        return [
            {"turn": t.index, "speaker": t.speaker, "section": t.section, **self.measures(self.turn_tally[t.index])}
            for t in self.call.turns
        ]
