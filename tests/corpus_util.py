"""Helpers for corpus tests: synthetic call folders and a canonical dump of a store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from callscope.corpus.synthetic import write_calls

COMPANIES = [
    ("Harborline Widgets Inc.", "HBWX"),
    ("Quillfeather Paper Co.", "QFPC"),
    ("Ostrava Robotics Corp.", "OSRB"),
]


def make_calls(folder: Path, quarters: int = 8, companies: int = 2, seed: int = 0) -> list[Path]:
    out: list[Path] = []
    for name, ticker in COMPANIES[:companies]:
        out += write_calls(folder / ticker, company=name, ticker=ticker, quarters=quarters, seed=seed)
    return out


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every stored table except the ingest log (which records when things happened)."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("INSERT INTO turns_fts(turns_fts) VALUES ('integrity-check')")
        tables = ["companies", "calls", "participants", "turns", "exchanges", "facts", "guidance", "measures"]
        out = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
        out["fts"] = conn.execute("SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'quarter' ORDER BY rowid").fetchall()
        return out
    finally:
        conn.close()
