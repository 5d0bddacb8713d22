"""The figures stage: every reported number (`facts`) and every piece of guidance, with provenance.

`extract(call)` reads only the Call (turn text, speakers, fiscal period, date) and returns a new Call
with `facts` and `guidance` filled. Each figure is in exactly one of the two lists. The work is split
into small modules: `numbers` (the grammar), `metrics` (taxonomy), `periods`, `compare`, `guidance`,
`sentences`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import Any

import msgspec

from .. import lexicons
from ..model import Call, Turn
from . import compare, context, numbers, sentences
from .figure_periods import a_year_later, is_comparison, next_years_quarter, pick_period
from .guidance import cue_spans, fragment, hedges_in, is_guidance, opens_outlook, reports
from .metrics import (
    PER_SHARE_METRICS,
    default_unit,
    find_metrics,
    label_for,
    metric_for,
    per_share,
    qualifiers_for,
    refine_metric,
    respectively,
)
from .numbers import Number
from .periods import Fiscal, find_periods, fiscal_year_end, infer_fiscal, may_name_period, parse_fiscal
from .segments import segment_of
from .starts import trigger_starts

__all__ = ["extract", "figures_of_sentence"]

_KEEP_METRIC_PER_SHARE = PER_SHARE_METRICS  # per-share figures of these stay what they are; others are EPS


def extract(call: Call) -> Call:
    """Fill `call.facts` and `call.guidance` (see the module doc)."""
    fiscal = parse_fiscal(call.call.fiscal_period, call.call.date)
    if fiscal.quarter is None:
        inferred = _infer_fiscal(call.text[:15000])
        if inferred.year is not None and (fiscal.year is None or inferred.year in (fiscal.year, fiscal.year - 1)):
            fiscal = inferred
        elif inferred.quarter is not None and inferred.year is None:
            fiscal = Fiscal(inferred.quarter, fiscal.year)  # the quarter alone still resolves "this quarter" and "Q3"
    fiscal = Fiscal(fiscal.quarter, fiscal.year, fiscal_year_end(fiscal.quarter, fiscal.year, call.call.date))
    facts: list[dict[str, Any]] = []
    guidance: list[dict[str, Any]] = []
    roles = {p.id: p.role for p in call.participants}
    for turn in call.turns:
        role = roles.get(turn.speaker, "unknown")
        for item in _turn_figures(turn, fiscal):
            item["speaker_role"] = role
            if role in ("analyst", "operator"):
                item["_guidance"] = False  # an analyst's "do you expect 30%?" is not the company's guidance
                item.pop("hedges", None)
            (guidance if item.pop("_guidance") else facts).append(item)
    return msgspec.structs.replace(call, facts=tuple(facts), guidance=tuple(guidance))


_PERIOD_PARTS = re.compile(r"^(?:Q(?P<q>[1-4])|H[12]|FY|\d+M)(?: (?P<y>\d{4}))?$")


def _infer_fiscal(text: str) -> Fiscal:
    """The call's quarter when the header does not say, from reported sentences (past tense, no
    forward-looking cue): the quarter they name most, then the year they name most. A period named to
    compare against counts for the call's year: "versus Q2 2020" in a Q2 call means 2021, while
    "compared to Q1 2021" in a Q2 call means 2021 itself."""
    mentions: list[tuple[int | None, int | None, bool]] = []  # (quarter, year, compared)
    for s, e in sentences.split(text):
        sent = text[s:e]
        if not reports(sent) or cue_spans(sent):
            continue
        for p in find_periods(sent, Fiscal(None, None)):
            m = _PERIOD_PARTS.match(p.period or "")
            if m:
                compared = is_comparison(sent, p) or bool(context.anywhere("compared_in_sentence").search(sent[: p.start]))
                mentions.append(
                    (int(m.group("q")) if m.group("q") else None, int(m.group("y")) if m.group("y") else None, compared)
                )
    quarters = Counter(q for q, _, _ in mentions if q)
    if not quarters:
        return infer_fiscal(text)
    best = max(quarters.values())
    quarter = max(q for q, c in quarters.items() if c == best)
    qyears: Counter[int] = Counter()
    years: Counter[int] = Counter()
    for q, y, compared in mentions:
        if y is None:
            continue
        shifted = y + 1 if compared and (q is None or q >= quarter) else y
        (qyears if q else years)[shifted] += 1
    pool = qyears or years
    return Fiscal(quarter, max(pool, key=lambda k: (pool[k], k)) if pool else None)


def _turn_figures(turn: Turn, fiscal: Fiscal) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    carry = 0
    outlook_period: str | None = None  # the period an outlook passage is about, for its sentences that name none
    outlook_left = 0  # sentences without guidance before the passage counts as over
    segment: str | None = None  # the segment the last sentence with figures was about
    hits = trigger_starts(turn.text)
    for s, e in sentences.split(turn.text):
        sent = turn.text[s:e]
        k = bisect_left(hits, s)
        has_figure = k < len(hits) and hits[k] < e  # most sentences hold no number: skip the grammar for them
        carried = carry > 0 and fragment(sent)
        # cues matter to figures, to a running outlook passage, or to open one (which needs a period named)
        need_cues = has_figure or outlook_left > 0 or may_name_period(sent)
        cues = cue_spans(sent) if need_cues else []  # (and `opens`) each read up to three times below
        opens = opens_outlook(sent)
        items = figures_of_sentence(sent, fiscal, carry=carried, cues=cues) if has_figure else []
        guided = [i for i in items if i["_guidance"] and i["role"] in ("value", "change")]
        named = {i["period"] for i in guided if i["period"]}
        ahead = named or _outlook_periods(sent, fiscal, cues, opens)  # a sentence guiding two periods leaves the next ones open
        if ahead:
            outlook_period, outlook_left = (next(iter(ahead)) if len(ahead) == 1 else None), 3
        segment = _carry_segment(sent, items, segment)
        for it in items:
            if it["_guidance"] and it["period"] is None and outlook_left > 0 and it["role"] != "prior_guidance":
                it["period"] = outlook_period  # "Our outlook for the June quarter ... We expect revenue between $17 billion and $18.5 billion."
                compare.carry_base(it, fiscal)
            it["turn"] = turn.index
            it["speaker"] = turn.speaker
            it["span"] = [s + it["span"][0], s + it["span"][1]]
        out.extend(items)
        if guided:
            outlook_left = 3
        elif not cues:  # "We also expect ASPs to decline." keeps the passage going
            outlook_left = max(0, outlook_left - 1)
        if opens or guided:
            carry = 2  # the next sentences of an outlook often drop the verb ("Adjusted EBITDA of $90 million to $95 million.")
        elif items:
            carry = 0
        else:
            carry = max(0, carry - 1)
    return out


def _carry_segment(sent: str, items: list[dict[str, Any]], before: str | None) -> str | None:
    """"Our security business grew 9%. This caps off a year of 9% revenue growth ...": a sentence that
    starts with "This" / "It" is about the segment the sentence before was about. Returns this sentence's segment."""
    if not items:
        return before
    own = {q for it in items for q in it["qualifiers"] if q.startswith("segment:")}
    if not own and before and context.anywhere("anaphor").match(sent.lstrip()):
        for it in items:
            it["qualifiers"] = [*it["qualifiers"], before]
            it["metric"] = "segment_revenue" if it["metric"] == "revenue" else it["metric"]
        return before
    return own.pop() if len(own) == 1 else None


