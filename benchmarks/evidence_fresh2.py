"""The second fresh blind evidence set (SemEval English): which articles, their text as storylens reads it, a
reading aid, and the gold built from the annotator's notes.

    nice .venv/bin/python benchmarks/evidence_fresh2.py select              # the seeded draw (set and reserve)
    nice .venv/bin/python benchmarks/evidence_fresh2.py show STORY 0 1      # chosen articles, with candidates
    nice .venv/bin/python benchmarks/evidence_fresh2.py build NOTES_DIR     # write fresh2.json from the notes

``select`` is the procedure of benchmarks/evidence_protocol.md (section "Second fresh set (SemEval English)"):
it prints the draw benchmarks/evidence_gold/fresh2.json holds, so anyone can check the stories were not chosen
by hand. ``show`` and ``build`` are the annotator's; nobody but the annotator and the lead opens the set (team
rules). The annotation tooling is the fresh set's (``evidence_fresh.build`` reads the notes, ``evidence_webdev
.parse_notes`` splits them). The text is read from ../shared/data/semeval8_train_articles.jsonl (research use),
never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import deque
from collections.abc import Callable
from pathlib import Path

import evidence_fresh
import evidence_webdev

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "semeval8_train_articles.jsonl"
PAIRS = DATA.with_name("semeval8_train_pairs.jsonl")
GOLD = ROOT / "benchmarks" / "evidence_gold" / "fresh2.json"
SEED = 20261206
MIN_WORDS = 100
PER_STORY = 4
N_ARTICLES = 60


def load_records(path: Path = DATA) -> dict[str, dict]:
    """``{id: record}`` of the original English articles (``lang`` "en", not machine-translated), each with
    ``doc_id`` set to its id (the field the fresh set's tools read)."""
    recs = (json.loads(line) for line in path.open(encoding="utf-8"))
    return {r["id"]: {**r, "doc_id": r["id"]} for r in recs if r["lang"] == "en" and not r["machine_translated"]}


def story_articles(story: dict, records: dict[str, dict]) -> list:
    """A story as the scorer feeds it to the digest: ids ``STORY/k`` (k: the article's ``doc``), undated."""
    return [evidence_fresh.cleaned(records[d["doc_id"]], id=f"{story['id']}/{d['doc']}") for d in story["docs"]]


def _components(ids: set[str], edges: list[tuple[str, str]]) -> list[list[str]]:
    """The connected components of ``edges`` over ``ids`` with 2 or more articles, each sorted, in the order
    of their smallest id."""
    parent = {i: i for i in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[root(a)] = root(b)
    comps: dict[str, list[str]] = {}
    for i in sorted(ids):
        comps.setdefault(root(i), []).append(i)
    return sorted((c for c in comps.values() if len(c) >= 2), key=lambda c: c[0])


def _pick(comp: list[str], edges: list[tuple[str, str]], rng: random.Random) -> list[str]:
    """All of a component of PER_STORY or fewer; else PER_STORY reached breadth-first from a seeded one."""
    if len(comp) <= PER_STORY:
        return comp
    nbrs: dict[str, set[str]] = {}
    for a, b in edges:
        nbrs.setdefault(a, set()).add(b)
        nbrs.setdefault(b, set()).add(a)
    start = rng.choice(comp)
    seen, todo = [start], deque([start])
    while todo and len(seen) < PER_STORY:
        for n in sorted(nbrs.get(todo.popleft(), ())):
            if n not in seen and len(seen) < PER_STORY:
                seen.append(n)
                todo.append(n)
    return sorted(seen)


def select(records: dict[str, dict], pairs_path: Path = PAIRS) -> dict:
    """The seeded draw: stories are components of same-story pairs between eligible articles, shuffled, taken
    until the set holds N_ARTICLES articles; the rest are the reserve."""
    ok = {i for i, r in records.items() if len(evidence_fresh.cleaned(r).text.split()) >= MIN_WORDS}
    pairs = [json.loads(line) for line in pairs_path.open(encoding="utf-8")]
    edges = sorted((p["id1"], p["id2"]) for p in pairs
                   if p["same_story"] and not p["synthetic_mt"] and p["id1"] in ok and p["id2"] in ok)
    rng = random.Random(SEED)
    comps = _components({i for e in edges for i in e}, edges)
    rng.shuffle(comps)
    drawn, n = [], 0
    for comp in comps:
        docs = _pick(comp, edges, rng)
        drawn.append({"story": "_".join(docs[:2]), "docs": docs,
                      "in_set": n < N_ARTICLES})
        n += len(docs)
    return {"seed": SEED, "min_words": MIN_WORDS, "set": [{k: d[k] for k in ("story", "docs")} for d in drawn
                                                           if d["in_set"]],
            "reserve": [{k: d[k] for k in ("story", "docs")} for d in drawn if not d["in_set"]]}


def build_all(notes_dir: Path, records: dict[str, dict]) -> dict:
    """fresh2.json from notes files named STORY.txt (``evidence_webdev.parse_notes``), in the draw's order;
    a story's notes must annotate all its articles."""
    draw = select(records)
    stories = []
    for pick in draw["set"] + draw["reserve"]:
        notes = notes_dir / f"{pick['story']}.txt"
        if not notes.exists():
            continue
        places, by_doc = evidence_webdev.parse_notes(notes.read_text(encoding="utf-8"))
        docs = []
        for k, doc_id in enumerate(pick["docs"]):
            if doc_id not in by_doc:
                raise SystemExit(f"{notes}: no notes for {doc_id}")
            a = evidence_fresh.cleaned(records[doc_id])
            try:
                got = evidence_fresh.build(a.text, by_doc[doc_id])
            except ValueError as exc:
                raise SystemExit(f"{doc_id}: {exc}") from None
            docs.append({"doc": k, "doc_id": doc_id, **got, "times": [], "chars": len(a.text), "annotated": True})
        stories.append({"id": pick["story"], "source": DATA.name, "places": places, "docs": docs})
    return {"half": "fresh2", "seed": SEED, "stories_drawn": len(draw["set"]), "stories": stories}


def show(story: str, ks: list[str], records: dict[str, dict]) -> int:
    draw = select(records)
    pick = next((p for p in draw["set"] + draw["reserve"] if p["story"] == story), None)
    if pick is None:
        print(f"{story} is not a drawn fresh2 story (see select)", file=sys.stderr)
        return 2
    for k in ks or [str(i) for i in range(len(pick["docs"]))]:
        evidence_fresh.show({**records[pick["docs"][int(k)]], "cluster": story})
    return 0


def cli(argv: list[str] | None, *, doc: str, gold_path: Path, records: Callable[[], dict[str, dict]],
        select_fn: Callable[[dict[str, dict]], dict], show_fn: Callable[[str, list[str], dict[str, dict]], int],
        build_fn: Callable[[Path, dict[str, dict]], dict]) -> int:
    """The select / show / build commands of a set drawn from the English SemEval articles (fresh2, webdev3)."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("what", choices=["select", "show", "build"])
    ap.add_argument("args", nargs="*")
    args = ap.parse_args(argv)
    if not DATA.exists() or not PAIRS.exists():
        print(f"skipped: {DATA} or {PAIRS.name} not found (see ../shared/data/README.md)")
        return 0
    recs = records()
    if args.what == "select":
        print(json.dumps(select_fn(recs), indent=1))
        return 0
    if not args.args:
        print(f"{args.what} needs {'the notes folder' if args.what == 'build' else 'a story id'}", file=sys.stderr)
        return 2
    if args.what == "show":
        return show_fn(args.args[0], args.args[1:], recs)
    gold = build_fn(Path(args.args[0]), recs)
    gold_path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{gold_path}: {len(gold['stories'])} stories, {sum(len(s['docs']) for s in gold['stories'])} articles")
    return 0


def main(argv: list[str] | None = None) -> int:
    return cli(argv, doc=__doc__ or "", gold_path=GOLD, records=load_records, select_fn=select, show_fn=show,
               build_fn=build_all)


if __name__ == "__main__":
    sys.exit(main())
