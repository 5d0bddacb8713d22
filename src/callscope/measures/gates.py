"""Fast exact tests for the non-answer regexes: necessary-condition gates and literal tries.

GLZ's patterns and callscope's cues start with long case-insensitive alternations that Python's
regex engine tries at every position, so searching them was most of the measures stage, though
few sentences can match. Two facts keep results exact while doing far less work:

- Any run of consecutive top-level items of a pattern, searched alone on the same text, is a
  necessary condition: where the pattern matches, that run matches the text it consumed (each
  item sees the same string and positions). Dropping a leading `\\b` only widens it. A sentence
  its gate misses cannot match, so the pattern is not searched.
- A pattern that is a finite set of phrases matches somewhere exactly when a trie of those phrases
  does (only whether, not which phrase: alternatives are reordered).
- Many patterns at once (`screen`): where none of one test per pattern matches, none of them can.

Gates and tries are runs of literals, `\\b` and small literal alternations or optional parts
(`(n('|’)t|\\bnot|cannot)`, `(for (us|me) )?`); other shapes get none and are searched as they are.
On an ASCII sentence a case-insensitive gate or trie is searched case-sensitively on the lower-cased
text, where the engine can scan for literals; both agree on ASCII text (other text uses the
case-insensitive form on the original).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

try:  # the regex parser is private; without it nothing is gated (same results, slower)
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    sre = sre_parse = None

GATE_LIMIT = 64  # alternatives a gate may expand to
PHRASE_LIMIT = 1024  # phrases a literal pattern may expand to
BOUNDARY = r"\b"  # the one two-character token; every other token is one literal character
Tokens = tuple[str, ...]
_FLAGS = re.IGNORECASE | re.ASCII


@dataclass(frozen=True)
class Test:
    """A regex searched for whether it matches: `exact` on the text, or `low` on its lower-cased ASCII form."""

    exact: re.Pattern[str]
    low: re.Pattern[str] | None = None

    def found(self, text: str, lowered: str | None) -> bool:
        """`lowered` is `text.lower()` when text is ASCII, else None."""
        if lowered is not None and self.low is not None:
            return self.low.search(lowered) is not None
        return self.exact.search(text) is not None


def lowered(text: str) -> str | None:
    """What `Test.found` takes: the lower-cased text when it is ASCII."""
    return text.lower() if text.isascii() else None


Step = tuple[Callable[[str], "re.Match[str] | None"], bool]  # (search, on the lower-cased text)


def steps(tests: Sequence[Test], ascii_text: bool) -> tuple[Step, ...]:
    """The tests as plain (search, on lower-cased text) pairs for ASCII or other text: loops over these
    cost no method calls, which matters at a dozen tests per sentence."""
    return tuple((t.low.search, True) if ascii_text and t.low is not None else (t.exact.search, False) for t in tests)


def all_found(chain: tuple[Step, ...], text: str, low: str) -> bool:
    """Whether every step matches (`low`: the lower-cased text, used by steps made for ASCII text)."""
    for search, on_low in chain:  # noqa: SIM110 - a plain loop: no generator per call
        if search(low if on_low else text) is None:
            return False
    return True


def screen(chains: Sequence[Sequence[Test]]) -> re.Pattern[str] | None:
    """One regex for lower-cased ASCII text that matches wherever any chain (tests that must all match) could.

    Any test of a chain is a necessary condition for it, so each chain gives its rarest-looking literal
    test (long shortest phrase, few phrases) and all their phrases make one trie: a sentence it misses
    passes no chain, for one search instead of a dozen. None when a chain has no lower-case literal test.
    """
    chosen: list[Tokens] = []
    for chain in chains:
        options = [p for t in chain if t.low is not None and (p := _phrases_of(t.low)) is not None]
        if not options:
            return None
        best = max(options, key=lambda p: min(n for _, n in p) - math.log2(len(p)) / 2)
        chosen.extend(tokens for tokens, _ in best)
    return re.compile(_trie(chosen))


def _phrases_of(regex: re.Pattern[str]) -> list[tuple[Tokens, int]] | None:
    parsed = _parse(regex.pattern, regex.flags & _FLAGS)
    return None if parsed is None else _expand(list(parsed), PHRASE_LIMIT)


def gates(pattern: str, flags: int = 0) -> tuple[Test, ...]:
    """Necessary conditions for `pattern` compiled with `flags`: all must match for the pattern to match."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return ()
    items = list(parsed)
    out: list[Test] = []
    run: list[Any] = []
    for item in [*items, None]:
        if item is not None and _expand([item], GATE_LIMIT) is not None:
            run.append(item)
            continue
        alts = _expand(run, GATE_LIMIT) if run and len(run) < len(items) else None  # a gate as big as the pattern saves nothing
        if alts and all(n >= 2 for _, n in alts):
            out.append(_test([_strip_leading_boundary(t) for t, _ in alts], parsed.state.flags))
        run = []
    return tuple(sorted(out, key=lambda t: len(t.exact.pattern)))  # short ones first: cheapest


