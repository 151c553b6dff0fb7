"""Articles -> stories, for a collection taken as a whole (an archive, a research corpus, a folder).

The incremental :class:`~storylens.stories.clusterer.Clusterer` decides each article once, on what came
before it; a collection that is all there at once deserves a global method.  This one reads the same
lexical features (TF-IDF over content words, ``@names`` and ``#numbers``, with the IDF of the whole
collection) and the same event checks, then runs **average-link agglomerative clustering** on a sparse
graph of candidate pairs:

* **candidate blocking**, never a dense n x n matrix: each article is indexed under its
  ``index_terms`` heaviest features (the clusterer's own candidate index) and is compared only with
  the ``archive_candidates`` earlier articles that share the most index weight with it.  An article
  reads at most ``archive_postings`` postings in all: its rarest feature's list first, then the
  commoner ones' latest entries (in date order) while that budget lasts, so a feature that half the
  archive carries costs no more than a rare one and the cost per article does not grow with the
  collection.  Work and memory grow with n x candidates.
* **a pair's similarity** is the cosine of the two vectors, less ``year_penalty`` when both have a
  latest year and the years are more than ``year_gap`` apart, less ``place_penalty`` when a place that
  one article's lead names never occurs in the other's features (both checks of the clusterer, read
  pairwise).  With an explicit time window (``window_days`` given, see :func:`cluster_collection`)
  two dated articles further apart than the window are never paired.
* **average link**: two stories merge, highest first, while the mean similarity over all their member
  pairs reaches ``archive_threshold`` (a pair that was never a candidate counts 0).

Copies found by dedup join their original's story.  Deterministic: articles are taken in (date, given
order), ties break on that order, and a story's id derives from its first article's id as in the
clusterer.  Extra pair edges (the cross-lingual ones of :mod:`storylens.stories.crosslingual`) enter
through ``extra_pairs``.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from ..models import Article, Story
from .clusterer import Assignment, ClusterOptions, Clusterer, _day, story_id_for
from ..text.language import identify
from .features import features, latest_year, lead_places
from .options import MODES

__all__ = ["ArchiveResult", "MODES", "average_link", "candidate_pairs", "cluster_archive", "cluster_collection"]

Pairs = dict[tuple[int, int], float]


@dataclass(frozen=True)
class ArchiveResult:
    """Where each article went (in the order given) and the stories (in order of their first article)."""

    assignments: list[Assignment]
    stories: list[Story]


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(f, 0.0) for f, v in a.items())


def candidate_pairs(vectors: Sequence[Mapping[str, float]], options: ClusterOptions,
                    days: Sequence[int | None] | None = None, window: int | None = None) -> list[tuple[int, int]]:
    """Pairs ``(j, i)``, ``j < i``, that share index weight (see the module docstring); vectors are
    given in processing order."""
    o = options
    postings: dict[str, list[int]] = defaultdict(list)
    out: list[tuple[int, int]] = []
    for i, vec in enumerate(vectors):
        top = heapq.nlargest(o.index_terms, vec.items(), key=lambda kv: (kv[1], kv[0]))
        hits: dict[int, float] = defaultdict(float)
        budget = o.archive_postings
        # rarest feature first: its whole posting list, then the commoner ones' latest entries while the
        # budget lasts, so an article costs at most archive_postings hits however common its words are
        for f, w in sorted(top, key=lambda kv: (len(postings.get(kv[0], ())), kv[0])):
            p = postings.get(f, [])
            for j in (p[-budget:] if len(p) > budget else p):
                hits[j] += w
            budget -= len(p)
            if budget <= 0:
                break
        # the best few without sorting every hit (a common feature's posting list is long); with a
        # window some are skipped, so all are ranked
        key = lambda kv: (-kv[1], kv[0])  # noqa: E731
        ranked = heapq.nsmallest(o.archive_candidates, hits.items(), key=key) if window is None else \
            sorted(hits.items(), key=key)
        taken = 0
        for j, _ in ranked:
            if window is not None and days is not None and days[i] is not None and days[j] is not None \
                    and abs(days[i] - days[j]) > window:  # type: ignore[operator]
                continue
            out.append((j, i))
            taken += 1
            if taken >= o.archive_candidates:
                break
        for f, _ in top:
            p = postings[f]
            p.append(i)
            if len(p) > 2 * o.archive_postings:
                del p[:len(p) - o.archive_postings]
    return out


def average_link(n: int, pairs: Pairs, threshold: float) -> list[int]:
    """Average-link agglomerative clustering of ``n`` items on a sparse graph of pair similarities
    (absent pairs count 0); returns each item's cluster, named by its smallest member."""
    size = [1] * n
    link: list[dict[int, float]] = [dict() for _ in range(n)]  # cluster -> neighbour -> summed similarity
    for (a, b), s in pairs.items():
        link[a][b] = link[a].get(b, 0.0) + s
        link[b][a] = link[b].get(a, 0.0) + s
    heap = [(-s, a, b) for (a, b), s in sorted(pairs.items()) if a < b and s >= threshold]
    heapq.heapify(heap)
    alive = [True] * n
    parent = list(range(n))  # a merged cluster keeps the smaller name: a cluster is named by its smallest member
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or b not in link[a]:
            continue
        mean = link[a][b] / (size[a] * size[b])
        if abs(mean + neg) > 1e-12:
            # stale: a mean that fell since (its cluster grew) goes back with its true value; a mean that
            # rose was pushed again when it rose
            if threshold <= mean < -neg:
                heapq.heappush(heap, (-mean, a, b))
            continue
        keep, gone = (a, b) if a < b else (b, a)
        alive[gone] = False
        parent[gone] = keep
        size[keep] += size[gone]
        touched = [c for c in link[gone] if c != keep]
        for c in touched:
            link[c].pop(gone, None)
            link[keep][c] = link[keep].get(c, 0.0) + link[gone][c]
            link[c][keep] = link[keep][c]
        link[keep].pop(gone, None)
        link[gone] = {}
        # only the means with the merged cluster's new neighbours can rise; the others fell and their
        # entries on the heap are upper bounds, re-checked when popped (the same merges as pushing all)
        for c in touched:
            mean = link[keep][c] / (size[keep] * size[c])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(keep, c), max(keep, c)))
    return [_find(parent, i) for i in range(n)]


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def cluster_collection(articles: Sequence[Article], options: ClusterOptions | None = None, *,
                       mode: str = "archive", dedup: bool = True, window_days: int | None = None,
                       multilingual: bool = False) -> ArchiveResult:
    """What ``storylens cluster FILES`` runs: dedup, then the archive path (the whole collection at
    once; ``window_days`` pairs only dated articles at most that many days apart, none by default) or
    the stream path (``mode="stream"``: the incremental clusterer in (date, given order) with its
    time window, ``window_days`` or the options' own).  Each article's language is identified first
    (when not given); ``multilingual`` pairs articles of two languages by their leads' embeddings
    (:mod:`storylens.stories.crosslingual`, extra: ``multilingual``; in stream mode the clusterer's
    ``ClusterOptions(multilingual=True)``)."""
    from ..errors import ConfigError
    from .dedup import Deduplicator

    if mode not in MODES:
        raise ConfigError(f"unknown clustering mode {mode!r}; choose one of: {', '.join(MODES)}")
    o = options or ClusterOptions()
    multilingual = multilingual or o.multilingual
    articles = identify(articles)
    dups: dict[str, str | None] = {}
    if dedup:
        dups = {r.article_id: r.duplicate_of for r in Deduplicator().add_batch(list(articles))}
    if mode == "archive":
        extra = None
        if multilingual:
            from .crosslingual import LeadEmbedder, crosslingual_pairs

            embedder = LeadEmbedder()

            def extra(arts: Sequence[Article]) -> Pairs:
                return crosslingual_pairs(arts, o, embedder)
        return cluster_archive(articles, o, dups, window=window_days, extra_pairs=extra)
    o = o.with_(multilingual=True) if multilingual else o
    c = Clusterer(o if window_days is None else o.with_(window_days=window_days))
    return ArchiveResult(c.add_batch(list(articles), dups), c.stories)


