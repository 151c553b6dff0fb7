"""The web development set (webdev): ECB+ articles of the tuning events, annotated for the evidence scorer.

    nice .venv/bin/python benchmarks/evidence_webdev.py select           # the seeded draw (set and reserve)
    nice .venv/bin/python benchmarks/evidence_webdev.py show 7_ecb 0 1   # chosen articles, with candidates
    nice .venv/bin/python benchmarks/evidence_webdev.py build NOTES_DIR  # write webdev.json from the notes

A DEVELOPMENT set (benchmarks/evidence_protocol.md, section "Web development set (webdev)"): tuners read it
and tune on it. Its events are those of ``web_material.tuning_events()``, outside the fresh blind set's; the
annotation rules are the fresh set's, and so is the tooling (``evidence_fresh.build`` reads the notes). The
gold holds offsets, anchors and values, never text: the text is read from ../shared/data (research use).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import evidence_fresh
import web_material

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "evidence_gold" / "webdev.json"
SEED = 20261203
N_EVENTS = 10
PER_EVENT = evidence_fresh.PER_EVENT
MIN_WORDS, MAX_WORDS = evidence_fresh.MIN_WORDS, evidence_fresh.MAX_WORDS


def select(records: dict[str, dict]) -> dict:
    """The seeded draw over the tuning events: topics shuffled, for each topic one of its tuning events with
    PER_EVENT or more articles of MIN_WORDS..MAX_WORDS words (a topic with none passed over), then PER_EVENT
    of them (a seeded sample, ids sorted); the first N_EVENTS events are the set, the rest the reserve."""
    rng = random.Random(SEED)
    pool: dict[str, list[str]] = {}
    topic_of: dict[str, int] = {}
    for event, ids in web_material.tuning_events(records).items():
        ok = [i for i in ids if MIN_WORDS <= len(evidence_fresh.cleaned(records[i]).text.split()) <= MAX_WORDS]
        if len(ok) >= PER_EVENT:
            pool[event] = ok
            topic_of[event] = int(records[ok[0]]["topic"])
    topics = sorted(set(topic_of.values()))
    rng.shuffle(topics)
    drawn = []
    for t in topics:
        event = rng.choice(sorted(e for e in pool if topic_of[e] == t))
        drawn.append({"event": event, "topic": t, "docs": sorted(rng.sample(pool[event], PER_EVENT))})
    return {"seed": SEED, "words": [MIN_WORDS, MAX_WORDS], "set": drawn[:N_EVENTS], "reserve": drawn[N_EVENTS:]}


def parse_notes(text: str) -> tuple[list[str], dict[str, str]]:
    """One event's notes: its places (``P place, place`` lines) and ``{doc id: its lines}`` (``## DOC_ID``
    headers; the lines as ``evidence_fresh.build`` reads them)."""
    places = [p.strip() for line in re.findall(r"^P (.*)$", text, flags=re.M) for p in line.split(",")]
    parts = re.split(r"^## *(\S+) *$", re.sub(r"^P .*$", "", text, flags=re.M), flags=re.M)
    return [p for p in places if p], {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def build_all(notes_dir: Path, records: dict[str, dict]) -> dict:
    """webdev.json from notes files named EVENT.txt (:func:`parse_notes`), in the draw's order; an event's
    notes must annotate all its chosen articles."""
    return build_gold(notes_dir, records, select(records), SEED)


def build_gold(notes_dir: Path, records: dict[str, dict], draw: dict, seed: int) -> dict:
    """A web set's gold from notes files named EVENT.txt, for the events of ``draw`` (its set, then its
    reserve) that have notes; an event's notes must annotate all its chosen articles."""
    stories = []
    for pick in draw["set"] + draw["reserve"]:
        notes = notes_dir / f"{pick['event']}.txt"
        if not notes.exists():
            continue
        places, by_doc = parse_notes(notes.read_text(encoding="utf-8"))
        docs = []
        for k, doc_id in enumerate(pick["docs"]):
            if doc_id not in by_doc:
                raise SystemExit(f"{notes}: no notes for {doc_id}")
            text = evidence_fresh.cleaned(records[doc_id]).text
            try:
                got = evidence_fresh.build(text, by_doc[doc_id])
            except ValueError as exc:
                raise SystemExit(f"{doc_id}: {exc}") from None
            docs.append({"doc": k, "doc_id": doc_id, **got, "times": [], "chars": len(text), "annotated": True})
        stories.append({"id": pick["event"], "topic": pick["topic"], "source": evidence_fresh.DATA.name,
                        "places": places, "docs": docs})
    return {"seed": seed, "events_drawn": len(draw["set"]), "stories": stories}


def cli(argv: list[str] | None, *, doc: str, name: str, gold_path: Path,
        select_fn: Callable[[dict[str, dict]], dict],
        build_fn: Callable[[Path, dict[str, dict]], dict]) -> int:
    """The select / show / build commands of a web set drawn from ECB+ (webdev, webdev2)."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("what", choices=["select", "show", "build"])
    ap.add_argument("args", nargs="*")
    args = ap.parse_args(argv)
    if not evidence_fresh.DATA.exists():
        print(f"skipped: {evidence_fresh.DATA} not found (see ../shared/data/README.md)")
        return 0
    records = evidence_fresh.load_records()
    if args.what == "select":
        print(json.dumps(select_fn(records), indent=1))
        return 0
    if args.what == "build":
        if not args.args:
            print("build needs the notes folder", file=sys.stderr)
            return 2
        gold = build_fn(Path(args.args[0]), records)
        gold_path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{gold_path}: {len(gold['stories'])} events, {sum(len(s['docs']) for s in gold['stories'])} articles")
        return 0
    if not args.args:
        print("show needs an event and article numbers", file=sys.stderr)
        return 2
    draw = select_fn(records)
    event, *ks = args.args
    pick = next((p for p in draw["set"] + draw["reserve"] if p["event"] == event), None)
    if pick is None:
        print(f"{event} is not a drawn {name} event (see select)", file=sys.stderr)
        return 2
    for k in ks:
        if not k.isdigit() or int(k) >= len(pick["docs"]):
            print(f"{event} has articles 0..{len(pick['docs']) - 1}, not {k}", file=sys.stderr)
            return 2
        evidence_fresh.show(records[pick["docs"][int(k)]])
    return 0


def main(argv: list[str] | None = None) -> int:
    return cli(argv, doc=__doc__ or "", name="webdev", gold_path=GOLD, select_fn=select, build_fn=build_all)


if __name__ == "__main__":
    sys.exit(main())
