"""Full-text search over turns (SQLite FTS5) with keyword-in-context snippets, newest first.

Queries use FTS5 syntax ("supply chain" phrase, `suppl*` prefix, `NEAR(tariff china, 5)`,
AND/OR/NOT); a query of plain words is taken as one phrase, which is what people typing
`callscope search supply chain` mean. Turn ids sort by call date (see schema.turn_rowid), so
"newest first" walks the index backwards and stops at the limit; role and section filters are
FTS5 column filters, date bounds are rowid bounds, and a company's calls are searched one id
range at a time, so selective filters do not turn into a walk over every match.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from ..errors import CallscopeError
from .schema import CALL_BITS, TURN_BITS, day_number, turn_rowid

_OPERATORS = re.compile(r'["*():^]|\bNEAR\b|\bAND\b|\bOR\b|\bNOT\b')
ROLES = ("analyst", "executive", "operator", "unknown")
SECTIONS = ("presentation", "qa")
DAY_SHIFT = CALL_BITS + TURN_BITS
PER_CALL_MAX = 2000  # up to this many calls for --company, search them one by one


@dataclass(frozen=True)
class Hit:
    """One matching turn: where it is, who said it, and the matched words in context."""

    call_id: int
    source: str
    company: str | None
    ticker: str | None
    date: str | None
    fiscal_period: str | None
    turn: int
    section: str
    speaker: str
    title: str | None
    firm: str | None
    role: str
    snippet: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def fts_query(query: str) -> str:
    """Plain words become one phrase; anything using FTS5 operators passes through unchanged."""
    q = " ".join(query.split())
    if not q:
        raise CallscopeError(None, "empty search query")
    if _OPERATORS.search(q):
        return q
    words = re.findall(r"\w+", q)
    if not words:
        raise CallscopeError(None, f"search query {query!r} has no searchable words")
    return '"' + " ".join(words) + '"'


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    company: str | None = None,
    role: str | None = None,
    section: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
    context: int = 12,
    marks: tuple[str, str] = ("[", "]"),
    label: str = "store",
) -> list[Hit]:
    """Matching turns, newest call first; `company` matches a ticker exactly or a name in part.

    `offset` skips that many newest hits (paging); `marks` open and close each matched word in snippets.
    """
    if role and role not in ROLES:
        raise CallscopeError(None, f"unknown role {role!r} (one of {', '.join(ROLES)})")
    if section and section not in SECTIONS:
        raise CallscopeError(None, f"unknown section {section!r} (one of {', '.join(SECTIONS)})")
    match = f"text : ({fts_query(query)})"  # the words are searched in the text column only
    if role:
        match += f" AND role : {role}"
    if section:
        match += f" AND section : {section}"
    where = ["turns_fts MATCH ?", *(["t.role = ?"] if role else []), *(["t.section = ?"] if section else [])]
    args: list[Any] = [match, *([role] if role else []), *([section] if section else [])]
    if since:
        # turn ids start with the call's day, so a date bound is also an FTS5 rowid bound (no scan)
        where += ["c.date >= ?", "turns_fts.rowid >= ?"]
        args += [since, day_number(since) << DAY_SHIFT]
    if until:
        where += ["c.date <= ?", "turns_fts.rowid < ?"]
        args += [until, (day_number(until) + 1) << DAY_SHIFT]
    offset = max(0, int(offset))
    limit = max(1, int(limit)) + offset  # SQLite reads a negative LIMIT as "no limit"
    run = _runner(conn, query, label, max(1, min(context, 64)), marks)
    if not company:
        return run(where, args, limit)[offset:]
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM companies WHERE ticker = ? COLLATE NOCASE OR name LIKE ? OR name_key LIKE ?",
        (company.strip(), f"%{company.strip()}%", f"%{company.strip().lower()}%"),
    )]
    if not ids:
        return []
    qmarks = ",".join("?" * len(ids))
    calls = conn.execute(f"SELECT id, date FROM calls WHERE company_id IN ({qmarks})", ids).fetchall()
    if len(calls) > PER_CALL_MAX:
        return run([*where, f"c.company_id IN ({qmarks})"], [*args, *ids], limit)[offset:]
    # A few calls: ask FTS5 about each call's turn-id range, newest first, instead of walking every
    # match in the corpus looking for this company's.
    hits: list[Hit] = []
    for call_id, date in sorted(calls, key=lambda r: turn_rowid(r[1], r[0], 0), reverse=True):
        lo = turn_rowid(date, call_id, 0)
        hits += run([*where, "turns_fts.rowid BETWEEN ? AND ?"], [*args, lo, lo | 0xFFFF], limit - len(hits))
        if len(hits) >= limit:
            break
    return hits[offset:]


def _runner(
    conn: sqlite3.Connection, query: str, label: str, context: int, marks: tuple[str, str]
) -> Callable[[list[str], list[Any], int], list[Hit]]:
    def run(where: list[str], args: list[Any], limit: int) -> list[Hit]:
        sql = f"""
            SELECT c.id, c.source, c.company, c.ticker, c.date, c.fiscal_period, t.idx, t.section,
                   p.name, p.title, p.firm, t.role,
                   snippet(turns_fts, 0, ?, ?, '…', ?)
            FROM turns_fts
            JOIN turns t ON t.id = turns_fts.rowid
            JOIN calls c ON c.id = t.call_id
            LEFT JOIN participants p ON p.call_id = t.call_id AND p.pid = t.speaker
            WHERE {' AND '.join(where)}
            ORDER BY turns_fts.rowid DESC
            LIMIT ?"""
        try:
            rows = conn.execute(sql, [marks[0], marks[1], context, *args, int(limit)]).fetchall()
        except sqlite3.OperationalError as exc:
            if any(w in str(exc).lower() for w in ("locked", "disk", "no such table", "malformed", "i/o")):
                raise CallscopeError(label, f"search failed ({exc})") from None
            raise CallscopeError(label, f"invalid search query {query!r} ({exc})") from None
        return [Hit(*r[:8], speaker=r[8] or "?", title=r[9], firm=r[10], role=r[11], snippet=r[12]) for r in rows]

    return run
