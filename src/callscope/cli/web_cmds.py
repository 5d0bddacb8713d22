"""`callscope serve`, `callscope report`, `callscope demo`: the web reader and the offline report."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from ..corpus import Corpus
from ..errors import CallscopeError
from ..pipeline import read
from ..samples import paths as sample_paths
from ..web.server import LOCAL_HOSTS, free_port, serve
from .app import app, each, err, fail, out

DbOpt = Annotated[Path, typer.Option("--db", help="The corpus store (SQLite file) to read.")]
HostOpt = Annotated[str, typer.Option("--host", help="Address to listen on; other machines can reach anything but localhost.")]
PortOpt = Annotated[int, typer.Option("--port", help="Port to listen on.")]


def _announce(url: str) -> None:
    out.print(f"callscope reader at [bold]{url}[/]  (read-only; Ctrl-C to stop)", highlight=False)


def _serve(db: Path, host: str, port: int) -> None:
    if host not in LOCAL_HOSTS:
        err.print(f"warning: listening on {host}: anyone who can reach this machine can read the store", highlight=False)
    try:
        serve(db, host, port, ready=_announce)
    except CallscopeError as exc:
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        pass


@app.command("serve")
def serve_cmd(db: DbOpt = Path("calls.db"), host: HostOpt = "127.0.0.1", port: PortOpt = 8000) -> None:
    """Browse a corpus store in the web reader: calls, search, company pages (read-only, localhost by default)."""
    if not db.exists():
        raise fail(f"{db}: no such corpus store (run `callscope ingest FILES --db {db}` first)")
    _serve(db, host, port)


@app.command("report")
def report_cmd(
    file: Annotated[Path, typer.Argument(help="One transcript file.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="The HTML file to write (default: FILE with .html).")] = None,
    format: Annotated[str | None, typer.Option("--format", "-f", help="Force a reader (see `callscope formats`).")] = None,
) -> None:
    """Write one call as a self-contained HTML report (reader view and measures; opens offline)."""
    from ..web import write_report

    for path, call in each([file], lambda p: read(p, format=format)):
        target = output or path.with_suffix(".html")
        try:
            write_report(call.to_dict(), target)
        except OSError as exc:
            raise fail(f"{target}: cannot write the report ({exc.strerror or exc})") from None
        out.print(f"wrote {target}", highlight=False)


@app.command("demo")
def demo_cmd(
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    serve_it: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the reader after ingesting (default) or just ingest and summarise.")] = True,
) -> None:
    """Ingest the bundled sample calls (a fictional company, three quarters) into a temporary store and open the reader."""
    with tempfile.TemporaryDirectory(prefix="callscope-demo-") as tmp:
        db = Path(tmp) / "demo.db"
        with Corpus(db) as corpus:
            report = corpus.ingest(sample_paths(), workers=1)
            if report.failures:  # the samples ship with the package; failing here is a bug, say so plainly
                raise fail("the bundled sample calls did not ingest: " + "; ".join(f"{s}: {r}" for s, r in report.failures))
            for c in corpus.calls().itertuples():  # what was stored, not a second parse
                out.print(f"{Path(c.source).name}  {c.company}  {c.fiscal_period}  {c.date}  {c.n_turns} turns  "
                          f"{c.n_exchanges} exchanges  {c.n_words:,} words", highlight=False, markup=False)
        if serve_it:
            _serve(db, host, port if port != 8000 else free_port(host, 8000))
