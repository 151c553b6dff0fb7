"""The bundled example's summary sentences that cite two or more sources, as `storylens digest` makes them, and
the support detector's recall and precision on every candidate sentence against a hand list.

    nice .venv/bin/python benchmarks/example_citations.py [--carriers] [--json]

Prints each summary sentence with its sources (own first) and the evidence span of every other cited source,
then the count (the `example_citations` floor in benchmarks/floors.json).  The hand list,
``benchmarks/citation_gold/example.json``, names for every candidate sentence of the example the other articles
that carry its claim (``full``), that carry a named part of it (``part``) and that give it with another figure
(``differ``).  Over all candidates, cited as a summary would cite them: recall is the share of the ``full``
carriers cited; precision the share of cited articles that are ``full`` or ``part`` carriers; ``--carriers``
lists the misses and the wrong citations.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "aleppo-2016"
GOLD = ROOT / "benchmarks" / "citation_gold" / "example.json"


def tally(c: dict, g: dict, cited: set[str]) -> tuple[set[str], set[str]]:
    """Count one hand-checked sentence ``g`` (its ``full`` and ``part`` carriers) against the articles it cites:
    carriers ``full``, ``found`` among them, ``cited``, ``right`` (full or part); the missed and the wrong."""
    full, ok = set(g["full"]), set(g["full"]) | set(g["part"])
    c["full"] += len(full)
    c["found"] += len(full & cited)
    c["cited"] += len(cited)
    c["right"] += len(cited & ok)
    return full - cited, cited - ok


def show_misses(missed: set[str], wrong: set[str], width: int | None = None) -> None:
    for a in sorted(missed):
        print(f"      missed {a[:width]}")
    for a in sorted(wrong):
        print(f"      WRONG  {a[:width]}")


def carriers_scores(articles, show: bool = False) -> dict[str, float | int]:
    """Recall and precision of the citations of every candidate sentence against the hand list."""
    from storylens.summarizers.pool import SentencePool

    gold = {(g["article"], g["start"]): g for g in json.loads(GOLD.read_text())["sentences"]}
    pool = SentencePool.build(articles)
    summary = pool.to_summary(list(range(len(pool.sentences))))
    ids = [a.id for a in pool.articles]
    c = dict(full=0, found=0, cited=0, right=0, differ=0, conflicts=0, unlisted=0)
    for s, out in zip(pool.sentences, summary.sentences):
        g = gold.get((ids[s.doc_index], s.start))
        if g is None:
            c["unlisted"] += 1
            continue
        cited = {ids[d] for d in out.citations[1:]}
        missed, wrong = tally(c, g, cited)
        c["differ"] += len(g["differ"])
        c["conflicts"] += len(set(g["differ"]) & {ids[x.doc_index] for x in out.conflicts})
        if show and (missed or wrong):
            print(f"{ids[s.doc_index][:3]}@{s.start} {s.text[:90]}")
            show_misses(missed, wrong, width=3)
    return {"carriers_recall": round(c["found"] / max(c["full"], 1), 3),
            "carriers_precision": round(c["right"] / max(c["cited"], 1), 3),
            "carriers": c["full"], "cited": c["cited"], "differ_as_conflicts": c["conflicts"],
            "differ": c["differ"], "unlisted_candidates": c["unlisted"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--carriers", action="store_true", help="list the detector's misses and wrong citations")
    ap.add_argument("--json", action="store_true", help="print only the figures, as JSON")
    args = ap.parse_args(argv)
    from storylens import digest, load_articles

    articles = load_articles([EXAMPLE])
    d = digest(articles)
    multi = 0
    for s in d.summary.sentences:
        n = len(set(s.citations))
        multi += n >= 2
        if not args.json:
            print(f"{[i + 1 for i in s.citations]} {s.text}")
            for e in s.evidence[1:]:
                print(f"      [{e.doc_index + 1}] {d.articles[e.doc_index].text[e.start:e.end]}")
    figs = {"summary_sentences": len(d.summary.sentences), "multi_source_sentences": multi}
    figs.update(carriers_scores(articles, show=args.carriers and not args.json))
    print(json.dumps(figs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
