"""Summarizer speed: storylens vs sumy's LexRank, side by side in one run.

Both start from the raw documents of a cluster and end with ranked sentences
cut to the word budget.  LexRank reads the text through sumy's own plain-text
parser with an offline tokenizer (``--splitter sumy``) or is given pysbd's
sentences (``--splitter pysbd``, the convention of the quality tables); the two
systems alternate cluster by cluster so that machine load hits both alike.

    nice .venv/bin/python benchmarks/speed.py                       # Multi-News val, first 1,000 clusters
    nice .venv/bin/python benchmarks/speed.py --data ../shared/data/duc2007_main_pyr23.jsonl \
        --words 250 --splitter pysbd
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens import summarize  # noqa: E402
from storylens.evaluation.run import apply_budget, read_dataset  # noqa: E402
from storylens.text.segment import SumyTokenizer  # noqa: E402
from storylens.evaluation.baselines import SumyRanker  # noqa: E402


def lexrank_sumy_parser(ranker: SumyRanker, documents, words: int) -> list[str]:
    from sumy.parsers.plaintext import PlaintextParser

    doc = PlaintextParser.from_string("\n\n".join(documents), SumyTokenizer()).document
    texts = [str(s) for s in doc.sentences]
    return apply_budget([texts[i] for i in ranker(texts)], words)


def lexrank_pysbd(ranker: SumyRanker, segmenter, documents, words: int) -> list[str]:
    texts = []
    for d in documents:
        texts.extend(s.strip() for s in segmenter.segment(d) if s.strip())
    return apply_budget([texts[i] for i in ranker(texts)], words)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data/multinews_val.jsonl.gz"))
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--splitter", choices=("sumy", "pysbd"), default="sumy")
    args = ap.parse_args(argv)
    ds = read_dataset(args.data, limit=args.limit)
    ranker = SumyRanker("lexrank")
    if args.splitter == "pysbd":
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        other = lambda docs: lexrank_pysbd(ranker, seg, docs, args.words)  # noqa: E731
    else:
        other = lambda docs: lexrank_sumy_parser(ranker, docs, args.words)  # noqa: E731
    ours = lambda docs: summarize(list(docs), args.words)  # noqa: E731
    ours(ds.clusters[0].documents), other(ds.clusters[0].documents)  # warm up imports
    t_ours = t_other = 0.0
    for c in ds.clusters:
        t0 = time.perf_counter()
        ours(c.documents)
        t1 = time.perf_counter()
        other(c.documents)
        t2 = time.perf_counter()
        t_ours += t1 - t0
        t_other += t2 - t1
    n = len(ds.clusters)
    a, b = 1000 * t_ours / n, 1000 * t_other / n
    print(f"{Path(args.data).name}: {n} clusters, {args.words} words")
    print("| system | ms per cluster |\n|---|---|")
    print(f"| storylens | {a:.2f} |\n| sumy LexRank ({args.splitter} sentences) | {b:.2f} |")
    print(f"speed-up: {b / a:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
