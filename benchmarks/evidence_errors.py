"""Where the evidence goes wrong on a development set, item by item.

    nice .venv/bin/python benchmarks/evidence_errors.py                 # every kind, the DUC dev half
    nice .venv/bin/python benchmarks/evidence_errors.py --kind quotes   # quotes | figures | dates | groups
    nice .venv/bin/python benchmarks/evidence_errors.py --half webdev   # the web development set (ECB+)
    nice .venv/bin/python benchmarks/evidence_errors.py --half webdev --by-story   # one line of counts a story

Only the development sets (the DUC dev half, webdev): the blind halves are scored, never inspected
(benchmarks/evidence_protocol.md). Each line names
the article, the annotated item (its anchor and gold value) and what the digest gave, with the same matching
rules as benchmarks/evidence_eval.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evidence_eval as ev  # noqa: E402


def quote_errors(doc: dict, text: str, aid: str, dg) -> list[str]:
    spans = [(q, (e.start, e.end)) for q in dg.quotes for e in q.evidence if e.article_id == aid]
    out = []
    for g in doc["quotes"]:
        gs = ev.relocate(text, g)
        hits = [q for q, s in spans if ev.overlaps(gs, s) * 2 >= min(gs[1] - gs[0], s[1] - s[0]) > 0]
        if not hits:
            out.append(f"quote missed: {g['anchor']!r} ({g['speaker']})")
            continue
        q = hits[0]
        right = ev.same_speaker(g["speaker"], q.speaker) if g["speaker"] else not q.speaker
        if not right:
            out.append(f"speaker: {g['anchor']!r} gold {g['speaker']!r}, got {q.speaker!r} (mention {q.mention!r})")
    gold_spans = [ev.relocate(text, g) for g in doc["quotes"]]
    for q, s in spans:
        if not any(ev.overlaps(gs, s) for gs in gold_spans):
            out.append(f"not a quotation: {text[s[0]:s[0] + 40]!r} (speaker {q.speaker!r})")
    return out


def figure_errors(doc: dict, text: str, aid: str, dg) -> list[str]:
    claims = [cl for g in dg.facts for cl in g.claims if cl.article_id == aid]
    mapped = ev.map_claims(doc, text, claims)
    out, read = [], set()
    for cl in claims:
        i = mapped.get(id(cl))
        if i is None:
            out.append(f"not a figure: {text[cl.start:cl.end]!r} -> {cl.value:g} {cl.what!r}")
            continue
        g = doc["figures"][i]
        if ev.value_right(g, cl) and ev.thing_right(g["heads"], cl.what):
            read.add(i)
        else:
            out.append(f"figure: {g['anchor']!r} gold {g['value']:g} {g['thing']!r} ({g['kind']}), "
                       f"got {cl.value:g} {cl.what!r} {cl.unit}")
    for i, g in enumerate(doc["figures"]):
        if i not in read and i not in mapped.values():
            out.append(f"figure missed: {g['anchor']!r} {g['value']:g} {g['thing']!r}")
    return out


def date_errors(doc: dict, text: str, found) -> list[str]:
    out = []
    for g in doc["times"]:
        gs = ev.relocate(text, g)
        hit = next(((s, e, d) for s, e, d in found if ev.overlaps(gs, (s, e)) > 0), None)
        if not ev.date_right(g["date"], hit[2] if hit else None):
            got = f"{text[hit[0]:hit[1]]!r} -> {hit[2]}" if hit else "not found"
            out.append(f"date: {g['anchor']!r} gold {g['date']}, got {got}")
    return out


def group_errors(story: dict, arts, dg) -> list[str]:
    """Gold same-quantity groups no system group holds from two of its articles (each member with the
    system group its claim is in), and system groups that join figures of different gold groups."""
    where: dict[tuple[int, int], str] = {}  # (doc, gold figure) -> the system group that reads it
    mapped: dict[int, tuple[int, int]] = {}
    for doc, a in zip(story["docs"], arts):
        claims = [cl for g in dg.facts for cl in g.claims if cl.article_id == a.id]
        for k, i in ev.map_claims(doc, a.text, claims).items():
            mapped[k] = (doc["doc"], i)
    for gi, g in enumerate(dg.facts):
        for cl in g.claims:
            if id(cl) in mapped:
                where[mapped[id(cl)]] = f"#{gi} {g.status} {g.what!r} ({len(g.claims)} claims)"
    members: dict[str, list[tuple[int, int]]] = {}
    figure = {}
    for d in story["docs"]:
        for i, f in enumerate(d["figures"]):
            figure[(d["doc"], i)] = f
            if f.get("group"):
                members.setdefault(f["group"], []).append((d["doc"], i))
    out = []
    sys_sets = [{mapped[id(cl)] for cl in g.claims if id(cl) in mapped} for g in dg.facts]
    for label, mem in sorted(members.items()):
        if len({d for d, _ in mem}) < 2 or any(len({d for d, _ in s & set(mem)}) >= 2 for s in sys_sets):
            continue
        parts = [f"doc {d} {figure[(d, i)]['anchor']!r} {figure[(d, i)]['thing']!r} -> {where.get((d, i), 'no claim')}"
                 for d, i in mem]
        out.append(f"group missed {label!r}: " + "; ".join(parts))
    for gi, s in enumerate(sys_sets):
        labels = {figure[k].get("group") for k in s}
        if len({d for d, _ in s}) >= 2 and (None in labels or len(labels) > 1):
            parts = [f"doc {d} {figure[(d, i)]['anchor']!r} ({figure[(d, i)].get('group')})" for d, i in sorted(s)]
            out.append(f"false group #{gi} {dg.facts[gi].what!r}: " + "; ".join(parts))
    return out


def story_line(story: dict, clusters: dict) -> str:
    """One story's counts, as benchmarks/evidence_eval.py counts them: where the misses are."""
    c, _ = ev.score_story(story, clusters, [])
    return (f"{story['id']}: right speaker {c['q_right']}/{c['q_gold']}, found {c['q_found']}, "
            f"resolved right {c['q_resolved_right']}/{c['q_resolved']}; figures right {c['f_gold_right']}/"
            f"{c['f_gold']} (claims {c['f_sys_right']}/{c['f_sys']} right); groups {c['g_found']}/{c['g_gold']}, "
            f"false {c['g_false']}/{c['g_sys']}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kind", choices=["quotes", "figures", "dates", "groups", "all"], default="all")
    ap.add_argument("--half", choices=list(ev.DEVELOPMENT), default="dev")
    ap.add_argument("--by-story", action="store_true", help="one line of counts for each story instead")
    args = ap.parse_args(argv)
    path = ev.DATA / ev.SOURCES[args.half]
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    clusters = ev.load_clusters(args.half)
    for story in ev.load_gold(args.half)["stories"]:
        if args.by_story:
            print(story_line(story, clusters))
            continue
        arts = ev.load_articles(story, clusters)
        out = ev.run_story(arts)
        if args.kind in ("groups", "all"):
            for line in group_errors(story, arts, out["digest"]):
                print(f"{story['id']}: {line}")
        for doc, a in zip(story["docs"], arts):
            lines = []
            if args.kind in ("quotes", "all"):
                lines += quote_errors(doc, a.text, a.id, out["digest"])
            if args.kind in ("figures", "all"):
                lines += figure_errors(doc, a.text, a.id, out["digest"])
            if args.kind in ("dates", "all"):
                lines += date_errors(doc, a.text, out["times"][a.id])
            for line in lines:
                print(f"{a.id}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
