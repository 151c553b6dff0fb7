"""Content words, a light stemmer and TF-IDF vectors (numpy/scipy only).

Shared by the summarizers (centrality, redundancy), the support grouping of
sentences across sources and the story clusterer.
"""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Any, Sequence

from .segment import words

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse


def _numeric() -> tuple[Any, Any]:
    """numpy and scipy.sparse, imported on first use: the word tools of this module (stopwords, stems,
    content terms) are needed without them ("storylens --version", language tools)."""
    import numpy
    from scipy import sparse as sp

    return numpy, sp

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
    don't down during each either few for from further had hadn't has hasn't have haven't having he
    he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm
    i've if in into is isn't it it's its itself just let's may me might more most much must mustn't
    my myself neither no nor not now of off on once only or other ought our ours ourselves out over
    own per same shall shan't she she'd she'll she's should shouldn't since so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll they're
    they've this those though through to too under until up upon us very was wasn't we we'd we'll
    we're we've were weren't what what's when when's where where's whether which while who who's
    whom whose why why's will with within without won't would wouldn't yet you you'd you'll you're
    you've your yours yourself yourselves said says say told according also would could one two
    mr mrs ms s t new year years
    """.split()
)


@lru_cache(maxsize=1 << 16)  # a pure function of the word: every stage stems the same words again
def stem(word: str) -> str:
    """A light, deterministic suffix stripper (plural, -ing, -ed, -ly)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, repl, min_len in (
        ("ies", "y", 5),
        ("sses", "ss", 5),
        ("ing", "", 6),
        ("edly", "", 7),
        ("ed", "", 5),
        ("ly", "", 6),
        ("es", "e", 5),
        ("s", "", 4),
    ):
        if word.endswith(suffix) and len(word) >= min_len:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: len(word) - len(suffix)] + repl
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed content words of ``text`` (stopwords and 1-letter tokens dropped)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def sublinear_tf(count: float) -> float:
    """The weight of a term seen ``count`` (>= 1) times: 1 + ln(count)."""
    return 1.0 + math.log(count)


def smoothed_idf(df: int, n: int) -> float:
    """The inverse document frequency of a term in ``df`` of ``n`` documents: ln((1 + n) / (1 + df)) + 1."""
    return math.log((1 + n) / (1 + df)) + 1.0


_DENSE_PRODUCTS = 200_000  # similarity without scipy up to this many (rows x longest row x rows) products
_BLOCK_CELLS = 1 << 21  # the cells of one dense block of cosines (16 MB of float64) in max_other and below
_CHUNK_ROWS = 4096  # first_below_other compares a block of rows with this many rows at a time


