"""What a sentence claims, as weighted terms, and the index that finds each article's sentence carrying it.

A claim's terms are its stemmed content words (a word and those news copy uses for it as one term), the words
of its names (a name of n words weighs 1/n) and its figures; the index holds every sentence of a story's
articles as one sparse row of terms, so that finding each article's best carrier of a claim is a few array
operations (:meth:`ClaimIndex.carriers`).  What is cited from it is :mod:`storylens.summarizers.support`'s.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

import numpy as np

from ..text.claims import figures
from ..text.lexicon import SAME_CLAIM_WORDS
from ..text.numbers import FRACTIONS, SCALES, TENS, UNITS, VAGUE
from ..text.segment import words
from ..text.tfidf import STOPWORDS, stem

if TYPE_CHECKING:
    from ..prepare import Quantities


#: the share of a sentence's content (weighted by rarity) another sentence must hold to carry its claim
CARRIES = 0.5
#: and the fewest terms the two must share
MIN_SHARED = 4
#: a figure at least this large, given by both with the same counted thing, anchors the claim: then
#: ANCHORED_WORDS more shared words and ANCHORED_SHARE of the content carry it ("250,000 civilians besieged"
#: for "more than 250,000 civilians trapped")
ANCHOR_VALUE = 100
ANCHORED_WORDS = 2
ANCHORED_SHARE = 0.2
#: a sentence of fewer content terms than MIN_SHARED + 1 is carried by one holding all of them but one (at
#: least two) and SHORT_SHARE of its weight ("The army says it is targeting only militants")
SHORT_SHARE = 0.6
#: one of the words they share not common in the story (in three sentences or more and more than one in COMMON):
#: "Rahman had him fighting down" is no claim every sentence naming Rahman and a fight carries (nor "SUU KYI: Very
#: much so.")
COMMON = 10
#: or one that shares LOOSE_WORDS words, LOOSE_RARE of them rare in the story (in one sentence of
#: LOOSE_RARITY or fewer), and LOOSE_SHARE of the weight ("captured the Handarat Palestinian refugee camp")
LOOSE_WORDS = 6
LOOSE_RARE = 2
LOOSE_RARITY = 50
LOOSE_SHARE = 0.33
#: or one whose own content the sentence holds CONTAINED of (by weight), sharing CONTAINED_WORDS words and
#: CONTAINED_SHARE of the sentence's weight: a shorter report of the same claim, or of its core ("A Michigan man
#: shot to death one person ... at the suburban Detroit accounting firm from which he was fired last week" for
#: a long lead that also tells of the chase)
CONTAINED = 0.6
CONTAINED_WORDS = 4
CONTAINED_SHARE = 0.2
#: or, with as many words shared, one that holds MUTUAL of the sentence's weight while the sentence holds MUTUAL
#: of its own: two reports of one claim, each with details of its own
MUTUAL = 0.4
# a run of capitalised words (with "of", "for", "the" between them): one name, however many words it has
_NAME_RUN = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+(?:(?:of|for|the|al|de|bin)\s+)?[A-Z][\w'\u2019.-]*)+")
_SAME = {stem(k): stem(v) for k, v in SAME_CLAIM_WORDS.items()}
# what every figure :func:`figures` reads begins with (a digit or a number word): a sentence without any
# gives none, and most sentences are passed over without the figure pattern's slower search
_NUMBER_WORDS = tuple(sorted({w.lower() for ws in (UNITS, TENS, SCALES, VAGUE, FRACTIONS) for k in ws
                              for w in k.split()} | {"half", "dozen"}))
_DIGIT = re.compile(r"\d")


def _may_count(text: str, low_words: Sequence[str]) -> bool:
    """Whether ``text`` (its lower-cased words ``low_words``) has a digit or a word that begins with a number
    word: else it gives no figure (the same sentences as a pattern over the text, at a quarter of the cost)."""
    return bool(_DIGIT.search(text)) or any(w.startswith(_NUMBER_WORDS) for w in low_words)


# a doubled last consonant ("cancelled", "stopped"): the light stemmer leaves "cancell" beside "cancel"
_DOUBLED = re.compile(r"(?<=[a-z]{3})([b-df-hj-np-tv-z])\1$")




def _term(word: str) -> str:
    t = stem(word)
    t = _SAME.get(t, t)
    return _DOUBLED.sub(r"\1", t) if t[-1:] == t[-2:-1] else t


def claim_terms(text: str, low_words: Sequence[str], terms_of: dict[str, str] | None = None,
                quantities: "Quantities | None" = None) -> dict[str, float]:
    """What a sentence claims, as terms with their share of one word: its stemmed content words (a word
    and those news copy uses for it as one term), each word of a name of n words 1/n, and each figure it
    gives (what it counts and its value) as one term.  ``terms_of``: word -> term, filled as words are met
    (an index stems each distinct word once); ``quantities``: the sentence's, when already found (() for a
    sentence that has none)."""
    if terms_of is None:
        terms_of = {}
    terms: dict[str, float] = {}
    for w in low_words:
        if len(w) > 2 and w not in STOPWORDS and not w[0].isdigit():
            t = terms_of.get(w)
            if t is None:
                t = terms_of[w] = _term(w)
            terms[t] = 1.0
    for m in _NAME_RUN.finditer(text):
        parts = {terms_of[w] if w in terms_of else terms_of.setdefault(w, _term(w))
                 for w in words(m.group())} & terms.keys()
        for t in parts:
            terms[t] = min(terms[t], 1.0 / len(parts))
    if quantities is None:
        figs = figures(text) if _may_count(text, low_words) else {}
    else:
        figs = figures(text, quantities=quantities) if quantities else {}
    for head, values in figs.items():
        for v in values:
            terms[f"#{head}={v:g}"] = 1.0
    return terms


class ClaimIndex:
    """What every sentence of a story's articles claims (:func:`claim_terms`), and how rare each term is
    among them: one sparse row of terms per sentence (term ids and their shares), so that finding the
    sentence of each article that carries a claim is a few array operations over the rows, not a loop."""

    def __init__(self, sentences: Iterable[Iterable[tuple[Any, ...]]]) -> None:
        vocab: dict[str, int] = {}
        terms_of: dict[str, str] = {}
        cols: list[int] = []
        mults: list[float] = []
        row_ends: list[int] = []
        doc_rows = [0]
        for doc in sentences:
            for row in doc:  # (text, words) or (text, words, quantities)
                text, ws = row[0], row[1]
                for t, m in claim_terms(text, ws, terms_of, row[2] if len(row) > 2 else None).items():
                    cols.append(vocab.setdefault(t, len(vocab)))
                    mults.append(m)
                row_ends.append(len(cols))
            doc_rows.append(len(row_ends))
        self.vocab = vocab
        self.doc_rows = doc_rows  # article d's sentences are rows doc_rows[d]:doc_rows[d + 1]
        self.cols = np.asarray(cols, dtype=np.int64)
        self.mults = np.asarray(mults, dtype=np.float64)
        n = len(row_ends)
        ends = np.asarray(row_ends, dtype=np.int64)
        lengths = ends - np.concatenate(([0], ends[:-1])).astype(np.int64)
        self.entry_rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
        df = np.bincount(self.cols, minlength=len(vocab))  # a sentence's terms are distinct: sentences
        self.idf_of = np.asarray([math.log((n + 1) / (int(c) + 1)) + 1.0 for c in df], dtype=np.float64)
        self.is_figure = np.asarray([t[0] == "#" for t in vocab], dtype=bool)
        # each row's own weight of words (not figures): how much of it another sentence holds
        self.word_weight = self.idf_of[self.cols] * self.mults * ~self.is_figure[self.cols]
        self.row_words = np.bincount(self.entry_rows, weights=self.word_weight, minlength=n)
        self.is_rare = (df <= 2) | (df * LOOSE_RARITY <= n)
        self.is_common = (df > 2) & (df * COMMON > n)
        self.is_anchor = np.asarray([t[0] == "#" and float(t.rsplit("=", 1)[1]) >= ANCHOR_VALUE for t in vocab],
                                    dtype=bool)

    @property
    def idf(self) -> dict[str, float]:
        """term -> its weight (rarer terms weigh more)."""
        return dict(zip(self.vocab, self.idf_of.tolist()))

    def carriers(self, terms: dict[str, float],
                 verbs_of: Callable[[int], frozenset[str]] | None = None) -> list[tuple[float, int, bool]]:
        """Per article, ``(share, sentence index)`` of its sentence that carries ``terms`` with the largest
        share of their weight (share 0.0 and index -1 when none does): one that shares :data:`MIN_SHARED`
        of them and :data:`CARRIES` of their weight, or a large figure and a few words
        (:data:`ANCHOR_VALUE`), or, for a short sentence, all its words but one (:data:`SHORT_SHARE`), or one
        whose own words ``terms`` mostly hold (:data:`CONTAINED`: a shorter report of the claim) and, where
        ``verbs_of`` (index row -> its verbs' terms) is given, whose verbs, if any, include one of ``terms``.  A
        figure counts for the share where the other sentence gives it too, and against it nowhere (a figure
        it does not give is the figure check's business, not the wording's)."""
        n_docs = len(self.doc_rows) - 1
        n = self.doc_rows[-1]
        if not n or not terms:
            return [(0.0, -1, False)] * n_docs
        idf = self.idf_of
        weight = np.zeros(len(self.vocab))
        asked = np.zeros(len(self.vocab), dtype=bool)
        wording = 0.0
        n_words = sum(t[0] != "#" for t in terms)
        for t, m in terms.items():
            j = self.vocab.get(t)
            w = (idf[j] if j is not None else 1.0) * m
            if t[0] != "#":
                wording += w
            if j is not None:
                weight[j], asked[j] = w, True
        hit = asked[self.cols]
        w = weight[self.cols]
        shared = np.bincount(self.entry_rows, weights=hit, minlength=n)
        got = np.bincount(self.entry_rows, weights=w, minlength=n)
        figs = np.bincount(self.entry_rows, weights=w * self.is_figure[self.cols], minlength=n)
        n_figs = np.bincount(self.entry_rows, weights=hit & self.is_figure[self.cols], minlength=n)
        anchors = np.bincount(self.entry_rows, weights=hit & self.is_anchor[self.cols], minlength=n)
        den = wording + figs
        # the same shared terms summed in another order differ in their last bits: not a better match
        share = np.round(np.where(den != 0, got / np.where(den != 0, den, 1.0), got), 12)
        shared_words = shared - n_figs
        strict = (shared >= MIN_SHARED) & (share >= CARRIES)
        loose = (anchors >= 1) & (shared_words >= ANCHORED_WORDS) & (share >= ANCHORED_SHARE)
        if n_words <= MIN_SHARED:  # and one of the shared words not among the story's commonest
            plain = ~self.is_common[self.cols] & ~self.is_figure[self.cols]
            uncommon = np.bincount(self.entry_rows, weights=hit & plain, minlength=n)
            loose |= (shared_words >= max(2, n_words - 1)) & (share >= SHORT_SHARE) & (uncommon >= 1)
        rare = np.bincount(self.entry_rows, weights=hit & self.is_rare[self.cols], minlength=n)
        loose |= (shared_words >= LOOSE_WORDS) & (rare >= LOOSE_RARE) & (share >= LOOSE_SHARE)
        held = np.bincount(self.entry_rows, weights=self.word_weight * hit, minlength=n)
        contained = ((shared_words >= CONTAINED_WORDS) & ~strict & ~loose & (self.row_words > 0)
                     & (((share >= CONTAINED_SHARE) & (held >= CONTAINED * self.row_words))
                        | ((share >= MUTUAL) & (held >= MUTUAL * self.row_words))))
        if verbs_of is not None:  # a verb of its own, the claim does not have: another claim ("had planned a trip")
            for r in np.flatnonzero(contained).tolist():
                verbs = verbs_of(r)
                contained[r] = not verbs or bool(verbs & terms.keys())
        loose |= contained
        # a match by the first rule is preferred to any other: the others cite, never make a conflict
        return self._best_per_article(np.where(strict, share + 2.0, np.where(loose, share, 0.0)), share, strict)

    def _best_per_article(self, score: np.ndarray, share: np.ndarray,
                          strict: np.ndarray) -> list[tuple[float, int, bool]]:
        """Per article, ``(share, sentence index, strict)`` of its best-scored row (0.0, -1, False when none
        scores above 0)."""
        out = []
        for d in range(len(self.doc_rows) - 1):
            a, b = self.doc_rows[d], self.doc_rows[d + 1]
            k = int(np.argmax(score[a:b])) if b > a else -1
            if k < 0 or score[a + k] <= 0:
                out.append((0.0, -1, False))
            else:
                out.append((float(share[a + k]), k, bool(strict[a + k])))
        return out

    def best(self, terms: dict[str, float], doc: int) -> tuple[float, int]:
        """:meth:`carriers` of one article ``doc``: ``(share, sentence index)``."""
        share, k, _ = self.carriers(terms)[doc]
        return share, k
