"""Citation precision on web news and on the DUC dev half, with every failing (sentence, cited article) pair.

    nice .venv/bin/python benchmarks/citation_check.py                  # web material, webdev and DUC dev
    nice .venv/bin/python benchmarks/citation_check.py --set web --show # each failing pair with the cited span
    nice .venv/bin/python benchmarks/citation_check.py --json
    nice .venv/bin/python benchmarks/citation_check.py --set semeval    # the English SemEval material's stories

The check is the scorer's own (``evidence_eval.score_citations``, read through ``figures_in`` and ``_close``,
imported, not copied): a summary sentence with figures written in digits cites an article rightly only when
that article gives every one of them somewhere in its text.  Each story goes through ``evidence_eval.run_story``,
the digest with its defaults as the scorer runs it (``use_spacy=False``).  The sets:

- ``web``: every event of ``benchmarks/web_material.py`` (the ECB+ web news outside the fresh blind set's
  events, all of each event's documents, undated, as the fresh set is fed);
- ``webdev``: the stories of the web development set (``benchmarks/evidence_gold/webdev.json``: 4 annotated
  articles of a tuning event each, as ``evidence_eval.py --half webdev`` feeds them);
- ``dev``: the stories of the DUC dev half (``benchmarks/evidence_gold/dev.json``), dated;
- ``semeval`` (not in ``all``): the 21 same-story stories of the English SemEval-2022 material
  (``semeval_material.py``: fresh2's articles and every article linked to them refused), undated;
- ``duc`` (not in ``all``): every full cluster (25 or 10 articles) of DUC 2007 main and update outside the
  blind half's topics (``dates_reading.BLIND``), dated: more summary sentences with figures than the dev half's.

A failing pair is printed with the summary sentence, the figures the article lacks, and the span the citation
points to (its evidence).  Figures pinned in floors.json (``citation_check``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import replace
from typing import Any

import dates_reading
import evidence_eval
import semeval_material
import web_material


def story_sets(which: list[str]) -> dict[str, list[tuple[str, list]]]:
    """``{set: [(story id, articles), ...]}``."""
    out: dict[str, list[tuple[str, list]]] = {}
    if "web" in which:
        records = web_material.evidence_fresh.load_records()
        # ids EVENT/k, as the scorer names a story's articles (the fresh set's are named so)
        out["web"] = [(event, [replace(a, id=f"{event}/{k}") for k, a in
                               enumerate(web_material.event_articles(event, records))])
                      for event in web_material.tuning_events(records)]
    if "semeval" in which:  # the English SemEval material's same-story stories (fresh2's and their links refused)
        safe = semeval_material.safe_articles()
        out["semeval"] = [(key, semeval_material.story_articles(key, safe)) for key in semeval_material.stories(safe)]
    for half in ("webdev", "dev"):
        if half in which:
            out[half] = _half_stories(half)
    if "duc" in which:
        out["duc"] = [(rec["id"], dates_reading.articles(rec, None)) for rec in _duc_records()]
    return out


def _half_stories(half: str) -> list[tuple[str, list]]:
    """An annotated half's stories, their articles loaded as the scorer loads them."""
    path = evidence_eval.DATA / evidence_eval.SOURCES[half]
    if evidence_eval.SOURCES[half] == web_material.evidence_fresh.DATA.name:
        clusters = web_material.evidence_fresh.load_records(path)
    else:
        clusters = {r["id"]: r for r in (json.loads(line) for line in path.open(encoding="utf-8"))}
    return [(story["id"], evidence_eval.load_articles(story, clusters))
            for story in evidence_eval.load_gold(half)["stories"]]


def _duc_records():
    """The DUC 2007 main and update records outside the blind half's topics."""
    for name in ("duc2007_main_pyr23.jsonl", "duc2007_update.jsonl"):
        with (evidence_eval.DATA / name).open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"].split("-")[1][:6] not in dates_reading.BLIND:
                    yield rec


def failures(dg) -> list[dict[str, Any]]:
    """The (summary sentence, cited article) pairs the scorer counts wrong: the article lacks a figure.  A
    cited article without an evidence span is a copy of a cited one (the digest cites every copy)."""
    carried = [evidence_eval.figures_in(a.text) for a in dg.articles]
    out = []
    for s in dg.summary.sentences:
        figs = evidence_eval.figures_in(s.text)
        spans = {e.doc_index: e for e in s.evidence}
        for i in s.citations if figs else ():
            lacks = [f for f in figs if not any(evidence_eval._close(v, f) for v in carried[i])]
            if lacks:
                e = spans.get(i)
                out.append({"sentence": s.text, "article": dg.articles[i].id, "lacks": lacks,
                            "span": dg.articles[i].text[e.start:e.end] if e else "(a copy: no span)",
                            "own": i == s.citations[0]})
    return out


def check(which: list[str]) -> dict[str, Any]:
    """``{set: {precision, pairs, pairs_ok, sentences, multi, failures}}``."""
    result: dict[str, Any] = {}
    for name, stories in story_sets(which).items():
        c: Counter = Counter()
        fails: list[dict[str, Any]] = []
        for sid, articles in stories:
            dg = evidence_eval.run_story(articles)["digest"]
            evidence_eval.score_citations({"id": sid}, dg, [], c)
            fails += [dict(f, story=sid) for f in failures(dg)]
        assert c["c_pairs"] - c["c_pairs_ok"] == len(fails), "the listing disagrees with the scorer"
        result[name] = {"citation_precision": evidence_eval._r(c["c_pairs_ok"], c["c_pairs"]),
                        "pairs_ok": c["c_pairs_ok"], "pairs": c["c_pairs"], "sentences": c["c_sentences"],
                        "multi_source_sentences": evidence_eval._r(c["c_multi"], c["c_sentences"]),
                        "multi": c["c_multi"], "failures": fails}
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=["web", "webdev", "dev", "duc", "semeval", "all"], default="all")
    ap.add_argument("--show", action="store_true", help="print each failing pair with the cited span")
    ap.add_argument("--json", action="store_true", help="print the figures (and failures) as JSON")
    args = ap.parse_args(argv)
    if not web_material.evidence_fresh.DATA.exists() or not (evidence_eval.DATA / "duc2007_main_pyr23.jsonl").exists():
        print("skipped: the ECB+ or DUC 2007 data is absent (see ../shared/data/README.md)")
        return 0
    result = check(["web", "webdev", "dev"] if args.set == "all" else [args.set])
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    for name, r in result.items():
        print(f"{name}: citation precision {r['citation_precision']} ({r['pairs_ok']}/{r['pairs']}), "
              f"{r['sentences']} summary sentences, {r['multi']} citing two or more sources")
        for f in r["failures"] if args.show else ():
            own = " (its own article)" if f["own"] else ""
            print(f"  {f['story']} -> {f['article']}{own}: lacks {f['lacks']}\n"
                  f"    S: {f['sentence']}\n    C: {f['span']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
