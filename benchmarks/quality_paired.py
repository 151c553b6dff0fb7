"""Summary quality, cluster by cluster: one system's scores on a half, and the paired comparison of two runs.

The tables of ``benchmarks/quality.py`` give means.  On the DUC halves (11 to 15 clusters each) a change of
the mean by half a point of R2 is often noise: this script keeps each cluster's score, so that two versions
of the code can be compared cluster by cluster (mean difference, its standard error, clusters up and down).

    # the working tree, the DUC dev halves, the digest path
    nice .venv/bin/python benchmarks/quality_paired.py --sets update,main --half dev --out /tmp/new.json
    # an earlier commit's code (git archive of it) on the same clusters
    mkdir /tmp/old && git archive COMMIT src | tar -x -C /tmp/old
    nice .venv/bin/python benchmarks/quality_paired.py --src /tmp/old/src --sets update,main --half dev \\
        --out /tmp/old.json
    .venv/bin/python benchmarks/quality_paired.py --compare /tmp/old.json /tmp/new.json

Scores as in ``storylens evaluate``: R2 recall at the budget on DUC, R2 F1 on Multi-News (x100); the
system's sentences go through the same budget rule (``evaluation.run.apply_budget``).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
# the sets of benchmarks/quality.py: (file, words (None: the cluster's own), recall)
SETS = {"val": ("multinews_val.jsonl.gz", 300, False), "update": ("duc2007_update.jsonl", None, True),
        "main": ("duc2007_main_pyr23.jsonl", None, True)}


def paired(before: Sequence[float], after: Sequence[float]) -> dict[str, float]:
    """The paired comparison of two runs' per-cluster scores: the mean of ``after - before``, its standard
    error (sample standard deviation / sqrt(n); 0 for one cluster), and the clusters up and down."""
    if len(before) != len(after):
        raise ValueError(f"the runs scored different numbers of clusters ({len(before)} and {len(after)})")
    diff = [b - a for a, b in zip(before, after)]
    n = len(diff)
    if not n:
        return {"n": 0, "mean": 0.0, "se": 0.0, "up": 0, "down": 0}
    mean = sum(diff) / n
    var = sum((d - mean) ** 2 for d in diff) / (n - 1) if n > 1 else 0.0
    return {"n": n, "mean": mean, "se": math.sqrt(var / n), "up": sum(d > 1e-12 for d in diff),
            "down": sum(d < -1e-12 for d in diff)}


def score_set(key: str, half: str, system: str, limit: int | None) -> dict[str, float]:
    """``{cluster id: score x100}`` of ``system`` on ``half`` of set ``key``."""
    from storylens.evaluation.run import Scorer, apply_budget, budget_for, candidates, make_system, read_dataset
    from storylens.evaluation.splits import select

    name, words, recall = SETS[key]
    ds = read_dataset(DATA / name)
    clusters = select(ds.clusters, [c.id for c in ds.clusters], half)[:limit]
    scorer = Scorer()
    fn = make_system(system, scorer, recall)
    out = {}
    for c in clusters:
        w = budget_for(c, words)
        chosen = apply_budget(fn(c, candidates(c.documents), w), w)
        got = scorer.recall(chosen, c.summaries, w)["rouge2_recall"] if recall else \
            scorer.f1(chosen, c.summaries)["rouge2"]
        out[c.id] = 100 * got
    return out


def compare(old: dict, new: dict) -> str:
    """One Markdown line a set: both means and the paired difference, over the clusters both runs scored."""
    lines = ["| set | before | after | paired difference (SE) | up / down of n |", "|---|---|---|---|---|"]
    for key in sorted(set(old) & set(new)):
        ids = sorted(set(old[key]) & set(new[key]))
        a, b = [old[key][i] for i in ids], [new[key][i] for i in ids]
        p = paired(a, b)
        n = max(len(ids), 1)
        lines.append(f"| {key} | {sum(a) / n:.2f} | {sum(b) / n:.2f} | {p['mean']:+.2f} ({p['se']:.2f}) | "
                     f"{p['up']} / {p['down']} of {p['n']} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="update,main")
    ap.add_argument("--half", choices=("dev", "heldout", "all"), default="dev")
    ap.add_argument("--system", default="digest", help="a system of storylens evaluate (default: digest)")
    ap.add_argument("--limit", type=int, default=None, help="only the first K clusters of each half")
    ap.add_argument("--src", default=str(ROOT / "src"), help="the storylens source tree to import")
    ap.add_argument("--out", default=None, help="write the per-cluster scores there as JSON")
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two --out files")
    args = ap.parse_args(argv)
    if args.compare:
        old, new = (json.loads(Path(p).read_text(encoding="utf-8"))["scores"] for p in args.compare)
        print(compare(old, new))
        return 0
    sys.path.insert(0, args.src)
    scores = {}
    for key in args.sets.split(","):
        if key not in SETS:
            print(f"unknown set {key!r}; choose from {', '.join(SETS)}", file=sys.stderr)
            return 2
        if not (DATA / SETS[key][0]).exists():
            print(f"{DATA / SETS[key][0]} not found (see ../shared/data/README.md); {key} skipped")
            continue
        scores[key] = score_set(key, args.half, args.system, args.limit)
        vals = list(scores[key].values())
        print(f"{key} {args.half}: {len(vals)} clusters, {args.system} R2 {sum(vals) / max(len(vals), 1):.2f}")
    if args.out:
        doc = {"half": args.half, "system": args.system, "src": args.src, "scores": scores}
        Path(args.out).write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
