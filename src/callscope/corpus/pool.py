"""Parser processes for ingest that cost the writer process no manager thread.

`concurrent.futures.ProcessPoolExecutor` passes every result through a manager thread in the
parent, and that thread cost the single writer ~0.45 ms of CPU per call (measured with two
parsers), on the cores the parsers need. Here jobs go out through one `multiprocessing.Queue`
(parsers take the next job when free; its feeder thread means the writer never blocks on a full
pipe, so it cannot deadlock with parsers blocked on their results) and each parser sends its
results down its own pipe, which the writer reads itself when it wants a result.

A result (~100 KB of rows) is bigger than a pipe's default 64 KB buffer, so a parser that finished
a call used to wait, idle, until the writer read it; the writer reads nothing while it commits a
batch (~0.2 s), which left ~10% of the parsers' time idle. Result pipes are therefore enlarged
(Linux `F_SETPIPE_SZ`, up to the unprivileged limit of 1 MB) so parsers keep working through a commit.
That holds ~10 results, and a commit on a busy machine takes up to ~0.6 s, so parsers also send from a
thread of their own: a full pipe then blocks that thread, never the parsing (time blocked on sends fell
from ~2.2% of a run to ~0.3%).

A parser that dies (killed, out of memory) breaks the pool like it breaks an executor: waiting
for a result that has not arrived raises `BrokenProcessPool`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import queue
import threading
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection, wait
from typing import Any

Parser = Callable[[str, bytes], tuple[bool, bytes | str]]
PIPE_BYTES = 1 << 20  # room for ~10 results per parser while the writer commits (Linux's unprivileged maximum)


def enlarge(conn: Connection, size: int = PIPE_BYTES) -> None:
    """Give the pipe under `conn` a `size`-byte buffer where the OS allows it (Linux); elsewhere keep its default."""
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, size)


def _serve(jobs: Any, out: Connection, parser: Parser, initializer: Callable[[], None], inherited: list[Connection]) -> None:
    """Parser process: parse jobs until the `None` sentinel; exceptions go back to be raised there.

    Results leave through a sender thread, so the parser goes on with the next job while the writer is
    busy committing and the result pipe is full (the send blocks without holding the GIL). The read
    ends of the result pipes it inherited are closed, so that once the writer is gone a send fails,
    the sender stops, and the parser exits instead of waiting on a pipe nobody reads.
    """
    initializer()
    for conn in inherited:
        conn.close()
    parent = multiprocessing.parent_process()
    outbox: queue.SimpleQueue[tuple[int, bool, Any] | None] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_all, args=(outbox, out), daemon=True)
    sender.start()
    while sender.is_alive():
        try:
            job = jobs.get(timeout=2)
        except queue.Empty:  # the writer was killed (kill -9 of it alone): do not linger
            if parent is not None and not parent.is_alive():
                return
            continue
        if job is None:
            outbox.put(None)
            sender.join()  # every result sent before the process exits
            return
        jid, source, data = job
        try:
            outbox.put((jid, True, parser(source, data)))
        except Exception as exc:  # what an executor would raise from `result()`
            outbox.put((jid, False, exc))


def _send_all(outbox: queue.SimpleQueue[tuple[int, bool, Any] | None], out: Connection) -> None:
    """The sender thread: results down the pipe in the order they were parsed, until `None` or the writer is gone."""
    while (result := outbox.get()) is not None:
        try:
            try:
                out.send(result)
            except (TypeError, AttributeError, pickle.PicklingError):  # an exception that does not pickle
                out.send((result[0], False, RuntimeError(f"{type(result[2]).__name__}: {result[2]}")))
        except OSError:  # the writer is gone
            return


class PoolJob:
    def __init__(self, pool: ParserPool, jid: int) -> None:
        self.pool, self.jid = pool, jid

    def result(self) -> tuple[bool, bytes | str]:
        return self.pool.result(self.jid)


class ParserPool:
    """`workers` parser processes; `submit` returns a job whose `result()` waits for it."""

    def __init__(self, workers: int, parser: Parser, initializer: Callable[[], None]) -> None:
        ctx = multiprocessing.get_context()
        self.jobs = ctx.Queue()
        self.procs: list[Any] = []
        self.conns: list[Connection] = []
        for _ in range(workers):
            reader, writer = ctx.Pipe(duplex=False)
            enlarge(reader)
            proc = ctx.Process(target=_serve, args=(self.jobs, writer, parser, initializer, [*self.conns, reader]), daemon=True)
            proc.start()
            writer.close()
            self.procs.append(proc)
            self.conns.append(reader)
        self.done: dict[int, tuple[bool, Any]] = {}
        self.submitted = self.consumed = 0
        self.broken = False

    def submit(self, source: str, data: bytes) -> PoolJob:
        jid, self.submitted = self.submitted, self.submitted + 1
        self.jobs.put((jid, source, data))
        return PoolJob(self, jid)

    def result(self, jid: int) -> tuple[bool, bytes | str]:
        sentinels = [p.sentinel for p in self.procs]
        while jid not in self.done:
            if self.broken:
                raise BrokenProcessPool("a parser process died")
            ready = wait([*self.conns, *sentinels])
            died = any(s in ready for s in sentinels)  # parsers only exit on their own after `close`
            for conn in self.conns:
                if died or conn in ready:
                    self._drain(conn)
            self.broken = self.broken or died
        self.consumed += 1
        ok, value = self.done.pop(jid)
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def _drain(self, conn: Connection) -> None:
        """Every result waiting in `conn` (a result being sent is read to its end)."""
        while conn.poll():
            try:
                rid, ok, value = conn.recv()
            except (EOFError, OSError):  # its parser died, maybe while sending
                self.broken = True
                return
            self.done[rid] = (ok, value)

    def close(self, interrupted: bool) -> None:
        """Stop the parsers: at once after Ctrl-C, a death, or with results not waited for; else let them exit."""
        if interrupted or self.broken or self.consumed < self.submitted:
            for p in self.procs:
                p.terminate()
            self.jobs.cancel_join_thread()
        else:
            for _ in self.procs:
                self.jobs.put(None)
        for p in self.procs:
            p.join()
        self.jobs.close()
        for conn in self.conns:
            conn.close()
