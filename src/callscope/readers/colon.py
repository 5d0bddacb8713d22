"""`Name: text` transcripts with no titles (chat-style exports, simple renderings).

A label is the text before the first colon when it reads as a name; single-word names must
recur (so "Note:" or "Revenue:" stay content). Lines without a label continue the turn; when the
text is hard-wrapped (PDF extractions) the lines are re-joined into paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from . import header
from .labels import is_name, is_operator, is_unidentified, normalise_name
from .lines import looks_wrapped, segment, strip_lines
from .raw import RawTranscript, RawTurn
from .registry_types import reader

LABEL = re.compile(r"^(?P<who>[^:]{1,60}?)\s*:\s+(?P<text>\S.*)$|^(?P<alone>[^:]{1,60}?)\s*:$")


def _who(line: str) -> tuple[str, str] | None:
    if ":" not in line[:62]:
        return None
    m = LABEL.match(line.strip())
    if not m:
        return None
    who = (m.group("who") or m.group("alone") or "").strip()
    if not (is_operator(who) or is_unidentified(who) or is_name(who)):
        return None
    return who, (m.group("text") or "")


def _accepted(lines: Sequence[str]) -> set[str]:
    """Label names trusted as speakers: the operator, unidentified voices, multi-word names, or recurring ones."""
    return _accepted_labels([w for ln in lines if (w := _who(ln)) is not None])


def _accepted_labels(whos: Sequence[tuple[str, str]]) -> set[str]:
    """`_accepted` given the lines' labels (`_who` of each line that has one)."""
    counts = Counter(normalise_name(w[0]) for w in whos)
    ok = set()
    for key, n in counts.items():
        if is_operator(key) or is_unidentified(key) or len(key.split()) >= 2 or n >= 2:
            ok.add(key)
    return ok


def parse(text: str, source: str) -> RawTranscript:
    lines = strip_lines(text)
    ok = _accepted(lines)
    expanded: list[str] = []
    for ln in lines:  # put each label on its own line so segment() sees "label, then paragraphs"
        w = _who(ln)
        if w is not None and normalise_name(w[0]) in ok:
            expanded += ["\x00" + w[0], w[1]] if w[1] else ["\x00" + w[0]]
        else:
            expanded.append(ln)

    def label(ls: Sequence[str], i: int) -> tuple[RawTurn, int] | None:
        s = ls[i]
        if not s.startswith("\x00"):
            return None
        who = s[1:]
        role = "operator" if is_operator(who) else "unknown" if is_unidentified(who) else None
        return RawTurn(name="Operator" if role == "operator" else who, role=role), 1  # type: ignore[arg-type]

    body = [ln for ln in expanded if not ln.startswith("\x00")]
    turns = segment(expanded, label, section_of=header.section_heading, wrapped=looks_wrapped(body))
    raw = RawTranscript(source=source, format="colon", turns=turns)
    first = next((i for i, ln in enumerate(expanded) if ln.startswith("\x00")), 0)
    header.fill_metadata(raw, expanded[:first], [p for t in turns[:3] for p in t.paragraphs[:3]])
    return raw


def sniff(text: str) -> float:
    """How many lines carry an accepted `Name:` label."""
    head = text[:40_000]
    if ":" not in head:
        return 0.0  # no line can have a label
    # each line's label is found once and used for both the accepted names and the count
    lines = [ln for ln in head.split("\n") if ln.strip()]
    whos = [w for ln in lines if (w := _who(ln)) is not None]
    ok = _accepted_labels(whos)
    hits = sum(1 for w in whos if normalise_name(w[0]) in ok)
    if hits < 3:
        return 0.0
    return min(0.7, 0.2 + hits / max(6.0, len(lines) * 0.3))


READER = reader(
    "colon",
    "`Name: text` lines without titles",
    "Operator: Welcome to the call.\nJane Doe: Thanks. Revenue was $10 million.",
    sniff,
    parse,
    max_score=0.7,  # the highest score sniff() returns
)
