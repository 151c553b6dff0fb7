"""The summary pool bounded story-wide: each article's share decided from the counts (water-filling),
the words, stems and terms made only for the candidates kept."""

from __future__ import annotations

import random

from storylens.prepare import PreparedDocument
from storylens.models import Article
from storylens.shares import round_robin_shares
from storylens.summarizers.pool import SentencePool


def _round_robin(counts: list[int], limit: int) -> list[int]:
    """The reference: every article's first candidate, then every article's second, ... (ties in article
    order), the first ``limit`` of them; how many of each article."""
    order = sorted((r, d) for d, c in enumerate(counts) for r in range(c))[:max(limit, 0)]
    return [sum(1 for _, e in order if e == d) for d in range(len(counts))]


def test_shares_are_the_round_robin_of_the_earliest():
    rng = random.Random(7)
    for _ in range(500):
        counts = [rng.choice([0, 1, 2, 3, 5, 8, 20, 60]) for _ in range(rng.randint(1, 12))]
        limit = rng.randint(0, sum(counts) + 3)
        assert round_robin_shares(counts, limit) == _round_robin(counts, limit), (counts, limit)


def test_only_the_kept_candidates_have_their_words_kept():
    docs = [PreparedDocument(Article(id=str(d), text="\n".join(
        f"Report {d} item {k} notes that the harbour district of town{d} saw change{k} in the evening."
        for k in range(50))), d, dated=False) for d in range(4)]
    pool = SentencePool.build(docs, max_candidates=20)
    assert [(s.doc_index, s.position) for s in pool.sentences] == [(d, k) for d in range(4) for k in range(5)]
    kept = {(s.doc_index, s.position) for s in pool.sentences}
    for doc in docs:  # the prepared documents' words memo holds the candidates kept, no other sentence
        held = {(doc.index, i) for i, w in enumerate(doc._words) if w is not None}
        assert held == {k for k in kept if k[0] == doc.index}
    assert all(t and tok and st for t, tok, st in zip(pool.terms, pool.tokens, pool._stems))
