"""Run the reader with uvicorn, after checking the address is free so a busy port is one clear line."""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from pathlib import Path

from ..errors import CallscopeError

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str, start: int, tries: int = 50) -> int:
    """`start` if it is free, else the next free port above it."""
    for port in range(start, start + tries):
        if port_free(host, port):
            return port
    raise CallscopeError(None, f"no free port on {host} between {start} and {start + tries - 1}")


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, *, ready: Callable[[str], None] | None = None) -> None:
    """Serve the store read-only until interrupted; `ready(url)` is called once the app is built."""
    import uvicorn

    from .app import create_app

    app = create_app(db)
    if not port_free(host, port):
        raise CallscopeError(f"{host}:{port}", "the address is in use (another server is running there); pick another --port")
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    if ready:
        ready(url)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="off")
    try:
        uvicorn.Server(config).run()
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, errno.EACCES):
            raise CallscopeError(f"{host}:{port}", f"cannot listen there ({exc.strerror})") from None
        raise
