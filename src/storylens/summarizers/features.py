"""Sentence features shared by the scored summarizers and their training script.

Every feature is computed from the candidate pool alone, is insensitive to
letter case and does not depend on how long the articles are, so that a
scorer fitted on one kind of text (truncated, lower-cased Multi-News) carries
over to full-length, cased news.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain

import numpy as np

from ..text.segment import words
from ..text.tfidf import STOPWORDS
from .pool import SentencePool, _stem

_QUOTE = re.compile("[\"\u201c\u201d]")
_DIGIT = re.compile(r"\d")
_END = re.compile(r"[.!?\"'\u201d\u2019)\]]$")

FEATURES = (
    "bias",
    "pos_inv",        # 1 / (1 + position of the sentence in its article)
    "first",          # the article's first candidate sentence
    "centrality",     # cosine with the cluster's TF-IDF centroid
    "support",        # share of the other articles carrying the same content
    "unigram_df",     # mean share of articles using each content word
    "bigram_df",      # mean share of other articles using each bigram
    "length",         # words / 40, capped at 1
    "short",          # under 12 words
    "quote",          # holds a quotation mark
    "digit",          # holds a figure
    "question",       # ends with a question mark or a colon
    "unfinished",     # no final punctuation (a fragment)
    "concept_rep",    # share of its bigrams used by other sentences of the cluster
    "tfidf_mass",     # mean TF-IDF centroid weight of its content words
)


def concepts(text: str) -> list[str]:
    """Stemmed word bigrams of ``text`` that are not both stopwords."""
    return _bigrams(words(text))


def _bigrams(toks: list[str], stems: list[str] | None = None) -> list[str]:
    if stems is None:
        stems = list(map(_stem, toks))
    stop = list(map(STOPWORDS.__contains__, toks))
    return [a + " " + b for a, b, x, y in zip(stems, stems[1:], stop, stop[1:]) if not (x and y)]


def pool_concepts(pool: SentencePool) -> list[list[str]]:
    """The concepts of each candidate."""
    cached = getattr(pool, "_concepts", None)
    if cached is None:
        stems = getattr(pool, "_stems", None)  # from build: the stem of every candidate word
        if stems is not None and len(stems) == len(pool.tokens) == len(pool.sentences):
            cached = [_bigrams(t, st) for t, st in zip(pool.tokens, stems)]
        elif len(pool.tokens) == len(pool.sentences):
            cached = [_bigrams(t) for t in pool.tokens]
        else:
            cached = [_bigrams(words(s.text)) for s in pool.sentences]
        pool._concepts = cached
    return cached


def concept_doc_freq(pool: SentencePool) -> Counter:
    """Number of articles using each concept (over every sentence, candidates or not)."""
    cached = getattr(pool, "_concept_df", None)
    if cached is not None:
        return cached
    by_text = {s.text: c for s, c in zip(pool.sentences, pool_concepts(pool))}
    docs = pool.documents if len(pool.documents) == len(pool.all_sentences) else None
    df: Counter = Counter()
    for d, sents in enumerate(pool.all_sentences):
        seen: set[str] = set()
        for s in sents:
            c = by_text.get(s.text)
            if c is None:
                c = _bigrams(docs[d].words(s.position, keep=False) if docs is not None else words(s.text))
            seen.update(c)
        df.update(seen)
    pool._concept_df = df
    return df


def _unigram_columns(pool: SentencePool, n: int, n_docs: int, cvec: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(unigram_df, tfidf_mass)``: the mean share of articles (of the candidates) using each of a
    candidate's terms, and the mean centroid weight of its words (over the largest centroid weight)."""
    space = pool.space
    cmax = max(float(cvec.max()), 1e-9) if len(cvec) else 1e-9
    n_terms = space.shape[1]
    entry_rows, indices = space.entry_rows, space.indices
    pairs = np.unique(pool.doc_of[entry_rows] * n_terms + indices)
    term_df = np.bincount(pairs % n_terms, minlength=n_terms)
    ntoks = space.row_lengths.astype(np.float64)
    uni_sum = np.bincount(entry_rows, weights=(term_df[indices] * space.counts).astype(np.float64), minlength=n)
    has_toks = ntoks > 0
    safe_ntoks = np.where(has_toks, ntoks, 1.0)
    uni = np.where(has_toks, uni_sum / (n_docs * safe_ntoks), 0.0)
    mass_sum = np.bincount(space.token_rows, weights=cvec[space.token_ids], minlength=n)
    mass = np.where(has_toks, mass_sum / (safe_ntoks * cmax), 0.0)
    return uni, mass


