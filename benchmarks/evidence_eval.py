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
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import evidence_fresh
import evidence_fresh2

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "benchmarks" / "evidence_gold"
DATA = ROOT.parent / "shared" / "data"
HALVES = ("dev", "blind")
SOURCES = {"dev": "duc2007_main_pyr23.jsonl", "blind": "duc2007_main_pyr23.jsonl", "fresh": evidence_fresh.DATA.name,
           "webdev": evidence_fresh.DATA.name, "webdev2": evidence_fresh.DATA.name,
           "fresh2": evidence_fresh2.DATA.name}
NAMED = ("dev", "blind", "fresh", "webdev", "webdev2", "fresh2")  # the halves, in the order the table shows them
DEVELOPMENT = ("dev", "webdev", "webdev2")  # the halves that may be inspected item by item (evidence_errors.py)

# what a speaker must never be: a title, a weekday or month, a place (the places of these stories and the
# usual ones); a fixed list of this scorer, so that the count does not depend on the system's own lexicons
TITLES = {"dr", "mr", "mrs", "ms", "miss", "sen", "senator", "rep", "gov", "governor", "lt", "sgt", "gen", "col",
          "capt", "cpl", "adm", "maj", "rev", "prof", "judge", "justice", "president", "prime minister", "minister",
          "sheriff", "mayor", "chairman", "spokesman", "spokeswoman", "officials", "official", "police"}
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "today", "yesterday", "tomorrow"}
PLACES = {
    "alabama", "ala", "alaska", "arizona", "arkansas", "california", "calif", "colorado", "colo", "connecticut",
    "delaware", "florida", "fla", "georgia", "ga", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "mass", "michigan", "minnesota", "mississippi",
    "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york", "ny",
    "north carolina", "nc", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island",
    "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "va", "washington",
    "wash", "west virginia", "wisconsin", "wyoming", "wyo", "america", "united states", "us", "britain", "england",
    "france", "germany", "spain", "italy", "israel", "china", "japan", "australia", "switzerland", "norway",
    "egypt", "mexico", "canada", "europe", "thailand", "turkey", "atlanta", "seattle", "charlotte", "jasper",
    "laramie", "bilbao", "madrid", "oslo", "geneva", "kyoto", "darwin", "kakadu", "jabiluka", "ramallah",
    "gaza", "west bank", "hebron", "denver", "chicago", "boston", "pittsburgh", "marietta", "charleston",
    "san francisco", "los angeles", "hollywood", "manhattan", "hamptons", "zumarraga", "pacific", "atlantic",
    "mental health", "treasury",
}
UNIT_WORDS = {"usd", "dollar", "dollars", "percent", "per", "cent", "%", "aud", "$", "million", "billion"}


def load_gold(half: str) -> dict:
    return json.loads((GOLD_DIR / f"{half}.json").read_text(encoding="utf-8"))


def load_clusters(half: str) -> dict[str, dict]:
    """The half's source records by id: DUC clusters, ECB+ documents for the web sets, or the original English
    SemEval articles for fresh2."""
    path = DATA / SOURCES[half]
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


def relocate(text: str, item: dict) -> tuple[int, int]:
    """The item's span in ``text``: its stored offsets when its anchor is still there, else the anchor's
    occurrence nearest to them (the cleaner may have changed since the annotation)."""
    s, e, anchor = item["start"], item["end"], item["anchor"]
    if text[s:s + len(anchor)].lower() == anchor.lower():
        return s, e
    low, key = text.lower(), anchor.lower()
    hits = [m.start() for m in re.finditer(re.escape(key), low)]
    if not hits:
        return -1, -1
    at = min(hits, key=lambda h: abs(h - s))
    return at, e + (at - s)


# -- names ---------------------------------------------------------------------------------------------------

def norm_name(name: str | None) -> list[str]:
    if not name:
        return []
    toks = re.findall(r"[a-z0-9]+", name.lower())
    while toks and toks[0] in TITLES | {"the", "former"}:
        toks = toks[1:]
    return toks


def same_speaker(gold: str, got: str | None) -> bool:
    """Right when the names are equal, or one is the other's part ending on the same word (a surname alone,
    "the council" for "Charleston City Council"), or its acronym; "Walter C" for "Walter C. Smith" is wrong."""
    g, s = norm_name(gold), norm_name(got)
    if not g or not s:
        return False
    if len(s) == 1 and len(s[0]) >= 2 and s[0] == "".join(w[0] for w in g if w not in ("of", "and", "for")):
        return True  # an acronym: "ERA" for "Energy Resources of Australia"
    return g == s or (g[-1] == s[-1] and (set(s) <= set(g) or set(g) <= set(s)))


def bad_speaker(name: str | None, places: frozenset[str] = frozenset()) -> bool:
    """A speaker that is a title, a weekday or month, or a place (the fixed list, or the story's ``places``)."""
    if not name:
        return False
    low = " ".join(re.findall(r"[a-z]+", name.lower()))
    return low in TITLES or low in CALENDAR or low in PLACES or low in places


# -- figures -------------------------------------------------------------------------------------------------

def stem(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def stems(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z]+", (text or "").lower())}


def thing_right(heads: list[str], what: str) -> bool:
    """The system's counted thing names the annotated one: all words of one of its head nouns are in it."""
    got = stems(what) - {stem(u) for u in UNIT_WORDS}
    return any(stems(h) and stems(h) <= got for h in heads)


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-3 * max(1.0, abs(b))


def _attr(obj: Any, names: tuple[str, ...]) -> float | None:
    for n in names:
        v = getattr(obj, n, None)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return float(v)
    return None


def value_right(gold: dict, claim: Any) -> bool:
    """Value right: equal; a range needs both bounds (read from the claim's upper-bound field, whatever its
    name among the usual ones); a rate "1 in 500" may be given as the ratio, a percentage or value + base."""
    v = float(claim.value)
    if gold["kind"] == "range":
        high = _attr(claim, ("high", "upper", "value_high", "high_value", "value_max", "maximum", "to_value"))
        return _close(v, gold["value"]) and _close(high, gold["high"])
    if gold["kind"] == "rate":
        ratio = gold["value"] / gold["per"]
        per = _attr(claim, ("per", "base", "denominator", "out_of", "rate_base"))
        return (_close(v, ratio) or (_close(v, ratio * 100) and getattr(claim, "unit", "") == "%")
                or (_close(v, gold["value"]) and _close(per, gold["per"])))
    return _close(v, gold["value"])


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


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


_FIG = re.compile(r"(?<![\w.,])\$?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|billion|trillion)\b)?")
_MONTH_BEFORE = re.compile(r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$")
_SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}


def figures_in(text: str) -> list[float]:
    """The figures a sentence states in digits (years and days of the month left out: they are dates)."""
    out = []
    for m in _FIG.finditer(text):
        raw = m.group(1)
        if not m.group(2) and "," not in raw and "." not in raw and len(raw) == 4 and raw[:2] in ("19", "20"):
            continue
        if _MONTH_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        out.append(float(raw.replace(",", "")) * _SCALE.get(m.group(2) or "", 1.0))
    return out


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
