"""English SemEval news that tuning may read: the articles outside fresh2's and outside everything linked to them.

    nice .venv/bin/python benchmarks/semeval_material.py --list            # the stories tuning may read, with sizes
    nice .venv/bin/python benchmarks/semeval_material.py --show STORY      # a story's cleaned articles (or one ID)
    nice .venv/bin/python benchmarks/semeval_material.py --dump STORY      # what the digest extracts from it

The second fresh blind set (benchmarks/evidence_gold/fresh2.json) annotates 60 English SemEval-2022 Task 8
articles. Every one of them, and every article linked to one of them, stays unread by whoever tunes the
extractors: a linked article reports the same story (or its translation repeats the same text). This module
takes fresh2's articles from its seeded draw (``evidence_fresh2.select``, never the gold file), joins the
articles into components over ALL the pairs of the pairs file (any label, any language, synthetic or not) and
over each translation's ``orig_article_id``, and refuses every article of a component holding a fresh2 article.
What is left (:func:`safe_articles`) are the original English articles (``lang`` "en", not machine-translated)
tuners may read; :func:`stories` are the components of their same-story pairs, each one story, its id its two
smallest article ids joined by ``_`` (as fresh2's). Articles are cleaned as ``evidence_fresh.cleaned`` cleans
them for the sets. The data is read from ../shared/data (research use), never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path

import evidence_fresh
import evidence_fresh2

DATA, PAIRS = evidence_fresh2.DATA, evidence_fresh2.PAIRS


def _links(data: Path, pairs: Path) -> list[tuple[str, str]]:
    """Every pair of the pairs file, and every article with the original it was translated from."""
    edges = [(p["id1"], p["id2"]) for p in (json.loads(line) for line in pairs.open(encoding="utf-8"))]
    for rec in (json.loads(line) for line in data.open(encoding="utf-8")):
        if rec.get("orig_article_id") and rec["orig_article_id"] != rec["id"]:
            edges.append((rec["id"], rec["orig_article_id"]))
    return edges


def hidden_articles(records: dict[str, dict], data: Path = DATA, pairs: Path = PAIRS) -> frozenset[str]:
    """The ids of fresh2's drawn articles and of every article linked to one of them, however far."""
    fresh2 = {i for pick in evidence_fresh2.select(records, pairs)["set"] for i in pick["docs"]}
    nbrs: dict[str, set[str]] = {}
    for a, b in _links(data, pairs):
        nbrs.setdefault(a, set()).add(b)
        nbrs.setdefault(b, set()).add(a)
    seen, todo = set(fresh2), list(fresh2)
    while todo:
        for n in nbrs.get(todo.pop(), ()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return frozenset(seen)


@lru_cache(maxsize=1)
def _safe() -> tuple[tuple[str, dict], ...]:
    records = evidence_fresh2.load_records(DATA)
    hidden = hidden_articles(records)
    return tuple((i, r) for i, r in sorted(records.items()) if i not in hidden)


def safe_articles() -> dict[str, dict]:
    """``{id: record}`` of the English original articles tuning may read (records as
    ``evidence_fresh2.load_records`` gives them)."""
    return dict(_safe())


def stories(safe: dict[str, dict] | None = None, pairs: Path = PAIRS) -> dict[str, list[str]]:
    """``{story id: [article id, ...]}``: the components (2 articles or more) of the same-story pairs between
    two safe articles, ids sorted, in the order of their smallest id."""
    safe = safe_articles() if safe is None else safe
    edges = sorted((p["id1"], p["id2"]) for p in (json.loads(line) for line in pairs.open(encoding="utf-8"))
                   if p["same_story"] and p["id1"] in safe and p["id2"] in safe)
    comps = evidence_fresh2._components({i for e in edges for i in e}, edges)
    return {"_".join(c[:2]): c for c in comps}


def story_articles(key: str, safe: dict[str, dict] | None = None) -> list:
    """The cleaned articles of a story (or the one article ``key``), ids ``STORY/k`` as the sets' (one
    article: its own id); an article outside the safe ones is refused."""
    safe = safe_articles() if safe is None else safe
    if key in safe:
        return [evidence_fresh.cleaned(safe[key], key)]
    ids = stories(safe).get(key)
    if ids is None:
        raise SystemExit(f"{key} is no story or article tuning may read (fresh2's and those linked to them are "
                         "refused; see --list)")
    return [evidence_fresh.cleaned(safe[i], f"{key}/{k}") for k, i in enumerate(ids)]


def dump(articles) -> str:
    """What the digest users get (``evidence_eval.run_story``) extracts: each quotation with its speaker,
    each figure with its value, unit and counted thing, grouped as the digest groups them."""
    import evidence_eval

    dg = evidence_eval.run_story(articles)["digest"]
    lines = [f"# {len(articles)} articles: " + ", ".join(a.id for a in articles), "", "## quotations"]
    for q in dg.quotes:
        where = ",".join(sorted({e.article_id for e in q.evidence}))
        lines.append(f"- [{where}] {q.speaker or '(' + (q.mention or 'none') + ')'} [{q.resolution}]: "
                     f"{q.text!r}")
    lines += ["", "## figures (one block per fact group)"]
    for g in dg.facts:
        lines.append(f"* {g.what!r} ({g.status})")
        for cl in g.claims:
            lines.append(f"  - [{cl.article_id}] {cl.value:g}{' ' + cl.unit if cl.unit else ''} {cl.what!r} "
                         f"<- {cl.text!r}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--list", action="store_true", help="the stories tuning may read")
    ap.add_argument("--show", metavar="ID|STORY", help="print a story's (or one article's) cleaned text")
    ap.add_argument("--dump", metavar="STORY", help="print the digest's quotations, speakers and figures")
    args = ap.parse_args(argv)
    if not DATA.exists() or not PAIRS.exists():
        print(f"skipped: {DATA} or {PAIRS.name} not found (see ../shared/data/README.md)")
        return 0
    safe = safe_articles()
    key = args.show or args.dump
    if key:
        try:
            articles = story_articles(key, safe)
        except SystemExit as exc:
            print(exc, file=sys.stderr)
            return 2
        print(dump(articles) if args.dump else "\n".join(f"## {a.id}\n{a.text}\n" for a in articles))
        return 0
    for sid, ids in stories(safe).items():
        words = [len(evidence_fresh.cleaned(safe[i]).text.split()) for i in ids]
        print(f"{sid}\t{len(ids)} articles\t{'/'.join(map(str, words))} words")
    print(f"{len(safe)} safe English articles, {len(stories(safe))} stories", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
