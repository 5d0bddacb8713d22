"""Fiscal periods and company keys: the two things cross-call views join on.

Transcripts and the extract stage write periods many ways ("Q3 2016", "3Q16", "fiscal 2017",
"full year 2016"); guidance can only be matched to results when both reduce to one form.
"""

from __future__ import annotations

import re

_Q = re.compile(r"\b(?:q([1-4])|([1-4])q|([1-4])(?:st|nd|rd|th)\s+quarter|(first|second|third|fourth)\s+quarter)\b", re.I)
_YEAR = re.compile(r"\b(?:fy\s*'?|f)?((?:19|20)\d{2}|\d{2})\b", re.I)
_FY = re.compile(r"\b(fy|fiscal|full[- ]year|year|annual)\b", re.I)
_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_Q_COMPACT = re.compile(r"\b(?:q([1-4])\s*'?(\d{2})|([1-4])q\s*'?(\d{2}))\b", re.I)


def _year(text: str) -> int | None:
    for m in _YEAR.finditer(text):
        y = m.group(1)
        if len(y) == 4:
            return int(y)
        if m.group(0).lower().startswith(("fy", "f")):
            return 2000 + int(y)
    return None


def parse_period(text: str | None) -> tuple[int, int | None] | None:
    """`(year, quarter)` with quarter None for a full fiscal year; None when no year is stated."""
    if not text:
        return None
    s = text.strip()
    m = _Q_COMPACT.search(s)
    if m:
        q = int(m.group(1) or m.group(3))
        return 2000 + int(m.group(2) or m.group(4)), q
    year = _year(s)
    if year is None:
        return None
    q_m = _Q.search(s)
    if q_m:
        q = q_m.group(1) or q_m.group(2) or q_m.group(3)
        return year, int(q) if q else _WORDS[q_m.group(4).lower()]
    return year, None


def normalise_period(text: str | None) -> str | None:
    """'Q3 2016' or 'FY 2016'; unparseable periods come back trimmed and lower-cased."""
    if not text:
        return None
    p = parse_period(text)
    if p is None:
        return " ".join(text.lower().split()) or None
    year, q = p
    return f"Q{q} {year}" if q else f"FY {year}"


_SUFFIXES = re.compile(
    r"\b(inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|lp|sa|ag|nv|se|group|holdings?|the)\b\.?", re.I
)


def company_key(name: str | None) -> str | None:
    """A company name reduced for linking: 'Amazon.com, Inc.' -> 'amazon com'."""
    if not name:
        return None
    s = _SUFFIXES.sub(" ", name.lower().replace("&", " and "))
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split()) or None
