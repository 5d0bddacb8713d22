"""Ingest through a local dask.distributed cluster builds the same store as a local ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from callscope.corpus import ingest
from callscope.errors import CallscopeError

from .corpus_util import dump, make_calls

distributed = pytest.importorskip("distributed", reason="dask.distributed not installed (pip install 'callscope[distributed]')")


@pytest.mark.slow
def test_dask_ingest_matches_local_ingest(tmp_path: Path) -> None:
    make_calls(tmp_path / "in", quarters=8, companies=3)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    local = ingest([tmp_path / "in"], tmp_path / "local.db", workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = ingest([tmp_path / "in"], tmp_path / "dask.db", scheduler=cluster.scheduler_address)
        again = ingest([tmp_path / "in"], tmp_path / "dask.db", scheduler=cluster.scheduler_address)
    assert (report.stored, report.failures) == (local.stored, local.failures) == (24, [(str((tmp_path / "in" / "empty.txt").resolve()), "empty file")])
    assert again.unchanged == 24 and again.stored == 0
    assert dump(tmp_path / "dask.db") == dump(tmp_path / "local.db")
    assert not (tmp_path / "dask.db.shards").exists()  # shards are removed once loaded


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CALLSCOPE_DASK_TIMEOUT", "2s")
    make_calls(tmp_path / "in", quarters=1, companies=1)
    with pytest.raises(CallscopeError, match="cannot reach the dask scheduler"):
        ingest([tmp_path / "in"], tmp_path / "c.db", scheduler="tcp://127.0.0.1:9")
