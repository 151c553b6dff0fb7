"""Update summaries on DUC 2007's update task, beside the baselines restricted to the new documents, in one run.

    nice .venv/bin/python benchmarks/update_eval.py [--data ../shared/data/duc2007_update.jsonl] [--half dev|blind|all]

Each of the 10 topics has three sets of articles, A, B and C, in time order, and four human 100-word
references for each set.  Set B is summarized given A, set C given A and B (the task's own protocol), so a
system must say what the new articles add.  Scored as DUC scored it: the summary cut at 100 words, ROUGE-1/2
recall pooled over the four references (stemmed).

* ``storylens-update``: what ``storylens digest --since`` runs (summarizers.update.summarize_update: the
  default method on the new articles, never choosing a sentence an earlier article already carries).
* ``storylens``: the default method on the new articles alone (no notion of what was known).
* ``lead``, ``lexrank``, ``textrank``, ``lsa``: the classic baselines on the new articles alone (sumy).

The topics are split in two halves (odd and even topic ids in file order): the dev half may be used to choose
``--redundancy``; the blind half is reported as is.  The default redundancy (0.5) was set before this
benchmark was run (the pool's support threshold).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.evaluation.run import Scorer, apply_budget, candidates, make_system  # noqa: E402
from storylens.summarizers.update import REDUNDANCY, summarize_update  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "duc2007_update.jsonl"
BASELINES = ("storylens", "lead", "lexrank", "textrank", "lsa")


def load_topics(path: Path) -> dict[str, dict[str, dict]]:
    """``{topic: {"A": record, "B": record, "C": record}}`` in file order."""
    topics: dict[str, dict[str, dict]] = defaultdict(dict)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            topic = rec["id"].rsplit("-", 1)[0]
            topics[topic][rec["meta"]["update_set"]] = rec
    return dict(topics)


def tasks(topics: dict[str, dict[str, dict]], half: str):
    """``(topic, set, earlier documents, new record)`` for B given A and C given A+B."""
    for k, (topic, sets) in enumerate(topics.items()):
        if half == "dev" and k % 2 or half == "blind" and not k % 2:
            continue
        yield topic, "B", list(sets["A"]["documents"]), sets["B"]
        yield topic, "C", list(sets["A"]["documents"]) + list(sets["B"]["documents"]), sets["C"]


def run(path: Path, half: str, redundancy: float, systems: tuple[str, ...]) -> dict:
    from storylens.evaluation.run import Cluster

    scorer = Scorer()
    fns = {name: make_system(name, scorer, recall=True) for name in systems}
    sums: dict[str, dict[str, Counter]] = {name: defaultdict(Counter) for name in ("storylens-update", *systems)}
    secs: Counter = Counter()
    n: Counter = Counter()
    for _topic, which, earlier, rec in tasks(load_topics(path), half):
        words = int(rec["meta"].get("summary_length_limit_words") or 100)
        refs = rec["summaries"]
        new = list(rec["documents"])
        n[which] += 1
        t0 = time.perf_counter()
        upd = [s.text for s in summarize_update(earlier, new, words, redundancy=redundancy).sentences]
        secs["storylens-update"] += time.perf_counter() - t0
        sums["storylens-update"][which].update(scorer.recall(apply_budget(upd, words), refs, words))
        cluster = Cluster(rec["id"], tuple(new), tuple(refs), rec.get("meta") or {})
        cands = candidates(cluster.documents)
        for name, fn in fns.items():
            t0 = time.perf_counter()
            chosen = apply_budget(fn(cluster, cands, words), words)
            secs[name] += time.perf_counter() - t0
            sums[name][which].update(scorer.recall(chosen, refs, words))
    out = {}
    for name, per in sums.items():
        row = {}
        for which in ("B", "C"):
            for k, v in per[which].items():
                row[f"{which} {k}"] = v / max(n[which], 1)
        for k in ("rouge1_recall", "rouge2_recall"):
            row[f"B+C {k}"] = (per["B"][k] + per["C"][k]) / max(n["B"] + n["C"], 1)
        row["ms_per_set"] = 1000 * secs[name] / max(n["B"] + n["C"], 1)
        out[name] = row
    return {"half": half, "sets": dict(n), "redundancy": redundancy, "systems": out}


def table(result: dict) -> str:
    cols = ["B R2", "C R2", "B+C R1", "B+C R2", "ms/set"]
    keys = ["B rouge2_recall", "C rouge2_recall", "B+C rouge1_recall", "B+C rouge2_recall"]
    lines = ["| system | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name, row in result["systems"].items():
        lines.append(f"| {name} | " + " | ".join(f"{100 * row[k]:.2f}" for k in keys) + f" | {row['ms_per_set']:.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="DUC 2007 update task: update summaries beside the baselines")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--half", choices=("dev", "blind", "all"), default="all")
    ap.add_argument("--redundancy", type=float, default=REDUNDANCY)
    ap.add_argument("--systems", default=",".join(BASELINES))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data} not found (see ../shared/data/README.md); nothing to measure")
        return 0
    result = run(args.data, args.half, args.redundancy, tuple(s for s in args.systems.split(",") if s))
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
