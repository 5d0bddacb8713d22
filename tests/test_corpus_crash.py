"""`kill -9` in the middle of an ingest, then a re-run, gives the same store as one clean run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from callscope.corpus import ingest

from .corpus_util import dump, make_calls

SCRIPT = "import sys; from callscope.corpus import ingest; ingest([sys.argv[1]], sys.argv[2], workers=2)"


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM calls").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun_matches_clean_run(tmp_path: Path) -> None:
    for seed in range(12):  # 12 x 3 companies x 8 quarters = 288 calls
        make_calls(tmp_path / "in" / f"s{seed}", quarters=8, companies=3, seed=seed)
    total = 288
    clean = tmp_path / "clean.db"
    ingest([tmp_path / "in"], clean, workers=2)

    crashed = tmp_path / "crashed.db"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(tmp_path / "in"), str(crashed)], env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while _count(crashed) < 20 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its parser processes, mid-write
    finally:
        proc.wait()
    at_kill = _count(crashed)
    assert 0 < at_kill < total, f"ingest was not interrupted mid-way ({at_kill} of {total} stored)"
    report = ingest([tmp_path / "in"], crashed, workers=2)
    assert report.unchanged == at_kill and report.stored == total - at_kill and not report.failures
    assert dump(crashed) == dump(clean)
    assert sqlite3.connect(crashed).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


CLI = "import sys; from callscope.cli import main; sys.argv = ['callscope', *sys.argv[1:]]; main()"


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_rerun_completes(tmp_path: Path) -> None:
    for seed in range(12):
        make_calls(tmp_path / "in" / f"s{seed}", quarters=8, companies=3, seed=seed)
    db = tmp_path / "c.db"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    proc = subprocess.Popen([sys.executable, "-c", CLI, "ingest", str(tmp_path / "in"), "--db", str(db), "-j", "2"],
                            env=env, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while _count(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGINT)  # like Ctrl-C in a terminal: the whole process group
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    stored = _count(db)
    assert 0 < stored < 288
    report = ingest([tmp_path / "in"], db, workers=2)
    assert report.unchanged == stored and report.stored == 288 - stored and not report.failures
