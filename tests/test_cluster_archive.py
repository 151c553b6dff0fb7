"""The archive path: a collection clustered as a whole (average-link over candidate pairs)."""

from __future__ import annotations

import json

import pytest

from storylens.cli import main
from storylens.errors import ConfigError
from storylens.models import Article
from storylens.stories.archive import average_link, candidate_pairs, cluster_collection
from storylens.stories.clusterer import ClusterOptions

from test_cluster import QUAKE_A, QUAKE_B


def _arts(texts, prefix, day):
    return [Article(f"{prefix}{i}", t, published=day) for i, t in enumerate(texts)]


def _groups(res):
    by: dict[str, list[str]] = {}
    for x in res.assignments:
        by.setdefault(x.story_id, []).append(x.article_id)
    return sorted(sorted(v) for v in by.values())


def test_average_link_merges_by_the_mean_over_all_member_pairs():
    # 0-1 merge first (0.5); {0, 1} to 2 is the mean of 1-2 (0.4) and 0-2 (never a candidate: 0) = 0.2
    pairs = {(0, 1): 0.5, (1, 2): 0.4, (3, 4): 0.1}
    assert average_link(5, pairs, 0.2) == [0, 0, 0, 3, 4]
    assert average_link(5, pairs, 0.21) == [0, 0, 2, 3, 4]
    assert average_link(5, pairs, 0.1) == [0, 0, 0, 3, 3]


def _eager_average_link(n, pairs, threshold):
    """Textbook average link: merge the pair of clusters with the highest mean (ties: smallest names)."""
    members = {i: [i] for i in range(n)}
    sim = {}
    for (a, b), s in pairs.items():
        sim[(a, b)] = sim[(b, a)] = s
    while True:
        best = None
        for a in members:
            for b in members:
                if a < b:
                    m = sum(sim.get((x, y), 0.0) for x in members[a] for y in members[b]) / \
                        (len(members[a]) * len(members[b]))
                    if m >= threshold and (best is None or (-m, a, b) < best):
                        best = (-m, a, b)
        if best is None:
            break
        _, a, b = best
        members[a] += members.pop(b)
    label = {}
    for k, ms in members.items():
        for i in ms:
            label[i] = k
    return [label[i] for i in range(n)]


def test_average_link_gives_the_textbook_merges_on_random_sparse_graphs():
    import random

    rng = random.Random(7)
    for _ in range(40):
        n = rng.randint(5, 14)
        pairs = {}
        for _ in range(rng.randint(n, 3 * n)):
            a, b = sorted(rng.sample(range(n), 2))
            pairs[(a, b)] = round(rng.uniform(-0.1, 0.9), 3)
        th = rng.choice([0.1, 0.2, 0.3])
        assert average_link(n, pairs, th) == _eager_average_link(n, pairs, th), (pairs, th)


def test_two_earthquakes_months_apart_are_two_stories_in_either_order():
    arts = _arts(QUAKE_A, "a", "2012-11-11") + _arts(QUAKE_B, "b", "2013-06-02")
    res = cluster_collection(arts)
    assert _groups(res) == [["a0", "a1", "a2"], ["b0", "b1", "b2"]]
    assert _groups(cluster_collection(list(reversed(arts)))) == _groups(res)
    assert [s.article_ids for s in res.stories] == [("a0", "a1", "a2"), ("b0", "b1", "b2")]
    assert res.stories[1].first_seen == "2013-06-02" and [x.new_story for x in res.assignments] == \
        [True, False, False, True, False, False]


def test_the_stream_mode_is_the_incremental_clusterer_with_its_window():
    # the same event reported 30 days apart: the archive keeps it one story, the 7-day window splits it
    arts = _arts(QUAKE_A[:2], "a", "2012-11-11") + _arts(QUAKE_A[2:], "c", "2012-12-11")
    assert _groups(cluster_collection(arts)) == [["a0", "a1", "c0"]]
    assert len(_groups(cluster_collection(arts, mode="stream"))) == 2
    assert len(_groups(cluster_collection(arts, window_days=10))) == 2  # an explicit window counts here too
    with pytest.raises(ConfigError, match="archive, stream"):
        cluster_collection(arts, mode="batch")


