"""``storylens evaluate``: ROUGE of storylens and the classic baselines, side by side."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "evaluate",
        help="score summarizers with ROUGE on a JSONL dataset of clusters",
        description="Score storylens and the classic baselines with ROUGE-1/2/Lsum on clusters of "
                    'JSONL(.gz) lines {"documents": [...], "summaries": [...]}; prints a Markdown table.',
    )
    p.add_argument("--data", required=True, metavar="FILE", help="JSONL or JSONL.gz file of clusters")
    p.add_argument("--words", type=int, default=None, metavar="N",
                   help="summary budget in words (default: the dataset's summary_length_limit_words, else 300)")
    p.add_argument("--systems", default="storylens,lead,lexrank,textrank,lsa,oracle",
                   help="comma-separated: storylens, lead, lexrank, textrank, lsa, random, oracle, or "
                        "storylens:METHOD for another storylens method (default: %(default)s)")
    p.add_argument("--limit", type=int, default=None, metavar="K", help="only the first K clusters")
    p.add_argument("--out", default=None, metavar="FILE", help="also write the results as JSON to FILE")
    p.add_argument("--recall", action="store_true",
                   help="add ROUGE-1/2 recall of the summary cut at the budget, pooled over references (DUC)")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (there is none off a terminal or under -q either)")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from ..errors import ConfigError
    from ..evaluation.run import evaluate, parse_systems, read_dataset
    from . import warn
    from ._progress import progress

    if args.words is not None and args.words < 1:
        raise ConfigError(f"--words must be a positive number of words, got {args.words}")
    if args.limit is not None and args.limit < 1:
        raise ConfigError(f"--limit must be a positive number of clusters, got {args.limit}")
    systems = parse_systems(args.systems)
    dataset = read_dataset(args.data, limit=args.limit)
    if dataset.skipped:
        warn(f"skipped {dataset.skipped} malformed line(s) in {args.data}")
    with progress(len(dataset.clusters), "evaluate", unit="cluster") as bar:
        result = evaluate(dataset, systems, words=args.words, recall=args.recall,
                          progress=False if args.no_progress else bar.update)
    budget = f"{args.words} words" if args.words else "dataset budget"
    print(f"{Path(args.data).name}: {result.clusters} clusters, {budget}"
          f"{', recall at the budget' if args.recall else ''}")
    print(result.table())
    if args.out:
        try:
            Path(args.out).write_text(json.dumps(result.to_json(), indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot write {args.out}: {exc.strerror or exc}") from None
    return 0
