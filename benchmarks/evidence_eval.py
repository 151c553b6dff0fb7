"""Evidence on unseen stories: quotations, speakers, figures, groups, dates and citations, scored blind.

    nice .venv/bin/python benchmarks/evidence_eval.py                  # dev, blind and all
    nice .venv/bin/python benchmarks/evidence_eval.py --half blind --json
    PYTHONPATH=/tmp/firstcontact/src .venv/bin/python benchmarks/evidence_eval.py   # another checkout's code
    nice .venv/bin/python benchmarks/evidence_eval.py --half fresh     # the fresh blind set (lead and annotator only)

The annotations (benchmarks/evidence_gold/{dev,blind}.json, protocol in benchmarks/evidence_protocol.md) hold
offsets, short anchors and normalised values for 60 articles of 15 DUC 2007 main stories, never their text: the
text is read from ../shared/data/duc2007_main_pyr23.jsonl (skipped with a message when absent). Each story's
annotated articles, dated with ``meta.doc_dates``, go through ``storylens.digest`` (the pipeline) with the default
options except ``use_spacy=False`` (the rule-based entities, the default where spaCy is not installed). The
storylens package is the one the environment imports (this script adds no path), so PYTHONPATH can point it
at an older checkout for a first-contact score.

``--half fresh`` scores benchmarks/evidence_gold/fresh.json (section "Fresh set (ECB+)" of the protocol): 84
ECB+ articles of 21 gold events (4 each), read from ../shared/data/ecbplus_dev_docs.jsonl by
benchmarks/evidence_fresh.py, each event one undated story; no time expressions are annotated there, so it has
no date rows, and no hand citation sample. ``all`` is dev and blind only: the fresh set is never scored by accident.
``--half webdev``: benchmarks/evidence_gold/webdev.json, ECB+ articles of the tuning events annotated and read as
the fresh set's, a development set (protocol section "Web development set (webdev)"; evidence_errors.py lists misses).
``--half fresh2``: benchmarks/evidence_gold/fresh2.json, the second fresh blind set (protocol section "Second fresh
set (SemEval English)"): English SemEval web news read from ../shared/data/semeval8_train_articles.jsonl by
benchmarks/evidence_fresh2.py, each same-story component one undated story; blind (the lead and its annotator only),
so neither in ``all`` nor in DEVELOPMENT.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any


from evidence_match import (  # noqa: F401  (re-exported: the scripts that import evidence_eval use them)
    TITLES, CALENDAR, PLACES, UNIT_WORDS, relocate, norm_name, same_speaker, bad_speaker, stem, stems, thing_right,
    _close, _attr, value_right, overlaps, _FIG, _MONTH_BEFORE, _SCALE, figures_in,
)
from evidence_sets import (  # noqa: F401  (re-exported: the scripts that import evidence_eval use them)
    ROOT, GOLD_DIR, DATA, HALVES, SOURCES, NAMED, DEVELOPMENT, load_gold, load_clusters, load_articles,
)


# -- the system's output on one story ------------------------------------------------------------------------

def run_story(articles) -> dict:
    """The digest users get (use_spacy=False), plus each annotated time expression's resolution."""
    import storylens

    t = time.perf_counter()
    dg = storylens.digest(articles, options=storylens.Options(use_spacy=False))
    return {"digest": dg, "times": resolved_times(articles, dg), "seconds": time.perf_counter() - t}