def pair_scores(articles: Sequence[Article], id_pairs: Sequence[tuple[str, str]],
                options: ClusterOptions | None = None, *, multilingual: bool = False) -> list[float]:
    """The archive path's score of each pair of article ids (the cosine less the year and place
    penalties; with ``multilingual`` the cross-lingual score for a pair of two languages), IDF from
    ``articles``."""
    o = options or ClusterOptions()
    arts = identify(articles)
    idx = {a.id: i for i, a in enumerate(arts)}
    counts, vectors = lexical_vectors(arts, o)
    wanted = [(idx[x], idx[y]) for x, y in id_pairs]
    lexical = pair_similarities(arts, vectors, counts, wanted, o)
    if not multilingual:
        return [lexical[p] for p in wanted]
    from .crosslingual import LeadEmbedder, lead_numbers, _score

    emb = LeadEmbedder().embed(arts)
    years = [latest_year(a) for a in arts]
    numbers = [lead_numbers(a) for a in arts]
    return [_score(i, j, float(emb[i] @ emb[j]), arts, years, numbers, o)
            if arts[i].lang and arts[j].lang and arts[i].lang != arts[j].lang else lexical[(i, j)]
            for i, j in wanted]


def _order(articles: Sequence[Article]) -> list[int]:
    """Processing order: (date, given order), undated last, as the clusterer's batches."""
    return sorted(range(len(articles)), key=lambda i: (_day(articles[i].published) is None,
                                                       _day(articles[i].published) or 0, i))


