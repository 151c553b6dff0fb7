"""Articles -> stories, incrementally.

:class:`Clusterer` assigns each arriving article to an existing story or opens
a new one; nothing already assigned is ever re-clustered.  An article is
compared only with the stories still *active*: those whose dates lie within
``window_days`` of the article's date (undated articles and stories are always
comparable).  Stories that fall out of the window are evicted from memory,
so memory and time per article stay flat as the stream grows.

What tells two events on one topic apart (two earthquakes, two trials) is
rarely the topic words and mostly the names, places, numbers and dates, so an
article is represented by one TF-IDF vector over

* content words (stemmed, stopwords dropped),
* name features ``@word`` for capitalised words inside sentences (people,
  places, organisations) and their bigrams, weighted up by ``entity_weight``
  (a headline in Title Case capitalises every word, so it gives none),
* number features ``#42`` weighted by ``number_weight``,

with IDF from a reference table when given, else from the articles the
clusterer has taken so far, this one included: the document frequencies grow
article by article in processing order, so a stream gives the same stories
whether it arrives one article at a time or in batches (in date order).  An
article joins the most
similar active story when the cosine with the story's centroid reaches
``threshold``; otherwise it opens a new story.

Two events of one topic that share their actors (two title fights of one
boxer, a coach fired and later hired by one team) share most of their words
and names; what still tells them apart is *when* they happened.  An article's
latest mentioned year (``2012`` in a text that mentions 2008 and 2012; not a
year after "since" or "died in") stands in for its date, and a story
remembers the latest years of its members: when the article's year is more
than ``year_gap`` away from every one of them, ``year_penalty`` is subtracted
from its similarity with that story (a soft check: a close enough article
still joins; an article or story without years is never penalised).

Two events of one kind in two places (a supermarket fire in Banstead, another
in Wellington) share their words too; what tells them apart is *where*.  The
places that an article's lead (title and first sentence) names after "in",
"at" or "near" (:func:`lead_places`) are checked against the story: when one
of them never occurs in the story's centroid, ``place_penalty`` is subtracted
as well (soft again: an article that names a new place but is close enough
still joins).  The features, the year and the places are read by
:mod:`storylens.event_features`.

Copies found by :mod:`storylens.dedup` join their original's story directly.

Deterministic: ties break on story creation order, a batch is processed in
(date, given order), and story ids derive from the first article's id.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Mapping, Sequence

from .features import features, latest_year, lead_places
from .options import ClusterOptions
from ..models import Article, Story
from ..text.tfidf import smoothed_idf, sublinear_tf

__all__ = ["Assignment", "ClusterOptions", "Clusterer", "NO_WINDOW", "cluster", "features", "latest_year",
           "lead_places", "story_id_for"]

NO_WINDOW = 36500  # window_days for input that is not a stream in time order: a century, i.e. no window


def _weight_of(feature: str, entity_weight: float, number_weight: float) -> float:
    if feature[0] == "@":
        return entity_weight
    if feature[0] == "#":
        return number_weight
    return 1.0


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def story_id_for(article_id: str) -> str:
    """Deterministic story id from the id of the story's first article."""
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:11]


@dataclass
class _StoryState:
    id: str
    order: int
    title: str
    first_day: int | None
    last_day: int | None
    first_seen: str | None
    last_seen: str | None
    article_ids: list[str]
    outlets: set[str]
    centroid: dict[str, float]  # sum of member unit vectors (truncated)
    norm: float
    years: set[int] = field(default_factory=set)  # the latest year mentioned by each member (if any)
    title_inferred: bool = False  # the title was made from a URL (a member's headline replaces it)
    languages: set[str] = field(default_factory=set)  # of the members, as identified
    indexed: tuple[str, ...] = ()
    active: bool = True

    def story(self) -> Story:
        return Story(id=self.id, article_ids=tuple(self.article_ids), title=self.title,
                     first_seen=self.first_seen, last_seen=self.last_seen, outlets=tuple(sorted(self.outlets)),
                     languages=tuple(sorted(self.languages)))


