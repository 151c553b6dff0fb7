"""Concept coverage prefers what several sources carry: the bonus, and its lazy evaluation."""

from __future__ import annotations

import pytest

from storylens.config import Options
from storylens.prepare import prepare_documents
from storylens.summarizers import methods
from storylens.summarizers.methods import ConceptCoverage, _CoverageStep, carried
from storylens.summarizers.pool import SentencePool


@pytest.fixture
def example_pool(example_articles):
    return SentencePool.build(prepare_documents([a for a in example_articles if a.text.strip()]), Options())


def test_carried_is_whether_the_summary_would_cite_a_second_source(example_pool):
    pool = example_pool
    flags = [carried(pool, i) for i in range(len(pool.sentences))]
    cited = pool.to_summary(list(range(len(pool.sentences)))).sentences
    assert flags == [len(set(s.citations)) > 1 for s in cited]
    assert 0 < sum(flags) < len(flags)  # the example has both


def test_lazy_carried_gives_the_ranking_of_knowing_every_candidate(example_pool, monkeypatch):
    pool = example_pool
    n = len(pool.sentences)
    calls: list[int] = []
    real = methods.carried
    monkeypatch.setattr(methods, "carried", lambda p, i: calls.append(i) or real(p, i))
    lazy = ConceptCoverage(carried_bonus=1.0)
    lazy._budget = 250
    got = list(lazy.rank(pool))
    assert 0 < len(calls) < n and len(set(calls)) == len(calls)  # each found once, and not for all
    known = [real(pool, i) for i in range(n)]
    init = _CoverageStep.__init__

    def knowing(self, *args):
        init(self, *args)
        self.carried[:] = known

    monkeypatch.setattr(_CoverageStep, "__init__", knowing)
    eager = ConceptCoverage(carried_bonus=1.0)
    eager._budget = 250
    assert list(eager.rank(pool)) == got


def test_a_large_bonus_takes_carried_sentences_first(example_pool):
    pool = example_pool
    known = [carried(pool, i) for i in range(len(pool.sentences))]
    strong = ConceptCoverage(carried_bonus=100.0)
    strong._budget = 250
    first = list(strong.rank(pool))[:3]
    assert all(known[i] for i in first)
    plain = ConceptCoverage(carried_bonus=0.0)
    plain._budget = 250
    assert not all(known[i] for i in list(plain.rank(pool))[:3])  # without it, the order is another
    multi = [sum(len(set(s.citations)) > 1 for s in m.summarize_pool(pool, 250).sentences) for m in (plain, strong)]
    assert multi[1] > multi[0]


def test_a_single_article_needs_no_citation_search(monkeypatch):
    monkeypatch.setattr(methods, "carried", lambda p, i: pytest.fail("no other article can carry it"))
    text = " ".join(f"The council approved plan number {k} for the northern district on Monday." for k in range(30))
    s = ConceptCoverage(carried_bonus=1.0).summarize_pool(SentencePool.build([text]), 40)
    assert s.sentences and s.word_count <= 40
