"""The candidate sentences of a story, with what every summarizer needs.

``SentencePool.build`` segments the articles, keeps the sentences fit for a
summary, vectorises them once and finds, for each candidate, the other
articles that carry the same content (its *support*): wire copy reused by
several outlets becomes one content unit backed by all of them.
"""

from __future__ import annotations

from collections import Counter
import functools
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator, Sequence

import numpy as np

from ..models import Article, Sentence, Summary
from ..prepare import PreparedDocument
from ..shares import round_robin_shares
from ..text.segment import ABBREVIATIONS, token_before, words
from ..text.tfidf import STOPWORDS, TfidfSpace, stem
from . import support
from .support import ClaimIndex
from .coherence import cut_quotation, display_positions

_HEADING_END = re.compile(r"[.!?\"'\u201d\u2019)]$")
# Inside an over-long "sentence" (a splitter miss, e.g. in lower-cased text):
# any stop followed by space, whatever the case of the next letter.
_ANY_STOP = re.compile(r"(?P<stop>[.!?]+)(?P<close>\s?[\"'\u201d\u2019)]+)?\s+(?=[\"'\u201c(]*[a-z0-9])", re.I)


def is_heading(text: str, n_words: int | None = None) -> bool:
    """A line that reads like a heading, not a sentence: all capitals, or short
    with no final punctuation (``n_words``: ``len(text.split())`` when known)."""
    if text.upper() == text and text.lower() != text:  # every cased letter a capital
        return True
    n = len(text.split()) if n_words is None else n_words
    return n < 8 and not _HEADING_END.search(text.strip())


_stem = functools.lru_cache(maxsize=1 << 17)(stem)  # a pure function: the cache never changes a result


#: the TF-IDF rows of the candidates: the one implementation, shared with the rest of the package
PoolSpace = TfidfSpace


def _resplit_split(sents: Sequence[Sentence], max_words: int) -> Iterator[tuple[Sentence, list[str] | None]]:
    """Split a sentence longer than ``max_words`` at every stop (the rule-based
    splitter keeps ". the" together, which lower-cased text is full of); the
    pieces keep the sentence's position and exact offsets.  Each sentence comes
    with its ``text.split()`` when already computed (else None)."""
    for s in sents:
        split = s.text.split()
        if len(split) <= max_words:
            yield s, split
            continue
        start = 0
        text = s.text
        for m in _ANY_STOP.finditer(text):
            tok = token_before(text, m.start())
            if tok and m.group("stop") == "." and (
                    tok.lower().rstrip(".") in ABBREVIATIONS or len(tok) == 1):
                continue
            end = m.end("close") if m.group("close") else m.end("stop")
            if len(text[start:end].split()) >= 1:
                yield Sentence(s.doc_index, s.article_id, s.start + start, s.start + end,
                               text[start:end], s.position, s.paragraph), None
            start = m.end()
        if text[start:].strip():
            yield Sentence(s.doc_index, s.article_id, s.start + start, s.end, text[start:], s.position,
                           s.paragraph), None


#: the most candidates a pool keeps (its similarity matrix is dense: 3,000 x 3,000 floats is 72 MB)
MAX_CANDIDATES = 3000


def _as_prepared(documents: Sequence[Article | PreparedDocument | str]) -> list[PreparedDocument]:
    """The documents as prepared ones, numbered by their place in ``documents``; the pool needs no
    dates, so articles given as such are only split."""
    out = []
    for i, d in enumerate(documents):
        if isinstance(d, PreparedDocument):
            out.append(d.reindexed(i))
        elif isinstance(d, (Article, str)):
            article = d if isinstance(d, Article) else Article(id=str(i), text=d)
            out.append(PreparedDocument(article, i, dated=False))
        else:
            raise TypeError(f"documents[{i}] is {type(d).__name__}; pass strings or storylens.Article objects")
    return out


