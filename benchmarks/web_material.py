"""Web news that tuning may read: the ECB+ documents outside the fresh blind set's events.

    nice .venv/bin/python benchmarks/web_material.py --list           # the events tuning may read, with sizes
    nice .venv/bin/python benchmarks/web_material.py --show 7_ecb     # one event's cleaned articles

The fresh blind set (benchmarks/evidence_gold/fresh.json) annotates articles of 21 of ECB+'s 42 dev events.
Every document of those 21 events stays unread by whoever tunes the extractors: the same events' other
reports repeat its quotations and figures. This module reads the events' ids from the gold file's story ids
(never its annotations) and gives the documents of the other 21 events only, cleaned as
``evidence_fresh.cleaned`` cleans them for the fresh set, each event one story. The data is read from
../shared/data (research use), never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import evidence_fresh

ROOT = Path(__file__).resolve().parents[1]
FRESH_GOLD = ROOT / "benchmarks" / "evidence_gold" / "fresh.json"


def fresh_events(path: Path = FRESH_GOLD) -> frozenset[str]:
    """The events of the fresh blind set: the ids of its stories, nothing else of the file."""
    return frozenset(story["id"] for story in json.loads(path.read_text(encoding="utf-8"))["stories"])


def tuning_events(records: dict[str, dict] | None = None) -> dict[str, list[str]]:
    """``{event: [doc id, ...]}`` for the ECB+ events outside the fresh set, ids sorted."""
    records = evidence_fresh.load_records() if records is None else records
    hidden = fresh_events()
    events: dict[str, list[str]] = defaultdict(list)
    for doc_id, rec in records.items():
        if rec["cluster"] not in hidden:
            events[rec["cluster"]].append(doc_id)
    return {event: sorted(ids) for event, ids in sorted(events.items())}


def event_articles(event: str, records: dict[str, dict] | None = None) -> list:
    """The cleaned articles of one tuning event; a fresh-set event is refused."""
    records = evidence_fresh.load_records() if records is None else records
    ids = tuning_events(records).get(event)
    if not ids:
        if any(rec["cluster"] == event for rec in records.values()):  # an ECB+ event, not a tuning one
            raise SystemExit(f"{event} is an event of the fresh blind set: not for tuning")
        raise SystemExit(f"no ECB+ event {event!r} among the tuning events (see --list)")
    return [evidence_fresh.cleaned(records[i], i) for i in ids]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", action="store_true", help="the events tuning may read")
    ap.add_argument("--show", metavar="EVENT", help="print one tuning event's cleaned articles")
    args = ap.parse_args(argv)
    if not evidence_fresh.DATA.exists():
        print(f"skipped: {evidence_fresh.DATA} is absent")
        return 0
    records = evidence_fresh.load_records()
    if args.show:
        for article in event_articles(args.show, records):
            print(f"## {article.id}\n{article.text}\n")
        return 0
    for event, ids in tuning_events(records).items():
        print(f"{event}\t{len(ids)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
