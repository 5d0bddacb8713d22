"""`callscope parse`, `show`, `formats` and `demo` through the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from callscope.samples import paths as sample_paths


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", "from callscope.cli import main; main()", *args], capture_output=True, text=True, env=env)


def test_parse_json_lines_one_object_per_file() -> None:
    files = [str(p) for p in sample_paths()]
    res = _cli("parse", "--json", *files)
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["call"]["source"] for r in rows] == files
    assert [r["call"]["fiscal_period"] for r in rows] == ["Q1 2025", "Q2 2025", "Q3 2025"]
    assert all(r["schema"] == "callscope.call/1" for r in rows)


def test_parse_summary_and_forced_format() -> None:
    res = _cli("parse", "--format", "dash", str(sample_paths()[0]))
    assert res.returncode == 0
    assert "[dash]" in res.stdout and "3 analysts" in res.stdout and "3 exchanges" in res.stdout


def test_show_lists_roster_and_navigator() -> None:
    res = _cli("show", str(sample_paths()[1]))
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "Participants" in out and "Q&A navigator (3 exchanges)" in out
    assert "Harbor Securities" in out and "Crestline Capital" in out
    assert "Priya Raman" in out


def test_formats_lists_every_reader() -> None:
    from callscope.readers import readers

    res = _cli("formats")
    assert res.returncode == 0
    for r in readers():
        assert r.name in res.stdout


def test_demo_runs_on_bundled_samples() -> None:
    res = _cli("demo", "--no-serve")
    assert res.returncode == 0, res.stderr
    assert res.stdout.count("Northwind Robotics") >= 3
