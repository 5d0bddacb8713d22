"""StreetEvents (Thomson Reuters / Refinitiv) transcripts as PDF text.

Text extracted from the PDF keeps every page's furniture (the STREETEVENTS banner, the
"Republication or redistribution" notice, a running date/title header, page numbers), hard
wraps every line, and prints participants as `Name Company - Title` with nothing between the
name and the company. Body labels repeat that exact line (Refinitiv) or add a separator
(`Name - Company - Title`, Thomson Reuters). The participant list is therefore the key: a body
line is a label when it is a list line or names a listed person, and the name/firm boundary is
found once per list entry from the issuer's shared firm, the operator's introductions and
firm-like words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import header
from .labels import is_name, is_operator, is_unidentified, normalise_name
from .lines import segment, strip_lines
from .raw import RawParticipant, RawTranscript, RawTurn
from .registry_types import reader
from .vocab import is_firm_word, is_title_word

_FURNITURE = re.compile(
    r"^(?:(?:THOMSON REUTERS|REFINITIV)(?: STREETEVENTS)?(?: \|.*)?|EDITED TRANSCRIPT|Client Id:\s*\d+|\d{1,3}|"
    r"(?:\(c\)|©).*(?:Thomson Reuters|Refinitiv).*|.*Republication or redistribution.*|"
    r".*without the prior written consent of .*|.*registered trademarks of (?:Thomson Reuters|Refinitiv).*|"
    r"affiliated companies\.?|[A-Z]{3,9} \d{1,2}, \d{4} / \d{1,2}:\d\d ?[AP]M(?: GMT)?,? .*)$"
)
_SEP = re.compile(r"\s+-\s+")
_LIST_HEAD = {"CORPORATE PARTICIPANTS": "executive", "CONFERENCE CALL PARTICIPANTS": "analyst"}
_BODY_START = {"PRESENTATION", "QUESTIONS AND ANSWERS"}
# Words that open or mark a firm name rather than a person's name.
_ACRONYM = re.compile(r"^[A-Z&]{2,}[,.]?$")


def is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line.strip()))


def _words(s: str) -> list[str]:
    return s.split()


def _mentioned(name_words: Sequence[str], text: str) -> bool:
    """Does `text` mention this person as `<some name word> <surname>` (or `<first-name prefix>... <surname>`)?"""
    if len(name_words) < 2:
        return False
    if re.fullmatch(r"[A-Z]\.?|[A-Z&]{2,}", name_words[-1].rstrip(",")) or is_firm_word(name_words[-1]):
        return False
    surname = name_words[-1].rstrip(",")
    if surname not in text:  # cheap substring test before the regex scan
        return False
    # The mention is `\b(?:<first>|<initial>[a-z]+)\s+(?:[A-Z]\.\s+)?<surname>\b`, a pattern with no literal
    # prefix, so a forward search tries it at every position of the body. Mirrored it starts with the
    # surname: try the mirrored pattern only where the mirrored surname occurs in the mirrored text
    # (a regex matches a string exactly when its mirror image matches the mirrored string).
    firsts = {re.escape(w.rstrip(".,")[::-1]) for w in name_words[:-1] if len(w.rstrip(".,")) > 1}
    firsts.add(r"[a-z]+" + re.escape(name_words[0][0]))  # a short form of the first name: Tom for Thomas
    mirrored = re.compile(r"\b" + re.escape(surname[::-1]) + r"\s+(?:\.[A-Z]\s+)?(?:" + "|".join(sorted(firsts)) + r")\b")
    back, key = _reversed(text), surname[::-1]
    i = back.find(key)
    while i != -1:
        if mirrored.match(back, i):  # match() at i still sees the character before i for \b
            return True
        i = back.find(key, i + 1)
    return False


_REVERSED: tuple[str, str] | None = None  # the last text _reversed() mirrored, and its mirror image


def _reversed(text: str) -> str:
    """`text[::-1]`, kept for the last text: one parse asks about many names in the same body text."""
    global _REVERSED
    last = _REVERSED
    if last is not None and last[0] is text:
        return last[1]
    back = text[::-1]
    _REVERSED = (text, back)
    return back


def split_name_firm(left: str, text: str, issuer: str | None = None) -> tuple[str, str | None]:
    """Split `Name Company` (no separator) into name and firm.

    Evidence in order: the issuer's firm as a suffix, the longest name the body mentions
    (`Nora Quist` for `Nora Quist Harbor Ridge Securities, Research Division`), then firm-like words.
    """
    words = _words(left)
    if len(words) < 2:
        return left, None
    if issuer and left.endswith(" " + issuer) and len(_words(issuer)) < len(words):
        return left[: -len(issuer)].strip(), issuer
    # the longest prefix the text spells out in full ("Lena Ruth Ortiz"), else the shortest mentioned one
    best = next(
        (
            k
            for k in range(min(len(words) - 1, 5), 1, -1)
            if " ".join(words[:k]) in text and re.search(r"\b" + re.escape(" ".join(words[:k])) + r"\b", text)
        ),
        0,
    )
    if not best:
        best = next(
            (
                k
                for k in range(2, min(len(words) - 1, 5) + 1)
                if all(is_name(w) or re.fullmatch(r"[A-Z]\.?", w) for w in words[:k]) and _mentioned(words[:k], text)
            ),
            0,
        )
    if not best:
        # the firm's opening words said somewhere ("from Morgan Stanley") mark where the firm starts
        # (two-word phrases first: "Morgan Stanley"; then single words: "Evercore", "Citigroup")
        for size in (2, 1):
            for k in range(2, min(len(words) - 1, 4) + 1):
                phrase = " ".join(w.rstrip(",") for w in words[k : k + size])
                if len(words) - k < size or len(phrase) < 4 or not phrase[0].isupper() or "," in words[k + size - 2]:
                    continue
                # a single word right after a capitalised word is someone's surname ("Sam Hale"), not a firm
                lead = r"(?<![A-Z][a-z]\s)(?<![A-Z][a-z]{2}\s)(?<![A-Z][a-z]{3}\s)" if size == 1 else ""
                if phrase in text and re.search(lead + r"\b" + re.escape(phrase) + r"\b", text):
                    best = k
                    break
            if best:
                break
    if not best:
        # no mention: the firm starts at the first firm-like word if that leaves a 2-3 word name
        firm_at = next((k for k in range(1, len(words)) if is_firm_word(words[k]) or _ACRONYM.match(words[k]) or "," in words[k - 1]), 0)
        best = firm_at if 2 <= firm_at <= 3 else (3 if re.fullmatch(r"[A-Z]\.?", words[1]) else 2)
        best = min(best, len(words) - 1)
    return " ".join(words[:best]), " ".join(words[best:]) or None


def _issuer(lefts: Sequence[str], title: str | None) -> str | None:
    """The firm every corporate participant shares (longest common word suffix), or the title's company."""
    if len(lefts) >= 2:
        ws = [_words(x) for x in lefts]
        common: list[str] = []
        for parts in zip(*(reversed(w) for w in ws), strict=False):
            if len(set(parts)) != 1:
                break
            common.insert(0, parts[0])
        if common and all(len(w) > len(common) for w in ws):
            return " ".join(common)
    if title:
        m = re.search(r"(?:Q[1-4]|H[12]|FY)\s+\d{4}\s+(.+?)\s+(?:Earnings|Financial|Results|Conference|Investor|Business|Sales)\b", title)
        if m:
            first = m.group(1).split()[0].lower()
            for left in lefts:
                ws = _words(left)
                for k in range(1, len(ws)):
                    if ws[k].lower().rstrip(",.").startswith(first[:5]):
                        return " ".join(ws[k:])
    return None


