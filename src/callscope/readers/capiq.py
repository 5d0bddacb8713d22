"""S&P Capital IQ / S&P Global Market Intelligence transcript exports (PDF text).

The export opens with consensus-estimate tables and a table of contents, then a Call
Participants page (EXECUTIVES / ANALYSTS: a name line, then title or firm lines wrapped to a
narrow column), then Presentation and Question and Answer. In the body each speaker is a name
line followed by the same title/firm on one line. A list line is taken as a name only if that
line also stands alone in the body, which keeps wrapped titles ("Investor Relations") from
becoming people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import header
from .labels import is_name, is_operator, is_unidentified, normalise_name
from .lines import SENTENCE_END, segment, strip_lines
from .raw import RawParticipant, RawTranscript, RawTurn
from .registry_types import reader
from .vocab import is_title_word

_FURNITURE = re.compile(
    r"^(?:COPYRIGHT ©.*|Copyright ©.*S&P Global.*|spglobal\.com/marketintelligence(?: \d+)?|\d{1,3}|Contents|"
    r".+ EARNINGS CALL \| [A-Z]{3} \d{1,2}, \d{4}|.+ \| [A-Z]{3} \d{1,2}, \d{4})$",
    re.I,
)
_LISTS = {"EXECUTIVES": "executive", "ANALYSTS": "analyst", "ATTENDEES": "unknown", "SHAREHOLDERS": "unknown"}
_EXCHANGE = re.compile(r"^(.+?)\s+(?:Nasdaq\w*|NYSE\w*|AMEX|TSX|LSE|OTC\w*|BATS\w*):([A-Z][A-Z0-9.]*)$")


def is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line))


def _person(line: str) -> bool:
    """A name, not a title that happens to be capitalised like one ("Chief Financial Officer")."""
    if is_unidentified(line):
        return True
    return is_name(line) and not is_title_word(line.split()[0])


def parse(text: str, source: str) -> RawTranscript:
    lines = strip_lines(text)
    cut = next((i for i, ln in enumerate(lines) if i > 50 and ln.startswith("Copyright ©") and " by S&P Global" in ln), len(lines))
    lines = lines[:cut]
    start = next((i for i, ln in enumerate(lines) if ln == "Call Participants"), 0)
    body_start = next((i for i in range(start, len(lines)) if header.section_heading(lines[i])), start)
    body = lines[body_start:]
    standalone = {ln for ln in body if ln and len(ln) < 60}

    company = ticker = title = None
    for ln in lines[:15]:
        m = _EXCHANGE.match(ln)
        if m and company is None:
            company, ticker = m.group(1), m.group(2)
        elif company and title is None and re.search(r"\bCall\b|\bConference\b|\bPresentation\b", ln):
            title = re.sub(r"\s+Transcripts?$", "", ln)

    people: list[RawParticipant] = []
    role: str | None = None
    entry: list[str] = []

    def flush() -> None:
        if entry and role:
            rest = " ".join(entry[1:]) or None
            if role == "executive":
                people.append(RawParticipant(name=entry[0], title=rest, firm=company, role="executive"))
            else:
                people.append(RawParticipant(name=entry[0], firm=rest, role=role))  # type: ignore[arg-type]

    for ln in lines[start:body_start]:
        if ln in _LISTS:
            flush()
            entry, role = [], _LISTS[ln]
            continue
        if role is None or not ln or is_furniture(ln):
            continue
        # a name line is always followed by at least one title/firm line
        if ln in standalone and _person(ln) and len(entry) != 1 and not (entry and entry[-1].endswith(("&", ","))):
            flush()
            entry = [ln]
        elif entry:
            entry.append(ln)
    flush()
    by_name = {normalise_name(p.name): p for p in people}

    def label(ls: Sequence[str], i: int) -> tuple[RawTurn, int] | None:
        s = ls[i]
        if len(s) > 60:
            return None
        j = i + 1
        while j < len(ls) and (not ls[j] or is_furniture(ls[j])):
            j += 1
        nxt = ls[j] if j < len(ls) else ""
        titled = bool(nxt) and len(nxt) < 100 and not SENTENCE_END.search(nxt) and normalise_name(nxt) not in by_name
        if is_operator(s):
            return RawTurn(name="Operator", role="operator"), 1
        p = by_name.get(normalise_name(s))
        if p is not None:
            return RawTurn(name=p.name, title=p.title, firm=p.firm, role=p.role), (j - i + 1 if titled else 1)
        if (is_unidentified(s) or (is_name(s) and len(s.split()) >= 2)) and titled:
            return RawTurn(name=s, title=nxt, role="unknown" if is_unidentified(s) else None), j - i + 1
        return None

    turns = segment(body, label, section_of=header.section_heading, skip=is_furniture, wrapped=True)
    raw = RawTranscript(source=source, format="capiq", company=company, ticker=ticker, title=title, participants=people, turns=turns)
    header.fill_metadata(raw, lines[:15] + [p for t in turns[:2] for p in t.paragraphs[:2]])
    return raw


def sniff(text: str) -> float:
    head = text[:100_000]
    if re.search(r"S&P Global Market Intelligence|S&P Capital IQ", head) and re.search(r"^Call Participants$", head, re.M):
        return 0.95
    return 0.0


READER = reader(
    "capiq",
    "S&P Capital IQ / Market Intelligence exports: Call Participants lists, name line then title/firm line",
    "Call Participants\nEXECUTIVES\nJane Doe\nChief Financial Officer\nPresentation\nJane Doe\nChief Financial Officer\nRevenue grew.",
    sniff,
    parse,
    max_score=0.95,  # the highest score sniff() returns
)
