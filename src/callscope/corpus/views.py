"""Cross-call views as pandas DataFrames: a company's timeline, guidance vs actual, guidance revisions.

They read only the documented fact/guidance keys (metric, period, value/low/high, unit), so they
work with whatever the extract stage writes. Periods are compared after `normalise_period`
("3Q16" == "Q3 2016"); a fact with no period counts as reported for its own call's quarter.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .. import lexicons
from .periods import normalise_period, parse_period

if TYPE_CHECKING:
    import pandas as pd

# metrics not in the direction lexicon: a figure above guidance is bad news for these name parts
LOWER_IS_BETTER = ("expense", "cost", "opex", "tax")
POINT_TOLERANCE = 0.01  # a point guide is "in line" within 1% of its value (0.1 points for % and bp)
REVISION_TOLERANCE = 0.005  # midpoint moves under 0.5% count as "maintained"
PLAUSIBLE = (0.5, 2.0)  # an "actual" below half the guided low or above twice the high is another figure (not for %/bp)
PLAUSIBLE_POINTS = 10.0  # ... and a % level (margin, tax rate) more than this many points away
UNSPECIFIC = {"other"}  # metrics too vague to match across calls


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


def timeline(conn: sqlite3.Connection, company_id: int) -> pd.DataFrame:
    """One row per call of the company in fiscal order: date, period, Q&A size, tone, uncertainty,
    non-answer rate, and one column per figure reported in at least half of the calls (its unit in
    `.attrs["units"]`)."""
    import pandas as pd

    calls = pd.read_sql_query(
        """SELECT c.id AS call_id, c.date, c.fiscal_period, c.period_key, c.title, c.n_turns, c.n_words, c.qa_words,
                  c.n_exchanges, (SELECT count(*) FROM turns t WHERE t.call_id = c.id AND t.section = 'qa') AS qa_turns,
                  m.tone, m.uncertainty, m.non_answer_rate
           FROM calls c LEFT JOIN measures m ON m.call_id = c.id
           WHERE c.company_id = ? ORDER BY c.period_key, c.date, c.id""",
        conn, params=(company_id,),
    )
    facts = conn.execute(
        """SELECT f.call_id, f.metric, f.value, f.unit, f.period, c.fiscal_period FROM facts f JOIN calls c ON c.id = f.call_id
           WHERE c.company_id = ? AND f.metric IS NOT NULL AND f.value IS NOT NULL
             AND coalesce(json_extract(f.extra, '$.role'), 'value') = 'value'
           ORDER BY f.call_id, f.idx""",
        (company_id,),
    ).fetchall()
    # a level, never a change ("up 25%"), and in the unit the metric is usually given in, so a
    # column never mixes $ with % (revenue $163M vs "revenue 31% of total")
    units: dict[str, dict[str | None, int]] = {}
    for _, metric, _, unit, _, _ in facts:
        units.setdefault(metric, {}).setdefault(unit, 0)
        units[metric][unit] += 1
    main_unit = {m: max(u, key=lambda k: u[k]) for m, u in units.items()}
    values: dict[tuple[int, str], float] = {}
    for call_id, metric, value, unit, period, call_period in facts:
        if unit == main_unit[metric] and (period is None or normalise_period(period) == normalise_period(call_period)):
            values.setdefault((call_id, metric), value)  # the first figure for the call's own period
    per_metric: dict[str, int] = {}
    for _, metric in values:
        per_metric[metric] = per_metric.get(metric, 0) + 1
    key = sorted(m for m, n in per_metric.items() if n >= max(1, math.ceil(len(calls) / 2)))
    for metric in key:
        calls[metric] = [values.get((cid, metric)) for cid in calls.call_id]
    calls.attrs["units"] = {metric: main_unit[metric] for metric in key}  # what each figure column is in
    return calls


def _rows(conn: sqlite3.Connection, table: str, company_id: int | None) -> list[dict[str, Any]]:
    where = "WHERE c.company_id = ?" if company_id is not None else "WHERE c.company_id IS NOT NULL"
    cur = conn.execute(
        f"""SELECT x.call_id, x.idx, x.metric, x.value, x.low, x.high, x.unit, x.period, x.sentence, x.extra,
                   (SELECT p.role FROM participants p WHERE p.call_id = x.call_id AND p.pid = json_extract(x.extra, '$.speaker'))
                       AS speaker_role,
                   (SELECT p.title FROM participants p WHERE p.call_id = x.call_id AND p.pid = json_extract(x.extra, '$.speaker'))
                       AS speaker_title,
                   c.company_id, co.ticker, c.company, c.date, c.fiscal_period, c.period_key
            FROM {table} x JOIN calls c ON c.id = x.call_id LEFT JOIN companies co ON co.id = c.company_id
            {where} AND x.metric IS NOT NULL ORDER BY c.company_id, c.date, c.period_key, c.id, x.idx""",
        (company_id,) if company_id is not None else (),
    )
    names = [d[0] for d in cur.description]
    out = []
    for r in cur:
        row = dict(zip(names, r, strict=True))
        try:
            extra = json.loads(row.pop("extra") or "{}")
        except ValueError:
            extra = {}
        extra = extra if isinstance(extra, dict) else {}
        row["role"] = extra.get("role")  # "value" vs "change" when extract says
        row["bound"] = extra.get("bound")  # "more than 40%": "min"; "up to $5 million": "max"
        if row["role"] == "tolerance":
            continue  # the "2%" of "plus or minus 2%" is part of the figure before it
        quals = [q for q in extra.get("qualifiers") or [] if isinstance(q, str)]
        bases = {q for q in quals if q in ("GAAP", "non-GAAP")}
        row["basis"] = bases.pop() if len(bases) == 1 else None
        row["segments"] = frozenset(q for q in quals if q.startswith(("segment:", "geography:")))
        comparison = extra.get("comparison") if isinstance(extra.get("comparison"), dict) else {}
        if row["role"] == "change" and comparison.get("direction") == "down":
            _sign_down(row)  # "down 8%" is stored as said (8): compare it as -8
        row["base"] = _base(row["period"] or row["fiscal_period"], row["fiscal_period"], comparison.get("prior_period")) if row["role"] == "change" else None
        out.append(row)
    return out


@lru_cache(maxsize=1)
def _results_title() -> re.Pattern[str]:
    words = "|".join(re.escape(t) for t in sorted(lexicons.load("results_speakers").terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.I)


def _reports_results(f: dict[str, Any]) -> bool:
    """Said by the CFO, who gives the company totals (a CEO's remarks more often give a business line's)."""
    return bool(_results_title().search(f.get("speaker_title") or ""))


def _sign_down(row: dict[str, Any]) -> None:
    """Negate a decrease said as a magnitude, keeping low <= high."""
    vals = [row.get(k) for k in ("value", "low", "high")]
    if any(v is not None and v < 0 for v in vals):
        return  # said with its sign already ("minus 2%")
    value, low, high = (None if v is None else -v for v in vals)
    row["value"], row["low"], row["high"] = value, high, low


def _base(period: str | None, call_period: str | None, prior: str | None) -> int:
    """Quarters between a change's period and what it is compared against: 1 sequential, 4 year over
    year (also when not said: growth rates in calls are year over year unless they say otherwise).
    A base said as "year over year" may have been resolved against the call rather than the figure."""
    b = parse_period(prior)
    for p in (parse_period(period), parse_period(call_period)):
        if p is None or b is None or p[1] is None or b[1] is None:
            continue
        lag = (p[0] * 4 + p[1]) - (b[0] * 4 + b[1])
        if lag in (1, 4):
            return lag
    return 4


def _end_key(period: str) -> int | None:
    """The period_key of the call that closes a period: Q3 2019 -> 20193, FY 2019 -> 20194."""
    p = parse_period(period)
    return None if p is None else p[0] * 10 + (p[1] or 4)


def _compatible(g: dict[str, Any], f: dict[str, Any]) -> bool:
    """Same role and segment, and not GAAP against non-GAAP, where the extract stage recorded them."""
    if g["role"] and f["role"] and g["role"] != f["role"]:
        return False
    if g["basis"] and f["basis"] and g["basis"] != f["basis"]:
        return False
    if g["role"] == "change" and g["base"] != f["base"]:
        return False  # "up 3% sequentially" is not "up 3% year over year"
    return g["segments"] == f["segments"]


def _plausible(actual: float, bounds: tuple[float, float], unit: str | None, role: str | None) -> bool:
    """Could `actual` be the figure guided within `bounds`? (Within 2x of the range for amounts; within
    10 points for a % level such as a margin: further off, it is another figure, a segment's, say.)"""
    lo, hi = bounds
    if unit in ("%", "bp") or role == "change":
        return role == "change" or unit != "%" or lo - PLAUSIBLE_POINTS <= actual <= hi + PLAUSIBLE_POINTS
    lo, hi = (lo if math.isfinite(lo) else hi), (hi if math.isfinite(hi) else lo)  # "more than $5 billion": around 5
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo <= 0 or hi <= 0:
        return True
    return lo * PLAUSIBLE[0] <= actual <= hi * PLAUSIBLE[1]


def _bounds(g: dict[str, Any]) -> tuple[float, float] | None:
    lo, hi, v = g.get("low"), g.get("high"), g.get("value")
    if lo is None and hi is None and v is not None and g.get("bound") in ("min", "max"):
        return (v, math.inf) if g["bound"] == "min" else (-math.inf, v)  # "operating margin of over 40%"
    if lo is None and hi is None:
        return None if v is None else (v, v)
    return (lo if lo is not None else -math.inf, hi if hi is not None else math.inf)


def _mid(g: dict[str, Any]) -> float | None:
    if g.get("low") is not None and g.get("high") is not None:
        return (g["low"] + g["high"]) / 2
    return next((g[k] for k in ("value", "low", "high") if g.get(k) is not None), None)


@lru_cache(maxsize=1)
def _directions() -> dict[str, str]:
    return {k: v[0] for k, v in lexicons.load("metric_direction").mapping().items() if v}


def direction(metric: str) -> str | None:
    """'higher' (more is good: revenue, EPS, margins), 'lower' (costs, tax rate) or None (capex, debt ...)."""
    known = _directions().get(metric)
    if known or metric in _directions():
        return known
    if any(w in metric.lower() for w in LOWER_IS_BETTER):
        return "lower"
    return None


def classify(metric: str, lo: float, hi: float, actual: float, unit: str | None) -> str:
    """'beat' / 'in line' / 'miss' for an actual against a guided range (a point when lo == hi); for a
    metric with no good direction (capex, debt, share count) 'above' / 'in line' / 'below'."""
    if lo == hi:
        tol = 0.1 if unit in ("%", "bp") else abs(lo) * POINT_TOLERANCE
        lo, hi = lo - tol, hi + tol
    if lo <= actual <= hi:
        return "in line"
    above = actual > hi
    way = direction(metric)
    if way is None:
        return "above" if above else "below"
    return "beat" if above == (way == "higher") else "miss"


GVA_COLUMNS = [
    "company_id", "ticker", "company", "metric", "period", "unit", "guided_call_id", "guided_date", "guided_low",
    "guided_high", "guided_value", "actual", "actual_call_id", "actual_date", "outcome", "surprise_pct",
    "guidance_sentence", "actual_sentence",
]


def guidance_vs_actual(conn: sqlite3.Connection, company_id: int | None = None) -> pd.DataFrame:
    """Each guided figure matched to the figure reported for its period, classed beat / in line / miss.

    The actual is taken from the first call of the same company held after the guidance and at or
    after the period's end (a Q4 call for a fiscal year), with the same metric, normalised period,
    unit and, where the extract stage recorded them, role (value/change), segment and GAAP basis;
    within that call the same basis, then an explicit period, then the CFO's, then the earliest figure wins.
    Guidance spoken by an analyst (a number in a question) is skipped. Figures off by more than 2x from a currency or count
    guide are taken to be other figures. Unmatched guidance and the vague metric "other" are left out.
    """
    facts: dict[tuple[int, str, str | None, str | None], list[dict[str, Any]]] = {}
    for f in _rows(conn, "facts", company_id):
        if f["value"] is None or f["metric"] in UNSPECIFIC or f["speaker_role"] in ("analyst", "operator") or f["bound"]:
            continue  # a number in an analyst's question is not a reported result, nor is "crossed the $40 billion mark"
        f["explicit"] = f["period"] is not None
        period = normalise_period(f["period"]) if f["period"] else normalise_period(f["fiscal_period"])
        facts.setdefault((f["company_id"], f["metric"], period, f["unit"]), []).append(f)
    out = []
    for g in _rows(conn, "guidance", company_id):
        period, bounds, mid = normalise_period(g["period"]), _bounds(g), _mid(g)
        end = _end_key(period) if period else None
        if period is None or bounds is None or end is None or g["metric"] in UNSPECIFIC or g["speaker_role"] == "analyst":
            continue  # an analyst's number is a question, not guidance
        later = [
            f for f in facts.get((g["company_id"], g["metric"], period, g["unit"]), [])
            if (f["date"] or "") > (g["date"] or "") and (f["period_key"] or 0) >= end and _compatible(g, f)
        ]
        if not later:
            continue
        first_call = later[0]["call_id"]  # the results call; an implausible figure there is no reason to look further
        plausible = [x for x in later if x["call_id"] == first_call and _plausible(x["value"], bounds, g["unit"], g["role"])]
        if not plausible:
            continue
        f = min(plausible, key=lambda x: (x["basis"] != g["basis"], not x["explicit"], not _reports_results(x), x["idx"]))
        out.append({
            "company_id": g["company_id"], "ticker": g["ticker"], "company": g["company"], "metric": g["metric"],
            "period": period, "unit": g["unit"], "guided_call_id": g["call_id"], "guided_date": g["date"],
            "guided_low": g["low"], "guided_high": g["high"], "guided_value": g["value"], "actual": f["value"],
            "actual_call_id": f["call_id"], "actual_date": f["date"],
            "outcome": classify(g["metric"], *bounds, f["value"], g["unit"]),
            "surprise_pct": (f["value"] - mid) / abs(mid) * 100 if mid else None,
            "guidance_sentence": g["sentence"], "actual_sentence": f["sentence"],
        })
    return _frame(out, GVA_COLUMNS)


REV_COLUMNS = [
    "company_id", "ticker", "metric", "period", "unit", "from_call_id", "from_date", "to_call_id", "to_date",
    "old_low", "old_high", "old_mid", "new_low", "new_high", "new_mid", "change", "change_pct",
]


def guidance_revisions(conn: sqlite3.Connection, company_id: int | None = None) -> pd.DataFrame:
    """For each metric+period+unit a company guided on more than one call: raised / maintained /
    lowered from each call that gave it to the next one that did (midpoints compared)."""
    latest: dict[tuple[Any, ...], dict[str, Any]] = {}
    out = []
    for g in _rows(conn, "guidance", company_id):
        period, mid = normalise_period(g["period"]), _mid(g)
        if period is None or mid is None or g["metric"] in UNSPECIFIC or g["speaker_role"] == "analyst":
            continue
        key = (g["company_id"], g["metric"], period, g["unit"], g["role"], g["basis"], g["segments"])
        prev = latest.get(key)
        if prev is not None and prev["call_id"] == g["call_id"]:
            continue  # the first statement in a call stands for the call
        latest[key] = g
        if prev is None:
            continue
        old = _mid(prev) or 0.0
        pct = (mid - old) / abs(old) * 100 if old else None
        moved = abs(mid - old) > abs(old) * REVISION_TOLERANCE if old else mid != old
        out.append({
            "company_id": g["company_id"], "ticker": g["ticker"], "metric": g["metric"], "period": period, "unit": g["unit"],
            "from_call_id": prev["call_id"], "from_date": prev["date"], "to_call_id": g["call_id"], "to_date": g["date"],
            "old_low": prev["low"], "old_high": prev["high"], "old_mid": old, "new_low": g["low"], "new_high": g["high"],
            "new_mid": mid, "change": ("raised" if mid > old else "lowered") if moved else "maintained", "change_pct": pct,
        })
    return _frame(out, REV_COLUMNS)