def _outlook_periods(sent: str, fiscal: Fiscal, cues: list[tuple[int, int, str]], opens: bool) -> set[str]:
    """The periods a sentence opens an outlook for ("Turning to the outlook for the third quarter of fiscal
    2018.", "As we look ahead to the June quarter, let me cover our outlook"), if it does. `cues` and
    `opens` are the sentence's `cue_spans` and `opens_outlook`."""
    if not (opens or cues) or reports(sent):
        return set()
    ahead = [p for p in find_periods(sent, fiscal) if p.relation == "future" or (p.relation == "current" and p.period and not p.period.startswith("Q"))]
    return {p.period for p in ahead if p.period and not is_comparison(sent, p)}  # "in both Q3 and Q4": no one period


def _figure_like(sent: str, n: Number) -> bool:
    """Bare numbers without a unit are not figures ("3 segments", "tier 2"): a figure has a unit, a
    scale, a per-share phrase after it or a thousands separator."""
    return bool(n.unit or n.scaled or "," in n.raw or per_share(sent, n))


def figures_of_sentence(
    sent: str, fiscal: Fiscal, *, carry: bool = False, cues: list[tuple[int, int, str]] | None = None
) -> list[dict[str, Any]]:
    """All figures of one sentence as fact/guidance dicts (span relative to the sentence); `cues` may
    pass the sentence's `cue_spans` when the caller has them."""
    found = numbers.candidates(sent)
    if not any(_figure_like(sent, n) for n in found):
        return []  # joining bare numbers into ranges and bands would give none of them a unit
    nums = [n for n in numbers.combine(found, sent) if _figure_like(sent, n)]
    if not nums:
        return []
    mentions = find_metrics(sent)
    periods = find_periods(sent, fiscal)
    cues = cue_spans(sent) if cues is None else cues
    roles = compare.assign(sent, nums)
    for i, n in enumerate(nums):  # "plus or minus 2%" is the width of the figure before it, not a change of its own
        if n.tolerance:
            roles.role[i], roles.head[i], roles.direction[i] = "tolerance", None, None
        elif roles.head[i] is not None and nums[roles.head[i]].tolerance:
            roles.head[i] = None
    used: set[int] = set()
    pairs = [pick_period(sent, n, periods, nums, used, roles.role[i] == "prior") for i, n in enumerate(nums)]
    picked = [own for own, _ in pairs]
    metrics: list[tuple[str, str, list[str]]] = []
    named_at: list[int] = []  # where each figure's metric was said (-1: not said)
    lead_segment: str | None = None  # a segment named at the start of the sentence holds for all its figures
    prev_end = 0
    for n in nums:
        m = metric_for(sent, n, mentions, prev_end)
        named_at.append(m.start if m else -1)
        prev_end = n.end
        label = label_for(sent, m) if m else ""
        metric = m.metric if m else ""
        quals = qualifiers_for(sent, label, m, n)
        if m:
            metric, quals = refine_metric(metric, label, m.phrase, quals)
        seg = segment_of(sent, m, n) if not any(q.startswith("segment:") for q in quals) else None
        if seg is None and lead_segment and not any(q.startswith("segment:") for q in quals):
            seg = lead_segment  # "Cloud operating income was $640 million, a 21.5% operating margin": the subject's segment
        if seg and "total" not in label.lower():  # "In the Northern segment, revenue grew 19% to $8 billion"
            if not metrics and sent.find(seg) in range(0, 40):
                lead_segment = seg
            quals = [*quals, f"segment:{seg}"]
            metric = "segment_revenue" if metric == "revenue" else metric
        line = _PRODUCT_LINE.search(sent[: n.start]) if not m and n.currency else None
        if line:  # "Widget products for Q2 were $12.5 million": a product line's revenue
            metric, label = "segment_revenue", line.group("label")
            quals = [*quals, f"segment:{line.group('label').rsplit(' ', 1)[0]}"]
        metrics.append((metric, label, quals))
    items: list[dict[str, Any]] = []
    for i, n in enumerate(nums):
        metric, label, quals = metrics[i]
        head = roles.head[i]
        own_named = (  # "... sales rose by 12% and adjusted EBIT was up 40%": a new subject names its own metric
            head is not None
            and roles.role[i] == "change"
            and named_at[i] > nums[head].end
            and bool(re.search(r"\band\b|[,;]", sent[nums[head].end : named_at[i]]))
        )
        if head is not None and roles.role[i] in ("change", "prior") and metrics[head][0] and not own_named:
            metric, label, quals = metrics[head]
        unit = default_unit(n, metric)
        countable = metric in _count_metrics() and metric != "units"  # "150,000 units" of inventory stay inventory
        if n.unit in _count_nouns() and not countable and metric != _count_nouns()[n.unit] and not n.currency:
            metric, label = _count_nouns()[n.unit], n.unit  # "revenue on a total of 1,200 widget units": a count of units
        if per_share(sent, n) or (
            metric in ("eps", "dividend") and unit == "USD" and not n.scaled
        ):  # "a $0.25 quarterly dividend"
            unit = "USD/share" if unit in ("", "USD") else f"{unit}/share"
            if metric not in _KEEP_METRIC_PER_SHARE:
                metric, label = "eps", label or "per share"
        if metric == "eps" and label.lower().startswith(("per ", "a share")):
            said = [m for m in mentions if m.end <= n.start and m.metric == "net_income" and n.start - m.end <= 60]
            if said:  # "adjusted earnings of $1.10 to $1.20 per share" -> "adjusted earnings per share"
                label = f"{label_for(sent, said[-1])} {label}"
        if unit.endswith("/share") and label and not re.search(r"share|\beps\b", label, re.I):
            label = f"{label} per share"  # "FFO was $0.50 per share": the label says what the figure is
        if unit == "" and "," in n.raw:
            unit = "count"
        if not metric:
            metric = (
                n.unit
                if n.unit and n.unit not in {"USD", "%", "bp", "pp", "x", "days", "count"} and n.unit.isalpha()
                else "other"
            )
        period = picked[i]
        if next_years_quarter(sent, period, fiscal) and is_guidance(sent, n, None, cues, carry, roles.role[i]):
            period = a_year_later(period)  # "our Q1 outlook" in a Q4 call: next year's Q1
        guide = roles.role[i] != "prior" and is_guidance(sent, n, period, cues, carry, roles.role[i])
        if roles.role[i] == "change" and period is not None and period.relation == "past" and period.start >= n.end:
            pairs[i] = (None, period)  # "up 150 basis points sequentially": the period compared against
            period = None  # (but "the prior-year period, when sales increased by 34%": the change's own period)
        if guide and period is not None and period.relation == "current" and (period.period or "").startswith("Q"):
            period = None  # the call's quarter is over: "Given our Q3 results, we now expect ..." guides another period
        if period is None and roles.role[i] == "prior":
            pstr = None
        elif period is None:
            pstr = None if guide else _current(fiscal)
        else:
            pstr = period.period
        item: dict[str, Any] = {
            "metric": metric,
            "label": label,
            "value": n.value if not (guide and n.is_range) else None,
            "low": n.low,
            "high": n.high,
            "unit": unit,
            "period": pstr,
            "turn": 0,
            "speaker": None,
            "sentence": sent,
            "span": [n.start, n.end],
            "text": n.raw,
            "qualifiers": quals,
            "approx": n.approx,
            "negative": bool(
                context.before("loss", r"(?:(?:approximately|about|roughly|nearly|around)\s+)?").search(
                    sent[max(0, n.start - 30) : n.start]
                )
            )
            or "loss" in label.lower(),
            "bound": n.bound,
            "role": roles.role[i],
            "comparison": None,
            "_guidance": guide,
        }
        zero = _FROM_ZERO.search(sent[max(0, n.start - 60) : n.start])
        if zero and not n.is_range:  # "between breakeven and a loss of $0.03 per share": a range from zero
            side = (zero.group("side") or "").lower()
            item["low"], item["high"] = (-n.value, 0.0) if side.startswith("loss") else (0.0, n.value)
            item["value"] = None if guide else (item["low"] + item["high"]) / 2
        if n.is_range and not guide and n.low is not None and n.high is not None:
            item["value"] = (n.low + n.high) / 2
        if guide:
            item["hedges"] = hedges_in(sent)
        items.append(item)
    respectively(sent, items)
    for i, it in enumerate(items):
        h = roles.head[i]
        if (
            h is not None
            and roles.role[i] == "prior"
            and items[h]["_guidance"]
            and context.anywhere("prior_guidance").search(sent)
        ):
            it["_guidance"], it["hedges"], it["role"] = (
                True,
                hedges_in(sent),
                "prior_guidance",
            )  # "up from the prior range of $2.00 to $2.10"
            if it["low"] is not None and it["high"] is not None and it["low"] != it["high"]:
                it["value"] = None
        if h is None or roles.role[i] in ("value", "tolerance"):
            continue
        comp = items[h]["comparison"] or compare.no_comparison()
        if roles.role[i] == "prior":
            if it["period"] and it["period"].startswith("FY ") and (items[h]["period"] or "").startswith("Q"):
                it["period"] = f"{items[h]['period'][:2]} {it['period'][3:]}"  # "compared to $1.10 in 2030": that year's quarter
            comp.update(prior_value=it["value"], prior_unit=it["unit"], prior_period=it["period"])
        else:
            comp.update(change=compare.signed(it["value"], roles.direction[i]), change_unit=it["unit"], direction=roles.direction[i])
            own = picked[i] if picked[i] is not None and picked[i].relation == "past" else pairs[i][1]
            if own is not None and comp["prior_period"] is None:
                comp["prior_period"] = own.period
            it["period"] = items[h]["period"]  # a change belongs to the period it was measured for
            it["comparison"] = {**compare.no_comparison(), "prior_period": own.period if own else None}  # its own sign and base
            it["comparison"].update(change=compare.signed(it["value"], roles.direction[i]), change_unit=it["unit"], direction=roles.direction[i])
        items[h]["comparison"] = comp
    compare.rebase(sent, items, pairs, roles.head)
    for i, it in enumerate(items):
        against = pairs[i][1]
        if roles.role[i] == "change" and roles.head[i] is None:  # "revenue declined $14 million": the change is the figure
            it["comparison"] = {"prior_value": None, "prior_unit": None, "prior_period": against.period if against else None}
            it["comparison"].update(change=compare.signed(it["value"], roles.direction[i]), change_unit=it["unit"], direction=roles.direction[i])
            continue
        if against is not None and roles.role[i] not in ("prior", "tolerance"):
            it["comparison"] = it["comparison"] or compare.no_comparison()
            it["comparison"]["prior_period"] = it["comparison"]["prior_period"] or against.period
            if roles.role[i] == "change":
                it["comparison"].update(change=compare.signed(it["value"], roles.direction[i]), change_unit=it["unit"], direction=roles.direction[i])
    return items


