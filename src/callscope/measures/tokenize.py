"""Tokens and sentences, made the way the published measures make them.

LM tokens reproduce Loughran & McDonald's `Generic_Parser.py`: drop every `May`/`MAY` substring
(their guard against the month), upper-case, `\\w+` tokens (so hyphenated words split), and keep a
token only when it is not all digits, is longer than one character and is in the Master Dictionary.
Counting distinct tokens with `Counter` keeps the per-token work in C, which is where the speed is.

Sentences: a rule-based splitter (abbreviations come from the lexicon registry) that stands in for
nltk's punkt, which GLZ used but which would need a model download at run time.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import lexicons

LM_MAY = re.compile("(May|MAY)")  # Generic_Parser.py: re.sub('(May|MAY)', ' ', doc)
MONTH_MAY = re.compile(r"\b(?:May|MAY)\b(?=[\s,]+\d)|(?<=\b[Ii]n )May\b")  # transcript mode: the month only
WORD = re.compile(r"\w+")
DIGIT = re.compile(r"\d")
ALPHA_WORD = re.compile(r"\w*[^\W\d_]\w*")  # a \w+ token with at least one letter (Fog's word)
# LM's number count: punctuation inside numbers dropped, then signed/currency digit runs.
_NUM_PUNCT = re.compile(r"(?!=[0-9])(\.|,)(?=[0-9])")
_PUNCT = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"})
NUMBER = re.compile(r"\b[-+\(]?[$€£]?[-+(]?\d+\)?\b")


def lm_prepare(text: str, month_rule: str = "reference") -> str:
    """Text as LM's parser sees it before tokenizing: `May` dropped, upper case."""
    pattern = LM_MAY if month_rule == "reference" else MONTH_MAY
    return pattern.sub(" ", text).upper()


# Every ASCII byte that is not a \w character becomes a space; UTF-8 bytes of non-ASCII characters are kept.
SPACE_NON_WORD = bytes(b if b >= 128 or WORD.match(chr(b)) else 32 for b in range(256))
_SPACE_NON_NUMBER = SPACE_NON_WORD.replace(b"_", b" ")
_NUM_JOIN = re.compile(r"[.,](?=[0-9])")  # _NUM_PUNCT as it acts


def word_counts(text: str) -> Counter[str]:
    """`Counter(re.findall(r"\\w+", text))`, about twice as fast.

    Bytes translation and split do the ASCII work in C; the rare token holding non-ASCII bytes is
    re-split with the regex, so characters like a curly apostrophe still end a word exactly as in LM.
    """
    raw = Counter(text.encode("utf-8").translate(SPACE_NON_WORD).split())
    out: Counter[str] = Counter()
    for token, n in raw.items():
        if token.isascii():
            out[token.decode("ascii")] += n
        else:
            for word in WORD.findall(token.decode("utf-8")):
                out[word] += n
    return out


def token_counts(text: str, month_rule: str = "reference") -> Counter[str]:
    """Distinct upper-cased `\\w+` tokens with their counts (dictionary filtering happens in counts.py)."""
    return word_counts(lm_prepare(text, month_rule))


def lm_tokens(text: str, vocabulary: frozenset[str] | dict[str, object], month_rule: str = "reference") -> list[str]:
    """LM's word tokens in order: not all digits, longer than one character, in the dictionary."""
    return [t for t in WORD.findall(lm_prepare(text, month_rule)) if len(t) > 1 and not t.isdigit() and t in vocabulary]


def lm_number_count(text: str) -> int:
    """Numbers as LM's parser counts them (`_odata` '# of numbers'): the plain definition."""
    return len(NUMBER.findall(_NUM_PUNCT.sub("", text).translate(_PUNCT)))


def number_count(text: str) -> int:
    """`lm_number_count`, several times faster on ASCII text.

    Once punctuation is spaces, NUMBER's signs, brackets and `$` can never match, so a number is a
    maximal `\\w` run of digits (`_` is punctuation too); on ASCII text those are the digit tokens
    of a bytes translate + split. LM's `(?!=[0-9])` always holds before a `.` or `,`.
    """
    if not text.isascii():
        return lm_number_count(text)
    return sum(map(bytes.isdigit, _NUM_JOIN.sub("", text).encode("ascii").translate(_SPACE_NON_NUMBER).split()))


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(t.lower() for t in lexicons.load("abbreviations").terms)


# `[.!?]+[closers]*(?=\s+[opener]?[A-Z0-9])|\n\s*`, led by one character class: the regex engine then
# skips every other character without entering the matcher (~1.6x faster; same matches)
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"')\]’”]*(?=\s+[\"'(\[‘“]?[A-Z0-9])|(?<=\n)\s*)")


# A sentence is sliced and split once per period in it; the word before a period is whole in the last
# _WINDOW characters when they hold whitespace before it (else the whole sentence is split, as before).
_WINDOW = 24


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences in `text`, whitespace trimmed.

    A `.` ends a sentence when what follows starts with a capital or digit, unless the word before
    it is a known abbreviation or a single initial ("J. Smith"); line breaks always end one.
    """
    abbrev = _abbreviations()
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        at = m.start()
        first = text[at]
        if first == ".":  # the word before it: text[start:at].rsplit(None, 1)[-1], tried first on the last few characters
            lo = at - _WINDOW
            parts = text[lo:at].rsplit(None, 1) if lo > start else ()
            if len(parts) != 2:  # no whitespace before the word there: split the whole sentence
                parts = text[start:at].rsplit(None, 1)
            word = parts[-1].lower() if parts else ""
            if word.strip("\"'(“‘") in abbrev or (len(word) == 1 and word.isalpha()):
                continue
        stop = m.end()
        _add(text, start, at if first == "\n" else stop, spans)
        start = stop
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """`text[start:end]`'s span, whitespace trimmed, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
