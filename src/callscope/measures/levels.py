"""Sentence records and their sums at every level: turn, speaker, role, section, exchange, call."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Call
from .counts import Layout, Tally, derive
from .nonanswers.detector import SentenceHits


@dataclass
class SentenceRecord:
    turn: int
    span: tuple[int, int]
    packed: int  # every count of the sentence (counts.Layout)
    hits: SentenceHits | None = None  # only for management sentences

    def to_dict(self, layout: Layout) -> dict[str, Any]:
        counts = layout.counts(self.packed)
        out: dict[str, Any] = {"turn": self.turn, "span": list(self.span), "words": counts[0]}
        out.update({c: n for c, n in zip(layout.categories, counts[1:], strict=False) if n})
        out["forward_looking"] = bool(counts[layout.forward_index])
        if self.hits is not None:
            out["non_answer"] = list(self.hits.types)
            if self.hits.glz:
                out["glz_patterns"] = list(self.hits.glz)
        return out


def sentence_dicts(records: Iterable[SentenceRecord], layout: Layout) -> list[dict[str, Any]]:
    """`[r.to_dict(layout) for r in records]`, the count fields copied from `Layout.record_fields`' memo."""
    fields = layout.record_fields
    out: list[dict[str, Any]] = []
    for r in records:
        d: dict[str, Any] = {"turn": r.turn, "span": [*r.span], **fields(r.packed)}
        h = r.hits
        if h is not None:
            d["non_answer"] = [*h.types]
            if h.glz:
                d["glz_patterns"] = [*h.glz]
        out.append(d)
    return out


class Levels:
    """Groups sentence counts and derives the measures of each group (sums of packed ints, read once per group)."""

    def __init__(self, call: Call, records: list[SentenceRecord], layout: Layout) -> None:
        self.call, self.layout, self.categories = call, layout, layout.categories
        packed = dict.fromkeys((t.index for t in call.turns), 0)
        for r in records:
            packed[r.turn] += r.packed
        self.turn_packed = packed
        self.turn_tally = {i: layout.tally(p) for i, p in packed.items()}

    def sum_turns(self, turns: Iterable[int]) -> Tally:
        return self.layout.tally(sum(map(self.turn_packed.__getitem__, turns)))

    def measures(self, tally: Tally) -> dict[str, Any]:
        return derive(tally, self.categories)

    def grouped(self, key: Callable[[int], Any]) -> dict[Any, Tally]:
        groups: dict[Any, int] = {}
        for t in self.call.turns:
            k = key(t.index)
            groups[k] = groups.get(k, 0) + self.turn_packed[t.index]
        return {k: self.layout.tally(v) for k, v in groups.items()}

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
