"""Plain `Name - Title` transcripts (also `Name - Company - Title`), one paragraph per line.

A label line is `Operator`, an unidentified speaker, or `Name - Title`; a bare name counts
as a label only when the same person appeared with a title elsewhere, so one-line answers
like "Okay." or "Correct." stay content.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec

from . import header
from .labels import is_name, is_operator, is_unidentified, normalise_name
from .lines import head_lines, segment, strip_lines
from .raw import RawTranscript, RawTurn
from .registry_types import reader

SEP = re.compile(r"\s+[-\u2013]\s+")
SEP_MARKS = ("-", "\u2013")  # every SEP match holds one of these (a test checks it)
_ANALYST = re.compile(r"\banalyst\b", re.I)
MAX_TITLE = 110


def split_label(line: str, sep: re.Pattern[str] = SEP) -> RawTurn | None:
    """`Name - Title` / `Name - Firm - Title` / `Operator` -> a turn header, else None."""
    s = line.strip().rstrip(":")
    if not s or len(s) > 160:
        return None
    if len(s) < 50:
        if is_operator(s):
            return RawTurn(name="Operator", role="operator")
        if is_unidentified(s):
            return RawTurn(name=s, role="unknown")
    first = sep.search(s)
    if first is None or first.start() > 60:  # a name comes first, and names are short
        return None
    parts = sep.split(s)
    if len(parts) < 2 or not is_name(parts[0]):
        return None
    rest = [p.strip() for p in parts[1:] if p.strip()]
    if not rest or len(" - ".join(rest)) > MAX_TITLE or _sentence_like(rest[-1]):
        return None
    title, firm = rest[-1], (" - ".join(rest[:-1]) or None)
    role = "analyst" if _ANALYST.search(title) else None
    return RawTurn(name=parts[0].strip(), title=title, firm=firm, role=role)


def _sentence_like(s: str) -> bool:
    return s.endswith(("?", "!")) or (s.endswith(".") and len(s.split()) >= 6)


def labelled_lines(text: str, sep: re.Pattern[str], marks: tuple[str, ...], fmt: str, skip=None) -> RawTranscript:  # type: ignore[no-untyped-def]
    """Shared parser for `Name<sep>Title` formats (plain dash, Motley Fool).

    `marks` are as for `label_share`: a line holding none cannot match `sep`, so only short lines
    (the operator, unidentified speakers) and lines holding a mark are offered to `split_label`.
    """
    lines = strip_lines(text)
    heads = {
        i: t
        for i, ln in enumerate(lines)
        if ln and len(ln) < 160 and (len(ln) < 40 or (_holds_mark(ln, marks) and sep.search(ln))) and (t := split_label(ln, sep)) is not None
    }
    titled = {normalise_name(t.name) for t in heads.values()}

    def label(ls: Sequence[str], i: int) -> tuple[RawTurn, int] | None:
        line = ls[i].strip()
        hit = heads.get(i)
        if hit is not None:
            return msgspec.structs.replace(hit), 1
        bare = line.rstrip(":")
        if len(bare) < 60 and normalise_name(bare) in titled and is_name(bare):
            return RawTurn(name=bare), 1
        return None

    turns = segment(lines, label, section_of=header.section_heading, skip=skip)
    raw = RawTranscript(source="", format=fmt, turns=turns)
    first = min(heads, default=0)
    header.fill_metadata(raw, lines[:first], [p for t in turns[:3] for p in t.paragraphs[:3]])
    return raw


def _holds_mark(line: str, marks: tuple[str, ...]) -> bool:
    """Whether `line` holds one of `marks` (substring tests are far cheaper than the `sep` search)."""
    return any(m in line for m in marks)


def label_share(text: str, sep: re.Pattern[str], marks: tuple[str, ...]) -> float:
    """Detection score for `Name<sep>Title` formats: how many short lines are such labels.

    `marks` are literal strings one of which every match of `sep` contains: a line holding none
    cannot match, so only lines holding one are searched.
    """
    lines = head_lines(text)
    hits = sum(1 for ln in lines if len(ln) < 160 and _holds_mark(ln, marks) and sep.search(ln) and split_label(ln, sep) is not None)
    if hits < 2:
        return 0.0  # whatever the operator lines add, two labels are needed
    ops = sum(1 for ln in lines if len(ln) < 40 and is_operator(ln))
    if hits + ops < 3:
        return 0.0
    return min(0.8, 0.3 + (hits + ops) / max(8.0, len(lines) * 0.15))


def parse(text: str, source: str) -> RawTranscript:
    raw = labelled_lines(text, SEP, SEP_MARKS, "dash")
    raw.source = source
    return raw


def sniff(text: str) -> float:
    return label_share(text, SEP, SEP_MARKS)


READER = reader(
    "dash",
    "Plain text with `Name - Title` speaker lines",
    "Operator\nWelcome to the call.\nJane Doe - CFO\nRevenue was $10 million.",
    sniff,
    parse,
    max_score=0.8,  # the highest score sniff() returns
)