def _bigram_columns(pool: SentencePool, n: int, n_docs: int) -> tuple[np.ndarray, np.ndarray]:
    """``(bigram_df, concept_rep)``: the mean share of the other articles using each of a candidate's
    concepts (:func:`concept_doc_freq`), and the share of its concepts other candidates use too."""
    others = max(n_docs - 1, 1)
    cdf = concept_doc_freq(pool)
    cons = pool_concepts(pool)
    lens = np.fromiter(map(len, cons), dtype=np.int64, count=n)
    flat = list(chain.from_iterable(cons))
    crow = np.repeat(np.arange(n), lens)
    cdf_flat = np.fromiter(map(cdf.__getitem__, flat), dtype=np.float64, count=len(flat))
    csf = Counter(chain.from_iterable(map(set, cons)))  # candidates using each concept
    shared = np.fromiter(map(csf.__getitem__, flat), dtype=np.int64, count=len(flat)) > 1
    has_cons = lens > 0
    safe_lens = np.where(has_cons, lens, 1).astype(np.float64)
    bi_sum = np.bincount(crow, weights=cdf_flat - 1, minlength=n)
    bi = np.where(has_cons & (n_docs > 1), bi_sum / (others * safe_lens), 0.0)
    rep = np.where(has_cons, np.bincount(crow, weights=shared.astype(np.float64), minlength=n) / safe_lens, 0.0)
    return bi, rep


def _surface_columns(pool: SentencePool, n: int) -> dict[str, np.ndarray]:
    """The columns read from a candidate's place and text alone: position, length, punctuation, figures."""
    sents = pool.sentences
    nw = np.asarray(pool.word_counts(), dtype=np.float64)
    pos = np.fromiter((s.position for s in sents), dtype=np.float64, count=n)
    first = np.zeros(n)
    first[np.unique(pool.doc_of, return_index=True)[1]] = 1.0
    txt = [s.text.rstrip() for s in sents]
    return {
        "pos_inv": 1.0 / (1.0 + pos),
        "first": first,
        "length": np.minimum(nw, 40) / 40.0,
        "short": nw < 12,
        "quote": np.asarray([_QUOTE.search(t) is not None for t in txt]),
        "digit": np.asarray([_DIGIT.search(t) is not None for t in txt]),
        "question": np.asarray([t.endswith(("?", ":")) for t in txt]),
        "unfinished": np.asarray([_END.search(t) is None for t in txt]),
    }


def feature_matrix(pool: SentencePool) -> np.ndarray:
    """One row of :data:`FEATURES` per candidate of ``pool`` (computed column by
    column; each sum is taken in the same order, so the same floats, as a
    sentence-by-sentence loop)."""
    n = len(pool.sentences)
    X = np.zeros((n, len(FEATURES)))
    if not n:
        return X
    n_docs = max(len(pool.articles), 1)
    cvec = pool.space.centroid()
    cols: dict[str, np.ndarray | float] = {"bias": 1.0, "centrality": pool.space.project(cvec),
                                           "support": (pool.support_count() - 1) / max(n_docs - 1, 1)}
    cols["unigram_df"], cols["tfidf_mass"] = _unigram_columns(pool, n, n_docs, cvec)
    cols["bigram_df"], cols["concept_rep"] = _bigram_columns(pool, n, n_docs)
    cols.update(_surface_columns(pool, n))
    for k, f in enumerate(FEATURES):
        X[:, k] = cols[f]
    return X
