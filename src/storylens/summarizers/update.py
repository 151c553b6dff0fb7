"""Update summaries: what the later articles add to what the earlier ones already said.

The later articles are summarized by the chosen method as usual, except that a candidate sentence which
repeats what an earlier article said (TF-IDF cosine of its content words with an earlier sentence at or above
``redundancy``) is never chosen: a reader coming back has read it.  Citations index the later articles only.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..models import Article, Summary
from ..prepare import PreparedDocument
from ..text.tfidf import TfidfSpace
from .base import Summarizer, get_summarizer
from .pool import SentencePool

# at this cosine with an earlier sentence a later one says nothing new; the pool's support threshold (two
# sentences that carry the same content unit) is the same figure by default
REDUNDANCY = 0.5


class _NoveltyFiltered(Summarizer):
    """``inner``'s ranking without the candidates an earlier article already carries."""

    def __init__(self, inner: Summarizer, known: np.ndarray):
        self.inner = inner
        self.known = known
        self.name = inner.name
        self.reorder = inner.reorder

    def rank(self, pool: SentencePool) -> Sequence[int]:
        return [i for i in self.inner.rank(pool) if not self.known[i]]


def known_content(pool: SentencePool, earlier: SentencePool, redundancy: float = REDUNDANCY) -> np.ndarray:
    """For each candidate of ``pool``: whether an earlier candidate says the same (cosine >= ``redundancy``)."""
    n = len(pool.sentences)
    if not n or not earlier.sentences:
        return np.zeros(n, dtype=bool)
    space = TfidfSpace(list(pool.terms) + list(earlier.terms))
    best = space.max_other([0] * n + [1] * len(earlier.sentences))[:n]
    return np.nan_to_num(best, nan=0.0) >= redundancy


def summarize_update(earlier: Sequence[Article | PreparedDocument | str],
                     later: Sequence[Article | PreparedDocument | str], max_words: int | None = None, *,
                     options=None, redundancy: float = REDUNDANCY) -> Summary:
    """Summarize what ``later`` adds to ``earlier`` in at most ``max_words`` words (default: the options').

    Every sentence comes from, and cites (0-based indices into ``later``), the later articles.
    """
    from ..config import Options

    opts = options or Options()
    budget = opts.max_words if max_words is None else max_words
    pool = SentencePool.build(later, opts)
    before = SentencePool.build(earlier, opts) if earlier else None
    known = known_content(pool, before, redundancy) if before is not None else np.zeros(len(pool.sentences), bool)
    method = get_summarizer(opts.method)
    inner = method.inner(pool, budget) if hasattr(method, "inner") else method
    summary = _NoveltyFiltered(inner, known).summarize_pool(pool, budget, order=opts.order)
    from dataclasses import replace

    return replace(summary, method=f"{method.name}+update")


__all__ = ["summarize_update", "known_content", "REDUNDANCY"]
