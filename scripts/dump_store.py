"""Dump a corpus store's logical content in a canonical order, to prove a change left the store as it was.

Writer optimisations (batched transactions, rows built in the parsers, ...) must not change what a
store holds. This prints one line per table, `name  rows  sha256`, over every row in a fixed order,
and with `--out FILE` writes the rows themselves so two dumps can be diffed:

    PYTHONPATH=/work/main/src python scripts/dump_store.py old.db --out old.txt
    python scripts/dump_store.py new.db --out new.txt && diff old.txt new.txt

What is compared: the schema (`sqlite_master` SQL, `user_version`); every ordinary table, sorted by all its columns; the FTS5 index as its logical content, every (term, turn, column, offset)
from an `fts5vocab` instance table, after FTS5's own integrity check against `turns`; and the FTS5
config. What is not: FTS5's segment pages (their layout depends on how many calls each transaction
wrote, not on what is indexed), `ingest_log.at` (a timestamp), and `ingest_log.run` (a random id per
run, replaced by the run's ordinal in order of first appearance).
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO


def tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables, without SQLite's own and the virtual tables' shadow tables (so no callscope import)."""
    virtual = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
    return [name for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            if name not in virtual and not any(name.startswith(f"{v}_") for v in virtual)]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def sections(conn: sqlite3.Connection) -> Iterator[tuple[str, Iterable[tuple[object, ...]]]]:
    """(name, rows) for every part of the store that must match, each in a canonical order."""
    yield "schema", conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    yield "user_version", conn.execute("PRAGMA user_version")
    for table in tables(conn):
        cols = _columns(conn, table)
        if table == "ingest_log":
            runs = {r: i for i, (r,) in enumerate(conn.execute("SELECT run FROM ingest_log GROUP BY run ORDER BY min(id)"))}
            keep = [c for c in cols if c not in ("run", "at")]
            rows = conn.execute(f"SELECT run, {', '.join(keep)} FROM ingest_log ORDER BY id")
            yield table, ((runs[r[0]], *r[1:]) for r in rows)
            continue
        yield table, conn.execute(f"SELECT * FROM {table} ORDER BY {', '.join(str(i + 1) for i in range(len(cols)))}")
    conn.execute("INSERT INTO turns_fts(turns_fts) VALUES ('integrity-check')")
    yield "turns_fts_config", conn.execute("SELECT * FROM turns_fts_config ORDER BY k")
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.dump_vocab USING fts5vocab(main, turns_fts, instance)")
    yield "turns_fts_index", conn.execute("SELECT term, doc, col, offset FROM temp.dump_vocab")  # already in index order


def dump(db: Path, out: IO[str] | None = None) -> dict[str, tuple[int, str]]:
    """{section: (row count, sha256 of the rows' reprs)}; writes the rows to `out` when given."""
    conn = sqlite3.connect(db)  # read-write: the FTS5 integrity check is an INSERT command (it changes nothing)
    try:
        result = {}
        for name, rows in sections(conn):
            h, n = hashlib.sha256(), 0
            for row in rows:
                line = repr(tuple(row))
                h.update(line.encode("utf-8") + b"\n")
                n += 1
                if out is not None:
                    out.write(f"{name}\t{line}\n")
            result[name] = (n, h.hexdigest())
        return result
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--out", type=Path, help="also write every row here (one line per row)")
    args = ap.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: no such store")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            result = dump(args.db, fh)
    else:
        result = dump(args.db)
    total = hashlib.sha256()
    for name, (n, digest) in result.items():
        print(f"{name:18} {n:>10} {digest}")
        total.update(f"{name} {n} {digest}\n".encode())
    print(f"{'store':18} {'':>10} {total.hexdigest()}")


if __name__ == "__main__":
    main()
