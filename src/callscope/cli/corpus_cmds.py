"""`callscope ingest` and `callscope search`: thin faces over `callscope.corpus`."""

from __future__ import annotations

import json as jsonlib
import sys
import threading
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress
from rich.table import Table
from rich.text import Text

from ..corpus import Corpus, ingest
from ..corpus.ingest import IngestReport, Progress
from ..errors import CallscopeError
from .app import app, err, fail, out

DbOpt = Annotated[Path, typer.Option("--db", help="The corpus store (SQLite file).")]


class _Rate(ProgressColumn):
    """files/s and MB/s since the start of the run."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        if elapsed <= 0:
            return Text("- files/s  - MB/s", style="progress.data.speed")
        mb = task.fields.get("nbytes", 0) / 1e6
        return Text(f"{task.completed / elapsed:.0f} files/s  {mb / elapsed:.1f} MB/s", style="progress.data.speed")


class _Failures(ProgressColumn):
    def render(self, task: Task) -> Text:
        n = task.fields.get("failures", 0)
        return Text(f"{n} failed", style="red" if n else "dim")


class RichBar(Progress):
    """The ingest progress bar on stderr: count, files/s, MB/s, ETA, failures."""

    def __init__(self, enabled: bool) -> None:
        self.bar = RichProgress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), _Rate(), TimeRemainingColumn(), _Failures(),
            console=err, disable=not enabled, transient=False,
        )
        self.task = self.bar.add_task("ingest", total=None, nbytes=0, failures=0)
        self.nbytes = 0

    def start(self, total: int, total_bytes: int) -> None:
        self.bar.update(self.task, total=total)
        self.bar.start()

    def advance(self, nbytes: int, failures: int) -> None:
        self.nbytes += nbytes
        self.bar.update(self.task, advance=1, nbytes=self.nbytes, failures=failures)

    def stop(self) -> None:
        self.bar.stop()


def _summary(r: IngestReport) -> str:
    return (
        f"{r.seen} files: {r.stored} stored, {r.replaced} replaced, {r.unchanged} unchanged, {r.duplicates} duplicate, "
        f"{len(r.failures)} failed in {r.elapsed:.1f}s ({r.calls_per_s:.1f} calls/s)"
    )


def _quiet_teardown() -> None:
    """After Ctrl-C the worker pool is dropped without waiting; pipes closing under its threads
    at exit ("Exception ignored ... Bad file descriptor") are not news to the user."""
    sys.unraisablehook = lambda _: None
    threading.excepthook = lambda _: None


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, .zip or .tar.gz archives.")],
    db: DbOpt = Path("calls.db"),
    workers: Annotated[int, typer.Option("--workers", "-j", help="Parser processes (default: one per core).")] = 0,
    json: Annotated[bool, typer.Option("--json", help="Print the run report as JSON on stdout.")] = False,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Show the progress bar (default: on a terminal).")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Parse on a dask.distributed cluster (tcp://host:8786).")] = None,
    shards: Annotated[Path | None, typer.Option("--shards", help="With --scheduler: a folder the workers and this machine share (default: <db>.shards).")] = None,
    reparse: Annotated[bool, typer.Option("--reparse", help="Re-parse unchanged files stored by another callscope version or stage set.")] = False,
) -> None:
    """Ingest transcripts into a corpus store: parallel, idempotent, resumable; failures are listed at the end."""
    bar = RichBar(sys.stderr.isatty() if progress is None else progress)
    try:
        report = ingest(paths, db, workers=workers or None, progress=bar, scheduler=scheduler, shards=shards, reparse=reparse)
    except CallscopeError as exc:
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        _quiet_teardown()
        err.print("interrupted: every call written so far is stored whole; re-run the same command to continue", highlight=False)
        raise typer.Exit(130) from None
    if json:
        out.print_json(data=report.as_dict())
    else:
        err.print(_summary(report), highlight=False)
    if report.stale:
        err.print(f"{report.stale} unchanged file(s) were stored by another callscope version or stage set; "
                  "re-run with --reparse to refresh them", highlight=False)
    if report.failures:
        for source, reason in report.failures:
            err.print(f"[bold red]failed:[/] {source}: {reason}", highlight=False)
        raise typer.Exit(1)


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help='Words (a phrase), or FTS5 syntax: "a b" OR c, prefix*, NEAR(a b, 5).')],
    db: DbOpt = Path("calls.db"),
    company: Annotated[str | None, typer.Option(help="Ticker or part of the company name.")] = None,
    role: Annotated[str | None, typer.Option(help="analyst | executive | operator")] = None,
    section: Annotated[str | None, typer.Option(help="qa | presentation")] = None,
    since: Annotated[str | None, typer.Option(help="Calls on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Calls on or before this date (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="Most hits to show (newest calls first).")] = 20,
    json: Annotated[bool, typer.Option("--json", help="One JSON object per hit (JSON Lines).")] = False,
) -> None:
    """Full-text search over every turn in the store, newest calls first, with keyword-in-context snippets."""
    t0 = time.perf_counter()
    try:
        with Corpus(db, readonly=True) as corpus:
            hits = corpus.search(query, company=company, role=role, section=section, since=since, until=until, limit=limit)
    except CallscopeError as exc:
        raise fail(str(exc)) from None
    if json:
        for h in hits:
            sys.stdout.write(jsonlib.dumps(h.as_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(show_edge=False, show_lines=False)
    for col, width in (("date", 10), ("company", 14), ("period", 7), ("speaker", 24), ("section", 7)):
        table.add_column(col, overflow="fold", max_width=width)
    table.add_column("snippet", overflow="fold", ratio=1)
    for h in hits:
        who = h.speaker + (f" ({h.role})" if h.role else "")
        snippet = Text(h.snippet)
        snippet.highlight_regex(r"\[[^\]]+\]", "bold yellow")
        table.add_row(h.date or "", h.ticker or h.company or "", h.fiscal_period or "", who, h.section, snippet)
    out.print(table)
    err.print(f"{len(hits)} hit(s) in {(time.perf_counter() - t0) * 1000:.0f} ms", highlight=False)


@app.command("export")
def export_cmd(
    to: Annotated[Path, typer.Option("--to", help="Output folder.")],
    db: DbOpt = Path("calls.db"),
    format: Annotated[str, typer.Option("--format", help="parquet (partitioned by year) | csv | jsonl")] = "parquet",
    table: Annotated[list[str] | None, typer.Option("--table", help="Only these tables (repeatable; default all).")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace tables already exported to --to.")] = False,
) -> None:
    """Export the store's tables for Spark, DuckDB, Polars or pandas."""
    try:
        with Corpus(db, readonly=True) as corpus:
            written = corpus.export(to, format, table or None, overwrite=overwrite)
    except CallscopeError as exc:
        raise fail(str(exc)) from None
    for name, path in written.items():
        err.print(f"{name}: {path}", highlight=False)


