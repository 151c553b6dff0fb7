"""Scale: dedup + incremental clustering of streams of 10k / 100k / 300k articles.

    nice PYTHONPATH=src .venv/bin/python benchmarks/scale.py --sizes 10000 100000 [300000] [--store]

Streams are built from ``../shared/data/multinews_train.jsonl.gz`` (documents
repeated across clusters dropped): each Multi-News cluster is one story whose
documents get dates within 3 days of a story date; the stream has a constant
density of 1,500 articles a day (10k span a week, 300k about 29 weeks); when
a stream needs more documents than the file has, clusters are reused as
*follow-up* stories in a later stretch of weeks, with each
document rewritten (sentences shuffled, 15% of words dropped) so
that it is not a copy.  About 8% of the stream are *planted near-duplicates*:
an earlier article lightly edited (an agency dateline, two changed words, the last
sentence dropped or a credit line added), dated 0-2 days after it.  The stream
is fed in date order, in batches of 1,000.

Each size runs in its own process, so peak memory (ru_maxrss) is per size;
it includes the stream's own text, which is reported separately.
Reports articles/s, peak memory, planted-duplicate recall (``duplicate_of`` is
the original), false duplicates, and B-cubed F1 of the stories against the
(cluster, pass) that generated them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT.parent / "shared" / "data" / "multinews_train.jsonl.gz"
AGENCIES = ["AP", "Reuters", "AFP", "dpa", "Xinhua"]
CITIES = ["LONDON", "WASHINGTON", "PARIS", "NEW YORK", "BERLIN", "TOKYO", "NAIROBI", "SYDNEY"]
OUTLETS = [f"outlet{i}.example" for i in range(40)]
_SENT = re.compile(r"(?<=[.!?])\s+")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load_pool(path: Path, limit_clusters: int | None = None) -> list[list[str]]:
    """Multi-News clusters; documents repeated across clusters (archive boilerplate such as the
    Wayback Machine notice) are kept once, so that only planted copies are copies."""
    from storylens.stories.dedup import content_hash

    pool = []
    seen: set[str] = set()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            docs = []
            for d in rec.get("documents", []):
                if not isinstance(d, str) or len(d.split()) < 40:
                    continue
                h = content_hash(d)
                if h not in seen:
                    seen.add(h)
                    docs.append(d.strip())
            if docs:
                pool.append(docs)
            if limit_clusters and len(pool) >= limit_clusters:
                break
    return pool


def rewrite(text: str, rng: random.Random) -> str:
    """A follow-up report on the same story, not a copy: sentences shuffled, 15% of words dropped
    (length kept near the original's, as real follow-ups are)."""
    sents = _SENT.split(text)
    rng.shuffle(sents)
    out = [" ".join(w for w in s.split() if rng.random() > 0.15) for s in sents]
    return " ".join(x for x in out if x).strip()


def light_edit(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(2):
        i = rng.randrange(len(words))
        words[i] = rng.choice(["reportedly", "also", "now", "officially", "this"])
    body = " ".join(words)
    kind = rng.randrange(3)
    if kind == 0:
        body = f"{rng.choice(CITIES)} ({rng.choice(AGENCIES)}) - " + body
    elif kind == 1:
        sents = _SENT.split(body)
        if len(sents) > 3:
            body = " ".join(sents[:-1])
    else:
        body = body + f" Reporting by {rng.choice(['J. Smith', 'A. Rossi', 'K. Tanaka'])}; editing by staff."
    return body


def build_stream(pool: list[list[str]], n: int, seed: int = 13, per_day: int = 1500, dup_rate: float = 0.08):
    """``(articles, gold story of each article id, planted {dup id: original id}, passes)``.

    The stream keeps a constant density (``per_day`` articles a day, so 10k span a week and 300k
    about 29 weeks): the cost per article then depends on the window, not on the stream's length.
    """
    from storylens.models import Article

    rng = random.Random(seed)
    n_dup = int(n * dup_rate)
    n_base = n - n_dup
    n_pool = sum(len(docs) for docs in pool)
    n_passes = -(-n_base // n_pool)
    span_days = max(1, n // per_day // n_passes)
    order = list(range(len(pool)))
    base: list[tuple[int, Article]] = []
    gold: dict[str, str] = {}
    passes = 0
    while len(base) < n_base:
        rng.shuffle(order)
        for ci in order:
            day0 = passes * span_days + rng.randrange(span_days)
            for di, doc in enumerate(pool[ci]):  # pass k covers days [k*span, (k+1)*span)
                if len(base) >= n_base:
                    break
                day = day0 + rng.randrange(3)
                text = doc if passes == 0 else rewrite(doc, rng)
                aid = f"p{passes}-c{ci}-d{di}"
                base.append((day, Article(id=aid, text=text, outlet=rng.choice(OUTLETS),
                                          published=_iso(day))))
                gold[aid] = f"{passes}-{ci}"
            if len(base) >= n_base:
                break
        passes += 1
    planted: dict[str, str] = {}
    dups = []
    for k in range(n_dup):
        day, orig = base[rng.randrange(len(base))]
        did = f"dup{k}-{orig.id}"
        dday = day + rng.randrange(3)
        dups.append((dday, Article(id=did, text=light_edit(orig.text, rng), outlet=rng.choice(OUTLETS),
                                   published=_iso(dday))))
        planted[did] = orig.id
        gold[did] = gold[orig.id]
    items = base + dups
    # date order; within a day a seeded shuffle, but an original before its copies on the same day
    rank = {id(a): rng.random() for _, a in items}
    items.sort(key=lambda t: (t[0], t[1].id.startswith("dup"), rank[id(t[1])]))
    return [a for _, a in items], gold, planted, passes


def _iso(day: int) -> str:
    from datetime import date, timedelta

    return (date(2021, 1, 4) + timedelta(days=day)).isoformat()


def bcubed_f1(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    by_g, by_p, pair = defaultdict(int), defaultdict(int), defaultdict(int)
    for a, g in gold.items():
        p = pred[a]
        by_g[g] += 1
        by_p[p] += 1
        pair[(g, p)] += 1
    n = len(gold)
    prec = sum(c * c / by_p[p] for (g, p), c in pair.items()) / n
    rec = sum(c * c / by_g[g] for (g, p), c in pair.items()) / n
    return prec, rec, 2 * prec * rec / (prec + rec)


def stream_of(n: int):
    """The stream of ``n`` articles both runs measure: ``(articles, gold, planted, passes, seconds to build)``."""
    t0 = time.perf_counter()
    # enough clusters for one pass at this size (the file has ~44k, about 2.7 documents each)
    pool = load_pool(DATA, limit_clusters=min(45000, max(2000, int(n / 2.0))))
    arts, gold, planted, passes = build_stream(pool, n)
    del pool
    return arts, gold, planted, passes, time.perf_counter() - t0


def run_one(n: int, use_store: bool, batch: int = 1000) -> dict:
    from tqdm import tqdm

    from storylens.stories.clusterer import Clusterer
    from storylens.stories.dedup import Deduplicator

    arts, gold, planted, passes, t_build = stream_of(n)
    rss_stream = _rss_mb()
    store = index = None
    if use_store:
        import tempfile

        from storylens.stories.store import open_store
        from storylens.stories.store.index import StoryIndex

        tmp = tempfile.mkdtemp()
        store = open_store(os.path.join(tmp, "scale.db"))
        index = StoryIndex(store)
    dedup, clus = Deduplicator(), Clusterer()
    pred: dict[str, str] = {}
    dup_of: dict[str, str | None] = {}
    marks = []
    t1, c1 = time.perf_counter(), time.process_time()
    with tqdm(total=len(arts), unit="art", desc=f"{n:,}", mininterval=5, file=sys.stderr) as bar:
        for i in range(0, len(arts), batch):
            chunk = arts[i:i + batch]
            if index is not None:
                res = index.add(chunk, batch_size=batch)
                for x in res.assignments:
                    pred[x.article_id] = x.story_id
                    dup_of[x.article_id] = x.duplicate_of
            else:
                d = dedup.add_batch(chunk)
                dm = {r.article_id: r.duplicate_of for r in d}
                for x in clus.add_batch(chunk, dm):
                    pred[x.article_id] = x.story_id
                    dup_of[x.article_id] = x.duplicate_of
            bar.update(len(chunk))
            if (i // batch) % 10 == 9:
                marks.append((i + len(chunk), time.perf_counter() - t1))
    elapsed, cpu = time.perf_counter() - t1, time.process_time() - c1
    # found: the copy names its original, or the original's own root when the original is itself a copy
    # of an earlier document (Multi-News repeats some documents across clusters)
    found = sum(1 for d, o in planted.items() if dup_of.get(d) and dup_of.get(d) == (dup_of.get(o) or o))
    from storylens.stories.dedup import content_hash

    text_of = {a.id: a.text for a in arts}
    flagged_ids = [a for a, v in dup_of.items() if v and a not in planted]
    flagged = len(flagged_ids)
    flagged_exact = sum(1 for a in flagged_ids if content_hash(text_of[a]) == content_hash(text_of[dup_of[a]]))
    p, r, f = bcubed_f1(gold, pred)
    active = len(index.clusterer._active) if index else len(clus._active)
    if store is not None:
        store.close()
    # cost growth inside the run: seconds per 1k articles in the first vs the last tenth
    first = marks[0][1] / marks[0][0] * 1000 if marks else None
    last = ((marks[-1][1] - marks[-2][1]) / (marks[-1][0] - marks[-2][0]) * 1000) if len(marks) > 1 else None
    return {"n": len(arts), "passes": passes, "store": use_store, "build_s": round(t_build, 1),
            "cluster_s": round(elapsed, 1), "cpu_s": round(cpu, 1),
            "articles_per_s": round(len(arts) / elapsed, 1),
            "peak_rss_mb": round(_rss_mb()), "rss_after_stream_mb": round(rss_stream),
            "planted": len(planted), "planted_recall": round(found / max(1, len(planted)), 4),
            "other_flagged_as_copies": flagged, "of_which_exact_copies": flagged_exact,
            "stories": len(set(pred.values())), "active_stories_end": active,
            "bcubed_p": round(p, 4), "bcubed_r": round(r, 4), "bcubed_f1": round(f, 4),
            "s_per_1k_first": round(first, 3) if first else None, "s_per_1k_last": round(last, 3) if last else None}


def run_archive(n: int) -> dict:
    """The archive path on the same stream: `storylens cluster FILES` (dedup, languages, average-link over
    the whole collection, candidate blocking), the stream given at once."""
    from storylens.stories.archive import cluster_collection

    arts, gold, planted, passes, t_build = stream_of(n)
    rss_stream = _rss_mb()
    t1, c1 = time.perf_counter(), time.process_time()
    res = cluster_collection(arts)
    elapsed, cpu = time.perf_counter() - t1, time.process_time() - c1
    pred = {x.article_id: x.story_id for x in res.assignments}
    dup_of = {x.article_id: x.duplicate_of for x in res.assignments}
    found = sum(1 for d, o in planted.items() if dup_of.get(d) and dup_of.get(d) == (dup_of.get(o) or o))
    p, r, f = bcubed_f1(gold, pred)
    return {"n": len(arts), "passes": passes, "mode": "archive", "build_s": round(t_build, 1),
            "cluster_s": round(elapsed, 1), "cpu_s": round(cpu, 1),
            "articles_per_s": round(len(arts) / elapsed, 1),
            "peak_rss_mb": round(_rss_mb()), "rss_after_stream_mb": round(rss_stream),
            "planted_recall": round(found / max(1, len(planted)), 4), "stories": len(set(pred.values())),
            "bcubed_p": round(p, 4), "bcubed_r": round(r, 4), "bcubed_f1": round(f, 4)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="storylens scale benchmark")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--store", action="store_true", help="go through the SQLite store (StoryIndex) too")
    ap.add_argument("--archive", action="store_true",
                    help="the archive path (storylens cluster FILES without a store) instead of the stream")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} not found (see ../shared/data/README.md)")
        return 0
    if args.one:
        out = run_archive(args.one) if args.archive else run_one(args.one, args.store)
        print("RESULT " + json.dumps(out), flush=True)
        return 0
    rows = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n)] + (["--store"] if args.store else []) + \
            (["--archive"] if args.archive else [])
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
        line = next((x for x in proc.stdout.splitlines() if x.startswith("RESULT ")), None)
        if line is None:
            print(f"size {n}: failed (exit {proc.returncode})")
            continue
        rows.append(json.loads(line[7:]))
        print(json.dumps(rows[-1]), flush=True)
    if args.archive:
        print("\n| articles | path | s (CPU s) | articles/s | peak RSS MB (stream alone) | planted dup recall | B3 F1 |"
              "\n|---|---|---|---|---|---|---|")
        for r in rows:
            print(f"| {r['n']:,} | archive | {r['cluster_s']} ({r['cpu_s']}) | {r['articles_per_s']} | "
                  f"{r['peak_rss_mb']} "
                  f"({r['rss_after_stream_mb']}) | {r['planted_recall']:.3f} | {r['bcubed_f1']:.3f} |")
        if len(rows) > 1:
            print(f"\ngrowth: {rows[-1]['n'] / rows[0]['n']:.0f}x the articles took "
                  f"{rows[-1]['cluster_s'] / rows[0]['cluster_s']:.1f}x the time")
        return 0
    print("\n| articles | store | s (CPU s) | articles/s | peak RSS MB (stream alone) | planted dup recall | "
          "other copies found (exact) | B3 F1 | s/1k first 10% -> last 10% |\n|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['n']:,} | {'yes' if r['store'] else 'no'} | {r['cluster_s']} ({r['cpu_s']}) | "
              f"{r['articles_per_s']} | "
              f"{r['peak_rss_mb']} ({r['rss_after_stream_mb']}) | {r['planted_recall']:.3f} | "
              f"{r['other_flagged_as_copies']} ({r['of_which_exact_copies']} exact) | {r['bcubed_f1']:.3f} | "
              f"{r['s_per_1k_first']} -> {r['s_per_1k_last']} |")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(f"\ngrowth: {b['n'] / a['n']:.0f}x the articles took {b['cluster_s'] / a['cluster_s']:.1f}x the time "
              f"(linear would be {b['n'] / a['n']:.0f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
