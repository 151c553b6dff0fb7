"""The built-in summarizers.

``storylens`` (the default): a linear sentence scorer over features that hold
for any news text (position, centrality, support across sources, bigrams
shared between articles, length, quotes ...; see :mod:`.features`), fitted on
Multi-News train against the ROUGE precision of each sentence and checked on
the full-length DUC 2007 sets; sentences are then picked greedily with
maximal marginal relevance so the summary does not repeat itself.  Its
weights ship as plain JSON (``storylens/data/scorer.json``), beside the slot
table of its one lexical feature, a hashed bag of each sentence's words, word
pairs and place (:mod:`.lexical`, ``storylens/data/lexical.npy``).

``centroid``: the same without training: centroid similarity x support x
position, with MMR.  ``coverage``: greedy bigram-concept coverage
(Gillick and Favre's objective).  BENCHMARKS.md compares them.
"""

from __future__ import annotations

import functools
import json
import math
from typing import Sequence

import numpy as np

from ..config import DEFAULT_ORDER
from .base import Summarizer, register
from .pool import SentencePool


def mmr_select(scores: np.ndarray, sim: np.ndarray, lam: float = 0.7, max_sim: float = 0.6,
               limit: int | None = None) -> list[int]:
    """Greedy maximal marginal relevance; a candidate more similar than
    ``max_sim`` to one already picked is dropped.  Ties break on index."""
    n = len(scores)
    limit = n if limit is None else min(limit, n)
    if n <= _SMALL and np.isfinite(scores).all() and np.isfinite(sim).all():
        return _mmr_small(scores, sim, lam, max_sim, limit)
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


_SMALL = 64  # up to this many candidates plain Python lists beat numpy's per-call cost


def _mmr_small(scores: np.ndarray, sim: np.ndarray, lam: float, max_sim: float, limit: int) -> list[int]:
    """:func:`mmr_select` on a few candidates, with the same float operations."""
    n = len(scores)
    base = (lam * np.asarray(scores, dtype=np.float64)).tolist()
    rows = sim.tolist()
    keep = (1 - lam)
    redundancy = [0.0] * n
    alive = list(range(n))
    picked: list[int] = []
    while len(picked) < limit and alive:
        best, i = -math.inf, -1
        for j in alive:  # ascending: the first of equal values wins, as argmax
            v = base[j] - keep * redundancy[j]
            if v > best or i < 0:
                best, i = v, j
        picked.append(i)
        row = rows[i]
        alive = [j for j in alive if j != i and row[j] < max_sim]
        redundancy = [r if r >= x else x for r, x in zip(redundancy, row)]
    return picked


@register("centroid")
class CentroidSupport(Summarizer):
    """Centroid + cross-source support + position, with MMR redundancy control."""

    def __init__(self, support_weight: float = 0.5, position_weight: float = 0.5, lam: float = 0.7):
        self.support_weight = support_weight
        self.position_weight = position_weight
        self.lam = lam

    def base_scores(self, pool: SentencePool) -> np.ndarray:
        """Centroid x support x position, scaled to a maximum of 1."""
        space = pool.space
        centroid = space.centroid()
        central = space.project(centroid)
        n_docs = max(len(pool.articles), 1)
        support = (pool.support_count() - 1) / max(n_docs - 1, 1)
        pos = np.asarray([s.position for s in pool.sentences], dtype=np.float64)
        position = 1.0 / np.sqrt(1.0 + pos)
        score = central * (1 + self.support_weight * support) * (1 + self.position_weight * position)
        if score.max() > 0:
            score = score / score.max()
        return score

    def rank(self, pool: SentencePool) -> Sequence[int]:
        return mmr_select(self.base_scores(pool), pool.similarity, lam=self.lam)


def _scorer_doc(name: str) -> dict | None:
    from importlib import resources

    try:
        text = resources.files("storylens").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return dict(json.loads(text))


@functools.lru_cache(maxsize=4)
def load_weights(name: str = "scorer.json") -> dict[str, float] | None:
    """The shipped weights of the linear sentence scorer (plain JSON), or
    None when the file is not there (the scorer then falls back to ``centroid``)."""
    doc = _scorer_doc(name)
    return None if doc is None else dict(doc["weights"])


@functools.lru_cache(maxsize=4)
def load_min_score(name: str = "scorer.json") -> float:
    """The shipped scorer's ``min_score`` (see :class:`LinearScored`), or minus infinity (no floor)."""
    doc = _scorer_doc(name)
    value = None if doc is None else doc.get("min_score")
    return -math.inf if value is None else float(value)


