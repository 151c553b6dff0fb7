"""What the evidence extractor gives on UNANNOTATED stories, printed to be read by hand against the protocol.

    nice .venv/bin/python benchmarks/evidence_reading.py --kind quotes                  # every allowed topic
    nice .venv/bin/python benchmarks/evidence_reading.py --kind quotes --topic D0704A --docs 6
    nice .venv/bin/python benchmarks/evidence_reading.py --kind quotes --only unresolved

The annotated dev half is at its tuning ceiling, and the blind half must never be read: new error patterns are
found here, on DUC 2007 topics that hold no annotation (main: ../shared/data/duc2007_main_pyr23.jsonl; update:
../shared/data/duc2007_update.jsonl). The blind topics are refused by id. Nothing is scored; each kind prints,
per article, what the extractor found with the words around it (benchmarks/evidence_protocol.md says how to
judge it). Each kind is one function in ``KINDS``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MAIN, UPDATE = DATA / "duc2007_main_pyr23.jsonl", DATA / "duc2007_update.jsonl"
#: the topics of the blind half: never read, never printed
BLIND = frozenset("D0703A D0705A D0718D D0720E D0728G D0730G D0734H D0739I".split())
#: the topics that hold no annotation at all
ALLOWED_MAIN = ("D0704A", "D0706B", "D0707B", "D0710C", "D0711C", "D0729G", "D0742J", "D0743J")
ALLOWED_UPDATE = ("D0706B", "D0711C", "D0726F", "D0736H", "D0743J")


def topic_of(record_id: str) -> str:
    m = re.search(r"D\d{4}[A-Z]", record_id)
    return m.group(0) if m else ""


def stories(topics: list[str], update: bool, docs: int) -> list[tuple[str, list]]:
    """``(id, articles)`` of each allowed story asked for, its first ``docs`` articles, dated."""
    from storylens.ingest import article_from_text

    bad = sorted(set(topics) & BLIND)
    if bad:
        raise SystemExit(f"refused: {', '.join(bad)} belong to the blind half")
    allowed = ALLOWED_UPDATE if update else ALLOWED_MAIN
    wanted = [t for t in (topics or allowed) if t in allowed]
    out = []
    path = UPDATE if update else MAIN
    if not path.exists():
        raise SystemExit(f"{path} is absent: the DUC 2007 data is needed (see ../shared/data/README.md)")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            t = topic_of(rec["id"])
            if t in BLIND or t not in wanted:
                continue
            dates = rec["meta"].get("doc_dates") or []
            arts = [article_from_text(text, id=f"{rec['id']}/{i}", published=(dates[i][:10] if i < len(dates)
                                                                               else None))
                    for i, text in enumerate(rec["documents"][:docs])]
            out.append((rec["id"], arts))
    return out


def read_quotes(story_id: str, articles: list, only: str | None) -> None:
    """Each quotation found with the words around it, its speaker and resolution; and each stretch between
    quotation marks that no quotation covers (MISSED?: a title, a fragment, or a quotation the finder lost)."""
    from storylens.evidence.entities import org_index, person_index, recognise
    from storylens.evidence.quotes import find_quotes
    from storylens.evidence.speakers import person_roles
    from storylens.prepare import prepare_documents

    entities, _ = recognise(articles, False)
    persons, orgs = person_index(entities), org_index(entities)
    roles = person_roles(articles, persons)
    for doc in prepare_documents(articles):
        found = find_quotes(doc, persons, roles, orgs)
        text = doc.text
        print(f"\n=== {doc.article.id} ({len(found)} quotations)")
        for f in found:
            if only == "missed" or (only == "unresolved" and f.speaker):
                continue
            before = text[max(0, f.start - 220):f.start].replace("\n", " / ")
            after = text[f.end:f.end + 120].replace("\n", " / ")
            print(f"  -> {f.speaker!r} [{f.resolution}] role={f.role!r} mention={f.mention!r}\n"
                  f"     ...{before}[[{f.text[:60]}...]]{after}...")
        if only == "unresolved":
            continue
        covered = [(f.start, f.end) for f in found]
        for m in _SPAN.finditer(text):
            if len(m.group(1).split()) >= 3 and not any(s < m.end() and m.start() < e for s, e in covered):
                print(f"  MISSED? ...{text[max(0, m.start() - 80):m.end() + 60]!r}")


_SPAN = re.compile(r"(?:``|''|[\u201c\"])(.{3,300}?)(?:''|[\u201d\"])", re.DOTALL)


KINDS: dict[str, Callable[[str, list, str | None], None]] = {"quotes": read_quotes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", choices=sorted(KINDS), default="quotes")
    ap.add_argument("--topic", action="append", default=[], help="a topic id (D0704A); repeatable")
    ap.add_argument("--update", action="store_true", help="the DUC 2007 update task's stories")
    ap.add_argument("--docs", type=int, default=25, help="the first N articles of each story")
    ap.add_argument("--only", choices=["unresolved", "missed"], default=None)
    args = ap.parse_args(argv)
    for sid, arts in stories(args.topic, args.update, args.docs):
        print(f"\n##### {sid} ({len(arts)} articles)")
        KINDS[args.kind](sid, arts, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