def resolved_times(articles, dg) -> dict[str, list[tuple[int, int, str | None]]]:
    """``{article id: [(start, end, date)]}`` for every time expression the extractor reads: from the
    timeline's resolver (the one the timeline is built from) where the module offers it, else the timeline."""
    out: dict[str, list[tuple[int, int, str | None]]] = {a.id: [] for a in articles}
    try:  # the prepared documents: every time expression with its resolution, as the digest reads them
        from storylens.prepare import prepare_documents
    except ImportError:
        prepare_documents = None
    if prepare_documents is not None:
        for doc in prepare_documents(articles):
            for got in doc.times:
                out[doc.id].extend((t.start, t.end, r.date) for t, r in got)
        return out
    try:
        from storylens.evidence.dates import publication_date
        from storylens.evidence.timeline import resolve_all
    except ImportError:
        resolve_all = None
    if resolve_all is not None:
        for a in articles:
            anchor = publication_date(a)[0]
            for _s, _e, got in resolve_all(a, anchor):
                out[a.id].extend((t.start, t.end, r.date) for t, r in got)
        return out
    for ev in dg.timeline:  # one expression per event: the finer figure is not available
        for c in ev.evidence:
            at = c.start + max(0, ev.text.find(ev.expression)) if ev.expression else c.start
            out.setdefault(c.article_id, []).append((at, at + len(ev.expression), ev.date))
    return out


# -- scoring -------------------------------------------------------------------------------------------------

def score_quotes(doc: dict, text: str, aid: str, dg, c: Counter, places: frozenset[str] = frozenset()) -> None:
    spans = [(q, (ev.start, ev.end)) for q in dg.quotes for ev in q.evidence if ev.article_id == aid]
    gold_spans = [relocate(text, g) for g in doc["quotes"]]
    for g, gs in zip(doc["quotes"], gold_spans):
        c["q_gold"] += 1
        c["q_gold_named"] += bool(g["speaker"])
        hits = [q for q, s in spans if overlaps(gs, s) * 2 >= min(gs[1] - gs[0], s[1] - s[0]) > 0]
        if not hits:
            continue
        c["q_found"] += 1
        q = hits[0]
        right = same_speaker(g["speaker"], q.speaker) if g["speaker"] else not q.speaker
        c["q_right"] += right
        if q.speaker:
            c["q_resolved"] += 1
            c["q_resolved_right"] += bool(g["speaker"]) and right
    for q, s in spans:
        c["q_sys"] += 1
        c["q_sys_matched"] += any(overlaps(gs, s) > 0 for gs in gold_spans)
        c["q_bad_speaker"] += bad_speaker(q.speaker, places)


def map_claims(doc: dict, text: str, claims) -> dict[int, int]:
    """``{id(claim): index of the gold figure it reads}`` (overlapping spans, same article)."""
    spans = [relocate(text, f) for f in doc["figures"]]
    out = {}
    for cl in claims:
        best = max(range(len(spans)), key=lambda i: overlaps(spans[i], (cl.start, cl.end)), default=None)
        if best is not None and overlaps(spans[best], (cl.start, cl.end)) > 0:
            out[id(cl)] = best
    return out


def score_figures(doc: dict, text: str, aid: str, dg, c: Counter) -> dict[int, int]:
    claims = [cl for g in dg.facts for cl in g.claims if cl.article_id == aid]
    mapped = map_claims(doc, text, claims)
    right_gold: set[int] = set()
    value_gold: set[int] = set()
    for cl in claims:
        c["f_sys"] += 1
        i = mapped.get(id(cl))
        if i is None:
            continue
        g = doc["figures"][i]
        v_ok = value_right(g, cl)
        ok = v_ok and thing_right(g["heads"], cl.what)
        c["f_sys_value"] += v_ok
        c["f_sys_right"] += ok
        if ok:
            right_gold.add(i)
        if v_ok:
            value_gold.add(i)
    c["f_gold"] += len(doc["figures"])
    c["f_gold_right"] += len(right_gold)
    c["f_gold_value"] += len(value_gold)
    return mapped


def date_right(gold: str | None, got: str | None) -> bool:
    if gold is None:
        return got is None
    if got is None:
        return False
    if gold.endswith("s"):  # a decade: "1980s"
        return got.startswith(gold[:3])
    return got == gold or got.startswith(gold + "-")


def score_times(doc: dict, text: str, found: list[tuple[int, int, str | None]], c: Counter) -> None:
    for g in doc["times"]:
        gs = relocate(text, g)
        hit = next((d for s, e, d in found if overlaps(gs, (s, e)) > 0), None)
        seen = any(overlaps(gs, (s, e)) > 0 for s, e, _ in found)
        c["t_gold"] += 1
        c["t_found"] += seen
        c["t_right"] += date_right(g["date"], hit if seen else None)


