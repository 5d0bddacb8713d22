"""Ingest throughput: calls/s into a fresh store with 1 and 2 parser processes, and the no-op re-run.

    python benchmarks/bench_ingest.py ../shared/data/transcripts ../shared/data/ectsum/*/ects --workers 1 2 [--repeat 3]

Prints one line per run and a JSON summary of medians (paste the table into BENCHMARKS.md). Besides
wall-clock calls/s it reports CPU seconds of this process and of its parser processes (reaped when
the pool shuts down), which the other jobs on a shared machine disturb far less than wall clock.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import tempfile
import time
from pathlib import Path

from callscope.corpus import ingest


def cpu() -> tuple[float, float]:
    """(this process, reaped children) user + system CPU seconds."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def run(paths: list[str], workers: int) -> dict[str, object]:
    """One ingest into a fresh store, then the no-op re-run."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        c0, t0 = cpu(), time.perf_counter()
        first = ingest(paths, db, workers=workers)
        wall, c1 = time.perf_counter() - t0, cpu()
        t1 = time.perf_counter()
        again = ingest(paths, db, workers=workers)
        rerun = time.perf_counter() - t1
        mb = db.stat().st_size / 1e6
    parent, kids = c1[0] - c0[0], c1[1] - c0[1]
    row: dict[str, object] = {
        "workers": workers, "files": first.seen, "stored": first.stored, "failed": len(first.failures),
        "duplicates": first.duplicates, "seconds": round(wall, 2), "calls_per_s": round(first.stored / wall, 1),
        "mb_per_s": round(first.bytes_parsed / 1e6 / wall, 2), "cpu_parent_s": round(parent, 1), "cpu_workers_s": round(kids, 1),
        "cpu_ms_per_call": round(1000 * (parent + kids) / max(1, first.stored), 1),
        "rerun_seconds": round(rerun, 2), "rerun_stored": float(again.stored), "store_mb": round(mb, 1),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }
    print(f"workers={workers}: {row['stored']} calls ({row['failed']} failed) in {row['seconds']}s = {row['calls_per_s']} calls/s, "
          f"{row['mb_per_s']} MB/s; CPU parent {row['cpu_parent_s']}s + parsers {row['cpu_workers_s']}s = "
          f"{row['cpu_ms_per_call']} ms/call; re-run {row['rerun_seconds']}s ({int(again.stored)} written); "
          f"store {row['store_mb']} MB; load {row['load_avg_1m']}", flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    results = []
    for w in args.workers:
        runs = [run(args.paths, w) for _ in range(args.repeat)]
        row = {k: round(statistics.median(r[k] for r in runs), 2) if isinstance(runs[0][k], float) else runs[0][k] for k in runs[0]}
        row["runs"] = len(runs)
        results.append(row)
        if len(runs) > 1:
            print(f"workers={w}: median of {len(runs)}: {row['calls_per_s']} calls/s, {row['mb_per_s']} MB/s, "
                  f"{row['cpu_ms_per_call']} CPU ms/call", flush=True)
    env = {"cpus": os.cpu_count(), "python": platform.python_version(), "load_avg": os.getloadavg()}
    print(json.dumps({"env": env, "results": results}))


if __name__ == "__main__":
    main()
