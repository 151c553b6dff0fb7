"""The blind evidence set: which articles, which half, and a reading aid for the annotator.

    .venv/bin/python benchmarks/evidence_annotate.py select          # the seeded draw and the topic split
    .venv/bin/python benchmarks/evidence_annotate.py show D0701A 3   # one article, cleaned, with candidates

``select`` is the procedure of benchmarks/evidence_protocol.md (section "Selection"): it prints the draw
that benchmarks/evidence_gold/{dev,blind}.json hold, so anyone can check the split was not chosen by hand.
``show`` prints the cleaned text (the text storylens reads, so offsets line up) with candidates found by
simple regular expressions of this file alone (quotation marks, digits and number words, weekday/month/
relative-day words); they are a reminder against misses while reading, never storylens's own output.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MAIN = DATA / "duc2007_main_pyr23.jsonl"
SEED = 20261201
N_TOPICS = 15
PER_TOPIC = 4
MIN_WORDS, MAX_WORDS = 200, 700
# topics whose DUC 2007 update clusters are in benchmarks/facts_gold.json: the extractor was fixed on them,
# so they may only be development stories
SEEN_TOPICS = {"D0716", "D0721", "D0726", "D0727", "D0736", "D0740", "D0743"}


def load_clusters() -> list[dict]:
    return [json.loads(line) for line in MAIN.open(encoding="utf-8")]


def cleaned(rec: dict, k: int):
    """Article ``k`` of cluster ``rec`` as storylens reads it (cleaned text, dated with ``meta.doc_dates``)."""
    sys.path.insert(0, str(ROOT / "src"))
    from storylens.ingest import article_from_text

    return article_from_text(rec["documents"][k], id=f"{rec['id']}/{k}",
                             published=rec["meta"]["doc_dates"][k][:10])


def convention(text: str) -> str:
    """The article's quotation marks: ``backtick`` (``...''), ``apostrophes`` (''...'') or ``other``."""
    if "``" in text:
        return "backtick"
    return "apostrophes" if "''" in text else "other"


def select(clusters: list[dict]) -> dict:
    """The seeded draw: N_TOPICS topics, PER_TOPIC articles of MIN_WORDS..MAX_WORDS words each (one from
    the apostrophe convention where the topic has one), then the topics split into halves."""
    rng = random.Random(SEED)
    topics = sorted(clusters, key=lambda r: r["id"])
    rng.shuffle(topics)
    chosen = []
    for rec in topics:
        arts = [cleaned(rec, k) for k in range(len(rec["documents"]))]
        ok = [k for k, a in enumerate(arts) if MIN_WORDS <= len(a.text.split()) <= MAX_WORDS]
        if len(ok) < PER_TOPIC:
            continue
        apos = [k for k in ok if convention(arts[k].text) == "apostrophes"]
        picks = [rng.choice(apos)] if apos else []
        rest = [k for k in ok if k not in picks]
        picks += rng.sample(rest, PER_TOPIC - len(picks))
        chosen.append((rec["id"], sorted(picks)))
        if len(chosen) == N_TOPICS:
            break
    order = [t for t, _ in chosen]
    rng.shuffle(order)
    n_blind = (len(order) + 1) // 2
    blind = [t for t in order if t.split("-")[1][:5] not in SEEN_TOPICS][:n_blind]
    return {"seed": SEED, "blind": sorted(blind),
            "dev": sorted(t for t in order if t not in blind),
            "articles": {t: p for t, p in chosen}}


NUM = re.compile(r"(?<![\w.])(\$|US\$)?\d[\d,.]*(\s*(million|billion|trillion|percent|%))?|\b(two|three|four|five|"
                 r"six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|"
                 r"thousand|thousands|dozen|dozens|million|millions|billion)\b", re.I)
TIME = re.compile(r"\b(today|tonight|yesterday|tomorrow|(last|next|this) (week|month|year|spring|summer|fall|"
                  r"winter)|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)( night| morning)?|"
                  r"(Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.?( \d{1,2})?(, \d{4})?|"
                  r"(19|20)\d\d|\d+ (days|weeks|months|years) (ago|earlier|later))\b")
QMARK = re.compile(r"``|''|\"|\u201c|\u201d")


def show(rec: dict, k: int) -> None:
    a = cleaned(rec, k)
    t = a.text
    print(f"== {a.id} {rec['meta']['doc_ids'][k]} published {a.published} ({convention(t)}, {len(t.split())} words)")
    print(t)
    print("-- quotation marks:", " ".join(f"{m.start()}{m.group()}" for m in QMARK.finditer(t)))
    print("-- numbers:", "; ".join(f"{m.start()}:{m.group()}" for m in NUM.finditer(t)))
    print("-- times:", "; ".join(f"{m.start()}:{m.group()}" for m in TIME.finditer(t)))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["select", "show"])
    ap.add_argument("topic", nargs="?")
    ap.add_argument("docs", nargs="*", type=int)
    args = ap.parse_args(argv)
    if not MAIN.exists():
        print(f"skipped: {MAIN} not found")
        return 0
    clusters = load_clusters()
    if args.what == "select":
        print(json.dumps(select(clusters), indent=1))
        return 0
    rec = next(r for r in clusters if r["id"].endswith(args.topic))
    for k in args.docs:
        show(rec, k)
    return 0


if __name__ == "__main__":
    sys.exit(main())
