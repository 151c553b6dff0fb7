"""Which articles carry a candidate's content, and the citations of a summary made from that.

A candidate's *support* is the other articles whose sentence is close to it in the pool's TF-IDF space, or
that hold an exact copy of it.  A summary sentence cites its own article, its support, and every article that
carries its claim in other words (:mod:`storylens.text.claims`); an article whose matching sentence counts
the same thing with another figure is listed under ``conflicts`` instead of cited.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Sequence

import numpy as np

from ..models import Citation, Sentence, Summary, SummarySentence
from ..text.claims import figures, figures_agree
from ..text.lexicon import SAME_CLAIM_WORDS
from ..text.segment import words
from ..text.tfidf import STOPWORDS, stem

if TYPE_CHECKING:
    from .pool import SentencePool


def support_of(pool: "SentencePool", i: int) -> dict[int, int]:
    """``{doc_index: candidate index of its best match}`` over the other articles whose sentence carries
    candidate ``i``'s content (-1: an exact copy of the candidate itself; a candidate of another article:
    that article holds an exact copy of it)."""
    sims = pool.similarity[i]
    exact = pool._exact
    own = pool.sentences[i].doc_index
    best: dict[int, tuple[float, int]] = {}
    hits = np.flatnonzero(sims >= pool.support_threshold)
    matched = hits.tolist()
    for j, v, d in zip(matched, sims[hits].tolist(), pool.doc_of[hits].tolist()):
        if d == own:
            continue
        b = best.get(d)
        if b is None or v > b[0]:
            best[d] = (v, j)
    row = {d: j for d, (_, j) in sorted(best.items())}
    for d in exact.get(i, ()):
        row.setdefault(d, -1)
    # an article whose exact copy of a matching sentence was deduplicated away
    if exact:
        for j in matched:
            for d in exact.get(j, ()):
                if d != own:
                    row.setdefault(d, j)
    return dict(sorted(row.items()))


def exact_copies(pool: "SentencePool") -> dict[int, list[int]]:
    """Candidates whose exact text also appears in other articles."""
    keys = getattr(pool, "_keys", None)
    if keys is None or len(keys) != len(pool.sentences):
        keys = [" ".join(s.text.lower().split()) for s in pool.sentences]
    index = dict(zip(keys, range(len(keys))))
    # a sentence with a candidate's very text has that candidate's key: no need to compute it
    by_text = {s.text: i for i, s in enumerate(pool.sentences)}
    found: dict[int, list[int]] = {}
    for d, sents in enumerate(pool.all_sentences):
        for s in sents:
            i = by_text.get(s.text)
            if i is None:
                i = index.get(" ".join(s.text.lower().split()))
            if i is not None and pool.sentences[i].doc_index != d and d not in found.get(i, []):
                found.setdefault(i, []).append(d)
    return found


#: the share of a sentence's content (weighted by rarity) another sentence must hold to carry its claim
CARRIES = 0.5
#: and the fewest terms the two must share
MIN_SHARED = 4
# a run of capitalised words (with "of", "for", "the" between them): one name, however many words it has
_NAME_RUN = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+(?:(?:of|for|the|al|de|bin)\s+)?[A-Z][\w'\u2019.-]*)+")
_SAME = {stem(k): stem(v) for k, v in SAME_CLAIM_WORDS.items()}


def _term(word: str) -> str:
    t = stem(word)
    return _SAME.get(t, t)


def claim_terms(text: str, low_words: Sequence[str]) -> dict[str, float]:
    """What a sentence claims, as terms with their share of one word: its stemmed content words (a word
    and those news copy uses for it as one term), each word of a name of n words 1/n, and each figure it
    gives (what it counts and its value) as one term."""
    terms = {_term(w): 1.0 for w in low_words if len(w) > 2 and w not in STOPWORDS and not w[0].isdigit()}
    for m in _NAME_RUN.finditer(text):
        parts = {_term(w) for w in words(m.group())} & terms.keys()
        for t in parts:
            terms[t] = min(terms[t], 1.0 / len(parts))
    for head, values in figures(text).items():
        for v in values:
            terms[f"#{head}={v:g}"] = 1.0
    return terms


class ClaimIndex:
    """What every sentence of a story's articles claims (:func:`claim_terms`), and how rare each term is
    among them."""

    def __init__(self, sentences: Sequence[Sequence[tuple[str, Sequence[str]]]]) -> None:
        #: per article, per sentence, its terms
        self.terms = [[claim_terms(text, ws) for text, ws in doc] for doc in sentences]
        df: Counter[str] = Counter()
        for doc in self.terms:
            for t in doc:
                df.update(t.keys())
        n = sum(len(doc) for doc in self.terms)
        self.idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}

    def best(self, terms: dict[str, float], doc: int) -> tuple[float, int]:
        """``(share, sentence index)`` of the sentence of article ``doc`` that holds the most of ``terms``
        (share 0.0 and index -1 when none shares :data:`MIN_SHARED` of them).  A figure counts for
        the share where the other sentence gives it too, and against it nowhere (a figure it does not give
        is the figure check's business, not the wording's)."""
        idf = self.idf
        wording = sum(idf.get(t, 1.0) * m for t, m in terms.items() if t[0] != "#")
        best, at = 0.0, -1
        for k, other in enumerate(self.terms[doc]):
            shared = terms.keys() & other.keys()
            if len(shared) >= MIN_SHARED:
                got = sum(idf.get(t, 1.0) * terms[t] for t in shared)
                figs = sum(idf.get(t, 1.0) * terms[t] for t in shared if t[0] == "#")
                share = got / ((wording + figs) or 1.0)
                if share > best:
                    best, at = share, k
        return best, at


def claim_index(pool: "SentencePool") -> ClaimIndex:
    """What every sentence of every article claims (for the citations of other wording)."""
    docs = pool.documents if len(pool.documents) == len(pool.all_sentences) else None
    return ClaimIndex([[(s.text, docs[d].words(s.position) if docs is not None else words(s.text)) for s in sents]
                       for d, sents in enumerate(pool.all_sentences)])


def cite(pool: "SentencePool", chosen: Sequence[int], method: str = "", max_words: int = 0) -> Summary:
    """The chosen candidates as a summary, each sentence with its citations, evidence and conflicts."""
    out = []
    for i in chosen:
        s = pool.sentences[i]
        own = Citation(s.article_id, s.doc_index, s.start, s.end)
        cites: list[Citation] = []
        for d, j in pool.support_of(i).items():
            if j >= 0 and pool.sentences[j].doc_index == d:
                o = pool.sentences[j]
                cites.append(Citation(o.article_id, d, o.start, o.end))
            elif j >= 0:  # d holds an exact copy of candidate j
                cites.append(exact_span(pool, d, pool.sentences[j].text))
            else:
                cites.append(exact_span(pool, d, s.text))
        cites, conflicts = checked_support(pool, s, cites)
        cites = [own] + cites
        out.append(SummarySentence(
            text=s.text,
            citations=tuple(c.doc_index for c in cites),
            evidence=tuple(cites),
            conflicts=tuple(conflicts),
        ))
    return Summary(tuple(out), method=method, max_words=max_words)


def checked_support(pool: "SentencePool", s: Sentence,
                    cites: list[Citation]) -> tuple[list[Citation], list[Citation]]:
    """``(cited, conflicts)``: the support whose figures do not contradict ``s``, with every other
    article that carries its claim in other words added; the rest of the matches that contradict it."""
    figs = figures(s.text)
    kept: list[Citation] = []
    conflicts: list[Citation] = []
    for c in cites:
        other = pool.articles[c.doc_index].text[c.start:c.end]
        (conflicts if figs and figures_agree(figs, figures(other))[1] else kept).append(c)
    taken = {s.doc_index} | {c.doc_index for c in cites}
    terms = claim_terms(s.text, words(s.text))
    for d in range(len(pool.articles)):
        if d in taken:
            continue
        share, k = pool.claims.best(terms, d)
        if share < CARRIES:
            continue
        o = pool.all_sentences[d][k]
        agree, conflict = figures_agree(figs, figures(o.text)) if figs else (True, False)
        if conflict:
            conflicts.append(Citation(o.article_id, d, o.start, o.end))
        elif agree:  # a sentence with figures is carried only by an article that gives them
            kept.append(Citation(o.article_id, d, o.start, o.end))
    return sorted(kept, key=lambda c: c.doc_index), sorted(conflicts, key=lambda c: c.doc_index)


def exact_span(pool: "SentencePool", doc: int, text: str) -> Citation:
    """The span of article ``doc``'s sentence with ``text`` (case and spacing aside); the article's empty
    span when it has none."""
    key = " ".join(text.lower().split())
    for o in pool.all_sentences[doc]:
        if " ".join(o.text.lower().split()) == key:
            return Citation(o.article_id, doc, o.start, o.end)
    a = pool.articles[doc]
    return Citation(a.id, doc, 0, 0)
