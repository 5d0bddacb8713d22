"""`callscope parse`, `callscope show`, `callscope formats`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from .. import readers
from ..pipeline import read
from .app import app, each, out
from .show_view import render_call, summary_line

FormatOpt = Annotated[str | None, typer.Option("--format", "-f", help="Force a reader (see `callscope formats`).")]


@app.command()
def parse(
    files: Annotated[list[Path], typer.Argument(help="Transcript files or folders.")],
    json: Annotated[bool, typer.Option("--json", help="JSON (JSON Lines for several files) per the callscope.call/1 contract.")] = False,
    format: FormatOpt = None,
) -> None:
    """Parse transcripts: a one-line summary each, or the full JSON contract with --json."""
    if format:
        readers.get(format)  # unknown names fail before any file is read
    for _path, call in each(files, lambda p: read(p, format=format)):
        if json:
            sys.stdout.buffer.write(call.to_json() + b"\n")
            sys.stdout.flush()
        else:
            out.print(summary_line(call), highlight=False, markup=False)


@app.command()
def show(
    file: Annotated[Path, typer.Argument(help="One transcript file.")],
    format: FormatOpt = None,
) -> None:
    """A terminal view of one call: roster by role, section sizes and a Q&A navigator."""
    for _path, call in each([file], lambda p: read(p, format=format)):
        render_call(out, call)


@app.command()
def formats() -> None:
    """List the transcript formats callscope reads (detected automatically)."""
    table = Table(title="Transcript formats", show_lines=False)
    table.add_column("name", style="bold")
    table.add_column("what it reads")
    for r in readers.readers():
        table.add_row(r.name, escape(r.description))  # descriptions quote labels like "[n]", not markup
    out.print(table)
