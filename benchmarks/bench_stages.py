"""CPU time per pipeline stage (parse + structure, extract, measure, JSON encode) over the same calls.

    python benchmarks/bench_stages.py [--repeat 3] [--every 1] PATH...

Calls are read and structured once, then each stage is timed over all of them with
`time.process_time` (CPU seconds of this process, so another job on the machine costs less noise
than wall clock), median of --repeat runs. MB are bytes of input file; calls/s is per CPU second.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
from collections.abc import Callable

import msgspec

import callscope
from callscope.corpus.sources import Item, expand
from callscope.extract import extract
from callscope.measures import measure


def timed(fn: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        runs.append(time.process_time() - t)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--every", type=int, default=1, help="take every n-th file (a quicker sample)")
    args = ap.parse_args()
    items = [i for i in expand(args.paths) if isinstance(i, Item)][:: args.every]
    data = [(i.source, i.read()) for i in items]
    calls = []
    for source, raw in data:
        with contextlib.suppress(callscope.CallscopeError):
            calls.append(callscope.analyze(raw, name=source, stages=[]))
    mb = sum(len(raw) for _, raw in data) / 1e6
    extracted = [extract(c) for c in calls]
    full = [measure(c) for c in extracted]
    stages = {
        "parse + structure": lambda: [callscope.analyze(raw, name=s, stages=[]) for s, raw in data],
        "extract": lambda: [extract(c) for c in calls],
        "measure": lambda: [measure(c) for c in extracted],
        "to_dict + msgspec encode": lambda: [msgspec.json.encode(c.to_dict()) for c in full],
    }
    print(f"{len(calls)} calls, {mb:.2f} MB of input")
    print(f"{'stage':<28}{'CPU s':>9}{'MB/s':>9}{'calls/s':>10}")
    total = 0.0
    for name, fn in stages.items():
        t = timed(fn, args.repeat)
        total += t
        print(f"{name:<28}{t:>9.2f}{mb / t:>9.2f}{len(calls) / t:>10.1f}", flush=True)
    print(f"{'all (sum)':<28}{total:>9.2f}{mb / total:>9.2f}{len(calls) / total:>10.1f}")


if __name__ == "__main__":
    main()
