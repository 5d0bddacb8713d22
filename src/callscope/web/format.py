"""Numbers as an analyst reads them: $1.42B, $0.41/share, 42.1%, -8%, 1,385 units.

Used as Jinja filters by the web reader and the HTML report.
"""

from __future__ import annotations

import math
from typing import Any

_CURRENCY = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹"}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def money(value: float, unit: str) -> str:
    sign = "-" if value < 0 else ""
    value = abs(value)
    per_share = unit.endswith("/share")
    code = unit.split("/")[0]
    symbol = _CURRENCY.get(code)
    prefix, suffix = (symbol, "") if symbol else ("", f" {code}")
    if per_share:
        return f"{sign}{prefix}{value:,.2f}{suffix}/share"
    for scale, letter in _SCALES:
        if value >= scale:
            return f"{sign}{prefix}{value / scale:,.{_digits(value / scale)}f}{letter}{suffix}"
    return f"{sign}{prefix}{value:,.{2 if value < 100 and value != int(value) else 0}f}{suffix}"


def _digits(x: float) -> int:
    """Enough decimals to keep what was said (1.4B, 163.4M, 2.35B) without noise."""
    for d in range(0, 3):
        if abs(round(x, d) - x) < 1e-9 * max(1.0, abs(x)):
            return d
    return 2


def number(value: Any, unit: str | None = None) -> str:
    """One value with its unit, compact."""
    if not _is_number(value):
        return "–"
    unit = unit or ""
    if unit[:3].isupper() and unit[:3].isalpha():
        return money(float(value), unit)
    text = f"{value:,.{_digits(float(value))}f}"
    if unit in ("%", "pp", "bp", "x"):
        return f"{text}{'' if unit == '%' or unit == 'x' else ' '}{unit}"
    if unit in ("", "count"):
        return text
    return f"{text} {unit}"


def figure_value(f: dict[str, Any]) -> str:
    """A figure's value, or its range `low – high`, with `~` when approximate."""
    unit = f.get("unit")
    lo, hi, v = f.get("low"), f.get("high"), f.get("value")
    if _is_number(lo) and _is_number(hi) and lo != hi:
        low, high = number(lo, unit), number(hi, unit)
        tail = "/share" if (unit or "").endswith("/share") else ""
        text = f"{low.removesuffix(tail)} – {high}"
    elif _is_number(v):
        text = number(v, unit)
    elif _is_number(lo) or _is_number(hi):
        bound = lo if _is_number(lo) else hi
        text = f"{'≥' if _is_number(lo) else '≤'} {number(bound, unit)}"
    else:
        return f.get("text") or "–"
    return ("~" if f.get("approx") else "") + text


def share(value: Any, digits: int = 1) -> str:
    """A 0-1 share as a percentage."""
    return f"{value * 100:.{digits}f}%" if _is_number(value) else "–"


def signed(value: Any, digits: int = 2) -> str:
    return f"{value:+.{digits}f}" if _is_number(value) else "–"


def tone_color(tone: Any) -> str:
    """A calm red-grey-green for net tone in [-1, 1]; grey when the turn has no tone words."""
    if not _is_number(tone):
        return "hsl(220 10% 88%)"
    t = max(-1.0, min(1.0, float(tone)))
    hue = 140 if t >= 0 else 4
    return f"hsl({hue} {round(20 + 35 * abs(t))}% {round(88 - 28 * abs(t))}%)"


_ACRONYMS = {"eps", "ebitda", "ebit", "fcf", "arr", "arpu", "gaap", "roe", "roic", "capex", "opex", "r&d", "sg&a", "aum", "nim", "mrr"}


def metric_label(metric: Any) -> str:
    """`gross_margin` -> "Gross margin", `eps` -> "EPS"."""
    words = str(metric or "figure").replace("_", " ").split()
    out = [w.upper() if w.lower() in _ACRONYMS else w for w in words]
    if out and out[0] == words[0]:
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


FILTERS = {"metric_label": metric_label, "number": number, "figure_value": figure_value, "share": share, "signed": signed, "tone_color": tone_color}