def _unit(z: np.ndarray) -> np.ndarray:
    """``z`` scaled to [0, 1] (all 1 when its values are equal)."""
    if len(z) == 0:
        return z
    lo, hi = float(z.min()), float(z.max())
    return (z - lo) / (hi - lo) if hi > lo else np.ones_like(z)


@register("scored")
class LinearScored(Summarizer):
    """A linear sentence scorer (features of :mod:`.features`; weights fitted
    by ``benchmarks/train_scorer.py``) with MMR redundancy control.  A weight
    named ``"a*b"`` applies to the product of features ``a`` and ``b``; the
    feature ``lexical`` is the hashed bag of words of :mod:`.lexical`, dotted
    with ``table`` (default: the shipped ``lexical.npy``).  Fitted jointly with
    the others on all of Multi-News train, it raised ROUGE-2 F1 on the first
    1,000 validation clusters from 16.30 to 16.60 (paired +0.30, SE 0.08).

    ``max_sim``: a candidate whose TF-IDF cosine to a picked sentence reaches
    it is dropped.  0.35 (was 0.6) on the first 1,000 Multi-News validation
    clusters: ROUGE-1 F1 +0.37, ROUGE-2 +0.20 (0.3: +0.45, +0.16; 0.2 loses
    ROUGE-2); see BENCHMARKS.md.

    ``min_score``: a candidate whose predicted value (the scorer's output before
    scaling: its estimate of the sentence's 0.5 ROUGE-1 + 0.5 ROUGE-2
    precision) is below it is not used, even to fill the budget: a summary is
    not padded with what the scorer reads as off the story (the best candidate
    is always kept).  ``None``: the shipped scorer's (``min_score`` in
    scorer.json, 0.28, tuned on the first 1,000 Multi-News validation
    clusters: ROUGE-2 F1 16.60 -> 16.80) with the shipped weights, none with
    weights of one's own.  It applies to sentences of articles in English
    only: the scorer's values are calibrated on English news, and on other
    languages they run lower (on SemEval's German, Spanish, French, Polish
    and Turkish stories it would cut half to three quarters of the
    candidates)."""

    def __init__(self, weights: dict[str, float] | None = None, lam: float = 0.7, max_sim: float = 0.35,
                 table: np.ndarray | None = None, min_score: float | None = None):
        self.weights = weights
        self.table = table  # the slot weights of the ``lexical`` column (default: the shipped ones)
        self.lam = lam
        self.max_sim = max_sim
        self.min_score = min_score

    def scores(self, pool: SentencePool) -> np.ndarray:
        """The predicted values scaled to [0, 1] within the pool (without weights: ``centroid``'s)."""
        return self._scored(pool)[0]

    def _scored(self, pool: SentencePool) -> tuple[np.ndarray, np.ndarray | None]:
        """The scores and the predicted values they are scaled from (None without weights)."""
        w = self.weights if self.weights is not None else load_weights()
        if w is None:
            return CentroidSupport().base_scores(pool), None
        z = self.predict(pool, w)
        return _unit(z), z

    def predict(self, pool: SentencePool, w: dict[str, float]) -> np.ndarray:
        """Each candidate's value as the weights ``w`` give it."""
        from .features import FEATURES, feature_matrix

        X = feature_matrix(pool)
        col = {f: k for k, f in enumerate(FEATURES)}
        items = sorted(w.items())
        parts = [name.split("*") for name, _ in items]
        for name, fs in zip(items, parts):
            for f in fs:
                if f not in col and f != "lexical":
                    raise ValueError(f"scorer weight {name[0]!r} names an unknown feature {f!r}; "
                                     f"known: {', '.join(FEATURES)}, lexical")
        if any("lexical" in fs for fs in parts):  # the hashed bag of words (summarizers/lexical.py)
            from .lexical import lexical_column

            col["lexical"] = X.shape[1]
            X = np.column_stack([X, lexical_column(pool, self.table)])
        # z = sum of weight * term in sorted order, added one weight after the other from 0
        terms = np.ones((len(X), len(items) + 1))
        terms[:, 0] = 0.0
        for k, fs in enumerate(parts, 1):
            if len(fs) == 1:
                terms[:, k] = X[:, col[fs[0]]]
            else:
                for f in fs:
                    terms[:, k] = terms[:, k] * X[:, col[f]]
        terms[:, 1:] *= np.asarray([weight for _, weight in items], dtype=np.float64)
        return np.cumsum(terms, axis=1)[:, -1]

    def floor(self) -> float:
        """The ``min_score`` in force (minus infinity: none)."""
        if self.min_score is not None:
            return self.min_score
        return load_min_score() if self.weights is None else -math.inf

    def rank(self, pool: SentencePool) -> Sequence[int]:
        scores, z = self._scored(pool)
        ranked = mmr_select(scores, pool.similarity, lam=self.lam, max_sim=self.max_sim)
        floor = self.floor()
        if z is None or floor == -math.inf:
            return ranked
        english = _in_english(pool)
        return ranked[:1] + [i for i in ranked[1:] if z[i] >= floor or not english[pool.sentences[i].doc_index]]


