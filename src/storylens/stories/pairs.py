"""The archive path's candidate pairs and their scores, held in arrays (see :mod:`storylens.stories.archive`).

* :func:`lexical_vectors`: each article's unit TF-IDF vector (the clusterer's own features and weights,
  the IDF of the whole collection) as one row of a ``scipy.sparse`` matrix, its ``index_terms`` heaviest
  features for the candidate index, and what the year and place checks read.  Feature counts are kept
  between the two passes (document frequencies first, then vectors) as ``int32`` arrays, and each
  article's feature dicts are let go as soon as its row is written: memory is a few bytes a feature,
  not Python dicts for every article at once.
* :func:`candidate_pairs`: pairs that share index weight, at most ``archive_candidates`` per article,
  each article reading at most ``archive_postings`` postings (rarest feature first).
* :func:`pair_similarities`: the cosine of each pair less the year and place penalties.

Features are numbered in the order of their names, so ties between equal weights break as they did on
the names.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Hashable, Iterable, Mapping, Sequence, TypeVar

import numpy as np
from scipy import sparse

from ..models import Article
from .clusterer import Clusterer, _weight_of
from .features import features, latest_year, lead_places
from .options import ClusterOptions
from ..text.tfidf import sublinear_tf

__all__ = ["LexicalVectors", "candidate_pairs", "lexical_vectors", "pair_similarities"]

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class LexicalVectors:
    """What the archive path reads of each article (row ``i`` is article ``i``)."""

    matrix: sparse.csr_matrix  # unit TF-IDF vectors, columns are feature numbers
    top_start: np.ndarray  # int64: article i's heaviest features are top_feature[top_start[i]:top_start[i + 1]]
    top_feature: np.ndarray  # int32: the ``index_terms`` heaviest features of each article, heaviest first
    top_weight: np.ndarray  # float64: their weights
    years: np.ndarray  # float64: latest year, NaN when none (or no year check)
    places: list[tuple[int, ...]]  # features of the places the lead names (the place check)
    has_places: list[frozenset[int]]  # which place features (of any article's lead) the article has

    def tops(self) -> Iterable[list[tuple[int, float]]]:
        """Each article's heaviest ``(feature, weight)``, in order."""
        f, w, at = self.top_feature.tolist(), self.top_weight.tolist(), self.top_start.tolist()
        for i in range(len(at) - 1):
            yield list(zip(f[at[i]:at[i + 1]], w[at[i]:at[i + 1]]))


def lexical_vectors(arts: Sequence[Article], options: ClusterOptions) -> LexicalVectors:
    """The vectors and checks of each article (see the module docstring)."""
    o = options
    lead = [lead_places(a) if o.place_penalty else () for a in arts]
    place_names = {f for p in lead for f in p}
    vocab: dict[str, int] = {}
    ids: list[array | None] = []
    cnt: list[array | None] = []
    has: list[tuple[str, ...]] = []
    for a in arts:  # first pass: counts (as numbers) and document frequencies
        c = features(a, o.entity_weight, o.number_weight)
        ids.append(array("i", (vocab.setdefault(f, len(vocab)) for f in c)))
        cnt.append(array("i", (int(v) for v in c.values())))
        has.append(tuple(f for f in c if f in place_names))
    names = list(vocab)
    rank = np.empty(len(names), dtype=np.int64)
    rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    number = dict(zip(vocab, rank.tolist()))
    del vocab
    df = np.zeros(len(names), dtype=np.int64)
    for row in ids:
        df[np.frombuffer(row, dtype=np.int32)] += 1  # type: ignore[arg-type]
    clus = Clusterer(o)
    clus._df = Counter(dict(zip(names, df.tolist())))
    clus._n = len(arts)
    weigh = _Weights(clus, names, rank)
    indptr, cols, data = array("q", [0]), array("i"), array("d")
    top_start, top_feature, top_weight = array("q", [0]), array("i"), array("d")
    for i in range(len(arts)):  # second pass: the vectors, each article's counts let go once read
        vec_cols, vec_data = weigh.vector(np.frombuffer(ids[i], dtype=np.int32),  # type: ignore[arg-type]
                                          np.frombuffer(cnt[i], dtype=np.int32))  # type: ignore[arg-type]
        ids[i] = cnt[i] = None
        top = _heaviest(vec_data, vec_cols, o.index_terms)
        top_feature.extend(vec_cols[top].tolist())
        top_weight.extend(vec_data[top].tolist())
        top_start.append(len(top_feature))
        cols.extend(vec_cols.tolist())
        data.extend(vec_data.tolist())
        indptr.append(len(cols))
    matrix = sparse.csr_matrix((_np(data, np.float64), _np(cols, np.int32), _np(indptr, np.int64)),
                               shape=(len(arts), len(names)))
    years = np.array([latest_year(a) if o.year_penalty else None for a in arts], dtype=np.float64)
    for f in sorted(place_names - number.keys()):  # a lead's place that no article's features hold
        number[f] = -1 - len(number)
    return LexicalVectors(matrix, _np(top_start, np.int64), _np(top_feature, np.int32), _np(top_weight, np.float64),
                          years, [tuple(number[f] for f in p) if p else () for p in lead],
                          [frozenset(number[f] for f in h) if h else _NONE for h in has])


_NONE: frozenset[int] = frozenset()


