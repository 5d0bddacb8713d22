"""Distributed ingest on a local dask cluster: calls/s, and that the store matches a local ingest.

    python benchmarks/bench_dask.py ../shared/data/transcripts ../shared/data/ectsum/*/ects --workers 2

Needs the `distributed` extra. The cluster runs on this machine, so it measures the overhead of
the dask path (batches, Parquet shards) rather than a speed-up.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from callscope.corpus import ingest


def rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT id, source, content_hash, company_id, n_turns FROM calls ORDER BY id").fetchall()
    finally:
        conn.close()


def main() -> None:
    from distributed import LocalCluster

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        local, dask_db = Path(tmp) / "local.db", Path(tmp) / "dask.db"
        t0 = time.perf_counter()
        ingest(args.paths, local, workers=args.workers)
        t_local = time.perf_counter() - t0
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            t0 = time.perf_counter()
            report = ingest(args.paths, dask_db, scheduler=cluster.scheduler_address)
            t_dask = time.perf_counter() - t0
        same = rows(local) == rows(dask_db)
    print(f"process pool: {report.stored / t_local:.1f} calls/s; dask ({args.workers} workers): {report.stored} calls, "
          f"{len(report.failures)} failed in {t_dask:.1f}s = {report.stored / t_dask:.1f} calls/s; same store: {same}")


if __name__ == "__main__":
    main()
