"""Crash and concurrency trials of ``storylens cluster --store`` (SQLite), through the CLI and the store's
public interface only.

Each crash trial starts ``storylens cluster CORPUS --store T.db``, kills it with SIGKILL at a random moment
(seeded) of an uninterrupted run's duration, then checks the store: ``PRAGMA integrity_check``, the full-text
index against the articles (every stored article found by its own unique word, no hit outside the store),
no article in a story the store does not list, no listed story without articles; then runs the same command
again and compares the store with the uninterrupted build (the same articles, grouped in the same stories).
A concurrency trial starts two writers on one new store at once, each with half of the corpus, and checks
that both finish (one waits) or one fails with one clear line, and that nothing is lost or duplicated.

    nice python benchmarks/crash_trials.py --trials 20 --articles 3000 --seed 1

Figures go in BENCHMARKS.md ("Hardening").  tests/test_crash.py runs three trials of the same code.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

_TOPICS = [
    ("Aleppo", "airstrikes", "rebels", "Syria"), ("Mogok", "landslide", "rescuers", "Myanmar"),
    ("Valencia", "floods", "evacuation", "Spain"), ("Osaka", "earthquake", "tsunami", "Japan"),
    ("Nairobi", "election", "ballots", "Kenya"), ("Lima", "protests", "congress", "Peru"),
    ("Dhaka", "factory", "fire", "Bangladesh"), ("Quito", "volcano", "ash", "Ecuador"),
    ("Oslo", "strike", "ferries", "Norway"), ("Perth", "bushfire", "firefighters", "Australia"),
]
_FILL = ("officials said on the day that the situation remained serious and that more help was expected "
         "from neighbouring regions as residents waited for news").split()


def corpus(n: int, seed: int) -> list[dict]:
    """``n`` synthetic reports about many stories (a story: a topic and a week), each with one unique word
    (``zq<N>x``) the full-text index must find it by."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        topic = rng.randrange(len(_TOPICS))
        week = rng.randrange(12)
        place, event, who, country = _TOPICS[topic]
        day = 1 + week * 7 + rng.randrange(3)
        month, dom = 1 + (day - 1) // 28, 1 + (day - 1) % 28
        words = rng.sample(_FILL, 12)
        text = (f"{event.capitalize()} hit {place} in {country} in week {week}, and {who} worked through the night. "
                f"{' '.join(words).capitalize()}. Report zq{i}x from the {place} {event} desk, week {week}.")
        rows.append({"id": f"r{i}", "text": text, "title": f"{event.capitalize()} in {place}, week {week}",
                     "url": f"https://news.example/{topic}/{week}/{i}", "published": f"2024-{month:02d}-{dom:02d}"})
    return rows


def write_corpus(folder: Path, rows: list[dict], name: str = "corpus.jsonl") -> Path:
    p = folder / name
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return p


