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


def feature_matrix(pool: SentencePool) -> np.ndarray:
    """One row of :data:`FEATURES` per candidate of ``pool`` (computed column by
    column; each sum is taken in the same order, so the same floats, as a
    sentence-by-sentence loop)."""
    n = len(pool.sentences)
    X = np.zeros((n, len(FEATURES)))
    if not n:
        return X
    col = {f: k for k, f in enumerate(FEATURES)}
    n_docs = max(len(pool.articles), 1)
    others = max(n_docs - 1, 1)
    space = pool.space
    cvec = space.centroid()
    central = space.project(cvec)
    cmax = max(float(cvec.max()), 1e-9) if len(cvec) else 1e-9
    support = (pool.support_count() - 1) / others
    doc_of = pool.doc_of
    sents = pool.sentences
    # unigrams: number of articles (of the candidates) using each term
    n_terms = space.shape[1]
    entry_rows, indices = space.entry_rows, space.indices
    pairs = np.unique(doc_of[entry_rows] * n_terms + indices)
    term_df = np.bincount(pairs % n_terms, minlength=n_terms)
    ntoks = space.row_lengths.astype(np.float64)
    uni_sum = np.bincount(entry_rows, weights=(term_df[indices] * space.counts).astype(np.float64), minlength=n)
    has_toks = ntoks > 0
    safe_ntoks = np.where(has_toks, ntoks, 1.0)
    uni = np.where(has_toks, uni_sum / (n_docs * safe_ntoks), 0.0)
    mass_sum = np.bincount(space.token_rows, weights=cvec[space.token_ids], minlength=n)
    mass = np.where(has_toks, mass_sum / (safe_ntoks * cmax), 0.0)
    # bigrams: articles using each (concept_doc_freq) and candidates using each
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
    nw = np.asarray(pool.word_counts(), dtype=np.float64)
    pos = np.fromiter((s.position for s in sents), dtype=np.float64, count=n)
    first = np.zeros(n)
    first[np.unique(doc_of, return_index=True)[1]] = 1.0
    txt = [s.text.rstrip() for s in sents]
    X[:, col["bias"]] = 1.0
    X[:, col["pos_inv"]] = 1.0 / (1.0 + pos)
    X[:, col["first"]] = first
    X[:, col["centrality"]] = central
    X[:, col["support"]] = support
    X[:, col["unigram_df"]] = uni
    X[:, col["bigram_df"]] = bi
    X[:, col["length"]] = np.minimum(nw, 40) / 40.0
    X[:, col["short"]] = nw < 12
    X[:, col["quote"]] = [_QUOTE.search(t) is not None for t in txt]
    X[:, col["digit"]] = [_DIGIT.search(t) is not None for t in txt]
    X[:, col["question"]] = [t.endswith(("?", ":")) for t in txt]
    X[:, col["unfinished"]] = [_END.search(t) is None for t in txt]
    X[:, col["concept_rep"]] = rep
    X[:, col["tfidf_mass"]] = mass
    return X
