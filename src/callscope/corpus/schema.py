"""The corpus schema and its migrations, versioned with `PRAGMA user_version`.

Each migration is a list of statements applied in one transaction, so a store is always at a
whole version; opening an older store upgrades it, opening a newer one fails clearly.

Design notes:
- `turns.id` (also the FTS5 rowid) encodes the call date in its high bits (see `turn_rowid`),
  so "newest hits first" is FTS5's native `ORDER BY rowid DESC` and stops after LIMIT rows
  instead of sorting every match.
- facts/guidance keep their core columns (metric, value, low, high, unit, period, turn, sentence)
  plus `extra` JSON for whatever else the extract stage adds; measures keep the whole dict as
  JSON plus a few promoted, indexed columns filled when present.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from ..errors import CallscopeError

_V1 = [
    """CREATE TABLE companies (
        id INTEGER PRIMARY KEY,
        ticker TEXT UNIQUE,
        name_key TEXT,
        name TEXT
    )""",
    "CREATE INDEX companies_name_key ON companies(name_key)",
    """CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        size_bytes INTEGER NOT NULL,
        format TEXT,
        company_id INTEGER REFERENCES companies(id),
        company TEXT,
        ticker TEXT,
        title TEXT,
        date TEXT,
        fiscal_period TEXT,
        period_key INTEGER,
        language TEXT,
        n_turns INTEGER NOT NULL,
        n_words INTEGER NOT NULL,
        qa_words INTEGER NOT NULL,
        n_exchanges INTEGER NOT NULL,
        warnings TEXT NOT NULL DEFAULT '[]',
        pipeline TEXT
    )""",
    "CREATE INDEX calls_company ON calls(company_id, period_key, date)",
    "CREATE INDEX calls_date ON calls(date)",
    """CREATE TABLE participants (
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        pid INTEGER NOT NULL,
        name TEXT NOT NULL,
        title TEXT,
        firm TEXT,
        role TEXT NOT NULL,
        PRIMARY KEY (call_id, pid)
    ) WITHOUT ROWID""",
    """CREATE TABLE turns (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        speaker INTEGER NOT NULL,
        role TEXT NOT NULL,
        section TEXT NOT NULL,
        n_words INTEGER NOT NULL,
        text TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX turns_call ON turns(call_id, idx)",
    # role and section are indexed too, so a filter on them is an FTS5 column filter (doclist
    # intersection) rather than a check on every match
    """CREATE VIRTUAL TABLE turns_fts USING fts5(
        text, role, section, content='turns', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER turns_ai AFTER INSERT ON turns BEGIN
        INSERT INTO turns_fts(rowid, text, role, section) VALUES (new.id, new.text, new.role, new.section);
    END""",
    """CREATE TRIGGER turns_ad AFTER DELETE ON turns BEGIN
        INSERT INTO turns_fts(turns_fts, rowid, text, role, section) VALUES ('delete', old.id, old.text, old.role, old.section);
    END""",
    """CREATE TABLE exchanges (
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        analyst INTEGER NOT NULL,
        question_turns TEXT NOT NULL,
        answer_turns TEXT NOT NULL,
        non_answer INTEGER NOT NULL,
        non_answer_types TEXT NOT NULL,
        PRIMARY KEY (call_id, idx)
    ) WITHOUT ROWID""",
    *[
        f"""CREATE TABLE {table} (
        call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        metric TEXT,
        label TEXT,
        value REAL,
        low REAL,
        high REAL,
        unit TEXT,
        period TEXT,
        turn INTEGER,
        sentence TEXT,
        extra TEXT NOT NULL DEFAULT '{{}}',
        PRIMARY KEY (call_id, idx)
    ) WITHOUT ROWID"""
        for table in ("facts", "guidance")
    ],
    "CREATE INDEX facts_metric ON facts(metric, period)",
    "CREATE INDEX guidance_metric ON guidance(metric, period)",
    """CREATE TABLE measures (
        call_id INTEGER PRIMARY KEY REFERENCES calls(id) ON DELETE CASCADE,
        tone REAL,
        uncertainty REAL,
        non_answer_rate REAL,
        data TEXT NOT NULL
    )""",
    """CREATE TABLE ingest_log (
        id INTEGER PRIMARY KEY,
        run TEXT NOT NULL,
        at TEXT NOT NULL,
        source TEXT NOT NULL,
        content_hash TEXT,
        status TEXT NOT NULL,
        call_id INTEGER,
        error TEXT
    )""",
    "CREATE INDEX ingest_log_run ON ingest_log(run, status)",
]

# FTS5 merges a level's segments once `automerge` of them exist. At the default, 4, ingest spent ~13% of
# the writer's instructions re-merging the index; at 8 there are fewer, larger merges, and a query reads
# at most twice as many segments per level over fewer levels (search latency: BENCHMARKS.md).
_V2 = ["INSERT INTO turns_fts(turns_fts, rank) VALUES ('automerge', 8)"]

MIGRATIONS: list[list[str]] = [_V1, _V2]
VERSION = len(MIGRATIONS)

TABLES = ("companies", "calls", "participants", "turns", "exchanges", "facts", "guidance", "measures", "ingest_log")


def migrate(conn: sqlite3.Connection, label: str) -> int:
    """Bring the store up to `VERSION`; returns the version found before migrating."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > VERSION:
        raise CallscopeError(label, f"store schema version {found} is newer than this callscope supports ({VERSION}); upgrade callscope")
    for version in range(found, VERSION):
        try:
            conn.execute("BEGIN IMMEDIATE")
            for stmt in MIGRATIONS[version]:
                conn.execute(stmt)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise CallscopeError(label, f"cannot create or upgrade the store schema ({exc})") from None
    return found


# ----- keys that make cross-call ordering cheap -----

_EPOCH = dt.date(1900, 1, 1)
CALL_BITS = 24  # up to 16.7M calls
TURN_BITS = 16  # up to 65,536 turns per call


def day_number(date: str | None) -> int:
    """Days since 1900-01-01 for a YYYY-MM-DD date (0 when unknown)."""
    if not date:
        return 0
    try:
        return max(0, (dt.date.fromisoformat(date[:10]) - _EPOCH).days)
    except ValueError:
        return 0


def turn_rowid(date: str | None, call_id: int, idx: int) -> int:
    """Turn id = (day, call, index) packed so that rowid order is date order."""
    if call_id >= 1 << CALL_BITS or idx >= 1 << TURN_BITS:
        raise ValueError("call id or turn index out of range for the turn id layout")
    return (day_number(date) << (CALL_BITS + TURN_BITS)) | (call_id << TURN_BITS) | idx


def period_key(fiscal_period: str | None, date: str | None) -> int | None:
    """A sortable integer for a fiscal period: year*10 + quarter (FY = 5); falls back to the call date."""
    from .periods import parse_period

    p = parse_period(fiscal_period) if fiscal_period else None
    if p is not None:
        year, q = p
        return year * 10 + (q or 5)
    if date and len(date) >= 7 and date[:4].isdigit():
        try:
            month = int(date[5:7])
        except ValueError:
            return None
        # a call reports the quarter before the one it is held in
        year, q = int(date[:4]), (month - 1) // 3
        if q == 0:
            year, q = year - 1, 4
        return year * 10 + q
    return None
