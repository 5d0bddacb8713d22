#!/usr/bin/env python3
"""Fit callscope's non-answer detector on the GLZ *train half* and cross-validate it.

  python ../shared/tools/nonanswer_calls.py ../shared/data/nonanswers/train_text.csv /tmp/na_calls > /tmp/na_keys.csv
  python scripts/train_nonanswer_detector.py ../shared/data/nonanswers/train_labels.csv /tmp/na_keys.csv /tmp/na_calls \
      [--write src/callscope/lexicons/data/nonanswer_detector.txt]

Each generated call goes through callscope (read + the same sentence hits the runtime uses), so the
model sees exactly what it will see at run time. L2-regularised logistic regression by Newton steps;
the threshold is the highest that keeps the *training* TPR at or above --target-tpr. Repeated
stratified k-fold CV reports held-out accuracy, precision and TPR as mean and spread. Development
only (needs numpy); never run on held-out data.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
from pathlib import Path

import numpy as np

from callscope import read
from callscope.measures.nonanswers.detector import FEATURES, features
from callscope.measures.nonanswers.sentences import answer_hits


def load(labels_csv: str, keys_csv: str, calls_dir: str) -> tuple[np.ndarray, np.ndarray]:
    with open(labels_csv, encoding="utf-8") as fh:
        labels = {(r["file_name"], r["section"], r["answer_nums"]): r["is_nonans"] == "TRUE" for r in csv.DictReader(fh)}
    with open(keys_csv, encoding="utf-8") as fh:
        keys = fh.read().splitlines()
    xs, ys = [], []
    for line in keys:
        stem, *key = line.strip().split(",", 3)
        if tuple(key) not in labels:
            continue
        call = read(Path(calls_dir) / f"{stem}.txt")
        hits = [h for ex in call.exchanges for h in answer_hits(call, ex)]
        f = features(hits)
        xs.append([f[k] for k in FEATURES])
        ys.append(labels[tuple(key)])
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    reg = l2 * np.eye(xb.shape[1])
    reg[0, 0] = 0.0  # the intercept is not shrunk
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + reg @ w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(w[0] + x @ w[1:])))


def pick_threshold(p: np.ndarray, y: np.ndarray, target_tpr: float) -> float:
    """The highest threshold whose TPR on (p, y) is still >= target_tpr (higher = more precise)."""
    pos = np.sort(p[y == 1])[::-1]
    k = int(np.ceil(target_tpr * len(pos))) - 1
    return float(pos[max(0, min(k, len(pos) - 1))])


def scores(pred: np.ndarray, y: np.ndarray) -> dict[str, float]:
    tp = float(((pred == 1) & (y == 1)).sum())
    fp = float(((pred == 1) & (y == 0)).sum())
    fn = float(((pred == 0) & (y == 1)).sum())
    return {"accuracy": float((pred == y).mean()), "precision": tp / max(1.0, tp + fp), "tpr": tp / max(1.0, tp + fn)}


GLZ_COLUMNS = [i for i, name in enumerate(FEATURES) if name.startswith("glz_")]


def cross_validate(x: np.ndarray, y: np.ndarray, l2: float, target: float, k: int, repeats: int) -> dict[str, list[float]]:
    """Held-out fold scores of the detector, and of GLZ's any-pattern rule on the very same folds (key prefix `glz_`)."""
    out: dict[str, list[float]] = {
        "accuracy": [],
        "precision": [],
        "tpr": [],
        "glz_accuracy": [],
        "glz_precision": [],
        "glz_tpr": [],
    }
    glz_pred = (x[:, GLZ_COLUMNS].sum(axis=1) > 0).astype(float)
    for r in range(repeats):
        rng = np.random.default_rng(r)
        folds = np.empty(len(y), dtype=int)
        for cls in (0, 1):  # stratified: each fold gets its share of non-answers
            idx = rng.permutation(np.flatnonzero(y == cls))
            folds[idx] = np.arange(len(idx)) % k
        for f in range(k):
            tr, te = folds != f, folds == f
            w = fit(x[tr], y[tr], l2)
            t = pick_threshold(predict(w, x[tr]), y[tr], target)
            for key, v in scores((predict(w, x[te]) >= t).astype(float), y[te]).items():
                out[key].append(v)
            for key, v in scores(glz_pred[te], y[te]).items():
                out[f"glz_{key}"].append(v)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("labels")
    ap.add_argument("keys")
    ap.add_argument("calls")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--target-tpr", type=float, default=0.85)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--write", help="write the fitted model as a lexicon data file")
    a = ap.parse_args()
    x, y = load(a.labels, a.keys, a.calls)
    cv = cross_validate(x, y, a.l2, a.target_tpr, a.folds, a.repeats)
    summary = {k: (statistics.mean(v), statistics.stdev(v), min(v), max(v)) for k, v in cv.items()}
    for k, (m, s, lo, hi) in summary.items():
        print(f"cv {a.repeats}x{a.folds}-fold {k}: mean {m:.4f} sd {s:.4f} range {lo:.4f}-{hi:.4f}")
    w = fit(x, y, a.l2)
    t = pick_threshold(predict(w, x), y, a.target_tpr)
    full = scores((predict(w, x) >= t).astype(float), y)
    print(
        "full train fit:", {k: round(v, 4) for k, v in full.items()}, f"threshold {t:.4f}", f"n={len(y)} positives={int(y.sum())}"
    )
    if a.write:
        cv_note = "; ".join(f"{k} {m:.3f}+-{s:.3f}" for k, (m, s, _, _) in summary.items() if not k.startswith("glz_"))
        lines = [
            "# name: nonanswer_detector",
            "# version: 1",
            "# source: callscope logistic regression fitted on the GLZ (2021) non-answer train half by scripts/train_nonanswer_detector.py",
            f"# fit: l2={a.l2} target_tpr={a.target_tpr} n={len(y)} positives={int(y.sum())}",
            f"# cv: {a.repeats}x{a.folds}-fold held-out {cv_note}",
            "# feature <TAB> weight ((intercept) and (threshold) on the probability are special rows)",
            f"(intercept)\t{w[0]:.6f}",
            *(f"{name}\t{wi:.6f}" for name, wi in zip(FEATURES, w[1:], strict=True)),
            f"(threshold)\t{t - 5e-6:.6f}",  # just below the fitted cut, so 6-decimal weights keep its decisions
        ]
        Path(a.write).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print("wrote", a.write, file=sys.stderr)


if __name__ == "__main__":
    main()