def cli(*args: str, **kw) -> subprocess.Popen:
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    return subprocess.Popen([sys.executable, "-m", "storylens", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, **kw)


def run(*args: str, timeout: float = 600) -> tuple[int, str, str, float]:
    start = time.monotonic()
    p = cli(*args)
    out, err = p.communicate(timeout=timeout)
    return p.returncode, out.decode(), err.decode(), time.monotonic() - start


@dataclass
class State:
    """What a store holds, as the public interface tells it."""

    articles: dict[str, str] = field(default_factory=dict)  # article id -> story id
    stories: dict[str, int] = field(default_factory=dict)  # story id -> listed article count
    problems: list[str] = field(default_factory=list)

    def groups(self) -> set[frozenset[str]]:
        by: dict[str, set[str]] = {}
        for a, s in self.articles.items():
            by.setdefault(s, set()).add(a)
        return {frozenset(g) for g in by.values()}


def inspect(db: Path, sample: int = 25, seed: int = 0) -> State:
    """The store's articles and stories, and every inconsistency found in it."""
    from storylens.stories.store import open_store

    st = State()
    con = sqlite3.connect(db)
    check = con.execute("PRAGMA integrity_check").fetchall()
    con.close()
    if check != [("ok",)]:
        st.problems.append(f"integrity_check: {check[:3]}")
    with open_store(str(db), create=False) as store:
        for sa in store.assignments():
            if sa.article.id in st.articles:
                st.problems.append(f"article {sa.article.id} stored twice")
            st.articles[sa.article.id] = sa.story_id
        listed = store.stories(limit=None)
        st.stories = {s.id: len(s.article_ids) for s in listed}
        for a, s in st.articles.items():
            if s not in st.stories:
                st.problems.append(f"orphan article {a}: story {s} is not listed")
        for s in listed:
            if not store.story_articles(s.id):
                st.problems.append(f"empty story {s.id}")
        rng = random.Random(seed)
        for a in rng.sample(sorted(st.articles), min(sample, len(st.articles))):
            word = "zq" + a[1:] + "x"
            hits = {h.article_id for h in store.search(word, limit=None)}
            if hits != {a}:
                st.problems.append(f"full-text search for {word}: {sorted(hits)[:3]}, expected [{a}]")
        stray = {h.article_id for h in store.search("week", limit=None)} - set(st.articles)
        if stray:
            st.problems.append(f"full-text hits for articles not stored: {sorted(stray)[:3]}")
    return st


@dataclass
class Trial:
    kill_at: float
    killed: bool
    stored_at_kill: int
    problems_after_kill: list[str]
    rerun_rc: int
    equal_to_reference: bool
    problems_after_rerun: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems_after_kill and not self.problems_after_rerun and self.rerun_rc == 0 \
            and self.equal_to_reference


def _kill_on_wal(p: subprocess.Popen, db: Path, threshold: int, limit: float) -> float:
    """Kill ``p`` once the store's write-ahead log holds ``threshold`` bytes (inside a write); the
    seconds it ran, or -1 when it ended first."""
    wal = Path(str(db) + "-wal")
    start = time.monotonic()
    while p.poll() is None and time.monotonic() - start < limit:
        if wal.exists() and wal.stat().st_size >= threshold:
            p.send_signal(signal.SIGKILL)
            return time.monotonic() - start
        time.sleep(0.005)
    return -1.0


def crash_trial(corpus_file: Path, folder: Path, reference: State, duration: float, rng: random.Random,
                mode: str = "time") -> Trial:
    """One kill -9: at a random moment of the reference run's duration (``mode="time"``), or once the
    write-ahead log has grown past a random size (``mode="wal"``: inside a write transaction)."""
    db = folder / f"trial-{rng.randrange(10**9)}.db"
    p = cli("cluster", str(corpus_file), "--store", str(db))
    if mode == "wal":
        kill_at = _kill_on_wal(p, db, rng.randrange(4096, 2 << 20), limit=duration * 3)
    else:
        kill_at = rng.uniform(0.02, 0.85) * duration  # the run may go faster than the reference did
        try:
            p.wait(timeout=kill_at)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
    p.communicate()
    killed = p.returncode == -signal.SIGKILL
    after = inspect(db) if db.exists() else State()
    rc, _, err, _ = run("cluster", str(corpus_file), "--store", str(db))
    final = inspect(db)
    return Trial(kill_at=round(kill_at, 2), killed=killed, stored_at_kill=len(after.articles),
                 problems_after_kill=after.problems, rerun_rc=rc,
                 equal_to_reference=final.groups() == reference.groups(),
                 problems_after_rerun=final.problems + ([err.strip()] if rc else []))


def two_writers(rows: list[dict], folder: Path) -> dict:
    """Two ``cluster --store`` processes on one new store at once, with the two halves of the corpus."""
    half = len(rows) // 2
    a, b = write_corpus(folder, rows[:half], "half-a.jsonl"), write_corpus(folder, rows[half:], "half-b.jsonl")
    db = folder / "two.db"
    procs = [cli("cluster", str(f), "--store", str(db)) for f in (a, b)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        results.append((p.returncode, err.decode().strip()))
    st = inspect(db)
    failed = [e for rc, e in results if rc != 0]
    stored = set(st.articles)
    wanted = {r["id"] for r in rows}
    expected = wanted if not failed else None
    return {"exit": [rc for rc, _ in results], "errors": failed,
            "one_line_errors": all(e.count("\n") == 0 and e.startswith("storylens: error:") for e in failed),
            "lost": sorted(expected - stored)[:5] if expected is not None else [],
            "stored": len(stored), "problems": st.problems}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--budget-s", type=float, default=900, help="stop starting trials after this many seconds")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        rows = corpus(args.articles, args.seed)
        src = write_corpus(folder, rows)
        rc, out, err, duration = run("cluster", str(src), "--store", str(folder / "reference.db"))
        if rc:
            print(f"reference build failed: {err.strip()}", file=sys.stderr)
            return 1
        reference = inspect(folder / "reference.db")
        print(f"reference: {len(reference.articles)} articles in {len(reference.stories)} stories, "
              f"{duration:.1f} s; problems: {reference.problems or 'none'}")
        trials = []
        for i in range(args.trials):
            if time.monotonic() - started > args.budget_s:
                print(f"time budget spent after {i} trials")
                break
            t = crash_trial(src, folder, reference, duration, rng, mode="wal" if i % 2 else "time")
            trials.append(t)
            how = "on WAL growth" if i % 2 else "at a random time"
            print(f"trial {i + 1} ({how}): kill at {t.kill_at:.2f} s (killed: {t.killed}), {t.stored_at_kill} articles "
                  f"stored at the kill; after it: {t.problems_after_kill or 'intact'}; re-run exit {t.rerun_rc}, "
                  f"equal to the uninterrupted build: {t.equal_to_reference}"
                  + (f"; {t.problems_after_rerun}" if t.problems_after_rerun else ""))
        writers = [two_writers(rows, Path(tempfile.mkdtemp(dir=d))) for _ in range(3)]
        for w in writers:
            print(f"two writers: exit {w['exit']}, {w['stored']} stored of {len(rows)}, lost {w['lost']}, "
                  f"errors {w['errors']}, problems {w['problems'] or 'none'}")
    ok = sum(t.ok for t in trials)
    killed = sum(t.killed for t in trials)
    print(f"crash trials: {ok} of {len(trials)} intact and equal to the uninterrupted build after a re-run "
          f"({killed} killed mid-run)")
    good_writers = all(not w["lost"] and not w["problems"] and w["one_line_errors"] for w in writers)
    return 0 if ok == len(trials) and good_writers else 1


if __name__ == "__main__":
    sys.exit(main())
