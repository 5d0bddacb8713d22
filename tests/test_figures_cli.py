"""`callscope figures FILE --csv` on a synthetic call written for the test (fictional company)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from callscope.cli import app

CALL = """Operator
Welcome to the Zorblax Widgets second quarter 2031 earnings call.
Dana Quill - Chief Financial Officer
Thank you. Revenue for the second quarter was $42.5 million, up 12% from the second quarter of last year. Gross margin was 48.1%.
We expect revenue for the third quarter in the range of $44 million to $46 million.
Dana Quill - Chief Financial Officer
Thanks everyone.
"""


def test_figures_csv(tmp_path: Path) -> None:
    src = tmp_path / "zorblax.txt"
    src.write_text(CALL, encoding="utf-8")
    res = CliRunner().invoke(app, ["figures", str(src), "--csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    kinds = [(r["kind"], r["metric"], r["unit"]) for r in rows]
    assert ("fact", "revenue", "USD") in kinds and ("fact", "gross_margin", "%") in kinds
    guid = [r for r in rows if r["kind"] == "guidance"]
    assert len(guid) == 1 and float(guid[0]["low"]) == 44e6 and float(guid[0]["high"]) == 46e6
    rev = next(r for r in rows if r["metric"] == "revenue" and r["kind"] == "fact" and r["text"] == "$42.5 million")
    assert float(rev["value"]) == 42.5e6 and rev["source"] == str(src)


def test_figures_table_and_bad_file(tmp_path: Path) -> None:
    src = tmp_path / "zorblax.txt"
    src.write_text(CALL, encoding="utf-8")
    res = CliRunner().invoke(app, ["figures", str(src)])
    assert res.exit_code == 0 and "guidance" in res.stdout
    res = CliRunner().invoke(app, ["figures", str(tmp_path / "missing.txt")])
    assert res.exit_code != 0 and "Traceback" not in res.output
