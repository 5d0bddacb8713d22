"""The SQLite store: one file in WAL mode; each call is written in exactly one transaction.

A call is keyed by its content hash and its source (absolute path, or `archive!member`):
the same content again is a no-op, changed content at the same source replaces the old
version in the same transaction that writes the new one, so a crash leaves either the old
call or the new one, never a mix. Storage errors (disk full, I/O) surface as one-line
`CallscopeError`s after the transaction has been rolled back.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from ..errors import CallscopeError
from .periods import company_key
from .schema import CALL_BITS, TURN_BITS, migrate, period_key, turn_rowid

Status = Literal["new", "unchanged", "stale", "changed", "duplicate"]

_CORE = ("metric", "label", "value", "low", "high", "unit", "period", "turn", "sentence")
# Where the measures stage puts each promoted figure (callscope.measures/1), then names to look for anywhere.
_PATHS = {
    "tone": [("call", "net_tone")],
    "uncertainty": [("call", "uncertainty_share")],
    "non_answer_rate": [("qa", "non_answer_share")],
}
_PROMOTED = {
    "tone": ("tone", "lm_tone", "net_tone"),
    "uncertainty": ("uncertainty", "lm_uncertainty", "uncertainty_share", "uncertainty_rate"),
    "non_answer_rate": ("non_answer_rate", "nonanswer_rate", "non_answer_share"),
}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def promoted(measures: dict[str, Any], key: str) -> float | None:
    """The number at the measures stage's path for `key`, else the first under one of its names (shallow first)."""
    for path in _PATHS[key]:
        v: Any = measures
        for part in path:
            v = v.get(part) if isinstance(v, dict) else None
        if isinstance(v, int | float) and not isinstance(v, bool):
            return float(v)
    names = _PROMOTED[key]
    level: list[dict[str, Any]] = [measures]
    while level:
        for d in level:
            for name in names:
                v = d.get(name)
                if isinstance(v, int | float) and not isinstance(v, bool):
                    return float(v)
        level = [v for d in level for v in d.values() if isinstance(v, dict)]
    return None


class RecordError(CallscopeError):
    """One call cannot be stored as it is (the store itself is fine): a per-file failure, not a fatal one."""


def storage_error(label: str, exc: sqlite3.Error) -> CallscopeError:
    """A one-line error for a failed write, naming the store and the reason."""
    msg = str(exc)
    if "full" in msg.lower():
        msg = f"disk full ({msg}); the call being written was rolled back, everything stored before is intact"
    return CallscopeError(label, f"cannot write to the store: {msg}")


