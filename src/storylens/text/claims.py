"""Whether a sentence of one source carries the claim of a sentence of another, in other words too.

Two sentences carry one claim when the second holds most of the first's content (its words weighted by how
rare they are in the story, names included) and the figures they share agree.  A figure that counts the
same thing with another value ("$1.9 trillion" for "$2.9 trillion", "at least 7 civilians" for "45
people") makes the pair a conflict, never a citation.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Sequence

from .lexicon import (COUNT_NOUNS, FOREIGN_PERCENT, FOREIGN_SCALES, MONTH_NAMES, MONTH_PATTERN, MONTHS, YEAR_FIRST,
                      YEAR_LAST)
from .numbers import FOREIGN_NUMBER_LANGS, Quantity, find_quantities
from .tfidf import STOPWORDS, stem

#: the share of a sentence's content (weighted by rarity) another sentence must hold to carry its claim
CARRIES = 0.5
#: and the fewest content words the two must share
MIN_SHARED = 4
_SKIP_AFTER = {"of", "the", "more", "than", "million", "billion", "trillion", "thousand", "hundred", "us", "u.s"}
_PERCENT_WORDS = {"%", "percent"}
# the same in the other languages whose numbers are read ("1,5 Millionen Menschen", "12,5 Prozent")
_FOREIGN_SKIP = _SKIP_AFTER | {"de", "di", "der", "des", "von"} | {w for sc in FOREIGN_SCALES.values() for w in sc}
_FOREIGN_PERCENT_WORDS = _PERCENT_WORDS | {w for ws in FOREIGN_PERCENT.values() for w in ws if " " not in w}
_PER_CENT = re.compile(r"^\s*(?:pour|por|per)\s+(?:cent|ciento|cento)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|%")
# a day of the month counts days of its month, not the word after it: "on September 9, with Moscow" and "on
# Sept. 9th" give september 9, "an October 19 visit" october 19 (not "visit"), "the 9th of September" too
_MONTH_BEFORE = re.compile(rf"\b({MONTH_PATTERN})\.?\s+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN})\b")


def _month_of_day(text: str, start: int, end: int, surface: str, value: float) -> str | None:
    """The month a figure is the day of ("September" for the 9 of "on September 9"), or None."""
    if not (re.fullmatch(r"\s*\d{1,2}(?:st|nd|rd|th)?\s*", surface) and 1 <= value <= 31):
        return None
    m = _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end)
    return MONTH_NAMES[MONTHS[m.group(1).lower()] - 1].lower() if m else None


def content(words: Sequence[str]) -> frozenset[str]:
    """The stemmed content words of a sentence's lower-cased words (numbers left to :func:`figures`)."""
    return frozenset(stem(w) for w in words if len(w) > 2 and w not in STOPWORDS and not w[0].isdigit())


def figures(text: str, lang: str | None = None,
            quantities: Iterable[tuple[int, int, Quantity]] | None = None) -> dict[str, set[float]]:
    """What each figure of ``text`` counts -> its values: ``{"people": {45.0}, "$": {2.9e12}}``; years
    are no figures.  ``lang`` says how the numbers are written ("2.500" is 2,500 in German); a percentage
    is "%" in every language.  ``quantities``: ``find_quantities(text, lang)`` when already found (the
    prepared document keeps them)."""
    out: dict[str, set[float]] = {}
    foreign = lang in FOREIGN_NUMBER_LANGS
    skip, percent = (_FOREIGN_SKIP, _FOREIGN_PERCENT_WORDS) if foreign else (_SKIP_AFTER, _PERCENT_WORDS)
    for start, end, q in find_quantities(text, lang) if quantities is None else quantities:
        surface = text[start:end]
        if not q.qualifier and re.fullmatch(r"\d{4}", surface.strip()) and YEAR_FIRST <= q.value <= YEAR_LAST:
            continue
        head = _month_of_day(text, start, end, surface, q.value) or (
            "$" if q.currency else "%" if foreign and _PER_CENT.match(text[end:]) else "")
        if not head:
            for w in _WORD.findall(text[end:end + 40])[:3]:
                low = w.lower()
                if low in skip:
                    continue
                head = "%" if low in percent else COUNT_NOUNS.get(low, stem(low))
                break
        if head:
            out.setdefault(head, set()).add(q.value)
    return out


#: the heads of days of the month (:func:`figures`): "September 9" is no count
DAY_HEADS = frozenset(m.lower() for m in MONTH_NAMES)


def figures_agree(a: dict[str, set[float]], b: dict[str, set[float]]) -> tuple[bool, bool]:
    """``(agree, conflict)``: whether ``b`` gives one of ``a``'s figures, and whether it counts one of the
    same things with other values only.  A day of the month agrees only where ``a`` gives no count (both
    "lifted off on March 1" does not carry "traveled 20,500 miles since lifting off on March 1") and never
    conflicts (the bombing of Jan. 29 is no other figure for "not seen since Jan. 30")."""
    agree = conflict = False
    counts = any(h not in DAY_HEADS for h in a)
    for head in a.keys() & b.keys():
        if head in DAY_HEADS:
            agree = agree or (not counts and bool(a[head] & b[head]))
        elif a[head] & b[head]:
            agree = True
        else:
            conflict = True
    return agree, conflict


class ClaimIndex:
    """The content words of every sentence of a story's articles, and how rare each word is among them."""

    def __init__(self, sentence_words: Sequence[Sequence[Sequence[str]]]) -> None:
        #: per article, per sentence, its content words
        self.terms = [[content(ws) for ws in doc] for doc in sentence_words]
        df: Counter[str] = Counter()
        for doc in self.terms:
            for t in doc:
                df.update(t)
        n = sum(len(doc) for doc in self.terms)
        self.idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}

    def weight(self, terms: frozenset[str]) -> float:
        return sum(self.idf.get(t, 1.0) for t in terms)

    def best(self, terms: frozenset[str], doc: int) -> tuple[float, int]:
        """``(share, sentence index)`` of the sentence of article ``doc`` that holds the most of ``terms``
        (share 0.0 and index -1 when none holds ``MIN_SHARED`` of them)."""
        total = self.weight(terms) or 1.0
        best, at = 0.0, -1
        for k, other in enumerate(self.terms[doc]):
            shared = terms & other
            if len(shared) >= MIN_SHARED:
                share = self.weight(frozenset(shared)) / total
                if share > best:
                    best, at = share, k
        return best, at
