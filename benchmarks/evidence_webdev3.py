"""The third web development set (webdev3): English SemEval articles outside fresh2 and everything linked to it.

    nice .venv/bin/python benchmarks/evidence_webdev3.py select              # the seeded draw (set and reserve)
    nice .venv/bin/python benchmarks/evidence_webdev3.py show STORY 0 1      # chosen articles, with candidates
    nice .venv/bin/python benchmarks/evidence_webdev3.py build NOTES_DIR     # write webdev3.json from the notes

A DEVELOPMENT set (benchmarks/evidence_protocol.md, section "Third web development set (webdev3)"): text like
fresh2's (web news of many outlets, cut to about 170 words by the scraper) that tuners may read. The pool is
``semeval_material.stories()``, so no fresh2 article and none linked to one is ever drawn; a second part adds
single articles of ``semeval_material.safe_articles()`` that are in no story (one-article stories). Annotation rules,
notes format and tooling are webdev's and fresh2's (``evidence_webdev.parse_notes`` / ``build_gold``,
``evidence_fresh.build`` and ``show``). The gold holds offsets, anchors and values, never text.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import evidence_fresh
import evidence_fresh2
import evidence_webdev
import semeval_material

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "evidence_gold" / "webdev3.json"
SEED = 20261207
MIN_WORDS = evidence_fresh2.MIN_WORDS  # fresh2's band: stories whose articles all reach it come first
TARGET = 40  # articles in the set: stories are added, in the draw's order, until it is reached
SINGLES_SEED = 20261208
SINGLE_WORDS = (MIN_WORDS, 300)  # the second part: articles in no story, of this many words
N_SINGLES = 20


def select(safe: dict[str, dict]) -> dict:
    """The seeded draw over ``semeval_material.stories()``, each story whole: those whose articles all have
    MIN_WORDS words or more, shuffled, then the others, shuffled; stories enter the set in that order until it
    holds TARGET articles, the rest are the reserve. A pick is ``{"event": story id, "docs": [ids]}`` (the
    key webdev's tooling reads)."""
    rng = random.Random(SEED)
    stories = semeval_material.stories(safe)

    def in_band(ids: list[str]) -> bool:
        return all(len(evidence_fresh.cleaned(safe[i]).text.split()) >= MIN_WORDS for i in ids)

    full = [s for s in stories if in_band(stories[s])]
    stubbed = [s for s in stories if not in_band(stories[s])]
    rng.shuffle(full)
    rng.shuffle(stubbed)
    order = full + stubbed
    n, total = 0, 0
    while n < len(order) and total < TARGET:
        total += len(stories[order[n]])
        n += 1
    drawn = [{"event": s, "docs": stories[s], "in_band": s in full} for s in order]
    singles = [{"event": i, "docs": [i]} for i in draw_singles(safe, stories)]
    return {"seed": SEED, "min_words": MIN_WORDS, "set": drawn[:n], "reserve": drawn[n:],
            "singles_seed": SINGLES_SEED, "single_words": list(SINGLE_WORDS),
            "singles": singles[:N_SINGLES], "singles_reserve": singles[N_SINGLES:]}


def draw_singles(safe: dict[str, dict], stories: dict[str, list[str]]) -> list[str]:
    """The second part's order: the safe articles in no story with SINGLE_WORDS words, ids sorted, shuffled
    with SINGLES_SEED."""
    in_story = {i for ids in stories.values() for i in ids}
    lo, hi = SINGLE_WORDS
    ids = [i for i in sorted(safe) if i not in in_story
           and lo <= len(evidence_fresh.cleaned(safe[i]).text.split()) <= hi]
    random.Random(SINGLES_SEED).shuffle(ids)
    return ids


def picks(draw: dict) -> list[dict]:
    """Every pick of the draw in annotation order: the stories' set and reserve, then the single articles'."""
    return draw["set"] + draw["reserve"] + draw["singles"] + draw["singles_reserve"]


def build_all(notes_dir: Path, safe: dict[str, dict]) -> dict:
    """webdev3.json from notes files named STORY.txt (``evidence_webdev.build_gold``), in the draw's order
    (:func:`picks`); a story's notes must annotate all its articles; stories without notes are left out. The
    stories are SemEval ones (``source``: the articles file, read by the scorer as fresh2's are)."""
    draw = select(safe)
    # webdev's builder reads the set, then the reserve, and an ECB+ topic: SemEval has none
    gold = evidence_webdev.build_gold(notes_dir, safe, {"set": [{**p, "topic": None} for p in picks(draw)],
                                                        "reserve": []}, SEED)
    for story in gold["stories"]:
        del story["topic"]
        story["source"] = semeval_material.DATA.name
    return {"half": "webdev3", "seed": SEED, "stories_drawn": len(draw["set"]), "singles_seed": SINGLES_SEED,
            "stories": gold["stories"]}


def show(story: str, ks: list[str], safe: dict[str, dict]) -> int:
    draw = select(safe)
    pick = next((p for p in picks(draw) if p["event"] == story), None)
    if pick is None:
        print(f"{story} is not a drawn webdev3 story (see select)", file=sys.stderr)
        return 2
    for k in ks or [str(i) for i in range(len(pick["docs"]))]:
        if not k.isdigit() or int(k) >= len(pick["docs"]):
            print(f"{story} has articles 0..{len(pick['docs']) - 1}, not {k}", file=sys.stderr)
            return 2
        evidence_fresh.show({**safe[pick["docs"][int(k)]], "cluster": story})
    return 0


def main(argv: list[str] | None = None) -> int:
    return evidence_fresh2.cli(argv, doc=__doc__ or "", gold_path=GOLD, records=semeval_material.safe_articles,
                               select_fn=select, show_fn=show, build_fn=build_all)


if __name__ == "__main__":
    sys.exit(main())