class Store:
    """A connection to one corpus file; creates and migrates it on open."""

    def __init__(self, path: str | Path, *, readonly: bool = False, max_pages: int | None = None) -> None:
        self.path = Path(path)
        self.label = str(path)
        if readonly and not self.path.exists():
            raise CallscopeError(self.label, "no such corpus store (run `callscope ingest ... --db` first)")
        try:
            uri = f"file:{self.path}?mode=ro" if readonly else str(self.path)
            self.conn = sqlite3.connect(uri, uri=readonly, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA busy_timeout = 10000")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if max_pages:  # lets tests simulate a full disk
                self.conn.execute(f"PRAGMA max_page_count = {int(max_pages)}")
            if readonly:
                v = self.conn.execute("PRAGMA user_version").fetchone()[0]
                if v == 0:
                    raise CallscopeError(self.label, "not a callscope corpus store (no schema)")
            else:
                migrate(self.conn, self.label)
        except sqlite3.DatabaseError as exc:
            raise CallscopeError(self.label, f"cannot open the corpus store ({exc})") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception (including KeyboardInterrupt)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise storage_error(self.label, exc) from None
            raise

    # ----- idempotency -----

    def status(self, source: str, content_hash: str, pipeline: str | None = None) -> tuple[Status, int | None]:
        """What writing this content at this source would do, and the call it concerns.

        "stale": the same content, stored by a different pipeline (callscope version or stages).
        """
        row = self.conn.execute("SELECT id, source, pipeline FROM calls WHERE content_hash = ?", (content_hash,)).fetchone()
        if row is not None:
            if row[1] != source:
                return "duplicate", row[0]
            return ("stale" if pipeline is not None and row[2] != pipeline else "unchanged"), row[0]
        row = self.conn.execute("SELECT id FROM calls WHERE source = ?", (source,)).fetchone()
        return ("changed", row[0]) if row else ("new", None)

    # ----- writing -----

    def write_call(
        self, source: str, content_hash: str, size: int, call: dict[str, Any], *, run: str = "", pipeline: str | None = None
    ) -> int:
        """Store one call (replacing an older version at `source`) and its log line, in one transaction."""
        with self.transaction() as c:
            old = c.execute("SELECT id FROM calls WHERE source = ?", (source,)).fetchone()
            if old:
                c.execute("DELETE FROM calls WHERE id = ?", (old[0],))
            call_id = self._insert(c, source, content_hash, size, call, pipeline)
            self._log(c, run, source, content_hash, "replaced" if old else "stored", call_id, None)
        return call_id

    def log(self, run: str, source: str, content_hash: str | None, status: str, call_id: int | None = None, error: str | None = None) -> None:
        with self.transaction() as c:
            self._log(c, run, source, content_hash, status, call_id, error)

    @staticmethod
    def _log(c: sqlite3.Connection, run: str, source: str, h: str | None, status: str, call_id: int | None, error: str | None) -> None:
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        c.execute(
            "INSERT INTO ingest_log(run, at, source, content_hash, status, call_id, error) VALUES (?,?,?,?,?,?,?)",
            (run, at, source, h, status, call_id, error),
        )

    def _company(self, c: sqlite3.Connection, name: str | None, ticker: str | None) -> int | None:
        """Link calls of one company: by ticker when known, else by normalised name.

        A ticker not seen before joins the company of the same normalised name (taking over its
        ticker only if it had none): transcript headers carry stray "tickers" often enough that
        splitting a company on them does more harm than merging two firms that share a name.
        """
        key = company_key(name)
        ticker = ticker.strip().upper() if ticker and ticker.strip() else None
        if ticker:
            row = c.execute("SELECT id FROM companies WHERE ticker = ?", (ticker,)).fetchone()
            if row:
                return int(row[0])
        if key:
            row = c.execute("SELECT id, ticker FROM companies WHERE name_key = ? ORDER BY id", (key,)).fetchone()
            if row:
                if ticker and row[1] is None:
                    c.execute("UPDATE companies SET ticker = ? WHERE id = ?", (ticker, row[0]))
                return int(row[0])
        if not (ticker or key):
            return None
        return c.execute("INSERT INTO companies(ticker, name_key, name) VALUES (?,?,?)", (ticker, key, name)).lastrowid

    def _insert(self, c: sqlite3.Connection, source: str, h: str, size: int, d: dict[str, Any], pipeline: str | None) -> int:
        info = d.get("call", {})
        parts = d.get("participants", [])
        turns = d.get("turns", [])
        roles = {p["id"]: p.get("role", "unknown") for p in parts}
        words = [len(t["text"].split()) for t in turns]
        qa_words = sum(w for t, w in zip(turns, words, strict=True) if t.get("section") == "qa")
        date = info.get("date")
        cur = c.execute(
            """INSERT INTO calls(source, content_hash, size_bytes, format, company_id, company, ticker, title, date,
                   fiscal_period, period_key, language, n_turns, n_words, qa_words, n_exchanges, warnings, pipeline)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (
                source, h, size, info.get("format"), self._company(c, info.get("company"), info.get("ticker")),
                info.get("company"), info.get("ticker"), info.get("title"), date, info.get("fiscal_period"),
                period_key(info.get("fiscal_period"), date), info.get("language"), len(turns), sum(words), qa_words,
                len(d.get("exchanges", [])), _json(list(d.get("warnings", []))), pipeline,
            ),
        )
        call_id = int(cur.lastrowid or 0)
        if call_id >= 1 << CALL_BITS or len(turns) > 1 << TURN_BITS or any(t["index"] >= 1 << TURN_BITS for t in turns):
            raise RecordError(source, f"too many turns ({len(turns)}) or calls for the store's turn-id layout (max {1 << TURN_BITS} turns)")
        c.executemany(
            "INSERT INTO participants(call_id, pid, name, title, firm, role) VALUES (?,?,?,?,?,?)",
            [(call_id, p["id"], p["name"], p.get("title"), p.get("firm"), p.get("role", "unknown")) for p in parts],
        )
        c.executemany(
            "INSERT INTO turns(id, call_id, idx, speaker, role, section, n_words, text) VALUES (?,?,?,?,?,?,?,?)",
            [
                (turn_rowid(date, call_id, t["index"]), call_id, t["index"], t["speaker"], roles.get(t["speaker"], "unknown"),
                 t.get("section", "presentation"), w, t["text"])
                for t, w in zip(turns, words, strict=True)
            ],
        )
        exchanges = d.get("exchanges", [])
        c.executemany(
            "INSERT INTO exchanges VALUES (?,?,?,?,?,?,?)",
            [
                (call_id, i, e["analyst"], _json(e.get("question_turns", [])), _json(e.get("answer_turns", [])),
                 int(bool(e.get("non_answer"))), _json(e.get("non_answer_types", [])))
                for i, e in enumerate(exchanges)
            ],
        )
        for table in ("facts", "guidance"):
            rows = []
            for i, f in enumerate(d.get(table, [])):
                extra = {k: v for k, v in f.items() if k not in _CORE}
                rows.append((call_id, i, *(f.get(k) for k in _CORE), _json(extra)))
            c.executemany(f"INSERT INTO {table} VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        measures = d.get("measures") or {}
        if measures:
            rate = promoted(measures, "non_answer_rate")
            if rate is None and exchanges:
                rate = sum(bool(e.get("non_answer")) for e in exchanges) / len(exchanges)
            c.execute(
                "INSERT INTO measures(call_id, tone, uncertainty, non_answer_rate, data) VALUES (?,?,?,?,?)",
                (call_id, promoted(measures, "tone"), promoted(measures, "uncertainty"), rate, _json(measures)),
            )
        return call_id
