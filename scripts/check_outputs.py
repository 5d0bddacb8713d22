"""Snapshot `callscope parse --json` output for a fixed set of files, and check later output is byte-identical.

Performance work must not change results: save once before optimising, check after each change.

    python scripts/check_outputs.py save /tmp/snap --data ../shared/data
    python scripts/check_outputs.py check /tmp/snap
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "callscope" / "samples"


def default_files(data: Path) -> list[Path]:
    """All StreetEvents and Refinitiv calls, every 5th mixed call (~100), two ASR calls, 60 ECTSum calls, the samples."""
    t = data / "transcripts"
    mixed = sorted(p for p in (t / "mixed").rglob("*") if p.is_file())
    asr = sorted(p for p in (t / "asr").rglob("*") if p.is_file())
    ects = sorted(p for p in (data / "ectsum").rglob("*") if p.is_file() and "/ects/" in str(p))
    return [
        *sorted(p for p in (t / "streetevents").rglob("*") if p.is_file()),
        *sorted(p for p in (t / "refinitiv").rglob("*") if p.is_file()),
        *mixed[::5],
        *asr[:2],
        *ects[:: max(1, len(ects) // 60)],
        *sorted(SAMPLES.glob("*.txt")),
    ]


def render(path: str) -> tuple[str, bytes]:
    """The JSON `callscope parse --json` prints for one file (or the error line)."""
    from callscope.errors import CallscopeError
    from callscope.pipeline import read

    try:
        return path, read(path).to_json()
    except CallscopeError as exc:
        return path, f"ERROR {exc}".encode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=["save", "check"])
    ap.add_argument("snapshot", type=Path)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args()
    index = args.snapshot / "index.json"
    files = [str(p) for p in default_files(args.data)] if args.mode == "save" else list(json.loads(index.read_text()))
    with ProcessPoolExecutor(args.jobs) as pool:
        results = dict(pool.map(render, files, chunksize=4))
    digests = {p: hashlib.sha256(b).hexdigest() for p, b in results.items()}
    if args.mode == "save":
        args.snapshot.mkdir(parents=True, exist_ok=True)
        index.write_text(json.dumps(digests, indent=0))
        with (args.snapshot / "outputs.jsonl").open("wb") as fh:
            for p in files:
                fh.write(results[p] + b"\n")
        print(f"saved {len(files)} outputs to {args.snapshot}")
        return
    saved = json.loads(index.read_text())
    bad = [p for p in files if saved[p] != digests[p]]
    for p in bad:
        print(f"DIFFERS: {p}")
        (args.snapshot / "last_diff").mkdir(exist_ok=True)
        (args.snapshot / "last_diff" / (hashlib.sha1(p.encode()).hexdigest()[:10] + ".json")).write_bytes(results[p])
    print(f"{len(files) - len(bad)}/{len(files)} identical")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
