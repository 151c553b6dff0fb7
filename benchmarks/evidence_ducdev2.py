"""The second DUC development set (ducdev2): the 8 DUC 2007 main topics the first draw left, annotated.

    .venv/bin/python benchmarks/evidence_annotate.py select-rest     # the draw (seed 20261202, 4 articles a topic)
    .venv/bin/python benchmarks/evidence_annotate.py show D0704A 0   # one drawn article, cleaned, with candidates
    .venv/bin/python benchmarks/evidence_annotate.py build ducdev2   # write ducdev2.json from ducdev2_notes/
    nice .venv/bin/python benchmarks/evidence_eval.py --half ducdev2 --json

A DEVELOPMENT set (benchmarks/evidence_protocol.md, section "Second DUC development set (ducdev2)"), in the
format of dev.json: the articles of ``evidence_annotate.select_rest``, annotated by the same protocol in notes
files ``ducdev2_notes/TOPIC.txt`` (``## DOC`` headers, lines ``Q|q|F|T ANCHOR => SPEC``). Only the articles
that have notes are in the gold (a story with none is left out), so a set half annotated scores what it holds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import evidence_annotate as ann

GOLD = ann.ROOT / "benchmarks" / "evidence_gold" / "ducdev2.json"
NOTES = GOLD.parent / "ducdev2_notes"
PROCEDURE = ("benchmarks/evidence_annotate.py select-rest (see benchmarks/evidence_protocol.md, section "
             "\"Second DUC development set (ducdev2)\")")


def doc_record(rec: dict, k: int, notes: str) -> dict:
    """Article ``k`` of DUC cluster ``rec`` with its annotations built from ``notes`` (dev.json's fields)."""
    text = ann.cleaned(rec, k).text
    return {"doc": k, "doc_id": rec["meta"]["doc_ids"][k], "published": rec["meta"]["doc_dates"][k][:10],
            "convention": ann.convention(text), "chars": len(text), **ann.build(text, notes), "annotated": True}


def build_gold(clusters: dict[str, dict], notes_dir: Path = NOTES) -> tuple[dict, list[str]]:
    """``(gold, errors)``: the set from the notes in ``notes_dir``; an article whose notes do not build is left
    out and named in ``errors``; notes of an article outside the draw are an error too."""
    draw = ann.select_rest(list(clusters.values()))
    stories, errors = [], []
    for topic, picks in draw["articles"].items():
        path = notes_dir / f"{topic.split('-')[1]}.txt"
        by_doc = ann.notes_by_doc(path) if path.exists() else {}
        errors += [f"{topic}/{k}: not one of the drawn articles {picks}" for k in by_doc if k not in picks]
        docs = []
        for k in (k for k in picks if k in by_doc):
            try:
                docs.append(doc_record(clusters[topic], k, by_doc[k]))
            except ValueError as exc:
                errors.append(f"{topic}/{k}: {exc}")
        if docs:
            stories.append({"id": topic, "source": ann.MAIN.name,
                            "topic_title": clusters[topic]["meta"]["topic_title"], "docs": docs, "groups": []})
    selection = {"seed": draw["seed"], "procedure": PROCEDURE, "topics": sorted(draw["articles"]),
                 "articles": draw["articles"]}
    return {"half": "ducdev2", "selection": selection, "stories": stories}, errors


def build() -> int:
    """Write ducdev2.json from the notes; print each article left out and why (exit 1 if any)."""
    if not ann.MAIN.exists():
        print(f"skipped: {ann.MAIN} not found")
        return 0
    gold, errors = build_gold({r["id"]: r for r in ann.load_clusters()})
    GOLD.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for line in errors:
        print(line)
    n = sum(len(s["docs"]) for s in gold["stories"])
    print(f"wrote {GOLD.name}: {len(gold['stories'])} stories, {n} articles"
          + (f"; {len(errors)} left out" if errors else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(build())