def pair_similarities(arts: Sequence[Article], vectors: Sequence[Mapping[str, float]],
                      counts: Sequence[Mapping[str, float]], pairs: Sequence[tuple[int, int]],
                      options: ClusterOptions) -> Pairs:
    """The cosine of each candidate pair less the year and place penalties (see the module docstring)."""
    o = options
    years = [latest_year(a) if o.year_penalty else None for a in arts]
    places = [lead_places(a) if o.place_penalty else () for a in arts]
    out: Pairs = {}
    for j, i in pairs:
        s = _dot(vectors[i], vectors[j])
        yi, yj = years[i], years[j]
        if yi is not None and yj is not None and abs(yi - yj) > o.year_gap:
            s -= o.year_penalty
        if any(f not in counts[j] for f in places[i]) or any(f not in counts[i] for f in places[j]):
            s -= o.place_penalty
        out[(j, i)] = s
    return out


def lexical_vectors(arts: Sequence[Article], options: ClusterOptions) -> tuple[list[dict[str, float]],
                                                                              list[dict[str, float]]]:
    """Raw feature counts and unit TF-IDF vectors (IDF of the whole collection) of each article."""
    counts = [features(a, options.entity_weight, options.number_weight) for a in arts]
    clus = Clusterer(options)
    clus.fit_idf(counts)
    return counts, [clus.vector(c) for c in counts]


