"""Periods: `this quarter`, `Q1 of '07`, `the first half of '06`, `last year`, resolved against the call.

A figure's period is only useful when it is absolute ("Q1 2007"), so relative phrases are resolved
against the call's own fiscal period (from the header, or failing that the quarter the prepared remarks
talk about most). Output strings: `Q1 2007`, `H1 2006`, `FY 2007`; unresolvable phrases keep a
relative name (`prior quarter`) rather than guessing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import msgspec

from .period_patterns import matches, quarter_patterns
from .period_patterns import may_name_period as may_name_period  # extraction's screen, said with the patterns

ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_AGO = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}


@dataclass(frozen=True)
class Fiscal:
    """The call's own period: quarter (1-4, or None for an annual call) and fiscal year, and the calendar
    month its fiscal year ends in (12 for calendar-year companies; None when unknown, read as 12)."""

    quarter: int | None
    year: int | None
    end_month: int | None = None

    def shift(self, quarters: int) -> Fiscal:
        if self.quarter is None or self.year is None:
            return Fiscal(None, None, self.end_month)
        n = self.year * 4 + self.quarter - 1 + quarters
        return Fiscal(n % 4 + 1, n // 4, self.end_month)

    def quarter_of_month(self, month: int, year: int | None = None) -> tuple[int, int] | None:
        """(fiscal quarter, fiscal year) of the quarter ending in a calendar month: "the March quarter"
        (the nearest one to the call's quarter, later on a tie), or "the March quarter of 2017"."""
        end = self.end_month or 12
        if (end - month) % 3:
            return None  # no quarter of this company ends in that month
        if year is None:
            if self.quarter is None or self.year is None:
                if self.year is None:
                    return None
                year = self.year
            else:
                now = self.year * 12 + end - 1 - 3 * (4 - self.quarter)  # months since year 0 at the call's quarter end
                d = (month - 1 - now) % 12
                ref = now + (d - 12 if d > 6 else d)
                year, month = divmod(ref, 12)
                month += 1
        fy = year if month <= end else year + 1
        return 4 - (fy * 12 + end - (year * 12 + month)) // 3, fy


def fiscal_year_end(quarter: int | None, year: int | None, date: str | None) -> int | None:
    """The calendar month a company's fiscal year ends in, from the quarter a call reports and the call
    date: the quarter ended one to eight weeks before the call (NVIDIA's Q2 FY2017 call on 2016-08-11
    reports the quarter ended July 2016, so its year ends in January)."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})$", date or "")
    if quarter is None or year is None or m is None:
        return None
    call = int(m.group(1)) * 372 + (int(m.group(2)) - 1) * 31 + int(m.group(3))  # rough day number: only gaps matter
    best: tuple[int, int] | None = None
    for end in range(1, 13):
        q_end = year * 12 + end - 1 - 3 * (4 - quarter)
        y, mo = divmod(q_end, 12)
        gap = call - (y * 372 + mo * 31 + 31)
        if 5 <= gap <= 60 and (best is None or abs(gap - 25) < abs(best[1] - 25)):
            best = (end, gap)
    return best[0] if best else None


class PeriodMention(msgspec.Struct, frozen=True):
    start: int
    end: int
    period: str | None  # absolute when resolvable
    relation: str  # "current", "past", "future" relative to the call, or "unknown"


_FP = re.compile(r"\b(?:Q([1-4])|([1-4])Q)\s*(?:FY)?\s*'?(\d{2}|\d{4})\b|\b(?:FY|fiscal)\s*'?(\d{2}|\d{4})\b", re.I)


def parse_fiscal(fp: str | None, date: str | None = None) -> Fiscal:
    """`"Q2 2007"` -> Fiscal(2, 2007); a bare date gives only the year."""
    if fp:
        m = _FP.search(fp)
        if m:
            if m.group(4):
                return Fiscal(None, _year(m.group(4), None))
            return Fiscal(int(m.group(1) or m.group(2)), _year(m.group(3), None))
    if date and re.match(r"\d{4}", date):
        return Fiscal(None, int(date[:4]))
    return Fiscal(None, None)


def infer_fiscal(text: str) -> Fiscal:
    """The quarter the prepared remarks talk about most, for calls whose header does not say."""
    counts: Counter[tuple[int, int]] = Counter()
    head = text[:6000]
    for kind, rx in quarter_patterns():
        for m in rx.finditer(head):
            q = m.group("q") if "q" in rx.groupindex and m.group("q") else None
            q = q or (m.groupdict().get("q2")) or (str(ORD[m.group("o").lower()]) if m.groupdict().get("o") else None)
            y = _year(m.group("y"), None) if m.groupdict().get("y") else None
            if kind == "q" and q and y:
                counts[(int(q), y)] += 1
    if not counts:
        return Fiscal(None, None)
    (q, y), _ = counts.most_common(1)[0]
    return Fiscal(q, y)


def _year(raw: str | None, base: int | None) -> int | None:
    if not raw:
        return base
    digits = raw.strip("'’")
    if len(digits) == 4:
        return int(digits)
    v = int(digits)
    return (2000 if v < 50 else 1900) + v


def _rel(period_q: int | None, period_y: int | None, cur: Fiscal) -> str:
    if period_y is None or cur.year is None:
        return "unknown"
    if period_q is None or cur.quarter is None:
        a, b = period_y, cur.year
    else:
        a, b = period_y * 4 + period_q, cur.year * 4 + cur.quarter
    return "current" if a == b else "past" if a < b else "future"


def _q(q: int | None, y: int | None) -> str:
    return f"Q{q} {y}" if y else f"Q{q}"


def find_periods(sentence: str, cur: Fiscal) -> list[PeriodMention]:
    """Every period phrase in a sentence, resolved; overlapping matches keep the earliest, longest one."""
    found: list[PeriodMention] = []
    for kind, m in matches(sentence):
        pm = _resolve(kind, m, cur)
        if pm and not any(pm.start < f.end and f.start < pm.end for f in found):
            found.append(pm)
    return sorted(found, key=lambda p: p.start)


def _resolve(kind: str, m: re.Match[str], cur: Fiscal) -> PeriodMention | None:
    g = m.groupdict()
    s, e = m.span()
    if kind in ("q", "h"):
        if g.get("o"):
            o = g["o"].lower()
            n = {"back": 2, "front": 1}.get(o, ORD.get(o, 0))
        else:
            n = int(g.get("q") or g.get("q2") or 0)
        rel = (g.get("rel") or "").lower()
        year = _year(g.get("y"), None)
        if year is None and cur.year is not None:
            year = cur.year + {"last": -1, "next": 1}.get(rel, 0)
            if kind == "q" and not rel and cur.quarter and n > cur.quarter + 1 and not g.get("y"):
                pass  # a later quarter of the current year: stays in the current year
        if kind == "h":
            hq = 2 if n == 1 else 4
            r = _rel(hq, year, cur) if cur.quarter else _rel(None, year, cur)
            if r == "past" and cur.quarter and cur.quarter <= hq and year == cur.year:
                r = "current"
            return PeriodMention(s, e, f"H{n} {year}" if year else f"H{n}", r)
        return PeriodMention(s, e, _q(n, year), _rel(n, year, cur))
    if kind == "mq":
        hit = cur.quarter_of_month(MONTHS[g["mon"].lower()[:3]], _year(g.get("y"), None))
        if hit is None:
            return None
        if g.get("ago"):  # "the June quarter last year"
            hit = (hit[0], hit[1] - 1)
        return PeriodMention(s, e, _q(*hit), _rel(*hit, cur))
    if kind == "ago":  # "ten years ago": that year, said to compare against
        n = int(g["n"]) if g["n"].isdigit() else _AGO[g["n"].lower()]
        if cur.year is None:
            return None
        return PeriodMention(s, e, f"FY {cur.year - n}", "past")
    if kind == "fy":
        y = _year(g["y"], None)
        return PeriodMention(s, e, f"FY {y}", _rel(None, y, cur))
    if kind == "y":
        y = int(g["y"])
        ys, ye = m.span("y")
        return PeriodMention(ys, ye, f"FY {y}", _rel(None, y, cur))
    if kind == "yq":
        f = cur.shift(-4)
        return PeriodMention(s, e, _q(f.quarter, f.year) if f.quarter else "year-ago quarter", "past")
    if kind == "m":
        if g.get("ytd"):
            word = g["ytd"].lower()
            if word.startswith(("year", "ytd")):
                return PeriodMention(s, e, f"YTD {cur.year}" if cur.year else "YTD", "current")
            return PeriodMention(s, e, "LTM", "current")
        months = {"three": 3, "six": 6, "nine": 9, "twelve": 12}.get(g["n"].lower()) or int(g["n"])
        if months == 3:
            return None  # "the three months ended June 30" is the quarter itself: left to the default
        y = _year(g.get("y") or g.get("y2"), cur.year)
        name = f"{months}M {y}" if y else f"{months}M"
        return PeriodMention(s, e, name, "current" if y == cur.year or y is None else _rel(None, y, cur))
    if kind == "rq":
        rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
        text = m.group(0).lower()
        if "last year" in text or "year ago" in text or rel.startswith("year") or (rel == "same" and "year" in text):
            f = cur.shift(-4)
            return PeriodMention(s, e, _q(f.quarter, f.year) if f.quarter else "year-ago quarter", "past")
        if rel in {"last", "prior", "previous", "preceding"} or rel.startswith("sequential") or rel.startswith("quarter"):
            f = cur.shift(-1)
            return PeriodMention(s, e, _q(f.quarter, f.year) if f.quarter else "prior quarter", "past")
        if rel in {"next", "coming", "following"}:
            f = cur.shift(1)
            return PeriodMention(s, e, _q(f.quarter, f.year) if f.quarter else "next quarter", "future")
        if rel == "same":
            return None
        return PeriodMention(s, e, _q(cur.quarter, cur.year) if cur.quarter else "current quarter", "current")
    if kind == "ry":
        rel = re.sub(r"\s+", " ", (g.get("rel") or g.get("rel2") or "").lower())
        if (
            rel in {"last", "prior", "previous", "the prior", "the previous", "a"}
            or "over" in rel
            or "-on-" in rel.replace(" ", "-")
            or "ago" in rel
            or rel == "yoy"
        ):
            if rel == "a" and "ago" not in m.group(0).lower():
                return None
            if cur.quarter and ("over" in rel or "-on-" in rel.replace(" ", "-") or "ago" in m.group(0).lower() or rel == "yoy"):
                f = cur.shift(-4)
                return PeriodMention(s, e, _q(f.quarter, f.year), "past")
            return PeriodMention(s, e, f"FY {cur.year - 1}" if cur.year else "prior year", "past")
        if rel == "next":
            return PeriodMention(s, e, f"FY {cur.year + 1}" if cur.year else "next year", "future")
        return PeriodMention(s, e, f"FY {cur.year}" if cur.year else "current year", "current")
    return None


def is_comparison_period(p: PeriodMention) -> bool:
    return p.relation == "past"
