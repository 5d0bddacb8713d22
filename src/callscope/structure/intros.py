"""Read the operator's introductions: who asks next, and from which firm.

Handles "Your next question comes from the line of X with Y.", "X, UBS.",
"(OPERATOR INSTRUCTIONS). X, UBS.", "[Nora Quist], Harbor Ridge.", spoken corrections
("UPS -- UBS") and slips ("the line off to X with Y").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..readers.labels import is_name

_NAME = r"(?P<name>\[[^\]]{2,40}\]|[A-Z][\w'\u00c0-\u024f.\-]*(?:\s+(?:[A-Z][\w'\u00c0-\u024f.\-]*|de|van|von|da|di|le|la|del|der|dos|bin|al)){0,4})"
_FIRM = r"(?P<firm>[A-Z0-9&][^.?!;:()]*?(?:\s+(?:Inc|Co|Corp|Ltd|L\.P|LLC|Cos|S\.A|Jr)\.?)?)"
_END = r"(?=\s*(?:[.?!;]|$|(?i:,?\s+(?:please|your line|you may|go ahead|the line is|whose line|with your question|is now open|pleas))\b))"
INTRO_RE = re.compile(_NAME + r"\s*(?:,|\s+(?i:with|from|of|at|representing|in|over at))\s+(?:the\s+)?" + _FIRM + _END)
# what may stand right before an introduced name: a sentence start or a lead-in like "from the line of"
_LEAD_OK = re.compile(r"(?:^|[.?!)\]]\s*|(?i:\b(?:from|of|to|is|by|welcome|hear|with|have|next|analyst),?\s+))$")

class Intro(NamedTuple):
    name: str
    firm: str | None


_FIRM_STOP = re.compile(
    r"^(?:the|a|an|our|your|this|that|us|me|you|him|her|them|line|question|questions|i|we|closing|any|further|"
    r"additional|remarks|management|today|now)\b",
    re.I,
)
_CORRECTION = re.compile(r"\s+--\s+")


def clean_firm(firm: str | None) -> str | None:
    if not firm:
        return None
    f = firm.strip(" ,.-")
    if _CORRECTION.search(f):  # "UPS -- UBS": the speaker corrected themself; keep the last word said
        f = _CORRECTION.split(f)[-1].strip(" ,.-")
    f = re.sub(r"\s+(?:please|your line|you may).*$", "", f, flags=re.I)
    if not f or len(f) > 70 or _FIRM_STOP.match(f) or (not f[0].isupper() and not f[0].isdigit()):
        return None
    return f


def find_intros(text: str) -> list[Intro]:
    """Every (name, firm) the operator announces in `text`, in order."""
    out: list[Intro] = []
    pos = 0
    while (m := INTRO_RE.search(text, pos)) is not None:
        # a rejected candidate ("Next, ...") must not swallow the real name after it: retry one word on
        pos = m.start() + max(1, len(m.group("name").split()[0]))
        if not _LEAD_OK.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        name = m.group("name").strip()
        # the lazy lead may leave leading words ("Our next question... from Mr. X"); keep the name part
        name = re.sub(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+", "", name)
        if not is_name(name.strip("[]")) or (len(name.split()) < 2 and not name.startswith("[")):
            continue
        firm = clean_firm(m.group("firm"))
        out.append(Intro(name.strip("[]"), firm))
        pos = m.end()
    return out
