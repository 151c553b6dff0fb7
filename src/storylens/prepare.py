"""Article -> prepared document: what every later stage reads, computed once per article per digest.

A :class:`PreparedDocument` holds an article's sentences (with their offsets and paragraphs), its anchor
(the publication date the relative dates of its text are read against) and, per sentence, the time
expressions found in it with the date each resolves to.  The summarizer's pool, the figures, the quotes,
the timeline and the coverage all read it, as spaCy's components read one ``Doc``: nothing splits or
dates the text again.  Per sentence it also keeps, found on first use, its lower-cased words and its
quantities (:func:`~storylens.text.numbers.find_quantities`): the citations' claim index and the evidence's
figures read the same ones.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from datetime import date
from typing import Iterator, Sequence

from .models import Article, Sentence
from .text.dates import (Resolved, TimeExpr, chronicle_year, east_of_the_wire, find_times, in_year, is_future,
                         is_future_in_past, local_day, parse_iso, reads_ahead, resolve)
from .text.segment import sentences as split_article
from .text.numbers import Quantity, find_quantities
from .text.segment import words as split_words

TimedExprs = tuple[tuple[TimeExpr, Resolved], ...]
#: the quantities of one sentence: ``(start, end, Quantity)``, offsets in the sentence's text
Quantities = tuple[tuple[int, int, Quantity], ...]
#: the time expressions read on a story's date when an article has none of its own: a calendar date
#: without its year ("September 9", "in mid-July"), which a date weeks off still places right
CALENDAR_KINDS = frozenset({"md", "dm", "month", "year"})


class PreparedDocument:
    """One article, split into sentences and dated once.

    ``sentences[i]`` is the article's i-th sentence (``doc_index`` is ``index``); ``times[i]`` its time
    expressions, each with its resolution against ``anchor`` (empty when it has none, and for every
    sentence when made with ``dated=False``: the summarizer alone needs no dates).  They are found on
    first use: a summary without the evidence dates only the articles its sentences come from.
    """

    __slots__ = ("article", "index", "sentences", "anchor", "anchor_inferred", "coarse", "_times", "_starts",
                 "_ends", "_words", "_quantities", "_dated_by")

    def __init__(self, article: Article, index: int = 0, anchor: date | None = None,
                 anchor_inferred: bool = False, *, sentences: Sequence[Sentence] | None = None,
                 times: Sequence[TimedExprs] | None = None, dated: bool = True, coarse: bool = False) -> None:
        self.article = article
        self.index = index
        self.sentences: tuple[Sentence, ...] = tuple(split_article(article, index) if sentences is None
                                                     else sentences)
        self.anchor = anchor
        self.anchor_inferred = anchor_inferred
        self.coarse = coarse  # the anchor is the story's, good to weeks: only calendar dates are read on it
        self._starts = [s.start for s in self.sentences]
        self._ends = [s.end for s in self.sentences]
        if times is None and not dated:
            times = [()] * len(self.sentences)
        self._times: tuple[TimedExprs, ...] | None = None if times is None else tuple(times)
        self._words: list[list[str] | None] = [None] * len(self.sentences)
        self._quantities: list[Quantities | None] = [None] * len(self.sentences)
        self._dated_by: PreparedDocument | None = None  # a reindexed copy reads the dates of its original

    @property
    def times(self) -> tuple[TimedExprs, ...]:
        """Per sentence, its time expressions with their resolutions (found on first use, then kept)."""
        if self._times is None:
            self._times = self._dated_by.times if self._dated_by is not None else tuple(self._resolve_times())
        return self._times

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def id(self) -> str:
        return self.article.id

    def _resolve_times(self) -> Iterator[TimedExprs]:
        """Each sentence's time expressions, resolved in text order: "a day earlier" counts from the
        day-precise date before it in the same sentence or the one before (further back, the event it counts
        from is rarely the one dated)."""
        previous: date | None = None
        previous_at = -2
        local_ahead = east_of_the_wire(self.article.dateline)
        local = self.anchor if self.coarse else local_day(self.article.meta.get("dateline_date", ""), self.anchor)
        heading: int | None = None  # a chronology's year ("1998:"), the year of its entries' dates
        for i, s in enumerate(self.sentences):
            found = find_times(s.text, s.start)
            heading = chronicle_year(s.text) or heading
            if not found:
                yield ()
                continue
            future, near = is_future(s.text), is_future_in_past(s.text)
            got = []
            for t in map(in_year, found, [heading] * len(found)):
                anchor = None if self.coarse and t.kind not in CALENDAR_KINDS else local
                ahead = reads_ahead(s.text, t.start - s.start, t.end - s.start, future)
                r = resolve(t, anchor, future=ahead, previous=previous if previous_at >= i - 1 else None,
                            local_ahead=local_ahead, near=near)
                got.append((t, r))
                if r.precision == "day":
                    previous, previous_at = parse_iso(r.date), i
            yield tuple(got)

    def words(self, i: int, keep: bool = True) -> list[str]:
        """The lower-cased words of sentence ``i`` (split on first use, then kept; with ``keep=False`` a
        pass over every sentence, not only the candidates, leaves nothing behind: kept for all of a
        45 MB article's sentences they would be most of the digest's memory)."""
        got = self._words[i]
        if got is None:
            got = split_words(self.sentences[i].text)
            if keep:
                self._words[i] = got
        return got

    def quantities(self, i: int, keep: bool = True) -> Quantities:
        """The quantities of sentence ``i`` as :func:`~storylens.text.numbers.find_quantities` reads them in
        the article's language (``article.lang``), offsets in the sentence's text: found on first use, then
        kept, so that the claim index and the figures read each sentence once.  The last reader passes
        ``keep=False``: it reads what an earlier one kept, and keeps nothing more (a sentence with figures
        keeps about 0.4 KB)."""
        got = self._quantities[i]
        if got is None:
            got = tuple(find_quantities(self.sentences[i].text, self.article.lang)) or _NONE
            if keep:
                self._quantities[i] = got
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
                               times=self._times, coarse=self.coarse)
        doc._words = self._words
        doc._quantities = self._quantities
        doc._dated_by = self
        return doc


_NONE: Quantities = ()


def publication_date(article: Article) -> tuple[date | None, bool]:
    """``(date, inferred)``: the article's publication date, from its metadata only (``inferred`` when the
    reader took it from a dateline or a page header rather than a date field).  A date in the text is
    never the anchor: "what happened March 24, 1998" is an event, not the day the report was written."""
    d = parse_iso(article.published)
    return (d, bool(article.published_inferred)) if d is not None else (None, False)


def story_anchor(dates: Sequence[date | None]) -> date | None:
    """The day an undated article of a story is read on: the middle one of its dated articles' dates (the
    earlier of the two middle ones), or None when none is dated."""
    known = sorted(d for d in dates if d is not None)
    return known[(len(known) - 1) // 2] if known else None


def prepare_document(article: Article, index: int = 0) -> PreparedDocument:
    """``article`` prepared on its own publication date."""
    anchor, inferred = publication_date(article)
    return PreparedDocument(article, index, anchor, inferred)


def prepare_documents(articles: Sequence[Article | PreparedDocument]) -> list[PreparedDocument]:
    """The articles of one story, each prepared once (documents already prepared are kept).  An undated
    article in a story whose other articles are dated is read on the story's date (:func:`story_anchor`),
    its anchor flagged inferred."""
    if all(isinstance(a, PreparedDocument) for a in articles):
        return [a.reindexed(i) for i, a in enumerate(articles) if isinstance(a, PreparedDocument)]
    own = [None if isinstance(a, PreparedDocument) else publication_date(a) for a in articles]
    fallback = story_anchor([d for d, _ in (x for x in own if x is not None)] +
                            [a.anchor for a in articles if isinstance(a, PreparedDocument)])
    out = []
    for i, (a, got) in enumerate(zip(articles, own)):
        if isinstance(a, PreparedDocument):
            out.append(a.reindexed(i))
            continue
        if got is not None and got[0] is not None:
            out.append(PreparedDocument(a, i, got[0], got[1]))
        else:  # read on the story's date: "September 9" is 2016-09-09, but "on Sunday" stays unresolved
            out.append(PreparedDocument(a, i, fallback, fallback is not None, coarse=fallback is not None))
    return out


__all__ = ["PreparedDocument", "Quantities", "prepare_document", "prepare_documents", "publication_date",
           "story_anchor"]
