"""Fit the linear sentence scorer of the ``storylens`` summarizer.

Reads clusters of ``../shared/data/multinews_train.jsonl.gz``, computes the
features of :mod:`storylens.summarizers.features` for every candidate sentence
and labels it by membership of the greedy ROUGE-1+2 oracle summary (300 words)
against the reference; fits a logistic regression and writes its weights as
plain JSON (``src/storylens/data/scorer.json``).

    nice .venv/bin/python benchmarks/train_scorer.py            # first 20,000 clusters, about 3 minutes

Check a new scorer on the DUC sets (benchmarks/quality.py) before adopting it.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.evaluation.run import read_dataset  # noqa: E402
from storylens.evaluation.baselines import ngrams, oracle_order  # noqa: E402
from storylens.summarizers.features import FEATURES, feature_matrix  # noqa: E402
from storylens.summarizers.pool import SentencePool  # noqa: E402

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def rouge_tokenizer():
    """rouge-score's tokenization (lower case, alphanumerics, Porter stems of
    tokens longer than 3), with the stems cached for speed."""
    from nltk.stem import porter

    stemmer = porter.PorterStemmer()
    stem = functools.lru_cache(maxsize=200_000)(stemmer.stem)

    def tokenize(text: str) -> list[str]:
        return [stem(t) if len(t) > 3 else t for t in _NON_ALNUM.sub(" ", text.lower()).split()]

    return tokenize


def examples(clusters, words: int):
    tok = rouge_tokenizer()
    for c in clusters:
        pool = SentencePool.build(list(c.documents))
        if len(pool.sentences) < 2:
            continue
        X = feature_matrix(pool)
        toks = [tok(s.text) for s in pool.sentences]
        refs = [tok(r) for r in c.summaries]
        counts = [len(s.text.split()) for s in pool.sentences]
        y = np.zeros(len(pool.sentences))
        y[oracle_order(toks, refs, words, counts)] = 1.0
        yield X, y, precision_labels(toks, refs)


def precision_labels(toks, refs) -> np.ndarray:
    """Per sentence: its ROUGE-1 and ROUGE-2 precision against the best reference (two columns)."""
    ref_ng = [(ngrams(r, 1), ngrams(r, 2)) for r in refs]
    out = np.zeros((len(toks), 2))
    for i, t in enumerate(toks):
        sys_ng = (ngrams(t, 1), ngrams(t, 2))
        tots = [sum(g.values()) for g in sys_ng]
        for r1, r2 in ref_ng:
            v = [sum(min(c, ref.get(g, 0)) for g, c in ng.items()) / tot if tot else 0.0
                 for ng, ref, tot in zip(sys_ng, (r1, r2), tots)]
            if sum(v) > sum(out[i]):
                out[i] = v
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/multinews_train.jsonl.gz"))
    ap.add_argument("--limit", type=int, default=20000)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--drop", default="", help="comma-separated features to leave out")
    ap.add_argument("--r1-weight", type=float, default=0.5,
                    help="label = w x ROUGE-1 precision + (1 - w) x ROUGE-2 precision")
    ap.add_argument("--length-weighted", action="store_true", help="weight sentences by their length")
    ap.add_argument("--pairs", action="store_true", help="add products of feature pairs")
    ap.add_argument("--target", choices=("oracle", "precision"), default="precision")
    ap.add_argument("--out", default=str(ROOT / "src/storylens/data/scorer.json"))
    ap.add_argument("--cache", default=None, help="npz file to save/load the feature matrix")
    args = ap.parse_args(argv)
    t0 = time.time()
    if args.cache and Path(args.cache).exists():
        z = np.load(args.cache)
        X, y, yp = z["X"], z["y"], z["yp"]
    else:
        ds = read_dataset(args.data, limit=args.limit)
        parts = list(examples(ds.clusters, args.words))
        X = np.vstack([p[0] for p in parts])
        y = np.concatenate([p[1] for p in parts])
        yp = np.vstack([p[2] for p in parts])
        if args.cache:
            np.savez_compressed(args.cache, X=X, y=y, yp=yp)
    print(f"{len(y)} sentences, {y.mean():.3f} positive, {time.time() - t0:.0f}s", file=sys.stderr)
    keep = [i for i, f in enumerate(FEATURES) if f not in set(args.drop.split(","))]
    names = [FEATURES[i] for i in keep]
    X = X[:, keep]
    if args.pairs:  # products of feature pairs (the bias column makes the plain terms)
        cols, pn = [], []
        for a in range(len(names)):
            for b in range(a, len(names)):
                cols.append(X[:, a] * X[:, b])
                pn.append(names[b] if names[a] == "bias" else f"{names[a]}*{names[b]}")
        X, names = np.stack(cols, axis=1), pn
    if args.target == "oracle":
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=args.C, max_iter=2000, fit_intercept=False)
        model.fit(X, y)
        coef = model.coef_[0]
        kind = "logistic regression on greedy-oracle membership"
    else:
        from sklearn.linear_model import Ridge

        model = Ridge(alpha=1.0 / args.C, fit_intercept=False)
        sw = X[:, names.index("length")] * 40 if args.length_weighted and "length" in names else None
        label = args.r1_weight * yp[:, 0] + (1 - args.r1_weight) * yp[:, 1] if yp.ndim == 2 else yp
        model.fit(X, label, sample_weight=sw)
        coef = model.coef_
        kind = f"ridge regression on sentence ROUGE precision ({args.r1_weight:g} R1 + {1 - args.r1_weight:g} R2)"
    weights = {f: round(float(w), 6) for f, w in zip(names, coef)}
    doc = {"model": kind, "link": "logistic" if args.target == "oracle" else "identity",
           "trained_on": f"{Path(args.data).name}, first {args.limit} clusters, {args.words} words",
           "features": names, "weights": weights}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(weights, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
