"""Hard-wrapped PDF text with `Name:` labels (or bare name lines), page numbers and a short
participant list: company-published transcripts (Marriott) and broker-hosted calls (PayPal with
Citi, Wolfe, Evercore, ...).

Unlike the plain `colon` reader this one expects PDF damage: every line is wrapped, page numbers
and the page header repeat, speech follows the label on the same line (`Operator:  Welcome ...`),
analysts carry their firm (`Priya Natarajan - Harbor Point:`), and headings may be letter-
spaced (`P R E S E N T A T I O N`). Participant lists (`Name - Title`, `Name, Firm`) give titles,
firms and which bare name lines are labels.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from . import header
from .labels import is_name, is_operator, is_unidentified, normalise_name
from .lines import head_lines, segment, strip_lines
from .raw import RawParticipant, RawTranscript, RawTurn
from .registry_types import reader

_DASH = r"\s+(?:-|\u2010|\u2011|\u2013|--)\s+"
COLON_LABEL = re.compile(r"^(?P<label>[A-Z][\w.'\u2019\- ]{1,40}?(?:(?:" + _DASH + r"|,\s+)[A-Z][\w.,&'\u2019\- ]{1,60}?)?)\s*:\s*(?P<text>.*)$")
_PAGE = re.compile(r"^(?:Page\s*\|?\s*\d+|\d{1,3}|-\s*\d+\s*-)$", re.I)
_HEADER_KEYS = {"company", "conference title", "conference id", "moderator", "date", "held on", "confirmation", "time", "host"}
_ENTRY = re.compile(r"^(?P<name>[A-Z][\w.'\- ]{2,40}?)\s*(?:,|" + _DASH + r")\s*(?P<rest>\S.{1,150})$")
_SENTENCE_ENDS = (".", "?", "!", ":", '"', "'")  # a stripped line ending so ends a sentence (was `[.?!:"']$`)
_EXEC = re.compile(r"\b(?:CEO|CFO|COO|Chief|President|VP|SVP|EVP|Vice|Investor Relations|Treasurer|Controller|Founder|Chairman)\b")


_NOT_CAPS = re.compile(r"[^A-Z&]")


def _compact(line: str) -> str:
    return _NOT_CAPS.sub("", line.upper())


def _section(line: str) -> str | None:
    if len(line) < 45:  # only short lines are compacted: the regex rewrite ran on every body line
        c = _compact(line)
        if c in {"PRESENTATION", "PREPAREDREMARKS"}:
            return "presentation"
        if c.startswith(("QUESTIONSANDANSWER", "QUESTIONANDANSWER", "QA")) and len(c) < 30:
            return "qa"
    return header.section_heading(line)


def _split_label(label: str) -> tuple[str, str | None]:
    parts = re.split(_DASH + r"|,\s+", label, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else None)


def _participants(lines: Sequence[str], issuer: str | None) -> list[RawParticipant]:
    """`Name - Title` / `Name, Firm` lines under participant headings (or bare, before the first speech)."""
    out: list[RawParticipant] = []
    group: str | None = None
    for ln in lines:
        c = _compact(ln)
        if c.endswith(("PARTICIPANTS", "HOST")) or ln.lower().startswith("hosted by"):
            group = ln.rstrip(":")
            continue
        m = _ENTRY.match(ln)
        if not m or not is_name(m.group("name")) or (COLON_LABEL.match(ln) and ln.endswith(":")):
            continue
        if group is None and re.fullmatch(r"(?:Inc|LLC|Corp|Corporation|Ltd|plc|Co)\.?", m.group("rest").strip()):
            continue  # "Marriott International, Inc." is the company line, not a person
        name, rest = m.group("name").strip(), m.group("rest").strip()
        g = (group or "").upper()
        own = bool(issuer and issuer.split()[0].upper() in g) or "CORPORATE" in _compact(g)
        if _EXEC.search(rest):
            out.append(RawParticipant(name=name, title=re.sub(_DASH, " - ", rest), firm=issuer, role="executive"))
        elif own:
            out.append(RawParticipant(name=name, title=rest, firm=issuer, role="executive"))
        else:
            firm = re.sub(r"^Hosted by\s+|\s+Participants$", "", group or "", flags=re.I) if group and ("PARTICIPANTS" in g or "HOSTED" in g) else None
            title, firm = (rest, firm) if firm else (None, rest)
            if "," in (firm or "") and not title:
                firm = firm.split(",")[-1].strip()
            out.append(RawParticipant(name=name, title=title, firm=firm, role="analyst"))
    return out


def parse(text: str, source: str) -> RawTranscript:
    lines = strip_lines(text)
    head = [ln for ln in lines[:15] if ln]
    repeated = {ln for ln, n in Counter(x for x in lines if x).items() if n >= 3 and ln in head and not is_operator(ln)}

    def skip(ln: str) -> bool:
        return bool(_PAGE.match(ln)) or ln in repeated

    issuer = None
    for ln in head[:8]:
        m = re.search(r"\b(?:with|WITH)[ \t]+([A-Z][\w.]*(?:[ \t]+(?!Post\b|POST\b)[A-Z][\w.]*){0,3})", ln)
        if m and re.search(r"call|conference|transcript", ln, re.I):
            issuer = re.sub(r"[ \t]+(?:HOLDINGS?|Holdings?|INC\.?|Inc\.?|\(\w+\))+$", "", m.group(1))
            break
    first = next(
        (i for i, ln in enumerate(lines) if is_operator(ln.split(":")[0]) or _section(ln) or (i > 2 and _colon_ok(ln, set()))), 0
    )
    people = _participants(lines[: min(first, 60)], issuer) if first else []
    if issuer is None:
        firms = Counter(p.firm for p in people if p.role == "executive" and p.firm)
        issuer = firms.most_common(1)[0][0] if firms else None
    known: dict[str, RawParticipant | None] = {normalise_name(p.name): p for p in people}
    # a name standing alone on a line more than once is a label ("Marcus Webb" / text / "Jane Doe")
    for ln, n in Counter(lines[first:]).items():
        if n >= 2 and 2 <= len(ln.split()) <= 4 and is_name(ln) and not _section(ln) and not ln.isupper():
            known.setdefault(normalise_name(ln), None)

    body: list[str] = []
    for i, ln in enumerate(lines):
        cm = COLON_LABEL.match(ln)
        if i >= first and cm and _colon_ok(ln, known):
            body += [cm.group("label") + ":", cm.group("text")]
        else:
            body.append(ln)

    def label(ls: Sequence[str], i: int) -> tuple[RawTurn, int] | None:
        s = ls[i]
        if i < first or len(s) > 110:
            return None
        bare = s[:-1] if s.endswith(":") else s
        if is_operator(bare) or bare.lower() == "operator introduction":
            return RawTurn(name="Operator", role="operator"), 1
        if (s.endswith(":") and not _colon_ok(s, known)) or (not s.endswith(":") and normalise_name(s) not in known):
            return None  # "Three things stand out:" is speech
        name, firm = _split_label(bare)
        if is_unidentified(name):
            return RawTurn(name=name, firm=firm, role="unknown"), 1
        p = known.get(normalise_name(name))
        if p is not None:
            return RawTurn(name=p.name, title=p.title, firm=firm or p.firm, role=p.role), 1
        return RawTurn(name=name, firm=firm, role="analyst" if firm else None), 1

    turns = segment(body, label, section_of=_section, skip=skip, wrapped=True)
    raw = RawTranscript(source=source, format="colon_pdf", participants=people, turns=turns, company=issuer)
    header.fill_metadata(raw, head + [p for t in turns[:2] for p in t.paragraphs[:2]])
    return raw


def _colon_ok(line: str, known: dict[str, RawParticipant | None] | set[str]) -> bool:
    m = COLON_LABEL.match(line)
    if not m:
        return False
    name, _ = _split_label(m.group("label"))
    if name.lower() in _HEADER_KEYS or name.lower().startswith(("held on", "conference", "confirmation")) or _compact(name).endswith(
        ("PARTICIPANTS", "HOST")
    ):
        return False
    if is_operator(name) or name.lower() == "operator introduction" or is_unidentified(name):
        return True
    return is_name(name) and (len(name.split()) >= 2 or normalise_name(name) in known)


def sniff(text: str) -> float:
    """`Name:` labels (or bare Operator lines) in text whose long lines mostly stop mid-sentence."""
    # checked first: most text is not hard-wrapped, and the label scan below is the costly part
    # (blank lines are never long, so the shared non-blank lines give the same counts)
    long = wrapped = 0
    for ln in head_lines(text):
        if 60 <= len(ln) <= 130:
            long += 1
            if not ln.endswith(_SENTENCE_ENDS):
                wrapped += 1
    if wrapped < 4 or wrapped < 0.3 * long:
        return 0.0
    lines = [ln.strip() for ln in text[:40_000].split("\n")]
    colon = sum(1 for ln in lines if ":" in ln and _colon_ok(ln, set()))
    bare_ops = sum(1 for ln in lines if ln in ("Operator", "Operator:"))
    pages = sum(1 for ln in lines if _PAGE.match(ln))
    if colon >= 3:
        return min(0.75, 0.6 + colon / 30)  # hard-wrapped `Name:` text: above a `Name - Title` participant list
    if pages < 2:
        return 0.0
    # letter-spaced headings; the cheap spacing tests come before the regex rewrite of the line
    spaced = any("  " not in ln and ln.count(" ") > 5 and _compact(ln) in ("CORPORATEPARTICIPANTS", "PRESENTATION") for ln in lines[:60])
    if bare_ops >= 1 or spaced:
        return 0.6
    return 0.0


READER = reader(
    "colon_pdf",
    "Hard-wrapped PDF text with `Name:` (or bare name) labels, page numbers and short participant lists",
    "Operator:  Welcome to the Northwind Robotics call.  I would like to\nturn the call over to Jane Doe.\n1\nJane Doe:  Thank you.",
    sniff,
    parse,
    max_score=0.75,  # the highest score sniff() returns
)
