"""Export to Parquet (partitioned by year), CSV and JSON Lines, read back with pyarrow and pandas."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from callscope.cli import app
from callscope.corpus import Corpus
from callscope.errors import CallscopeError

from .corpus_util import make_calls


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("export")
    make_calls(tmp / "in", quarters=8, companies=2)  # calls held 2018-2020
    with Corpus(tmp / "c.db") as c:
        c.ingest([tmp / "in"], workers=1)
    return tmp / "c.db"


def test_parquet_is_partitioned_by_year_and_reads_back(db: Path, tmp_path: Path) -> None:
    with Corpus(db) as c:
        written = c.export(tmp_path / "pq")
        n_calls, n_turns = len(c), c.conn.execute("SELECT count(*) FROM turns").fetchone()[0]
    assert {p.name for p in (tmp_path / "pq" / "calls").iterdir()} == {"year=2018", "year=2019", "year=2020"}
    calls = ds.dataset(written["calls"], format="parquet", partitioning="hive").to_table()
    assert calls.num_rows == n_calls and "year" in calls.schema.names
    turns = ds.dataset(written["turns"], format="parquet", partitioning="hive")
    assert turns.count_rows() == n_turns
    assert turns.to_table(filter=ds.field("year") == 2019).num_rows > 0
    import pandas as pd

    facts = pd.read_parquet(written["facts"])  # empty until the extract stage lands, but readable
    assert {"metric", "value", "low", "high", "unit", "period", "extra"} <= set(facts.columns)
    assert len(pd.read_parquet(written["companies"])) == 2


def test_csv_and_jsonl(db: Path, tmp_path: Path) -> None:
    with Corpus(db) as c:
        c.export(tmp_path / "csv", "csv", ["calls"])
        c.export(tmp_path / "j", "jsonl", ["calls", "participants"])
        n = len(c)
    assert len((tmp_path / "csv" / "calls.csv").read_text().splitlines()) == n + 1
    rows = [json.loads(x) for x in (tmp_path / "j" / "calls.jsonl").read_text().splitlines()]
    assert len(rows) == n and rows[0]["ticker"] and rows[0]["year"] in (2018, 2019, 2020)


def test_export_errors(db: Path, tmp_path: Path) -> None:
    with Corpus(db) as c:
        c.export(tmp_path / "x", "csv", ["calls"])
        with pytest.raises(CallscopeError, match="already exists"):
            c.export(tmp_path / "x", "csv", ["calls"])
        c.export(tmp_path / "x", "csv", ["calls"], overwrite=True)
        with pytest.raises(CallscopeError, match="unknown table 'nope'"):
            c.export(tmp_path / "x", "csv", ["nope"])
        with pytest.raises(CallscopeError, match="unknown export format"):
            c.export(tmp_path / "x", "xlsx")


def test_cli_export_timeline_guidance(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["export", "--db", str(db), "--to", str(tmp_path / "o"), "--format", "parquet", "--table", "calls"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "o" / "calls" / "year=2019").is_dir() and not (tmp_path / "o" / "turns").exists()
    res = runner.invoke(app, ["timeline", "HBWX", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    periods = [json.loads(x)["fiscal_period"] for x in res.stdout.splitlines()]
    assert periods[:3] == ["Q1 2018", "Q2 2018", "Q3 2018"] and len(periods) == 8
    res = runner.invoke(app, ["guidance", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    # each synthetic call guides next quarter's revenue as a range; the next call reports it
    assert len(rows) >= 10 and {r["outcome"] for r in rows} <= {"beat", "in line", "miss"}
    first = next(r for r in rows if r["ticker"] == "HBWX" and r["period"] == "Q2 2018")
    assert (first["metric"], first["guided_low"], first["guided_high"], first["actual"]) == ("revenue", 101e6, 105e6, 105e6)
    assert first["outcome"] == "in line" and first["actual_call_id"] != first["guided_call_id"]
    res = runner.invoke(app, ["timeline", "NOPE", "--db", str(db)])
    assert res.exit_code == 1 and "no company matches" in res.stderr


def test_duckdb_and_polars_read_the_parquet_export(db: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb", reason="duckdb not installed (pip install 'callscope[interop]')")
    pl = pytest.importorskip("polars", reason="polars not installed (pip install 'callscope[interop]')")
    with Corpus(db) as c:
        c.export(tmp_path / "pq", tables=["calls", "turns"])
        per_year = dict(c.conn.execute("SELECT CAST(substr(date, 1, 4) AS INTEGER), count(*) FROM calls GROUP BY 1").fetchall())
        turns_2019 = c.conn.execute("SELECT count(*) FROM turns t JOIN calls c ON c.id = t.call_id WHERE c.date LIKE '2019%'").fetchone()[0]
    got = duckdb.sql(f"SELECT year, count(*) FROM read_parquet('{tmp_path}/pq/calls/**/*.parquet', hive_partitioning=true) GROUP BY 1").fetchall()
    assert dict(got) == per_year
    n = pl.scan_parquet(f"{tmp_path}/pq/turns/**/*.parquet", hive_partitioning=True).filter(pl.col("year") == 2019).select(pl.len()).collect()
    assert n.item() == turns_2019
