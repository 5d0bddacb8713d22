"""StreetEvents text: `====` section rules and `Name,  Company - Title    [n]` speaker headers.

The bracketed turn number after a run of spaces, framed by `----` rules, is unambiguous, so
labels are read exactly; participant lists at the top give titles and firms of silent people.
Event briefs (`PRESENTATION SUMMARY`, no speaker headers) become one unlabelled turn.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import header
from .labels import is_operator, is_unidentified
from .lines import RULE, paragraphs, segment, strip_lines
from .raw import RawParticipant, RawTranscript, RawTurn
from .registry_types import reader

HEAD = re.compile(r"^(?P<who>\S.*?)\s{2,}\[(?P<n>\d+)\]\s*$")
_LIST_HEAD = re.compile(r"^(corporate participants|conference call particip\w*)$", re.I)


def split_who(who: str) -> RawTurn:
    """`Name,  Company - Title` -> RawTurn(name, firm, title); `Operator` -> operator."""
    name, firm, title = who.strip(), None, None
    if ",  " in who:
        name, rest = who.split(",  ", 1)
        firm, _, title = rest.partition(" - ")
        firm = firm.strip(" -") or None
        title = title.strip() or None
    name = name.strip()
    role = "operator" if is_operator(name) else "unknown" if is_unidentified(name) else None
    return RawTurn(name=name, firm=firm, title=title, role=role)  # type: ignore[arg-type]


def _label(lines: Sequence[str], i: int) -> tuple[RawTurn, int] | None:
    s = lines[i].strip()
    # HEAD ends in `\]\s*$`, so a stripped line it matches ends in "]"; the lazy scan is skipped for the rest
    m = HEAD.match(s) if s.endswith("]") else None
    if not m or i == 0 or not RULE.match(lines[i - 1].strip() or "x"):
        return None
    return split_who(m.group("who")), 1


def _participants(lines: list[str]) -> list[RawParticipant]:
    out: list[RawParticipant] = []
    role: str | None = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if _LIST_HEAD.match(s):
            role = "executive" if s.lower().startswith("corporate") else "analyst"
            continue
        if role and header.section_heading(s):
            break
        if role and s.startswith("* "):
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            firm, _, title = nxt.partition(" - ")
            out.append(RawParticipant(name=s[2:].strip(), firm=firm.strip() or None, title=title.strip() or None, role=role))  # type: ignore[arg-type]
    return out


def _section(line: str) -> str | None:
    s = line.strip()
    return header.section_heading(s) if s in ("Presentation", "Questions and Answers", "PRESENTATION", "QUESTIONS AND ANSWERS") else None


def parse(text: str, source: str) -> RawTranscript:
    lines = strip_lines(text)
    raw = RawTranscript(source=source, format="streetevents", participants=_participants(lines))
    raw.turns = segment(lines, _label, section_of=_section)
    if not raw.turns:  # an event brief: keep its text as one unlabelled turn
        body = [ln for ln in lines[2:] if not RULE.match(ln)]
        raw.turns = [RawTurn(name="Unidentified Speaker", role="unknown", section="presentation", paragraphs=paragraphs(body))]
    head = [ln for ln in lines[:3] if ln]
    raw.title = head[0] if head else None
    header.fill_metadata(raw, head, [p for t in raw.turns[:3] for p in t.paragraphs[:2]])
    return raw


def _may_hold_headers(head: str) -> bool:
    """Whether any line of `head` ends in "]", as a speaker header does.

    Without one only the first 50 lines (the rules) matter, so most text is neither split whole
    nor walked line by line.
    """
    return "]\n" in head or head.endswith("]")


def sniff(text: str) -> float:
    """`Name    [n]` speaker headers under rules, or `=====` rules and a StreetEvents section heading."""
    head = text[:40_000]
    if _may_hold_headers(head):
        lines = head.split("\n")
        heads = (i for i, ln in enumerate(lines[1:], 1) if ln.endswith("]") and HEAD.match(ln.strip()) and RULE.match(lines[i - 1].strip() or "x"))
        if next(heads, None) is not None and next(heads, None) is not None:
            return 0.95  # two headers decide it: the rest of the text is not walked
    else:
        lines = head.split("\n", 50)
    rules = sum(1 for ln in lines[:50] if ln.startswith("====="))
    if rules >= 2 and re.search(r"^(PRESENTATION SUMMARY|Presentation|Corporate Participants)\s*$", text, re.M):
        return 0.9
    return 0.0


READER = reader(
    "streetevents",
    "StreetEvents text: `====` rules, `Name,  Company - Title    [n]` headers",
    "Q2 2019 Northwind Earnings Call\n=====\nPresentation\n-----\nOperator    [1]\n-----\n  Welcome.",
    sniff,
    parse,
    max_score=0.95,  # the highest score sniff() returns
)
