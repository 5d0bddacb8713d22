"""Parse + structure throughput (MB/s per CPU-second, one core) on the shared transcripts.

    python benchmarks/bench_parse.py [--repeat 5] [DIR ...]

Side by side with a baseline that only decodes and normalises the same bytes (the floor any
reader pays), so the figure is also a ratio that survives a noisy machine. Reports medians.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from pathlib import Path

from callscope.errors import CallscopeError
from callscope.readers import read_raw
from callscope.readers.source import decode
from callscope.structure import structure

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "transcripts"


def load(dirs: list[Path]) -> list[tuple[str, bytes]]:
    files = sorted(p for d in dirs for p in d.rglob("*.txt"))
    return [(str(p), p.read_bytes()) for p in files]


def baseline(corpus: list[tuple[str, bytes]]) -> None:
    for name, data in corpus:
        with contextlib.suppress(CallscopeError):
            decode(data, name).split("\n")


def pipeline(corpus: list[tuple[str, bytes]]) -> None:
    for name, data in corpus:
        with contextlib.suppress(CallscopeError):
            structure(read_raw(decode(data, name), name))


def timed(fn, corpus) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds of this process: on a shared, noisy machine wall time mostly measures the neighbours."""
    t = time.process_time()
    fn(corpus)
    return time.process_time() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", type=Path, default=[DEFAULT])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    corpus = load(args.dirs)
    mb = sum(len(d) for _, d in corpus) / 1e6
    base, full = [], []
    for _ in range(args.repeat):  # interleaved, so both see the same machine noise
        base.append(timed(baseline, corpus))
        full.append(timed(pipeline, corpus))
    b, f = statistics.median(base), statistics.median(full)
    print(f"files={len(corpus)} MB={mb:.1f} repeat={args.repeat}")
    print(f"baseline decode+split: {b:.2f}s  {mb / b:.1f} MB/s")
    print(f"parse+structure:       {f:.2f}s  {mb / f:.1f} MB/s  ({f / b:.1f}x the baseline time)")


if __name__ == "__main__":
    main()
