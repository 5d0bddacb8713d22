"""What a reader produces: speaker-labelled turns and header metadata, nothing resolved yet.

Readers only say what the text says (a label, a title, a firm, a section heading, a participant
list); deciding who is who is the structure stage's job.
"""

from __future__ import annotations

from typing import Literal

import msgspec

RoleHint = Literal["operator", "executive", "analyst", "unknown"]
SectionHint = Literal["presentation", "qa"]


class RawParticipant(msgspec.Struct, kw_only=True):
    """An entry of a participant list printed in the transcript header."""

    name: str
    title: str | None = None
    firm: str | None = None
    role: RoleHint | None = None


class RawTurn(msgspec.Struct, kw_only=True):
    """One speaker label and the paragraphs that follow it."""

    name: str
    title: str | None = None
    firm: str | None = None
    role: RoleHint | None = None
    section: SectionHint | None = None  # set only where the transcript marks the section
    paragraphs: list[str] = []


class RawTranscript(msgspec.Struct, kw_only=True):
    source: str
    format: str
    company: str | None = None
    ticker: str | None = None
    title: str | None = None
    date: str | None = None
    fiscal_period: str | None = None
    participants: list[RawParticipant] = []
    turns: list[RawTurn] = []
    warnings: list[str] = []
