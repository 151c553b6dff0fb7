"""Citation recall and precision on web news against a hand list: summary sentences drawn by a seeded rule.

    nice .venv/bin/python benchmarks/citation_recall.py                 # recall, precision (floors: citation_recall)
    nice .venv/bin/python benchmarks/citation_recall.py --show          # each miss and each wrong citation
    nice .venv/bin/python benchmarks/citation_recall.py --draw          # the draw (fixed before reading)
    nice .venv/bin/python benchmarks/citation_recall.py --read N        # sentence N with the other articles' closest

The sample (``benchmarks/citation_gold/web.json``, a development set: tuned on) is DRAW_WEB summary sentences
of the digests of the ECB+ web material (``web_material.py``: the 21 events outside the fresh blind set, all
of each event's documents) and DRAW_SEMEVAL of the English SemEval-2022 material's same-story stories
(``semeval_material.py``: fresh2's articles and every article linked to them refused), drawn with
``random.Random(SEED)`` from the summary sentences of the digests at the commit of the draw.  For each, the
other articles of its story that carry its claim were judged by reading (``full``: the claim, other words too;
``part``: a named part of it; citing it is not wrong, leaving it out is no miss).  A sentence is scored as a
candidate of its story's pool, cited as a summary cites it (``SentencePool.to_summary``), whether or not the
summary still picks it: recall is the share of the ``full`` carriers cited, precision the share of cited
other articles that are ``full`` or ``part`` carriers (as ``example_citations.carriers_scores`` counts).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import citation_check
import evidence_eval
import example_citations
import semeval_material
import web_material

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "citation_gold" / "web.json"
SEED = 20261213
DRAW_WEB = 28
DRAW_SEMEVAL = 12
#: how many of each other article's sentences ``--read`` shows (the closest by shared claim terms)
READ_CLOSEST = 3


def stories(which: str) -> list[tuple[str, list]]:
    """``[(story id, articles)]`` of a set (``web`` or ``semeval``), articles loaded as the sets load them."""
    if which == "web":
        return citation_check.story_sets(["web"])["web"]
    safe = semeval_material.safe_articles()
    return [(key, semeval_material.story_articles(key, safe)) for key in semeval_material.stories(safe)]


def draw() -> list[dict]:
    """The seeded draw: ``[{set, story, article, start, end, text}]``, DRAW_WEB then DRAW_SEMEVAL."""
    out = []
    for which, n in (("web", DRAW_WEB), ("semeval", DRAW_SEMEVAL)):
        every = []
        for sid, articles in sorted(stories(which), key=lambda st: st[0]):
            dg = evidence_eval.run_story(articles)["digest"]
            for s in dg.summary.sentences:
                e = s.evidence[0]
                every.append({"set": which, "story": sid, "article": dg.articles[e.doc_index].id,
                              "start": e.start, "end": e.end, "text": s.text})
        out += random.Random(SEED).sample(every, min(n, len(every)))
    return out


def cited(articles, sentences: list[dict]) -> list[set[str] | None]:
    """For each sentence of one story (by article id and start), the other articles its citation names, as
    the summary would cite it as a candidate of the story's pool; None where it is no candidate."""
    from storylens.summarizers.pool import SentencePool

    pool = SentencePool.build(articles)
    ids = [a.id for a in pool.articles]
    where = {(ids[s.doc_index], s.start): i for i, s in enumerate(pool.sentences)}
    out: list[set[str] | None] = []
    for g in sentences:
        i = where.get((g["article"], g["start"]))
        if i is None:
            out.append(None)
            continue
        summary = pool.to_summary([i])
        out.append({ids[d] for d in summary.sentences[0].citations[1:]})
    return out


def score(show: bool = False) -> dict[str, float | int]:
    """Recall and precision of the citations of the hand list's sentences (see the module's doc)."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["sentences"]
    by_story: dict[tuple[str, str], list[dict]] = {}
    for g in gold:
        by_story.setdefault((g["set"], g["story"]), []).append(g)
    loaded = {which: dict(stories(which)) for which in sorted({g["set"] for g in gold})}
    c = dict(full=0, found=0, cited=0, right=0, missing=0, multi=0)
    for (which, sid), gs in sorted(by_story.items()):
        for g, got in zip(gs, cited(loaded[which][sid], gs)):
            if got is None:
                c["missing"] += 1
                continue
            missed, wrong = example_citations.tally(c, g, got)
            c["multi"] += bool(got)
            if show and (missed or wrong):
                print(f"{g['article']}@{g['start']} {g['key']} ...")
                example_citations.show_misses(missed, wrong)
    return {"citation_recall": round(c["found"] / max(c["full"], 1), 3),
            "citation_precision": round(c["right"] / max(c["cited"], 1), 3),
            "carriers": c["full"], "found": c["found"], "cited": c["cited"], "right": c["right"],
            "sentences": len(gold), "citing_two_or_more": c["multi"], "not_candidates": c["missing"]}


def read(n: int) -> str:
    """Drawn sentence ``n`` with, for every other article of its story, its READ_CLOSEST sentences sharing
    the most claim weight (what the reader checks first; the whole article where none is close)."""
    from storylens.summarizers.pool import SentencePool
    from storylens.summarizers.support import claim_terms
    from storylens.text.segment import words

    g = json.loads(GOLD.read_text(encoding="utf-8"))["sentences"][n]
    articles = dict(stories(g["set"]))[g["story"]]
    pool = SentencePool.build(articles)
    idf = pool.claims.idf
    text = next(a.text for a in articles if a.id == g["article"])[g["start"]:g["end"]]
    mine = claim_terms(text, words(text))
    lines = [f"[{n}] {g['article']}: {text}"]
    for a, sents in zip(pool.articles, pool.all_sentences):
        if a.id == g["article"]:
            continue
        scored = sorted(((sum(idf.get(t, 1.0) for t in mine.keys() & claim_terms(s.text, words(s.text)).keys()),
                          k, s.text) for k, s in enumerate(sents)), reverse=True)
        lines.append(f"  -- {a.id} ({len(sents)} sentences)")
        lines += [f"     {w:5.1f} #{k}: {t}" for w, k, t in scored[:READ_CLOSEST]]
    return "\n".join(lines)


def available() -> bool:
    """Whether the ECB+ and SemEval-2022 data the sample is drawn from is there."""
    return web_material.evidence_fresh.DATA.exists() and semeval_material.DATA.exists() and \
        semeval_material.PAIRS.exists()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--show", action="store_true", help="list each miss and each wrong citation")
    ap.add_argument("--draw", action="store_true", help="print the seeded draw as JSON")
    ap.add_argument("--read", type=int, metavar="N", help="drawn sentence N with each other article's closest")
    args = ap.parse_args(argv)
    if not available():
        print("skipped: the ECB+ or SemEval-2022 data is absent (see ../shared/data/README.md)")
        return 0
    if args.draw:
        print(json.dumps(draw(), indent=1, ensure_ascii=False))
        return 0
    if args.read is not None:
        print(read(args.read))
        return 0
    print(json.dumps(score(show=args.show)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