@dataclass(frozen=True)
class Assignment:
    """Where one article went."""

    article_id: str
    story_id: str
    duplicate_of: str | None = None
    similarity: float = 0.0
    new_story: bool = False


class Clusterer:
    """Incremental story clusterer; see the module docstring.

    >>> c = Clusterer()
    >>> a = Article("a", "A strong earthquake hit Tokyo on Monday, killing 12 people.", published="2020-01-01")
    >>> b = Article("b", "The earthquake in Tokyo killed 12 people, officials said.", published="2020-01-02")
    >>> x, y = c.add_batch([a, b])
    >>> x.story_id == y.story_id
    True
    """

    def __init__(self, options: ClusterOptions | None = None, **kwargs):
        self.options = options.with_(**kwargs) if options and kwargs else options or ClusterOptions(**kwargs)
        self._df: Counter[str] = Counter()
        self._n = 0
        self._stories: dict[str, _StoryState] = {}
        self._active: dict[str, _StoryState] = {}
        self._postings: dict[str, set[str]] = {}
        self._expiry: list[tuple[int, int, str]] = []  # (last_day, order, story id)
        self._article_story: dict[str, str] = {}
        self._max_day: int | None = None
        self._order = 0
        self._dirty: set[str] = set()
        self._df_new: Counter[str] = Counter()
        self._xl = None
        if self.options.multilingual:
            from .crosslingual import StoryEmbeddings

            self._xl = StoryEmbeddings(self.options)
        self._emb: dict[str, object] = {}  # lead embeddings of the batch being added (multilingual only)
        self._names: dict[str, frozenset[str]] = {}  # ... and its articles' names

    # -- vectors ------------------------------------------------------------------
    def _idf(self, f: str) -> float:
        ref = self.options.idf
        if ref is not None:
            v = ref.get(f if f[0] not in "@#" else f[1:])
            if v is not None:
                return v
        return smoothed_idf(self._df.get(f, 0), self._n)

    def vector(self, counts: Mapping[str, float]) -> dict[str, float]:
        """Unit TF-IDF vector of raw feature counts, with the current IDF, keeping only the
        ``vector_terms`` heaviest features (all with 0)."""
        o = self.options
        vec = {f: sublinear_tf(c) * self._idf(f) * _weight_of(f, o.entity_weight, o.number_weight)
               for f, c in counts.items()}
        k = o.vector_terms
        if k and len(vec) > k:
            vec = dict(heapq.nlargest(k, vec.items(), key=lambda kv: (kv[1], kv[0])))
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {f: v / norm for f, v in vec.items()}

    def fit_idf(self, counts: Iterable[Mapping[str, float]]) -> None:
        """Document frequencies of a whole collection at once (the archive path; the stream path
        grows them article by article)."""
        for c in counts:
            self._df.update(c.keys())
            self._n += 1

    # -- the public API --------------------------------------------------------------
    @property
    def stories(self) -> list[Story]:
        """All stories so far, in order of creation."""
        return [s.story() for s in sorted(self._stories.values(), key=lambda s: s.order)]

    def story_of(self, article_id: str) -> str | None:
        return self._article_story.get(article_id)

    def add(self, article: Article, duplicate_of: str | None = None) -> Assignment:
        return self.add_batch([article], {article.id: duplicate_of} if duplicate_of else None)[0]

    def add_batch(self, articles: Sequence[Article],
                  duplicates: Mapping[str, str | None] | None = None, *,
                  counts: Sequence[Mapping[str, float] | None] | None = None) -> list[Assignment]:
        """Assign a batch of articles to stories; results in the order given.

        ``duplicates`` maps an article id to the id of the article it copies
        (from :class:`storylens.dedup.Deduplicator`); a copy joins its
        original's story.  An article id seen before keeps its story.
        ``counts`` may give each article's :func:`features` computed elsewhere.
        """
        o = self.options
        duplicates = duplicates or {}
        order = sorted(range(len(articles)), key=lambda i: (_day(articles[i].published) is None,
                                                            _day(articles[i].published) or 0, i))
        out: list[Assignment | None] = [None] * len(articles)
        if self._xl is not None:
            fresh = [a for a in articles if a.id not in self._article_story and not duplicates.get(a.id)]
            self._emb = dict(zip((a.id for a in fresh), self._xl.embed(fresh)))
            self._names = self._xl.names_of(fresh)
        for i in order:
            a = articles[i]
            f = None
            if a.id not in self._article_story and not duplicates.get(a.id):
                given = counts[i] if counts is not None else None
                f = dict(given) if given is not None else features(a, o.entity_weight, o.number_weight)
                # the IDF as of this article's arrival (see the module docstring)
                self._df.update(f.keys())
                self._df_new.update(f.keys())
                self._n += 1
                if self._xl is not None:  # the names' document frequencies, beside the features'
                    names = [self._xl.NAME_DF + w for w in self._names.get(a.id, ())]
                    self._df.update(names)
                    self._df_new.update(names)
            out[i] = self._assign(a, f, duplicates.get(a.id))
        self._emb, self._names = {}, {}
        return out  # type: ignore[return-value]

    # -- internals --------------------------------------------------------------------
    def _assign(self, a: Article, counts: dict[str, float] | None, dup: str | None) -> Assignment:
        known = self._article_story.get(a.id)
        if known is not None:
            return Assignment(a.id, known, dup, 1.0, False)
        day = _day(a.published)
        if day is not None:
            if self._max_day is None or day > self._max_day:
                self._max_day = day
                self._evict()
        if dup and dup in self._article_story:
            sid = self._article_story[dup]
            st = self._stories.get(sid) or self._stub(sid)
            self._join(st, a, day, None)
            return Assignment(a.id, st.id, dup, 1.0, False)
        if counts is None:  # a copy of an article this clusterer never saw
            counts = features(a, self.options.entity_weight, self.options.number_weight)
        vec = self.vector(counts)
        best, best_sim, best_margin = None, 0.0, -1.0
        o = self.options
        year = latest_year(a) if o.year_penalty else None
        places = lead_places(a) if o.place_penalty else ()
        for st in self._candidates(vec, day):
            c = st.centroid
            if len(c) < len(vec):
                sim = sum(w * vec.get(f, 0.0) for f, w in c.items()) / st.norm
            else:
                sim = sum(v * c.get(f, 0.0) for f, v in vec.items()) / st.norm
            # a bigger story's centroid is a smoother average: its members score higher against it, so
            # the bar rises (slowly) with its size
            n = len(st.article_ids) or 1
            margin = sim - o.threshold - o.size_boost * math.log(n) - o.small_boost / n
            # an event signature beside the words: a year far from every member's marks another event
            if year is not None and st.years and min(abs(year - y) for y in st.years) > o.year_gap:
                margin -= o.year_penalty
            # ... and so is a place that the article's lead names and the story never mentions
            if places and not all(f in c for f in places):
                margin -= o.place_penalty
            if margin > best_margin + 1e-12 or (best is not None and abs(margin - best_margin) <= 1e-12
                                                  and st.order < best.order):
                best, best_sim, best_margin = st, sim, margin
        # a story with no member in the article's language, compared by embedding, only when no story of its
        # own language clears the bar: the embedding's margin runs higher than the words' and would pull a
        # report out of its own language's story
        if self._xl is not None and best_margin < 0:
            active = [st for st in self._active.values() if self._in_window(st, day)]
            xst, xm = self._xl.best(a.lang, self._emb.get(a.id), year, active, self._names.get(a.id, frozenset()),
                                    self._name_idf)
            if xst is not None and xm > best_margin + 1e-12:
                best, best_sim, best_margin = xst, xm + o.crosslingual_threshold, xm  # type: ignore[assignment]
        if best is not None and best_margin >= 0:
            self._join(best, a, day, vec, year)
            return Assignment(a.id, best.id, dup, best_sim, False)
        st = self._open(a, day, vec, year)
        return Assignment(a.id, st.id, dup, 1.0, True)

    def _name_idf(self, name: str) -> float | None:
        df = self._df.get(self._xl.NAME_DF + name) if self._xl is not None else None
        return math.log(self._n / df) if df else None

    def _in_window(self, st: _StoryState, day: int | None) -> bool:
        if day is None or st.first_day is None or st.last_day is None:
            return True
        w = self.options.window_days
        return st.first_day - w <= day <= st.last_day + w

    def _candidates(self, vec: Mapping[str, float], day: int | None) -> list[_StoryState]:
        o = self.options
        top = heapq.nlargest(o.index_terms, vec.items(), key=lambda kv: (kv[1], kv[0]))
        hits: dict[str, float] = {}
        for f, w in top:
            for sid in self._postings.get(f, ()):
                hits[sid] = hits.get(sid, 0.0) + w
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], self._stories[kv[0]].order))
        out = []
        for sid, _ in ranked:
            st = self._stories[sid]
            if self._in_window(st, day):
                out.append(st)
                if len(out) >= o.max_candidates:
                    break
        return out

    def _open(self, a: Article, day: int | None, vec: dict[str, float], year: int | None = None) -> _StoryState:
        sid = story_id_for(a.id)
        while sid in self._stories:  # a clash of hashes: extend deterministically
            sid = story_id_for(sid)
        st = _StoryState(id=sid, order=self._order, title="", first_day=None, last_day=None,
                         first_seen=None, last_seen=None, article_ids=[], outlets=set(),
                         centroid={}, norm=1.0)
        self._order += 1
        self._stories[sid] = st
        self._active[sid] = st
        self._join(st, a, day, vec, year)
        return st

    def _stub(self, sid: str) -> _StoryState:
        """A story evicted before this clusterer was restored: known by id only, never a candidate."""
        st = _StoryState(id=sid, order=-1, title="", first_day=None, last_day=None, first_seen=None,
                         last_seen=None, article_ids=[], outlets=set(), centroid={}, norm=1.0, active=False)
        self._stories[sid] = st
        return st

    def take_dirty(self) -> list[str]:
        """Ids of the stories changed (joined, opened or evicted) since the last call, sorted."""
        out = sorted(self._dirty)
        self._dirty.clear()
        return out

    def _join(self, st: _StoryState, a: Article, day: int | None, vec: dict[str, float] | None,
              year: int | None = None) -> None:
        self._dirty.add(st.id)
        st.article_ids.append(a.id)
        if a.lang:
            st.languages.add(a.lang)
        if self._xl is not None and st.active:
            self._xl.join(st.id, self._emb.get(a.id), a.lang, self._names.get(a.id, frozenset()))
        self._article_story[a.id] = st.id
        if a.outlet:
            st.outlets.add(a.outlet)
        if a.title and (not st.title or (st.title_inferred and not a.title_inferred)):
            st.title, st.title_inferred = a.title, a.title_inferred
        if day is not None:
            if st.first_day is None or day < st.first_day:
                st.first_day, st.first_seen = day, a.published
            if st.last_day is None or day > st.last_day:
                st.last_day, st.last_seen = day, a.published
                heapq.heappush(self._expiry, (day, st.order, st.id))
        if vec is None or not st.active:
            return
        if year is not None:
            st.years.add(year)
        c = st.centroid
        for f, v in vec.items():
            c[f] = c.get(f, 0.0) + v
        if len(c) > self.options.centroid_terms * 2:
            keep = heapq.nlargest(self.options.centroid_terms, c.items(), key=lambda kv: (kv[1], kv[0]))
            st.centroid = c = dict(keep)
        st.norm = math.sqrt(sum(v * v for v in c.values())) or 1.0
        self._reindex(st)

    def _reindex(self, st: _StoryState) -> None:
        top = tuple(f for f, _ in heapq.nlargest(self.options.index_terms, st.centroid.items(),
                                                 key=lambda kv: (kv[1], kv[0])))
        old = set(st.indexed)
        new = set(top)
        for f in old - new:
            ids = self._postings.get(f)
            if ids is not None:
                ids.discard(st.id)
                if not ids:
                    del self._postings[f]
        for f in new - old:
            self._postings.setdefault(f, set()).add(st.id)
        st.indexed = top

    def _evict(self) -> None:
        """Drop stories whose last article is older than the window from memory."""
        if self._max_day is None:
            return
        limit = self._max_day - self.options.window_days
        while self._expiry and self._expiry[0][0] < limit:
            day, _, sid = heapq.heappop(self._expiry)
            st = self._stories.get(sid)
            if st is None or not st.active or (st.last_day is not None and st.last_day >= limit):
                continue
            for f in st.indexed:
                ids = self._postings.get(f)
                if ids is not None:
                    ids.discard(sid)
                    if not ids:
                        del self._postings[f]
            st.indexed = ()
            st.centroid = {}
            st.years = set()
            st.active = False
            if self._xl is not None:
                self._xl.drop(sid)
            self._active.pop(sid, None)
            self._dirty.add(sid)

    # -- state for a store ----------------------------------------------------------------
    def state_of(self, story_id: str) -> dict:
        """One story's state to persist (``centroid`` empty once evicted).

        The members' years travel inside ``centroid`` as zero-weight ``~YYYY``
        keys (no feature starts with ``~``), so a store keeps them without a
        schema change; :meth:`restore` takes them out again.
        """
        s = self._stories[story_id]
        centroid = dict(s.centroid)
        if s.active:
            centroid.update((f"~{y}", 0.0) for y in sorted(s.years))
            if self._xl is not None:
                centroid.update(self._xl.state(s.id))
        return {"id": s.id, "order": s.order, "title": s.title, "title_inferred": s.title_inferred,
                "first_seen": s.first_seen,
                "last_seen": s.last_seen, "active": s.active, "centroid": centroid}

    def take_df_delta(self) -> dict[str, int]:
        """Document-frequency counts added since the last call (to persist)."""
        out = dict(self._df_new)
        self._df_new = Counter()
        return out

    @property
    def n_seen(self) -> int:
        return self._n

    def restore(self, stories: Iterable[dict], df: Mapping[str, int], n: int,
                article_story: Mapping[str, str]) -> None:
        """Load persisted state: active stories, document frequencies and known articles."""
        self._df = Counter(df)
        self._n = int(n)
        self._article_story.update(article_story)
        for d in stories:
            st = _StoryState(id=d["id"], order=int(d["order"]), title=d.get("title") or "",
                             first_day=_day(d.get("first_seen")), last_day=_day(d.get("last_seen")),
                             first_seen=d.get("first_seen"), last_seen=d.get("last_seen"),
                             article_ids=list(d.get("article_ids") or ()), outlets=set(d.get("outlets") or ()),
                             centroid=dict(d.get("centroid") or {}), norm=1.0,
                             title_inferred=bool(d.get("title_inferred")))
            extra = {f: st.centroid.pop(f) for f in [f for f in st.centroid if f[:1] == "~"]}
            if self._xl is not None:
                self._xl.restore(st.id, extra)
            for f in extra:
                if f[1:].isdigit():
                    st.years.add(int(f[1:]))
            st.norm = math.sqrt(sum(v * v for v in st.centroid.values())) or 1.0
            self._stories[st.id] = st
            self._active[st.id] = st
            if st.last_day is not None:
                heapq.heappush(self._expiry, (st.last_day, st.order, st.id))
                self._max_day = max(self._max_day or st.last_day, st.last_day)
            self._reindex(st)
            self._order = max(self._order, st.order + 1)


def cluster(articles: Sequence[Article], options: ClusterOptions | None = None,
            dedup: bool = True, *, mode: str = "archive") -> list[Story]:
    """Cluster one list of articles into stories (copies folded into their original's story): the
    whole collection at once (``mode="archive"``, :mod:`storylens.stories.archive`) or one article at
    a time in (date, given order) with the time window (``mode="stream"``)."""
    from .archive import cluster_collection

    return cluster_collection(articles, options, mode=mode, dedup=dedup).stories
