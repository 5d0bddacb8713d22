"""Whole calls flattened onto one (or a few) lines.

Some sources lose every line break ("Operator Good day ... Dana Whitfield - Northwind Robotics Inc. - VP of IR
Good afternoon ..."). The labels are still there in-line; the only hard part is where a title ends
and speech begins. A label that recurs tells us directly (its title is the words every
occurrence shares); a one-off label's title is the run of title words after its last separator.
The call is then re-split into `label` / `text` lines and read with the dash reader's label logic.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from . import header
from .dash import split_label
from .labels import is_name
from .lines import segment
from .raw import RawTranscript, RawTurn
from .registry_types import reader
from .vocab import CONNECTORS, is_title_word, shared_title_len

_FURNITURE = [
    re.compile(r"(?:THOMSON REUTERS|REFINITIV) STREETEVENTS \| .*?affiliated companies\.\s*\d*"),
    re.compile(r"(?<![A-Za-z])[A-Z]{3,9} \d{1,2}, \d{4} / \d{1,2}:\d\d ?[AP]M(?: GMT)?, (?:[A-Z0-9.]+ - )?.*?\b(?:Call|Conference|Meeting|Presentation)\b"),
    re.compile(r"Client Id: \d+"),
]
_HEADINGS = re.compile(r"\s(PRESENTATION|QUESTIONS AND ANSWERS|QUESTION AND ANSWER SECTION|MANAGEMENT DISCUSSION SECTION)\s")
_NAME = r"[A-Z][\w'\-]*(?:\s+(?:[A-Z][\w'\-]*|[A-Z]\.|de|van|von|da|di|le|la|del|der)){1,4}"
_PART = r"[^\s][^?!]{0,80}?"
# `Name - Firm - ` or `Name - `, standing where a sentence could start
LABEL = re.compile(r"(?:(?<=^)|(?<=[.?!\")\]\u00b6]\s)|(?<=[A-Z]{4}\s))(?P<name>" + _NAME + r")\s-\s(?:(?P<firm>" + _PART + r")\s-\s)?(?=[A-Z])")
OPERATOR = re.compile(r"(?:(?<=^)|(?<=[.?!\")\]\u00b6]\s)|(?<=[A-Z]{4}\s))Operator(?=\s+[A-Z(\[])")
def _title_run(words: Sequence[str]) -> int:
    """How many leading words read as a title (title words and connectors, not ending on a connector)."""
    n = 0
    for k, w in enumerate(words[:16]):
        if not is_title_word(w):
            break
        n = k + 1
    while n and words[n - 1].lower().strip(",") in CONNECTORS:
        n -= 1
    return n


def relines(text: str) -> list[str]:
    """Put every in-line label and section heading back on its own line."""
    s = " ".join(text.split())
    for pat in _FURNITURE:
        s = pat.sub(" \u00b6 ", s)
    s = " ".join(s.split())
    hits = [(m.start(), m.end(), m.group("name"), m.group("firm")) for m in LABEL.finditer(s) if is_name(m.group("name"))]
    follow: dict[tuple[str, str | None], list[list[str]]] = defaultdict(list)
    for _, end, name, firm in hits:
        follow[(name, firm)].append(s[end : end + 200].split()[:16])
    titles: dict[tuple[str, str | None], int] = {}
    for key, seqs in follow.items():
        run = max(_title_run(x) for x in seqs)
        titles[key] = run if len(seqs) == 1 else shared_title_len(seqs, run)
    cuts: list[tuple[int, int, str]] = []
    for start, end, name, firm in hits:
        n = titles[(name, firm)]
        if n == 0 and firm is None:
            continue  # `Name - Text` without any title is too weak a signal
        words = s[end:].split(" ")[:n]
        title = " ".join(words).rstrip(",")
        stop = end + len(" ".join(words))
        cuts.append((start, stop, " - ".join(x for x in (name, firm, title) if x)))
    cuts += [(m.start(), m.end(), "Operator") for m in OPERATOR.finditer(s)]
    cuts += [(m.start(1), m.end(1), m.group(1)) for m in _HEADINGS.finditer(s)]
    cuts.sort()
    out: list[str] = []
    pos = 0
    for start, stop, lab in cuts:
        if start < pos:
            continue
        out += [s[pos:start].strip(), lab]
        pos = stop
    out.append(s[pos:].strip())
    return [y for x in out if (y := " ".join(x.replace("\u00b6", " ").split()))]


def parse(text: str, source: str) -> RawTranscript:
    lines = relines(text)
    labels = set()

    def label(ls: Sequence[str], i: int) -> tuple[RawTurn, int] | None:
        if i not in labels:
            return None
        hit = split_label(ls[i])
        return (hit, 1) if hit is not None else (RawTurn(name=ls[i]), 1)

    for i, ln in enumerate(lines):
        if len(ln) < 200 and (ln == "Operator" or (split_label(ln) is not None and " - " in ln)):
            labels.add(i)
    turns = segment(lines, label, section_of=header.section_heading)
    raw = RawTranscript(source=source, format="flat", turns=turns)
    m = re.search(r"\b([A-Z]{1,5})(?:\.[A-Z]{1,2})? - ((?:Q[1-4]|FY|H[12]) \d{4} (.+?) (?:Earnings|Financial|Results)\b.*?(?:Call|Conference))", text[:20_000])
    if m:
        raw.ticker, raw.title, raw.company = m.group(1), m.group(2), m.group(3)
    m = _FURNITURE[1].search(text[:50_000])
    raw.date = header.find_date(m.group(0)) if m else None
    header.fill_metadata(raw, [p for t in turns[:3] for p in t.paragraphs[:3]])
    return raw


def _many_lines(head: str) -> bool:
    """True when `head` has more than 8 non-blank lines among its first 64 (False says nothing).

    Most text has its ninth non-blank line early: finding it there turns the text away without
    splitting all of it.
    """
    seen = 0
    for ln in head.split("\n", 64)[:64]:
        if ln.strip():
            seen += 1
            if seen > 8:
                return True
    return False


def sniff(text: str) -> float:
    """A few very long lines with in-line labels; text with more than 8 non-blank lines is not flat."""
    head = text[:200_000]
    if len(head) < 3000:
        return 0.0
    if _many_lines(head):
        return 0.0
    lines = [ln for ln in head.split("\n") if ln.strip()]
    if not lines or len(lines) > 8 or max(len(x) for x in lines) < 2000:
        return 0.0
    s = " ".join(head.split())
    hits = sum(1 for m in LABEL.finditer(s) if m.group("firm") and is_name(m.group("name")))
    ops = len(OPERATOR.findall(s))
    return 0.85 if hits + ops >= 3 else 0.0


READER = reader(
    "flat",
    "A whole call flattened onto one or a few lines, with in-line `Name - Company - Title` labels",
    "Operator Good day and welcome. Jane Doe - Northwind Robotics - CFO Revenue was $10 million.",
    sniff,
    parse,
    max_score=0.85,  # the highest score sniff() returns
)
