"""Ranges and bands built from neighbouring figures: `570 to 575 million`, `between $150 million and
$750 million`, `minus 3% to 1%`, `range from $0.44 to $0.47`, `zero to 5%`, `$2.40 billion, plus or minus 2%`.

A range gives the figure `low`/`high`; a `plus or minus` band gives the figure before it (or each of a
listed pair, "58.3% and 59.1%, respectively, plus or minus 50 basis points") its low/high and stays a
figure of its own, flagged `tolerance`, so it is never read as a rate of the metric.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from msgspec.structs import replace

from . import caseless

if TYPE_CHECKING:
    from .numbers import Number

_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|through|and)\s*(?:plus\s+)?$", re.I)  # "minus 1% to plus 1%"
_RANGE_FROM = re.compile(r"\b(?:range|ranging|ranges)\s+(?:of\s+)?from\s*$", re.I)  # "expected to range from $0.61 to $0.63"
# keyed (`caseless.Keyed`): most figures have none of these words before them
_BETWEEN = caseless.Keyed(re.compile(r"\bbetween\s*$", re.I), ("between",))
_FROM_BY = caseless.Keyed(re.compile(r"\b(?:from|by)\s*$", re.I), ("from", "by"))
# "in the range of zero to 5%"
_ZERO_TO = caseless.Keyed(re.compile(r"(?<!from )\b(?P<w>zero|flat|breakeven)\s+(?:to|and)\s+$", re.I), ("zero", "flat", "breakeven"))


def join_ranges(nums: list[Number], text: str) -> list[Number]:
    """Each pair of neighbouring figures said as a range joined into one figure, and "zero to 5%" ranges."""
    out: list[Number] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        joined = _joined(a, nums[i + 1], text) if i + 1 < len(nums) else None
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        zero = _ZERO_TO.search(text[max(0, a.start - 21) : a.start]) if a.low is None and a.unit else None
        if zero:  # "zero to 5%", "flat to minus 2%": a range from nothing
            a = replace(a, start=a.start - len(zero.group(0)), low=min(0.0, a.value), high=max(0.0, a.value))
            a = replace(a, raw=text[a.start : a.end])
        out.append(a)
        i += 1
    return out


def _joined(a: Number, b: Number, text: str) -> Number | None:
    """`a` and `b` as one range figure, or None when the words between them or their units make two figures.
    The tests that need no regex come first: most neighbouring figures fail one."""
    if a.low is not None or b.low is not None or (a.unit and b.unit and a.unit != b.unit):
        return None
    gap = text[a.end : b.start]
    if not _RANGE_JOIN.match(gap):
        return None
    pre = text[max(0, a.start - 30) : a.start].lower()
    between = _BETWEEN.search(pre, pre) is not None
    if gap.strip().lower() == "and" and not between:
        return None
    if _FROM_BY.search(pre, pre) and not _RANGE_FROM.search(pre):
        return None
    scale = b.value / _unscaled(b) if b.scaled and not a.scaled else 1.0
    low, high = a.value * scale, b.value
    if low < 0 and high < low:
        low, high = high, low  # "minus 2% to minus 5%"
    if not _plausible_range(low, high, between, bool(a.unit and a.unit == b.unit)):
        return None
    unit, cur = b.unit or a.unit, b.currency or a.currency
    return replace(
        a, end=b.end, value=high, unit=unit, low=low, high=high, scaled=b.scaled or a.scaled, currency=cur, raw=text[a.start : b.end]
    )


def _plausible_range(low: float, high: float, between: bool, same_unit: bool) -> bool:
    """`570 to 575 million`, `$400 million to $1.5 billion`, `between $40 million and $640 million`,
    `minus 3% to 1%`: a range, not two figures. "between" makes any pair a range; a unit on both ends
    allows up to 10x; otherwise only close pairs count (`1 to 2` may be anything)."""
    if low > high:
        return False
    if between:
        return True
    if low < 0:
        return same_unit
    return high <= (max(10 * low, low + 10) if same_unit else max(3 * low, low + 10))


# "$2.40 billion, plus or minus 2%", "58% and 59.5%, respectively, plus or minus 50 basis points", "13% +/- 1"
_TOLERANCE = re.compile(r"^\s*,?\s*(?:respectively\s*,?\s*)?(?:plus\s+or\s+minus|\+\s*/\s*-|±|\+\s*or\s*-)\s*$", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or)\s*$", re.I)


def tolerances(nums: list[Number], text: str) -> list[Number]:
    """Fold a `plus or minus N` band into the figure(s) it qualifies: low/high around each of them."""
    out: list[Number] = []
    for n in nums:
        if not out or out[-1].low is not None or not _TOLERANCE.match(text[out[-1].end : n.start]):
            out.append(n)
            continue
        j = len(out) - 1
        while j > 0 and out[j - 1].low is None and out[j - 1].unit == out[j].unit and _LIST_GAP.match(text[out[j - 1].end : out[j].start]):
            j -= 1
        bands = [_band(out[k], n) for k in range(j, len(out))]
        if all(bands):
            for k, band in zip(range(j, len(out)), bands, strict=True):
                out[k] = replace(out[k], low=band[0], high=band[1], approx=True)
            n = replace(n, value=abs(n.value), tolerance=True, raw=text[n.start : n.end])
        out.append(n)
    return out


def _band(x: Number, t: Number) -> tuple[float, float] | None:
    """The low/high of `x plus or minus t`: relative for a % band on an amount, absolute otherwise."""
    if t.unit == "%" and x.unit != "%":
        width = abs(x.value * t.value) / 100
    elif t.unit in (x.unit, ""):
        width = abs(t.value)
    elif t.unit == "bp" and x.unit == "%":
        width = abs(t.value) / 100
    else:
        return None
    return x.value - width, x.value + width


def _unscaled(n: Number) -> float:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", n.raw)
    return float(digits.group(0).replace(",", "")) if digits else n.value