def phrases(pattern: str, flags: int = 0) -> tuple[list[Tokens], int] | None:
    """The pattern as a finite set of phrases (and its flags), when it is one; see `phrase_test`."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None
    alts = _expand(list(parsed), PHRASE_LIMIT)
    if not alts or not all(n for _, n in alts):
        return None
    return [t for t, _ in alts], parsed.state.flags


def phrase_tests(strings: list[Tokens], flags: int) -> tuple[Test, ...]:
    """Tests that all match exactly when one of the phrases matches somewhere.

    The phrases without their leading `\\b` go first: the engine can skip to a phrase's first
    character, and only the few sentences that pass are searched with the boundary.
    """
    exact = _test(strings, flags)
    if not any(s[:1] == (BOUNDARY,) for s in strings):
        return (exact,)
    return _test([_strip_leading_boundary(s) for s in strings], flags), exact


def _parse(pattern: str, flags: int) -> Any:
    if sre_parse is None or flags & ~_FLAGS:
        return None
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    if parsed.state.flags & ~(_FLAGS | re.UNICODE):
        return None  # multiline, dotall, verbose: not worth reasoning about
    return parsed


def _strip_leading_boundary(tokens: Tokens) -> Tokens:
    return tokens[1:] if tokens[:1] == (BOUNDARY,) else tokens


def _test(strings: list[Tokens], flags: int) -> Test:
    flags &= _FLAGS
    exact = re.compile(_trie(strings), flags)
    if not flags & re.IGNORECASE:
        return Test(exact)
    if any(t != BOUNDARY and not t.isascii() and not t.lower() == t.upper() == t for s in strings for t in s):
        return Test(exact)  # a cased non-ASCII literal might match ASCII text case-insensitively (K, ſ)
    low = [tuple(t if t == BOUNDARY else t.lower() for t in s) for s in strings]
    return Test(exact, re.compile(_trie(low), flags & ~re.IGNORECASE))


def _trie(strings: list[Tokens]) -> str:
    """One regex for a set of token sequences, shared prefixes factored (order does not matter here).

    Only whether one matches counts, so a sequence that extends another is dropped: where it matches, so does the shorter.
    """
    root: dict[str, Any] = {}
    for tokens in strings:
        node = root
        for t in tokens:
            node = node.setdefault(t, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, Any]) -> str:
    if "" in node:  # a sequence ends here: its extensions add nothing
        return ""
    branches = [(t if t == BOUNDARY else re.escape(t)) + _emit(child) for t, child in sorted(node.items()) if t]
    if not branches:
        return ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _expand(items: Any, limit: int) -> list[tuple[Tokens, int]] | None:
    """Every string the items can match as (tokens, literal characters), or None when not a small finite set."""
    out: list[tuple[Tokens, int]] = [((), 0)]
    for op, av in items:
        part: list[tuple[Tokens, int]] | None
        if op is sre.LITERAL:
            part = [((chr(av),), 1)]
        elif op is sre.IN and all(o is sre.LITERAL for o, _ in av):  # ('|’) is parsed as the class ['’]
            part = [((chr(c),), 1) for _, c in av]
        elif op is sre.AT and av is sre.AT_BOUNDARY:
            part = [((BOUNDARY,), 0)]
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group without local flags
            part = _expand(av[3], limit)
        elif op is sre.BRANCH:
            part = []
            for branch in av[1]:
                sub = _expand(branch, limit)
                if sub is None:
                    return None
                part.extend(sub)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[1] <= 2:  # x? and x{0,2}: each count in turn
            one = _expand(av[2], limit)
            if one is None:
                return None
            part, power = [], [((), 0)]
            for count in range(av[1] + 1):
                if count >= av[0]:
                    part.extend(power)
                power = [(a + b, m + n) for a, m in power for b, n in one]
        else:
            return None
        if part is None:
            return None
        out = [(a + b, m + n) for a, m in out for b, n in part]
        if len(out) > limit:
            return None
    return out
