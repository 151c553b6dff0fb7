"""The second web development set (webdev2): ECB+ articles of the tuning events that webdev did not draw.

    nice .venv/bin/python benchmarks/evidence_webdev2.py select            # the seeded draw (set and reserve)
    nice .venv/bin/python benchmarks/evidence_webdev2.py show 16_ecb 0 1   # chosen articles, with candidates
    nice .venv/bin/python benchmarks/evidence_webdev2.py build NOTES_DIR   # write webdev2.json from the notes

A DEVELOPMENT set (benchmarks/evidence_protocol.md, section "Second web development set (webdev2)"), drawn so
that a rule fitted on webdev can be checked on articles nobody tuned on. The pool is webdev's (the tuning
events' articles of ``evidence_webdev.MIN_WORDS``..``MAX_WORDS`` words) less every article of webdev's draw,
set and reserve; the events webdev does not cover come first. Annotation rules, notes format and tooling are
webdev's (``evidence_webdev.parse_notes``, ``evidence_fresh.build``). The gold holds offsets, anchors and
values, never text.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import evidence_fresh
import evidence_webdev
import web_material

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "evidence_gold" / "webdev2.json"
SEED = 20261206
PER_EVENT = 5  # at most; an event webdev does not cover is taken with 2 or more articles, another with 4 or more
MIN_NEW, MIN_COVERED = 2, 4
TARGET = 40  # articles in the set: covered events are added, in the draw's order, until it is reached


def pools(records: dict[str, dict]) -> tuple[dict[str, list[str]], set[str]]:
    """``{event: pool doc ids}`` (in the length band, outside webdev's draw) and the events webdev covers."""
    drawn = evidence_webdev.select(records)
    picks = drawn["set"] + drawn["reserve"]
    used = {doc for pick in picks for doc in pick["docs"]}
    lo, hi = evidence_webdev.MIN_WORDS, evidence_webdev.MAX_WORDS
    def fits(doc_id: str) -> bool:
        return doc_id not in used and lo <= len(evidence_fresh.cleaned(records[doc_id]).text.split()) <= hi

    pool = {event: [i for i in ids if fits(i)] for event, ids in web_material.tuning_events(records).items()}
    return pool, {pick["event"] for pick in picks}


def select(records: dict[str, dict]) -> dict:
    """The seeded draw: the events webdev does not cover (MIN_NEW or more pool articles), shuffled, then the
    covered ones (MIN_COVERED or more), shuffled; each with up to PER_EVENT of its pool articles (a seeded
    sample, ids sorted). Events enter the set in that order until it holds TARGET articles; the rest are the
    reserve."""
    rng = random.Random(SEED)
    pool, covered = pools(records)
    new = sorted(e for e, ids in pool.items() if e not in covered and len(ids) >= MIN_NEW)
    old = sorted(e for e, ids in pool.items() if e in covered and len(ids) >= MIN_COVERED)
    rng.shuffle(new)
    rng.shuffle(old)
    drawn: list[dict] = [{"event": e, "topic": int(records[pool[e][0]]["topic"]), "webdev_covers": e in covered,
                          "docs": sorted(rng.sample(pool[e], min(PER_EVENT, len(pool[e]))))} for e in new + old]
    n, total = 0, 0
    while n < len(drawn) and total < TARGET:
        total += len(drawn[n]["docs"])
        n += 1
    return {"seed": SEED, "words": [evidence_webdev.MIN_WORDS, evidence_webdev.MAX_WORDS],
            "set": drawn[:n], "reserve": drawn[n:]}


def build_all(notes_dir: Path, records: dict[str, dict]) -> dict:
    """webdev2.json from notes files named EVENT.txt (``evidence_webdev.parse_notes``), in the draw's order;
    an event's notes must annotate all its chosen articles; events without notes are left out."""
    return evidence_webdev.build_gold(notes_dir, records, select(records), SEED)


def main(argv: list[str] | None = None) -> int:
    return evidence_webdev.cli(argv, doc=__doc__ or "", name="webdev2", gold_path=GOLD, select_fn=select,
                               build_fn=build_all)


if __name__ == "__main__":
    sys.exit(main())
