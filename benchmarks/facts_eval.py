"""Figures, quote speakers and dates against hand-checked annotations.

The annotations (benchmarks/facts_gold.json) hold, per story and document,
the figures (value, qualifier), the quotations (a snippet of the quoted words
and the speaker, or null when the text does not name one) and the time
expressions with the date they denote (null when the text does not allow
one).  Article texts are not stored: the bundled example is read from
examples/, the DUC 2007 stories from ../shared/data/duc2007_update.jsonl
(research-only data; those stories are skipped when it is absent).

    nice .venv/bin/python benchmarks/facts_eval.py            # scores and timings
    nice .venv/bin/python benchmarks/facts_eval.py --draft duc2007update-D0743J-B --docs 0,1

Reports figure value/qualifier precision and recall, quote-speaker
attribution precision (of the quotes the system attributes, the share
attributed to the right speaker; a speaker given where the text names none
counts as wrong), date accuracy, and the time of one ``analyze()`` call per story
with and without spaCy (best of --repeat; the spaCy model is loaded once beforehand and
its load time printed separately). Scores are computed with the rule-based entities,
the default where spaCy is not installed.

This set's guidelines (``guidelines`` in the gold file) leave out numbers inside hyphenated modifiers
("15-member", "50-foot"), which the blind set's protocol (benchmarks/evidence_protocol.md) counts as figures
and the extractor reads: claims whose whole text is such a modifier are not scored here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.evidence import analyze  # noqa: E402
from storylens.evidence.entities import spacy_available  # noqa: E402
from storylens.evidence.facts import extract_claims  # noqa: E402
from storylens.prepare import prepare_documents  # noqa: E402
from storylens.config import Options  # noqa: E402
from storylens.ingest import article_from_text, load_articles  # noqa: E402

GOLD = ROOT / "benchmarks" / "facts_gold.json"
#: a claim that is a number in a hyphenated modifier ("15-member"): outside this set's guidelines
HYPHEN_MODIFIER = re.compile(r"[\w.,/]+-[a-z]+")
DATA = ROOT.parent / "shared" / "data"


def load_story(story: dict):
    """The story's articles, or None (with the reason) when its data is absent."""
    if story["source"] == "example":
        return load_articles([str(ROOT / story["path"])]), ""
    path = DATA / story["source"]
    if not path.exists():
        return None, f"{path} not found"
    for line in path.open(encoding="utf-8"):
        rec = json.loads(line)
        if rec["id"] == story["id"]:
            dates = rec["meta"]["doc_dates"]
            arts = []
            for i, text in enumerate(rec["documents"]):
                arts.append(article_from_text(text, id=str(i), published=_iso(dates[i])))
            return arts, ""
    return None, f"cluster {story['id']} not in {path.name}"


def _iso(value: str) -> str:
    value = value.strip()
    if "/" in value[:10]:
        m, d, y = value[:10].split("/")
        return f"{y}-{m}-{d}"
    return value[:10]


def system_output(articles, use_spacy: bool):
    docs = prepare_documents(articles)
    found = analyze(docs, None, Options(use_spacy=use_spacy))
    by_doc: dict[str, dict] = {a.id: {"figures": [], "quotes": [], "dates": []} for a in articles}
    for doc in docs:
        a = doc.article
        for c, _m in extract_claims(doc):
            if not HYPHEN_MODIFIER.fullmatch(c.text):
                by_doc[a.id]["figures"].append((c.value, c.qualifier, c.text))
                if c.high is not None:  # this set counts a range's bounds as two figures
                    by_doc[a.id]["figures"].append((c.high, "", c.text))
        for sentence, got in zip(doc.sentences, doc.times):
            if not got:
                continue
            s, e = sentence.start, sentence.end
            # the paragraph around the sentence: gold snippets do not depend on where the splitter cut
            p0 = a.text.rfind("\n", 0, s) + 1
            p1 = a.text.find("\n", e)
            para = a.text[p0: p1 if p1 >= 0 else len(a.text)]
            for t, r in got:
                by_doc[a.id]["dates"].append((para, t.text.strip(), r.date))
    for q in found["quotes"]:
        for ev in q.evidence:
            by_doc[ev.article_id]["quotes"].append((q.text, q.speaker, q.mention))
    return found, by_doc


def _surname(name: str | None) -> str | None:
    return name.split()[-1].lower() if name else None


