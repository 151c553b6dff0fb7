"""Content words, a light stemmer and TF-IDF vectors (numpy/scipy only).

Shared by the summarizers (centrality, redundancy), the support grouping of
sentences across sources and the story clusterer.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Iterable, Sequence

import numpy as np
from scipy import sparse

from .segment import words

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


class TfidfSpace:
    """TF-IDF over a fixed list of token lists; rows are L2-normalised.

    ``idf`` may be given (e.g. learned on a large corpus); otherwise it is
    computed from the documents themselves with smoothing.
    """

    def __init__(self, token_lists: Sequence[Sequence[str]], idf: dict[str, float] | None = None,
                 sublinear_tf: bool = True):
        vocab: dict[str, int] = {}
        df: Counter[str] = Counter()
        for toks in token_lists:
            for t in set(toks):
                df[t] += 1
        for t in sorted(df):
            vocab[t] = len(vocab)
        n = max(len(token_lists), 1)
        if idf is None:
            default = None
            self.idf = {t: math.log((1 + n) / (1 + df[t])) + 1.0 for t in vocab}
        else:
            default = max(idf.values()) if idf else 1.0
            self.idf = {t: idf.get(t, default) for t in vocab}
        self.vocab = vocab
        rows, cols, vals = [], [], []
        for i, toks in enumerate(token_lists):
            for t, c in sorted(Counter(toks).items()):
                tf = 1.0 + math.log(c) if sublinear_tf else float(c)
                rows.append(i)
                cols.append(vocab[t])
                vals.append(tf * self.idf[t])
        m = sparse.csr_matrix(
            (np.asarray(vals, dtype=np.float64), (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))),
            shape=(len(token_lists), max(len(vocab), 1)),
        )
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.matrix = sparse.diags(1.0 / norms) @ m
        self.matrix = self.matrix.tocsr()

    def similarity(self) -> np.ndarray:
        """Dense cosine similarity between all rows."""
        return (self.matrix @ self.matrix.T).toarray()

    def max_other(self, groups: Sequence[int], block: int = 256) -> np.ndarray:
        """For each row, its highest cosine with a row of another group (NaN when there is none).

        Computed ``block`` rows at a time, so memory stays at ``block`` x rows however many rows there are.
        """
        groups = np.asarray(groups)
        n = self.matrix.shape[0]
        out = np.full(n, np.nan)
        t = self.matrix.T.tocsc()
        for start in range(0, n, block):
            end = min(n, start + block)
            sim = (self.matrix[start:end] @ t).toarray()
            same = groups[start:end, None] == groups[None, :]
            sim[same] = -np.inf
            best = sim.max(axis=1) if sim.shape[1] else np.full(end - start, -np.inf)
            out[start:end] = np.where(np.isneginf(best), np.nan, best)
        return out

    def centroid(self, rows: Iterable[int] | None = None) -> np.ndarray:
        m = self.matrix if rows is None else self.matrix[list(rows)]
        c = np.asarray(m.sum(axis=0)).ravel()
        norm = np.linalg.norm(c)
        return c / norm if norm else c
