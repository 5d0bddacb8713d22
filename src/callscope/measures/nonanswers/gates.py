"""Cheap necessary conditions ("gates") for GLZ's patterns, derived from the patterns themselves.

GLZ's patterns start with long alternations that Python's regex engine tries at every word boundary,
so searching them is most of the non-answer work, yet few sentences can match. Any run of consecutive
top-level items of a pattern, searched alone on the same sentence, is a necessary condition: where the
pattern matches, that run matches the text it consumed there (each item sees the same string and
positions). So a sentence the gate does not match cannot match the pattern, and results are unchanged.

Gates are runs made only of literals, `\\b` and small literal alternations (`(n('|’)t|\\bnot|cannot)`),
expanded to at most `LIMIT` alternatives of at least two characters each: short, selective regexes
like `no\\b`. Patterns (or runs) of any other shape simply get no gate.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the regex parser is private; without it every pattern is searched ungated (same results, slower)
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    sre = sre_parse = None

LIMIT = 16
Alternatives = list[tuple[tuple[str, ...], int]]  # (regex tokens: escaped characters and \\b, literal characters)


def gates(pattern: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """Necessary-condition regexes for `pattern` compiled with `flags` (all must match for the pattern to match)."""
    if sre_parse is None or flags & ~(re.IGNORECASE | re.ASCII):
        return ()
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return ()
    flags = parsed.state.flags & (re.IGNORECASE | re.ASCII)
    if parsed.state.flags & ~(re.IGNORECASE | re.ASCII | re.UNICODE):
        return ()  # multiline, dotall, verbose: not worth reasoning about
    out: list[re.Pattern[str]] = []
    run: list[Any] = []
    items = list(parsed)
    for item in [*items, None]:
        if item is not None and _expand([item]) is not None:
            run.append(item)
            continue
        alts = _expand(run) if run and len(run) < len(items) else None  # a gate as big as the pattern saves nothing
        if alts and all(n >= 2 for _, n in alts):
            out.append(re.compile(_trie([tokens for tokens, _ in alts]), flags))
        run = []
    return tuple(out)


def _trie(alternatives: list[tuple[str, ...]]) -> str:
    """One regex for a set of token sequences, shared prefixes factored (order is irrelevant to a gate)."""
    root: dict[str, Any] = {}
    for tokens in alternatives:
        node = root
        for t in tokens:
            node = node.setdefault(t, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, Any]) -> str:
    branches = [t + _emit(child) for t, child in sorted(node.items()) if t]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _expand(items: Any) -> Alternatives | None:
    """Every string the items can match, as regex fragments, or None when not a small finite set."""
    out: Alternatives = [((), 0)]
    for op, av in items:
        if op is sre.LITERAL:
            part = [((re.escape(chr(av)),), 1)]
        elif op is sre.IN and all(o is sre.LITERAL for o, _ in av):  # ('|’) is parsed as the class ['’]
            part = [((re.escape(chr(c)),), 1) for _, c in av]
        elif op is sre.AT and av is sre.AT_BOUNDARY:
            part = [((r"\b",), 0)]
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group without local flags
            part = _expand(av[3])
        elif op is sre.BRANCH:
            part = []
            for branch in av[1]:
                sub = _expand(branch)
                if sub is None:
                    return None
                part.extend(sub)
        else:
            return None
        if part is None:
            return None
        out = [(a + b, m + n) for a, m in out for b, n in part]
        if len(out) > LIMIT:
            return None
    return out
