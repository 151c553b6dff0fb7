"""The store side by side on SQLite and PostgreSQL: building with and without the digest cache, reading a
cached digest against computing it, and search.

    nice .venv/bin/python benchmarks/store_bench.py --articles 1000 [--pg postgresql://user@127.0.0.1:5432/db]

The stream is the scale benchmark's (Multi-News clusters as stories, dated, 8% planted copies;
``../shared/data/multinews_train.jsonl.gz``), fed in batches of 250.  Without ``--pg`` (or
STORYLENS_TEST_PG) only SQLite runs.  Every figure is from this one run, so the ratios compare like with like.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

QUERIES = ["police", "president OR minister", '"white house"', "elect*", "fire -police", "(court AND judge) OR jury"]


def _stream(n: int):
    import scale

    if not scale.DATA.exists():
        raise SystemExit(f"data not found: {scale.DATA} (see ../shared/data/README.md)")
    pool = scale.load_pool(scale.DATA, limit_clusters=max(50, n // 2))
    return scale.build_stream(pool, n)[0]


def _pg_url(base: str) -> str:
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    return f"{base}{'&' if '?' in base else '?'}options={quote(f'-csearch_path={schema}')}"


def _p50_ms(times: list[float]) -> float:
    return round(statistics.median(times) * 1000, 2)


def measure(url: str, articles, batch: int) -> dict:
    from storylens.stories.store import open_store
    from storylens.stories.store.digests import compute_digest
    from storylens.stories.store.index import StoryIndex

    out: dict = {}
    with open_store(url) as st:
        t0 = time.perf_counter()
        StoryIndex(st, digests=False).add(articles, batch_size=batch)
        out["build_s (no digests)"] = round(time.perf_counter() - t0, 2)
        t0 = time.perf_counter()
        made = st.refresh_digests()
        out["digest every story_s"] = round(time.perf_counter() - t0, 2)
        out["stories"] = made
        stories = st.stories()
        sample = stories[:: max(1, len(stories) // 40)]
        reads, computes = [], []
        for s in sample:
            t0 = time.perf_counter()
            st.cached_digest(s.id)
            reads.append(time.perf_counter() - t0)
            arts = st.story_articles(s.id)
            t0 = time.perf_counter()
            compute_digest(arts, st.digest_settings())
            computes.append(time.perf_counter() - t0)
        out["cached_digest p50 ms"] = _p50_ms(reads)
        out["computed digest p50 ms"] = _p50_ms(computes)
        out["compute/read"] = round(statistics.median(computes) / statistics.median(reads), 1)
        searches = []
        for q in QUERIES:
            for _ in range(3):
                t0 = time.perf_counter()
                st.search(q, limit=20)
                st.search_count(q)
                searches.append(time.perf_counter() - t0)
        out["search+count p50 ms"] = _p50_ms(searches)
        out["matches"] = {q: st.search_count(q) for q in QUERIES}
    return out


def build_with_digests(url: str, articles, batch: int) -> float:
    from storylens.stories.store import open_store
    from storylens.stories.store.index import StoryIndex

    with open_store(url) as st:
        t0 = time.perf_counter()
        idx = StoryIndex(st)
        for i in range(0, len(articles), batch):  # one add per batch: digests made after each, as a live feed does
            idx.add(articles[i:i + batch], batch_size=batch)
        return round(time.perf_counter() - t0, 2)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--batch", type=int, default=250)
    p.add_argument("--pg", default=os.environ.get("STORYLENS_TEST_PG"))
    args = p.parse_args(argv)
    articles = _stream(args.articles)
    results = {}
    with tempfile.TemporaryDirectory() as d:
        backends = {"sqlite": lambda: os.path.join(d, f"{uuid.uuid4().hex[:8]}.db")}
        if args.pg:
            backends["postgres"] = lambda: _pg_url(args.pg)
        for name, make in backends.items():
            r = measure(make(), articles, args.batch)
            r["build_s (digests after each batch)"] = build_with_digests(make(), articles, args.batch)
            results[name] = r
    print(json.dumps({"articles": len(articles), "batch": args.batch, **results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
