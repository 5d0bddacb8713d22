"""Fictional earnings calls in the plain `Name - Title` format, for tests, benchmarks and demos.

Every company, person and figure here is invented; a seed picks the wording so runs are
reproducible. `write_calls()` lays out one company's quarters as files.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

TOPICS = [
    "Our supply chain held up well and lead times came down again this quarter.",
    "Demand from data center customers remained strong across every region.",
    "We saw some pricing pressure in the consumer segment, which we expect to ease.",
    "Freight costs were a headwind, but our logistics team offset most of it.",
    "The new widget line is ramping ahead of plan with healthy margins.",
    "Inventory levels are now back in line with our targets.",
    "We continue to invest in automation at the Lakeside plant.",
    "Foreign exchange was a modest drag on reported growth.",
]
QUESTIONS = [
    "Can you talk about the supply chain and whether component shortages are behind you?",
    "How should we think about gross margin for the rest of the year?",
    "Could you give more color on pricing in the consumer segment?",
    "What are you seeing in order trends so far this quarter?",
    "How much of the growth came from the new widget line?",
]
ANSWERS = [
    "Sure. We feel good about where we are, and the supply chain is in much better shape than a year ago.",
    "We are not going to give specifics beyond our guidance, but the trends are encouraging.",
    "Pricing was down slightly, and we expect it to stabilise next quarter.",
    "Orders have been in line with our expectations through the first weeks of the quarter.",
    "About a third of the growth came from the new line, and the rest from the core business.",
]
ANALYSTS = [("Dana Whitfield", "Crestmoor Securities"), ("Raj Patel", "Northgate Capital"), ("Lena Ortiz", "Bluewater Partners")]
QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def call_text(
    company: str = "Harborline Widgets Inc.",
    ticker: str = "HBWX",
    year: int = 2019,
    quarter: int = 1,
    seed: int = 0,
    revenue: float = 100.0,
) -> str:
    """One call: title, date, prepared remarks by the CEO and CFO, and a Q&A with three analysts."""
    rnd = random.Random(seed * 1009 + year * 10 + quarter)
    m, d = QUARTER_END[quarter]
    date = dt.date(year, m, d) + dt.timedelta(days=25 + rnd.randint(0, 9))
    nq = quarter % 4 + 1
    lines = [
        f"Q{quarter} {year} {company} Earnings Conference Call",
        f"{company} (NASDAQ: {ticker})",
        date.strftime("%B %d, %Y"),
        "",
        "Operator",
        f"Good day and welcome to the {company} Q{quarter} {year} earnings conference call. I will now turn the call over to Mira Castell.",
        "Mira Castell - Chief Executive Officer",
        f"Thank you, and good afternoon. Revenue for the quarter was ${revenue:.1f} million, up {rnd.randint(2, 15)}% from a year ago.",
        *rnd.sample(TOPICS, 4),
        "Tomas Brandt - Chief Financial Officer",
        f"Gross margin was {rnd.uniform(38, 45):.1f}% and diluted earnings per share were ${rnd.uniform(0.3, 0.9):.2f}.",
        f"For Q{nq} we expect revenue between ${revenue * 1.01:.1f} million and ${revenue * 1.05:.1f} million.",
        "Operator",
        "We will now begin the question-and-answer session.",
    ]
    for name, firm in rnd.sample(ANALYSTS, 3):
        lines += [
            "Operator",
            f"Our next question comes from {name} with {firm}.",
            f"{name} - {firm} - Analyst",
            rnd.choice(QUESTIONS),
            "Mira Castell - Chief Executive Officer",
            rnd.choice(ANSWERS),
            "Tomas Brandt - Chief Financial Officer",
            rnd.choice(ANSWERS),
        ]
    lines += ["Operator", "This concludes today's conference. You may now disconnect.", ""]
    return "\n".join(lines)


def write_calls(
    folder: Path, *, company: str = "Harborline Widgets Inc.", ticker: str = "HBWX", start: int = 2018, quarters: int = 8, seed: int = 0
) -> list[Path]:
    """`quarters` consecutive calls of one company as `TICKER_YYYY_Qn.txt` files."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k in range(quarters):
        year, q = start + k // 4, k % 4 + 1
        p = folder / f"{ticker}_{year}_Q{q}.txt"
        p.write_text(call_text(company, ticker, year, q, seed, revenue=100.0 + 5 * k), encoding="utf-8")
        out.append(p)
    return out
