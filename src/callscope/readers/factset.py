"""FactSet CallStreet transcripts as PDF text ("Corrected Transcript").

Every page repeats a furniture block (company and ticker, event title, "Corrected Transcript",
date, 1-877-FACTSET, page number, copyright) that can land mid-paragraph, so those exact lines
are learnt from the first page and dropped everywhere. Speakers are a name line then a
`Title, Firm` line (in Q&A ending in a ` Q` / ` A` marker), the operator is inline
(`Operator: text`), and dotted rules separate turns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import header
from .labels import is_name, is_operator, is_unidentified, normalise_name
from .lines import RULE, segment, strip_lines
from .raw import RawParticipant, RawTranscript, RawTurn
from .registry_types import reader

_FIXED = re.compile(
    r"^(?:Corrected Transcript|Raw Transcript|Formatted Report|1-877-FACTSET.*|Total Pages: \d+|Copyright ©.*FactSet.*|\d{1,3}|"
    r"\d{1,2}-[A-Z][a-z]{2}-\d{4}|www\.callstreet\.com)$"
)
_COMPANY = re.compile(r"^(.+?) \(([A-Z][A-Z0-9.]{0,9})\)$")
_LISTS = {"CORPORATE PARTICIPANTS": "executive", "OTHER PARTICIPANTS": "analyst", "MANAGEMENT": "executive"}
_QA_MARK = re.compile(r"\s+([QA])$")
_QA_ENDS = ("Q", "A", "Q\n", "A\n")  # how a string _QA_MARK finds a mark in ends (`$` also matches before a final newline)
_INLINE = re.compile(r"^(Operator|Unidentified (?:Participant|Analyst|Company Representative))\s*:\s*(.*)$")
_CONTINUES = re.compile(r"(?:[,&\-]|\b(?:of|and|for|the))$")


_TITLE_START = re.compile(
    r"^(?:Analyst|Research Analyst|Equity Analyst|Managing Director|Director|(?:Senior |Executive |Group )?Vice President|Senior|"
    r"Partner|Principal|Head|MD|VP|SVP|EVP|Associate|Portfolio Manager|Chief|President|Executive|Founder|Co-Founder|Chairman|"
    r"Chair|CEO|CFO|COO|CTO|General Counsel|Treasurer|Controller|Investor Relations|Strategist|Economist)\b"
)
_FIRM_END = re.compile(r"\b(?:Inc|LLC|Ltd|Co|Corp|Corporation|Company|Group|plc|LP|LLP|AG|SA|NV|Securities|Capital|Partners|Bank|Research|Markets)\.?$", re.I)


def _split_title(line: str, issuer: str | None, role: str | None = None) -> tuple[str | None, str | None]:
    """`Title, Firm` -> (title, firm).

    The issuer's name as a suffix settles it; otherwise the first comma splits a title-looking head
    from the firm. "Formatted Report" lists print only a title (executives) or only a firm (others).
    """
    s = _QA_MARK.sub("", line).strip()
    if not s:
        return None, None
    if issuer and s.endswith(issuer) and len(s) > len(issuer):
        return s[: -len(issuer)].rstrip(" ,") or None, issuer
    head, sep, rest = s.partition(", ")
    if sep and _TITLE_START.match(head):
        if role == "executive" and not _FIRM_END.search(rest) and not (issuer and rest.split()[0] == issuer.split()[0]):
            return s, None  # "President, Chief Executive Officer & Director"
        return head, rest
    if _TITLE_START.match(s) and not _FIRM_END.search(s):
        return s, None
    return None, s


def _furniture(lines: Sequence[str]) -> tuple[set[str], str | None, str | None, str | None]:
    """Learn the page-block lines (company line, event title) from the first page."""
    company = ticker = title = None
    block: set[str] = set()
    for i, ln in enumerate(lines[:40]):
        m = _COMPANY.match(ln)
        if m:
            company, ticker = m.group(1), m.group(2)
            block.add(ln)
            if i + 1 < len(lines) and lines[i + 1] and not _FIXED.match(lines[i + 1]):
                title = lines[i + 1]
                block.add(title)
            break
    return block, company, ticker, title


def _participants(lines: Sequence[str], issuer: str | None, skip) -> tuple[list[RawParticipant], int]:  # type: ignore[no-untyped-def]
    out: list[RawParticipant] = []
    role: str | None = None
    entry: list[str] = []

    def flush() -> None:
        if entry and role:
            title, firm = _split_title(" ".join(entry[1:]), issuer, role)
            if role == "executive" and firm is None:
                firm = issuer  # "Formatted Report" lists omit the issuer
            out.append(RawParticipant(name=entry[0], title=title, firm=firm, role=role))  # type: ignore[arg-type]

    for i, ln in enumerate(lines):
        if header.section_heading(ln):
            flush()
            return out, i
        if ln in _LISTS:
            flush()
            entry, role = [], _LISTS[ln]
            continue
        if role is None or not ln or skip(ln) or RULE.match(ln):
            continue
        if entry and len(entry) > 1 and not _CONTINUES.search(entry[-1]) and is_name(ln):
            flush()
            entry = []
        if not entry and not is_name(ln):
            continue
        entry.append(ln)
    flush()
    return out, 0


def _qa_mark(s: str) -> re.Match[str] | None:
    """`_QA_MARK.search(s)`, without scanning lines that cannot end in a Q/A mark (most of them)."""
    return _QA_MARK.search(s) if s.endswith(_QA_ENDS) else None


def parse(text: str, source: str) -> RawTranscript:
    lines = strip_lines(text)
    cut = next((i for i, ln in enumerate(lines) if ln == "Disclaimer"), len(lines))
    lines = lines[:cut]
    block, company, ticker, title = _furniture(lines)

    def skip(ln: str) -> bool:
        return ln in block or bool(_FIXED.match(ln))

    people, start = _participants(lines, company, skip)
    by_name = {normalise_name(p.name): p for p in people}
    body: list[str] = []
    for ln in lines[start:]:
        m = _INLINE.match(ln)
        if m:
            body += [m.group(1), m.group(2)]  # `Operator: text` -> label line + text
        else:
            body.append(ln)

    def next_text(ls: Sequence[str], i: int) -> int:
        j = i + 1
        while j < len(ls) and (not ls[j] or skip(ls[j])):
            j += 1
        return j

    def label(ls: Sequence[str], i: int) -> tuple[RawTurn, int] | None:
        s = ls[i]
        if is_operator(s):
            return RawTurn(name="Operator", role="operator"), 1
        m = _qa_mark(s)
        if m and len(s) < 60 and (is_name(s[: m.start()]) or is_unidentified(s[: m.start()])):
            # "Raw Transcript" prints `Name Q` / `Name A` on one line
            nm = s[: m.start()]
            p = by_name.get(normalise_name(nm))
            if p is not None:
                return RawTurn(name=p.name, title=p.title, firm=p.firm, role=p.role), 1
            return RawTurn(name=nm, role="analyst" if m.group(1) == "Q" else None), 1
        if len(s) > 60 or not (is_name(s) or is_unidentified(s)):
            return None
        j = next_text(ls, i)
        nxt = ls[j] if j < len(ls) else ""
        p = by_name.get(normalise_name(s))
        marked = _qa_mark(nxt) is not None
        if p is None and not marked:
            return None
        t_title, t_firm = _split_title(nxt, company)
        is_title = marked or (p is not None and bool(p.title) and t_title == p.title)
        if p is not None:
            return RawTurn(name=p.name, title=p.title, firm=p.firm, role=p.role), (j - i + 1 if is_title else 1)
        return RawTurn(name=s, title=t_title, firm=t_firm, role="unknown" if is_unidentified(s) else None), j - i + 1

    turns = segment(body, label, section_of=header.section_heading, skip=skip, wrapped=True)
    raw = RawTranscript(source=source, format="factset", company=company, ticker=ticker, title=title, participants=people, turns=turns)
    date = next((ln for ln in lines[:20] if re.match(r"^\d{1,2}-[A-Z][a-z]{2}-\d{4}$", ln)), None)
    raw.date = header.find_date(date) if date else None
    header.fill_metadata(raw, [title or ""] + [p for t in turns[:2] for p in t.paragraphs[:2]])
    return raw


def sniff(text: str) -> float:
    head = text[:100_000]
    n = len(re.findall(r"Copyright © \d{4}(?:-\d{4})? FactSet CallStreet", head))
    if n >= 1 and re.search(r"^(?:CORPORATE PARTICIPANTS|MANAGEMENT DISCUSSION SECTION|QUESTION AND ANSWER SECTION)$", head, re.M):
        return 0.95
    return 0.4 if n else 0.0


READER = reader(
    "factset",
    "FactSet CallStreet PDF text: page furniture, `Name` then `Title, Firm` labels, inline `Operator:`",
    "MANAGEMENT DISCUSSION SECTION\nOperator: Welcome.\nJane Doe\nChief Financial Officer, Northwind Robotics, Inc.\nRevenue grew.",
    sniff,
    parse,
    max_score=0.95,  # the highest score sniff() returns
)
