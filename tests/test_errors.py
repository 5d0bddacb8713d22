"""Bad input: one clear line naming the file and the reason, a non-zero exit, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import callscope
from callscope.errors import CallscopeError
from callscope.samples import paths as sample_paths


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-c", "from callscope.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n  ", "empty file"),
        (b"\x00\x01\x02PK\x03\x04" * 100, "binary file"),
        (bytes(range(1, 32)) * 200, "not text"),
    ],
)
def test_bad_files_raise_one_line_errors(tmp_path: Path, content: bytes, reason: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(CallscopeError) as err:
        callscope.read(f)
    msg = str(err.value)
    assert str(f) in msg and reason in msg and "\n" not in msg


def test_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    text = sample_paths()[0].read_text().replace("Good afternoon", "Caf\u00e9 good afternoon")
    f = tmp_path / "latin1.txt"
    f.write_bytes(text.encode("cp1252"))
    call = callscope.read(f)
    assert "Caf\u00e9" in call.turns[0].text


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(CallscopeError, match="is a directory"):
        callscope.read(tmp_path)
    res = _cli("parse", str(tmp_path / "nope.txt"))
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert "nope.txt" in res.stderr and "cannot read file" in res.stderr


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "big.txt"
    f.write_text(sample_paths()[0].read_text() * 3)
    monkeypatch.setenv("CALLSCOPE_MAX_BYTES", "1000")
    with pytest.raises(CallscopeError, match="too large"):
        callscope.read(f)


def test_batch_goes_on_and_lists_failures(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    good = sample_paths()[0]
    res = _cli("parse", str(bad), str(good))
    assert res.returncode == 1
    assert "Northwind Robotics" in res.stdout  # the good file still went through
    assert f"{bad}: empty file" in res.stderr
    assert "1 file(s) failed" in res.stderr
    assert "Traceback" not in res.stderr


def test_unknown_format_option() -> None:
    res = _cli("parse", "--format", "nosuch", str(sample_paths()[0]))
    assert res.returncode == 1
    assert "unknown format 'nosuch'" in res.stderr
    assert "Traceback" not in res.stderr
