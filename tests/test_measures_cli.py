"""`callscope measures` on a synthetic call: levels, CSV and JSON, options."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from callscope.cli import app

from .synthetic_calls import dash_call

REMARKS = "Revenue grew strongly and we achieved record profitability. We expect further improvement next year."
ANSWER = "We don't break that out, and we're not going to comment on pricing by customer."


def _file(tmp_path: Path) -> Path:
    p = tmp_path / "northwind_q3_2031.txt"
    p.write_text(dash_call(ANSWER, remarks=REMARKS), encoding="utf-8")
    return p


def test_by_exchange_csv(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["measures", str(_file(tmp_path)), "--by", "exchange", "--csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 1
    assert rows[0]["non_answer"] == "True" and "refuse" in rows[0]["non_answer_types"]
    assert int(rows[0]["answer_words"]) > 0 and "question_words" in rows[0]


def test_by_section_and_speaker(tmp_path: Path) -> None:
    f = _file(tmp_path)
    sections = list(csv.DictReader(io.StringIO(CliRunner().invoke(app, ["measures", str(f), "--by", "section", "--csv"]).stdout)))
    assert [r["section"] for r in sections] == ["presentation", "qa"]
    pres = sections[0]
    assert int(pres["positive"]) >= 3 and float(pres["net_tone"]) > 0  # grew strongly / achieved / record profitability ...
    assert int(pres["forward_looking"]) == 1  # "We expect ..."
    speakers = list(csv.DictReader(io.StringIO(CliRunner().invoke(app, ["measures", str(f), "--by", "speaker", "--csv"]).stdout)))
    assert {r["role"] for r in speakers} >= {"executive", "analyst", "operator"}


def test_json_and_glz_option(tmp_path: Path) -> None:
    f = _file(tmp_path)
    res = CliRunner().invoke(app, ["measures", str(f), "--json", "--non-answers", "glz", "--lm-mode", "transcript"])
    assert res.exit_code == 0, res.output
    m = json.loads(res.stdout)["measures"]
    assert m["options"] == {"lm_mode": "transcript", "non_answer_method": "glz"}
    assert m["qa"]["analysts"] == 1 and m["qa"]["questions"] == 1
    assert m["lexicons"]["loughran_mcdonald"]["name"].startswith("Loughran-McDonald")
    assert any(s.get("non_answer") for s in m["sentences"])


def test_table_output_and_bad_file(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["measures", str(_file(tmp_path))])
    assert res.exit_code == 0 and "net_tone" in res.stdout
    bad = CliRunner().invoke(app, ["measures", str(tmp_path / "missing.txt")])
    assert bad.exit_code != 0 and "Traceback" not in bad.output
