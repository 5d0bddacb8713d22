"""Web reader page times on a large store: a 20,000-word call among 10,000 calls.

    python benchmarks/bench_web.py --db /tmp/benchweb.db --calls 10000 --repeat 20

Builds (once; reused when `--db` exists) a seed store from fictional calls (corpus.synthetic, 8
companies x 12 quarters) plus one long call of about `--words` words, then multiplies it to
`--calls` calls with `bench_search.build` (SQL copies of every table). Each page is fetched
`--repeat` times in process (FastAPI TestClient: routing, store reads, view building, Jinja
rendering; no network). Baseline, side by side: the same call as JSON (`/calls/ID.json`), i.e.
reading the call from the store and serialising it without any view work.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from callscope.corpus import Corpus
from callscope.corpus.synthetic import ANALYSTS, ANSWERS, QUESTIONS, TOPICS, write_calls
from callscope.web import create_app

sys.path.insert(0, str(Path(__file__).parent))
from bench_search import build, pct

FIGURES = [
    "Revenue for the quarter was ${r:.1f} million, up {g}% year over year.",
    "Gross margin was {m:.1f}%, up {b} basis points, and operating expenses were ${o:.1f} million.",
    "For the next quarter we expect revenue of ${lo} million to ${hi} million.",
    "We may see some uncertainty in delivery schedules, and results could vary depending on demand.",
]


def long_call(path: Path, words: int, seed: int = 7) -> Path:
    """One fictional call of about `words` words in the `Name - Title` format: long remarks, many exchanges."""
    rnd = random.Random(seed)
    lines = ["Q4 2021 Longwind Systems Inc Earnings Call", "Longwind Systems Inc (NASDAQ: LWSI)", "Operator",
             "Good afternoon and welcome to the Longwind Systems fourth quarter 2021 earnings call. This call is being recorded "
             "on Thursday, February 3, 2022. I would now like to turn the call over to Ava Reed, Chief Executive Officer."]
    count = 0

    def para(n: int) -> str:
        nonlocal count
        out = []
        for _ in range(n):
            pick = rnd.random()
            if pick < 0.35:
                s = rnd.choice(FIGURES).format(r=rnd.uniform(100, 900), g=rnd.randint(2, 40), m=rnd.uniform(30, 60),
                                               b=rnd.randint(10, 300), o=rnd.uniform(20, 90), lo=rnd.randint(100, 200), hi=rnd.randint(201, 300))
            else:
                s = rnd.choice(TOPICS)
            out.append(s)
        text = " ".join(out)
        count += len(text.split())
        return text

    for speaker in ("Ava Reed - Chief Executive Officer", "Noah Park - Chief Financial Officer"):
        lines.append(speaker)
        lines += [para(6) for _ in range(30)]
    lines += ["With that, operator, please open the line for questions.", "Operator", "(Operator Instructions)"]
    k = 0
    while count < words:
        name, firm = ANALYSTS[k % len(ANALYSTS)]
        lines += [f"Your next question comes from the line of {name} with {firm}.", f"{name} - Analyst", rnd.choice(QUESTIONS),
                  rnd.choice(("Ava Reed - Chief Executive Officer", "Noah Park - Chief Financial Officer")),
                  rnd.choice(ANSWERS) + " " + para(8), "Operator"]
        count += 40
        k += 1
    lines.append("That concludes today's call.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_store(db: Path, calls: int, words: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = [long_call(root / "LWSI_2021_Q4.txt", words)]
        for i, (name, ticker) in enumerate([("Acme Widgets", "ACME"), ("Bolt Gadgets", "BOLT"), ("Cobalt Foods", "CBLT"),
                                            ("Delta Freight", "DLTF"), ("Ember Energy", "EMBR"), ("Fjord Media", "FJRD"),
                                            ("Garnet Health", "GRNT"), ("Harbor Retail", "HRBR")]):
            files += write_calls(root / ticker, company=name, ticker=ticker, start=2010 + i, quarters=12, seed=i)
        seed = root / "seed.db"
        with Corpus(seed) as corpus:
            report = corpus.ingest(files, workers=2)
        assert not report.failures, report.failures
        build(seed, db, calls)


def timed(client: TestClient, url: str, repeat: int) -> dict[str, float]:
    client.get(url)  # warm: templates compiled, lexicons loaded
    times, size = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200, (url, r.status_code)
        size = len(r.content)
    med = statistics.median(times)
    return {"p50_ms": round(med, 1), "p95_ms": round(pct(times, 95), 1), "bytes": size, "mb_s": round(size / 1e6 / (med / 1000), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "callscope-bench-web.db")
    ap.add_argument("--calls", type=int, default=10_000)
    ap.add_argument("--words", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    if not args.db.exists():
        make_store(args.db, args.calls, args.words)
    with Corpus(args.db, readonly=True) as corpus:
        n_calls = len(corpus)
        call_id, n_words = corpus.conn.execute("SELECT id, n_words FROM calls ORDER BY n_words DESC LIMIT 1").fetchone()
        company_id = corpus.conn.execute("SELECT company_id FROM calls WHERE id = ?", (call_id,)).fetchone()[0]
        busiest = corpus.conn.execute("SELECT company_id FROM calls GROUP BY company_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    client = TestClient(create_app(args.db))
    pages = {
        "baseline: call as JSON": f"/calls/{call_id}.json",
        "call reader (20k words)": f"/calls/{call_id}",
        "company page (long call's company)": f"/companies/{company_id}",
        "company page (12 quarters)": f"/companies/{busiest}",
        "search phrase, page 1": "/search?q=supply+chain",
        "search phrase, page 5": "/search?q=supply+chain&page=5",
        "search + filters": "/search?q=gross+margin&role=analyst&section=qa&since=2012-01-01",
        "home": "/",
        "companies": "/companies",
    }
    results = {name: timed(client, url, args.repeat) for name, url in pages.items()}
    base = results["baseline: call as JSON"]["p50_ms"]
    print(f"store: {n_calls:,} calls; long call: {n_words:,} words; repeat {args.repeat}")
    print(f"{'page':40} {'p50 ms':>8} {'p95 ms':>8} {'x JSON':>7} {'KB':>8} {'MB/s':>6}")
    for name, r in results.items():
        print(f"{name:40} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} {r['p50_ms'] / base:7.1f} {r['bytes'] / 1024:8.0f} {r['mb_s']:6.1f}")
    print(json.dumps({"calls": n_calls, "long_call_words": n_words, "machine": platform.machine(), "cpus": os.cpu_count(),
                      "results": results}))


if __name__ == "__main__":
    main()
