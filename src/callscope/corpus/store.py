"""The SQLite store: one file in WAL mode; a call is written whole, in one transaction (alone or in a batch).

A call is keyed by its content hash and its source (absolute path, or `archive!member`):
the same content again is a no-op, changed content at the same source replaces the old
version in the same transaction that writes the new one, so a crash leaves either the old
call or the new one, never a mix. Storage errors (disk full, I/O) surface as one-line
`CallscopeError`s after the transaction has been rolled back.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..errors import CallscopeError
from .rows import CallRows, call_rows
from .schema import CALL_BITS, TURN_BITS, migrate

Status = Literal["new", "unchanged", "stale", "changed", "duplicate"]


# A call's rows in other tables wait until the transaction's calls are in, then go in table by table
# (see `_insert_rows`), in this order.
_LATER = {
    "participants": "INSERT INTO participants(call_id, pid, name, title, firm, role)",
    "turns": "INSERT INTO turns(id, call_id, idx, speaker, role, section, n_words, text)",
    "exchanges": "INSERT INTO exchanges",
    "facts": "INSERT INTO facts",
    "guidance": "INSERT INTO guidance",
    "measures": "INSERT INTO measures(call_id, tone, uncertainty, non_answer_rate, data)",
}
# Tables whose insert trigger feeds the FTS5 index: their rows are staged in a temporary twin and copied
# in one statement per batch (see `_insert_rows`).
_INDEXED = frozenset({"turns"})
Later = dict[str, list[tuple[Any, ...]]]


def _no_rows() -> Later:
    """An empty `Later`: a list per table of `_LATER`."""
    return {t: [] for t in _LATER}


@dataclass(frozen=True)
class Entry:
    """One item of a write batch: a call's rows to store, or (no rows) a failure to log."""

    source: str
    content_hash: str | None
    size: int = 0
    rows: CallRows | None = None
    error: str | None = None


class RecordError(CallscopeError):
    """One call cannot be stored as it is (the store itself is fine): a per-file failure, not a fatal one."""


