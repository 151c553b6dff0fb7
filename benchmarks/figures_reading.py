"""Read what the figure extractor gives on unannotated DUC 2007 stories, to find new error patterns by eye.

    nice .venv/bin/python benchmarks/figures_reading.py                       # every reading topic
    nice .venv/bin/python benchmarks/figures_reading.py --topic D0704A --docs 6
    nice .venv/bin/python benchmarks/figures_reading.py --groups               # the cross-source groups only

Prints, per article, each claim (value, bounds, unit, counted thing, the figure marked in its sentence) and,
per story, the groups of two or more articles. Only the topics that are in neither half of the annotated
evidence set (benchmarks/evidence_protocol.md): the blind topics are refused, so their errors are never read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
#: unannotated topics of the DUC 2007 main and update sets (never one of the blind half)
READING = {"duc2007_main_pyr23.jsonl": ("D0704A", "D0706B", "D0707B", "D0710C", "D0711C", "D0729G", "D0742J",
                                        "D0743J"),
           "duc2007_update.jsonl": ("D0706B", "D0711C", "D0726F", "D0736H", "D0743J")}
BLIND = frozenset("D0703A D0705A D0718D D0720E D0728G D0730G D0734H D0739I".split())


def stories(topic: str | None):
    """``(record id, articles)`` of the reading topics (all, or the one asked for)."""
    from storylens.ingest import article_from_text

    for name, topics in READING.items():
        path = DATA / name
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            rec = json.loads(line)
            tid = next((t for t in topics if t in rec["id"]), None)
            if tid is None or any(b in rec["id"] for b in BLIND) or (topic and topic != tid):
                continue
            dates = rec.get("meta", {}).get("doc_dates") or [None] * len(rec["documents"])
            yield rec["id"], [article_from_text(d, id=f"{rec['id']}/{k}", published=(dates[k] or "")[:10] or None)
                              for k, d in enumerate(rec["documents"])]


def show_claim(c) -> str:
    bound = f"..{c.high:g}" if c.high is not None else (f"/{c.per:g}" if c.per is not None else "")
    s = c.sentence
    at = s.find(c.text)
    marked = f"{s[:at]}[[{s[at:at + len(c.text)]}]]{s[at + len(c.text):]}" if at >= 0 else s
    return f"  {c.qualifier + ' ' if c.qualifier else ''}{c.value:g}{bound} {c.unit or '-'} | {c.what!r}\n" \
           f"      {' '.join(marked.split())[:300]}"


_NUMBER = re.compile(r"\b(?:\d[\d,.]*|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                     r"thirty|forty|fifty|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands|millions|half|third|"
                     r"quarter)\b)", re.IGNORECASE)


def missed(article, claims) -> list[str]:
    """The numbers of an article that no claim's span covers, each with its context (years included: the
    reader judges)."""
    out = []
    for m in _NUMBER.finditer(article.text):
        if any(c.start <= m.start() < c.end for c in claims):
            continue
        ctx = " ".join(article.text[max(0, m.start() - 60):m.end() + 50].split())
        out.append(f"{m.group(0)!r}: ...{ctx}...")
    return out


def print_story(arts, claims, groups, *, missed_only: bool = False, groups_only: bool = False) -> None:
    """One story's reading: per article its claims (or, ``missed_only``, the numbers no claim covers), then
    the groups of two or more articles; an article is named by the part of its id after the last "/"."""
    def short(article_id: str) -> str:
        return article_id.rsplit("/", 1)[-1]

    for a in arts:
        mine = [c for c in claims if c.article_id == a.id]
        if missed_only:
            for line in missed(a, mine):
                print(f"  {short(a.id)}: {line}")
        elif not groups_only:
            print(f"-- {a.id}")
            for c in mine:
                print(show_claim(c))
    for g in groups:
        if len({c.article_id for c in g.claims}) >= 2:
            vals = ", ".join(f"{short(c.article_id)}:{c.value:g} {c.what!r}" for c in g.claims)
            print(f"  GROUP {g.status} {g.what!r}: {vals}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--topic", help="one topic id, e.g. D0704A")
    ap.add_argument("--docs", type=int, default=5, help="articles per story (default 5)")
    ap.add_argument("--groups", action="store_true", help="print only the groups of two or more articles")
    ap.add_argument("--missed", action="store_true", help="print only the numbers no claim covers")
    args = ap.parse_args(argv)
    if args.topic and args.topic in BLIND:
        print(f"refused: {args.topic} is a blind topic", file=sys.stderr)
        return 2
    from storylens.evidence.facts import story_facts

    for sid, arts in stories(args.topic):
        arts = arts[:args.docs]
        claims, groups = story_facts(arts)
        print(f"=== {sid} ({len(arts)} articles)")
        print_story(arts, claims, groups, missed_only=args.missed, groups_only=args.groups)
    return 0


if __name__ == "__main__":
    sys.exit(main())
