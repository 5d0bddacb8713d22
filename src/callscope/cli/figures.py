"""`callscope figures FILE [--csv]`: the reported facts and the guidance of one or more calls as a table."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..pipeline import read
from .app import app, each, out

COLUMNS = [
    "kind",
    "metric",
    "label",
    "value",
    "low",
    "high",
    "unit",
    "period",
    "qualifiers",
    "approx",
    "speaker",
    "turn",
    "span",
    "text",
]


def rows(call: Any) -> list[dict[str, Any]]:
    """One row per figure, facts first, in transcript order within each kind."""
    result = []
    for kind, items in (("fact", call.facts), ("guidance", call.guidance)):
        for it in items:
            row = {c: it.get(c) for c in COLUMNS if c != "kind"}
            row["kind"] = kind
            row["qualifiers"] = ";".join(it.get("qualifiers") or [])
            row["span"] = f"{it['span'][0]}-{it['span'][1]}"
            result.append(row)
    return result


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"
    return str(v)


@app.command()
def figures(
    files: Annotated[list[Path], typer.Argument(help="Transcript files or folders.")],
    as_csv: Annotated[
        bool, typer.Option("--csv", help="CSV on stdout (one header row; a `source` column with several files).")
    ] = False,
) -> None:
    """Every reported figure (fact) and every piece of guidance: metric, value, unit, period, provenance."""
    writer = None
    for path, call in each(files, read):
        if as_csv:
            if writer is None:
                writer = csv.DictWriter(sys.stdout, fieldnames=["source", *COLUMNS], lineterminator="\n")
                writer.writeheader()
            for row in rows(call):
                writer.writerow({"source": str(path), **row})
            sys.stdout.flush()
            continue
        table = Table(title=f"{path.name}: {len(call.facts)} facts, {len(call.guidance)} guidance")
        for c in ("kind", "metric", "label", "value", "low", "high", "unit", "period", "turn"):
            table.add_column(c, overflow="fold")
        for row in rows(call):
            table.add_row(*(_fmt(row[c]) for c in ("kind", "metric", "label", "value", "low", "high", "unit", "period", "turn")))
        out.print(table)
