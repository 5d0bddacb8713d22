"""Instructions per call of the ingest parser, counted by valgrind: a speed figure that host noise cannot move.

    python benchmarks/bench_instructions.py ../shared/data/transcripts ../shared/data/ectsum/*/ects [--every 100] [--calls 26]

On a shared machine wall clock and even CPU seconds drift by 10-20% within an hour, which hides
changes of a few percent. This runs `corpus.ingest.parse_payload` (parse, structure, extract,
measures, rows) under `valgrind --tool=callgrind` twice: once over one warm-up call and then `--calls`
more calls (every `--every`-th input file), and once over the warm-up call alone. The difference over
`--calls` is the instructions per call, without imports and one-time setup. Instructions are not time
(cache misses and branch mispredictions cost no instructions) but they track the interpreter's work.
Compare two trees by running the script with each one's `PYTHONPATH`. The hash seed is fixed (0, unless
PYTHONHASHSEED is set): set iteration order moves the count by several percent between runs.
Under valgrind Python runs ~70x slower: with the defaults the two runs take ~2.5 minutes side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

RUN = """
import sys
from callscope.corpus.ingest import parse_payload
from callscope.corpus.sources import Item, expand
every, n, paths = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
items = [i for i in expand(paths) if isinstance(i, Item)][::every]
parse_payload(items[0].source, items[0].read())
for item in items[1 : 1 + n]:
    parse_payload(item.source, item.read())
print(len(items[1 : 1 + n]))
"""


def instructions(every: int, calls: int, paths: list[str]) -> tuple[int, int]:
    """(instructions valgrind counted, calls parsed after the warm-up call) for up to `calls` calls."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", RUN, str(every), str(calls), *paths],
        capture_output=True, text=True, env={"PYTHONHASHSEED": "0", **os.environ}, check=False,
    )
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if done.returncode != 0 or not found:
        sys.exit(f"valgrind run failed (exit {done.returncode}): {done.stderr.strip().splitlines()[-1:] or ''}")
    return int(found.group(1)), int(done.stdout.split()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--every", type=int, default=100, help="take every N-th input file (default 100)")
    ap.add_argument("--calls", type=int, default=26, help="calls to count after the warm-up call (default 26)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed: apt-get install valgrind")
    with ThreadPoolExecutor(2) as pool:  # the two valgrind runs side by side
        full = pool.submit(instructions, args.every, args.calls, args.paths)
        bare = pool.submit(instructions, args.every, 0, args.paths)
        (with_calls, calls), (setup, _) = full.result(), bare.result()
    if calls == 0:
        sys.exit("no calls to count after the warm-up call: lower --every")
    per_call = (with_calls - setup) / calls
    print(json.dumps({"calls": calls, "every": args.every, "instructions_total": with_calls, "instructions_setup": setup,
                      "instructions_per_call_millions": round(per_call / 1e6, 1)}))


if __name__ == "__main__":
    main()