def _list_entries(lines: Sequence[str]) -> tuple[list[tuple[str, str | None, str]], int]:
    """(left part, title, role) per participant-list line, and the index where the body starts."""
    out: list[tuple[str, str | None, str]] = []
    role: str | None = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s in _LIST_HEAD:
            role = _LIST_HEAD[s]
            continue
        if s in _BODY_START:
            return out, i
        if role is None or not s or is_furniture(s):
            continue
        left, _, title = s.partition(" - ")
        if not title and out and out[-1][1] and all(is_title_word(w) for w in s.split()):
            out[-1] = (out[-1][0], f"{out[-1][1]} {s}", out[-1][2])  # a wrapped title
            continue
        out.append((left.strip(), title.strip() or None, role))
    return out, 0


def parse(text: str, source: str) -> RawTranscript:
    lines = strip_lines(text)
    cut = next((i for i, ln in enumerate(lines) if ln == "DISCLAIMER"), len(lines))
    lines = lines[:cut]
    entries, body_start = _list_entries(lines)
    title = next((ln for ln in lines[:12] if re.search(r"\b(?:Earnings|Call|Conference|Meeting|Presentation)\b", ln) and not is_furniture(ln)), None)
    if title:
        title = re.sub(r"^[A-Z0-9.]{1,10} - ", "", title)
    listed = {" ".join(f"{e[0]} - {e[1]}".split()) for e in entries if e[1]} | {e[0] for e in entries}
    body_text = "\n".join(ln for ln in lines[body_start:] if not is_furniture(ln) and " ".join(ln.split()) not in listed)

    # Labels with separators give the name/firm split outright (`Nora Quist - Harbor Ridge ..., Research Division - Director`).
    sep_names: dict[str, tuple[str, str]] = {}
    for ln in lines[body_start:]:
        parts = _SEP.split(ln)
        if len(parts) == 3 and is_name(parts[0]) and len(ln) < 200:
            sep_names[normalise_name(f"{parts[0]} {parts[1]}")] = (parts[0], parts[1])
    issuer = _issuer([e[0] for e in entries if e[2] == "executive" and e[1]], title)
    people: list[RawParticipant] = []
    by_line: dict[str, RawParticipant] = {}
    for left, ttl, role in entries:
        if normalise_name(left) in sep_names:
            name, firm = sep_names[normalise_name(left)]
        elif ttl is None and is_name(left):
            name, firm = left, None
        else:
            name, firm = split_name_firm(left, body_text, issuer if role == "executive" else None)
        p = RawParticipant(name=name, title=ttl, firm=firm, role=role)  # type: ignore[arg-type]
        people.append(p)
        by_line[" ".join(f"{left} - {ttl}".split()) if ttl else left] = p
        by_line.setdefault(name, p)
    by_name = {normalise_name(p.name): p for p in people}

    def label(ls: Sequence[str], i: int) -> tuple[RawTurn, int] | None:
        s = " ".join(ls[i].split())
        if len(s) > 200:
            return None
        if is_operator(s):
            return RawTurn(name="Operator", role="operator"), 1
        if is_unidentified(s.split(" - ")[0]):
            return RawTurn(name=s.split(" - ")[0], role="unknown"), 1
        p = by_line.get(s)
        if p is None:
            parts = _SEP.split(s)
            if len(parts) >= 2 and normalise_name(parts[0]) in by_name:
                p = by_name[normalise_name(parts[0])]
            elif len(parts) == 3 and is_name(parts[0]) and not re.search(r"[.?!]$", parts[2]):
                return RawTurn(name=parts[0], firm=parts[1], title=parts[2]), 1
        if p is None:
            return None
        return RawTurn(name=p.name, title=p.title, firm=p.firm, role=p.role), 1

    turns = segment(lines[body_start:] if body_start else lines, label, section_of=header.section_heading, skip=is_furniture, wrapped=True)
    raw = RawTranscript(source=source, format="se_pdf", title=title, participants=people, turns=turns)
    head = [ln for ln in lines[: body_start or 12] if not is_furniture(ln)]
    m = re.search(r"EVENT DATE/TIME:\s*(.+)", "\n".join(head))
    if m:
        raw.date = header.find_date(m.group(1))
    m = re.match(r"^([A-Z0-9.]{1,10}) - ", next((ln for ln in lines[:12] if " - Q" in ln or " Earnings" in ln), ""))
    if m:
        raw.ticker = m.group(1).split(".")[0]
    if title:
        m = re.search(r"(?:Q[1-4]|H[12]|FY)\s+\d{4}\s+(.+?)\s+(?:Earnings|Financial|Results|Conference|Investor|Business|Sales)\b", title)
        raw.company = m.group(1) if m else None
    header.fill_metadata(raw, head + [p for t in turns[:2] for p in t.paragraphs[:2]])
    return raw