def score_groups(story: dict, dg, mapped: dict[int, tuple[int, int]], c: Counter) -> None:
    """Same quantity across sources: gold groups found together, and system groups that join different ones."""
    label: dict[tuple[int, int], str] = {}
    members: dict[str, set[tuple[int, int]]] = {}
    for d in story["docs"]:
        for i, f in enumerate(d["figures"]):
            if f.get("group"):
                label[(d["doc"], i)] = f["group"]
                members.setdefault(f["group"], set()).add((d["doc"], i))
    gold = {k: v for k, v in members.items() if len({d for d, _ in v}) >= 2}
    sys_sets = [{mapped[id(cl)] for cl in g.claims if id(cl) in mapped} for g in dg.facts]
    for mem in gold.values():
        c["g_gold"] += 1
        c["g_found"] += any(len({d for d, _ in s & mem}) >= 2 for s in sys_sets)
    for s in sys_sets:
        if len({d for d, _ in s}) < 2:
            continue
        c["g_sys"] += 1
        pairs = [(a, b) for a in s for b in s if a[0] < b[0]]
        c["g_false"] += any(label.get(a) is None or label.get(a) != label.get(b) for a, b in pairs)


def score_citations(story: dict, dg, sample: list[dict], c: Counter) -> None:
    """Precision: each cited article carries every figure of the sentence (automatic, all sentences).
    Recall: of the hand-judged sources that carry a sampled sentence's claim, the share cited."""
    arts = dg.articles
    carried = [figures_in(a.text) for a in arts]
    for s in dg.summary.sentences:
        figs = figures_in(s.text)
        c["c_sentences"] += 1
        c["c_multi"] += len(set(s.citations)) >= 2
        if not figs:
            continue
        for i in s.citations:
            c["c_pairs"] += 1
            c["c_pairs_ok"] += all(any(_close(v, f) for v in carried[i]) for f in figs)
    doc_of = {a.id: int(a.id.rsplit("/", 1)[1]) for a in arts}
    for item in sample:
        sent = next((s for s in dg.summary.sentences if " ".join(s.text.split()).startswith(item["anchor"])), None)
        c["r_sample"] += 1
        if sent is None:
            continue
        cited = {doc_of[arts[i].id] for i in sent.citations}
        c["r_in_summary"] += 1
        c["r_carriers"] += len(item["carriers"])
        c["r_cited"] += len(cited & set(item["carriers"]))


def score_story(story: dict, clusters: dict[str, dict], sample: list[dict]) -> tuple[Counter, float]:
    arts = load_articles(story, clusters)
    out = run_story(arts)
    dg = out["digest"]
    c: Counter = Counter()
    mapped: dict[int, tuple[int, int]] = {}
    for doc, a in zip(story["docs"], arts):
        score_quotes(doc, a.text, a.id, dg, c, frozenset(p.lower() for p in story.get("places", ())))
        for k, i in score_figures(doc, a.text, a.id, dg, c).items():
            mapped[k] = (doc["doc"], i)
        score_times(doc, a.text, out["times"][a.id], c)
    score_groups(story, dg, mapped, c)
    score_citations(story, dg, [s for s in sample if s["story"] == story["id"]], c)
    return c, out["seconds"]


