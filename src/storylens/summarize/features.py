"""Sentence features shared by the scored summarizers and their training script.

Every feature is computed from the candidate pool alone, is insensitive to
letter case and does not depend on how long the articles are, so that a
scorer fitted on one kind of text (truncated, lower-cased Multi-News) carries
over to full-length, cased news.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from ..segment import words
from ..vectors import STOPWORDS
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


def _bigrams(toks: list[str]) -> list[str]:
    stems = [_stem(t) for t in toks]
    return [stems[k] + " " + stems[k + 1] for k in range(len(toks) - 1)
            if not (toks[k] in STOPWORDS and toks[k + 1] in STOPWORDS)]


def pool_concepts(pool: SentencePool) -> list[list[str]]:
    """The concepts of each candidate."""
    cached = getattr(pool, "_concepts", None)
    if cached is None:
        if len(pool.tokens) == len(pool.sentences):
            cached = [_bigrams(t) for t in pool.tokens]
        else:
            cached = [concepts(s.text) for s in pool.sentences]
        pool._concepts = cached
    return cached


def concept_doc_freq(pool: SentencePool) -> Counter:
    """Number of articles using each concept (over every sentence, candidates or not)."""
    by_text = {s.text: c for s, c in zip(pool.sentences, pool_concepts(pool))}
    df: Counter = Counter()
    for sents in pool.all_sentences:
        seen: set[str] = set()
        for s in sents:
            c = by_text.get(s.text)
            seen.update(c if c is not None else concepts(s.text))
        df.update(seen)
    return df


def feature_matrix(pool: SentencePool) -> np.ndarray:
    """One row of :data:`FEATURES` per candidate of ``pool``."""
    n = len(pool.sentences)
    X = np.zeros((n, len(FEATURES)))
    if not n:
        return X
    n_docs = max(len(pool.articles), 1)
    others = max(n_docs - 1, 1)
    space = pool.space
    cvec = space.centroid()
    central = np.asarray(space.matrix @ cvec).ravel()
    cmax = max(float(cvec.max()), 1e-9) if len(cvec) else 1e-9
    support = (pool.support_count() - 1) / others
    doc_terms: dict[int, set[str]] = {}
    for i, s in enumerate(pool.sentences):
        doc_terms.setdefault(s.doc_index, set()).update(pool.terms[i])
    term_df: Counter = Counter()
    for d in sorted(doc_terms):
        term_df.update(doc_terms[d])
    cdf = concept_doc_freq(pool)
    cons = pool_concepts(pool)
    csf: Counter = Counter()
    for c in cons:
        csf.update(set(c))
    vocab = space.vocab
    first_seen: set[int] = set()
    for i, s in enumerate(pool.sentences):
        toks = pool.terms[i]
        nw = len(s.text.split())
        ci = cons[i]
        uni = sum(term_df[t] for t in toks) / (n_docs * len(toks)) if toks else 0.0
        bi = sum(cdf[c] - 1 for c in ci) / (others * len(ci)) if ci and n_docs > 1 else 0.0
        txt = s.text.rstrip()
        rep = sum(1 for c in ci if csf[c] > 1) / len(ci) if ci else 0.0
        mass = sum(float(cvec[vocab[t]]) for t in toks) / (len(toks) * cmax) if toks else 0.0
        X[i] = (
            1.0,
            1.0 / (1.0 + s.position),
            0.0 if s.doc_index in first_seen else 1.0,
            central[i],
            support[i],
            uni,
            bi,
            min(nw, 40) / 40.0,
            1.0 if nw < 12 else 0.0,
            1.0 if _QUOTE.search(txt) else 0.0,
            1.0 if _DIGIT.search(txt) else 0.0,
            1.0 if txt.endswith(("?", ":")) else 0.0,
            0.0 if _END.search(txt) else 1.0,
            rep,
            mass,
        )
        first_seen.add(s.doc_index)
    return X

