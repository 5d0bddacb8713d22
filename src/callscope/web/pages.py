"""What each page shows, read from the store: home, companies, one company, search results.

Functions here only gather and shape data for the templates (formatting, chart specs, paging);
the numbers themselves come from the corpus library (`Corpus`, `corpus.calls`, `corpus.views`).
"""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import urlencode

from ..corpus import Corpus
from ..corpus.calls import company_names, latest_calls
from ..corpus.views import guidance_revisions, guidance_vs_actual, timeline
from ..errors import CallscopeError
from .format import figure_value, metric_label, number

HOME_COMPANIES = 60
PAGE_SIZE = 20
MAX_PAGE = 500
CHART_METRICS = 4
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"  # snippet markers no transcript contains (control characters)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _clean(value: Any) -> Any:
    """NaN (pandas' missing value) as None, so JSON stays valid and templates show a dash."""
    return None if isinstance(value, float) and math.isnan(value) else value


def _records(frame: Any) -> list[dict[str, Any]]:
    return [{k: _clean(v) for k, v in row.items()} for row in frame.to_dict("records")]


def home(corpus: Corpus) -> dict[str, Any]:
    companies = _records(corpus.companies())
    companies.sort(key=lambda c: (-int(c["calls"] or 0), str(c["name"] or c["ticker"] or "").lower()))
    return {
        "stats": {"calls": len(corpus), "companies": len(companies)},
        "latest": latest_calls(corpus.conn, 15),
        "companies": companies[:HOME_COMPANIES],
        "more_companies": len(companies) > HOME_COMPANIES,
        "db_name": corpus.path.name,
    }


def companies(corpus: Corpus) -> dict[str, Any]:
    return {"companies": _records(corpus.companies())}


def company(corpus: Corpus, company_id: int) -> dict[str, Any] | None:
    row = corpus.conn.execute("SELECT id, ticker, name FROM companies WHERE id = ?", (company_id,)).fetchone()
    if row is None:
        return None
    info = {"id": row[0], "ticker": row[1], "name": row[2]}
    # by id: a name or ticker lookup could match another company too
    frame = timeline(corpus.conn, company_id)
    calls = _records(frame)
    units: dict[str, str | None] = frame.attrs["units"]
    key_metrics = list(units)
    gva = []
    for g in _records(guidance_vs_actual(corpus.conn, company_id)):
        g["guided"] = figure_value({"low": g["guided_low"], "high": g["guided_high"], "value": g["guided_value"], "unit": g["unit"]})
        g["actual_text"] = number(g["actual"], g["unit"])
        gva.append(g)
    revisions = []
    for r in _records(guidance_revisions(corpus.conn, company_id)):
        r["before"] = figure_value({"low": r["old_low"], "high": r["old_high"], "value": r["old_mid"], "unit": r["unit"]})
        r["after"] = figure_value({"low": r["new_low"], "high": r["new_high"], "value": r["new_mid"], "unit": r["unit"]})
        revisions.append(r)
    return {
        "company": info,
        "calls": calls,
        "key_metrics": chart_metrics(key_metrics),
        "units": units,
        "charts": charts(calls, key_metrics, units),
        "gva": gva,
        "revisions": revisions,
    }


def _line(calls: list[dict[str, Any]], column: str, name: str, scale: float = 1.0) -> dict[str, Any]:
    x = [c["fiscal_period"] or c["date"] or str(c["call_id"]) for c in calls]
    y = [None if c.get(column) is None else c[column] * scale for c in calls]
    return {"type": "scatter", "mode": "lines+markers", "name": name, "x": x, "y": y, "connectgaps": False,
            "customdata": [c["call_id"] for c in calls]}


PREFERRED = ("revenue", "eps", "gross_margin", "operating_margin", "operating_income", "net_income", "free_cash_flow")


def chart_metrics(key_metrics: list[str]) -> list[str]:
    """The key figures worth a chart: the usual headline ones first, at most CHART_METRICS."""
    ordered = [m for m in PREFERRED if m in key_metrics] + [m for m in key_metrics if m not in PREFERRED]
    return ordered[:CHART_METRICS]


def charts(calls: list[dict[str, Any]], key_metrics: list[str], units: dict[str, str | None]) -> list[dict[str, Any]]:
    """plotly figure specs (plain dicts): tone, uncertainty, non-answer rate, then up to four key figures."""
    specs = [
        {"title": "Net tone (LM)", "data": [_line(calls, "tone", "net tone")], "yaxis": {"range": [-1, 1], "zeroline": True}},
        {"title": "Uncertainty words, % of words", "data": [_line(calls, "uncertainty", "uncertainty", 100)], "yaxis": {"rangemode": "tozero"}},
        {"title": "Non-answers, % of exchanges", "data": [_line(calls, "non_answer_rate", "non-answer rate", 100)], "yaxis": {"rangemode": "tozero"}},
    ]
    for metric in chart_metrics(key_metrics):
        unit = units.get(metric) or ""
        specs.append({"title": f"{metric_label(metric)}{f' ({unit})' if unit else ''}",
                      "data": [_line(calls, metric, metric)], "yaxis": {"rangemode": "tozero"}})
    return specs


def search(corpus: Corpus, params: dict[str, str]) -> dict[str, Any]:
    """Search results for the query string parameters, one page at a time, with prev/next links."""
    query = (params.get("q") or "").strip()
    filters = {k: (params.get(k) or "").strip() or None for k in ("company", "role", "section", "since", "until")}
    try:
        page = max(1, min(MAX_PAGE, int(params.get("page") or 1)))
    except ValueError:
        page = 1
    out: dict[str, Any] = {"query": query, "filters": filters, "hits": [], "offset": (page - 1) * PAGE_SIZE, "more": False,
                           "prev_url": None, "next_url": None, "error": None, "companies": company_names(corpus.conn)}
    if not query:
        return out
    for key in ("since", "until"):
        if filters[key] and not _DATE.fullmatch(filters[key]):
            out["error"] = f"{key} must be a date like 2024-01-31"
            return out
    try:
        hits = corpus.search(query, **{k: v for k, v in filters.items() if v}, limit=PAGE_SIZE + 1, offset=out["offset"],
                             marks=(HIT_OPEN, HIT_CLOSE), context=24)
    except CallscopeError as exc:
        out["error"] = exc.reason
        return out
    out["more"] = len(hits) > PAGE_SIZE
    out["hits"] = [{**h.as_dict(), "parts": snippet_parts(h.snippet)} for h in hits[:PAGE_SIZE]]
    base = {"q": query, **{k: v for k, v in filters.items() if v}}
    if page > 1:
        out["prev_url"] = "/search?" + urlencode({**base, "page": page - 1})
    if out["more"] and page < MAX_PAGE:
        out["next_url"] = "/search?" + urlencode({**base, "page": page + 1})
    return out


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A marked snippet as (text, is_match) pieces, for the template to escape and highlight."""
    parts = []
    for i, piece in enumerate(re.split(f"[{HIT_OPEN}{HIT_CLOSE}]", snippet)):
        if piece:
            parts.append((piece, i % 2 == 1))
    return parts