def _print_frame(df, json: bool) -> None:  # df: pandas.DataFrame
    if json:
        text = df.to_json(orient="records", lines=True, force_ascii=False) if len(df) else ""
        sys.stdout.write(text if not text or text.endswith("\n") else text + "\n")
        return
    table = Table(show_edge=False)
    for col in df.columns:
        table.add_column(str(col), overflow="fold")
    for row in df.itertuples(index=False):
        table.add_row(*("" if v is None or v != v else (f"{v:.4g}" if isinstance(v, float) else str(v)) for v in row))
    out.print(table)


@app.command("companies")
def companies_cmd(
    db: DbOpt = Path("calls.db"),
    json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False,
) -> None:
    """The companies in the store (calls linked by ticker or name), with call counts and date ranges."""
    try:
        with Corpus(db, readonly=True) as corpus:
            df = corpus.companies()
    except CallscopeError as exc:
        raise fail(str(exc)) from None
    _print_frame(df if json else df.drop(columns=["id"]), json)


@app.command("timeline")
def timeline_cmd(
    company: Annotated[str, typer.Argument(help="Ticker or company name.")],
    db: DbOpt = Path("calls.db"),
    json: Annotated[bool, typer.Option("--json", help="JSON Lines, one call per line.")] = False,
) -> None:
    """One company's calls by fiscal period: key figures, tone, uncertainty, non-answer rate, Q&A length."""
    try:
        with Corpus(db, readonly=True) as corpus:
            df = corpus.timeline(company)
    except CallscopeError as exc:
        raise fail(str(exc)) from None
    _print_frame(df.drop(columns=["call_id", "period_key", "title"]) if not json else df, json)


@app.command("guidance")
def guidance_cmd(
    company: Annotated[str | None, typer.Argument(help="Ticker or company name (default: every company).")] = None,
    db: DbOpt = Path("calls.db"),
    revisions: Annotated[bool, typer.Option("--revisions", help="Raised / maintained / lowered between calls instead.")] = False,
    json: Annotated[bool, typer.Option("--json", help="JSON Lines.")] = False,
) -> None:
    """Guidance vs actual (beat / in line / miss), or guidance revisions with --revisions."""
    try:
        with Corpus(db, readonly=True) as corpus:
            df = corpus.guidance_revisions(company) if revisions else corpus.guidance_vs_actual(company)
    except CallscopeError as exc:
        raise fail(str(exc)) from None
    if not json:
        drop = ["company_id", "guidance_sentence", "actual_sentence", "guided_call_id", "actual_call_id", "from_call_id", "to_call_id"]
        df = df.drop(columns=[c for c in drop if c in df.columns])
    _print_frame(df, json)