def layout_error(rows: CallRows) -> str:
    """Why a call does not fit the turn-id layout (see `schema.turn_rowid`)."""
    return f"too many turns ({len(rows.turns)}) or calls for the store's turn-id layout (max {1 << TURN_BITS} turns)"


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
                # for the writer: FTS5 merges and the scattered index inserts re-read and re-write the same
                # pages; a bigger page cache and fewer WAL checkpoints (32 MB apart) do that less often
                self.conn.execute("PRAGMA cache_size = -65536")  # KiB
                self.conn.execute("PRAGMA wal_autocheckpoint = 8000")  # pages
                self.conn.execute("PRAGMA temp_store = MEMORY")  # the FTS staging twins (`_insert_rows`): one batch's turns
            self.conn.execute("PRAGMA foreign_keys = ON")
            if max_pages:  # lets tests simulate a full disk
                self.conn.execute(f"PRAGMA max_page_count = {int(max_pages)}")
            if readonly:
                v = self.conn.execute("PRAGMA user_version").fetchone()[0]
                if v == 0:
                    raise CallscopeError(self.label, "not a callscope corpus store (no schema)")
            else:
                migrate(self.conn, self.label)
                for table in _INDEXED:  # `_insert_rows`' staging twins (per connection, so made at every open)
                    self.conn.execute(f"CREATE TEMP TABLE {table}_stage AS SELECT * FROM main.{table} LIMIT 0")
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
        """Store one call given as a `Call.to_dict()` dict (replacing an older version at `source`); see `write_rows`."""
        return self.write_rows(source, content_hash, size, call_rows(call), run=run, pipeline=pipeline)

    def write_rows(
        self, source: str, content_hash: str, size: int, rows: CallRows, *, run: str = "", pipeline: str | None = None
    ) -> int:
        """Store one call's rows (replacing an older version at `source`) and its log line, in one transaction."""
        later = _no_rows()
        with self.transaction() as c:
            call_id, _ = self._write(c, run, Entry(source, content_hash, size, rows), pipeline, later)
            self._insert_later(c, later)
        return call_id

    def write_batch(self, entries: Sequence[Entry], *, run: str = "", pipeline: str | None = None) -> list[tuple[str, str | None]]:
        """Write calls and failure log lines in order, all in one transaction; `(status, error)` per entry.

        Status is "stored", "replaced" or "failed" (a call the store cannot hold, see `RecordError`;
        rolled back alone, logged in its place). The calls' rows in other tables go in at the end, one
        statement per table: FTS5 writes an index segment per statement, and one segment per batch
        instead of one per call is most of what batching saves. If the batch fails as a whole (disk
        full, a constraint), it is written again one call per transaction, so everything before the
        call that fails is stored, as if there had been no batch, before the error is raised.
        """
        if len(entries) > 1:
            try:
                return self._write_all(entries, run, pipeline)
            except CallscopeError:
                pass
        out: list[tuple[str, str | None]] = []
        for e in entries:
            if e.rows is None:
                self.log(run, e.source, e.content_hash, "failed", None, e.error)
                out.append(("failed", e.error))
                continue
            later = _no_rows()
            try:
                with self.transaction() as c:
                    _, status = self._write(c, run, e, pipeline, later)
                    self._insert_later(c, later)
            except RecordError as exc:
                self.log(run, e.source, e.content_hash, "failed", None, exc.reason)
                out.append(("failed", exc.reason))
            else:
                out.append((status, None))
        return out

    def _write_all(self, entries: Sequence[Entry], run: str, pipeline: str | None) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        later = _no_rows()
        with self.transaction() as c:
            for e in entries:
                if e.rows is None:
                    self._log(c, run, e.source, e.content_hash, "failed", None, e.error)
                    out.append(("failed", e.error))
                    continue
                c.execute("SAVEPOINT call")  # cheap: FTS5 joins the transaction only with the turns (or a replacement)
                try:
                    _, status = self._write(c, run, e, pipeline, later)
                except RecordError as exc:
                    c.execute("ROLLBACK TO call")
                    self._log(c, run, e.source, e.content_hash, "failed", None, exc.reason)
                    out.append(("failed", exc.reason))
                else:
                    out.append((status, None))
                c.execute("RELEASE call")
            self._insert_later(c, later)
        return out

    def _write(
        self, c: sqlite3.Connection, run: str, e: Entry, pipeline: str | None, later: Later
    ) -> tuple[int, str]:
        """Replace any call at the source, insert this one (its other rows go to `later`) and its log line."""
        assert e.rows is not None and e.content_hash is not None
        old = c.execute("SELECT id FROM calls WHERE source = ?", (e.source,)).fetchone()
        if old:
            c.execute("DELETE FROM calls WHERE id = ?", (old[0],))
        call_id = self._insert(c, e.source, e.content_hash, e.size, e.rows, pipeline, later)
        status = "replaced" if old else "stored"
        self._log(c, run, e.source, e.content_hash, status, call_id, None)
        return call_id, status

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

    def _company(self, c: sqlite3.Connection, name: str | None, ticker: str | None, key: str | None) -> int | None:
        """Link calls of one company: by (upper-cased) ticker when known, else by normalised name (`key`).

        A ticker not seen before joins the company of the same normalised name (taking over its
        ticker only if it had none): transcript headers carry stray "tickers" often enough that
        splitting a company on them does more harm than merging two firms that share a name.
        """
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

    def _insert_later(self, c: sqlite3.Connection, later: Later) -> None:
        for table in _LATER:
            self._insert_rows(c, table, later[table])

    def _insert_rows(self, c: sqlite3.Connection, table: str, rows: list[tuple[Any, ...]]) -> None:
        """`executemany` of one prepared statement; for an FTS-indexed table, through its temporary twin.

        FTS5 writes its pending terms out as a new index segment at every statement savepoint, so the
        turns of a whole batch must arrive in one statement: they are staged in `temp.<table>_stage` and
        copied with one `INSERT ... SELECT`. That statement, like every other here, has the same text at
        every batch and is prepared once (the connection caches it); a multi-row `VALUES` list, as
        before, was parsed and compiled again at every batch, ~16% of the writer's instructions.
        """
        if not rows:
            return
        head = _LATER[table]
        values = f" VALUES ({','.join('?' * len(rows[0]))})"
        if table not in _INDEXED:
            c.executemany(head + values, rows)
            return
        stage = f"temp.{table}_stage"
        columns = head.removeprefix(f"INSERT INTO {table}")
        c.executemany(f"INSERT INTO {stage}{columns}{values}", rows)
        c.execute(f"{head} SELECT {columns.strip(' ()') or '*'} FROM {stage} ORDER BY rowid")
        c.execute(f"DELETE FROM {stage}")

    def _insert(
        self, c: sqlite3.Connection, source: str, h: str, size: int, rows: CallRows, pipeline: str | None, later: Later
    ) -> int:
        """Insert the call under a new id; its rows in other tables, with that id added, go to `later`.

        Only the ids are added here: the rest was built by the parser (see `rows.py`).
        """
        cur = c.execute(
            """INSERT INTO calls(source, content_hash, size_bytes, company_id, format, company, ticker, title, date,
                   fiscal_period, period_key, language, n_turns, n_words, qa_words, n_exchanges, warnings, pipeline)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (source, h, size, self._company(c, *rows.company), *rows.call, pipeline),
        )
        call_id = int(cur.lastrowid or 0)
        if call_id >= 1 << CALL_BITS or rows.too_big:
            raise RecordError(source, layout_error(rows))
        later["participants"] += [(call_id, *r) for r in rows.participants]
        bits = call_id << TURN_BITS
        later["turns"] += [(r[0] | bits, call_id, *r[1:]) for r in rows.turns]
        later["exchanges"] += [(call_id, *r) for r in rows.exchanges]
        later["facts"] += [(call_id, *r) for r in rows.facts]
        later["guidance"] += [(call_id, *r) for r in rows.guidance]
        if rows.measures:
            later["measures"].append((call_id, *rows.measures))
        return call_id
