"""Which metric a figure measures: the taxonomy in `lexicons/data/metrics.txt`, matched around the figure.

Speakers name the metric before the figure ("Revenue for the quarter was $42.5 million") or right
after it ("$0.18 per share", "$5 million in free cash flow"). The raw words as said become the
`label`; the canonical name comes from the taxonomy so calls can be compared.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import msgspec

from .. import lexicons
from . import caseless, context
from .numbers import Number
from .trie import trie_pattern


class MetricMention(msgspec.Struct, frozen=True):
    start: int
    end: int
    metric: str
    phrase: str


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], frozenset[str], re.Pattern[str], re.Pattern[str], dict[str, str], re.Pattern[str]]:
    taxonomy = {k: v[0] for k, v in lexicons.load("metrics").mapping().items()}
    count_metrics = lexicons.load("count_metrics").terms
    geos = lexicons.load("geographies").terms
    cased = trie_pattern([g for g in geos if not g.islower()], fold=False)
    lower = trie_pattern([g for g in geos if g.islower()])
    geo_rx = re.compile(rf"(?<![\w.])(?:{cased}|(?i:{lower}))(?![\w])")
    quals = {k: v[0] for k, v in lexicons.load("qualifiers").mapping().items()}
    qual_rx = _words()[1].rx
    stop = lexicons.load("label_stopwords").terms
    stop_rx = re.compile(rf"^(?:{trie_pattern(stop)})$", re.I)
    return taxonomy, count_metrics, geo_rx, qual_rx, quals, stop_rx


@lru_cache(maxsize=1)
def _words() -> tuple[caseless.Words, caseless.Words]:
    """The metric and qualifier word lists as `caseless.Words` (their scans at about half the cost)."""
    return (
        caseless.Words(trie_pattern(lexicons.load("metrics").mapping())),
        caseless.Words(trie_pattern(lexicons.load("qualifiers").mapping())),
    )


def find_metrics(sentence: str) -> list[MetricMention]:
    taxonomy = _tables()[0]
    pad = caseless.Words.pad(sentence)
    return [
        MetricMention(s, e, taxonomy[sentence[s:e].lower() if pad is None else pad[s + 1 : e + 1]], sentence[s:e])
        for s, e in _words()[0].spans(sentence, pad)
    ]


_PER_SHARE = re.compile(
    r"^\s*(?:of\s+)?(?:\w+\s+){0,2}?(?:per|a)\s+(?:diluted\s+|basic\s+|fully\s+diluted\s+)?(?:common\s+)?share\b", re.I
)
_RIGHT = re.compile(r"^\s*(?:in|of|for)\s+(?:(?:the\s+)?(?:total\s+)?)", re.I)
_SHARE_OF = re.compile(r"^\s*of\s+(?:total\s+|our\s+|net\s+)?(?:revenue|revenues|sales|net sales)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;:]|\.\s|\bwhile\b|\bwhereas\b|\bbut\b", re.I)
_PCT_RIGHT = re.compile(r"^\s*(?:[a-z-]+\s+){0,1}?(?=\S)", re.I)


def per_share(sentence: str, n: Number) -> bool:
    return n.unit in {"USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "CNY", "INR", ""} and bool(
        _PER_SHARE.match(sentence[n.end :])
    )


PER_SHARE_METRICS = frozenset(m for m, f in lexicons.load("metric_kinds").mapping().items() if "per_share" in f)
# between a figure and a metric named after it: nothing ("5% organic growth"), or in/of/for ("$2 million in revenue", "$0.18 per share")
_RIGHT_GAP = re.compile(
    r"\s*(?:(?:in|of|for)\s+(?:(?:the|total|our|new|net|additional|incremental|adjusted|diluted|gaap|non-gaap|core|organic|reported)\s+)*)?"
    r"|\s*(?:(?:diluted|basic|adjusted|gaap|non-gaap|quarterly|annual|annualized|cash|special|regular)\s+)*",
    re.I,
)
# "net sales of $310 million adjusted EBITDA ...": a metric bound to the figure on its left wins over a bare neighbour on its right
_TIGHT_LEFT = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:of|was|were|is|are|to|at|totaled|totalled|reached|came in at)\s+(?:(?:approximately|about|roughly|nearly|a|an|record)\s+)*",
    re.I,
)
# "earnings, excluding amortization expense, ..."
_GENERIC = frozenset(m for m, f in lexicons.load("metric_kinds").mapping().items() if "generic" in f)


def metric_for(sentence: str, n: Number, mentions: list[MetricMention], prev_end: int) -> MetricMention | None:
    """The metric of figure `n`: a phrase right after it (`$0.18 per share`, `5% organic growth`,
    `$2 million in revenue`), else the nearest phrase before it in the same clause."""
    after = sentence[n.end :]
    if n.scaled and n.currency:
        mentions = [m for m in mentions if m.metric != "eps"]  # "$4 million" is never a per-share figure
    right = [m for m in mentions if m.start >= n.end]
    left = [
        m
        for m in mentions
        if m.end <= n.start
        and not context.before("aside", r"(?:the\s+|any\s+)?").search(sentence[max(0, m.start - 16) : m.start])
    ]
    if right and not (_SHARE_OF.match(after) and n.unit in {"%", "bp", "pp"}):
        first = right[0]
        gap = sentence[n.end : first.start]
        tight_left = bool(left) and bool(_TIGHT_LEFT.fullmatch(sentence[left[-1].end : n.start]))
        explicit = bool(re.match(r"\s*(?:in|of|for)\s", gap))
        if len(gap) <= 24 and _RIGHT_GAP.fullmatch(gap) and (first.metric == "eps" or explicit or not tight_left):
            if first.metric == "eps":
                # "$0.25 per share quarterly dividend", "book value of $12.40 per share": the named metric wins
                beyond = [
                    m
                    for m in right[1:]
                    if m.start - first.end <= 12 and not sentence[first.end : m.start].strip(" ,").count(" ") > 1
                ]
                if beyond and beyond[0].metric in PER_SHARE_METRICS:
                    return beyond[0]
                near = left[-1] if left else None
                if (
                    near
                    and near.metric in PER_SHARE_METRICS
                    and n.start - near.end <= 25
                    and not _CLAUSE_BREAK.search(sentence[near.end : n.start])
                ):
                    return near
            return first
    if left:
        best = left[-1]
        if len(left) > 1 and best.metric in _GENERIC and not sentence[left[-2].end : best.start].strip():
            # "research and development expenses", "EBITDA margin": the specific phrase names the metric
            prior = left[-2]
            best = MetricMention(
                prior.start,
                best.end,
                prior.metric if best.metric != "margin" else f"{prior.metric}_margin",
                sentence[prior.start : best.end],
            )
        if not _CLAUSE_BREAK.search(sentence[best.end : n.start]):
            return best
        # across a clause break only when the new clause names no figure of its own
        if best.end >= prev_end or not _CLAUSE_BREAK.search(sentence[prev_end : n.start]):
            return best
    return None


def label_for(sentence: str, m: MetricMention) -> str:
    """The metric as said, with the modifiers in front of it ("loop access revenues", "non-GAAP EPS")."""
    *_, stop_rx = _tables()
    start = m.start
    words = list(re.finditer(r"[A-Za-z][\w&'.-]*", sentence[: m.start]))
    taken = 0
    for w in reversed(words):
        if sentence[w.end() : start].strip(" "):
            break
        token = w.group(0).rstrip(".")
        if stop_rx.match(token) or taken >= 4:
            break
        start, taken = w.start(), taken + 1
    return sentence[start : m.end].strip()


def qualifiers_for(sentence: str, label: str, m: MetricMention | None, n: Number) -> list[str]:
    """GAAP / non-GAAP / adjusted ... said in the label or just before it, plus segment and geography."""
    _, _, geo_rx, _, quals, _ = _tables()
    lo = max(0, (m.start if m else n.start) - 45)
    window = sentence[lo : (m.end if m else n.start)]
    out: list[str] = []
    words = _words()[1]
    for s, e in words.spans(window):
        name = quals[window[s:e].lower()]
        if name not in out and not (name == "GAAP" and "non-GAAP" in out):
            out.append(name)
    if m is not None and m.end <= n.start:  # "GAAP gross margin was 52.1% and non-GAAP was 53.4%": the nearer basis wins
        between = sentence[m.end : n.start]
        near = [quals[between[s:e].lower()] for s, e in words.spans(between)]
        near = [q for q in near if q in _BASES]
        if near:
            out = [q for q in out if q not in _BASES] + [near[-1]]
    if m is not None:
        for g in geo_rx.finditer(label):
            out.append(f"geography:{g.group(0)}")
    return out


_BASES = ("GAAP", "non-GAAP")


@lru_cache(maxsize=1)
def _not_segments() -> frozenset[str]:
    """Words before "revenue" that do not name a segment ("net", "total", "worldwide")."""
    return frozenset(t for t, k in lexicons.load("segment_words").mapping().items() if k and k[0] == "not")


def refine_metric(metric: str, label: str, phrase: str, qualifiers: list[str]) -> tuple[str, list[str]]:
    """Revenue said with a segment or geography name becomes segment_revenue / geography_revenue."""
    if metric != "revenue":
        return metric, qualifiers
    extra = label[: len(label) - len(phrase)].strip()
    if any(q.startswith("geography:") for q in qualifiers):
        return "geography_revenue", qualifiers
    *_, qual_rx, _, stop_rx = _tables()
    words = [w for w in re.findall(r"[\w&'-]+", qual_rx.sub(" ", extra)) if not stop_rx.match(w)]
    if words and words[-1].lower() not in _not_segments():
        return "segment_revenue", [*qualifiers, f"segment:{' '.join(words)}"]
    return metric, qualifiers


def default_unit(n: Number, metric: str | None) -> str:
    """A scaled figure without a currency is money unless its metric counts things."""
    _, count_metrics, *_ = _tables()
    if n.unit:
        return n.unit
    if metric in count_metrics:
        return "count"
    if n.scaled:
        return "USD"
    return ""


_BASIS_PAIR = re.compile(r"\b(?P<a>non-GAAP|GAAP)\s+and\s+(?P<b>non-GAAP|GAAP)\b", re.I)


def respectively(sent: str, items: list[dict[str, Any]]) -> None:
    """"GAAP and non-GAAP gross margins were 47.2% and 48.9%, respectively": one basis per figure, in order."""
    pair = _BASIS_PAIR.search(sent) if "respectively" in sent.lower() else None
    if pair is None:
        return
    listed = [it for it in items if it["span"][0] >= pair.end() and it["role"] == "value"][:2]
    if len(listed) < 2 or listed[0]["unit"] != listed[1]["unit"]:
        return
    for it, said in zip(listed, (pair.group("a"), pair.group("b")), strict=True):
        basis = "non-GAAP" if said.lower().startswith("non") else "GAAP"
        it["qualifiers"] = [q for q in it["qualifiers"] if q not in ("GAAP", "non-GAAP")] + [basis]
