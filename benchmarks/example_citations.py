"""The bundled example's summary sentences that cite two or more sources, as `storylens digest` makes them.

    nice .venv/bin/python benchmarks/example_citations.py

Prints each summary sentence with its sources (own first) and the evidence span of every other cited source,
then the count (the `example_citations` floor in benchmarks/floors.json).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aleppo-2016"


def main() -> int:
    from storylens import digest, load_articles

    d = digest(load_articles([EXAMPLE]))
    multi = 0
    for s in d.summary.sentences:
        n = len(set(s.citations))
        multi += n >= 2
        print(f"{[i + 1 for i in s.citations]} {s.text}")
        for e in s.evidence[1:]:
            print(f"      [{e.doc_index + 1}] {d.articles[e.doc_index].text[e.start:e.end]}")
    print(json.dumps({"summary_sentences": len(d.summary.sentences), "multi_source_sentences": multi}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
