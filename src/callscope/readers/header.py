"""Header metadata (company, ticker, title, date, fiscal period) and section headings.

Every format states these differently (a title line, a `Symbol:` field, the operator's welcome),
so readers hand their header lines and first paragraphs to one set of patterns here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .raw import RawTranscript

_SECTION_HEADINGS = {
    "presentation": "presentation",
    "prepared remarks": "presentation",
    "prepared remarks section": "presentation",
    "management discussion section": "presentation",
    "management discussion": "presentation",
    "opening remarks": "presentation",
    "questions and answers": "qa",
    "questions & answers": "qa",
    "question and answer": "qa",
    "question and answers": "qa",
    "question & answer": "qa",
    "question-and-answer session": "qa",
    "question and answer session": "qa",
    "questions and answers session": "qa",
    "question and answer section": "qa",
    "questions and answer section": "qa",
    "q&a": "qa",
    "q & a": "qa",
    "q&a session": "qa",
}


def section_heading(line: str) -> str | None:
    """'presentation' or 'qa' when `line` is a section heading, else None."""
    s = line.strip().strip(":").strip()
    if len(s) > 40:
        return None
    key = " ".join(s.lower().replace("\u2013", "-").split())
    return _SECTION_HEADINGS.get(key)


MONTHS = {
    m.lower(): i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
DATE_PATTERNS = [
    re.compile(_MON + r"\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)", re.I),  # April 24, 2025
    re.compile(r"(\d{1,2})[-\s]" + _MON + r"[-\s,]+((?:19|20)\d\d)", re.I),  # 09-Feb-2022 / 9 February 2022
    re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)"),  # 2018-08-15
    re.compile(r"((?:19|20)\d\d)-" + _MON + r"-(\d{1,2})", re.I),  # 2018-Aug-15 (file names)
]

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_YEAR = r"(?:fiscal\s+(?:year\s+)?|fy\s*)?'?((?:19|20)?\d\d)\b"
PERIOD_PATTERNS = [
    re.compile(r"\bF?Q([1-4])\s*(?:FY\s*|fiscal\s+(?:year\s+)?)?'?((?:19|20)?\d\d)\b", re.I),  # Q2 2007, FQ1 2021, Q1 FY22
    re.compile(r"\b([1-4])Q\s*'?((?:19|20)?\d\d)\b", re.I),  # 1Q20
    re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of)?,?\s+" + _YEAR, re.I),
    re.compile(r"\b(?:fiscal\s+(?:year\s+)?)?'?((?:19|20)\d\d)\s+(first|second|third|fourth)[\s-]+quarter\b", re.I),
]
_QUARTER_ONLY = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b|\bF?Q([1-4])\b", re.I)

TICKER_PATTERNS = [
    re.compile(r"^(?:symbol|ticker)\s*:\s*([A-Z][A-Z0-9.]{0,9})\s*$", re.I | re.M),
    re.compile(r"\b(?:NYSE|NASDAQ|Nasdaq(?:GS|GM|CM)?|NasdaqGS|AMEX|TSX|LSE)\s*:\s*([A-Z][A-Z0-9.]{0,9})\b"),
    re.compile(r"\(([A-Z]{1,5}(?:\.[A-Z])?)\)"),
]
COMPANY_PATTERNS = [
    re.compile(r"^company\s*:\s*(.+)$", re.I | re.M),
    re.compile(r"^(?:Q[1-4]|FQ[1-4]|[1-4]Q|H[12])\s*'?(?:\d{2,4})\s+(.+?)\s+(?:Earnings|Financial|Results|Conference|Sales|Preliminary|Business)\b.*$", re.M),
    re.compile(r"^(.+?)\s*\([A-Z]{1,5}\)\s*$", re.M),
    re.compile(
        r"\b(?:welcome|welcome everyone|welcome you)\s+to\s+(?:the\s+)?(.+?)(?:'s?)?\s+(?:(?:\d{4}\s+)?(?:first|second|third|fourth|"
        r"full[- ]year|fiscal|Q[1-4]|F?Q[1-4]|\d{4}|year[- ]end|quarterly|earnings|financial|conference|results|Q\d)\b)",
        re.I,
    ),
]
_BAD_COMPANY = re.compile(
    r"^(?:today'?s?|our|this|the|everyone|you|all|a|an|first|second|third|fourth|full|fiscal|q[1-4]|fy|\d)\b", re.I
)
_LEADING_PERIOD = re.compile(
    r"^(?:(?:first|second|third|fourth)\s+quarter|Q[1-4]|F?Q[1-4]\s+FY|fiscal(?:\s+year)?|full[- ]year|year[- ]end)"
    r"(?:\s+(?:and\s+)?(?:fiscal\s+)?(?:year\s+)?'?\d{2,4})?\s+",
    re.I,
)
_TRAILING_PERIOD = re.compile(r"(?:'s)?\s+(?:" + _MON + r"|first|second|third|fourth|fiscal|full)(?:[\s-]+(?:quarter|year))?$", re.I)
_DATED_SENTENCE = re.compile(r"\b(?:recorded|today|held on|taking place|conference call on|dated?)\b", re.I)
FILE_STEM = [
    re.compile(r"^(?P<ticker>[A-Z]{1,5})[_-](?P<year>(?:19|20)\d\d)[_-]Q(?P<q>[1-4])$"),
    re.compile(r"^(?P<date>(?:19|20)\d\d-[A-Za-z]{3}-\d\d)-(?P<ticker>[A-Z]{1,5})$"),
    re.compile(r"^(?P<ticker>[A-Z]{1,5})_[qQ](?P<q>[1-4])_(?P<year>(?:19|20)\d\d)$"),  # ECTSum: ABM_q1_2021
]


def find_date(text: str) -> str | None:
    for pat in DATE_PATTERNS:
        for m in pat.finditer(text):
            g = m.groups()
            try:
                if pat is DATE_PATTERNS[0]:
                    d = dt.date(int(g[2]), MONTHS[g[0].lower().rstrip(".")], int(g[1]))
                elif pat is DATE_PATTERNS[1]:
                    d = dt.date(int(g[2]), MONTHS[g[1].lower()], int(g[0]))
                elif pat is DATE_PATTERNS[2]:
                    d = dt.date(int(g[0]), int(g[1]), int(g[2]))
                else:
                    d = dt.date(int(g[0]), MONTHS[g[1].lower()], int(g[2]))
            except (ValueError, KeyError):
                continue
            return d.isoformat()
    return None


def _year(y: str) -> int:
    n = int(y)
    return n + 2000 if n < 100 else n


def find_period(text: str, date: str | None = None) -> str | None:
    """`Q2 2007` from "second quarter 2007", "Q2 FY07", "FQ2 2007", or a quarter plus the call date."""
    for k, pat in enumerate(PERIOD_PATTERNS):
        m = pat.search(text)
        if not m:
            continue
        a, b = m.groups()
        if k == 3:
            a, b = b, a
        q = ORDINALS.get(a.lower()) if not a.isdigit() else int(a)
        if q:
            return f"Q{q} {_year(b)}"
    m = _QUARTER_ONLY.search(text)
    if m and date:
        q = ORDINALS.get((m.group(1) or "").lower()) or int(m.group(2) or 0)
        if q:
            year, month = int(date[:4]), int(date[5:7])
            if q * 3 > month + 1:  # the call reports a quarter that ended last calendar year
                year -= 1
            return f"Q{q} {year}"
    return None


def find_ticker(text: str) -> str | None:
    for pat in TICKER_PATTERNS:
        m = pat.search(text)
        if m and m.group(1) not in {"A", "I", "US", "USA", "CEO", "CFO", "IR", "GAAP", "LLC", "EPS", "AM", "PM", "ET", "GMT"}:
            return m.group(1)
    return None


def find_company(text: str) -> str | None:
    for pat in COMPANY_PATTERNS:
        for m in pat.finditer(text):
            name = _LEADING_PERIOD.sub("", m.group(1).strip(" ,-'\"")).strip(" ,-")
            name = re.sub(r"'s$", "", name)
            name = _TRAILING_PERIOD.sub("", name).strip(" ,-")
            if 1 < len(name) <= 60 and not _BAD_COMPANY.match(name) and not name.lower().startswith("welcome"):
                return name
    return None


def fill_metadata(raw: RawTranscript, lines: Iterable[str], opening: Iterable[str] = ()) -> RawTranscript:
    """Fill metadata the reader left empty from header `lines` and the `opening` paragraphs.

    Dates come from the header, or from an opening sentence that says when the call is held
    ("recorded Thursday, April 24, 2025"), never from arbitrary prose (which is full of dates).
    """
    head = "\n".join(ln for ln in lines if ln)[:20_000]
    body = "\n".join(p for p in opening if p)[:20_000]
    if raw.title is None:
        first = next((ln.strip() for ln in head.split("\n") if ln.strip()), None)
        if first and len(first) < 120 and re.search(r"earnings|results|conference|call|quarter|Q[1-4]", first, re.I):
            raw.title = first
    dated = " ".join(x for x in re.split(r"(?<=[.!?])\s+", body) if _DATED_SENTENCE.search(x))
    raw.date = raw.date or find_date(head) or find_date(dated)
    both = (raw.title or "") + "\n" + head + "\n" + body
    raw.fiscal_period = raw.fiscal_period or find_period(both, raw.date)
    raw.ticker = raw.ticker or find_ticker(head) or find_ticker(body[:2000])
    raw.company = raw.company or find_company(both)
    return raw


def fill_from_filename(raw: RawTranscript, stem: str) -> RawTranscript:
    """Last resort: common dataset file names (`AAPL_2019_Q1`, `2018-Aug-15-CSCO`)."""
    for pat in FILE_STEM:
        m = pat.match(stem)
        if not m:
            continue
        g = m.groupdict()
        raw.ticker = raw.ticker or g.get("ticker")
        if g.get("year") and not raw.fiscal_period:
            raw.fiscal_period = f"Q{g['q']} {g['year']}"
        if g.get("date") and not raw.date:
            raw.date = find_date(g["date"])
    return raw
