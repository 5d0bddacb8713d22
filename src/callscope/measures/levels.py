"""Sentence records and their sums at every level: turn, speaker, role, section, exchange, call."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Call
from .counts import Layout
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
    """Groups sentence counts and derives the measures of each group (sums of packed ints, read once per group).

    Measures are derived once per distinct packed sum: a one-turn question or answer repeats its turn's.
    """

    def __init__(self, call: Call, records: list[SentenceRecord], layout: Layout) -> None:
        self.call, self.layout, self.categories = call, layout, layout.categories
        packed = dict.fromkeys((t.index for t in call.turns), 0)
        for r in records:
            packed[r.turn] += r.packed
        self.turn_packed = packed
        self._derived: dict[int, dict[str, Any]] = {}

    def packed_turns(self, turns: Iterable[int]) -> int:
        """The packed sum of these turns' counts."""
        return sum(map(self.turn_packed.__getitem__, turns))

    def derived(self, packed: int) -> dict[str, Any]:
        """The measures of the turns whose packed sum is `packed`, a new dict each time (the output must not share dicts)."""
        return self.shared(packed).copy()

    def shared(self, packed: int) -> dict[str, Any]:
        """`derived(packed)` without the copy: for reading, or spreading into a new dict."""
        out = self._derived.get(packed)
        if out is None:
            out = self._derived[packed] = self.layout.derive(packed)
        return out

    def grouped_packed(self, key: Callable[[int], Any]) -> dict[Any, int]:
        groups: dict[Any, int] = {}
        for t in self.call.turns:
            k = key(t.index)
            groups[k] = groups.get(k, 0) + self.turn_packed[t.index]
        return groups

    def call_level(self) -> dict[str, Any]:
        return self.derived(sum(self.turn_packed.values()))

    def sections(self) -> dict[str, Any]:
        g = self.grouped_packed(lambda i: self.call.turns[i].section)
        return {s: self.derived(g.get(s, 0)) for s in ("presentation", "qa")}

    def roles(self) -> dict[str, Any]:
        g = self.grouped_packed(lambda i: self.call.speaker_of(i).role)
        return {r: self.derived(p) for r, p in sorted(g.items())}

    def speakers(self) -> list[dict[str, Any]]:
        g = self.grouped_packed(lambda i: self.call.turns[i].speaker)
        out = []
        for pid, packed in sorted(g.items()):
            p = self.call.participants[pid]
            out.append(
                {
                    "participant": pid,
                    "name": p.name,
                    "role": p.role,
                    "turns": sum(1 for t in self.call.turns if t.speaker == pid),
                    **self.shared(packed),
                }
            )
        return out

    def turns(self) -> list[dict[str, Any]]:
        shared = self.shared
        packed = self.turn_packed
        return [
            {"turn": t.index, "speaker": t.speaker, "section": t.section, **shared(packed[t.index])}
            for t in self.call.turns
        ]
