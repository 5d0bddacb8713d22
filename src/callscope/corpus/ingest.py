"""Ingest: many transcript files into one store, parsed in parallel, written by one process.

Workers parse and turn the call into the rows the store inserts (bytes in, encoded rows out, see
`rows.py`); the parent hashes, skips what is already stored, and writes the calls in input order,
several whole calls per transaction. Input order makes an interrupted-then-resumed run produce the
same store as an uninterrupted one, and the single writer means SQLite never sees contention.
Per-file failures are logged in `ingest_log` and the run goes on; a storage failure (disk full)
stops the run with everything before it intact.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import signal
import time
import uuid
from collections import deque
from collections.abc import Iterable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import CallscopeError
from . import rows
from .pool import Parser, ParserPool
from .sources import Bad, Item, expand
from .store import Entry, Store, layout_error

BATCH_CALLS = 64  # calls per transaction: ~15% less writer CPU than 16, little work to redo after a crash
BATCH_SECONDS = 5.0  # ... or fewer, when parsing is slow


def parse_payload(source: str, data: bytes) -> tuple[bool, bytes | str]:
    """Worker side: `(True, encoded rows)` for a parsed call, `(False, reason)` for a bad file.

    Other parsers may return the call's JSON instead of rows; the writer accepts both, and builds the
    same rows from that JSON as these from the call's dict.
    """
    from ..pipeline import analyze

    try:
        return True, rows.encode(rows.call_rows(rows.call_dict(analyze(data, name=source))))
    except CallscopeError as exc:
        return False, exc.reason
    except (MemoryError, RecursionError) as exc:
        return False, f"input too complex to parse ({type(exc).__name__})"
    except Exception as exc:  # a reader bug must cost one file, not the run
        return False, f"internal error while parsing ({type(exc).__name__}: {exc})"


def pipeline_fingerprint() -> str:
    """What produced a stored call: callscope's version and the default stages after structure."""
    from .. import __version__
    from ..pipeline import default_stages

    stages = ",".join(f"{f.__module__}.{getattr(f, '__name__', type(f).__name__)}" for f in default_stages())
    return f"callscope {__version__}; stages={stages or 'none'}"


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the run cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass
class IngestReport:
    """What one run did; `failures` lists (source, reason)."""

    run: str
    seen: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    stale: int = 0  # unchanged files stored by another pipeline and not re-parsed (see `reparse`)
    duplicates: int = 0
    bytes_parsed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    elapsed: float = 0.0
    interrupted: bool = False

    @property
    def written(self) -> int:
        return self.stored + self.replaced

    @property
    def calls_per_s(self) -> float:
        return self.written / self.elapsed if self.elapsed > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "run": self.run, "seen": self.seen, "stored": self.stored, "replaced": self.replaced,
            "unchanged": self.unchanged, "stale": self.stale, "duplicates": self.duplicates, "failed": len(self.failures),
            "failures": [{"source": s, "reason": r} for s, r in self.failures],
            "elapsed_s": round(self.elapsed, 3), "calls_per_s": round(self.calls_per_s, 1), "interrupted": self.interrupted,
        }


class Progress:
    """Hooks the run calls; the CLI plugs a rich progress bar in, the library default is silent."""

    def start(self, total: int, total_bytes: int) -> None: ...
    def advance(self, nbytes: int, failures: int) -> None: ...
    def stop(self) -> None: ...


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Job(Protocol):
    def result(self) -> tuple[bool, bytes | str]: ...


class Backend(Protocol):
    """Where parsing happens: in this process, a local process pool, or a dask cluster."""

    window: int  # parse jobs kept in flight ahead of the writer

    def submit(self, source: str, data: bytes) -> Job: ...
    def close(self, interrupted: bool) -> None: ...


class _Done:
    def __init__(self, value: tuple[bool, bytes | str]) -> None:
        self.value = value

    def result(self) -> tuple[bool, bytes | str]:
        return self.value


def _warm(parser: Parser) -> None:
    """Run `parser` once on a bundled sample call, so that its lazily built state exists before forking."""
    from ..samples import paths

    sample = paths()[0]
    with contextlib.suppress(Exception):  # only a head start: a parser that cannot parse the sample still runs
        parser(sample.name, sample.read_bytes())


class LocalBackend:
    """`workers=1` parses inline (no pickling); more uses parser processes on this machine (`pool.py`)."""

    def __init__(self, workers: int, parser: Parser, window: int | None = None) -> None:
        self.parser = parser
        if workers > 1 and multiprocessing.get_start_method() == "fork":
            _warm(parser)  # forked parsers then start with its word lists and patterns built: ~0.9 s CPU each
        self.pool = ParserPool(workers, parser, _quiet_worker) if workers > 1 else None
        # enough queued work per parser to keep it busy while the writer commits a batch (0.2-0.6 s);
        # 8 per parser left them waiting for jobs ~3% of a run, 24 ~2% (most of it the run's first and last calls)
        self.window = 1 if self.pool is None else (window or workers * 24)

    def submit(self, source: str, data: bytes) -> Job:
        if self.pool is None:
            return _Done(self.parser(source, data))
        return self.pool.submit(source, data)

    def close(self, interrupted: bool) -> None:
        if self.pool is not None:
            self.pool.close(interrupted)


