"""Whatever the input, callscope either returns a Call or raises its own error type."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import callscope
from callscope.errors import CallscopeError
from callscope.samples import paths as sample_paths

SAMPLE = sample_paths()[0].read_text()
LINES = SAMPLE.split("\n")


def _read(data: bytes | str) -> None:
    try:
        callscope.read(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"), name="fuzz.txt")
    except CallscopeError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=len(SAMPLE)))
def test_truncated(cut: int) -> None:
    _read(SAMPLE[:cut])


@settings(max_examples=100, deadline=None)
@given(st.randoms(use_true_random=False))
def test_shuffled_lines(rnd: random.Random) -> None:
    lines = LINES[:]
    rnd.shuffle(lines)
    _read("\n".join(lines))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4096))
def test_binary(data: bytes) -> None:
    _read(data)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text(text: str) -> None:
    _read(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*LINES, "Operator", "Okay.", "Q&A", "Questions and Answers:", ":", " - ", "====", "[1]"]), max_size=80))
def test_recombined_lines(lines: list[str]) -> None:
    _read("\n".join(lines))


def test_empty() -> None:
    with pytest.raises(CallscopeError, match="empty"):
        callscope.read(b"", name="empty.txt")


def test_fifty_megabytes(tmp_path: Path) -> None:
    """A 50 MB call (the sample repeated) parses within the default size limit."""
    big = tmp_path / "big.txt"
    block = SAMPLE + "\n"
    big.write_text(block * (50_000_000 // len(block) + 1))
    assert big.stat().st_size >= 50_000_000
    try:
        call = callscope.read(big)
    except CallscopeError as exc:
        assert "big.txt" in str(exc)
    else:
        assert len(call.turns) > 10_000


def test_fifty_megabytes_of_one_line(tmp_path: Path) -> None:
    big = tmp_path / "oneline.txt"
    big.write_text("word " * 10_000_000)
    try:
        callscope.read(big)
    except CallscopeError as exc:
        assert "oneline.txt" in str(exc)