class _Candidates:
    """The candidates of a pool being built, in two passes: :meth:`read` decides which sentences of each
    article are candidates (without their words), :meth:`build` makes the columns of those kept: each
    sentence with its content terms, lower-cased words, their stems, its whitespace words and its key
    (the text lower-cased, whitespace collapsed: exact copies share it).  So the words, stems and terms
    are made for at most the pool's limit story-wide, not for every article's candidates."""

    def __init__(self) -> None:
        # per article, its candidates: (sentence, kept whole, whitespace words, key)
        self.found: list[list[tuple[Sentence, bool, int, str]]] = []
        self.sentences: list[Sentence] = []
        self.terms: list[list[str]] = []
        self.tokens: list[list[str]] = []
        self.stems: list[list[str]] = []
        self.nwords: list[int] = []
        self.keys: list[str] = []
        self.seen: set[str] = set()

    def read(self, doc: PreparedDocument, sents: Sequence[Sentence], lo: int, hi: int, limit: int) -> None:
        """Find the candidates of one article: its sentences (over-long ones split at every stop) of ``lo``
        to ``hi`` words that are no heading, headline, standfirst, caption or cut quotation, with a content
        word, and no exact copy of one seen before.  Past ``limit`` of them, none more is taken (the pool
        keeps at most ``limit`` in all), but each is still seen, so that a later article's copy of it stays
        out.  Their words are split here and not kept (the prepared document keeps only those built)."""
        shown = display_positions(doc.article, sents)  # headline, standfirst, captions
        taken: list[tuple[Sentence, bool, int, str]] = []
        for s, split in _resplit_split(sents, hi):
            whole = split is not None  # the prepared sentence itself, not a piece of an over-long one
            if split is None:
                split = s.text.split()
            n = len(split)
            if n < lo or n > hi or is_heading(s.text, n) or s.position in shown or cut_quotation(s.text):
                continue
            key = " ".join(split).lower()
            if key in self.seen:  # exact copy: kept once, its source found as support
                continue
            self.seen.add(key)
            if len(taken) >= limit:
                continue
            low = doc.words(s.position, keep=False) if whole else words(s.text)
            if any(w not in STOPWORDS and len(w) > 1 for w in low):
                taken.append((s, whole, n, key))
        self.found.append(taken)

    def build(self, docs: Sequence[PreparedDocument], limit: int) -> None:
        """The columns of the candidates kept: at most ``limit``, each article's earliest, round-robin
        across the articles (:func:`~storylens.shares.round_robin_shares`), in their original order."""
        shares = round_robin_shares([len(f) for f in self.found], limit)
        for doc, found, share in zip(docs, self.found, shares):
            for s, whole, n, key in found[:share]:
                # a sentence kept whole has its words in the prepared document; a piece of one is split here
                low = doc.words(s.position) if whole else words(s.text)
                st = list(map(_stem, low))
                self.sentences.append(s)
                self.keys.append(key)
                self.terms.append([t for t, w in zip(st, low) if w not in STOPWORDS and len(w) > 1])
                self.tokens.append(low)
                self.stems.append(st)
                self.nwords.append(n)
        self.found = []


