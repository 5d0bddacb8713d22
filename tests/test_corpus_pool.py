"""The ingest parser pool: results by job, parser errors and deaths surface like an executor's."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from callscope.corpus.ingest import LocalBackend
from callscope.corpus.pool import ParserPool


def _quiet() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _echo(source: str, data: bytes) -> tuple[bool, bytes | str]:
    if source.startswith("slow"):
        time.sleep(0.2)  # finishes after the jobs behind it
    if source == "bad":
        raise ValueError(f"cannot parse {source}")
    if source == "unpicklable":
        raise ValueError(lambda: 0)
    if source == "die":
        os._exit(9)
    return True, data * 2


def test_results_match_their_jobs_whatever_order_they_finish_in() -> None:
    pool = ParserPool(2, _echo, _quiet)
    try:
        jobs = [pool.submit(name, name.encode()) for name in ("slow-a", "b", "c", "slow-d", "e")]
        assert [j.result() for j in jobs] == [(True, n.encode() * 2) for n in ("slow-a", "b", "c", "slow-d", "e")]
    finally:
        pool.close(False)
    assert all(p.exitcode == 0 for p in pool.procs)  # stopped by their sentinel, not killed


def test_a_parser_exception_is_raised_by_its_job_only() -> None:
    pool = ParserPool(2, _echo, _quiet)
    try:
        bad, odd, good = pool.submit("bad", b""), pool.submit("unpicklable", b""), pool.submit("ok", b"x")
        with pytest.raises(ValueError, match="cannot parse bad"):
            bad.result()
        with pytest.raises(RuntimeError, match="ValueError: <function"):
            odd.result()
        assert good.result() == (True, b"xx")
    finally:
        pool.close(False)


def test_a_dead_parser_breaks_the_pool_and_close_does_not_hang() -> None:
    pool = ParserPool(2, _echo, _quiet)
    try:
        first = pool.submit("a", b"a")
        assert first.result() == (True, b"aa")
        dead = pool.submit("die", b"")
        later = [pool.submit(f"slow-{i}", b"") for i in range(4)]
        with pytest.raises(BrokenProcessPool):
            dead.result()
        assert later
    finally:
        pool.close(False)
    assert not any(p.is_alive() for p in pool.procs)


def test_closing_with_jobs_left_stops_the_parsers() -> None:
    pool = ParserPool(2, _echo, _quiet)
    for i in range(6):
        pool.submit(f"slow-{i}", b"")
    start = time.monotonic()
    pool.close(False)
    assert time.monotonic() - start < 1 and not any(p.is_alive() for p in pool.procs)


_PARSED: list[str] = []


def _warmth(source: str, data: bytes) -> tuple[bool, bytes | str]:
    """Says whether this process had parsed anything before this call."""
    before = bool(_PARSED)
    _PARSED.append(source)
    return True, b"warm" if before else b"cold"


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="pre-warming only helps forked parsers")
def test_forked_parsers_start_with_the_parent_warmed_up() -> None:
    _PARSED.clear()
    backend = LocalBackend(2, _warmth)
    try:
        jobs = [backend.submit(f"f{i}", b"") for i in range(4)]
        assert [j.result() for j in jobs] == [(True, b"warm")] * 4  # even each parser's first job
        assert _PARSED == ["northwind_2025_q1.txt"]  # the parent parsed one bundled sample, once
    finally:
        backend.close(False)
    assert LocalBackend(1, _warmth).pool is None and _PARSED == ["northwind_2025_q1.txt"]  # inline: nothing to warm


def _big(source: str, data: bytes) -> tuple[bool, bytes | str]:
    return True, data * 100_000  # ~100 KB, like one call's rows


@pytest.mark.skipif(not hasattr(__import__("fcntl"), "F_GETPIPE_SZ"), reason="pipe sizes are Linux-only")
def test_parsers_keep_working_while_the_writer_does_not_read() -> None:
    """Results are bigger than a default pipe (64 KB): with the enlarged pipes a parser hands over several
    without the writer reading, instead of waiting idle through the writer's commit."""
    import fcntl

    pool = ParserPool(1, _big, _quiet)
    try:
        assert fcntl.fcntl(pool.conns[0].fileno(), fcntl.F_GETPIPE_SZ) >= 1 << 20
        jobs = [pool.submit(f"s{i}", b"x") for i in range(5)]
        deadline = time.monotonic() + 30
        while pool.jobs.qsize() > 0 and time.monotonic() < deadline:
            time.sleep(0.05)  # the writer reads nothing meanwhile
        time.sleep(0.3)
        assert pool.jobs.qsize() == 0  # all five parsed with no result read: their ~500 KB wait in the pipe
        assert [j.result() for j in jobs] == [(True, b"x" * 100_000)] * 5
    finally:
        pool.close(False)


def _huge(source: str, data: bytes) -> tuple[bool, bytes | str]:
    Path(source).touch()  # tells the test this job was parsed
    return True, data * 3_000_000  # bigger than any result pipe (1 MB at most)


def test_a_parser_goes_on_parsing_while_its_result_waits_to_be_sent(tmp_path: Path) -> None:
    """A result bigger than the pipe blocks its sending until the writer reads; the parser meanwhile parses
    the jobs behind it instead of waiting idle through the writer's commit."""
    pool = ParserPool(1, _huge, _quiet)
    try:
        marks = [tmp_path / f"job{i}" for i in range(4)]
        jobs = [pool.submit(str(m), b"y") for m in marks]
        deadline = time.monotonic() + 30
        while not all(m.exists() for m in marks) and time.monotonic() < deadline:
            time.sleep(0.05)  # the writer reads nothing meanwhile
        assert all(m.exists() for m in marks)
        assert [j.result() for j in jobs] == [(True, b"y" * 3_000_000)] * 4
    finally:
        pool.close(False)
