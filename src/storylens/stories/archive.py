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

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import numpy as np

from ..models import Article, Story
from .clusterer import Assignment, ClusterOptions, Clusterer, _day, story_id_for
from ..text.language import identify
from .linkage import PairGraph, average_link
from .options import MODES
from .pairs import candidate_pairs, lexical_vectors, pair_similarities

__all__ = ["ArchiveResult", "MODES", "PairGraph", "average_link", "candidate_pairs", "cluster_archive",
           "cluster_collection", "lexical_vectors", "pair_similarities"]

Pairs = dict[tuple[int, int], float]  # extra pairs (the cross-lingual ones)


@dataclass(frozen=True)
class ArchiveResult:
    """Where each article went (in the order given) and the stories (in order of their first article)."""

    assignments: list[Assignment]
    stories: list[Story]


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
    wanted = [(idx[x], idx[y]) for x, y in id_pairs]
    lexical = pair_similarities(lexical_vectors(arts, o), np.array(wanted, dtype=np.int32).reshape(-1, 2), o).tolist()
    if not multilingual:
        return lexical
    from .crosslingual import crosslingual_scores

    cross = crosslingual_scores(arts, wanted, o)
    return [cross.get(p, lexical[k]) for k, p in enumerate(wanted)]


def _order(articles: Sequence[Article]) -> list[int]:
    """Processing order: (date, given order), undated last, as the clusterer's batches."""
    return sorted(range(len(articles)), key=lambda i: (_day(articles[i].published) is None,
                                                       _day(articles[i].published) or 0, i))


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
        pairs = pairs.with_max(extra_pairs(arts))
    labels = average_link(len(arts), pairs, o.archive_threshold)
    return _result(articles, order, main, labels, pairs, duplicates)


def _lexical_pairs(arts: Sequence[Article], o: ClusterOptions, window: int | None) -> PairGraph:
    """The scored candidate pairs; the feature vectors are let go here, before average link builds its
    own sums (the two never held at once)."""
    lex = lexical_vectors(arts, o)
    days = [_day(a.published) for a in arts]
    pairs = candidate_pairs(lex, o, days, window)
    return PairGraph(pairs[:, 0].copy(), pairs[:, 1].copy(), pair_similarities(lex, pairs, o))


def _result(articles: Sequence[Article], order: list[int], main: list[int], labels: list[int],
            pairs: PairGraph, duplicates: Mapping[str, str | None]) -> ArchiveResult:
    """Assignments in the order given and stories in order of their first article."""
    label_of = {articles[i].id: labels[k] for k, i in enumerate(main)}
    sim_of = dict(zip((articles[i].id for i in main), _within(len(main), labels, pairs)))
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


def _within(n: int, labels: list[int], pairs: PairGraph) -> list[float]:
    """Each article's highest similarity with a member of its own story (1.0 alone)."""
    lab = np.asarray(labels, dtype=np.int64)
    same = lab[pairs.a] == lab[pairs.b] if len(pairs) else np.zeros(0, dtype=bool)
    best = np.full(n, -np.inf)
    np.maximum.at(best, pairs.a[same], pairs.s[same])
    np.maximum.at(best, pairs.b[same], pairs.s[same])
    return np.where(np.isfinite(best), best, 1.0).tolist()


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
