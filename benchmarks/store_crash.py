"""Crash trials of the store, on SQLite or PostgreSQL: kill -9 a writer at a random moment, check, re-run, compare.

Each trial starts a writer process that adds a fixed stream of articles in batches (each batch one
transaction, then the digests of the stories it changed, in a transaction of their own), kills it with
SIGKILL at a random moment of its writing (uniform over the uninterrupted writer's time), checks
the store (integrity, full-text index, no orphan article, no empty or mis-sized story, no digest ahead of its
story), runs the writer again to the end and compares the store with one built without interruption.

    python benchmarks/store_crash.py --backend sqlite --trials 20
    python benchmarks/store_crash.py --backend postgres --pg postgresql://user@127.0.0.1:5432/db --trials 20
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from typing import Callable
from urllib.parse import quote

from storylens.stories.store import StoreError

TOPICS = [("earthquake", "Mogok", "Myanmar"), ("flood", "Srinagar", "Kashmir"), ("cyclone", "Puri", "Odisha"),
          ("wildfire", "Evia", "Greece"), ("strike", "Lyon", "France"), ("drought", "Turkana", "Kenya")]


def stream(n: int, seed: int = 11):
    """``n`` deterministic short reports on a few events, some of them copies (the same text, another outlet)."""
    from storylens.models import Article

    rng = random.Random(seed)
    out: list = []
    for i in range(n):
        what, town, region = TOPICS[rng.randrange(len(TOPICS))]
        toll = rng.randrange(3, 90)
        text = (f"A {what} hit {town} in {region} on day {i % 9 + 1}, officials said; {toll} people were "
                f"reported dead and rescuers in {town} searched for survivors (report {i}).")
        if out and rng.random() < 0.15:
            prev = out[rng.randrange(len(out))]
            text = prev.text  # a syndicated copy
        out.append(Article(f"r{i}", text, outlet=f"outlet{i % 7}", published=f"2021-03-{i % 9 + 1:02d}",
                           url=f"https://example.org/r{i}"))
    return out


def write(url: str, n: int, batch: int) -> None:
    from storylens.stories.store import open_store
    from storylens.stories.store.index import StoryIndex

    articles = stream(n)
    print("writing", flush=True)  # imports done: the trial's clock starts here
    with open_store(url) as st:
        index = StoryIndex(st)
        for i in range(0, n, batch):  # one add per batch, as a feed writes: a batch, then its digests
            index.add(articles[i:i + batch], batch_size=batch)


def problems(url: str) -> list[str]:
    """What is wrong with the store at ``url`` (empty when it is consistent)."""
    from storylens.stories.store import open_store
    from storylens.stories.store.sql import SQLStore

    out: list[str] = []
    with open_store(url, create=False) as st:
        assert isinstance(st, SQLStore)
        q = st._x  # the store's own SQL door: read-only checks
        if not url.startswith("postgres"):
            if q("PRAGMA integrity_check").fetchone()[0] != "ok":
                out.append("integrity_check failed")
            q("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")  # raises when inconsistent
            if q("SELECT count(*) FROM articles_fts").fetchone()[0] != st.counts()["articles"]:
                out.append("the FTS index and the articles differ in number")
        n = st.counts()["articles"]
        if n and st.search_count("officials") != n:
            out.append(f"search finds {st.search_count('officials')} of {n} articles")
        checks = {
            "orphan articles": "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                               "(SELECT 1 FROM stories s WHERE s.id = a.story_id)",
            "empty or mis-sized stories": "SELECT count(*) FROM stories s WHERE s.size = 0 OR s.size != "
                                          "(SELECT count(*) FROM articles a WHERE a.story_id = s.id)",
            "digests ahead of their story": "SELECT count(*) FROM digests d JOIN stories s ON s.id = d.story_id "
                                            "WHERE d.version > s.version",
        }
        for what, sql in checks.items():
            bad = q(sql).fetchone()[0]
            if bad:
                out.append(f"{bad} {what}")
        for s in st.stories():
            d = st.cached_digest(s.id)
            if d is not None and len(d["articles"]) != s.size:
                out.append(f"story {s.id}: a current digest of {len(d['articles'])} articles, the story has {s.size}")
    return out


def snapshot(url: str) -> dict:
    """Everything a re-run must reproduce: stories, copies, document frequencies, counts, digests made."""
    from storylens.stories.store import open_store

    from storylens.stories.store.sql import SQLStore

    with open_store(url, create=False) as st:
        assert isinstance(st, SQLStore)
        rows = list(st.assignments())
        return {
            "assignments": sorted((r.article.id, r.story_id, r.duplicate_of or "") for r in rows),
            "stories": sorted((s.id, s.title, s.size, s.first_seen, s.last_seen) for s in st.stories()),
            "df": sorted(tuple(r) for r in st._x("SELECT term, n FROM df").fetchall()),
            "counts": st.counts(),
            "stale_digests": st.stale_digests(),
        }


def _writer(url: str, n: int, batch: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--write", url, "--articles", str(n),
                             "--batch", str(batch)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    proc.stdout.readline()  # "writing" (or nothing, if it failed to start)
    return proc


def run(make_url: Callable[[], str], *, trials: int, n: int = 240, batch: int = 20, seed: int = 3) -> dict:
    """``trials`` kill -9 trials, each at a random moment of the writer's run; the figures and every problem."""
    reference = make_url()
    proc = _writer(reference, n, batch)
    t0 = time.monotonic()
    _, err = proc.communicate(timeout=600)
    build_s = time.monotonic() - t0  # from the first write to the end: batches and their digests
    expected = snapshot(reference)
    if not expected["counts"]["articles"]:
        raise SystemExit(f"the uninterrupted build failed: {err}")
    rng = random.Random(seed)
    found: list[str] = []
    killed = 0
    stored_at_kill: list[int] = []  # articles the killed writer had committed (0 .. n: where the kills fell)
    for t in range(trials):
        url = make_url()
        proc = _writer(url, n, batch)
        time.sleep(rng.uniform(0.0, build_s))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        try:
            found += [f"trial {t} after the kill: {p}" for p in problems(url)]
            stored_at_kill.append(snapshot(url)["counts"]["articles"])
        except StoreError as exc:
            if "no storylens store" not in str(exc) and "no such store" not in str(exc):
                found.append(f"trial {t}: the store could not be checked: {exc}")
            # else: killed before the store was made, nothing written: consistent
        rerun = _writer(url, n, batch)
        _, err = rerun.communicate(timeout=600)
        if rerun.returncode != 0:
            found.append(f"trial {t}: the re-run failed: {err.strip().splitlines()[-1:]}")
            continue
        found += [f"trial {t} after the re-run: {p}" for p in problems(url)]
        got = snapshot(url)
        if got != expected:
            differ = [k for k in expected if got[k] != expected[k]]
            found.append(f"trial {t}: the re-run differs from an uninterrupted build in {', '.join(differ)}")
            if os.environ.get("STORE_CRASH_DEBUG"):
                for k in differ:
                    a, b = expected[k], got[k]
                    if isinstance(a, list):
                        print(k, "expected-only", sorted(set(map(str, a)) - set(map(str, b)))[:5],
                              "got-only", sorted(set(map(str, b)) - set(map(str, a)))[:5], file=sys.stderr)
    mid = sum(1 for k in stored_at_kill if 0 < k < n)  # some batches committed, not all
    return {"trials": trials, "killed": killed, "articles": n, "batch": batch, "build_s": round(build_s, 2),
            "stored_at_kill": stored_at_kill, "part_way": mid, "problems": found}


