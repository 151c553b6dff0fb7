"""Average-link agglomerative clustering of a sparse graph of pair similarities, in numpy arrays.

The archive path (:mod:`storylens.stories.archive`) offers each article a few dozen candidate pairs, so a
collection of n articles gives a graph of about 30 n weighted edges; a pair never offered counts 0.
Holding that graph and average link's cluster-to-cluster sums as Python dicts and tuples cost about
20 KB an article (2.4 GB at 100,000 articles); here the graph is three arrays (``int32`` ends,
``float64`` similarities) and the sums a ``scipy.sparse`` matrix, about 100 bytes a pair.

The merges are taken in rounds, **reciprocal nearest neighbours** at once (RAC, Sumengen et al.,
"Scaling Hierarchical Agglomerative Clustering to Billion-sized Datasets", 2021): every cluster whose
best neighbour (highest mean similarity over all member pairs, at least the threshold; ties: the
smallest name) has it as its own best neighbour merges with it, then the sums are added up anew.
Average link is *reducible*: the mean of a merged cluster with a third one is a weighted mean of the
two means it replaces, never above both, so a reciprocal best pair is merged by the one-pair-at-a-time
textbook method too, and the rounds give the textbook clusters (without exact ties: they break on the
names here, on the order of merges there).  A cluster is named by its smallest member.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np
from scipy import sparse

__all__ = ["PairGraph", "average_link"]


@dataclass(frozen=True)
class PairGraph:
    """Scored pairs ``(a[k], b[k])`` with similarity ``s[k]``; each unordered pair at most once."""

    a: np.ndarray  # int32
    b: np.ndarray  # int32
    s: np.ndarray  # float64

    @classmethod
    def of(cls, pairs: Mapping[tuple[int, int], float]) -> "PairGraph":
        """From a ``{(a, b): similarity}`` mapping (in its order)."""
        ab = np.array(list(pairs.keys()), dtype=np.int64).reshape(-1, 2)
        return cls(ab[:, 0].astype(np.int32), ab[:, 1].astype(np.int32),
                   np.fromiter(pairs.values(), dtype=np.float64, count=len(pairs)))

    def __len__(self) -> int:
        return len(self.s)

    def items(self):
        """``((a, b), s)`` for each pair, as a mapping's items."""
        return zip(zip(self.a.tolist(), self.b.tolist()), self.s.tolist())

    def with_max(self, extra: Mapping[tuple[int, int], float]) -> "PairGraph":
        """These pairs and ``extra`` (keys in either order); a pair in both keeps the higher similarity."""
        if not extra:
            return self
        n = int(max(self.a.max(initial=0), self.b.max(initial=0), max(max(k) for k in extra))) + 1
        lo, hi = np.minimum(self.a, self.b).astype(np.int64), np.maximum(self.a, self.b).astype(np.int64)
        key = lo * n + hi
        pos = {int(k): i for i, k in enumerate(key.tolist())} if len(key) else {}
        s = self.s.copy()
        new_a: list[int] = []
        new_b: list[int] = []
        new_s: list[float] = []
        for (x, y), v in extra.items():
            x, y = min(x, y), max(x, y)
            i = pos.get(x * n + y)
            if i is not None:
                s[i] = max(v, s[i])
            else:
                new_a.append(x)
                new_b.append(y)
                new_s.append(v)
        return PairGraph(np.concatenate([self.a, np.array(new_a, dtype=np.int32)]),
                         np.concatenate([self.b, np.array(new_b, dtype=np.int32)]),
                         np.concatenate([s, np.array(new_s, dtype=np.float64)]))


def average_link(n: int, pairs: PairGraph | Mapping[tuple[int, int], float], threshold: float) -> list[int]:
    """Average-link clustering of ``n`` items on a sparse graph of pair similarities (absent pairs count
    0) down to ``threshold``; returns each item's cluster, named by its smallest member."""
    g = pairs if isinstance(pairs, PairGraph) else PairGraph.of(pairs)
    off = g.a != g.b
    rows = np.concatenate([g.a[off], g.b[off]]).astype(np.int32)
    cols = np.concatenate([g.b[off], g.a[off]]).astype(np.int32)
    link = sparse.csr_matrix((np.concatenate([g.s[off], g.s[off]]), (rows, cols)), shape=(n, n))
    link.sum_duplicates()
    link.sort_indices()
    del rows, cols
    name = np.arange(n, dtype=np.int64)  # cluster k's smallest member; ascending in k
    size = np.ones(n, dtype=np.float64)
    label = np.arange(n, dtype=np.int64)  # item -> its cluster's index
    while True:
        best = _best_neighbours(link, size, threshold)
        k = len(size)
        mine = np.flatnonzero(best >= 0)
        mutual = mine[(best[best[mine]] == mine) & (mine < best[mine])]
        if not len(mutual):
            break
        into: np.ndarray = np.arange(k, dtype=np.int32)
        into[best[mutual]] = mutual  # the partner joins the smaller index (the smaller name)
        survivors = into == np.arange(k)
        new_index = (np.cumsum(survivors) - 1).astype(np.int32)
        into = new_index[into]
        label = into[label]
        size = np.bincount(into, weights=size, minlength=int(survivors.sum())).astype(np.float64)
        name = name[survivors]
        link = _merged(link, into, len(size))
    return name[label].tolist()


def _best_neighbours(link: sparse.csr_matrix, size: np.ndarray, threshold: float) -> np.ndarray:
    """Each cluster's best neighbour (highest mean at least ``threshold``, ties: the smallest index), or -1."""
    k = len(size)
    counts = np.diff(link.indptr)
    row = np.repeat(np.arange(k, dtype=np.int32), counts)
    col = link.indices
    mean = link.data / (size[row] * size[col])
    ok = mean >= threshold
    best = np.full(k, -1, dtype=np.int64)
    if not ok.any():
        return best
    row, col, mean = row[ok], col[ok], mean[ok]
    # entries run by row, columns ascending within a row (sorted CSR)
    starts = np.flatnonzero(np.concatenate([[True], row[1:] != row[:-1]]))
    top = np.maximum.reduceat(mean, starts)
    at_top = mean == np.repeat(top, np.diff(np.append(starts, len(row))))
    row, col = row[at_top], col[at_top]
    first = np.ones(len(row), dtype=bool)  # a row's first entry at its top: its smallest column
    first[1:] = row[1:] != row[:-1]
    best[row[first]] = col[first]
    return best


def _merged(link: sparse.csr_matrix, into: np.ndarray, k: int) -> sparse.csr_matrix:
    """The sums between the merged clusters (``into`` maps an old index to its new one), no diagonal."""
    coo = link.tocoo()
    r, c = into[coo.row], into[coo.col]
    off = r != c
    data = coo.data[off]
    del coo
    out = sparse.csr_matrix((data, (r[off], c[off])), shape=(k, k))
    out.sum_duplicates()
    out.sort_indices()
    return out