def _heaviest(values: np.ndarray, numbers: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` largest ``values``, largest first, a tie to the larger feature number (its name
    sorts later): the order of ``heapq.nlargest`` keyed by (weight, name)."""
    return np.lexsort((numbers, values))[::-1][:k]


class _Weights:
    """:meth:`Clusterer.vector` over feature numbers for one collection: each feature's IDF and weight
    read once (the clusterer's own, the same floats), then an article's vector from its arrays of
    feature ids and counts."""

    def __init__(self, clus: Clusterer, names: Sequence[str], rank: np.ndarray) -> None:
        o = clus.options
        self.idf = np.asarray([clus._idf(f) for f in names], dtype=np.float64)
        self.weight = np.asarray([_weight_of(f, o.entity_weight, o.number_weight) for f in names],
                                 dtype=np.float64)
        self.rank = rank
        self.terms = o.vector_terms
        self._tf = np.zeros(1)

    def vector(self, ids: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(feature numbers, weights)`` of an article's unit vector, in the order ``Clusterer.vector``
        gives its items: the article's own order, or heaviest first where it keeps ``vector_terms``."""
        top = int(counts.max(initial=0))
        if top >= len(self._tf):  # sublinear_tf of each count up to the largest, once (math.log's floats)
            self._tf = np.asarray([0.0] + [sublinear_tf(c) for c in range(1, top + 1)], dtype=np.float64)
        vec = self._tf[counts] * self.idf[ids] * self.weight[ids]
        numbers = self.rank[ids]
        if self.terms and len(vec) > self.terms:
            keep = _heaviest(vec, numbers, self.terms)
            vec, numbers = vec[keep], numbers[keep]
        norm = math.sqrt(sum((vec * vec).tolist())) or 1.0  # summed in order, as the clusterer sums
        return numbers.astype(np.int32), vec / norm


def _np(a: array, dtype) -> np.ndarray:
    return np.frombuffer(a, dtype=dtype) if len(a) else np.zeros(0, dtype=dtype)


def candidate_pairs(vectors: Sequence[Mapping[K, float]] | LexicalVectors, options: ClusterOptions,
                    days: Sequence[int | None] | None = None, window: int | None = None) -> np.ndarray:
    """Pairs ``(j, i)``, ``j < i``, that share index weight (an ``int32`` array of two columns); vectors
    are given in processing order (as :class:`LexicalVectors` or as feature -> weight mappings)."""
    o = options
    tops: Iterable[Sequence[tuple]] = vectors.tops() if isinstance(vectors, LexicalVectors) else \
        (heapq.nlargest(o.index_terms, v.items(), key=lambda kv: (kv[1], kv[0])) for v in vectors)
    postings: dict = defaultdict(list)
    out = array("i")
    for i, top in enumerate(tops):
        for j in _candidates_of(i, top, postings, o, days, window):
            out.append(j)
            out.append(i)
        for f, _ in top:
            p = postings[f]
            p.append(i)
            if len(p) > 2 * o.archive_postings:
                del p[:len(p) - o.archive_postings]
    return np.frombuffer(out, dtype=np.int32).reshape(-1, 2) if out else np.zeros((0, 2), dtype=np.int32)


def _candidates_of(i: int, top: Sequence[tuple], postings: Mapping, o: ClusterOptions,
                   days: Sequence[int | None] | None, window: int | None) -> list[int]:
    """The earlier articles article ``i`` is compared with, best first."""
    hits: dict[int, float] = defaultdict(float)
    budget = o.archive_postings
    # rarest feature first: its whole posting list, then the commoner ones' latest entries while the
    # budget lasts, so an article costs at most archive_postings hits however common its words are
    for f, w in sorted(top, key=lambda kv: (len(postings.get(kv[0], ())), kv[0])):
        p = postings.get(f, [])
        for j in (p[-budget:] if len(p) > budget else p):
            hits[j] += w
        budget -= len(p)
        if budget <= 0:
            break
    # the best few without sorting every hit (a common feature's posting list is long); with a
    # window some are skipped, so all are ranked
    key = lambda kv: (-kv[1], kv[0])  # noqa: E731
    if window is None or days is None or days[i] is None:
        return [j for j, _ in heapq.nsmallest(o.archive_candidates, hits.items(), key=key)]
    out: list[int] = []
    for j, _ in sorted(hits.items(), key=key):
        dj = days[j]
        if dj is not None and abs(days[i] - dj) > window:  # type: ignore[operator]
            continue
        out.append(j)
        if len(out) >= o.archive_candidates:
            break
    return out


def pair_similarities(lex: LexicalVectors, pairs: np.ndarray, options: ClusterOptions,
                      block: int = 65536) -> np.ndarray:
    """The cosine of each pair (rows of ``pairs``) less the year and place penalties (``float64``)."""
    o = options
    out = np.empty(len(pairs), dtype=np.float64)
    x = lex.matrix
    for start in range(0, len(pairs), block):  # in blocks: a block's rows are copied to multiply them
        p = pairs[start:start + block]
        out[start:start + len(p)] = np.asarray(x[p[:, 0]].multiply(x[p[:, 1]]).sum(axis=1)).ravel()
    if len(pairs):
        ya, yb = lex.years[pairs[:, 0]], lex.years[pairs[:, 1]]
        with np.errstate(invalid="ignore"):
            out[np.abs(ya - yb) > o.year_gap] -= o.year_penalty  # NaN (no year) compares False
    if o.place_penalty and len(pairs):
        places, has = lex.places, lex.has_places
        named = np.array([bool(p) for p in places], dtype=bool)
        check = np.flatnonzero(named[pairs[:, 0]] | named[pairs[:, 1]])
        for start in range(0, len(check), block):
            ks = check[start:start + block]
            for k, j, i in zip(ks.tolist(), pairs[ks, 0].tolist(), pairs[ks, 1].tolist()):
                if any(f not in has[j] for f in places[i]) or any(f not in has[i] for f in places[j]):
                    out[k] -= o.place_penalty
    return out
