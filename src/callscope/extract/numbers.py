"""The number grammar: every figure said in a sentence, with its value in base units.

Off-the-shelf number parsers read `567.5 million` or `$4.11-4.45b` wrongly or not at all, and none
knows that `TA 5000`, `Q1 of '07` or `June 30, 2006` are not figures, so callscope owns this grammar.
It works in two passes: atoms (one number with its currency, scale and unit), then ranges and bounds
built from neighbouring atoms. Word lists come from the lexicon registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from msgspec.structs import replace

from .. import lexicons
from . import caseless, context
from .number_grammar import Grammar, Number, grammar
from .ranges import join_ranges, tolerances
from .trie import class_led_words, trie_pattern

_PHONE = re.compile(r"(?:\+?1[-.\s])?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.]\d{4}\b")
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9]*|\b[A-Z][a-z]+)\s$")  # "ISG 2000", "TA 5000", "Access 5000"


@lru_cache(maxsize=1)
def _month_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{context.months()})\.?\s*$", re.I)


@lru_cache(maxsize=1)
def _month_after() -> re.Pattern[str]:
    return re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{context.months()})\b", re.I)


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    """Capitalised words that may start a sentence before a count ("About 300 ..."), so are not product names."""
    return frozenset(
        lexicons.load("approx_words").terms | lexicons.load("label_stopwords").terms | set(context.words("plain_start"))
    )


# in every phone number, and cheaper to scan for: spelled \d\d\d, not \d{3}, because a pattern led by a
# character class lets the regex engine skip non-digits without entering its matcher
_PHONE_GATE = re.compile(r"\d\d\d[-.]\d{4}")


def _masked(text: str) -> list[tuple[int, int]]:
    """Phone numbers, whose digits are no figures."""
    return [m.span() for m in _PHONE.finditer(text)] if _PHONE_GATE.search(text) else []


_GLUE_BEFORE = frozenset({"'", "’", "#", "/", "_"})
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SIGN_ENDS = frozenset({"-", "−"})  # _SIGN_BEFORE can only end in a sign or in space


def _letter_hyphen_before(before: str) -> bool:
    """`re.search(r"[A-Za-z]-$", before)` without the regex call: "E-320", "COVID-19"."""
    if before.endswith("\n"):
        before = before[:-1]  # "$" also matches before a final newline
    return before[-1:] == "-" and before[-2:-1] in _ASCII_LETTERS


def _atom_number(m: re.Match[str], g: Grammar, text: str) -> Number | None:
    """The figure of one atom match, or None when what is around it makes it no figure."""
    s, e = m.span()
    before = text[max(0, s - 12) : s]
    after = text[e : e + 2]
    # numbers glued to letters are names or ordinals: Q1, M120, 1Q, FY21, 4G, 1st, E-320, COVID-19
    if before[-1:].isalpha() or before[-1:] in _GLUE_BEFORE or _letter_hyphen_before(before) or after[:1].isalpha():
        return None
    if (after[:1] == "/" and after[1:2].isdigit()) or (after[:1] in (".", ",") and after[1:2].isdecimal()):
        return None  # 6/30/2007, 24/7, version 1.2.3
    if after[:1] in {"'", "’"} and after[1:2] == "s":
        return None  # the 1990's
    code, sym, raw, short, scale_word, curw, unit_raw, unitw, unitx = m.group(
        "code", "sym", "num", "short", "scale", "curw", "unit", "unitw", "unitx"
    )
    value = float(raw.replace(",", ""))
    currency = g.currencies.get(sym or code or curw or "", None)
    scale_word = short or scale_word
    unit_raw = unit_raw or unitw or unitx
    if short and short.lower() == "m" and not currency and not unit_raw:
        return None  # "5m" without currency may be metres or a model name
    scale = g.scales.get((scale_word or "").lower(), 1.0)
    unit = g.units.get(unit_raw.lower(), "") if unit_raw else ""
    bare = not currency and not scale_word and not unit
    if bare:
        whole = "." not in raw and "," not in raw
        if whole and 1900 <= value <= 2100:
            return None  # a year
        if caseless.search(_month_before(), before) or _month_after().match(text[e : e + 15]):
            return None  # June 30, 2006 / 30 June
        name = _NAME_BEFORE.search(before)
        if whole and name and name.group(0).strip().lower() not in _plain_words():
            return None  # product names: TA 5000, ISG 2000, Total Access 5000
        if caseless.search(g.non_figure_before, before):
            return None  # tier 1, version 6
    if unit == "cents":
        value, unit, currency = value / 100.0, "USD", currency or "USD"
    value *= scale
    prev = text[s - 1 : s]
    sign = caseless.search(_SIGN_BEFORE, text[max(0, s - 20) : s]) if prev in _SIGN_ENDS or prev.isspace() else None
    if sign:  # "minus 3% to 1%", "negative 3%", "(-4%)": the sign is part of the figure
        value, s = -value, s - len(sign.group(0))
    if currency and not unit:
        unit = currency
    return Number(s, e, value, unit, scaled=bool(scale_word), currency=currency, raw=text[s:e])


def _spoken_value(words: list[str], g: Grammar) -> float | None:
    total = current = 0.0
    seen = False
    for w in words:
        hit = g.spoken_words.get(w.lower())
        if hit is None:
            continue
        val, kind = hit
        seen = True
        if kind in {"unit", "ten"}:
            current += val
        elif kind == "hundred":
            current = max(current, 1.0) * val
        else:
            total += max(current, 1.0) * val
            current = 0.0
    return total + current if seen else None


_SPOKEN_COUNT = re.compile(r"\s+(?:(?!of\b)[a-z-]+\s+)?([a-z]+)\b")


_LETTER_RUNS = re.compile(r"[a-z]+")
_NON_LETTERS = {c: " " for c in range(128) if not chr(c).islower()}  # ASCII to blanks, but a-z


@lru_cache(maxsize=1)
def _digit_words() -> frozenset[str] | None:
    """The spoken words that say a digit ("five", "twenty", "hundred"), unlike a bare scale ("million");
    None if one is not a plain lower-case word, which `_may_say_number` relies on."""
    words = frozenset(w for w, (_, kind) in grammar().spoken_words.items() if kind in {"unit", "ten", "hundred"})
    return words if all(_LETTER_RUNS.fullmatch(w) for w in words) else None


def _may_say_number(text: str, low: str) -> bool:
    """False only when `_spoken` finds nothing in `text`: ASCII text in which no whole word says a digit.

    A spoken number counts only with a digit word in it, and every word of a `g.spoken` match is a whole
    word (a boundary or a separator before it, a separator or a boundary after it), so a digit word in
    a match is one of the letter runs of the lower-cased text (`_LETTER_RUNS.findall(low)`, found here
    with `translate` and `split`, which cost a sixth of that regex scan). That rules out the ~85% of
    sentences whose only number words are scales ("$5 million") for a fraction of the `g.spoken` scan."""
    digit_words = _digit_words()
    return digit_words is None or not text.isascii() or not digit_words.isdisjoint(low.translate(_NON_LETTERS).split())


def _spoken(text: str, g: Grammar, taken: list[Number], low: str | None = None) -> list[Number]:
    """Spoken numbers count only with a scale word or a unit after them: `two thousand`, `five percent`;
    none overlaps a figure `taken` already. `low` may pass `text.lower()` when the caller has it."""
    low = text.lower() if low is None else low
    if not _may_say_number(text, low):
        return []
    out: list[Number] = []
    for m in caseless.finditer(g.spoken, text, low):
        s, e = m.span()
        if any(s < n.end and n.start < e for n in taken):
            continue
        words = re.split(r"[\s-]+", m.group(0))
        words = [w for w in words if w.lower() != "and"]
        value = _spoken_value(words, g)
        if value is None:
            continue
        kinds = {g.spoken_words.get(w.lower(), (0, ""))[1] for w in words}
        has_scale = "scale" in kinds
        if not kinds & {"unit", "ten", "hundred"}:
            continue  # "million" alone, "multi-million"
        um = _unit_after().match(text[e:])
        unit = g.units[um.group(1).lower()] if um else ""
        if um:
            e += um.end()
        elif has_scale:
            cm = g.count_after.match(text[e:])
            unit = g.count_units[cm.group("noun").lower()] if cm else ""
        else:
            cm = _SPOKEN_COUNT.match(text[e:])
            noun = cm and g.count_units.get(cm.group(1).lower())
            if not noun or value < 2:
                continue
            unit, e = noun, e + cm.end()
        if text[max(0, s - 2) : s].strip() == "$":
            s -= 1
            unit = "USD"
        if unit == "cents":
            value, unit = value / 100.0, "USD"
        out.append(Number(s, e, value, unit, scaled=has_scale, raw=text[s:e]))
    return out


@lru_cache(maxsize=1)
def _unit_after() -> re.Pattern[str]:
    """A unit word right after a spoken number ("five percent")."""
    return re.compile(rf"\s?({trie_pattern([u for u in grammar().units if u != 'x'])})(?!\w)", re.I)


@lru_cache(maxsize=1)
def _fuzzy_keyed() -> caseless.Keyed:
    g = grammar()
    return caseless.Keyed(g.fuzzy, tuple(p.lower() for p in g.fuzzy_positions))  # a band starts with its position word


@lru_cache(maxsize=1)
def _band_keyed() -> caseless.Keyed:
    """`g.fuzzy` keyed by its band words, in every spelling it accepts: a band names one ("mid-teens")."""
    g = grammar()
    spellings = dict.fromkeys(s for b in g.fuzzy_bands for s in (b.lower(), b.lower().replace(" ", "-")))
    return caseless.Keyed(g.fuzzy, tuple(spellings))


def _fuzzy(text: str, g: Grammar, low: str | None = None) -> list[Number]:
    """Spoken bands: `the low 20s`, `high single digits`, `mid-teens`. `low` may pass `text.lower()`.

    A band needs both a position word and a band word: a sixth of the sentences say "low", "mid" or
    "high" ("lower", "below"), a tenth of those also name a band, so both tests run before the scan."""
    low = text.lower() if low is None else low
    if not (_fuzzy_keyed().may_match(text, low) and _band_keyed().may_match(text, low)):
        return []
    out: list[Number] = []
    for m in caseless.finditer(g.fuzzy, text, low):
        band = g.fuzzy_bands[m.group("band").lower().replace("-", " ")]
        pos = g.fuzzy_positions[m.group("pos").lower()]
        width = band[1] - band[0]
        low, high = round(band[0] + width * pos[0]), round(band[0] + width * pos[1])
        said = (m.group("unit") or "%").lower()
        unit = "bp" if said.startswith("basis") else "pp" if said.startswith("percentage") else "%"
        out.append(
            Number(m.start(), m.end(), (low + high) / 2, unit, low=float(low), high=float(high), approx=True, raw=text[m.start() : m.end()])
        )
    return out


# a sign said or written right before a number, but not the "minus" of "plus or minus"
_SIGN_BEFORE = re.compile(r"(?:(?<!plus or )\b(?:minus|negative)\s+|(?:^|(?<=[\s(]))[-−])$", re.I)



def _approx(nums: list[Number], text: str, g: Grammar) -> list[Number]:
    out = []
    for n in nums:
        m = caseless.search(g.approx, text[max(0, n.start - 25) : n.start])
        if m:
            kind = g.approx_kinds[m.group("w").lower()]
            n = replace(n, approx=True, bound=None if kind == "approx" else kind)
        out.append(n)
    return out


@lru_cache(maxsize=1)
def _ratio_rx() -> re.Pattern[str]:
    words = trie_pattern(list(lexicons.load("ratio_words").terms))
    bounds = trie_pattern([w for w, k in grammar().approx_kinds.items()])
    return re.compile(
        rf"\b(?:{words})(?:\s+(?:for|in)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:quarter|year|period|q[1-4]))?"  # "... for the quarter"
        rf"\s+(?:(?:was|is|of|at|remained|came in)\s+)*(?:(?P<b>{bounds})\s+)?(?P<n>one|two|\d+(?:\.\d+)?)(?![\w%]|\.\d)",
        re.I,
    )


@lru_cache(maxsize=1)
def _ratio_keyed() -> caseless.Keyed:
    return caseless.Keyed(_ratio_rx(), tuple(w.lower() for w in lexicons.load("ratio_words").terms))


def _ratios(text: str, nums: list[Number], low: str | None = None) -> list[Number]:
    """`book-to-bill greater than one`, `a book-to-bill of 1.1`: plain numbers that are ratios, unless a
    figure with a unit in `nums` holds them. `low` may pass `text.lower()`."""
    g = grammar()
    out = []
    for m in _ratio_keyed().finditer(text, low):
        s, e = m.span("n")
        if any(n.unit and n.start <= s < n.end for n in nums):
            continue
        word = m.group("n").lower()
        value = g.spoken_words[word][0] if word in g.spoken_words else float(word)
        kind = g.approx_kinds.get((m.group("b") or "").lower())
        bs = m.start("b") if m.group("b") else s
        out.append(Number(bs, e, value, "x", approx=bool(kind), bound=None if kind in (None, "approx") else kind, raw=text[bs:e]))
    return out


def _tidy(x: float | None) -> float | None:
    return None if x is None else float(f"{x:.12g}")


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def triggers() -> re.Pattern[str]:
    """Where a figure could start: a digit, a number word (not a lone "one"), or a spoken band."""
    g = grammar()
    words = [w for w in g.spoken_words if w != "one"] + [b for b in g.fuzzy_bands if not b[0].isdigit()]
    letters, body = class_led_words(words, {"o": r"ne(?=[\s-]+(?:hundred|thousand|million|billion))"})
    # = \d|\b(?:words|one(?=[\s-]+(?:hundred|...)))\b, led by a character class (see `class_led_words`)
    return re.compile(rf"[\d{letters}](?:(?<=\d)|{body})", re.I)


@lru_cache(maxsize=1)
def ratio_triggers() -> caseless.Keyed:
    """Where a ratio said as "one" could start ("book-to-bill greater than one"), which `triggers` leaves
    out; searched only in text that names a ratio."""
    return caseless.Keyed(re.compile(r"(?:book|ratio|coverage)[^.]{0,40}?\bone\b", re.I), ("book", "ratio", "coverage"))


def find_numbers(text: str) -> list[Number]:
    """Every figure in `text` (a sentence), in order, without unit-less bare numbers resolved yet.

    Bare numbers (no currency, scale or unit) are kept only when a count noun follows
    (`88,000 employees`) or they are written with thousands separators or decimals; the metric
    stage decides what a remaining bare number measures.
    """
    return combine(candidates(text), text)


def _atoms(text: str, g: Grammar) -> Iterator[re.Match[str]]:
    """`g.atom.finditer(text)`, with the stretches no atom can start in skipped.

    An atom holds a digit and starts at most `g.atom_lead` characters before its first one, so the
    scan for the next atom starts that far before the next digit. Finding that digit is a cheap
    character-class scan; the atom pattern costs ~30x more per character it is tried at."""
    pos = 0
    while (digit := _DIGIT.search(text, pos)) is not None:
        m = g.atom.search(text, max(pos, digit.start() - g.atom_lead))
        if m is None:
            return
        yield m
        pos = m.end()


def candidates(text: str) -> list[Number]:
    """The first pass of `find_numbers`: single figures (atoms, spoken numbers, bands, ratios), in order.

    Joining them (`combine`) never gives a figure a unit, a scale or a thousands separator that none of
    them had, so a caller that keeps only such figures can stop here when none has one."""
    g = grammar()
    low = text.lower()
    masked = _masked(text)
    nums: list[Number] = []
    for m in _atoms(text, g):
        if masked and any(a <= m.start() < b for a, b in masked):
            continue
        n = _atom_number(m, g, text)
        if n is None:
            continue
        if not n.unit:
            cm = g.count_after.match(text[n.end :])
            if cm:
                n = replace(n, unit=g.count_units[cm.group("noun").lower()])
        nums.append(n)
    fuzzy = _fuzzy(text, g, low)
    spoken = _spoken(text, g, nums + fuzzy, low)
    if fuzzy or spoken:  # the atoms come in order: only figures said in words need sorting in
        nums = sorted(nums + fuzzy + spoken, key=lambda n: n.start)
    ratios = _ratios(text, nums, low)
    if ratios:
        keep = [n for n in nums if not any(r.start <= n.start < r.end for r in ratios)]
        nums = sorted(keep + ratios, key=lambda n: n.start)
    return nums


def combine(nums: list[Number], text: str) -> list[Number]:
    """The second pass of `find_numbers`: ranges, tolerance bands and approximations built from `candidates`."""
    nums = join_ranges(nums, text)
    nums = tolerances(nums, text)
    nums = _approx(nums, text, grammar())
    return [_tidied(n) for n in nums]


def _tidied(n: Number) -> Number:
    """`n` with float noise from scaling removed (0.30000000000000004 -> 0.3); the same object when there is none."""
    value, low, high = _tidy(n.value), _tidy(n.low), _tidy(n.high)
    if value == n.value and low == n.low and high == n.high:
        return n
    return replace(n, value=value, low=low, high=high)
