"""Article -> prepared document: what every later stage reads, computed once per article per digest.

A :class:`PreparedDocument` holds an article's sentences (with their offsets and paragraphs), its anchor
(the publication date the relative dates of its text are read against) and, per sentence, the time
expressions found in it with the date each resolves to.  The summarizer's pool, the figures, the quotes,
the timeline and the coverage all read it, as spaCy's components read one ``Doc``: nothing splits or
dates the text again.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from datetime import date
from typing import Iterator, Sequence

from .models import Article, Sentence
from .text.dates import Resolved, TimeExpr, find_times, is_future, parse_iso, resolve
from .text.segment import sentences as split_article
from .text.segment import words as split_words

TimedExprs = tuple[tuple[TimeExpr, Resolved], ...]


class PreparedDocument:
    """One article, split into sentences and dated once.

    ``sentences[i]`` is the article's i-th sentence (``doc_index`` is ``index``); ``times[i]`` its time
    expressions, each with its resolution against ``anchor`` (empty when it has none, and for every
    sentence when made with ``dated=False``: the summarizer alone needs no dates).
    """

    __slots__ = ("article", "index", "sentences", "anchor", "anchor_inferred", "times", "_starts", "_ends",
                 "_words")

    def __init__(self, article: Article, index: int = 0, anchor: date | None = None,
                 anchor_inferred: bool = False, *, sentences: Sequence[Sentence] | None = None,
                 times: Sequence[TimedExprs] | None = None, dated: bool = True) -> None:
        self.article = article
        self.index = index
        self.sentences: tuple[Sentence, ...] = tuple(split_article(article, index) if sentences is None
                                                     else sentences)
        self.anchor = anchor
        self.anchor_inferred = anchor_inferred
        self._starts = [s.start for s in self.sentences]
        self._ends = [s.end for s in self.sentences]
        if times is None:
            times = list(self._resolve_times()) if dated else [()] * len(self.sentences)
        self.times: tuple[TimedExprs, ...] = tuple(times)
        self._words: list[list[str] | None] = [None] * len(self.sentences)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def id(self) -> str:
        return self.article.id

    def _resolve_times(self) -> Iterator[TimedExprs]:
        """Each sentence's time expressions, resolved in text order: "a day earlier" counts from the
        last day-precise date before it in the article."""
        previous: date | None = None
        for s in self.sentences:
            found = find_times(s.text, s.start)
            if not found:
                yield ()
                continue
            future = is_future(s.text)
            got = []
            for t in found:
                r = resolve(t, self.anchor, future=future, previous=previous)
                got.append((t, r))
                if r.precision == "day":
                    previous = parse_iso(r.date)
            yield tuple(got)

    def words(self, i: int) -> list[str]:
        """The lower-cased words of sentence ``i`` (split on first use, then kept)."""
        got = self._words[i]
        if got is None:
            got = self._words[i] = split_words(self.sentences[i].text)
        return got

    def sentence_at(self, offset: int) -> int | None:
        """The index of the sentence whose span holds ``offset``, or None (between sentences)."""
        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self._ends[i] else None

    def sentences_ending_by(self, offset: int) -> int:
        """How many sentences end at or before ``offset``."""
        return bisect_right(self._ends, offset)

    def reindexed(self, index: int) -> "PreparedDocument":
        """The same document as the ``index``-th of another list (its sentences' ``doc_index`` changed)."""
        if index == self.index:
            return self
        sents = [replace(s, doc_index=index) for s in self.sentences]
        doc = PreparedDocument(self.article, index, self.anchor, self.anchor_inferred, sentences=sents,
                               times=self.times)
        doc._words = self._words
        return doc


def publication_date(article: Article) -> tuple[date | None, bool]:
    """``(date, inferred)``: the article's publication date, else one read off its text.

    The text is searched for full dates with a year (a dated caption such as
    "October 6, 2016", a dateline "Thursday 13 Oct 2016"); the latest wins and
    the result is marked inferred.
    """
    d = parse_iso(article.published)
    if d is not None:
        return d, bool(article.published_inferred)
    best = None
    for expr in find_times(article.text):
        if expr.kind in ("md", "dm") and expr.get("year"):
            cand = parse_iso(resolve(expr, None).date)
            if cand and (best is None or cand > best):
                best = cand
    return best, best is not None


def prepare_document(article: Article, index: int = 0) -> PreparedDocument:
    """``article`` prepared on its own publication date."""
    anchor, inferred = publication_date(article)
    return PreparedDocument(article, index, anchor, inferred)


def prepare_documents(articles: Sequence[Article | PreparedDocument]) -> list[PreparedDocument]:
    """The articles of one story, each prepared once (documents already prepared are kept)."""
    return [a.reindexed(i) if isinstance(a, PreparedDocument) else prepare_document(a, i)
            for i, a in enumerate(articles)]


__all__ = ["PreparedDocument", "prepare_document", "prepare_documents", "publication_date"]
