"""Read the time expressions storylens finds on unannotated DUC 2007 stories, to find new error patterns.

    nice .venv/bin/python benchmarks/dates_reading.py                        # every allowed topic
    nice .venv/bin/python benchmarks/dates_reading.py --topic D0704A --misses  # words that look like dates, unread

Per article: its publication date (the metadata, ``meta.doc_dates``) with its weekday, then each sentence that
has time expressions, each expression with the date it resolves to (``H`` when the timeline takes it for
history, ``F`` when the sentence looks ahead). ``--misses`` prints instead each calendar-looking word (a month,
a weekday, a year, "week", "season", "ago", ...) that no expression covers, with its context: the recall side.
Read it as benchmarks/evidence_protocol.md would judge it. The blind half's topics are refused: they are
scored, never read (benchmarks/evidence_eval.py --half blind).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
BLIND = {"D0703A", "D0705A", "D0718D", "D0720E", "D0728G", "D0730G", "D0734H", "D0739I"}
READABLE_MAIN = ("D0704A", "D0706B", "D0707B", "D0710C", "D0711C", "D0729G", "D0742J", "D0743J")
READABLE_UPDATE = ("D0706B", "D0711C", "D0726F", "D0736H", "D0743J")
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
CALENDARISH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|" + WEEKDAYS + r"|(?:1[89]|20)\d\d(?:s|'s)?|'\d\ds|"
    r"weeks?|weekends?|months?|years?|decades?|century|spring|summer|autumn|fall|winter|ago|today|yesterday|"
    r"tomorrow|tonight|overnight|earlier|later|Christmas|Easter|Ramadan|Thanksgiving|\d{1,2}/\d{1,2}(?:/\d+)?)\b")


def topics(chosen: list[str] | None) -> list[tuple[str, str]]:
    """``(data file, topic id)`` of the topics to read; a blind topic is refused."""
    if chosen:
        bad = sorted({t[:6] for t in chosen} & BLIND)
        if bad:
            sys.exit(f"refused: {', '.join(bad)} belong to the blind half (scored, never read)")
    out = [("duc2007_main_pyr23.jsonl", t) for t in READABLE_MAIN]
    out += [("duc2007_update.jsonl", t) for t in READABLE_UPDATE]
    return [(f, t) for f, t in out if not chosen or t in {c[:6] for c in chosen}]


def records(data_file: str, topic: str):
    path = DATA / data_file
    if not path.exists():
        sys.exit(f"skipped: {path} is not there")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            tid = rec["id"].split("-")[1]
            if tid in BLIND:
                continue
            if tid == topic:
                yield rec


def articles(rec: dict, limit: int | None):
    from storylens.ingest import article_from_text

    docs = rec["documents"][:limit] if limit else rec["documents"]
    return [article_from_text(text, id=f"{rec['id']}/{i}", published=rec["meta"]["doc_dates"][i][:10])
            for i, text in enumerate(docs)]


def show_article(doc, misses: bool) -> None:
    from storylens.text.dates import is_future, is_history

    anchor = doc.anchor
    print(f"\n== {doc.id}  published {anchor} {anchor.strftime('%a') if anchor else ''}"
          f"{' (inferred)' if doc.anchor_inferred else ''}")
    for sentence, got in zip(doc.sentences, doc.times):
        text = sentence.text.replace("\n", " ")
        if misses:
            covered = [(t.start - sentence.start, t.end - sentence.start) for t, _ in got]
            for m in CALENDARISH.finditer(text):
                if not any(s < m.end() and m.start() < e for s, e in covered):
                    print(f"  MISS {m.group(0)!r}: ...{text[max(0, m.start() - 70):m.end() + 50]}...")
            continue
        if not got:
            continue
        print(f"  | {text[:300]}")
        flags = "F" if is_future(sentence.text) else " "
        for t, r in got:
            hist = "H" if is_history(sentence.text, t.start - sentence.start) else " "
            print(f"    {flags}{hist} {t.kind:<10} {t.text!r:<28} -> {r.date} ({r.precision})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--topic", action="append", help="a readable topic id (repeatable); default all")
    ap.add_argument("--misses", action="store_true", help="calendar-looking words no expression covers")
    ap.add_argument("--limit", type=int, help="at most this many articles per cluster")
    args = ap.parse_args(argv)
    from storylens.prepare import prepare_documents

    for data_file, topic in topics(args.topic):
        for rec in records(data_file, topic):
            for doc in prepare_documents(articles(rec, args.limit)):
                show_article(doc, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
