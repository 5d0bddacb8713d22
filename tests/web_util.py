"""Helpers for the web tests: a real store built from the bundled samples plus a hostile call, and a live server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from callscope.corpus import Corpus
from callscope.samples import paths as sample_paths

FIXTURES = Path(__file__).parent / "fixtures" / "web"
HOSTILE = FIXTURES / "hostile_call.txt"
# Everything the hostile call tries to run; none of it may survive as markup.
PAYLOADS = ("<script>window.__xss", "<img src=x", "<svg onload", "<iframe", "<style>body", 'onmouseover="window', "<b>Capital</b>")


def build_store(db: Path, *extra: Path) -> Path:
    with Corpus(db) as corpus:
        report = corpus.ingest([*sample_paths(), *extra], workers=1)
    assert not report.failures, report.failures
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(db: Path) -> Iterator[str]:
    """The reader app for `db` served by uvicorn in a thread; yields its base URL."""
    import uvicorn

    from callscope.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