def test_a_copy_joins_its_originals_story():
    text = QUAKE_A[0] + " " + QUAKE_A[2] + " Rescue teams from the capital arrived by helicopter on Monday."
    arts = [Article("orig", text, published="2012-11-11"), Article("copy", text + " (Reuters)", published="2012-11-12"),
            Article("other", QUAKE_B[0], published="2012-11-12")]
    res = cluster_collection(arts)
    by = {x.article_id: x for x in res.assignments}
    assert by["copy"].duplicate_of == "orig" and by["copy"].story_id == by["orig"].story_id
    assert by["other"].story_id != by["orig"].story_id


def test_candidates_come_from_the_index_and_never_exceed_the_bound():
    vecs = [{"quake": 0.8, "@mogok": 0.6}] * 50 + [{"fire": 1.0}]
    pairs = candidate_pairs(vecs, ClusterOptions(archive_candidates=5))
    assert all(j < i for j, i in pairs) and not any(i == 50 for _, i in pairs)
    assert max(sum(1 for _, i in pairs if i == k) for k in range(51)) == 5


def test_an_article_scans_at_most_the_budget_of_postings_rarest_feature_first():
    # 300 articles share a common word; only article 0 and the last share a rare name; with a budget of
    # 50 postings the last article still finds article 0 (the rare name's list is read first) and is
    # offered only articles the budget reached
    vecs = [{"storm": 0.6, "@kiribati": 0.8}] + [{"storm": 1.0}] * 299 + [{"storm": 0.6, "@kiribati": 0.8}]
    o = ClusterOptions(archive_candidates=30, archive_postings=50)
    mine = [j for j, i in candidate_pairs(vecs, o) if i == 300]
    assert mine[0] == 0 and len(mine) == 30
    assert all(j >= 300 - 49 for j in mine[1:])  # the common word's latest entries only


def test_cli_says_which_path_it_takes(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    arts = _arts(QUAKE_A, "a", "2012-11-11") + _arts(QUAKE_B, "b", "2013-06-02")
    src.write_text("".join(json.dumps({"id": a.id, "text": a.text, "published": a.published}) + "\n" for a in arts))
    out = tmp_path / "out.jsonl"
    assert main(["cluster", str(src), "--assignments", str(out)]) == 0
    err = capsys.readouterr().err
    assert "clustering mode: archive" in err
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len({r["story_id"] for r in rows}) == 2
    assert main(["cluster", str(src), "--mode", "stream"]) == 0
    assert "clustering mode: stream" in capsys.readouterr().err
    assert main(["cluster", str(src), "--window-days", "30"]) == 0
    assert "pairs at most 30 days apart" in capsys.readouterr().err
    assert main(["cluster", str(src), "--store", str(tmp_path / "s.db"), "--mode", "archive"]) == 2
    assert "--mode archive cannot add to a --store" in capsys.readouterr().err


def test_pair_graph_arrays_give_the_same_merges_and_extra_pairs_keep_the_higher_score():
    import numpy as np

    from storylens.stories.linkage import PairGraph

    pairs = {(0, 1): 0.5, (1, 2): 0.4, (3, 4): 0.1}
    g = PairGraph.of(pairs)
    assert g.a.dtype == np.int32 and average_link(5, g, 0.2) == average_link(5, pairs, 0.2) == [0, 0, 0, 3, 4]
    merged = g.with_max({(2, 1): 0.6, (0, 1): 0.2, (2, 4): 0.3})
    assert dict(merged.items()) == {(0, 1): 0.5, (1, 2): 0.6, (3, 4): 0.1, (2, 4): 0.3}


def test_a_lead_place_that_no_article_counts_still_costs_the_place_penalty():
    # "Newport" is named only in a Title Case headline (no names read from it): it is in no article's
    # features, so every pair with the article that names it loses place_penalty
    from storylens.stories.archive import pair_scores

    arts = [Article("a", "Fire crews fought the blaze at the depot for hours. Smoke rose over the port all day.",
                    title="Huge Fire Breaks Out in Newport Depot"),
            Article("b", "Fire crews fought the blaze at the depot for hours. Smoke rose over the harbour.")]
    with_check = pair_scores(arts, [("a", "b")])[0]
    without = pair_scores(arts, [("a", "b")], ClusterOptions(place_penalty=0.0))[0]
    assert abs(without - with_check - ClusterOptions().place_penalty) < 1e-12
