"""Export store tables as Parquet (partitioned by call year), CSV or JSON Lines, with pyarrow.

Parquet goes to `DIR/<table>/year=YYYY/*.parquet` (hive layout), which Spark, DuckDB, Polars and
pandas read as one dataset with `year` as a column; calls without a date go to `year=0`
(a null partition is written as `__HIVE_DEFAULT_PARTITION__`, which pandas cannot read back). Rows stream from SQLite in batches, so a
large store never has to fit in memory. JSON columns (facts.extra, measures.data, ...) stay
JSON text so every export has one fixed schema whatever the extract/measures stages add.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal

from ..errors import CallscopeError

Format = Literal["parquet", "csv", "jsonl"]
FORMATS = ("parquet", "csv", "jsonl")
EXPORTABLE = ("calls", "companies", "participants", "turns", "exchanges", "facts", "guidance", "measures", "ingest_log")
_UNPARTITIONED = {"companies", "ingest_log"}
BATCH = 20_000
BATCH_BY_TABLE = {"turns": 2_000, "measures": 1_000}  # long text/JSON rows: keep each batch to some MB


def _batch(table: str) -> int:
    return BATCH_BY_TABLE.get(table, BATCH)


def _query(table: str) -> str:
    year = "coalesce(CAST(substr(c.date, 1, 4) AS INTEGER), 0) AS year"  # 0 = undated: null partitions trip up readers
    if table in _UNPARTITIONED:
        return f"SELECT * FROM {table} ORDER BY rowid"
    if table == "calls":
        return f"SELECT c.*, {year} FROM calls c ORDER BY c.id"
    return f"SELECT x.*, {year} FROM {table} x JOIN calls c ON c.id = x.call_id ORDER BY x.call_id"


def _schema(conn: sqlite3.Connection, table: str):  # -> pa.Schema
    import pyarrow as pa

    types = {"INTEGER": pa.int64(), "REAL": pa.float64(), "TEXT": pa.string()}
    fields = [pa.field(name, types.get(decl.upper(), pa.string())) for _, name, decl, *_ in conn.execute(f"PRAGMA table_info({table})")]
    if table not in _UNPARTITIONED:
        fields.append(pa.field("year", pa.int32()))
    return pa.schema(fields)


def _batches(conn: sqlite3.Connection, table: str, schema) -> Iterator:  # -> Iterator[pa.RecordBatch]
    import pyarrow as pa

    cur = conn.execute(_query(table))
    names = schema.names
    while rows := cur.fetchmany(_batch(table)):
        cols = list(zip(*rows, strict=True))
        yield pa.RecordBatch.from_arrays([pa.array(col, type=schema.field(n).type) for n, col in zip(names, cols, strict=True)], schema=schema)


def export(
    db: str | Path,
    out: str | Path,
    format: str = "parquet",
    tables: Sequence[str] | None = None,
    *,
    overwrite: bool = False,
) -> dict[str, Path]:
    """Write each table under `out`; returns {table: path written}. Refuses to clobber without `overwrite`."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.dataset as ds

    if format not in FORMATS:
        raise CallscopeError(None, f"unknown export format {format!r} (one of {', '.join(FORMATS)})")
    chosen = list(tables or EXPORTABLE)
    for t in chosen:
        if t not in EXPORTABLE:
            raise CallscopeError(None, f"unknown table {t!r} (one of {', '.join(EXPORTABLE)})")
    root = Path(out)
    written: dict[str, Path] = {}
    if not Path(db).exists():
        raise CallscopeError(str(db), "no such corpus store")
    # pyarrow pulls batches from its own threads, so this connection must not be thread-bound
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
    try:
        root.mkdir(parents=True, exist_ok=True)
        for t in chosen:
            target = root / t if format == "parquet" else root / f"{t}.{format}"
            if target.exists():
                if not overwrite:
                    raise CallscopeError(str(target), "already exists (use --overwrite to replace it)")
                shutil.rmtree(target) if target.is_dir() else target.unlink()
            schema = _schema(conn, t)
            if format == "parquet":
                partitioned = t not in _UNPARTITIONED
                ds.write_dataset(
                    _batches(conn, t, schema), target, schema=schema, format="parquet",
                    partitioning=["year"] if partitioned else None, partitioning_flavor="hive" if partitioned else None,
                    basename_template="part-{i}.parquet", max_rows_per_group=100_000,
                )
                if not target.exists():  # an empty table still gets a readable (empty) dataset
                    target.mkdir()
                    import pyarrow.parquet as pq

                    pq.write_table(pa.Table.from_batches([], schema=schema), target / "part-0.parquet")
            elif format == "csv":
                with pacsv.CSVWriter(target, schema) as w:
                    for b in _batches(conn, t, schema):
                        w.write_batch(b)
            else:
                with target.open("w", encoding="utf-8") as fh:
                    cur = conn.execute(_query(t))
                    names = [d[0] for d in cur.description]
                    while rows := cur.fetchmany(_batch(t)):
                        fh.writelines(json.dumps(dict(zip(names, r, strict=True)), ensure_ascii=False) + "\n" for r in rows)
            written[t] = target
    except OSError as exc:
        raise CallscopeError(str(root), f"cannot write the export ({exc.strerror or exc})") from None
    except sqlite3.Error as exc:
        raise CallscopeError(str(db), f"cannot read the store ({exc})") from None
    finally:
        conn.close()
    return written
