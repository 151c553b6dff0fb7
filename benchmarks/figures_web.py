"""Read what the figure extractor gives on web news: the ECB+ events outside the fresh blind set.

    nice .venv/bin/python benchmarks/figures_web.py                     # every tuning event
    nice .venv/bin/python benchmarks/figures_web.py --event 7_ecb --docs 4
    nice .venv/bin/python benchmarks/figures_web.py --groups            # the cross-source groups only
    nice .venv/bin/python benchmarks/figures_web.py --missed            # the numbers no claim covers

Prints, per article, each claim (as ``figures_reading.py`` does) and, per event, the groups of two or more
articles. The documents come from ``web_material.py``, which refuses the fresh blind set's events.
"""

from __future__ import annotations

import argparse
import sys

import evidence_fresh
import web_material
from figures_reading import print_story


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--event", help="one tuning event, e.g. 7_ecb (see web_material.py --list)")
    ap.add_argument("--docs", type=int, default=0, help="articles per event (default all)")
    ap.add_argument("--groups", action="store_true", help="print only the groups of two or more articles")
    ap.add_argument("--missed", action="store_true", help="print only the numbers no claim covers")
    args = ap.parse_args(argv)
    from storylens.evidence.facts import story_facts

    records = evidence_fresh.load_records()
    events = [args.event] if args.event else list(web_material.tuning_events(records))
    for event in events:
        arts = web_material.event_articles(event, records)
        arts = arts[:args.docs] if args.docs else arts
        claims, groups = story_facts(arts)
        print(f"=== {event} ({len(arts)} articles)")
        print_story(arts, claims, groups, missed_only=args.missed, groups_only=args.groups)
    return 0


if __name__ == "__main__":
    sys.exit(main())
