"""The fourth web development set (webdev4): English SemEval single articles with money or percentages.

    nice .venv/bin/python benchmarks/evidence_webdev4.py select              # the seeded draw (set and reserve)
    nice .venv/bin/python benchmarks/evidence_webdev4.py show ID             # one chosen article, with candidates
    nice .venv/bin/python benchmarks/evidence_webdev4.py build NOTES_DIR     # write webdev4.json from the notes

A DEVELOPMENT set (benchmarks/evidence_protocol.md, section "Fourth web development set (webdev4)"): fresh2's
kind of text (web news of many outlets) where money and percentages are common, as they are in fresh2 (38 of
its 107 figures against webdev3's 13 of 97). The pool is ``semeval_material.safe_articles()`` (never a fresh2
article nor one linked to one): the single articles of webdev3's second part that webdev3 did not annotate
(its annotated picks are left out), with 100 to 300 words, whose cleaned text has at least MIN_HITS money or
percent expressions (MONEY_PCT), ids sorted, shuffled with SEED. Each is a story of one article. Notes format
and tooling are webdev3's (``evidence_webdev.build_gold``, ``evidence_fresh.show``, ``evidence_fresh2.cli``).
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import evidence_fresh
import evidence_fresh2
import evidence_webdev
import evidence_webdev3
import semeval_material

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "evidence_gold" / "webdev4.json"
SEED = 20261209
# a money or percent expression: a currency sign before a digit, a digit before "%", "percent" / "per cent"
MONEY_PCT = re.compile(r"[$£€]\s?\d|\d\s?%|\bper\s?cent\b", re.I)
MIN_HITS = 2
WORDS = evidence_webdev3.SINGLE_WORDS  # (100, 300)
N_SET = 25


def annotated_webdev3() -> set[str]:
    """The articles of webdev3's gold (its stories and the single articles it annotated, in its draw's order)."""
    if not evidence_webdev3.GOLD.exists():
        return set()
    gold = json.loads(evidence_webdev3.GOLD.read_text(encoding="utf-8"))
    return {d["doc_id"] for s in gold["stories"] for d in s["docs"]}


def select(safe: dict[str, dict]) -> dict:
    """The seeded draw: webdev3's single articles (in no story, WORDS words) outside its gold, with MIN_HITS
    money or percent expressions, ids sorted, shuffled with SEED; the first N_SET are the set."""
    stories = semeval_material.stories(safe)
    taken = annotated_webdev3()
    pool = [i for i in sorted(evidence_webdev3.draw_singles(safe, stories)) if i not in taken
            and len(MONEY_PCT.findall(evidence_fresh.cleaned(safe[i]).text)) >= MIN_HITS]
    random.Random(SEED).shuffle(pool)
    picks = [{"event": i, "docs": [i]} for i in pool]
    return {"seed": SEED, "min_hits": MIN_HITS, "words": list(WORDS), "set": picks[:N_SET],
            "reserve": picks[N_SET:]}


def build_all(notes_dir: Path, safe: dict[str, dict]) -> dict:
    """webdev4.json from notes files named ID.txt, in the draw's order; articles without notes are left out."""
    draw = select(safe)
    gold = evidence_webdev.build_gold(notes_dir, safe, {"set": [{**p, "topic": None} for p in
                                                                draw["set"] + draw["reserve"]], "reserve": []}, SEED)
    for story in gold["stories"]:
        del story["topic"]
        story["source"] = semeval_material.DATA.name
    return {"half": "webdev4", "seed": SEED, "stories": gold["stories"]}


def show(story: str, ks: list[str], safe: dict[str, dict]) -> int:
    draw = select(safe)
    if story not in {p["event"] for p in draw["set"] + draw["reserve"]}:
        print(f"{story} is not a drawn webdev4 article (see select)", file=sys.stderr)
        return 2
    evidence_fresh.show({**safe[story], "cluster": story})
    return 0


def main(argv: list[str] | None = None) -> int:
    return evidence_fresh2.cli(argv, doc=__doc__ or "", gold_path=GOLD, records=semeval_material.safe_articles,
                               select_fn=select, show_fn=show, build_fn=build_all)


if __name__ == "__main__":
    sys.exit(main())
