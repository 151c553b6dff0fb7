"""A floor on story-clustering quality: ECB+ (two similar events per topic), read from ../shared/data."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def ecb(data_dir, bench_script):
    """The benchmark's module (loader, scorer, runner) and the ECB+ documents, cleaned as any input."""
    path = data_dir / "ecbplus_dev_docs.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    cluster_ecb = bench_script("cluster_ecb")
    return cluster_ecb, cluster_ecb.load(path)


def test_ecb_bcubed_floor(ecb):
    from storylens.stories.clusterer import NO_WINDOW, ClusterOptions

    bench, (arts, gold, topics) = ecb
    pred = bench.run_clusterer(arts, ClusterOptions(window_days=NO_WINDOW))
    p, r, f1 = bench.bcubed(gold, pred)
    # measured 0.917 (P 0.901, R 0.933) with the defaults but no time window (ECB+ is not a chronological
    # stream); see BENCHMARKS.md "Story clustering"
    assert f1 >= 0.91 and p >= 0.89 and r >= 0.925
    story = {a.id: s for a, s in zip(arts, pred)}
    # two events of one topic kept apart: the two Lindsay Lohan / Tara Reid rehab stories (topic 1),
    # Klitschko's two title defences against Tony Thompson (topic 7, 2008 and 2012: the year check) and the
    # Waitrose fires in Banstead and Wellington (topic 14: the place check)
    for topic in (1, 7, 14):
        tt = [(story[a.id], g) for a, g, t in zip(arts, gold, topics) if t == topic]
        assert {s for s, g in tt if g == f"{topic}_ecb"}.isdisjoint({s for s, g in tt if g == f"{topic}_ecbplus"})


def test_ecb_as_one_batch_equals_one_at_a_time_in_date_order(ecb):
    """What `storylens cluster FILE` does (one batch, taken in (date, file) order) gives what feeding the
    same articles one at a time in that order gives: the IDF grows article by article either way."""
    from storylens.stories.clusterer import NO_WINDOW, ClusterOptions, _day

    bench, (arts, gold, topics) = ecb
    run_clusterer = bench.run_clusterer
    options = ClusterOptions(window_days=NO_WINDOW)
    batch = run_clusterer(arts, options, one_at_a_time=False)
    order = sorted(range(len(arts)), key=lambda i: (_day(arts[i].published) is None,
                                                    _day(arts[i].published) or 0, i))
    dated = run_clusterer([arts[i] for i in order], options)
    assert [batch[i] for i in order] == dated