def ingest(
    paths: Iterable[str | Path],
    db: str | Path | Store,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    window: int | None = None,
    parser: Parser = parse_payload,
    scheduler: str | None = None,
    shards: str | Path | None = None,
    reparse: bool = False,
) -> IngestReport:
    """Ingest files/folders/globs/archives into the store at `db`; returns the run's report.

    `workers=1` parses in this process, more uses a process pool; `scheduler` (a dask.distributed
    address) parses on a cluster whose workers write Parquet shards to `shards` (a folder every
    worker and this process can reach; default `<db>.shards`). Each call records the pipeline that
    produced it; with `reparse`, unchanged files stored by another pipeline are parsed again and
    replaced (otherwise they are counted as `stale`). Raises CallscopeError for a
    storage failure (after rolling back the batch being written and storing what came before the
    failing call) and KeyboardInterrupt on Ctrl-C (after committing the calls parsed so far).
    """
    store = db if isinstance(db, Store) else Store(db)
    report = IngestReport(run=uuid.uuid4().hex[:12])
    progress = progress or Progress()
    backend: Backend | None = None
    start = time.perf_counter()
    try:
        items = list(expand(paths))
        progress.start(len(items), sum(i.size for i in items if isinstance(i, Item)))
        if scheduler:
            from .distributed import DaskBackend

            backend = DaskBackend(scheduler, Path(shards) if shards else store.path.with_name(store.path.name + ".shards"), parser, report.run)
        else:
            backend = LocalBackend(max(1, workers or os.cpu_count() or 1), parser, window)
        fingerprint = pipeline_fingerprint() if parser is parse_payload else None
        _run(items, store, report, progress, backend, fingerprint, reparse)
    except KeyboardInterrupt:
        report.interrupted = True
        raise
    finally:
        report.elapsed = time.perf_counter() - start
        if backend is not None:
            backend.close(report.interrupted)
        progress.stop()
        if not isinstance(db, Store):
            store.close()
    return report


class _Writer:
    """The parent's writes, in input order, several calls per transaction.

    A transaction per call cost a commit and an FTS5 index segment per call; batches of `calls`
    calls (or whatever arrived within `seconds`) still leave whole calls only after a crash, and
    the same store after a re-run, because calls keep their input order and ids. Failures are
    logged in the same batch, in the order they happened.
    """

    def __init__(self, store: Store, report: IngestReport, pipeline: str | None, calls: int, seconds: float) -> None:
        self.store, self.report, self.pipeline = store, report, pipeline
        self.calls, self.seconds = calls, seconds
        self.entries: list[Entry] = []
        self.n = 0
        self.since = 0.0

    def call(self, source: str, h: str, size: int, call: rows.CallRows) -> None:
        if call.too_big:  # would be rolled back in the batch anyway; failing it now keeps the report in order
            self.fail(source, layout_error(call), h)
            return
        self._add(Entry(source, h, size, call))
        self.n += 1
        if self.n >= self.calls or time.monotonic() - self.since >= self.seconds:
            self.flush()

    def fail(self, source: str, reason: str, h: str | None = None) -> None:
        self.report.failures.append((source, reason))
        self._add(Entry(source, h, error=reason))

    def _add(self, entry: Entry) -> None:
        if not self.entries:
            self.since = time.monotonic()
        self.entries.append(entry)

    def flush(self) -> None:
        """Commit what is buffered; on a storage error, what came before the failing call is stored and the error raised."""
        entries, self.entries, self.n = self.entries, [], 0
        if not entries:
            return
        for e, (status, error) in zip(entries, self.store.write_batch(entries, run=self.report.run, pipeline=self.pipeline), strict=True):
            if status == "replaced":
                self.report.replaced += 1
            elif status == "stored":
                self.report.stored += 1
            elif e.rows is not None:  # failed in the store
                self.report.failures.append((e.source, error or ""))


def _run(
    items: Sequence[Item | Bad], store: Store, report: IngestReport, progress: Progress, backend: Backend,
    fingerprint: str | None, reparse: bool,
) -> None:
    writer = _Writer(store, report, fingerprint, BATCH_CALLS, BATCH_SECONDS)
    try:
        _feed(items, store, report, progress, backend, fingerprint, reparse, writer)
    except (CallscopeError, KeyboardInterrupt):
        # a parser died, a shard failed or Ctrl-C: what was parsed before is stored, as the error says
        # (after a storage error there is nothing left to write; a second Ctrl-C rolls this back)
        writer.flush()
        raise
    writer.flush()


def _feed(
    items: Sequence[Item | Bad], store: Store, report: IngestReport, progress: Progress, backend: Backend,
    fingerprint: str | None, reparse: bool, writer: _Writer,
) -> None:
    pending: deque[tuple[str, str, int, Job]] = deque()
    hashes: set[str] = set()
    fail = writer.fail

    def finish() -> None:
        source, h, size, job = pending.popleft()
        try:
            ok, payload = job.result()
        except BrokenProcessPool:
            raise CallscopeError(source, "a parser process died (out of memory or killed) while parsing this file; "
                                 "everything before it is stored, re-run to continue") from None
        if ok:
            assert isinstance(payload, bytes)
            writer.call(source, h, size, rows.decode(payload))
        else:
            fail(source, str(payload), h)
        report.bytes_parsed += size
        progress.advance(size, len(report.failures))

    for item in items:
        report.seen += 1
        if isinstance(item, Bad):
            fail(item.source, item.reason)
            progress.advance(0, len(report.failures))
            continue
        try:
            data = item.read()
        except CallscopeError as exc:
            fail(item.source, exc.reason)
            progress.advance(item.size, len(report.failures))
            continue
        h = _digest(data)
        status, _ = store.status(item.source, h, fingerprint)
        if status == "stale" and not reparse:
            report.unchanged += 1
            report.stale += 1
            progress.advance(len(data), len(report.failures))
            continue
        if status in ("unchanged", "duplicate") or h in hashes:
            if status == "unchanged":
                report.unchanged += 1
            else:
                report.duplicates += 1
            progress.advance(len(data), len(report.failures))
            continue
        hashes.add(h)
        pending.append((item.source, h, len(data), backend.submit(item.source, data)))
        while len(pending) >= backend.window:
            finish()
    while pending:
        finish()