@dataclass
class SentencePool:
    articles: list[Article]
    all_sentences: list[list[Sentence]]  # per article, every sentence
    sentences: list[Sentence]  # candidates
    terms: list[list[str]]  # content terms per candidate
    support_threshold: float = 0.5
    _space: "PoolSpace | None" = field(default=None, repr=False)
    tokens: list[list[str]] = field(default_factory=list, repr=False)  # lower-cased words per candidate
    nwords: list[int] = field(default_factory=list, repr=False)  # whitespace words per candidate
    documents: list[PreparedDocument] = field(default_factory=list, repr=False)  # the prepared articles
    # computed once by build or on first use by the features (summarizers/features.py)
    _keys: list[str] = field(default_factory=list, repr=False)  # candidate text lower-cased, spaces collapsed
    _stems: list[list[str]] | None = field(default=None, repr=False)  # the stem of every candidate word
    _concepts: list[list[str]] | None = field(default=None, repr=False)  # content bigrams per candidate
    _concept_df: "Counter[str] | None" = field(default=None, repr=False)  # articles using each concept

    @classmethod
    def build(cls, documents: Sequence[Article | PreparedDocument | str], options=None, *,
              max_candidates: int | None = None) -> "SentencePool":
        """The pool of ``documents``.  At most ``max_candidates`` candidates
        (default :data:`MAX_CANDIDATES`) are kept, so that the dense similarity
        matrix stays bounded: over the limit, each article's earliest
        candidates, taken round-robin across the articles (every article's
        first, then every article's second, ...), in their original order."""
        from ..config import Options

        opts = options or Options()
        docs = _as_prepared(documents)
        per_doc = [list(d.sentences) for d in docs]
        limit = MAX_CANDIDATES if max_candidates is None else max_candidates
        found = _Candidates()
        for doc, sents in zip(docs, per_doc):
            found.read(doc, sents, opts.min_sentence_words, opts.max_sentence_words, limit)
        found.build(docs, limit)
        pool = cls([d.article for d in docs], per_doc, found.sentences, found.terms, opts.support_threshold,
                   tokens=found.tokens)
        pool.nwords = found.nwords
        pool.documents = docs
        pool._keys = found.keys
        pool._stems = found.stems
        return pool

    def word_counts(self) -> list[int]:
        """Whitespace-separated words of each candidate."""
        if len(self.nwords) != len(self.sentences):
            self.nwords = [len(s.text.split()) for s in self.sentences]
        return self.nwords

    # -- shared computations, each done once -------------------------------
    @property
    def space(self) -> "PoolSpace":
        if self._space is None:
            self._space = PoolSpace(self.terms)
        return self._space

    @cached_property
    def similarity(self) -> np.ndarray:
        return self.space.similarity()

    @cached_property
    def doc_of(self) -> np.ndarray:
        return np.asarray([s.doc_index for s in self.sentences], dtype=np.int64)

    @cached_property
    def support(self) -> list[dict[int, int]]:
        """For each candidate, {doc_index: candidate index of its best match}
        over the other articles whose sentence carries the same content
        (-1: an exact copy of the candidate itself; a candidate of another
        article: that article holds an exact copy of it)."""
        return [self.support_of(i) for i in range(len(self.sentences))]

    def support_of(self, i: int) -> dict[int, int]:
        """One row of :attr:`support` (:func:`storylens.summarizers.support.support_of`)."""
        if "support" in self.__dict__:
            return self.__dict__["support"][i]
        return support.support_of(self, i)

    @cached_property
    def _exact(self) -> dict[int, list[int]]:
        return support.exact_copies(self)

    def support_count(self) -> np.ndarray:
        """Number of articles carrying each candidate's content (itself included);
        the same as ``1 + len(self.support[i])``, computed without building it."""
        n = len(self.sentences)
        if not n:
            return np.zeros(0)
        n_docs = len(self.articles)
        hit = np.zeros((n, n_docs), dtype=bool)
        rows, cols = np.nonzero(self.similarity >= self.support_threshold)
        hit[rows, self.doc_of[cols]] = True
        exact = self._exact
        for i, docs in exact.items():
            hit[i, docs] = True
        for j, docs in exact.items():  # exact copies of a matching sentence count too
            hit[np.ix_(np.nonzero(self.similarity[:, j] >= self.support_threshold)[0], np.asarray(docs))] = True
        hit[np.arange(n), self.doc_of] = True
        return hit.sum(axis=1).astype(np.float64)

    # -- turning a ranking into a summary ----------------------------------
    def fill_budget(self, order: Sequence[int], max_words: int) -> list[int]:
        """Whole sentences in ``order`` that fit in ``max_words`` (a sentence
        that does not fit is passed over, later shorter ones may still fit)."""
        chosen, total = [], 0
        counts = self.word_counts()
        for i in order:
            n = counts[i]
            if total + n <= max_words:
                chosen.append(int(i))
                total += n
            if total >= max_words:
                break
        return chosen

    def reading_order(self, chosen: Sequence[int]) -> list[int]:
        """Order for reading: earlier in its article first (leads lead), then
        by publication date and input order."""
        lengths = [max(len(s), 1) for s in self.all_sentences]

        def key(i: int):
            s = self.sentences[i]
            rel = s.position / lengths[s.doc_index]
            pub = self.articles[s.doc_index].published or ""
            return (round(rel * 4), pub, s.doc_index, s.position, s.start)

        return sorted(chosen, key=key)

    def to_summary(self, chosen: Sequence[int], method: str = "", max_words: int = 0) -> Summary:
        """The chosen candidates as a summary, cited (:func:`storylens.summarizers.support.cite`): each
        sentence cites its own article, every article with the same content (the pool's support) and every
        article that carries its claim in other words; an article whose matching sentence gives the same
        thing another figure is listed under ``conflicts`` instead of cited."""
        return support.cite(self, chosen, method=method, max_words=max_words)

    @cached_property
    def claims(self) -> ClaimIndex:
        """The content words of every sentence of every article (for the citations of other wording)."""
        return support.claim_index(self)
