"""Line-level tools every line-oriented reader shares.

Most transcript formats are "a speaker label on a line, then paragraphs": readers differ
only in how a label looks and which boilerplate lines to drop. `segment()` is that one
mechanism; readers pass a label recogniser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .raw import RawTurn

SENTENCE_END = re.compile(r"""[.?!:;"')\]]\s*$""")
RULE = re.compile(r"^\s*([=\-_.*~]\s*){3,}$")
_RULE_CHARS = "=-_.*~"  # RULE's character class


def strip_lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n")]


_HEAD: tuple[str, tuple[str, ...]] | None = None  # the last text head_lines() split, and its lines


def head_lines(text: str) -> tuple[str, ...]:
    """The stripped, non-empty lines of `text`'s first 40,000 characters (what sniffers look at).

    Detection asks several sniffers about the same text object, so the answer for the last text
    (compared by identity: strings are immutable) is kept and the split is done once, not per sniffer.
    """
    global _HEAD
    last = _HEAD
    if last is not None and last[0] is text:
        return last[1]
    lines = tuple([s for ln in text[:40_000].split("\n") if (s := ln.strip())])
    _HEAD = (text, lines)
    return lines


# A label recogniser looks at line i (and may peek at following lines) and returns the
# turn header it starts plus how many lines the label occupies, or None.
LabelFn = Callable[[Sequence[str], int], "tuple[RawTurn, int] | None"]


def segment(
    lines: Sequence[str],
    label: LabelFn,
    *,
    section_of: Callable[[str], str | None] | None = None,
    skip: Callable[[str], bool] | None = None,
    wrapped: bool = False,
) -> list[RawTurn]:
    """Split lines into turns at each recognised label.

    `section_of(line)` names the section a heading line starts ("presentation"/"qa"), `skip(line)`
    drops boilerplate (page footers), and `wrapped=True` rejoins hard-wrapped PDF lines into paragraphs.
    Text before the first label is dropped (it is header material the reader reads separately).
    """
    turns: list[RawTurn] = []
    section: str | None = None
    cur: RawTurn | None = None
    body: list[str] = []

    def flush() -> None:
        if cur is not None:
            cur.paragraphs = paragraphs(body, wrapped=wrapped)
            turns.append(cur)

    i, n = 0, len(lines)
    while i < n:
        line = lines[i].strip()
        if not line:
            body.append("")
            i += 1
            continue
        if skip is not None and skip(line):
            i += 1
            continue
        if section_of is not None:
            sec = section_of(line)
            if sec is not None:
                section = sec
                body.append("")
                i += 1
                continue
        hit = label(lines, i)
        if hit is not None:
            flush()
            cur, used = hit
            if cur.section is None and section is not None:
                cur.section = section  # type: ignore[assignment]
            body = []
            i += max(1, used)
            continue
        body.append(line)
        i += 1
    flush()
    return [t for t in turns if t.paragraphs or t.name]


def paragraphs(body: Sequence[str], *, wrapped: bool = False) -> list[str]:
    """Group body lines into paragraphs: blank lines separate; with `wrapped`, short-ending lines do too."""
    if not wrapped:
        # every non-blank line that is not a rule is a paragraph of its own (what the loop below does
        # when not wrapped), built in one pass
        return [(" ".join(s.split()) if "  " in s else s) for ln in body if (s := ln.strip()) and not (s[0] in _RULE_CHARS and RULE.match(s))]
    out: list[str] = []
    cur: list[str] = []
    width = max((len(x) for x in body), default=0)
    for ln in body:
        s = ln.strip()
        # a rule's first character is one of its dash-like ones (s is stripped), so other lines skip the regex
        if not s or (s[0] in _RULE_CHARS and RULE.match(s)):
            if cur:
                out.append(" ".join(cur))
                cur = []
            continue
        cur.append(s)
        # a PDF line that stops well short of the column and ends a sentence ends its paragraph
        if len(s) < 0.75 * width and SENTENCE_END.search(s):
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return [(" ".join(p.split()) if "  " in p else p.strip()) for p in out if p]


def looks_wrapped(lines: Sequence[str]) -> bool:
    """Whether text was hard-wrapped at a column (PDF extraction): many long lines end mid-sentence."""
    long_lines = [s.strip() for s in lines if len(s.strip()) > 40]
    if len(long_lines) < 10:
        return False
    lengths = sorted(len(s) for s in long_lines)
    col = lengths[int(len(lengths) * 0.9)]
    if col > 200:
        return False
    near = [s for s in long_lines if len(s) >= 0.8 * col]
    mid = sum(1 for s in near if not SENTENCE_END.search(s))
    return len(near) >= 0.3 * len(long_lines) and mid >= 0.4 * len(near)
