"""Shared StreetEvents calls and their re-renderings, scored by the team's structure scorer."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import callscope
from callscope.errors import CallscopeError

from .conftest import shared_path, tool_path

# (turn F1, role accuracy, section accuracy, analyst firm accuracy or None) from the issue
BARS = {
    "se": (0.99, 0.98, 0.99, 0.95),
    "fool": (0.99, 0.98, 0.99, 0.95),
    "dash": (0.99, 0.97, 0.99, None),
    "colon": (0.98, 0.95, 0.99, None),
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    src = shared_path("transcripts", "streetevents")
    out = tmp_path_factory.mktemp("gold")
    subprocess.run([sys.executable, str(tool_path("structure_gold.py")), str(src), str(out)], check=True, capture_output=True)
    preds = []
    for style in BARS:
        pred = out / f"{style}.jsonl"
        with pred.open("w") as fh:
            for f in sorted((out / style).glob("*.txt")):
                with contextlib.suppress(CallscopeError):  # a missing call counts against turn F1 in the scorer
                    fh.write(json.dumps(callscope.read(f).to_dict()) + "\n")
        preds.append(str(pred))
    res = subprocess.run(
        [sys.executable, str(tool_path("score_structure.py")), str(out / "gold"), *preds], check=True, capture_output=True, text=True
    )
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    return {r["rendering"]: r for r in rows}


@pytest.mark.parametrize("style", list(BARS))
def test_structure_scores(scores: dict[str, dict], style: str) -> None:
    row = scores[style]
    f1, role, section, firm = BARS[style]
    assert row["missing"] == 0
    assert row["turn_f1"] >= f1, row
    assert row["role_acc"] >= role, row
    assert row["section_acc"] >= section, row
    if firm is not None:
        assert row["analyst_firm_acc"] >= firm, row


def test_every_shared_transcript_parses_or_fails_cleanly() -> None:
    root = shared_path("transcripts")
    failures, qa, total, synced = [], 0, 0, 0
    for f in sorted(p for p in Path(root).rglob("*.txt")):
        total += 1
        try:
            call = callscope.read(f)
        except CallscopeError as exc:
            assert str(f) in str(exc) and "\n" not in str(exc)
            failures.append(f)
            continue
        qa += any(t.section == "qa" for t in call.turns) and bool(call.analysts)
        if b"<Sync" in f.read_bytes():  # StreetEvents files with transcription sync markers in the speech
            synced += 1
            assert not any("<Sync" in t.text or "  " in t.text for t in call.turns), f.name
    assert total > 700 and synced > 0
    assert len(failures) <= total * 0.01
    assert qa / total >= 0.85