_NOTICE = "Republication or redistribution"


def sniff(text: str) -> float:
    """Two notice lines and a banner line (see `_sniff_notices`); most text fails on a phrase count first."""
    # every notice line holds the phrase, so fewer than two occurrences means fewer than two notice lines
    if text.count(_NOTICE, 0, 100_000) < 2:
        return 0.0
    return _sniff_notices(text)


def _sniff_notices(text: str) -> float:
    """The full test: two notice lines and a banner line, then enough lines to be a page layout."""
    head = text[:100_000]
    notices = len(re.findall(r"^.*Republication or redistribution.*$", head, re.M))
    if notices >= 2 and re.search(r"^(?:THOMSON REUTERS|REFINITIV)(?: STREETEVENTS)?(?: \||$)", head, re.M):
        # flattened copies carry the same notices on one line; those belong to `flat`
        return 0.95 if head.count("\n") > 50 else 0.2  # page furniture outranks the text readers
    return 0.0


READER = reader(
    "se_pdf",
    "StreetEvents (Thomson Reuters / Refinitiv) PDF text with page furniture and participant lists",
    "CORPORATE PARTICIPANTS\nJane Doe Northwind Robotics Inc - CFO\nPRESENTATION\nOperator\nWelcome.",
    sniff,
    parse,
    max_score=0.95,  # the highest score sniff() returns
)