def sqlite_urls(folder: str) -> Callable[[], str]:
    return lambda: os.path.join(folder, f"store-{uuid.uuid4().hex[:8]}.db")


def postgres_urls(base: str) -> Callable[[], str]:
    """Each call: a fresh schema on the server at ``base``."""
    import psycopg

    def make() -> str:
        schema = "crash_" + uuid.uuid4().hex[:10]
        with psycopg.connect(base, autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {schema}")
        return f"{base}{'&' if '?' in base else '?'}options={quote(f'-csearch_path={schema}')}"
    return make


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--pg", default=os.environ.get("STORYLENS_TEST_PG"), help="PostgreSQL server URL")
    p.add_argument("--trials", type=int, default=20)
    p.add_argument("--articles", type=int, default=240)
    p.add_argument("--batch", type=int, default=20)
    p.add_argument("--write", metavar="URL", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.write:
        write(args.write, args.articles, args.batch)
        return 0
    with tempfile.TemporaryDirectory() as d:
        if args.backend == "postgres":
            if not args.pg:
                p.error("--backend postgres needs --pg URL (or STORYLENS_TEST_PG)")
            make = postgres_urls(args.pg)
        else:
            make = sqlite_urls(d)
        result = run(make, trials=args.trials, n=args.articles, batch=args.batch)
    print(json.dumps({"backend": args.backend, **result}, indent=2))
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