def _in_english(pool: SentencePool) -> list[bool]:
    """Per article of ``pool``: whether it is in English (its ``lang``, else :func:`detect_language`'s)."""
    from ..text.language import detect_language

    return [(a.lang or detect_language(a.text, a.title)) == "en" for a in pool.articles]


def carried(pool: SentencePool, i: int) -> bool:
    """Whether another article carries candidate ``i``'s claim: the citation the summary would give it
    (:func:`storylens.summarizers.support.cite`: its support and paraphrases whose figures agree) names a
    second source."""
    from . import support

    (s,) = support.cite(pool, [i]).sentences
    return len(set(s.citations)) > 1


@register("coverage")
class ConceptCoverage(Summarizer):
    """Greedy bigram-concept coverage (Gillick and Favre's objective, solved
    greedily): a concept is a content bigram, weighted by the number of
    articles that use it; each step takes the sentence adding the most
    uncovered weight per word, boosted by the centroid/support/position score.

    ``carried_bonus``: what a sentence another article carries (:func:`carried`:
    it would cite two sources or more) adds counts ``1 + carried_bonus`` times:
    content several outlets report is salient, and a summary sentence that cites
    several sources is the one a reader can check.  Off by default: on the
    development halves of DUC 2007 (evaluation/splits.py, the digest path) it
    did not lower R2 recall (update / main: 0 gives 10.82 / 13.38, 0.25 gives
    10.82 / 13.72, 1.0 gives 10.84 / 13.98), but it lowered both held-out
    halves (0.25: update 10.07 -> 9.54, main 12.14 -> 11.78; 1.0: 9.58 and
    11.21), see BENCHMARKS.md.  Whether a candidate is carried is computed
    only where it can change the step's choice.

    ``min_words``: the greedy steps take sentences of at least this many words
    (shorter ones only fill what is left of the budget): the gain per word
    favours short sentences, which on long inputs are mostly ones that lean
    on what is not there ("But Russia defended its position.").  ``lam`` is
    the prior's share.  The defaults are 0.5 and no minimum: ``lam`` 0.4 with
    ``min_words`` 10 was chosen on the development halves of DUC 2007
    (evaluation/splits.py: R2 recall update 10.93 -> 11.36, main 13.38 ->
    14.20) but lowered both held-out halves (update 10.07 -> 9.83, main 12.35
    -> 11.98), so it is not the default.  ``lam`` 0.4 alone (or ``prior`` below 1, the same balance)
    did likewise: dev update 10.82 -> 11.17, main 13.38 -> 14.65; held out update 10.07 -> 9.44, main
    12.19 -> 12.08 (BENCHMARKS.md, session 4)."""

    def __init__(self, min_df: int = 2, alpha: float = 0.5, prior: float = 1.0, lam: float = 0.5,
                 scorer: "LinearScored | None" = None, min_words: int = 0, carried_bonus: float = 0.0):
        self.scorer = scorer
        self.min_words = min_words
        self.min_df = min_df
        self.alpha = alpha
        self.prior = prior
        self.lam = lam
        self.carried_bonus = carried_bonus
        self._budget = 0

    def summarize_pool(self, pool: SentencePool, max_words: int, *, order: str = DEFAULT_ORDER):
        self._budget = max_words
        try:
            return super().summarize_pool(pool, max_words, order=order)
        finally:
            self._budget = 0

    def rank(self, pool: SentencePool) -> Sequence[int]:
        from .features import concept_doc_freq, pool_concepts

        n = len(pool.sentences)
        cdf = concept_doc_freq(pool)
        min_df = self.min_df if len(pool.articles) >= self.min_df else 1
        weight = {c: float(d) for c, d in cdf.items() if d >= min_df}
        cons = [sorted(set(c) & weight.keys()) for c in pool_concepts(pool)]
        base = np.asarray(self.scorer.scores(pool) if self.scorer else CentroidSupport().base_scores(pool))
        lengths = np.maximum(np.asarray(pool.word_counts(), dtype=np.float64), 1.0)
        gain = np.asarray([sum(weight[c] for c in cons[i]) for i in range(n)], dtype=np.float64)
        holders: dict[str, list[int]] = {}
        for i, cs in enumerate(cons):
            for c in cs:
                holders.setdefault(c, []).append(i)
        covered: set[str] = set()
        order: list[int] = []
        alive = lengths >= self.min_words
        if not alive.any():
            alive = np.ones(n, dtype=bool)
        sim = pool.similarity
        step = _CoverageStep(pool, self.lam * base * (1 + self.prior), lengths ** self.alpha,
                             self.carried_bonus, 1 - self.lam)
        # ranking beyond a few budgets' worth of words changes no summary
        enough = 3 * self._budget if self._budget else float("inf")
        words = 0.0
        while alive.any() and words < enough:
            i = step.best(gain, alive)
            order.append(i)
            words += lengths[i]
            alive[i] = False
            for c in cons[i]:
                if c not in covered:
                    covered.add(c)
                    for j in holders[c]:
                        gain[j] -= weight[c]
            alive &= sim[i] < 0.6
        seen = set(order)
        return order + [i for i in range(n) if i not in seen]