def score(gold: dict, articles, by_doc) -> Counter:
    c: Counter = Counter()
    ids = {a.id for a in articles}
    for doc in gold["docs"]:
        aid = str(doc["doc"])
        if aid not in ids:
            continue
        sysf = Counter((float(v), q) for v, q, _ in by_doc[aid]["figures"])
        goldf = Counter((float(v), q) for v, q in doc.get("figures", []))
        c["fig_sys"] += sum(sysf.values())
        c["fig_gold"] += sum(goldf.values())
        c["fig_match"] += sum((sysf & goldf).values())
        sysv = Counter(v for v, _ in sysf.elements())
        goldv = Counter(v for v, _ in goldf.elements())
        c["val_match"] += sum((sysv & goldv).values())
        for snippet, speaker in doc.get("quotes", []):
            hit = next((q for q in by_doc[aid]["quotes"] if snippet.lower() in q[0].lower()), None)
            c["q_gold"] += 1
            if speaker:
                c["q_gold_named"] += 1
            if hit is None:
                c["q_missed"] += 1
                continue
            if hit[1]:
                c["q_attributed"] += 1
                if speaker and _surname(hit[1]) == _surname(speaker):
                    c["q_correct"] += 1
                    c["q_named_found"] += 1
            elif not speaker:
                c["q_unresolved_ok"] += 1
        for snippet, expr, when in doc.get("dates", []):
            c["d_gold"] += 1
            hit = next((d for d in by_doc[aid]["dates"]
                        if snippet.lower() in d[0].lower() and d[1].lower() == expr.lower()), None)
            if hit is None:
                c["d_missed"] += 1
            elif hit[2] == when:
                c["d_correct"] += 1
    return c


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def draft(story: dict, articles, docs: list[str]):
    _, by_doc = system_output(articles, False)
    for a in articles:
        if docs and a.id not in docs:
            continue
        out = by_doc[a.id]
        print(f"== doc {a.id} published {a.published}")
        print("figures:", json.dumps([[int(v) if v == int(v) else v, q] for v, q, _ in out["figures"]]))
        print("  texts:", "; ".join(t for _, _, t in out["figures"]))
        for t, s, m in out["quotes"]:
            print("quote:", json.dumps([t[:40], s], ensure_ascii=False), "|", m)
        for sent, e, d in out["dates"]:
            print("date:", json.dumps([sent[:40], e, d], ensure_ascii=False))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--draft", help="print the system's output for one story, to annotate")
    ap.add_argument("--docs", default="", help="with --draft: comma-separated document ids")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per story (the best is kept)")
    ap.add_argument("--score-with-spacy", action="store_true",
                    help="score with spaCy's entities (speaker names) instead of the rule-based ones")
    args = ap.parse_args(argv)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    if args.draft:
        story = next(s for s in gold["stories"] if s["id"] == args.draft) if any(
            s["id"] == args.draft for s in gold["stories"]) else {"id": args.draft, "source": "duc2007_update.jsonl"}
        arts, why = load_story(story)
        if arts is None:
            print("skipped:", why)
            return 0
        draft(story, arts, [d for d in args.docs.split(",") if d])
        return 0
    have_spacy = spacy_available()
    if have_spacy:
        t = time.perf_counter()
        from storylens.evidence.entities import _spacy_model

        _spacy_model()
        print(f"spaCy model load: {time.perf_counter() - t:.2f} s (once per process, not counted below)")
    totals: dict[str, Counter] = {}
    rows = []
    for story in gold["stories"]:
        arts, why = load_story(story)
        if arts is None:
            print(f"skip {story['id']}: {why}")
            continue
        times = {}
        for label, flag in (("rules", False), ("spacy", True)):
            if flag and not have_spacy:
                continue
            best = float("inf")
            for _ in range(args.repeat):
                t = time.perf_counter()
                analyze(arts, None, Options(use_spacy=flag))  # what the pipeline runs
                best = min(best, time.perf_counter() - t)
            times[label] = best
            if flag == bool(args.score_with_spacy):
                _, by_doc = system_output(arts, flag)
                c = score(story, arts, by_doc)
        split = story.get("split", "dev")
        totals.setdefault(split, Counter())
        totals[split] += c
        totals.setdefault("all", Counter())
        totals["all"] += c
        n_docs = len([d for d in story["docs"]])
        rows.append((f"{story['id']} ({split})", len(arts), n_docs, c, times))
    print()
    print("| story | docs (annotated) | figures P | figures R | attribution P | dates acc | s/story rules "
          "| s/story spaCy |")
    print("|---|---|---|---|---|---|---|---|")
    for sid, n, na, c, times in rows:
        print(f"| {sid} | {n} ({na}) | {_ratio(c['fig_match'], c['fig_sys']):.2f} | "
              f"{_ratio(c['fig_match'], c['fig_gold']):.2f} | {_ratio(c['q_correct'], c['q_attributed']):.2f} | "
              f"{_ratio(c['d_correct'], c['d_gold']):.2f} | {times.get('rules', float('nan')):.3f} | "
              f"{times.get('spacy', float('nan')):.3f} |")
    for split in [k for k in ("dev", "blind", "held-out", "all") if k in totals]:
        t = totals[split]
        print()
        print(f"[{split}]")
        print(f"figures (value+qualifier): precision {_ratio(t['fig_match'], t['fig_sys']):.3f} "
              f"({t['fig_match']}/{t['fig_sys']}), recall {_ratio(t['fig_match'], t['fig_gold']):.3f} "
              f"({t['fig_match']}/{t['fig_gold']}); value only: precision {_ratio(t['val_match'], t['fig_sys']):.3f}, "
              f"recall {_ratio(t['val_match'], t['fig_gold']):.3f}")
        print(f"quote-speaker attribution: precision {_ratio(t['q_correct'], t['q_attributed']):.3f} "
              f"({t['q_correct']}/{t['q_attributed']}); named speakers found {t['q_named_found']}/{t['q_gold_named']}; "
              f"unnamed left unresolved {t['q_unresolved_ok']}/{t['q_gold'] - t['q_gold_named']}; "
              f"quotes missed {t['q_missed']}/{t['q_gold']}")
        print(f"dates: accuracy {_ratio(t['d_correct'], t['d_gold']):.3f} ({t['d_correct']}/{t['d_gold']}), "
              f"expressions missed {t['d_missed']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
