"""Gow, Larcker & Zakolyukina (2021) non-answer patterns, exactly as the authors ship them.

The patterns are read from the data files of the pinned `ling_features` distribution
(`non_answer/regex.txt`, `word_lists.txt` and `word_lists/*`) and assembled by the authors' own
procedure: each word list becomes `(w1|w2|...)` and replaces its `{NAME}` placeholder, and each
pattern line belongs to the most recent `TYPE=` line. Nothing is retyped; the module is not
imported (it would import pandas and nltk), its files are read from the installed distribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ... import lexicons
from ...errors import CallscopeError
from ..gates import Step, Test, gates, phrase_tests, phrases, steps

DISTRIBUTION = "ling_features"


@dataclass(frozen=True)
class Pattern:
    id: int
    type: str  # "aftercall", "unable" or "refuse"
    pattern: str
    regex: re.Pattern[str]
    gates: tuple[Test, ...] = ()  # necessary conditions, searched first (measures/gates.py)


Plan = tuple[tuple[Step, ...], tuple[tuple[int, ...], ...]]


@dataclass(frozen=True)
class GLZPatterns:
    name: str
    version: str
    source: str
    patterns: tuple[Pattern, ...]
    plans: dict[bool, Plan] = field(default_factory=dict, compare=False, repr=False)  # by "ASCII text?", see _plan

    def describe(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "source": self.source}

    def matches(self, sentence: str) -> list[tuple[Pattern, str]]:
        """Every pattern that matches the sentence, with the matched phrase (as `non_answers()` reports)."""
        out = []
        ascii_text = sentence.isascii()
        low = sentence.lower() if ascii_text else sentence
        plan = self.plans.get(ascii_text) or self.plans.setdefault(ascii_text, _plan(self.patterns, ascii_text))
        gate_steps, gate_ids = plan
        passed: list[bool | None] = [None] * len(gate_steps)  # patterns share gates ("no\\b", "n't|not|cannot|without")
        for p, ids in zip(self.patterns, gate_ids, strict=True):
            ok = True
            for i in ids:
                hit = passed[i]
                if hit is None:
                    search, on_low = gate_steps[i]
                    hit = passed[i] = search(low if on_low else sentence) is not None
                if not hit:
                    ok = False
                    break
            if not ok:
                continue
            m = p.regex.search(sentence)
            if m is not None:
                out.append((p, m.group()))
        return out


def _plan(patterns: tuple[Pattern, ...], ascii_text: bool) -> Plan:
    """The distinct gates of the patterns as steps, and each pattern's gates as indexes into them."""
    distinct: dict[Test, int] = {}
    ids = tuple(tuple(distinct.setdefault(g, len(distinct)) for g in p.gates) for p in patterns)
    return steps(list(distinct), ascii_text), ids


def _gates(pattern: str) -> tuple[Test, ...]:
    """A pattern's gates; one that is all literal (`\\b(I|we) have no idea\\b`) has none, so its phrase trie
    without the leading `\\b` stands in (the pattern itself is still searched, for the matched phrase)."""
    found = gates(pattern)
    if found:
        return found
    literal = phrases(pattern)
    return phrase_tests(*literal)[:1] if literal is not None else ()


def _root() -> Path:
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError as exc:  # pragma: no cover - a declared dependency
        raise CallscopeError(f"the {DISTRIBUTION} package (GLZ non-answer patterns) is not installed") from exc
    return Path(str(dist.locate_file("non_answer")))


def _word_list_regex(path: Path) -> str:
    # As makeRegexList(): every stripped line (blank ones included) joined by "|" inside one group.
    return "(" + "|".join(line.strip() for line in path.read_text("utf-8").splitlines()) + ")"


@lru_cache(maxsize=1)
def patterns() -> GLZPatterns:
    root = _root()
    word_lists: dict[str, str] = {}
    for line in (root / "word_lists.txt").read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, rel = line.partition("=")
            word_lists[key] = _word_list_regex(root / rel)
    out: list[Pattern] = []
    kind = "UNKNOWN"
    for line in (root / "regex.txt").read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("TYPE"):
            kind = line.split("=")[1]
            continue
        for key, regex in word_lists.items():
            line = line.replace(key, regex)
        out.append(Pattern(id=len(out), type=kind.lower(), pattern=line, regex=re.compile(line), gates=_gates(line)))
    version = metadata.version(DISTRIBUTION)
    return GLZPatterns(
        name="Gow, Larcker & Zakolyukina (2021) non-answer patterns",
        version=f"ling_features {version}",
        source=str(root),
        patterns=tuple(out),
    )


lexicons.register("glz_nonanswers", patterns)
