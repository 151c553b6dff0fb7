"""The built-in summarizers.

``storylens`` (the default): each candidate is scored by its similarity to the
story's centroid, the number of sources that carry the same content, and its
position in its article; sentences are then picked greedily with maximal
marginal relevance so the summary does not repeat itself.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .base import Summarizer, register
from .pool import SentencePool


def mmr_select(scores: np.ndarray, sim: np.ndarray, lam: float = 0.7, max_sim: float = 0.6,
               limit: int | None = None) -> list[int]:
    """Greedy maximal marginal relevance; a candidate more similar than
    ``max_sim`` to one already picked is dropped.  Ties break on index."""
    n = len(scores)
    limit = n if limit is None else min(limit, n)
    picked: list[int] = []
    redundancy = np.zeros(n)
    alive = np.ones(n, dtype=bool)
    while len(picked) < limit and alive.any():
        value = np.where(alive, lam * scores - (1 - lam) * redundancy, -np.inf)
        i = int(np.argmax(value))
        picked.append(i)
        alive[i] = False
        redundancy = np.maximum(redundancy, sim[i])
        alive &= sim[i] < max_sim
    return picked


@register("storylens")
class CentroidSupport(Summarizer):
    """Centroid + cross-source support + position, with MMR redundancy control."""

    def __init__(self, support_weight: float = 0.5, position_weight: float = 0.5, lam: float = 0.7):
        self.support_weight = support_weight
        self.position_weight = position_weight
        self.lam = lam

    def rank(self, pool: SentencePool) -> Sequence[int]:
        space = pool.space
        centroid = space.centroid()
        central = np.asarray(space.matrix @ centroid).ravel()
        n_docs = max(len(pool.articles), 1)
        support = (pool.support_count() - 1) / max(n_docs - 1, 1)
        pos = np.asarray([s.position for s in pool.sentences], dtype=np.float64)
        position = 1.0 / np.sqrt(1.0 + pos)
        score = central * (1 + self.support_weight * support) * (1 + self.position_weight * position)
        if score.max() > 0:
            score = score / score.max()
        return mmr_select(score, pool.similarity, lam=self.lam)
