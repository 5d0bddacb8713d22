"""Which period a figure belongs to: the period said right after it, else the nearest one before it in
its clause; periods said to compare against ("versus Q2 2020", "year over year") are kept apart as the
figure's comparison base, and a bare earlier quarter in guidance ("our Q1 outlook" in a Q4 call) is next
year's.
"""

from __future__ import annotations

import re

from . import compare, context
from .numbers import Number
from .periods import Fiscal, PeriodMention


def is_comparison(sent: str, p: PeriodMention) -> bool:
    """`... versus the first half of '24`, `... over the prior year`, `year over year`: a period named to compare against."""
    return bool(context.before("compared", r"(?:the\s+|a\s+|our\s+)?").search(sent[max(0, p.start - 25) : p.start])) or bool(
        compare.CHANGE_BASE.fullmatch(sent[p.start : p.end])
    )




def pick_period(
    sent: str, n: Number, periods: list[PeriodMention], nums: list[Number], used: set[int], prior: bool
) -> tuple[PeriodMention | None, PeriodMention | None]:
    """(own period, comparison period) of a figure: the period said right after it, else the nearest one
    before it not claimed by another figure; periods introduced by "versus" / "compared to" are comparisons."""
    nxt = next((m.start for m in nums if m.start >= n.end), len(sent))
    compared: PeriodMention | None = None
    for i, p in enumerate(periods):
        if p.start >= n.end and p.start < nxt and p.start - n.end <= 45 and not re.search(r"[;,]", sent[n.end : p.start]):
            used.add(i)
            if prior or not is_comparison(sent, p):
                return p, None
            compared = compared or p
    for i in range(len(periods) - 1, -1, -1):
        p = periods[i]
        if p.end <= n.start and i not in used:
            # same clause, or a leading adverbial ("In Q2, ...", "For fiscal 2021, ...")
            if "," not in sent[p.end : n.start] or _leading(sent, p):
                if not prior and is_comparison(sent, p):
                    compared = compared or p
                    continue
                return p, compared
            return None, compared
    return None, compared


_BARE_QUARTER = re.compile(r"(?:the\s+)?(?:q[1-4]|[1-4]q|(?:first|second|third|fourth)(?:\s+fiscal)?\s+quarter)", re.I)


def next_years_quarter(sent: str, p: PeriodMention | None, fiscal: Fiscal) -> bool:
    """A quarter said without a year, two or more quarters before the call's ("Q1" in a Q4 call), which a
    forward-looking figure places in the next fiscal year."""
    if p is None or p.relation != "past" or not _BARE_QUARTER.fullmatch(sent[p.start : p.end]) or not fiscal.quarter:
        return False
    m = re.match(r"Q([1-4]) ", p.period or "")
    return bool(m) and int(m.group(1)) <= fiscal.quarter - 2


def a_year_later(p: PeriodMention) -> PeriodMention:
    m = re.fullmatch(r"Q([1-4]) (\d{4})", p.period or "")
    return PeriodMention(p.start, p.end, f"Q{m.group(1)} {int(m.group(2)) + 1}", "future") if m else p


def _leading(sent: str, p: PeriodMention) -> bool:
    head = sent[: p.start].strip().lower()
    return len(head.split()) <= 3 and "," in sent[p.end : p.end + 25]
