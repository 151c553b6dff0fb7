"""The annotated evidence sets: where each half's gold and source texts are, and how its articles are read.

One registry for benchmarks/evidence_eval.py, evidence_errors.py and the scripts that import them. A new set is
one entry in SOURCES (its source file under ../shared/data), one in NAMED (the table's order) and, if it may be
inspected item by item, one in DEVELOPMENT; blind sets (fresh, fresh2) are never in DEVELOPMENT. ducdev2 (the
DUC main topics the first draw left, benchmarks/evidence_ducdev2.py) is read as the DUC halves are. webdev3
(English SemEval, a development set) is read through benchmarks/semeval_material.py, which refuses fresh2's
articles and every article linked to them.
"""

from __future__ import annotations

import json
from pathlib import Path

import evidence_fresh
import evidence_fresh2
import semeval_material

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "benchmarks" / "evidence_gold"
DATA = ROOT.parent / "shared" / "data"
HALVES = ("dev", "blind")
SOURCES = {"dev": "duc2007_main_pyr23.jsonl", "blind": "duc2007_main_pyr23.jsonl", "fresh": evidence_fresh.DATA.name,
           "webdev": evidence_fresh.DATA.name, "webdev2": evidence_fresh.DATA.name,
           "fresh2": evidence_fresh2.DATA.name, "webdev3": semeval_material.DATA.name,
           "webdev4": semeval_material.DATA.name, "ducdev2": "duc2007_main_pyr23.jsonl"}
# the halves, in the order the table shows them
NAMED = ("dev", "blind", "fresh", "webdev", "webdev2", "fresh2", "webdev3", "webdev4", "ducdev2")
# the halves that may be inspected item by item (evidence_errors.py)
DEVELOPMENT = ("dev", "webdev", "webdev2", "webdev3", "webdev4", "ducdev2")

def load_gold(half: str) -> dict:
    return json.loads((GOLD_DIR / f"{half}.json").read_text(encoding="utf-8"))


def load_clusters(half: str) -> dict[str, dict]:
    """The half's source records by id: DUC clusters, ECB+ documents for the web sets, or the original English
    SemEval articles for fresh2."""
    path = DATA / SOURCES[half]
    if half in ("webdev3", "webdev4"):  # SemEval English outside fresh2 and its links: semeval_material only
        return semeval_material.safe_articles()
    if SOURCES[half] == evidence_fresh.DATA.name:
        return evidence_fresh.load_records(path)
    if SOURCES[half] == evidence_fresh2.DATA.name:
        return evidence_fresh2.load_records(path)
    return {r["id"]: r for r in (json.loads(line) for line in path.open(encoding="utf-8"))}


def load_articles(story: dict, clusters: dict[str, dict]):
    """The story's annotated articles as storylens reads them: cleaned by ``article_from_text``, dated (the
    DUC stories; an ECB+ or SemEval story of a web set is undated)."""
    from storylens.ingest import article_from_text

    if story.get("source") == evidence_fresh.DATA.name:
        return evidence_fresh.story_articles(story, clusters)
    if story.get("source") == evidence_fresh2.DATA.name:
        return evidence_fresh2.story_articles(story, clusters)
    rec = clusters[story["id"]]
    return [article_from_text(rec["documents"][d["doc"]], id=f"{story['id']}/{d['doc']}",
                              published=rec["meta"]["doc_dates"][d["doc"]][:10]) for d in story["docs"]]