def cluster_archive(articles: Sequence[Article], options: ClusterOptions | None = None,
                    duplicates: Mapping[str, str | None] | None = None, *, window: int | None = None,
                    extra_pairs: Callable[[Sequence[Article]], Pairs] | None = None,
                    ) -> ArchiveResult:
    """Cluster a whole collection (see the module docstring); ``duplicates`` maps a copy's id to its
    original's (from dedup), ``window`` pairs only dated articles at most this many days apart."""
    o = options or ClusterOptions()
    duplicates = duplicates or {}
    order = _order(articles)
    seen: dict[str, int] = {}
    main: list[int] = []  # indices (into articles) of the articles clustered by similarity, in order
    for i in order:
        a = articles[i]
        if a.id in seen or duplicates.get(a.id):
            continue
        seen[a.id] = i
        main.append(i)
    arts = [articles[i] for i in main]
    pairs = _lexical_pairs(arts, o, window)
    if extra_pairs is not None:
        for k, s in extra_pairs(arts).items():
            key = (min(k), max(k))
            pairs[key] = max(s, pairs.get(key, s))
    labels = average_link(len(arts), pairs, o.archive_threshold)
    return _result(articles, order, main, labels, pairs, duplicates)


def _lexical_pairs(arts: Sequence[Article], o: ClusterOptions, window: int | None) -> Pairs:
    """The scored candidate pairs; the feature vectors are let go here, before average link builds its
    own maps (the two never held at once: the archive's peak memory)."""
    counts, vectors = lexical_vectors(arts, o)
    days = [_day(a.published) for a in arts]
    return pair_similarities(arts, vectors, counts, candidate_pairs(vectors, o, days, window), o)


def _result(articles: Sequence[Article], order: list[int], main: list[int], labels: list[int],
            pairs: Pairs, duplicates: Mapping[str, str | None]) -> ArchiveResult:
    """Assignments in the order given and stories in order of their first article."""
    within: dict[int, float] = {}
    for (x, y), s in pairs.items():
        if labels[x] == labels[y]:
            within[x] = max(within.get(x, s), s)
            within[y] = max(within.get(y, s), s)
    label_of = {articles[i].id: labels[k] for k, i in enumerate(main)}
    sim_of = {articles[i].id: within.get(k, 1.0) for k, i in enumerate(main)}
    sid_of: dict[object, str] = {}
    story_of: dict[str, str] = {}
    out: list[Assignment | None] = [None] * len(articles)
    members: dict[str, list[Article]] = {}
    for i in order:
        a = articles[i]
        dup = duplicates.get(a.id)
        if a.id in story_of:  # the same id again: the same story
            out[i] = Assignment(a.id, story_of[a.id], dup, 1.0, False)
            continue
        if a.id not in label_of and dup in story_of:  # a copy joins its original's story
            sid, new = story_of[dup or ""], False
        else:  # ... and a copy of an article not in the input opens its own
            key: object = label_of.get(a.id, ("copy", a.id))
            new = key not in sid_of
            if new:
                sid = story_id_for(a.id)
                while sid in members:  # a clash of hashes: extend deterministically, as the clusterer does
                    sid = story_id_for(sid)
                sid_of[key] = sid
                members[sid] = []
            sid = sid_of[key]
        story_of[a.id] = sid
        members[sid].append(a)
        out[i] = Assignment(a.id, sid, dup, 1.0 if new or dup else sim_of.get(a.id, 1.0), new)
    return ArchiveResult(out, [_story(sid, arts) for sid, arts in members.items()])  # type: ignore[arg-type]


def _story(sid: str, arts: list[Article]) -> Story:
    """A story of its members (in processing order): the first headline, a URL-made title only when no
    member has a headline, as the clusterer keeps it."""
    title = next((a.title for a in arts if a.title and not a.title_inferred), "") or \
        next((a.title for a in arts if a.title), "")
    dated = [a for a in arts if _day(a.published) is not None]
    first = min(dated, key=lambda a: _day(a.published) or 0, default=None)
    last = max(reversed(dated), key=lambda a: _day(a.published) or 0, default=None)
    return Story(id=sid, article_ids=tuple(a.id for a in arts), title=title,
                 first_seen=first.published if first else None, last_seen=last.published if last else None,
                 outlets=tuple(sorted({a.outlet for a in arts if a.outlet})),
                 languages=tuple(sorted({a.lang for a in arts if a.lang})))
