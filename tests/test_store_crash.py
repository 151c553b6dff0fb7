"""kill -9 of a writer mid-batch, on both backends: the store stays consistent and a re-run equals an
uninterrupted build (the benchmark benchmarks/store_crash.py runs more trials; its figures are in BENCHMARKS.md)."""

from __future__ import annotations

import pytest


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_a_writer_killed_at_random_leaves_a_consistent_store_and_a_rerun_equals_a_full_build(
        backend, request, bench_script, tmp_path):
    crash = bench_script("store_crash")
    if backend == "postgres":
        make = crash.postgres_urls(request.getfixturevalue("pg_server"))
    else:
        make = crash.sqlite_urls(str(tmp_path))
    result = crash.run(make, trials=2, n=60, batch=10, seed=5)
    assert result["problems"] == []
    assert result["killed"] >= 1  # at least one trial really killed a live writer
