"""The fresh blind evidence set (ECB+): which articles, their text as storylens reads it, and a reading aid.

    .venv/bin/python benchmarks/evidence_fresh.py select             # the seeded draw (set and reserve)
    .venv/bin/python benchmarks/evidence_fresh.py show 3_ecb 0        # one chosen article, with candidates
    .venv/bin/python benchmarks/evidence_fresh.py build NOTES_DIR     # fill fresh.json from the annotator's notes

``select`` is the procedure of benchmarks/evidence_protocol.md (section "Fresh set (ECB+)"): it prints the
draw that benchmarks/evidence_gold/fresh.json holds, so anyone can check the events were not chosen by hand.
``show`` and ``build`` are the annotator's; nobody else opens the set (team rules). The text is read from
../shared/data/ecbplus_dev_docs.jsonl (research use), never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ecbplus_dev_docs.jsonl"
GOLD = ROOT / "benchmarks" / "evidence_gold" / "fresh.json"
SEED = 20261202
N_TOPICS = 8
PER_EVENT = 4
MIN_WORDS, MAX_WORDS = 100, 700


def load_records(path: Path = DATA) -> dict[str, dict]:
    """``{doc_id: record}`` of the ECB+ file."""
    return {r["doc_id"]: r for r in (json.loads(line) for line in path.open(encoding="utf-8"))}


def cleaned(rec: dict, id: str | None = None):
    """The ECB+ article as storylens reads it: cleaned by ``article_from_text``, no publication date given."""
    from storylens.ingest import article_from_text

    return article_from_text(rec["text"], id=id or rec["doc_id"])


def story_articles(story: dict, records: dict[str, dict]) -> list:
    """A fresh-set story (one gold event's chosen articles) as the scorer feeds it to the digest: ids
    ``EVENT/k`` (k: the article's place in the story, its ``doc``), undated."""
    return [cleaned(records[d["doc_id"]], id=f"{story['id']}/{d['doc']}") for d in story["docs"]]


def select(records: dict[str, dict]) -> dict:
    """The seeded draw: topics shuffled, one eligible event per topic, PER_EVENT pool articles of it; the
    first N_TOPICS topics are the set, the rest the reserve (in order)."""
    rng = random.Random(SEED)
    pool: dict[str, list[str]] = {}
    topic_of: dict[str, int] = {}
    for doc_id in sorted(records):
        rec = records[doc_id]
        if MIN_WORDS <= len(cleaned(rec).text.split()) <= MAX_WORDS:
            pool.setdefault(rec["cluster"], []).append(doc_id)
            topic_of[rec["cluster"]] = int(rec["topic"])
    topics = sorted(set(topic_of.values()))
    rng.shuffle(topics)
    drawn = []
    for t in topics:
        events = sorted(e for e, docs in pool.items() if topic_of[e] == t and len(docs) >= PER_EVENT)
        if not events:
            continue
        event = rng.choice(events)
        drawn.append({"event": event, "topic": t, "docs": sorted(rng.sample(pool[event], PER_EVENT))})
    return {"seed": SEED, "words": [MIN_WORDS, MAX_WORDS], "set": drawn[:N_TOPICS], "reserve": drawn[N_TOPICS:]}


NUM = re.compile(r"(?<![\w.])(\$|US\$)?\d[\d,.]*(\s*(million|billion|trillion|percent|%))?|\b(two|three|four|five|"
                 r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                 r"nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|"
                 r"thousands|dozen|dozens|million|millions|billion|billions|half|score|scores)\b", re.I)
QMARK = re.compile(r"``|''|\"|\u201c|\u201d|\u2018|\u2019")


def show(rec: dict) -> None:
    """The cleaned text with the candidates simple patterns of this file find (a reminder against misses)."""
    a = cleaned(rec)
    t = a.text
    print(f"== {a.id} event {rec['cluster']} ({len(t.split())} words, {len(t)} chars) title {a.title!r}")
    print(t)
    print("-- quotation marks:", " ".join(f"{m.start()}{m.group()}" for m in QMARK.finditer(t)))
    print("-- numbers:", "; ".join(f"{m.start()}:{m.group()}" for m in NUM.finditer(t)))


CLOSERS = ('"', "\u201d")
CURRENCIES = {"USD", "EUR", "GBP"}


def _find(text: str, search: str, cursor: int) -> int:
    m = re.compile(r"(?<![\w])" + re.escape(search), re.I).search(text, cursor)
    if m is None:
        raise ValueError(f"anchor {search!r} not found after offset {cursor}")
    return m.start()


def _quote_end(text: str, at: int) -> int:
    """The closing mark after ``at`` in its paragraph, else the paragraph's end (a quotation that runs on)."""
    para_end = text.find("\n", at)
    para_end = len(text) if para_end < 0 else para_end
    close = min((i for i in (text.find(c, at, para_end) for c in CLOSERS) if i >= 0), default=para_end)
    return len(text[:close].rstrip()) if close < para_end else len(text[:para_end].rstrip())


def build(text: str, notes: str) -> dict:
    """One article's annotations from notes lines, in text order: ``Q FIRST WORDS => speaker`` (``?``: none
    named; ``Q FIRST WORDS ~ LAST WORDS => ...`` where the closing mark was lost) and
    ``F AS WRITTEN[|CONTEXT] => [-]VALUE [UNIT] : THING [; ALT, ...] [@GROUP]`` (the figure's span is the part
    before ``|``; the context after it only places it)."""
    from evidence_annotate import note_lines, parse_figure

    out: dict = {"quotes": [], "figures": []}
    cursor = {"Q": 0, "F": 0}
    for kind, anchor, spec, line in note_lines(notes):
        anchor, _, last = (x.strip() for x in anchor.partition(" ~ "))
        shown = anchor.partition("|")[0].rstrip()
        if kind not in cursor:
            raise ValueError(f"unknown line {line!r}")
        at = _find(text, anchor.replace("|", ""), cursor[kind])
        cursor[kind] = at + 1
        if kind == "Q":
            end = _quote_end(text, at)
            if last:  # the closing mark was lost: the quotation ends after these words
                end = _find(text, last, at) + len(last)
            out["quotes"].append({"start": at, "end": end, "anchor": shown,
                                  "speaker": None if spec == "?" else spec})
        else:
            negative = spec.startswith("-")  # a temperature below zero: "- 15C"
            fig = parse_figure(spec[negative:])
            fig["value"] = -fig["value"] if negative else fig["value"]
            if fig["unit"] in CURRENCIES and fig["kind"] == "measure":
                fig["kind"] = "money"
            out["figures"].append({"start": at, "end": at + len(shown), "anchor": shown, **fig})
    return out


def build_all(notes_dir: Path, records: dict[str, dict]) -> None:
    """Fill fresh.json's articles from notes files named EVENT.txt (``## DOC_ID`` headers, lines as in
    :func:`build`)."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for story in gold["stories"]:
        notes = notes_dir / f"{story['id']}.txt"
        if not notes.exists():
            continue
        parts = re.split(r"^## *(\S+) *$", notes.read_text(encoding="utf-8"), flags=re.M)
        by_doc = {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}
        for doc in story["docs"]:
            if doc["doc_id"] not in by_doc:
                continue
            a = cleaned(records[doc["doc_id"]])
            try:
                got = build(a.text, by_doc[doc["doc_id"]])
            except ValueError as exc:
                print(f"{doc['doc_id']}: {exc}")
                continue
            doc.update(quotes=got["quotes"], figures=got["figures"], times=[], chars=len(a.text), annotated=True)
    GOLD.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["select", "show", "build"])
    ap.add_argument("args", nargs="*")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} not found (see ../shared/data/README.md)")
        return 0
    records = load_records()
    if args.what == "select":
        print(json.dumps(select(records), indent=1))
    elif args.what == "build":
        sys.path.insert(0, str(ROOT / "benchmarks"))
        build_all(Path(args.args[0]), records)
    else:
        event, *ks = args.args
        chosen = next(s for s in json.loads(GOLD.read_text(encoding="utf-8"))["stories"] if s["id"] == event)
        for k in ks:
            show(records[chosen["docs"][int(k)]["doc_id"]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
