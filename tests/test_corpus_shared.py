"""The corpus on real transcripts from ../shared/data (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from callscope.corpus import Corpus

from .conftest import shared_path


@pytest.mark.shared
@pytest.mark.slow
def test_streetevents_ingest_search_and_no_op_rerun(tmp_path: Path) -> None:
    folder = shared_path("transcripts", "streetevents")
    n = sum(1 for p in folder.rglob("*.txt"))
    with Corpus(tmp_path / "c.db") as corpus:
        report = corpus.ingest([folder], workers=2)
        assert (report.stored, report.failures) == (n, [])
        again = corpus.ingest([folder], workers=2)
        assert (again.unchanged, again.stored) == (n, 0)
        hits = corpus.search("supply chain", limit=20)
        assert len(hits) == 20 and [h.date or "" for h in hits] == sorted((h.date or "" for h in hits), reverse=True)
        intel = corpus.calls("Intel")
        assert len(intel) >= 10 and intel.period_key.is_monotonic_increasing
