"""The period phrases `periods` resolves, and the screens that keep most sentences away from them.

`PATTERNS` is the definition. `matches` finds the same matches for less: sentences naming no period
are turned away by `may_name_period`, a pattern is only searched when the sentence holds substrings
every one of its matches contains, and each pattern is searched behind a lookahead for the characters
its matches start with (`\\b` and Unicode word tests at every position cost more than the lookahead,
which fails at once at most positions).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from . import caseless

_YR = r"(?:fiscal\s+(?:year\s+)?|fy\s*|calendar\s+(?:year\s+)?)?(?P<y>'\d{2}|’\d{2}|\d{4}|\d{2}(?=\b))"
_ORDW = r"(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)"
_MON = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("q", re.compile(rf"\b(?:f?q(?P<q>[1-4])|(?P<q2>[1-4])q)(?:\s*(?:of\s+|,\s*)?{_YR})?\b(?!\s*(?:million|billion|%))", re.I)),
    (
        "q",
        re.compile(
            rf"\b(?:the\s+)?{_ORDW}[\s-]+(?:fiscal\s+|calendar\s+)?quarter(?:\s+(?:of\s+)?{_YR}|\s+of\s+(?P<rel>last|this|next)\s+year)?",
            re.I,
        ),
    ),
    (
        "h",
        re.compile(
            rf"\b(?:the\s+)?(?P<o>first|second|1st|2nd|back|front)\s+half(?:\s+of\s+(?:the\s+)?(?:year\s+)?|\s+)?(?:{_YR}|(?P<rel>last|this|next)\s+year)?",
            re.I,
        ),
    ),
    ("h", re.compile(rf"\b(?:h(?P<q>[12])|(?P<q2>[12])h)(?:\s*{_YR})?\b", re.I)),
    (
        "fy",
        re.compile(
            r"\b(?:fiscal\s+year|fiscal|fy|full[\s-]year|calendar\s+year|calendar)\s*(?P<y>'\d{2}|’\d{2}|\d{4}|\d{2})\b", re.I
        ),
    ),
    ("fy", re.compile(r"\b(?:the\s+)?year\s+(?:of\s+)?(?P<y>(?:19|20)\d{2})\b", re.I)),
    (
        "yq",
        re.compile(
            r"\b(?:(?:the\s+)?(?:comparable|corresponding)\s+)?(?:prior[\s-]year|previous[\s-]year|last[\s-]year(?:'s)?|year[\s-]ago|comparable|corresponding)"
            r"\s+(?:quarter|period)(?:\s+(?:of|in)\s+(?:19|20)\d{2})?",
            re.I,
        ),
    ),
    (
        "m",
        re.compile(
            rf"\b(?:the\s+)?(?:first\s+)?(?P<n>three|six|nine|twelve|3|6|9|12)\s+months"
            rf"(?:\s+(?:of|ended|ending|in)\s+(?:(?:fiscal\s+)?{_YR}|[A-Z][a-z]+\s+\d{{1,2}}(?:,\s*(?P<y2>'\d{{2}}|\d{{4}}))?))?",
            re.I,
        ),
    ),
    (
        "m",
        re.compile(
            r"\b(?P<ytd>year[\s-]to[\s-]date|ytd|ltm|ttm|trailing\s+(?:twelve|12)\s+months|last\s+(?:twelve|12)\s+months)\b", re.I
        ),
    ),
    (
        "rq",
        re.compile(
            r"\b(?P<rel>this|the|current|last|prior|previous|preceding|next|coming|following|sequential(?:ly)?|year[\s-]ago|same)\s*(?:quarter|period)(?:\s+(?:of\s+)?last\s+year|\s+a\s+year\s+ago)?",
            re.I,
        ),
    ),
    ("rq", re.compile(r"\b(?P<rel>sequential(?:ly)?|quarter[\s-]over[\s-]quarter)\b", re.I)),
    (
        "mq",
        re.compile(
            rf"\b(?:the\s+)?{_MON}[\s-]+quarter(?:\s+(?:of\s+)?(?P<y>\d{{4}}|'\d{{2}}|’\d{{2}})|\s+(?P<ago>(?:of\s+)?last\s+year|a\s+year\s+ago))?",
            re.I,
        ),
    ),
    ("ago", re.compile(r"\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+years\s+ago\b", re.I)),
    (
        "ry",
        re.compile(
            r"\b(?P<rel>this|last|next|prior|previous|the\s+prior|the\s+previous|a)\s+year(?:'s)?(?:\s+ago)?\b|\b(?P<rel2>year[\s-](?:over|on)[\s-]year|year[\s-]ago|full[\s-]year|the\s+year|fiscal\s+year|yoy)\b",
            re.I,
        ),
    ),
    (
        "y",
        re.compile(
            r"(?<![\w$.,])(?:in|for|of|during|by|through|since|our|the|fiscal)\s+(?P<y>(?:19|20)\d{2})\b(?![\d,%]|\.\d)", re.I
        ),
    ),
]

# every period phrase contains one of these; sentences without any skip the patterns
_GATE = re.compile(
    r"quarter|half|year|month|period|fiscal|ytd|ltm|ttm|yoy|sequential|\b[qh][1-4]|\b[1-4][qh]\b|\bfy|(?:19|20)\d\d", re.I
)
_GATE_WORDS = ("quarter", "year", "half", "month", "period", "fiscal", "ytd", "ltm", "ttm", "yoy", "sequential")
_DIGIT = re.compile(r"[0-9]")  # on ASCII text only: `\d` would look every character up in the Unicode tables
_GATE_REST = re.compile(r"\b[qh][1-4]|\b[1-4][qh]\b|\bfy|(?:19|20)\d\d")  # the rest of _GATE, on lower-cased text


def _gated(sentence: str, low: str) -> bool:
    """`_GATE.search(sentence)`: on ASCII text as substring tests first (one regex of 14 alternatives
    tried at every position cost more than all the period patterns behind it)."""
    if sentence.isascii():
        if any(w in low for w in _GATE_WORDS):
            return True
        return ("fy" in low or _DIGIT.search(low) is not None) and _GATE_REST.search(low) is not None  # the rest needs one
    return _GATE.search(sentence) is not None


# per pattern: the characters its matches start with (case-folded like the pattern); substrings one
# of which every match contains; and, checked only when one of those is there, a second such group
_LEADS_AND_KEYS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("fq1-4", ("q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"), ()),
    ("tfs1-4", ("quarter",), ("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th")),
    ("tfs12b", ("half",), ()),
    ("h12", ("h1", "h2", "1h", "2h"), ()),
    ("fc", ("fiscal", "fy", "year", "calendar"), ()),
    ("ty", ("year",), ("19", "20")),
    ("tcply", ("period", "quarter"), ("year", "comparable", "corresponding")),
    ("tfsn1369", ("month",), ()),
    ("ylt", ("date", "ytd", "ltm", "ttm", "month"), ()),
    ("tclpnfsy", ("quarter", "period"), ()),
    ("sq", ("sequential", "over"), ()),
    ("tjfmasond", ("quarter",), ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
    ("0-9tfsen", ("ago",), ()),
    ("tlnpafy", ("year", "yoy"), ()),
    ("bdfiost", ("19", "20"), ()),
]


class _Pattern(NamedTuple):
    kind: str
    rx: re.Pattern[str]  # the pattern behind its lookahead
    lowered: re.Pattern[str] | None  # `rx` to search lower-cased ASCII text with, when that is exact
    keys: frozenset[str]
    also: tuple[str, ...]


def _led(rx: re.Pattern[str], lead: str) -> re.Pattern[str]:
    return re.compile(f"(?=[{lead}]){rx.pattern}", rx.flags)


_PATTERNS = [
    _Pattern(kind, led, caseless.lowered(led), frozenset(keys), also)
    for (kind, rx), (lead, keys, also) in zip(PATTERNS, _LEADS_AND_KEYS, strict=True)
    for led in [_led(rx, lead)]
]
_ALL_KEYS = tuple(sorted({k for p in _PATTERNS for k in p.keys}))


def quarter_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The first two of `PATTERNS` (quarters by number and by ordinal), as fast as `matches` searches them."""
    return [(p.kind, p.rx) for p in _PATTERNS[:2]]


def may_name_period(sentence: str) -> bool:
    """False when no period phrase can be in the sentence (`find_periods` would find none)."""
    return _gated(sentence, sentence.lower())


@lru_cache(maxsize=4096)
def matches(sentence: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """`(kind, match)` of every `PATTERNS` match in a sentence, pattern by pattern (cached: call-period
    inference and extraction read the same sentences). Matches on ASCII text hold it lower-cased.

    On ASCII text a pattern is searched only when the sentence holds its keys; the first group's keys
    present are found once for all patterns."""
    low = sentence.lower()
    if not _gated(sentence, low):
        return ()
    if not sentence.isascii():
        return tuple((p.kind, m) for p in _PATTERNS for m in p.rx.finditer(sentence))
    present = {k for k in _ALL_KEYS if k in low}
    found: list[tuple[str, re.Match[str]]] = []
    for p in _PATTERNS:
        if p.keys.isdisjoint(present) or (p.also and not any(k in low for k in p.also)):
            continue
        found.extend((p.kind, m) for m in (p.lowered.finditer(low) if p.lowered is not None else p.rx.finditer(sentence)))
    return tuple(found)
