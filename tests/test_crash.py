"""Crash safety of ``storylens cluster --store``: three kill -9 trials and two writers on one new store
(the benchmark, benchmarks/crash_trials.py, runs twenty)."""

from __future__ import annotations

import random


def test_kill_9_during_cluster_store_leaves_an_intact_store_equal_after_a_rerun(bench_script, tmp_path):
    trials = bench_script("crash_trials")
    rows = trials.corpus(200, seed=7)
    src = trials.write_corpus(tmp_path, rows)
    rc, out, err, duration = trials.run("cluster", str(src), "--store", str(tmp_path / "reference.db"))
    assert rc == 0, err
    reference = trials.inspect(tmp_path / "reference.db")
    assert reference.problems == [] and len(reference.articles) == 200 and len(reference.stories) >= 5
    rng = random.Random(7)
    results = [trials.crash_trial(src, tmp_path, reference, duration, rng, mode=m) for m in ("time", "wal", "time")]
    for t in results:
        assert t.problems_after_kill == [], t
        assert t.rerun_rc == 0 and t.problems_after_rerun == [], t
        assert t.equal_to_reference, t
    assert any(t.killed for t in results)


def test_two_writers_on_one_new_store_lose_and_duplicate_nothing(bench_script, tmp_path):
    trials = bench_script("crash_trials")
    rows = trials.corpus(200, seed=3)
    w = trials.two_writers(rows, tmp_path)
    assert w["problems"] == [] and w["lost"] == [], w
    assert w["one_line_errors"], w
    assert w["exit"] == [0, 0] or w["stored"] == len(rows) // 2, w  # one waited, or one failed cleanly
    if w["exit"] == [0, 0]:
        assert w["stored"] == len(rows)


def test_the_checks_see_a_damaged_store(bench_script, tmp_path):
    """inspect() would report what the trials look for: a story with no articles, an article whose
    story is not listed."""
    trials = bench_script("crash_trials")
    src = trials.write_corpus(tmp_path, trials.corpus(40, seed=1))
    db = tmp_path / "s.db"
    assert trials.run("cluster", str(src), "--store", str(db))[0] == 0
    assert trials.inspect(db).problems == []
    import sqlite3

    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "stories" in tables, tables
    con.execute("DELETE FROM stories WHERE rowid IN (SELECT rowid FROM stories LIMIT 1)")
    con.commit()
    con.close()
    assert any("orphan" in p for p in trials.inspect(db).problems)
