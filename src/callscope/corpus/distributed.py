"""Parsing on a dask.distributed cluster: workers write Parquet shards, this process loads them.

Files go to the cluster in batches; each task parses its batch and writes one shard (one row
per file: source, content hash, ok, and the call's JSON or the failure reason), written to a
temporary name and renamed so a half-written shard is never read. The single writer loads
shards in input order, so the store is the same as after a local ingest, and deletes each
shard once its calls are committed. Shards must be on storage the workers and this process
share (the default `<db>.shards` is right for a local cluster).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Any

from ..errors import CallscopeError

BATCH = 64


def parse_to_shard(batch: list[tuple[str, bytes]], path: str, parser: Any) -> str:
    """Worker side: parse every file of the batch and write the results as one Parquet shard."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sources, oks, payloads = [], [], []
    for source, data in batch:
        ok, payload = parser(source, data)
        sources.append(source)
        oks.append(ok)
        payloads.append(payload if isinstance(payload, bytes) else str(payload).encode("utf-8"))
    table = pa.table({"source": pa.array(sources, pa.string()), "ok": pa.array(oks, pa.bool_()), "payload": pa.array(payloads, pa.binary())})
    tmp = f"{path}.{os.getpid()}.tmp"
    pq.write_table(table, tmp)
    os.replace(tmp, path)
    return path


class _Batch:
    def __init__(self) -> None:
        self.items: list[tuple[str, bytes]] = []
        self.future: Any = None
        self.rows: list[tuple[bool, bytes | str]] | None = None


class _Row:
    def __init__(self, backend: DaskBackend, batch: _Batch, index: int) -> None:
        self.backend, self.batch, self.index = backend, batch, index

    def result(self) -> tuple[bool, bytes | str]:
        return self.backend.load(self.batch)[self.index]


class DaskBackend:
    """Submits batches of files to a dask.distributed scheduler; results come back via shards."""

    def __init__(self, scheduler: str, shard_dir: Path, parser: Any, run: str, batch: int = BATCH) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise CallscopeError(None, "--scheduler needs dask.distributed (pip install 'callscope[distributed]')") from None
        try:
            self.client = Client(scheduler, timeout=os.environ.get("CALLSCOPE_DASK_TIMEOUT", "20s"))
        except (OSError, TimeoutError, ValueError) as exc:
            raise CallscopeError(scheduler, f"cannot reach the dask scheduler ({exc})") from None
        self.shard_dir = shard_dir / run
        try:
            self.shard_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CallscopeError(str(shard_dir), f"cannot create the shard folder ({exc.strerror or exc})") from None
        self.parser, self.batch_size = parser, batch
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.window = batch * workers * 2
        self.open = _Batch()
        self.count = 0

    def submit(self, source: str, data: bytes) -> _Row:
        b = self.open
        b.items.append((source, data))
        if len(b.items) >= self.batch_size:
            self._flush()
        return _Row(self, b, len(b.items) - 1)

    def _flush(self) -> None:
        b, self.open = self.open, _Batch()
        if b.items:
            path = str(self.shard_dir / f"shard-{self.count:06d}.parquet")
            self.count += 1
            b.future = self.client.submit(parse_to_shard, b.items, path, self.parser, pure=False)

    def load(self, b: _Batch) -> list[tuple[bool, bytes | str]]:
        """The batch's rows, in order (flushing it first if it is still being filled)."""
        if b.rows is None:
            import pyarrow.parquet as pq

            if b.future is None:
                self._flush()
            try:
                path = b.future.result()
                table = pq.read_table(path)
            except Exception as exc:  # a worker died or the shard is unreadable: stop, keep what is stored
                raise CallscopeError(b.items[0][0], f"distributed parse of a batch failed ({type(exc).__name__}: {exc}); "
                                     "everything before it is stored, re-run to continue") from None
            rows = table.to_pydict()
            b.rows = [(ok, p if ok else p.decode("utf-8")) for ok, p in zip(rows["ok"], rows["payload"], strict=True)]
            b.items = []
            Path(path).unlink(missing_ok=True)
        return b.rows

    def close(self, interrupted: bool) -> None:
        try:
            self.client.close()
        finally:
            shutil.rmtree(self.shard_dir, ignore_errors=True)
            with contextlib.suppress(OSError):
                self.shard_dir.parent.rmdir()  # only when no other run is using it
