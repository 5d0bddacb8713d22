"""The Typer application every command module registers on, and the shared error/output helpers."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import typer
from rich.console import Console

from ..errors import CallscopeError

app = typer.Typer(
    name="callscope",
    help="Earnings-call transcripts as structured, searchable, measurable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

T = TypeVar("T")


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    return typer.Exit(code)


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders expand to the transcript files inside them (sorted)."""
    for p in paths:
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in {".txt", ".json", ".html", ".htm", ".md"})
        else:
            yield p


def each(paths: Iterable[Path], work: Callable[[Path], T]) -> Iterator[tuple[Path, T]]:
    """Run `work` on every file; failures are reported on one line each and the batch goes on.

    Raises `typer.Exit(1)` at the end when any file failed, after listing them.
    """
    failures: list[str] = []
    for path in expand(paths):
        try:
            yield path, work(path)
        except CallscopeError as exc:
            msg = str(exc) if exc.source else f"{path}: {exc}"
            err.print(f"[bold red]error:[/] {msg}", highlight=False)
            failures.append(msg)
        except (MemoryError, RecursionError) as exc:  # pathological input: still one line, never a traceback
            msg = f"{path}: input too complex to parse ({type(exc).__name__})"
            err.print(f"[bold red]error:[/] {msg}", highlight=False)
            failures.append(msg)
    if failures:
        err.print(f"[bold red]{len(failures)} file(s) failed[/]", highlight=False)
        raise typer.Exit(1)


def main() -> None:
    try:
        app()
    except CallscopeError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