class TfidfSpace:
    """TF-IDF rows of token lists (smoothed idf, sublinear tf, L2-normalised
    rows), built straight into CSR form (each row's terms in order of first use).

    Besides ``matrix`` it keeps, for the features, ``token_ids`` (every token
    of every row, in order, as a column index), ``token_rows`` (the row of
    each), ``counts`` (the raw count of each stored entry) and ``row_lengths``
    (tokens per row)."""

    def __init__(self, token_lists: Sequence[Sequence[str]]) -> None:
        np, sparse = _numeric()
        n_rows = len(token_lists)
        terms = sorted(set(chain.from_iterable(token_lists)))
        self.vocab = vocab = {t: i for i, t in enumerate(terms)}
        self.row_lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=n_rows)
        self.token_ids = np.fromiter(map(vocab.__getitem__, chain.from_iterable(token_lists)), dtype=np.int64,
                                     count=int(self.row_lengths.sum()))
        token_rows = np.repeat(np.arange(n_rows), self.row_lengths)
        # each row's distinct terms in order of first use, with their counts
        n_terms = max(len(terms), 1)
        keys, first, raw = np.unique(token_rows * n_terms + self.token_ids, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        indices, raw = keys[order] % n_terms, raw[order]
        per_row = np.bincount(keys // n_terms, minlength=n_rows) if len(keys) else np.zeros(n_rows, dtype=np.int64)
        indptr = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(per_row, out=indptr[1:])
        n = max(n_rows, 1)
        df = np.bincount(indices, minlength=len(terms))
        # the same math.log values as computed term by term, once per distinct document frequency
        idf_of = np.zeros(n + 1)
        seen_df = np.unique(df)
        idf_of[seen_df] = [smoothed_idf(int(d), n) for d in seen_df]
        tf_of = np.asarray([0.0] + [sublinear_tf(k) for k in range(1, int(raw.max(initial=0)) + 1)])
        data = tf_of[raw]
        self.counts = raw
        self.token_rows = token_rows
        rows = np.repeat(np.arange(n_rows), per_row)  # the row of each stored entry
        if len(data):
            data *= idf_of[df][indices]
            norms = np.sqrt(np.bincount(rows, weights=data ** 2, minlength=n_rows))
            norms[norms == 0] = 1.0
            data /= np.repeat(norms, per_row)
        self.shape = (n_rows, max(len(vocab), 1))
        self.data, self.indices, self.indptr, self.entry_rows = data, indices, indptr, rows
        self._matrix: Any = None  # a scipy.sparse.csr_matrix once built
        self._centroid: Any = None  # a numpy array once computed

    @property
    def matrix(self) -> sparse.csr_matrix:
        """The rows as a sparse CSR matrix (built on first use)."""
        np, sparse = _numeric()
        if self._matrix is None:
            self._matrix = sparse.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)
        return self._matrix

    def similarity(self) -> np.ndarray:
        """Cosine similarity between all rows (dense)."""
        np, sparse = _numeric()
        n, nnz = self.shape[0], len(self.data)
        per_row = np.diff(self.indptr)
        longest = int(per_row.max(initial=0))
        if 0 < n * longest * n <= _DENSE_PRODUCTS:
            # small pools: the sparse product's sums without its overhead; each
            # (i, j) is summed one term after the other in row i's stored order
            # (a cumulative sum is sequential), as the sparse product does
            dense = np.zeros(self.shape)
            dense[self.entry_rows, self.indices] = self.data
            products = np.zeros((n, longest, n))
            products[self.entry_rows, np.arange(nnz) - self.indptr[self.entry_rows]] = (
                self.data[:, None] * dense[:, self.indices].T)
            return np.cumsum(products, axis=1)[:, -1, :]
        return (self.matrix @ self.matrix.T).toarray()

    def max_other(self, groups: Sequence[int], block: int | None = None) -> np.ndarray:
        """For each row, its highest cosine with a row of another group (NaN when there is none).

        Computed ``block`` rows at a time (by default as many as keep a block under ``_BLOCK_CELLS``
        cells), so memory stays bounded however many rows there are.
        """
        np, sparse = _numeric()
        group = np.asarray(groups)
        n = self.matrix.shape[0]
        out = np.full(n, np.nan)
        t = self.matrix.T.tocsc()
        block = block or max(1, _BLOCK_CELLS // max(n, 1))
        for start in range(0, n, block):
            end = min(n, start + block)
            sim = (self.matrix[start:end] @ t).toarray()
            same = group[start:end, None] == group[None, :]
            sim[same] = -np.inf
            best = sim.max(axis=1) if sim.shape[1] else np.full(end - start, -np.inf)
            out[start:end] = np.where(np.isneginf(best), np.nan, best)
        return out

    def first_below_other(self, groups: Sequence[int], threshold: float, per_group: int) -> dict[int, list[int]]:
        """Per group, its first ``per_group`` rows (in row order) whose cosine with every row of another
        group is below ``threshold``: the rows ``max_other`` puts below it, found without every row
        against every other.  A row is decided as soon as one row of another group reaches the
        threshold (the others are not compared), a group is left once it has its rows, and every
        product is of a block of rows by a chunk of rows bounded in cells (``_BLOCK_CELLS``).  Each
        cosine is summed as ``max_other`` sums it (in the row's stored order), so the rows are the same.
        """
        np, sparse = _numeric()
        group = np.asarray(groups)
        n = self.shape[0]
        out: dict[int, list[int]] = {}
        if n == 0 or len(np.unique(group)) < 2:  # no row has a row of another group
            return out
        m = self.matrix
        width = min(n, _CHUNK_ROWS)
        chunks = [(c, m[c:c + width].T.tocsr()) for c in range(0, n, width)]
        block = max(1, _BLOCK_CELLS // width)
        for start in range(0, n, block):
            rows = [r for r in range(start, min(n, start + block)) if len(out.get(int(group[r]), ())) < per_group]
            pending = np.asarray(rows, dtype=np.int64)
            for c, columns in chunks:
                if not len(pending):
                    break
                sim = (m[pending] @ columns).toarray()
                sim[group[pending, None] == group[None, c:c + width]] = -np.inf
                pending = pending[~(sim >= threshold).any(axis=1)]
            for r in pending.tolist():
                below = out.setdefault(int(group[r]), [])
                if len(below) < per_group:
                    below.append(r)
        return out

    def centroid(self, rows: Sequence[int] | None = None) -> np.ndarray:
        np, sparse = _numeric()
        if rows is None:
            if self._centroid is None:
                # column sums, accumulated row by row as the sparse sum does
                c = np.bincount(self.indices, weights=self.data, minlength=self.shape[1]).astype(np.float64)
                norm = np.linalg.norm(c)
                self._centroid = c / norm if norm else c
            return self._centroid.copy()
        m = self.matrix[list(rows)]
        c = np.asarray(m.sum(axis=0)).ravel()
        norm = np.linalg.norm(c)
        return c / norm if norm else c

    def project(self, vector: np.ndarray) -> np.ndarray:
        """``matrix @ vector`` (each row's sum taken in stored order, as the sparse product does)."""
        np, sparse = _numeric()
        n = self.shape[0]
        if not len(self.data):
            return np.zeros(n)
        return np.bincount(self.entry_rows, weights=self.data * vector[self.indices], minlength=n)
