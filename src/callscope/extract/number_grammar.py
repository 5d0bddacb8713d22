"""The number grammar's data: the `Number` a figure is read into, and the patterns and word lists of
the grammar compiled once from the lexicons. `numbers` reads figures with them; kept apart so that
module stays about reading."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import msgspec

from .. import lexicons
from .trie import trie_pattern


class Number(msgspec.Struct, frozen=True):
    """One figure as said: `value` for a point, `low`/`high` for a range or a spoken band. A msgspec
    Struct, not a dataclass: the grammar builds and copies tens of thousands per corpus pass, and a frozen
    dataclass costs ~20x more to build."""

    start: int
    end: int
    value: float
    unit: str  # USD, EUR, %, bp, pp, days, x, count, or a count noun (employees, ports ...); "" when not yet known
    low: float | None = None
    high: float | None = None
    approx: bool = False
    bound: str | None = None  # "min" / "max" for "more than" / "up to"
    scaled: bool = False  # said with a scale word (million, b, ...)
    tolerance: bool = False  # the N of "X, plus or minus N": folded into X's low/high, kept as a figure of its own
    currency: str | None = None
    raw: str = ""

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None and self.low != self.high


@dataclass(frozen=True)
class Grammar:
    """The number grammar compiled: patterns for atoms and words said as numbers, and their word lists."""

    atom: re.Pattern[str]
    spoken: re.Pattern[str]
    fuzzy: re.Pattern[str]
    approx: re.Pattern[str]
    count_after: re.Pattern[str]
    non_figure_before: re.Pattern[str]
    scales: dict[str, float]
    currencies: dict[str, str]
    units: dict[str, str]
    count_units: dict[str, str]
    spoken_words: dict[str, tuple[float, str]]
    fuzzy_bands: dict[str, tuple[float, float]]
    fuzzy_positions: dict[str, tuple[float, float]]
    approx_kinds: dict[str, str]
    atom_lead: int  # no atom starts further than this before its first digit (see `_atoms`)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """Compile the grammar once from the lexicons."""
    scales = {k: float(v[0]) for k, v in lexicons.load("scale_words").mapping().items()}
    currencies = {k: v[0] for k, v in lexicons.load("currencies").mapping().items()}
    units = {k: v[0] for k, v in lexicons.load("figure_units").mapping().items()}
    count_units = {k: v[0] for k, v in lexicons.load("count_units").mapping().items()}
    spoken = {k: (float(v[0]), v[1]) for k, v in lexicons.load("spoken_numbers").mapping().items()}
    bands = {k: (float(v[0]), float(v[1])) for k, v in lexicons.load("fuzzy_numbers").mapping().items()}
    positions = {k: (float(v[0]), float(v[1])) for k, v in lexicons.load("fuzzy_positions").mapping().items()}
    approx = {k: v[0] for k, v in lexicons.load("approx_words").mapping().items()}
    symbols = [c for c in currencies if not c.isalpha()]
    codes = [c for c in currencies if c.isupper() and c.isalpha()]
    long_scales = [s for s in scales if len(s) > 2 or s == "bn" or s == "mm"]
    short_scales = [s for s in scales if s not in long_scales]
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
    words_after = [u for u in units if u[0].isalpha() and u != "x"]
    cur_words = [c for c in currencies if c.islower()]
    atom = re.compile(
        rf"(?=[A-Z{''.join(re.escape(c[0]) for c in symbols)}\d.])"  # cheap first-character gate: the scan is per character
        rf"(?:(?P<code>{trie_pattern(codes, fold=False)})\s?)?(?:(?P<sym>{trie_pattern(symbols, fold=False)})\s?)?(?P<num>{num})"
        rf"(?:(?P<short>{trie_pattern(short_scales, fold=False)})(?![\w$])|\s?-?(?P<scale>{trie_pattern(long_scales, fold=False)})\b)?"
        rf"(?:\s(?P<curw>{trie_pattern(cur_words, fold=False)})\b)?"
        rf"(?:\s?(?P<unit>{trie_pattern([u for u in units if not u[0].isalpha()], fold=False)})|\s(?P<unitw>{trie_pattern(words_after, fold=False)})\b|(?P<unitx>x)\b)?"
    )
    words = trie_pattern(spoken)
    spoken_rx = re.compile(rf"\b(?:{words})(?:(?:\s+and\s+|[\s-]+)(?:{words}))*\b", re.I)
    fuzzy_rx = re.compile(
        rf"\b(?P<pos>{trie_pattern(list(positions))})[\s-]+(?P<band>{trie_pattern([b.replace(' ', '-') for b in bands] + list(bands))})\b"
        rf"(?:\s?(?P<unit>%|percent\b|percentage points?\b|basis points\b))?",
        re.I,
    )
    approx_rx = re.compile(rf"\b(?P<w>{trie_pattern(list(approx))})\s*(?:of\s+|a\s+|an\s+|the\s+)?$", re.I)
    count_after = re.compile(rf"^(?:\s+[\w&-]+){{0,2}}?\s+(?P<noun>{trie_pattern(list(count_units))})\b", re.I)
    nf = lexicons.load("non_figure_context").terms
    non_figure_before = re.compile(rf"(?:^|\s)(?:{trie_pattern(list(nf))})\s*$", re.I)
    return Grammar(
        atom,
        spoken_rx,
        fuzzy_rx,
        approx_rx,
        count_after,
        non_figure_before,
        scales,
        currencies,
        units,
        count_units,
        spoken,
        bands,
        positions,
        approx,
        max(map(len, codes)) + 1 + max(map(len, symbols)) + 1 + 1,  # "USD US$ .5": code, space, symbol, space, "."
    )
