"""`callscope ingest` / `callscope search` through the Typer app, on synthetic calls."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from callscope.cli import app

from .corpus_util import make_calls

runner = CliRunner()


def test_ingest_then_search(tmp_path: Path) -> None:
    make_calls(tmp_path / "in", quarters=4, companies=2)
    db = str(tmp_path / "c.db")
    res = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, "--workers", "1", "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert (report["stored"], report["failed"]) == (8, 0)
    again = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db, "--workers", "1"])
    assert again.exit_code == 0 and "8 unchanged" in again.stderr

    res = runner.invoke(app, ["search", "supply chain", "--db", db, "--company", "HBWX", "--section", "qa", "--limit", "3", "--json"])
    assert res.exit_code == 0, res.output
    hits = [json.loads(line) for line in res.stdout.splitlines()]
    assert 0 < len(hits) <= 3 and all(h["ticker"] == "HBWX" and h["section"] == "qa" for h in hits)
    assert "[supply chain]" in hits[0]["snippet"].lower()

    res = runner.invoke(app, ["companies", "--db", db, "--json"])
    assert res.exit_code == 0 and [json.loads(x)["ticker"] for x in res.stdout.splitlines()] == ["HBWX", "QFPC"]

    table = runner.invoke(app, ["search", "supply chain", "--db", db, "--role", "executive"])
    assert table.exit_code == 0 and ("HBWX" in table.stdout or "QFPC" in table.stdout)


def test_ingest_lists_failures_and_exits_1(tmp_path: Path) -> None:
    files = make_calls(tmp_path / "in", quarters=2, companies=1)
    (tmp_path / "bad.zip").write_bytes(b"not a zip")
    with zipfile.ZipFile(tmp_path / "ok.zip", "w") as zf:
        zf.write(files[0], "a.txt")
    res = runner.invoke(app, ["ingest", str(tmp_path / "bad.zip"), str(tmp_path / "ok.zip"), "--db", str(tmp_path / "c.db"), "-j", "1"])
    assert res.exit_code == 1
    assert "bad.zip: not a readable zip archive" in res.stderr
    assert "1 stored" in res.stderr and "Traceback" not in res.output


def test_errors_are_one_line(tmp_path: Path) -> None:
    res = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1 and "no such corpus store" in res.stderr
    make_calls(tmp_path / "in", quarters=1, companies=1)
    runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "c.db"), "-j", "1"])
    res = runner.invoke(app, ["search", '"unbalanced', "--db", str(tmp_path / "c.db")])
    assert res.exit_code == 1 and "invalid search query" in res.stderr and "Traceback" not in res.output
    res = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "c.db"), "--scheduler", "not-a-scheduler-address"])
    assert res.exit_code == 1 and "error:" in res.stderr and "Traceback" not in res.output
