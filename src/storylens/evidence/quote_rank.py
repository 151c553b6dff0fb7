"""The same quotation in many reports as one entry, and the order quotations are shown in.

The same words quoted by several outlets are matched through the content words they share (no comparison of
every pair); the quotations carried by more outlets, whole statements and prominent speakers come first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Sequence

from ..models import Quote
from ..text.segment import words
from ..text.tfidf import STOPWORDS

FRAGMENT_WORDS = 6  # a quotation shorter than this is a fragment of a sentence, shown after whole statements


class QuoteKey:
    """A quotation's words, ready for comparison and indexing (``content``: its words that are no stopword)."""

    __slots__ = ("words", "joined", "set", "content", "nested")

    def __init__(self, text: str):
        toks = tuple(words(text))
        self.words, self.joined, self.set = toks, " " + " ".join(toks) + " ", frozenset(toks)
        self.content = sorted(w for w in self.set if w not in STOPWORDS)
        self.nested = tuple(" " + " ".join(words(m.group(1))) + " " for m in _NESTED.finditer(text))


#: a quotation inside a quotation, in single marks: "there's a man telling a car 'No, no, no, stop.'"
_INNER = r"(?:[^'\u2019]|(?<=\w)['\u2019](?=\w))"  # an apostrophe inside a word ("I'm") does not close it
_NESTED = re.compile(rf"(?:^|(?<=\s))['\u2018]\s?([A-Za-z]{_INNER}*?\s{_INNER}*?)\s?['\u2019](?=\s|$|[,.!?])")


def same_quotation(a: QuoteKey, b: QuoteKey) -> bool:
    """One quotation inside the other (whole words; not inside a quotation the other quotes: the man's "No, no,
    no!" is not the words of the witness who tells of it), or 80% of their words shared."""
    if not a.words or not b.words:
        return False
    if len(a.words) > len(b.words):
        a, b = b, a
    if a.joined in b.joined:
        return not any(a.joined in n for n in b.nested)
    return len(a.set & b.set) / len(a.set | b.set) >= 0.8


class KeyIndex:
    """The distinct quotations so far, found again through the content words they share: the same
    quotation in many reports is matched without comparing every pair."""

    def __init__(self) -> None:
        self.keys: list[QuoteKey] = []
        self.postings: dict[str, list[int]] = {}
        self.plain: list[int] = []  # keys of stopwords only: compared with every new quotation

    def find(self, k: QuoteKey) -> int | None:
        if k.content:
            cand: set[int] = set(self.plain)
            for w in k.content:
                cand.update(self.postings.get(w, ()))
            order: Sequence[int] = sorted(cand)
        else:
            order = range(len(self.keys))
        return next((i for i in order if same_quotation(k, self.keys[i])), None)

    def add(self, k: QuoteKey) -> int:
        i = len(self.keys)
        self.keys.append(k)
        for w in k.content:
            self.postings.setdefault(w, []).append(i)
        if not k.content:
            self.plain.append(i)
        return i


def rank_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotations most worth showing first, each with its ``rank`` (1 is the first): carried by more
    outlets, then whole statements before quoted fragments ("a little bit of progress"), then said by a more
    prominent speaker (one the story quotes more often), then with a named speaker; ties keep text order.
    A report shows the first ten and the rest behind "N more"."""
    said = Counter(q.speaker for q in quotes if q.speaker)

    def key(iq: tuple[int, Quote]) -> tuple:
        i, q = iq
        return (-len(q.article_ids), len(q.text.split()) < FRAGMENT_WORDS,
                -min(said[q.speaker], 5) if q.speaker else 0, q.resolution != "named", i)

    ordered = [q for _, q in sorted(enumerate(quotes), key=key)]
    return [replace(q, rank=r) for r, q in enumerate(ordered, 1)]
