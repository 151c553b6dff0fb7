"""Which articles carry a candidate's content, and the citations of a summary made from that.

A candidate's *support* is the other articles whose sentence is close to it in the pool's TF-IDF space, or
that hold an exact copy of it.  A summary sentence cites its own article, its support, and every article that
carries its claim in other words (:mod:`storylens.text.claims`); an article whose matching sentence counts
the same thing with another figure is listed under ``conflicts`` instead of cited.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Iterator, Sequence

import numpy as np

from ..models import Citation, Sentence, Summary, SummarySentence
from ..text.claims import (DANGLING, ArticleNumbers, days_told, denies, figures, figures_agree, other_days,
                           stated_numbers, states_all, weekdays)
from ..text.lexicon import IRREGULAR_PAST
from ..text.numbers import FOREIGN_NUMBER_LANGS
from ..text.segment import words
from ..text.tfidf import STOPWORDS
# the claim index, its terms and its thresholds (re-exported: support is where citations are read from)
from .support_index import (ANCHOR_VALUE, ANCHORED_SHARE, ANCHORED_WORDS, CARRIES, CONTAINED, CONTAINED_SHARE,
                            CONTAINED_WORDS, LOOSE_RARE, LOOSE_RARITY, LOOSE_SHARE, LOOSE_WORDS, MIN_SHARED,
                            SHORT_SHARE, ClaimIndex, _may_count, _term, claim_terms)

__all__ = ["ANCHOR_VALUE", "ANCHORED_SHARE", "ANCHORED_WORDS", "CARRIES", "CONTAINED", "CONTAINED_SHARE",
           "CONTAINED_WORDS", "LOOSE_RARE", "LOOSE_RARITY", "LOOSE_SHARE", "LOOSE_WORDS", "MIN_SHARED",
           "SHORT_SHARE", "ClaimIndex", "carrier_counts", "checked_support", "cite", "claim_carriers",
           "claim_index", "claim_terms", "exact_copies", "exact_span", "gives_all", "main_clause", "support_of",
           "support_spans", "verb_terms"]

if TYPE_CHECKING:
    from ..prepare import Quantities
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


#: an article's sentences the claim index reads, its first ones: a news article has far fewer, and a file of
#: a few book-length articles stays bounded (as the pool's candidates are), not quadratic in their length
MAX_INDEXED = 3000
# where a sentence's main clause ends and a clause that only adds to it begins: ", where Moscow is helping ...",
# ", and has seen ...", ", as rebel fire killed ...", "; ..."
_CLAUSE_END = re.compile(r",\s+(?:where|which|who|whose|as|after|while|with|including|and|but|although|though|"
                         r"when|amid|despite|according|said|says)\b|;\s")
# a verb of the clause: a past tense ("cancelled", "fell") or a form of "be" and a participle ("was flying"); not
# a participle alone ("a small plane carrying Kennedy, his wife, ..."); a word of three letters or fewer before
# "-ed" is no verb ("red", "bed")
_PAST = re.compile(rf"[a-z]{{3,}}ed|{IRREGULAR_PAST}")
_BE = frozenset({"is", "are", "was", "were", "be", "been"})
# a participle after these is no verb of the clause: "If convicted, he faces the death penalty", "when asked"
_CONDITION = frozenset({"if", "when", "once", "unless", "until", "though", "although"})
#: the fewest content terms a main clause needs to be scored alone, and the most of the sentence it may hold
MAIN_CLAUSE_TERMS = 4
MAIN_CLAUSE_PART = 0.75


def verb_terms(low: Sequence[str]) -> frozenset[str]:
    """The terms of a sentence's verbs (its lower-cased words): past tenses, and participles after a form of
    "be" ("was flying", "is targeting")."""
    return frozenset(_term(w) for i, w in enumerate(low) if w not in STOPWORDS and (
        (_PAST.fullmatch(w) and not (i > 0 and low[i - 1] in _CONDITION))
        or (w.endswith("ing") and i > 0 and low[i - 1] in _BE)))


def main_clause(text: str, terms: dict[str, float]) -> tuple[dict[str, float], frozenset[str]] | None:
    """The terms of ``text``'s main clause when a clause that only adds to it follows, with the terms of its
    verbs (an article that reports the main clause, its verb included, carries the sentence's claim: "Putin
    cancelled a trip to Paris" for "Putin meanwhile cancelled a trip to Paris in a row over the violence in
    Syria, where Moscow is helping ..."), else None.  The clause must hold MAIN_CLAUSE_TERMS words at least
    and at most MAIN_CLAUSE_PART of the sentence's, and a verb that is not an auxiliary."""
    m = _CLAUSE_END.search(text)
    if m is None:
        return None
    head = text[:m.start()]
    low = words(head)
    verbs = verb_terms(low)
    if not verbs:  # "US secretary of state John Kerry, who ...": a subject, no clause
        return None
    got = claim_terms(head, low)
    n = sum(t[0] != "#" for t in got)
    if n < MAIN_CLAUSE_TERMS or n > MAIN_CLAUSE_PART * sum(t[0] != "#" for t in terms):
        return None
    return got, verbs & got.keys()


def claim_index(pool: "SentencePool") -> ClaimIndex:
    """What the sentences of every article claim (for the citations of other wording): each article's first
    :data:`MAX_INDEXED` sentences, their words read from the prepared document and not kept there."""
    docs = pool.documents if len(pool.documents) == len(pool.all_sentences) else None

    def rows(d: int, sents: Sequence[Sentence]) -> Iterator[tuple[str, Sequence[str], "Quantities | None"]]:
        # the document's quantities where they are read as figures() reads them (English number writing)
        kept = docs is not None and docs[d].article.lang not in FOREIGN_NUMBER_LANGS
        for s in sents[:MAX_INDEXED]:
            ws = docs[d].words(s.position, keep=False) if docs is not None else words(s.text)
            if not _may_count(s.text, ws):
                yield s.text, ws, ()
            else:
                yield s.text, ws, (docs[d].quantities(s.position) if kept and docs is not None else None)

    return ClaimIndex(rows(d, sents) for d, sents in enumerate(pool.all_sentences))


def claim_carriers(pool: "SentencePool", text: str) -> list[tuple[float, int, bool]]:
    """:meth:`ClaimIndex.carriers` of a sentence's claim, and where an article carries none of it, of its
    main clause (:func:`main_clause`) where the article's sentence has the clause's verbs: a looser match,
    that cites only where it gives every figure."""
    low = words(text)
    terms = claim_terms(text, low)
    got = pool.claims.carriers(terms, lambda r: _verbs_at(pool, r))
    if len(terms) <= MIN_SHARED and all(t[0] != "#" for t in terms):  # a short claim without a figure: its verb
        verbs = verb_terms(low) & terms.keys()
        # a sentence cut short ("According to police, Kimani Gray had a."): too little to match loosely
        thin = bool(low) and low[-1] in DANGLING
        # and what it denies, a sentence that denies it too: "Police couldn't say how many shots were fired" is
        # not "he was fired last week and shot ..., police said"
        negated = denies(text)
        got = [(sh, k, st) if st or k < 0 or (not thin and _has(pool, d, k, verbs)
                                              and (not negated or denies(pool.all_sentences[d][k].text)))
               else (0.0, -1, False) for d, (sh, k, st) in enumerate(got)]
    said = _SAID.search(text)
    if said and any(k < 0 for _, k, _ in got):
        got = _reported(pool, got, said.group(1))
    head = main_clause(text, terms) if any(k < 0 for _, k, _ in got) else None
    if head is None:
        return got
    clause, verbs = head
    out = []
    for d, ((sh, k, st), (h_sh, h_k, _)) in enumerate(zip(got, pool.claims.carriers(clause))):
        if k < 0 and h_k >= 0 and verbs and _has(pool, d, h_k, verbs):
            sh, k, st = h_sh, h_k, False
        out.append((sh, k, st))
    return out


# what someone says: "The Syrian and Russian governments say they target only terrorists"
_SAID = re.compile(r"\b(?:say|says|said)\s+(?:that\s+)?([^,;:]+?)[.!?\u201d\"']*$")
#: the fewest content terms a reported claim needs to be looked for alone
REPORTED_TERMS = 2


def _reported(pool: "SentencePool", got: list[tuple[float, int, bool]],
              claim: str) -> list[tuple[float, int, bool]]:
    """Where an article carries none of a sentence that reports what someone says, the sentence of it that
    also reports something said and holds every term of the claim ("The army says it is targeting only
    militants" for "The Syrian and Russian governments say they target only terrorists"): a looser match."""
    terms = claim_terms(claim, words(claim))
    if sum(t[0] != "#" for t in terms) < REPORTED_TERMS:
        return got
    out = []
    for d, ((sh, k, st), (r_sh, r_k, _)) in enumerate(zip(got, pool.claims.carriers(terms))):
        if k < 0 and r_k >= 0:
            o = pool.all_sentences[d][r_k].text
            if _SAID_ANY.search(o) and terms.keys() <= claim_terms(o, words(o)).keys():
                sh, k, st = r_sh, r_k, False
        out.append((sh, k, st))
    return out


_SAID_ANY = re.compile(r"\b(?:say|says|said)\b")


def _verbs_at(pool: "SentencePool", row: int) -> frozenset[str]:
    """:func:`verb_terms` of the claim index's sentence ``row``."""
    d = bisect.bisect_right(pool.claims.doc_rows, row) - 1
    return verb_terms(words(pool.all_sentences[d][row - pool.claims.doc_rows[d]].text))


def _has(pool: "SentencePool", d: int, k: int, terms: frozenset[str]) -> bool:
    """Whether sentence ``k`` of article ``d`` holds every one of ``terms``."""
    o = pool.all_sentences[d][k].text
    return terms <= claim_terms(o, words(o)).keys()


def cite(pool: "SentencePool", chosen: Sequence[int], method: str = "", max_words: int = 0) -> Summary:
    """The chosen candidates as a summary, each sentence with its citations, evidence and conflicts."""
    out = []
    numbers = ArticleNumbers(pool.articles)
    for i in chosen:
        s = pool.sentences[i]
        own = Citation(s.article_id, s.doc_index, s.start, s.end)
        cites, conflicts = checked_support(pool, s, support_spans(pool, i), numbers)
        cites = [own] + cites
        out.append(SummarySentence(
            text=s.text,
            citations=tuple(c.doc_index for c in cites),
            evidence=tuple(cites),
            conflicts=tuple(conflicts),
        ))
    return Summary(tuple(out), method=method, max_words=max_words)


def support_spans(pool: "SentencePool", i: int) -> list[Citation]:
    """The spans of candidate ``i``'s support (:func:`support_of`): the matching sentence, or the copy."""
    s = pool.sentences[i]
    cites: list[Citation] = []
    for d, j in pool.support_of(i).items():
        if j >= 0 and pool.sentences[j].doc_index == d:
            o = pool.sentences[j]
            cites.append(Citation(o.article_id, d, o.start, o.end))
        elif j >= 0:  # d holds an exact copy of candidate j
            cites.append(exact_span(pool, d, pool.sentences[j].text))
        else:
            cites.append(exact_span(pool, d, s.text))
    return cites


def checked_support(pool: "SentencePool", s: Sentence, cites: list[Citation],
                    numbers: ArticleNumbers | None = None) -> tuple[list[Citation], list[Citation]]:
    """``(cited, conflicts)``: the support whose figures do not contradict ``s``, with every other
    article that carries its claim in other words added; the rest of the matches that contradict it.  An
    article is cited only where it states every number ``s`` writes in digits (``numbers``: what each
    article states, read once for a summary's sentences)."""
    kept, conflicts = _matched_support(pool, s, cites)
    need = stated_numbers(s.text, pool.articles[s.doc_index].lang)
    if need and kept:
        numbers = ArticleNumbers(pool.articles) if numbers is None else numbers
        kept = [c for c in kept if states_all(need, numbers[c.doc_index])]
    return kept, conflicts


def _matched_support(pool: "SentencePool", s: Sentence,
                     cites: list[Citation]) -> tuple[list[Citation], list[Citation]]:
    figs = figures(s.text)
    kept: list[Citation] = []
    conflicts: list[Citation] = []
    days = _days_of(pool, s)
    for c in cites:
        other = pool.articles[c.doc_index].text[c.start:c.end]
        if figs and other_days(days, _days_at(pool, c)):
            continue  # the same words of another day's event
        (conflicts if figs and figures_agree(figs, figures(other))[1] else kept).append(c)
    taken = {s.doc_index} | {c.doc_index for c in cites}
    for d, (_, k, strict) in enumerate(claim_carriers(pool, s.text)):
        if d in taken or k < 0 or (figs and other_days(days, days_told(pool.all_sentences[d], k))):
            continue
        o = pool.all_sentences[d][k]
        theirs = figures(o.text) if figs else {}
        agree, conflict = figures_agree(figs, theirs) if figs else (True, False)
        if not strict and (conflict or not gives_all(figs, theirs)):
            continue  # a looser match cites only where it gives every figure, and never contradicts
        if conflict:
            conflicts.append(Citation(o.article_id, d, o.start, o.end))
        elif agree or (strict and gives_values(figs, theirs)):
            # a sentence with figures is carried only by an article that gives them: a close match may name
            # what it counts otherwise ("23 Somali and Yemeni sea brigands" for "23 Somali and Yemeni pirates")
            kept.append(Citation(o.article_id, d, o.start, o.end))
    return sorted(kept, key=lambda c: c.doc_index), sorted(conflicts, key=lambda c: c.doc_index)


def _days_at(pool: "SentencePool", c: Citation) -> frozenset[str]:
    """:func:`days_told` of the sentence a citation points to (none for an article's empty span)."""
    sents = pool.all_sentences[c.doc_index]
    k = bisect.bisect_left([o.start for o in sents], c.start)
    return days_told(sents, k) if k < len(sents) and sents[k].start == c.start and c.end > c.start else frozenset()


def _days_of(pool: "SentencePool", s: Sentence) -> frozenset[str]:
    sents = pool.all_sentences[s.doc_index]
    k = s.position
    if not (0 <= k < len(sents) and sents[k].start == s.start):
        return weekdays(s.text)
    return days_told(sents, k)


def gives_all(figs: dict[str, set[float]], theirs: dict[str, set[float]]) -> bool:
    """Whether ``theirs`` gives one of the values of every thing ``figs`` counts."""
    return all(values & theirs.get(head, set()) for head, values in figs.items())


def gives_values(figs: dict[str, set[float]], theirs: dict[str, set[float]]) -> bool:
    """Whether ``theirs`` gives one of the values of every thing ``figs`` counts, as a count of the same
    thing or, where both count a noun, of another ("23 sea brigands" for "23 pirates"; not "Kennedy, 38, was"
    for "at 8:38 p.m.": no nouns)."""
    nouns = [v for h, v in theirs.items() if _noun(h)]
    return all(values & theirs.get(head, set()) or (_noun(head) and any(values & v for v in nouns))
               for head, values in figs.items())


def _noun(head: str) -> bool:
    """Whether a figure's counted thing is a word that may be a noun (not "p", "was", "into")."""
    return len(head) >= 3 and head.isalpha() and head not in STOPWORDS


def exact_span(pool: "SentencePool", doc: int, text: str) -> Citation:
    """The span of article ``doc``'s sentence with ``text`` (case and spacing aside); the article's empty
    span when it has none."""
    key = " ".join(text.lower().split())
    for o in pool.all_sentences[doc]:
        if " ".join(o.text.lower().split()) == key:
            return Citation(o.article_id, doc, o.start, o.end)
    a = pool.articles[doc]
    return Citation(a.id, doc, 0, 0)


def carrier_counts(pool: "SentencePool") -> np.ndarray:
    """For each candidate, the number of articles its citation would name (:func:`cite`): its own, those
    with the same content (the pool's support) and those that carry its claim in other words, less those
    whose figures contradict it.  For a selection that prefers what several sources report."""
    numbers = ArticleNumbers(pool.articles)
    return np.asarray([1 + len(checked_support(pool, s, support_spans(pool, i), numbers)[0])
                       for i, s in enumerate(pool.sentences)], dtype=np.float64)
