"""Summary quality: storylens beside the classic methods, development and held-out halves, in one run.

Runs ``storylens evaluate``'s library function on Multi-News validation (300 words, ROUGE F1) and on DUC
2007 update (100 words) and main (250 words) with ROUGE recall at the budget, each split by topic into a
development half (what may be tuned on) and a held-out half (only reported): the halves are fixed in
:mod:`storylens.evaluation.splits`.  One Markdown table per set and half, labelled, with the margin of the
default over the best classic method (lead, LexRank, TextRank, LSA).

    nice .venv/bin/python benchmarks/quality.py --out-dir /tmp/quality            # every set, both halves
    nice .venv/bin/python benchmarks/quality.py --sets update,main --half dev       # while tuning

Systems: ``digest`` is the default method on the path ``storylens digest`` takes with its defaults (the
documents cleaned as files are, syndicated copies folded; see ``evaluation.run._digest``); ``storylens`` is
``storylens.summarize`` on the raw document strings; ``storylens:METHOD`` one method; the rest as in
``storylens evaluate``.  The margins are the ``digest`` row's.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.evaluation.run import Dataset, evaluate, read_dataset  # noqa: E402
from storylens.evaluation.splits import select  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SYSTEMS = ["digest", "storylens", "lead", "lexrank", "textrank", "lsa", "oracle"]
SETS = {
    "val": ("Multi-News validation", "multinews_val.jsonl.gz", 300, False),
    "update": ("DUC 2007 update (sets A, B, C summarized alone)", "duc2007_update.jsonl", None, True),
    "main": ("DUC 2007 main", "duc2007_main_pyr23.jsonl", None, True),
}
CLASSIC = ("lead", "lexrank", "textrank", "lsa")
LABEL = {"dev": "development (tuned on)", "heldout": "held-out (never tuned on)", "all": "whole set"}


def margins(res, recall: bool, ours: str = "digest") -> dict[str, float | str]:
    """The margin of ``ours`` over the best classic method by R2 and by R1 (x100), with their names."""
    key, r1 = ("rouge2_recall", "rouge1_recall") if recall else ("rouge2", "rouge1")
    have = [s for s in CLASSIC if s in res.systems]
    if not have or ours not in res.systems:
        return {}
    best = max(have, key=lambda s: res.systems[s][key])
    best1 = max(have, key=lambda s: res.systems[s][r1])
    m = res.systems[ours]
    return {"best_r2": best, "r2_over_best": 100 * (m[key] - res.systems[best][key]),
            "best_r1": best1, "r1_over_best": 100 * (m[r1] - res.systems[best1][r1])}


def table(res, recall: bool) -> str:
    lines = res.table().splitlines()
    for ours in ("digest", "storylens"):
        m = margins(res, recall, ours)
        if m:
            lines.append("")
            lines.append(f"{ours} vs the best classic method: R2 {m['r2_over_best']:+.2f} (best: {m['best_r2']}), "
                         f"R1 {m['r1_over_best']:+.2f} (best: {m['best_r1']}); {'recall' if recall else 'F1'}.")
    return "\n".join(lines)


def halves(ds: Dataset, which: str) -> list[tuple[str, Dataset]]:
    ids = [c.id for c in ds.clusters]
    names = ("dev", "heldout") if which == "both" else (which,)
    return [(h, Dataset(ds.path, select(ds.clusters, ids, h), ds.skipped)) for h in names]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="val,update,main")
    ap.add_argument("--half", choices=("dev", "heldout", "both", "all"), default="both")
    ap.add_argument("--limit", type=int, default=None, help="only the first K clusters of each half")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--out-dir", default=None, help="write each result as JSON there")
    args = ap.parse_args(argv)
    systems = args.systems.split(",")
    for key in args.sets.split(","):
        title, name, words, recall = SETS[key]
        path = DATA / name
        if not path.exists():
            print(f"{path} not found (see ../shared/data/README.md); {key} skipped")
            continue
        for half, ds in halves(read_dataset(path), args.half):
            if args.limit:
                ds = Dataset(ds.path, ds.clusters[:args.limit], ds.skipped)
            t0, c0 = time.time(), time.process_time()
            res = evaluate(ds, systems, words=words, recall=recall)
            budget = f"{words} words" if words else f"{ds.clusters[0].meta.get('summary_length_limit_words')} words"
            print(f"\n### {title}, {LABEL[half]}: {res.clusters} clusters, {budget}, "
                  f"{'ROUGE recall at the budget (the DUC convention)' if recall else 'ROUGE F1'}\n")
            print(table(res, recall))
            print(f"\n({time.time() - t0:.0f} s wall, {time.process_time() - c0:.0f} s CPU)", file=sys.stderr)
            if args.out_dir:
                out = Path(args.out_dir)
                out.mkdir(parents=True, exist_ok=True)
                doc = {**res.to_json(), "half": half, "margins": margins(res, recall)}
                (out / f"{key}_{half}.json").write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
