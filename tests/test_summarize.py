"""The summarizers: budget, citations, determinism, the shipped scorer, the pool."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

import storylens
from storylens.models import Article
from storylens.summarizers import available_methods, get_summarizer
from storylens.summarizers.features import FEATURES, feature_matrix
from storylens.summarizers.methods import load_weights
from storylens.summarizers.pool import PoolSpace, SentencePool
from storylens.text.tfidf import TfidfSpace

DOCS = [
    "Floods hit the river town of Dunmore on Monday after three days of heavy rain.\n"
    "Rescue teams evacuated 300 residents from the lower streets of the town overnight.\n"
    "The mayor said the water had reached its highest level since records began in 1953.",
    "Rescue teams evacuated 300 residents from the lower streets of the town overnight.\n"
    "Forecasters expect more rain in the region later this week, officials said on Tuesday.\n"
    "Insurers estimate the damage to homes and shops at several million pounds.",
    "Heavy rain caused floods in Dunmore on Monday, forcing the evacuation of hundreds of residents.\n"
    "The town's football match against Carlow was postponed until further notice by the league.",
]


@pytest.mark.parametrize("method", ["storylens", "scored", "centroid", "coverage"])
@pytest.mark.parametrize("budget", [15, 40, 250])
def test_budget_citations_and_offsets(method, budget):
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(DOCS)]
    s = storylens.summarize(arts, max_words=budget, method=method)
    assert s.word_count <= budget and len(s) >= 1
    assert str(s) == s.text == "\n".join(x.text for x in s.sentences)
    for x in s.sentences:
        assert x.citations[0] == x.evidence[0].doc_index
        assert len(set(x.citations)) == len(x.citations)
        for c in x.evidence:
            assert 0 <= c.doc_index < len(arts) and arts[c.doc_index].id == c.article_id
        own = x.evidence[0]
        assert arts[own.doc_index].text[own.start:own.end] == x.text


def test_repeated_wire_sentence_cites_every_carrier_and_appears_once():
    s = storylens.summarize(DOCS, max_words=250)
    evac = [x for x in s.sentences if x.text.startswith("Rescue teams evacuated 300")]
    assert len(evac) == 1 and sorted(evac[0].citations) == [0, 1]


def test_deterministic_and_default_is_the_scored_method():
    a = storylens.summarize(DOCS, max_words=40)
    b = storylens.summarize(list(DOCS), max_words=40)
    assert a == b and a.method == "storylens"
    assert {"storylens", "scored", "centroid", "coverage"} <= set(available_methods())


def test_shipped_weights_are_small_plain_json():
    path = resources.files("storylens").joinpath("data", "scorer.json")
    raw = path.read_bytes()
    assert len(raw) < 5_000_000
    doc = json.loads(raw)
    assert set(doc["weights"]) <= set(FEATURES) | {"lexical"}  # lexical: the hashed bag (test_summarizers_lexical)
    load_weights.cache_clear()
    assert load_weights() == doc["weights"]


def test_scorer_without_weights_falls_back_to_centroid(monkeypatch):
    import importlib

    methods = importlib.import_module("storylens.summarizers.methods")
    pool = SentencePool.build(DOCS)
    scored = get_summarizer("scored")
    monkeypatch.setattr(methods, "load_weights", lambda name="scorer.json": None)
    s = np.asarray(scored.scores(pool))
    assert np.allclose(s, get_summarizer("centroid").base_scores(pool))


def test_bad_weight_name_is_reported():
    from storylens.summarizers.methods import LinearScored

    with pytest.raises(ValueError, match="unknown feature 'nope'"):
        LinearScored(weights={"nope": 1.0}).scores(SentencePool.build(DOCS))


def test_features_are_case_insensitive():
    lower = [d.lower().replace("\n", "\n") for d in DOCS]
    # sentence-capitalise so that the splitter sees the same sentences
    lower = ["\n".join(line[:1].upper() + line[1:] for line in d.split("\n")) for d in lower]
    a = feature_matrix(SentencePool.build(DOCS))
    b = feature_matrix(SentencePool.build(lower))
    assert a.shape == b.shape and np.allclose(a, b)


def test_pool_space_matches_tfidf_space():
    pool = SentencePool.build(DOCS)
    ours, ref = PoolSpace(pool.terms), TfidfSpace(pool.terms)
    assert np.allclose(ours.similarity(), ref.similarity())


def test_pool_space_fast_paths_equal_the_sparse_products_exactly():
    """Small pools skip scipy for the similarity, centroid and projection; the
    floats must be the very ones of the sparse products (summaries depend on ties)."""
    many = ["\n".join(f"Officials in region{d} reported case{k % 7} and review of the budget {k % 3} "
                      f"for district{(d * k) % 5} on day {k}." for k in range(12)) for d in range(4)]
    for docs in (DOCS, many, [d.lower() for d in DOCS]):
        space = PoolSpace(SentencePool.build(docs).terms)
        m = space.matrix
        assert np.array_equal(space.similarity(), (m @ m.T).toarray())
        c = np.asarray(m.sum(axis=0)).ravel()
        c = c / np.linalg.norm(c)
        assert np.array_equal(space.centroid(), c)
        assert np.array_equal(space.project(c), np.asarray(m @ c).ravel())


def test_overlong_sentence_is_split_at_every_stop_with_offsets():
    run_on = " ".join(f"the council met on day {k} to discuss the flood defences for the town centre."
                      for k in range(8))
    text = "Officials gathered early. " + run_on[0].upper() + run_on[1:]
    pool = SentencePool.build([text], storylens.Options(max_sentence_words=40))
    assert len(pool.sentences) >= 8
    for s in pool.sentences:
        assert text[s.start:s.end] == s.text and len(s.text.split()) <= 40


def test_empty_and_tiny_inputs():
    assert len(storylens.summarize(["Too short."], max_words=50)) == 0
    s = storylens.summarize(["The minister resigned on Friday after a week of growing pressure from MPs."], 50)
    assert len(s) == 1 and s.sentences[0].citations == (0,)


def test_default_picks_the_method_by_how_much_of_the_input_the_budget_takes():
    pool = SentencePool.build(DOCS)
    total = sum(len(s.text.split()) for s in pool.sentences)
    default = get_summarizer("storylens")
    # a budget near the input's size: the trained scorer; a small share of it: concept coverage
    assert default.summarize_pool(pool, total) == _as(get_summarizer("scored").summarize_pool(pool, total))
    small = max(total // 6, 10)
    assert default.summarize_pool(pool, small) == _as(get_summarizer("coverage").summarize_pool(pool, small))


def _as(summary, method="storylens"):
    from dataclasses import replace

    return replace(summary, method=method)


def test_coverage_summarizes_a_large_cluster_within_its_budget():
    # 1,500 sentences (its speed is measured by benchmarks/speed.py and digest_scale.py, not here)
    docs = [" ".join(f"Sentence {k} of report {d} says the river rose by {k + d} metres near town {k % 7}."
                     for k in range(60)) for d in range(25)]
    s = storylens.summarize(docs, max_words=100, method="coverage")
    assert 0 < s.word_count <= 100 and s.method == "coverage"
    assert all(sent.citations for sent in s.sentences)


def test_pool_caps_candidates_round_robin_earliest():
    """A huge input cannot blow up memory: the pool keeps at most MAX_CANDIDATES
    candidates (its similarity matrix is dense), each article's earliest ones,
    round-robin across the articles."""
    from storylens.summarizers.pool import MAX_CANDIDATES

    docs = ["\n".join(f"Report {d} item {k} notes that the harbour district of town{d} saw "
                      f"change{k} and movement{d}x{k} during the evening."
                      for k in range(60)) for d in range(3)]
    small = SentencePool.build(docs, max_candidates=30)
    assert len(small.sentences) == 30
    assert [(s.doc_index, s.position) for s in small.sentences] == [
        (d, k) for d in range(3) for k in range(10)]
    # uneven articles: a short one gives all it has, the others share the rest
    uneven = SentencePool.build(docs[:2] + ["\n".join(docs[2].split("\n")[:4])], max_candidates=30)
    by_doc = [sum(1 for s in uneven.sentences if s.doc_index == d) for d in range(3)]
    assert by_doc == [13, 13, 4]
    assert MAX_CANDIDATES <= 5000
    many = ["\n".join(f"Article {d} line {k}: officials in region{d} reported case{k} "
                      f"and review{d}y{k} of the budget." for k in range(120)) for d in range(30)]
    pool = SentencePool.build(many)  # 3,600 candidates: the default limit applies
    assert len(pool.sentences) == MAX_CANDIDATES
    assert pool.similarity.shape == (MAX_CANDIDATES, MAX_CANDIDATES)
    s = storylens.summarize(many, 60)
    assert 1 <= len(s) and s.word_count <= 60


def test_max_other_matches_the_dense_computation_block_by_block():
    import numpy as np

    rows = [["quake", "tokyo"], ["quake", "tokyo", "dead"], ["flood", "delhi"], ["flood", "rain"],
            ["election", "vote"], ["quake", "dead"], ["lonely"]]
    groups = [0, 1, 1, 2, 2, 0, 3]
    space = TfidfSpace(rows)
    dense = space.similarity()
    want = []
    for i, g in enumerate(groups):
        others = [dense[i, j] for j, h in enumerate(groups) if h != g]
        want.append(max(others))
    for block in (1, 2, 256):
        assert np.allclose(space.max_other(groups, block=block), want)
    # a row with no row of another group: NaN (never "unique" by accident)
    assert np.isnan(TfidfSpace([["a"], ["b"]]).max_other([0, 0])).all()
