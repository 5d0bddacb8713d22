"""Refinitiv text: CORPORATE / CONFERENCE CALL PARTICIPANTS lists, then PRESENTATION and
QUESTIONS AND ANSWERS where each turn starts with a `Name` line and a `Company - Title` line.

The participant lists say exactly which lines are names, so a label is a listed name (or the
operator, or an unidentified voice) on its own line; body lines are hard-wrapped and re-joined.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import header
from .labels import is_name, is_operator, is_unidentified, normalise_name
from .lines import segment, strip_lines
from .raw import RawParticipant, RawTranscript, RawTurn
from .registry_types import reader

LIST_HEAD = re.compile(r"^(CORPORATE PARTICIPANTS|CONFERENCE CALL PARTICIPANTS)$")
AFFILIATION = re.compile(r"^(?P<firm>[^\s].{1,120}?)\s+-\s+(?P<title>.{1,120})$")


def _participants(lines: Sequence[str]) -> tuple[list[RawParticipant], int]:
    """The header lists and the index where the transcript proper starts."""
    out: list[RawParticipant] = []
    role = None
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if LIST_HEAD.match(s):
            role = "executive" if s.startswith("CORPORATE") else "analyst"
        elif header.section_heading(s):
            return out, i
        elif role and s and is_name(s):
            aff = AFFILIATION.match(lines[i + 1].strip()) if i + 1 < len(lines) else None
            out.append(
                RawParticipant(name=s, firm=aff.group("firm") if aff else None, title=aff.group("title") if aff else None, role=role)  # type: ignore[arg-type]
            )
            i += 2 if aff else 1
            continue
        i += 1
    return out, 0


def parse(text: str, source: str) -> RawTranscript:
    lines = strip_lines(text)
    listed, start = _participants(lines)
    names = {normalise_name(p.name) for p in listed}

    def label(ls: Sequence[str], i: int) -> tuple[RawTurn, int] | None:
        s = ls[i].strip()
        if len(s) > 80 or (i > 0 and ls[i - 1].strip()):
            return None  # a label always follows a blank line
        nxt = ls[i + 1].strip() if i + 1 < len(ls) else ""
        aff = AFFILIATION.match(nxt)
        if is_operator(s):
            return RawTurn(name="Operator", role="operator"), 1
        known = normalise_name(s) in names
        if known or is_unidentified(s) or (aff and is_name(s)):
            role = "unknown" if is_unidentified(s) else None
            if aff:
                return RawTurn(name=s, firm=aff.group("firm"), title=aff.group("title"), role=role), 2  # type: ignore[arg-type]
            return RawTurn(name=s, role=role), 1  # type: ignore[arg-type]
        return None

    raw = RawTranscript(source=source, format="refinitiv", participants=listed)
    raw.turns = segment(lines[start:], label, section_of=header.section_heading, wrapped=True)
    header.fill_metadata(raw, [], [p for t in raw.turns[:3] for p in t.paragraphs[:3]])
    return raw


def sniff(text: str) -> float:
    head = text[:20_000]
    if "CORPORATE PARTICIPANTS" not in head:  # the regex below needs this line; a substring test turns most text away
        return 0.0
    if re.search(r"^CORPORATE PARTICIPANTS\s*$", head, re.M) and re.search(r"^PRESENTATION\s*$", text, re.M):
        if "THOMSON REUTERS" in head or "Thomson Reuters" in head:
            return 0.5  # the PDF rendering: page furniture, names and firms on one line
        return 0.9
    return 0.0


READER = reader(
    "refinitiv",
    "Refinitiv text: participant lists, `Name` line then `Company - Title` line, PRESENTATION / QUESTIONS AND ANSWERS",
    "CORPORATE PARTICIPANTS\n \nJane Doe\nNorthwind Corp. - CFO\nPRESENTATION\n \nOperator\nWelcome.",
    sniff,
    parse,
    max_score=0.9,  # the highest score sniff() returns
)