def _r(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def rates(c: Counter) -> dict[str, Any]:
    """The figures of the report, each with its counts."""
    return {
        "quotes_right_speaker": _r(c["q_right"], c["q_gold"]),
        "quotes_found": _r(c["q_found"], c["q_gold"]),
        "resolved_speakers_right": _r(c["q_resolved_right"], c["q_resolved"]),
        "bad_speakers": c["q_bad_speaker"],
        "quote_precision": _r(c["q_sys_matched"], c["q_sys"]),
        "figures_precision": _r(c["f_sys_right"], c["f_sys"]),
        "figures_recall": _r(c["f_gold_right"], c["f_gold"]),
        "figures_value_recall": _r(c["f_gold_value"], c["f_gold"]),
        "groups_recall": _r(c["g_found"], c["g_gold"]),
        "false_groups": _r(c["g_false"], c["g_sys"]),
        "dates_right": _r(c["t_right"], c["t_gold"]),
        "times_found": _r(c["t_found"], c["t_gold"]),
        "citation_precision": _r(c["c_pairs_ok"], c["c_pairs"]),
        "citation_recall": _r(c["r_cited"], c["r_carriers"]),
        "multi_source_sentences": _r(c["c_multi"], c["c_sentences"]),
        "counts": dict(sorted(c.items())),
    }


def evaluate(halves: list[str]) -> dict[str, Any]:
    """``{half: rates}`` plus ``all`` and the time taken, or ``{"skipped": why}`` without the data."""
    out: dict[str, Any] = {}
    total: Counter = Counter()
    seconds = 0.0
    for half in halves:
        path = DATA / SOURCES[half]
        if not path.exists():
            return {"skipped": f"{path} not found (see ../shared/data/README.md)"}
        clusters = load_clusters(half)
        gold = load_gold(half)
        c: Counter = Counter()
        for story in gold["stories"]:
            sc, sec = score_story(story, clusters, gold.get("citation_sample", []))
            c += sc
            seconds += sec
        out[half] = rates(c)
        total += c
    if len(halves) > 1:
        out["all"] = rates(total)
    out["digest_seconds"] = round(seconds, 2)
    return out


ROWS = [("quotations found with the right speaker", "quotes_right_speaker", "q_right", "q_gold"),
        ("resolved speakers right", "resolved_speakers_right", "q_resolved_right", "q_resolved"),
        ("quotations found (any speaker)", "quotes_found", "q_found", "q_gold"),
        ("quotation precision (system quotes that are annotated quotations)", "quote_precision",
         "q_sys_matched", "q_sys"),
        ("figures precision (value and counted thing)", "figures_precision", "f_sys_right", "f_sys"),
        ("figures recall (value and counted thing)", "figures_recall", "f_gold_right", "f_gold"),
        ("figures recall (value only)", "figures_value_recall", "f_gold_value", "f_gold"),
        ("same-quantity groups found", "groups_recall", "g_found", "g_gold"),
        ("false groups (multi-source groups joining different quantities)", "false_groups", "g_false", "g_sys"),
        ("dates right / annotated time expressions", "dates_right", "t_right", "t_gold"),
        ("time expressions found", "times_found", "t_found", "t_gold"),
        ("citation precision (cited article carries the sentence's figures)", "citation_precision",
         "c_pairs_ok", "c_pairs"),
        ("citation recall (hand-checked sample)", "citation_recall", "r_cited", "r_carriers"),
        ("summary sentences citing two or more sources", "multi_source_sentences", "c_multi", "c_sentences")]


def table(result: dict[str, Any]) -> str:
    halves = [h for h in (*NAMED, "all") if h in result]
    lines = ["| figure | " + " | ".join(halves) + " |", "|---|" + "---|" * len(halves)]
    for label, key, num, den in ROWS:
        if all(result[h][key] is None for h in halves):
            continue  # not annotated on these halves (the fresh set's dates and citation sample)
        cells = []
        for h in halves:
            r = result[h]
            v = r[key]
            cells.append("-" if v is None else f"{v:.3f} ({r['counts'].get(num, 0)}/{r['counts'].get(den, 0)})")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append("| speakers that are a title, weekday or place | "
                 + " | ".join(str(result[h]["bad_speakers"]) for h in halves) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=[*NAMED, "all"], default="all")
    ap.add_argument("--json", action="store_true", help="print the figures and their counts as JSON")
    args = ap.parse_args(argv)
    halves = list(HALVES) if args.half == "all" else [args.half]
    result = evaluate(halves)
    if "skipped" in result:
        print("skipped:", result["skipped"])
        return 0
    import storylens

    result["storylens"] = str(Path(storylens.__file__).resolve().parent)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"storylens from {result['storylens']}; digest time {result['digest_seconds']} s in all")
        print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
