"""Fit the linear sentence scorer of the ``storylens`` summarizer.

Reads clusters of ``../shared/data/multinews_train.jsonl.gz``, computes the
features of :mod:`storylens.summarizers.features` for every candidate sentence
and labels it by its ROUGE-1 and ROUGE-2 precision against the best reference
(``--target oracle``: by membership of the greedy ROUGE-1+2 oracle summary, 300
words); fits a ridge regression (a logistic one for the oracle) and writes its
weights as plain JSON (``src/storylens/data/scorer.json``).

    nice .venv/bin/python benchmarks/train_scorer.py            # first 20,000 clusters, about 3 minutes
    # the shipped scorer: every train cluster, with the hashed bag of words (summarizers/lexical.py)
    # fitted beside the features (ridge, sparse); writes scorer.json and lexical.npy; about 10 minutes
    nice .venv/bin/python benchmarks/train_scorer.py --limit 50000 --lexical

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
from storylens.summarizers.lexical import BITS, pool_slots  # noqa: E402
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


def examples(clusters, words: int, lexical: bool = False):
    """Per cluster with two candidates or more: its feature matrix, oracle membership, precision labels
    and (with ``lexical``) the candidates' hashed bags (rows, slots, values; :mod:`.lexical`)."""
    tok = rouge_tokenizer()
    for c in clusters:
        pool = SentencePool.build(list(c.documents))
        if len(pool.sentences) < 2:
            continue
        X = feature_matrix(pool)
        bags = pool_slots(pool) if lexical else None
        toks = [tok(s.text) for s in pool.sentences]
        refs = [tok(r) for r in c.summaries]
        counts = [len(s.text.split()) for s in pool.sentences]
        y = np.zeros(len(pool.sentences))
        y[oracle_order(toks, refs, words, counts)] = 1.0
        yield X, y, precision_labels(toks, refs), bags


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


def load(args):
    """``(X, y, yp, bags)``: the features, oracle labels, precision labels and (``--lexical``) the flat
    hashed bags (rows numbered over every sentence, slots, values) of the training clusters."""
    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        z = np.load(cache)
        bags = (z["rows"], z["slots"], z["vals"]) if "rows" in z else None
        return z["X"], z["y"], z["yp"], bags
    ds = read_dataset(args.data, limit=args.limit)
    parts = list(examples(ds.clusters, args.words, args.lexical))
    X = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    yp = np.vstack([p[2] for p in parts])
    bags = None
    if args.lexical:
        offsets = np.cumsum([0] + [len(p[1]) for p in parts])
        bags = (np.concatenate([p[3][0] + o for p, o in zip(parts, offsets)]),
                np.concatenate([p[3][1] for p in parts]), np.concatenate([p[3][2] for p in parts]))
    if cache:
        extra = dict(zip(("rows", "slots", "vals"), bags)) if bags else {}
        np.savez_compressed(cache, X=X, y=y, yp=yp, **extra)
    return X, y, yp, bags


def fit_lexical(X, label, bags, alpha: float, lexical_alpha: float):
    """Ridge regression of ``label`` on the features and the hashed bags together (``lexical_alpha``
    penalises the bag's weights, ``alpha`` the features'): the features' weights and the slot table."""
    from scipy import sparse
    from sklearn.linear_model import Ridge

    n, size = len(label), 1 << BITS
    rows, slots, vals = bags
    scale = np.sqrt(alpha / lexical_alpha)  # one penalty for both: the bag's columns scaled instead
    S = sparse.csr_matrix((vals * scale, (rows, slots)), shape=(n, size))
    A = sparse.hstack([sparse.csr_matrix(X), S], format="csr")
    model = Ridge(alpha=alpha, fit_intercept=False, solver="sparse_cg", tol=1e-6, max_iter=2000)
    model.fit(A, label)
    coef = model.coef_
    return coef[:X.shape[1]], coef[X.shape[1]:] * scale


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
    ap.add_argument("--lexical", action="store_true",
                    help="fit the hashed bag of words beside the features (summarizers/lexical.py)")
    ap.add_argument("--lexical-alpha", type=float, default=1.0, help="the ridge penalty of the bag's weights")
    ap.add_argument("--lexical-out", default=str(ROOT / "src/storylens/data/lexical.npy"))
    ap.add_argument("--min-score", type=float, default=None,
                    help="the floor on the predicted value written beside the weights (LinearScored.min_score; "
                         "tune it on Multi-News dev for the new weights: the shipped 0.28 belongs to the shipped "
                         "ones); without it the new scorer has none")
    args = ap.parse_args(argv)
    t0 = time.time()
    X, y, yp, bags = load(args)
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
    if args.lexical:
        label = args.r1_weight * yp[:, 0] + (1 - args.r1_weight) * yp[:, 1]
        coef, table = fit_lexical(X, label, bags, 1.0 / args.C, args.lexical_alpha)
        scale = float(np.abs(table).max()) or 1.0
        np.save(args.lexical_out, (table / scale).astype(np.float16), allow_pickle=False)
        coef, names = np.append(coef, scale), names + ["lexical"]
        kind = (f"ridge regression on sentence ROUGE precision ({args.r1_weight:g} R1 + "
                f"{1 - args.r1_weight:g} R2), with the hashed bag of words (alpha {args.lexical_alpha:g})")
    elif args.target == "oracle":
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
    if args.min_score is not None:
        doc["min_score"] = args.min_score
    else:
        print("no --min-score: the new scorer uses every candidate (tune one on Multi-News dev)", file=sys.stderr)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(weights, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
