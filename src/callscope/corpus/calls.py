"""Read calls back out of the store: one call as the JSON contract, and the newest calls.

`load_call` rebuilds the `callscope.call/1` dict from the tables, so everything that renders or
analyses a parsed call (the web reader, the HTML report) works the same on a stored one.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from .rows import CORE as _CORE

SCHEMA = "callscope.call/1"


def _rows(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...]) -> list[dict[str, Any]]:
    cur = conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur]


def load_call(conn: sqlite3.Connection, call_id: int) -> dict[str, Any] | None:
    """The stored call as the JSON contract (plus `id` and `company_id` under "call"), or None."""
    found = _rows(
        conn,
        """SELECT id, company_id, source, format, company, ticker, title, date, fiscal_period, language, warnings
           FROM calls WHERE id = ?""",
        (call_id,),
    )
    if not found:
        return None
    info = found[0]
    warnings = json.loads(info.pop("warnings") or "[]")
    participants = [
        {"id": p["pid"], "name": p["name"], "title": p["title"], "firm": p["firm"], "role": p["role"], "aliases": [], "introduced_as": None}
        for p in _rows(conn, "SELECT pid, name, title, firm, role FROM participants WHERE call_id = ? ORDER BY pid", (call_id,))
    ]
    turns = [
        {"index": t["idx"], "speaker": t["speaker"], "section": t["section"], "text": t["text"]}
        for t in _rows(conn, "SELECT idx, speaker, section, text FROM turns WHERE call_id = ? ORDER BY idx", (call_id,))
    ]
    exchanges = [
        {
            "analyst": e["analyst"],
            "question_turns": json.loads(e["question_turns"]),
            "answer_turns": json.loads(e["answer_turns"]),
            "non_answer": bool(e["non_answer"]),
            "non_answer_types": json.loads(e["non_answer_types"]),
        }
        for e in _rows(conn, "SELECT * FROM exchanges WHERE call_id = ? ORDER BY idx", (call_id,))
    ]
    figures: dict[str, list[dict[str, Any]]] = {}
    for table in ("facts", "guidance"):
        cols = ", ".join(_CORE)
        figures[table] = [
            {**{k: r[k] for k in _CORE}, **json.loads(r["extra"])}
            for r in _rows(conn, f"SELECT {cols}, extra FROM {table} WHERE call_id = ? ORDER BY idx", (call_id,))
        ]
    row = conn.execute("SELECT data FROM measures WHERE call_id = ?", (call_id,)).fetchone()
    return {
        "schema": SCHEMA,
        "call": info,
        "participants": participants,
        "turns": turns,
        "exchanges": exchanges,
        "facts": figures["facts"],
        "guidance": figures["guidance"],
        "measures": json.loads(row[0]) if row else None,
        "warnings": warnings,
    }


def latest_calls(conn: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    """The newest calls (by call date) with their headline measures."""
    return _rows(
        conn,
        """SELECT c.id, c.company_id, c.company, c.ticker, c.title, c.date, c.fiscal_period, c.n_words, c.n_exchanges,
                  m.tone, m.uncertainty, m.non_answer_rate
           FROM calls c LEFT JOIN measures m ON m.call_id = c.id
           ORDER BY c.date DESC, c.id DESC LIMIT ?""",
        (int(limit),),
    )


def company_names(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every company's id, ticker and name, by name: for pickers, without counting calls."""
    return _rows(conn, "SELECT id, ticker, name FROM companies ORDER BY name COLLATE NOCASE", ())

