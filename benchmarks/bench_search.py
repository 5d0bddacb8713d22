"""Search latency (p50/p95) on a large store made by multiplying real calls.

    python benchmarks/bench_search.py --seed /tmp/shared.db --db /tmp/bench100k.db --calls 100000

`--seed` is a store built by `callscope ingest` from real transcripts; its calls are copied
(in SQL, through the same triggers that keep the FTS index) under varied company names,
tickers and dates until the target count is reached. Each query then runs `--repeat` times
for the 20 newest hits, as `callscope search` does.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from callscope.corpus import Corpus, Store

QUERIES: list[tuple[str, str, dict]] = [
    ("phrase", "supply chain", {}),
    ("phrase", "gross margin", {}),
    ("phrase", "free cash flow", {}),
    ("phrase", "foreign exchange", {}),
    ("phrase", "share repurchase", {}),
    ("phrase", "raising our guidance", {}),
    ("phrase+filters", "supply chain", {"role": "analyst", "section": "qa"}),
    ("phrase+filters", "gross margin", {"since": "2015-01-01", "role": "executive"}),
    ("phrase+company", "supply chain", {"company": "Intel"}),  # 37 copies of Intel: ~700 calls
    ("phrase+1 company", "supply chain", {"company": "NVIDIA Corp V2"}),
    ("phrase+dates", "supply chain", {"since": "2022-06-01", "until": "2022-12-31"}),
    ("rare filters", "supply chain", {"role": "analyst", "section": "presentation"}),
    ("prefix", "tariff*", {}),
    ("near", "NEAR(inventory elevated, 5)", {}),
    ("rare phrase", "cyber attack", {}),
]


def build(seed: Path, db: Path, target: int) -> None:
    """Copy the seed's calls (with participants, turns, exchanges, figures, measures) until `db` holds `target` calls."""
    store = Store(db)
    conn = store.conn
    conn.execute("ATTACH DATABASE ? AS seed", (f"file:{seed}?mode=ro",))
    n_seed = conn.execute("SELECT count(*) FROM seed.calls").fetchone()[0]
    have = conn.execute("SELECT count(*) FROM calls").fetchone()[0]
    max_seed_id = conn.execute("SELECT max(id) FROM seed.calls").fetchone()[0]
    k = have // n_seed
    while have < target:
        off = k * (max_seed_id + 1)
        date = f"date('1998-01-01', '+' || ((s.id * 7919 + {k} * 104729) % 9500) || ' days')"
        t0 = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute(
            f"""INSERT INTO companies(ticker, name_key, name)
                SELECT DISTINCT 'X{k}.' || coalesce(co.ticker, co.id), co.name_key || ' v{k}', co.name || ' V{k}'
                FROM seed.companies co"""
        )
        conn.execute(
            f"""INSERT INTO calls SELECT s.id + {off}, s.source || '#copy{k}', s.content_hash || '-{k}', s.size_bytes, s.format,
                   (SELECT id FROM companies n WHERE n.name_key = co.name_key || ' v{k}'),
                   coalesce(s.company, 'Unnamed Co') || ' V{k}', 'X{k}.' || coalesce(s.ticker, co.ticker, co.id, ''), s.title, {date},
                   s.fiscal_period, s.period_key, s.language, s.n_turns, s.n_words, s.qa_words, s.n_exchanges, s.warnings, NULL
                FROM seed.calls s LEFT JOIN seed.companies co ON co.id = s.company_id ORDER BY s.id LIMIT {target - have}"""
        )
        conn.execute(f"INSERT INTO participants SELECT p.call_id + {off}, p.pid, p.name, p.title, p.firm, p.role FROM seed.participants p "
                     f"WHERE p.call_id + {off} IN (SELECT id FROM calls)")
        conn.execute(
            f"""INSERT INTO turns(id, call_id, idx, speaker, role, section, n_words, text)
                SELECT ((CAST(julianday(c.date) - julianday('1900-01-01') AS INTEGER)) << 40) | (c.id << 16) | t.idx,
                       c.id, t.idx, t.speaker, t.role, t.section, t.n_words, t.text
                FROM seed.turns t JOIN calls c ON c.id = t.call_id + {off}"""
        )
        conn.execute(f"INSERT INTO exchanges SELECT e.call_id + {off}, e.idx, e.analyst, e.question_turns, e.answer_turns, "
                     f"e.non_answer, e.non_answer_types FROM seed.exchanges e WHERE e.call_id + {off} IN (SELECT id FROM calls)")
        for table in ("facts", "guidance", "measures"):  # so company pages and timelines have data too
            cols = [r[1] for r in conn.execute(f"PRAGMA seed.table_info({table})")]
            rest = ", ".join(f"x.{c}" for c in cols[1:])
            conn.execute(f"INSERT INTO {table} SELECT x.call_id + {off}, {rest} FROM seed.{table} x "
                         f"WHERE x.call_id + {off} IN (SELECT id FROM calls)")
        conn.execute("COMMIT")
        have = conn.execute("SELECT count(*) FROM calls").fetchone()[0]
        print(f"copy {k}: {have} calls ({time.perf_counter() - t0:.1f}s)", flush=True)
        k += 1
    conn.execute("DETACH DATABASE seed")
    conn.execute("INSERT INTO turns_fts(turns_fts) VALUES ('optimize')")
    store.close()


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=Path, required=True)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--calls", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--limit", type=int, default=20)
    args = ap.parse_args()
    t0 = time.perf_counter()
    build(args.seed, args.db, args.calls)
    print(f"store ready in {time.perf_counter() - t0:.0f}s: {args.db} ({args.db.stat().st_size / 1e9:.2f} GB)", flush=True)
    corpus = Corpus(args.db, readonly=True)
    n_calls = len(corpus)
    n_turns = corpus.conn.execute("SELECT count(*) FROM turns").fetchone()[0]
    rows, all_phrase = [], []
    for kind, q, filters in QUERIES:
        times, hits = [], 0
        for _ in range(args.repeat):
            t = time.perf_counter()
            hits = len(corpus.search(q, limit=args.limit, **filters))
            times.append((time.perf_counter() - t) * 1000)
        if kind == "phrase":
            all_phrase += times
        rows.append({"kind": kind, "query": q, "filters": filters, "hits": hits,
                     "p50_ms": round(statistics.median(times), 2), "p95_ms": round(pct(times, 95), 2)})
        print(f"{kind:15} {q!r:32} {filters!s:45} hits={hits:3} p50={rows[-1]['p50_ms']:7.2f} ms  p95={rows[-1]['p95_ms']:7.2f} ms", flush=True)
    summary = {"calls": n_calls, "turns": n_turns, "phrase_p50_ms": round(statistics.median(all_phrase), 2),
               "phrase_p95_ms": round(pct(all_phrase, 95), 2), "cpus": os.cpu_count(), "load_avg": os.getloadavg()}
    print(json.dumps({"summary": summary, "queries": rows}))


if __name__ == "__main__":
    main()
