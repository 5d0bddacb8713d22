"""Ingest throughput: calls/s into a fresh store with 1 and 2 parser processes, and the no-op re-run.

    python benchmarks/bench_ingest.py ../shared/data/transcripts ../shared/data/ectsum/*/ects --workers 1 2

Prints one line per worker count and a JSON summary (paste the table into BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

from callscope.corpus import ingest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    results = []
    for w in args.workers:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.db"
            t0 = time.perf_counter()
            first = ingest(args.paths, db, workers=w)
            wall = time.perf_counter() - t0
            t1 = time.perf_counter()
            again = ingest(args.paths, db, workers=w)
            rerun = time.perf_counter() - t1
            mb = sum(i for i in [db.stat().st_size]) / 1e6
        row = {
            "workers": w, "files": first.seen, "stored": first.stored, "failed": len(first.failures),
            "duplicates": first.duplicates, "seconds": round(wall, 2), "calls_per_s": round(first.stored / wall, 1),
            "rerun_seconds": round(rerun, 2), "rerun_stored": again.stored, "store_mb": round(mb, 1),
        }
        results.append(row)
        print(f"workers={w}: {row['stored']} calls ({row['failed']} failed) in {row['seconds']}s = {row['calls_per_s']} calls/s; "
              f"re-run {row['rerun_seconds']}s ({row['rerun_stored']} written); store {row['store_mb']} MB", flush=True)
    env = {"cpus": os.cpu_count(), "python": platform.python_version(), "load_avg": os.getloadavg()}
    print(json.dumps({"env": env, "results": results}))


if __name__ == "__main__":
    main()
