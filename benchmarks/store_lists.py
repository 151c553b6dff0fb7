"""A filtered story list from the database against the same list filtered in Python, side by side in one run.

    nice .venv/bin/python benchmarks/store_lists.py [--stories 20000] [--pg postgresql://user@127.0.0.1/db]

A store is filled with ``--stories`` synthetic stories of two short articles each (50 outlets, a year of
dates), written as batches straight through ``Store.write_batch`` (no clustering: the list is what is
measured).  For each filter (an outlet, a date range, both) the first page of 20 is made two ways: as
the web's list made it before (read every story, keep those the filter keeps, cut the page) and as it makes
it now (``count_stories`` and ``stories(limit, offset, where)``: the database filters and reads one page).
Both must give the same page.  Reported: CPU seconds of this process (``time.process_time``) and wall
seconds per list (median of ``--repeat``), their ratio, and the load average.  Then what a story page's
"new since version N" costs (the bundled example, its last report a second batch): the update digest made
on the first request, the same one kept, and the story's cached digest.  Without ``--pg`` (or
STORYLENS_TEST_PG) only SQLite runs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from urllib.parse import quote

OUTLETS = [f"Outlet {i:02d}" for i in range(50)]
BATCH = 1000


def _fill(store, n: int) -> None:
    from storylens.models import Article
    from storylens.stories.store import BatchRecord, StoredArticle

    day0 = date(2024, 1, 1)
    for b in range(0, n, BATCH):
        arts, hashes, stories = [], {}, []
        for i in range(b, min(n, b + BATCH)):
            sid = f"s{i:06d}"
            for k in range(2):
                aid = f"a{i:06d}-{k}"
                day = (day0 + timedelta(days=(i * 7 + k) % 365)).isoformat()
                text = f"Report {i} part {k}: the council of town {i % 997} voted on the budget."
                arts.append(StoredArticle(Article(aid, text, title=f"Story {i}", outlet=OUTLETS[(i + k) % 50],
                                                  published=day), sid, None, 0))
                hashes[aid] = hashlib.sha1(text.encode()).hexdigest()
            stories.append({"id": sid, "order": i, "title": f"Story {i}", "active": False, "centroid": {}})
        store.write_batch(BatchRecord(arts, {}, hashes, stories, {}, None))


def _kept(s, f) -> bool:
    return ((not f.outlet or f.outlet in s.outlets)
            and (not f.date_from or bool(s.last_seen and s.last_seen >= f.date_from))
            and (not f.date_to or bool(s.first_seen and s.first_seen <= f.date_to)))


def _in_python(store, f, per_page: int = 20):
    kept = [s for s in store.stories() if _kept(s, f)]
    return len(kept), [s.id for s in kept[:per_page]]


def _in_sql(store, f, per_page: int = 20):
    return store.count_stories(f), [s.id for s in store.stories(limit=per_page, offset=0, where=f)]


def _timed(fn, repeat: int):
    cpu, wall, out = [], [], None
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter()
        out = fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(cpu), statistics.median(wall), out


def run(location: str, label: str, n: int, repeat: int) -> None:
    from storylens.stories.store import StoryFilter, open_store

    filters = {"outlet": StoryFilter(outlet="Outlet 07"),
               "date range": StoryFilter(date_from="2024-03-01", date_to="2024-03-07"),
               "outlet + dates": StoryFilter(outlet="Outlet 07", date_from="2024-03-01", date_to="2024-06-30")}
    with open_store(location) as store:
        t = time.perf_counter()
        _fill(store, n)
        print(f"\n{label}: {n:,} stories, {2 * n:,} articles written in {time.perf_counter() - t:.1f} s; "
              f"load average {os.getloadavg()[0]:.1f}")
        print("| filter | kept | Python: CPU s | wall s | SQL: CPU s | wall s | wall ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, f in filters.items():
            pc, pw, old = _timed(lambda f=f: _in_python(store, f), repeat)
            sc, sw, new = _timed(lambda f=f: _in_sql(store, f), repeat)
            if old != new:
                raise SystemExit(f"{label} {name}: the two lists differ: {old} != {new}")
            print(f"| {name} | {new[0]:,} | {pc:.3f} | {pw:.3f} | {sc:.4f} | {sw:.4f} | {pw / max(sw, 1e-9):.0f}x |")


def update_cost(location: str, label: str, repeat: int) -> None:
    """What ``/stories/ID?since_version=N`` costs: the update digest made on the first request, then kept,
    beside the story's cached digest (the bundled example, its last report added as a second batch)."""
    from pathlib import Path

    from storylens.ingest import load_articles
    from storylens.stories.store import open_store
    from storylens.stories.store.index import StoryIndex
    from storylens.web.access import StoreAccess

    example = sorted(load_articles([Path(__file__).resolve().parents[1] / "examples" / "aleppo-2016"]),
                     key=lambda a: a.published or "")
    with open_store(location) as store:
        StoryIndex(store).add(example[:-1])
        StoryIndex(store).add(example[-1:])
        sid = store.stories()[0].id
        first = store.story_versions(sid)[0]
    access = StoreAccess(location)
    try:
        made = []
        for _ in range(repeat):  # a fresh access each time: nothing kept from the run before
            fresh = StoreAccess(location)
            c, w = time.process_time(), time.perf_counter()
            fresh.update_digest(sid, first)
            made.append((time.process_time() - c, time.perf_counter() - w))
            fresh.close()
        access.update_digest(sid, first)
        kc, kw, _ = _timed(lambda: access.update_digest(sid, first), max(repeat, 5))
        dc, dw, _ = _timed(lambda: access.story_digest(sid), max(repeat, 5))
    finally:
        access.close()
    mc, mw = statistics.median(x for x, _ in made), statistics.median(y for _, y in made)
    print(f"\n{label}, the example's update since version {first} (median of {repeat}; load average "
          f"{os.getloadavg()[0]:.1f}): made {mc:.2f} s CPU / {mw:.2f} s wall; kept {kc * 1e3:.2f} ms CPU / "
          f"{kw * 1e3:.2f} ms wall; the story's cached digest {dc * 1e3:.2f} ms CPU / {dw * 1e3:.2f} ms wall")


def _pg_url(base: str) -> tuple[str, str]:
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    return f"{base}{'&' if '?' in base else '?'}options={quote(f'-csearch_path={schema}')}", schema


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--pg", default=os.environ.get("STORYLENS_TEST_PG"))
    args = ap.parse_args(argv)
    if not 1 <= args.stories <= 200_000:
        raise SystemExit("--stories must be between 1 and 200,000")
    with tempfile.TemporaryDirectory() as d:
        run(os.path.join(d, "lists.db"), "SQLite", args.stories, args.repeat)
        update_cost(os.path.join(d, "update.db"), "SQLite", args.repeat)
    if args.pg:
        import psycopg

        url, schema = _pg_url(args.pg)
        try:
            run(url, "PostgreSQL", args.stories, args.repeat)
            with psycopg.connect(args.pg, autocommit=True) as c:
                c.execute(f"DROP SCHEMA {schema} CASCADE")
            url, schema = _pg_url(args.pg)
            update_cost(url, "PostgreSQL", args.repeat)
        finally:
            with psycopg.connect(args.pg, autocommit=True) as c:
                c.execute(f"DROP SCHEMA {schema} CASCADE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
