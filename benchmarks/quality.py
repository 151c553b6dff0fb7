"""Summary quality: storylens against the classic baselines on the three dev sets.

Runs ``storylens evaluate`` (the library function behind it) on Multi-News
validation (300 words, ROUGE F1) and on DUC 2007 update (100 words) and main
(250 words) with ROUGE recall at the budget, and prints one Markdown table per
dataset, the oracle as the ceiling, ready for BENCHMARKS.md.

    nice .venv/bin/python benchmarks/quality.py --out-dir /tmp/quality            # everything
    nice .venv/bin/python benchmarks/quality.py --val-limit 500 --sets val,update  # a quick look

Each table equals the output of, e.g.::

    storylens evaluate --data ../shared/data/multinews_val.jsonl.gz --words 300 \\
        --systems storylens,storylens:scored,storylens:centroid,storylens:coverage,lead,lexrank,textrank,\
lsa,random,oracle
    storylens evaluate --data ../shared/data/duc2007_update.jsonl --recall --systems ...
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.evaluation.run import evaluate, read_dataset  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SYSTEMS = ["storylens", "storylens:scored", "storylens:centroid", "storylens:coverage", "lead", "lexrank",
           "textrank", "lsa", "random", "oracle"]
SETS = {
    "val": ("Multi-News validation", "multinews_val.jsonl.gz", 300, False),
    "update": ("DUC 2007 update (30 sets of 10 articles)", "duc2007_update.jsonl", None, True),
    "main": ("DUC 2007 main (23 topics, 25 articles each)", "duc2007_main_pyr23.jsonl", None, True),
}
CLASSIC = ("lead", "lexrank", "textrank", "lsa")


def table(res, recall: bool) -> str:
    lines = res.table().splitlines()
    key = "rouge2_recall" if recall else "rouge2"
    best = max(CLASSIC, key=lambda s: res.systems[s][key]) if all(s in res.systems for s in CLASSIC) else None
    if best:
        r1 = "rouge1_recall" if recall else "rouge1"
        best1 = max(CLASSIC, key=lambda s: res.systems[s][r1])
        ours = res.systems["storylens"]
        lines.append("")
        lines.append(f"storylens vs the best classic method: R2 {100 * (ours[key] - res.systems[best][key]):+.2f} "
                     f"(best: {best}), R1 {100 * (ours[r1] - res.systems[best1][r1]):+.2f} (best: {best1}); "
                     f"{'recall' if recall else 'F1'}.")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="val,update,main")
    ap.add_argument("--val-limit", type=int, default=None, help="only the first K validation clusters")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--out-dir", default=None, help="write each result as JSON there")
    args = ap.parse_args(argv)
    systems = args.systems.split(",")
    for key in args.sets.split(","):
        title, name, words, recall = SETS[key]
        path = DATA / name
        ds = read_dataset(path, limit=args.val_limit if key == "val" else None)
        t0 = time.time()
        res = evaluate(ds, systems, words=words, recall=recall)
        budget = f"{words} words" if words else f"{ds.clusters[0].meta.get('summary_length_limit_words')} words"
        print(f"\n### {title}: {res.clusters} clusters, {budget}, "
              f"{'ROUGE recall at the budget (the DUC convention)' if recall else 'ROUGE F1'}\n")
        print(table(res, recall))
        print(f"\n({time.time() - t0:.0f} s)", file=sys.stderr)
        if args.out_dir:
            out = Path(args.out_dir)
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{key}.json").write_text(json.dumps(res.to_json(), indent=2) + "\n", encoding="utf-8")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
