"""The candidate sentences of a story, with what every summarizer needs.

``SentencePool.build`` segments the articles, keeps the sentences fit for a
summary, vectorises them once and finds, for each candidate, the other
articles that carry the same content (its *support*): wire copy reused by
several outlets becomes one content unit backed by all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Sequence

import numpy as np

from ..models import Article, Citation, Sentence, Summary, SummarySentence
from ..segment import sentences as split_article
from ..vectors import TfidfSpace, content_terms

_HEADING_END = re.compile(r"[.!?\"'\u201d\u2019)]$")


def is_heading(text: str) -> bool:
    """A line that reads like a heading, not a sentence: all capitals, or short
    with no final punctuation."""
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return True
    return len(text.split()) < 8 and not _HEADING_END.search(text.strip())


def _as_articles(documents: Sequence[Article | str]) -> list[Article]:
    out = []
    for i, d in enumerate(documents):
        if isinstance(d, Article):
            out.append(d)
        elif isinstance(d, str):
            out.append(Article(id=str(i), text=d))
        else:
            raise TypeError(f"documents[{i}] is {type(d).__name__}; pass strings or storylens.Article objects")
    return out


@dataclass
class SentencePool:
    articles: list[Article]
    all_sentences: list[list[Sentence]]  # per article, every sentence
    sentences: list[Sentence]  # candidates
    terms: list[list[str]]  # content terms per candidate
    support_threshold: float = 0.5
    _space: TfidfSpace | None = field(default=None, repr=False)

    @classmethod
    def build(cls, documents: Sequence[Article | str], options=None) -> "SentencePool":
        from ..config import Options

        opts = options or Options()
        articles = _as_articles(documents)
        per_doc = [split_article(a, i) for i, a in enumerate(articles)]
        cands: list[Sentence] = []
        terms: list[list[str]] = []
        seen: set[str] = set()
        for sents in per_doc:
            for s in sents:
                n = len(s.text.split())
                if n < opts.min_sentence_words or n > opts.max_sentence_words or is_heading(s.text):
                    continue
                key = " ".join(s.text.lower().split())
                if key in seen:  # exact copy: kept once, its source found as support
                    continue
                seen.add(key)
                toks = content_terms(s.text)
                if not toks:
                    continue
                cands.append(s)
                terms.append(toks)
        return cls(articles, per_doc, cands, terms, opts.support_threshold)

    # -- shared computations, each done once -------------------------------
    @property
    def space(self) -> TfidfSpace:
        if self._space is None:
            self._space = TfidfSpace(self.terms)
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
        over the other articles whose sentence carries the same content."""
        out: list[dict[int, int]] = []
        sim = self.similarity if self.sentences else np.zeros((0, 0))
        exact = self._exact_copies()
        for i, s in enumerate(self.sentences):
            best: dict[int, tuple[float, int]] = {}
            for j in np.nonzero(sim[i] >= self.support_threshold)[0]:
                d = int(self.doc_of[j])
                if d == s.doc_index:
                    continue
                if d not in best or sim[i, j] > best[d][0]:
                    best[d] = (float(sim[i, j]), int(j))
            row = {d: j for d, (_, j) in sorted(best.items())}
            for d in exact.get(i, ()):
                row.setdefault(d, -1)
            out.append(dict(sorted(row.items())))
        return out

    def _exact_copies(self) -> dict[int, list[int]]:
        """Candidates whose exact text also appears in other articles."""
        index = {" ".join(s.text.lower().split()): i for i, s in enumerate(self.sentences)}
        found: dict[int, list[int]] = {}
        for d, sents in enumerate(self.all_sentences):
            for s in sents:
                i = index.get(" ".join(s.text.lower().split()))
                if i is not None and self.sentences[i].doc_index != d and d not in found.get(i, []):
                    found.setdefault(i, []).append(d)
        return found

    def support_count(self) -> np.ndarray:
        """Number of articles carrying each candidate's content (itself included)."""
        return np.asarray([1 + len(s) for s in self.support], dtype=np.float64)

    # -- turning a ranking into a summary ----------------------------------
    def fill_budget(self, order: Sequence[int], max_words: int) -> list[int]:
        """Whole sentences in ``order`` that fit in ``max_words`` (a sentence
        that does not fit is passed over, later shorter ones may still fit)."""
        chosen, total = [], 0
        for i in order:
            n = len(self.sentences[i].text.split())
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
            return (round(rel * 4), pub, s.doc_index, s.position)

        return sorted(chosen, key=key)

    def to_summary(self, chosen: Sequence[int], method: str = "", max_words: int = 0) -> Summary:
        out = []
        for i in chosen:
            s = self.sentences[i]
            cites = [Citation(s.article_id, s.doc_index, s.start, s.end)]
            for d, j in self.support[i].items():
                if j >= 0:
                    o = self.sentences[j]
                    cites.append(Citation(o.article_id, d, o.start, o.end))
                else:
                    cites.append(self._exact_span(d, s.text))
            out.append(SummarySentence(
                text=s.text,
                citations=tuple(c.doc_index for c in cites),
                evidence=tuple(cites),
            ))
        return Summary(tuple(out), method=method, max_words=max_words)

    def _exact_span(self, doc: int, text: str) -> Citation:
        key = " ".join(text.lower().split())
        for o in self.all_sentences[doc]:
            if " ".join(o.text.lower().split()) == key:
                return Citation(o.article_id, doc, o.start, o.end)
        a = self.articles[doc]
        return Citation(a.id, doc, 0, 0)
