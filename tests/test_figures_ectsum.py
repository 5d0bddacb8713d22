"""ECTSum recall, scored by the team's shared scorer on the val split (the bars of issue #3)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import callscope

from .conftest import shared_path, tool_path

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def test_ectsum_val_recall(tmp_path: Path) -> None:
    split = shared_path("ectsum", "val")
    scorer = tool_path("score_numbers.py")
    pred = tmp_path / "pred.jsonl"
    with pred.open("wb") as f:
        for path in sorted((split / "ects").glob("*.txt")):
            f.write(callscope.read(path).to_json() + b"\n")
    res = subprocess.run([sys.executable, str(scorer), str(split), str(pred)], capture_output=True, text=True, check=True)
    score = json.loads(res.stdout)
    assert score["docs"] == len(list((split / "ects").glob("*.txt")))
    assert score["value_recall"] >= 0.95, score
    assert score["metric_recall"] >= 0.85, score
    assert score["guidance_recall"] >= 0.85, score
