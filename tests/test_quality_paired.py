"""benchmarks/quality_paired.py: the paired comparison of two runs' per-cluster scores."""

from __future__ import annotations

import json
import math

import pytest


@pytest.fixture(scope="module")
def qp(bench_script):
    return bench_script("quality_paired")


def test_paired_difference_its_error_and_the_counts(qp):
    got = qp.paired([10.0, 12.0, 8.0, 9.0], [11.0, 12.0, 10.0, 8.0])
    # differences +1, 0, +2, -1: mean 0.5, sample sd sqrt(5/3), se sqrt(5/3)/2
    assert got["n"] == 4 and got["up"] == 2 and got["down"] == 1
    assert got["mean"] == pytest.approx(0.5)
    assert got["se"] == pytest.approx(math.sqrt(5 / 3) / 2)


def test_paired_edge_cases(qp):
    assert qp.paired([], [])["n"] == 0
    one = qp.paired([3.0], [4.5])
    assert one["mean"] == pytest.approx(1.5) and one["se"] == 0.0 and one["up"] == 1
    with pytest.raises(ValueError, match="different numbers"):
        qp.paired([1.0, 2.0], [1.0])


def test_compare_reads_two_runs_cluster_by_cluster(qp, tmp_path):
    old = {"update": {"a": 10.0, "b": 8.0, "c": 5.0}, "main": {"x": 12.0}}
    new = {"update": {"a": 11.0, "b": 8.0, "c": 4.0, "only-new": 99.0}}
    for name, scores in (("old", old), ("new", new)):
        (tmp_path / f"{name}.json").write_text(json.dumps({"scores": scores}), encoding="utf-8")
    assert qp.main(["--compare", str(tmp_path / "old.json"), str(tmp_path / "new.json")]) == 0
    line = [row for row in qp.compare(old, new).splitlines() if row.startswith("| update")][0]
    # only the clusters both runs scored: a, b, c (means 7.67 and 7.67, differences +1, 0, -1)
    assert line == "| update | 7.67 | 7.67 | +0.00 (0.58) | 1 / 1 of 3 |"
    assert "main" not in qp.compare(old, new)


def test_an_unknown_set_is_a_one_line_error(qp, capsys):
    assert qp.main(["--sets", "nope"]) == 2
    assert "unknown set 'nope'" in capsys.readouterr().err
