"""Segment figures: `In the Northern segment, revenue grew 19% to $8 billion`.

A segment's or product group's figure must never be read as the company total (guidance vs actual
would match a segment's operating income against company-wide guidance), so figures said of a named
segment get a `segment:<name>` qualifier. The name is a run of capitalised words or an acronym said
with a segment noun (`segment`, `Group`, `business`), or an acronym right before the metric
(`DCG operating margin`) or right after it (`operating margin for DCG`), or several capitalised words right
before the metric (`Harbor Cloud Services operating income`). Lower-case names count only with `our`/`the` and a
segment noun (`our security business`, `the international segment`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicons
from . import caseless
from .metrics import MetricMention
from .numbers import Number
from .trie import trie_pattern

_NAME = r"(?:[A-Z][\w&'-]*|[A-Z]{2,6})(?:\s+(?:[A-Z][\w&'-]*|&))*"


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def _prefix() -> re.Pattern[str]:
    kinds = lexicons.load("segment_words").mapping()
    words = trie_pattern(t for t, k in kinds.items() if k and k[0] == "prefix")
    return re.compile(rf"(?<![\w-])(?P<name>{words})\s+$", re.I)


@lru_cache(maxsize=1)
def _named() -> caseless.Keyed:
    """The `named` pattern keyed on its nouns: every match ends with one (a sentence without any has no named segment)."""
    kinds = lexicons.load("segment_words").mapping()
    nouns = tuple(t.lower() for t, k in kinds.items() if k and (k[0] == "noun" or "lower" in k[1:]))
    return caseless.Keyed(_rx()[0], nouns)


_SUBJECT_KEYS = ("expect", "see", "forecast")  # the `subject` pattern's verbs, case-sensitive as it is


@lru_cache(maxsize=1)
def _rx() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    kinds = lexicons.load("segment_words").mapping()
    nouns = trie_pattern(t for t, k in kinds.items() if k and k[0] == "noun")
    never = frozenset(t for t, k in kinds.items() if k and k[0] == "not") | lexicons.load("months").terms
    lower = trie_pattern(t for t, k in kinds.items() if "lower" in k[1:])
    geos = trie_pattern(g for g in lexicons.load("geographies").terms if g.islower())
    named = re.compile(
        rf"(?<![\w-])(?:(?P<name>{_NAME})\s+(?i:{nouns})|(?i:our|the|its)\s+(?P<low>[a-z][a-z-]+|{geos})\s+(?i:{lower}))\b"
    )
    before = re.compile(r"(?<![\w-])(?P<name>[A-Z][A-Z0-9&]{1,5})\s+(?:[\w-]+\s+){0,2}$")
    after = re.compile(r"^\s+(?:for|in|at|from)\s+(?:the\s+|our\s+)?(?P<name>[A-Z][A-Z0-9&]{1,5})\b")
    subject = re.compile(rf"\b(?:expect|see|forecast)\s+(?:our\s+)?(?P<name>{_NAME})\s+to\b")  # "we expect DCG to grow"
    return named, before, after, subject, never


_CAPS = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)+)\s+$")  # capitalised words right before a metric


def _clean(name: str, never: frozenset[str]) -> str:
    words = re.sub(r"['’]s$", "", name).split()  # "North America's segment"
    while words and words[0].lower().strip(".") in never:
        words.pop(0)
    if any(w.lower().strip(".") in never for w in words[1:]):
        return ""  # "LTM June EBITDA", "Q2 Data Center revenue" are not names
    return " ".join(words)


def segment_of(sentence: str, m: MetricMention | None, n: Number) -> str | None:
    """The segment a figure is said of, or None for a company-wide figure."""
    named, before, after, subject, never = _rx()
    hits = [*named.finditer(sentence, 0, n.start)] if _named().may_match(sentence) else []
    if any(k in sentence for k in _SUBJECT_KEYS):
        hits = sorted([*hits, *subject.finditer(sentence, 0, n.start)], key=lambda h: h.end())
    for hit in reversed(hits):
        between = sentence[hit.end() : n.start]
        if ";" in between or re.search(r"\.\s", between):
            break
        name = _clean(hit.group("name") or hit.groupdict().get("low") or "", never)
        if name:
            return name
    if m is not None:
        label = _CAPS.search(sentence[max(0, m.start - 40) : m.start])
        if label and len(name := _clean(label.group("name"), never).split()) >= 2:
            return " ".join(name)  # "Harbor Cloud Services operating income"
        line = _prefix().search(sentence[max(0, m.start - 20) : m.start])
        if line:
            return line.group("name").lower()  # "product gross margin was 63.3%"
        for hit in (before.search(sentence[max(0, m.start - 30) : m.start]), after.match(sentence[m.end : n.start])):
            name = _clean(hit.group("name"), never) if hit else ""
            if name:
                return name
    return None
