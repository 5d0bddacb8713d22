"""Word lists compiled as a trie-shaped regex: a 200-phrase alternation tried phrase by phrase is the
slowest part of figure extraction, while a trie lets the regex engine reject a position after one character."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping


def trie_pattern(terms: Iterable[str], *, fold: bool = True) -> str:
    """A regex (no anchors, no groups that capture) matching exactly `terms`, longest match first."""
    root: dict[str, dict] = {}
    for t in terms:
        node = root
        for ch in t.lower() if fold else t:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, dict]) -> str:
    end = "" in node
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body


def class_led_words(terms: Iterable[str], tails: Mapping[str, str] | None = None) -> tuple[str, str]:
    """`\\b(?:terms)\\b` split by first letter, for a pattern that must begin with a character class.

    Returns `(letters, body)`: `[<letters>]<body>` matches what `\\b(?:terms)\\b` matches, with the same
    spans (terms are folded to lower case: use it with IGNORECASE or on lower-cased text). `tails` maps
    a letter to one more pattern for the rest of a word that starts with it, tried after its terms.
    Why: the regex engine skips positions whose character is not in a pattern's leading class without
    entering the matcher, and finds no such class in `\\b(?:...)`: a scan of running text for number
    words ran ~1.7x faster this way."""
    rests: dict[str, list[str]] = {}
    for t in terms:
        rests.setdefault(t[0].lower(), []).append(t[1:].lower())
    for letter in tails or {}:
        rests.setdefault(letter, [])
    branches = []
    for letter in sorted(rests):
        alts = [trie_pattern(rests[letter])] if rests[letter] else []  # "" for a one-letter term
        if tails and letter in tails:
            alts.append(tails[letter])
        branches.append(f"(?<={re.escape(letter)})(?:{'|'.join(alts)})")
    return "".join(re.escape(c) for c in sorted(rests)), rf"(?<!\w.)(?:{'|'.join(branches)})\b"
