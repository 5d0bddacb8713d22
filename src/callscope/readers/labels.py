"""What a speaker label looks like: person names, the operator, unidentified speakers.

Short content lines ("Okay.", "Yes, it was.", "Great. Thanks.") must never become speakers,
so a name is checked word by word rather than by a loose capitalisation test.
"""

from __future__ import annotations

import re
from functools import lru_cache

OPERATOR_RE = re.compile(
    r"^(?:the\s+)?(?:conference\s+|call\s+|event\s+)?(operator|moderator|coordinator|host)(?:\s*\(.*\))?$", re.I
)
UNIDENTIFIED_RE = re.compile(
    r"^(unidentified|unknown|unverified)(\s+(company|audience|corporate|participant|speaker|analyst|"
    r"representative|male|female|member|caller|person|executive))*(\s*\d+)?$",
    re.I,
)

_PARTICLES = {
    "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "la", "le", "bin", "al", "el",
    "dos", "das", "st.", "y", "ter", "ten", "mac", "o'", "af", "zu",
}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "cfa", "phd", "md", "cpa", "esq."}
# Capitalised words that open short content lines and are never names.
_NOT_NAMES = {
    "okay", "ok", "yes", "yeah", "no", "thanks", "thank", "great", "sure", "right", "correct", "good",
    "hi", "hello", "alright", "all", "got", "understood", "perfect", "absolutely", "exactly", "fair",
    "so", "and", "but", "well", "sorry", "excellent", "fantastic", "wonderful", "helpful", "very",
    "the", "this", "that", "it", "we", "i", "you", "our", "they", "there", "what", "how", "why",
    "when", "where", "who", "which", "is", "are", "was", "a", "an", "on", "in", "at", "for", "of",
    "to", "with", "by", "as", "if", "operator", "presentation", "questions", "question", "answers",
    "q&a", "prepared", "remarks", "participants", "corporate", "conference", "call", "analysts",
    "executives", "page", "copyright", "disclaimer", "transcript", "contents", "table", "section",
    "management", "discussion", "end", "total", "revenue", "revenues", "net", "gross", "first",
    "second", "third", "fourth", "q1", "q2", "q3", "q4", "fiscal", "year", "quarter", "cheers",
    "bye", "goodbye", "appreciate", "understand", "got it", "indiscernible", "inaudible", "crosstalk",
    "laughter", "technical", "difficulty", "not", "just", "let", "one", "two", "three", "now",
    "please", "go", "ahead", "next", "last", "also", "then", "maybe", "sounds", "agreed", "indeed",
    "true", "interesting", "wow", "awesome", "super", "nice", "certainly", "definitely", "fine",
    "morning", "afternoon", "evening", "everyone", "welcome", "ladies", "gentlemen",
}
_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'\u00c0-\u024f-]*\.?|[A-Z]\.(?:[A-Z]\.)*|\[[^\]]+\]|\([A-Za-z .]+\)|\"[A-Za-z]+\")$")


def is_operator(label: str) -> bool:
    return bool(OPERATOR_RE.match(label.strip(" :.-")))


def is_unidentified(label: str) -> bool:
    return bool(UNIDENTIFIED_RE.match(label.strip(" :.-")))


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=65536)
def is_name(label: str, *, max_words: int = 6) -> bool:
    """True when `label` reads as a person's name ("Charles H. Lee", "[Nora Quist]", "Kieran O'Dell").

    Cached: readers ask about the same speaker labels and name words again and again.
    """
    s = label.strip()
    if not s or len(s) > 60 or _DIGIT.search(s):
        return False
    if s.startswith("[") and s.endswith("]"):
        s = s[1:-1].strip()
    words = s.split()
    if not 1 <= len(words) <= max_words:
        return False
    if words[0].lower().strip(".,") in _NOT_NAMES:
        return False
    capital = 0
    for w in words:
        lw = w.lower().rstrip(",")
        if lw in _PARTICLES or lw in _SUFFIXES:
            continue
        if not _WORD.match(w.rstrip(",")):
            return False
        capital += 1
    if capital == 0:
        return False
    # a one-word "name" must be a single capitalised token, not a sentence fragment like "Okay."
    if len(words) == 1 and (s.endswith(".") or s.lower() in _NOT_NAMES):
        return False
    # a trailing period is only an initial or a suffix ("Charles H.", "Jr."), never a sentence end
    return not s.endswith(".") or re.search(r"\b(?:[A-Z]|Jr|Sr)\.$", s) is not None


_NAME_PUNCT = re.compile(r"[\[\]().,\"]")  # compiled once: readers call this on every body line, mostly cache misses


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Comparison key: lower case, no punctuation or brackets, single spaces."""
    s = _NAME_PUNCT.sub(" ", name.lower())
    return " ".join(s.split())
