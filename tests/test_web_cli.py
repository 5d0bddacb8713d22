"""`callscope serve` and `callscope report` from the real command line: errors are one line, reports stand alone."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

from callscope.samples import paths as sample_paths

from .web_util import HOSTILE, PAYLOADS, build_store


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", "from callscope.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_report_is_one_self_contained_file(tmp_path: Path) -> None:
    out = tmp_path / "q2.html"
    res = _cli("report", str(sample_paths()[1]), "-o", str(out))
    assert res.returncode == 0, res.stderr
    html = out.read_text(encoding="utf-8")
    assert "<style>" in html and ".reader-grid" in html  # the stylesheet is inlined
    assert "copy-link" in html and "<script>" in html  # and the script
    assert not re.search(r'(src|href)="(https?:|//|/static)', html)  # nothing to fetch
    assert "Tom Alvarez" in html and "$163.4 million" in html and 'id="measures"' in html


def test_report_escapes_a_hostile_call(tmp_path: Path) -> None:
    out = tmp_path / "hostile.html"
    assert _cli("report", str(HOSTILE), "-o", str(out)).returncode == 0
    html = out.read_text(encoding="utf-8")
    body = html[html.index("<body"):]
    for payload in PAYLOADS:
        assert payload not in body, payload


def test_report_and_serve_errors_are_one_line(tmp_path: Path) -> None:
    res = _cli("report", str(tmp_path / "missing.txt"))
    assert res.returncode == 1
    assert "missing.txt: cannot read file" in res.stderr and "Traceback" not in res.stderr
    res = _cli("serve", "--db", str(tmp_path / "none.db"))
    assert res.returncode == 1
    assert res.stderr.strip().splitlines()[0].endswith("none.db: no such corpus store (run `callscope ingest FILES --db " + str(tmp_path / "none.db") + "` first)")
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("hello")
    res = _cli("serve", "--db", str(not_a_store))
    assert res.returncode == 1 and "notes.db" in res.stderr and "Traceback" not in res.stderr


def test_serve_refuses_a_busy_port(tmp_path: Path) -> None:
    db = build_store(tmp_path / "calls.db")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        res = _cli("serve", "--db", str(db), "--port", str(port))
    assert res.returncode == 1
    assert f"127.0.0.1:{port}: the address is in use" in res.stderr and "Traceback" not in res.stderr