_PRODUCT_LINE = re.compile(
    r"(?:^|[,;]\s*)(?P<label>[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}\s+products?)\b[^,;]{0,40}?\b(?:were|was|totaled|of)\s+$"
)
# values are magnitudes as said; a loss is flagged, not signed ("lost $0.10 per share", "a loss of $0.05")


_FROM_ZERO = re.compile(
    r"\bbetween\s+(?:break[\s-]?even|zero)\s+and\s+(?:an?\s+)?(?P<side>loss(?:es)?|profit|earnings|income|gain)?\s*(?:of\s+)?$",
    re.I,
)


@lru_cache(maxsize=1)
def _count_nouns() -> dict[str, str]:
    """Count unit -> the metric that counts it (employees -> headcount), else the unit itself."""
    taxonomy = {k: v[0] for k, v in lexicons.load("metrics").mapping().items()}
    return {u[0]: taxonomy.get(u[0], u[0].replace(" ", "_")) for u in lexicons.load("count_units").mapping().values()}


@lru_cache(maxsize=1)
def _count_metrics() -> frozenset[str]:
    return lexicons.load("count_metrics").terms


def _current(fiscal: Fiscal) -> str | None:
    if fiscal.year is None:
        return None
    return f"Q{fiscal.quarter} {fiscal.year}" if fiscal.quarter else f"FY {fiscal.year}"
