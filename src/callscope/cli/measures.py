"""`callscope measures FILE [--by LEVEL] [--csv|--json]`: language measures at one level, as a table, CSV or JSON."""

from __future__ import annotations

import csv
import json as jsonlib
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ..measures import measure
from ..pipeline import analyze
from .app import app, each, out


class Level(StrEnum):
    call = "call"
    section = "section"
    role = "role"
    speaker = "speaker"
    exchange = "exchange"
    turn = "turn"
    sentence = "sentence"


class Method(StrEnum):
    detector = "detector"
    glz = "glz"


class Mode(StrEnum):
    reference = "reference"
    transcript = "transcript"


TABLE_COLUMNS = ("words", "sentences", "negative", "positive", "uncertainty", "net_tone", "fog", "forward_looking_share")


def rows(measures: dict[str, Any], level: Level) -> list[dict[str, Any]]:
    """Flat rows for one level (nested exchange question/answer figures get `question_`/`answer_` prefixes)."""
    if level is Level.call:
        return [{**measures["call"], **measures["qa"]}]
    if level is Level.section:
        return [{"section": k, **v} for k, v in measures["sections"].items()]
    if level is Level.role:
        return [{"role": k, **v} for k, v in measures["roles"].items()]
    if level is Level.speaker:
        return list(measures["speakers"])
    if level is Level.turn:
        return list(measures["turns"])
    if level is Level.sentence:
        return [
            {**s, "span": f"{s['span'][0]}-{s['span'][1]}", "non_answer": "|".join(s.get("non_answer", []))}
            for s in measures.get("sentences", [])
        ]
    flat = []
    for e in measures["exchanges"]:
        row = {k: v for k, v in e.items() if k not in ("question", "answer")}
        row["non_answer_types"] = "|".join(row["non_answer_types"])
        row.update({f"question_{k}": v for k, v in e["question"].items()})
        row.update({f"answer_{k}": v for k, v in e["answer"].items()})
        flat.append(row)
    return flat


@app.command("measures")
def measures_command(
    files: Annotated[list[Path], typer.Argument(help="Transcript files or folders.")],
    by: Annotated[Level, typer.Option("--by", help="Level to report.")] = Level.call,
    csv_out: Annotated[bool, typer.Option("--csv", help="CSV rows (one header; a `source` column names the file).")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="The whole `measures` object per file (JSON Lines).")] = False,
    lm_dictionary: Annotated[
        Path | None,
        typer.Option(
            "--lm-dictionary",
            help="A newer official LM Master Dictionary CSV (default: $CALLSCOPE_LM_DICTIONARY, else the packaged copy).",
        ),
    ] = None,
    lm_mode: Annotated[
        Mode, typer.Option("--lm-mode", help="reference = LM's procedure; transcript = Q&A pitfalls adjusted.")
    ] = Mode.reference,
    non_answers: Annotated[Method, typer.Option("--non-answers", help="Non-answer method for exchanges.")] = Method.detector,
) -> None:
    """Tone, uncertainty, complexity, non-answers and Q&A dynamics for each call, at the chosen level."""

    def work(p: Path) -> dict[str, Any]:
        call = analyze(p, stages=[])
        return measure(
            call,
            lm_dictionary=lm_dictionary,
            lm_mode=lm_mode.value,
            non_answer_method=non_answers.value,
            sentences=by is Level.sentence or json_out,
        ).measures

    writer: csv.DictWriter[str] | None = None
    for path, m in each(files, work):
        if json_out:
            sys.stdout.write(jsonlib.dumps({"source": str(path), "measures": m}) + "\n")
            continue
        table_rows = rows(m, by)
        if csv_out:
            for r in table_rows:
                r = {"source": str(path), **r}
                if writer is None:
                    writer = csv.DictWriter(sys.stdout, fieldnames=list(r), extrasaction="ignore", lineterminator="\n")
                    writer.writeheader()
                writer.writerow(r)
            continue
        _table(path, by, table_rows)


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    return f"{v:.4f}" if isinstance(v, float) else str(v)


def _table(path: Path, level: Level, table_rows: list[dict[str, Any]]) -> None:
    """One call: every figure as a metric/value list; other levels: the headline columns, one row each."""
    table = Table(title=f"{path} — by {level.value}", show_edge=False)
    if level is Level.call:
        table.add_column("metric")
        table.add_column("value", justify="right")
        for k, v in table_rows[0].items():
            table.add_row(k, _fmt(v))
        out.print(table)
        return
    ids = ("section", "role", "participant", "name", "exchange", "analyst", "turn", "non_answer", "non_answer_types")
    keys = [k for k in ids if table_rows and k in table_rows[0]]
    if level is Level.exchange:  # the answer's headline figures; --csv has them all, questions included
        keys += [f"answer_{k}" for k in ("words", "uncertainty", "net_tone")]
    else:
        keys += [k for k in TABLE_COLUMNS if table_rows and k in table_rows[0]]
    for k in keys:
        table.add_column(k, overflow="fold")
    for r in table_rows:
        table.add_row(*(_fmt(r.get(k)) for k in keys))
    out.print(table)
