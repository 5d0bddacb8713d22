"""Throughput of figure extraction (MB/s of turn text), with baselines side by side.

    python benchmarks/bench_figures.py [--repeat 5] [--limit N]

Reads the shared ECTSum (train + val) and seed calls, structures them once, then times
`callscope.extract.extract` over all of them (median of --repeat runs). Baselines on the same text:
a plain regex number scan (what a naive extractor does) and the read+structure pipeline itself,
so the figure is also a ratio. The machine is shared and noisy: compare medians, not single runs.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

import callscope
from callscope.extract import extract

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NUM = re.compile(r"\$?\d[\d,]*(?:\.\d+)?\s*(?:%|percent|billion|million|thousand)?")


def corpus(limit: int | None) -> list[Path]:
    files = sorted((SHARED / "ectsum" / "train" / "ects").glob("*.txt")) + sorted(
        (SHARED / "ectsum" / "val" / "ects").glob("*.txt")
    )
    files += sorted((SHARED / "seeds").glob("*.txt"))
    return files[:limit] if limit else files


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    files = corpus(args.limit)
    if not files:
        sys.exit(f"shared data not available under {SHARED}")
    texts = [p.read_bytes() for p in files]
    calls = [callscope.analyze(t, name=str(p), stages=[]) for p, t in zip(files, texts, strict=True)]
    turn_text = [c.text for c in calls]
    mb = sum(len(t.encode("utf-8")) for t in turn_text) / 1e6
    extract(calls[0])  # compile the grammar outside the timing

    t_extract = timed(lambda: [extract(c) for c in calls], args.repeat)
    t_regex = timed(lambda: [sum(1 for _ in NUM.finditer(t)) for t in turn_text], args.repeat)
    t_structure = timed(
        lambda: [callscope.analyze(t, name=str(p), stages=[]) for p, t in zip(files, texts, strict=True)],
        max(1, args.repeat // 2),
    )
    n_fig = sum(len(c.facts) + len(c.guidance) for c in (extract(c) for c in calls))
    print(f"calls: {len(calls)}   turn text: {mb:.2f} MB   figures: {n_fig}   python {sys.version.split()[0]}")
    print(f"{'stage':<34}{'median s':>10}{'MB/s':>10}{'x extract':>11}")
    for name, t in (
        ("figures extract()", t_extract),
        ("baseline: plain regex number scan", t_regex),
        ("baseline: read + structure", t_structure),
    ):
        print(f"{name:<34}{t:>10.3f}{mb / t:>10.2f}{t / t_extract:>11.3f}")


if __name__ == "__main__":
    main()
