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
    """Short human form for the table (the CSV keeps full values): 567.5M, 4.45B, 0.18."""
    if v is None:
        return ""
    if isinstance(v, float):
        for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
            if abs(v) >= size:
                return f"{v / size:.4g}{suffix}"
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
        table = Table(title=f"{path.name}: {len(call.facts)} facts, {len(call.guidance)} guidance", expand=False)
        for c in ("kind", "metric", "value", "unit", "period", "turn"):
            table.add_column(c, no_wrap=True)
        for row in rows(call):
            value = _fmt(row["value"]) if row["low"] is None else f"{_fmt(row['low'])} to {_fmt(row['high'])}"
            kind = "guide" if row["kind"] == "guidance" else "fact"
            table.add_row(kind, row["metric"], value, row["unit"], _fmt(row["period"]), str(row["turn"]))
        out.print(table)