class _CoverageStep:
    """One greedy step of :class:`ConceptCoverage`: the candidate of the highest
    ``(boost x share x gain / top gain + prior) / norm``, where ``boost`` is
    ``1 + bonus`` for a candidate another article carries (:func:`carried`).
    Whether a candidate is carried is found only when its value with the bonus
    could reach the best value without it, so the choice, ties included (the
    first index wins), is the one computing it for every candidate gives."""

    def __init__(self, pool: SentencePool, prior: np.ndarray, norm: np.ndarray, bonus: float, share: float):
        self.pool, self.prior, self.norm, self.share = pool, prior, norm, share
        self.bonus = bonus if len(pool.articles) > 1 else 0.0
        self.carried = np.full(len(prior), -1 if self.bonus > 0 else 0, dtype=np.int8)  # -1: not known yet

    def values(self, g: np.ndarray, alive: np.ndarray, boost: np.ndarray) -> np.ndarray:
        return np.where(alive, (boost * g * self.share + self.prior) / self.norm, -np.inf)

    def best(self, gain: np.ndarray, alive: np.ndarray) -> int:
        live_gain = np.where(alive, gain, 0.0)
        top = live_gain.max()
        g = live_gain / top if top > 0 else live_gain
        up = 1.0 + self.bonus
        while True:
            low = self.values(g, alive, np.where(self.carried == 1, up, 1.0))
            if self.bonus <= 0:
                return int(np.argmax(low))
            high = self.values(g, alive, np.where(self.carried == 0, 1.0, up))
            todo = np.flatnonzero((self.carried < 0) & alive & (g > 0) & (high >= low.max()))
            if not len(todo):
                return int(np.argmax(low))
            for j in todo.tolist():
                self.carried[j] = carried(self.pool, j)


@register("storylens")
class Storylens(Summarizer):
    """The default: the trained scorer (``scored``) when the budget takes in a
    good part of the candidates (under ``ratio`` x the budget), bigram-concept
    coverage (``coverage``) when it must pick a small share of a large input,
    where covering what many articles say matters most.  Measured in
    BENCHMARKS.md: each regime is where that method wins."""

    ratio = 5.0

    def rank(self, pool: SentencePool) -> Sequence[int]:
        return LinearScored().rank(pool)

    def inner(self, pool: SentencePool, max_words: int) -> Summarizer:
        """The method for this pool and budget: coverage when the budget is a small share of the input."""
        total = sum(pool.word_counts())
        return ConceptCoverage() if total >= self.ratio * max_words else LinearScored()

    def summarize_pool(self, pool: SentencePool, max_words: int, *, order: str = DEFAULT_ORDER):
        from dataclasses import replace

        return replace(self.inner(pool, max_words).summarize_pool(pool, max_words, order=order), method=self.name)
