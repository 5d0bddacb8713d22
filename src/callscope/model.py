"""The call model: one immutable `Call` that every pipeline stage reads and returns.

msgspec Structs are frozen (stages return new Calls via `msgspec.structs.replace`) and
encode straight to JSON, which keeps `callscope parse --json` fast on large corpora.
`Call.to_dict()` is the JSON contract described in the design document.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

SCHEMA = "callscope.call/1"

Role = Literal["operator", "executive", "analyst", "unknown"]
Section = Literal["presentation", "qa"]


class CallInfo(msgspec.Struct, frozen=True, kw_only=True):
    """Header metadata: where the call came from and what it is about."""

    source: str
    format: str
    company: str | None = None
    ticker: str | None = None
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    fiscal_period: str | None = None  # "Q2 2007"
    language: str = "en"


class Participant(msgspec.Struct, frozen=True, kw_only=True):
    """One person on the call, however many name variants the transcript used."""

    id: int
    name: str
    title: str | None = None
    firm: str | None = None
    role: Role = "unknown"
    aliases: tuple[str, ...] = ()
    introduced_as: str | None = None  # the name the operator announced for an unidentified speaker


class Turn(msgspec.Struct, frozen=True, kw_only=True):
    """One uninterrupted stretch of speech by one participant."""

    index: int
    speaker: int
    section: Section
    text: str


class Exchange(msgspec.Struct, frozen=True, kw_only=True):
    """An analyst's question (with follow-ups) and management's answers to it."""

    analyst: int
    question_turns: tuple[int, ...]
    answer_turns: tuple[int, ...]
    non_answer: bool = False
    non_answer_types: tuple[str, ...] = ()


class Call(msgspec.Struct, frozen=True, kw_only=True):
    """A structured earnings call; later stages fill facts, guidance and measures."""

    call: CallInfo
    participants: tuple[Participant, ...] = ()
    turns: tuple[Turn, ...] = ()
    exchanges: tuple[Exchange, ...] = ()
    facts: tuple[dict[str, Any], ...] = ()
    guidance: tuple[dict[str, Any], ...] = ()
    measures: dict[str, Any] = {}
    warnings: tuple[str, ...] = ()

    # ----- convenience views (derived, never stored) -----
    def participant(self, pid: int) -> Participant:
        return self.participants[pid]

    def speaker_of(self, turn: Turn | int) -> Participant:
        t = self.turns[turn] if isinstance(turn, int) else turn
        return self.participants[t.speaker]

    def by_role(self, role: Role) -> list[Participant]:
        return [p for p in self.participants if p.role == role]

    @property
    def analysts(self) -> list[Participant]:
        return self.by_role("analyst")

    @property
    def executives(self) -> list[Participant]:
        return self.by_role("executive")

    def section_turns(self, section: Section) -> list[Turn]:
        return [t for t in self.turns if t.section == section]

    @property
    def text(self) -> str:
        return "\n\n".join(t.text for t in self.turns)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: plain dicts, lists, strings and numbers."""
        out: dict[str, Any] = {"schema": SCHEMA}
        out.update(msgspec.to_builtins(self))
        return out

    def to_json(self) -> bytes:
        return _ENCODER.encode(self.to_dict())


_ENCODER = msgspec.json.Encoder()
