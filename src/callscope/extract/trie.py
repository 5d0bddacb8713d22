"""Word lists compiled as a trie-shaped regex: a 200-phrase alternation tried phrase by phrase is the
slowest part of figure extraction, while a trie lets the regex engine reject a position after one character."""

from __future__ import annotations

import re
from collections.abc import Iterable


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
