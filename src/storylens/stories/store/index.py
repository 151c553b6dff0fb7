"""Dedup + incremental clustering over a store: :class:`StoryIndex`.

``StoryIndex(store).add(articles)`` finds copies, assigns stories, and
writes the whole batch in one transaction.  If the write fails, nothing of
the batch is kept and the in-memory state is reloaded from the store, so the
two never disagree.  After the batches, the digests of the stories they
changed are computed and kept (in a transaction of their own: a crash in
between leaves stale digests, which the next write or ``refresh_digests()``
makes again).

An article's identity is its content (the hash of its words) and its URL,
not only its id, which often comes from a file name or a line number:

- the same content with the same URL and outlet (or under the same id) is
  already stored, whatever its id now (adding a file twice, alone or beside
  others, changes nothing);
- the same id with other content is another article: it is stored under
  ``ID@HASH`` (the first 12 hex digits of its content hash), deterministic;
- other content under a URL already stored is an update: a new row that
  ``revises`` the URL's latest version, counted in ``IndexResult.updates``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from ..clusterer import Assignment, ClusterOptions, Clusterer
from ..dedup import Deduplicator, content_hash
from ...models import Article, Skipped
from . import BatchRecord, Identity, StaleStateError, Store, StoredArticle

HASH_SUFFIX = 12  # hex digits of the content hash that tell two articles given one id apart


def distinct_id(article_id: str, chash: str) -> str:
    """The stored id of an article whose given id is taken by other content."""
    return f"{article_id}@{chash[:HASH_SUFFIX]}"


@dataclass
class IndexResult:
    """What one :meth:`StoryIndex.add` did."""

    assignments: list[Assignment] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # {given id: stored id} where the id was taken
    updates: list[tuple[str, str]] = field(default_factory=list)  # (stored id, id of the version it revises)
    digests: int = 0  # story digests computed after the batches

    @property
    def added(self) -> int:
        return len(self.assignments)

    @property
    def duplicates(self) -> int:
        return sum(1 for a in self.assignments if a.duplicate_of)

    @property
    def new_stories(self) -> int:
        return sum(1 for a in self.assignments if a.new_story)


class StoryIndex:
    """The incremental stages (dedup, clustering) with their state kept in a store.

    The clusterer's settings are kept with the store: without ``options`` the
    store's own are used (the defaults for a new store); given ``options``
    replace them for the articles added from now on, and are kept.
    """

    def __init__(self, store: Store, options: ClusterOptions | None = None, *, dedup_threshold: float = 0.5,
                 digests: bool = True):
        self.store = store
        self.digests = digests
        saved = store.settings()
        self.previous = ClusterOptions.from_dict(saved) if saved else None
        self.options = options or self.previous or ClusterOptions()
        self._save_settings = self.options.to_dict() != saved
        self.dedup_threshold = dedup_threshold
        self._load()

    def _load(self) -> None:
        self._version = self.store.version()
        self.dedup = Deduplicator(threshold=self.dedup_threshold)
        self.dedup.restore(self.store.dedup_rows())
        self.clusterer = Clusterer(self.options)
        stories, df, n, article_story = self.store.cluster_state()
        self.clusterer.restore(stories, df, n, article_story)

    def add(self, articles: Sequence[Article], *, batch_size: int = 2000, progress=None) -> IndexResult:
        """Add articles in batches of ``batch_size``, each batch one transaction.

        ``progress``, when given, is called with the number of articles of each batch done.
        """
        res = IndexResult()
        seen: set[tuple[str, str]] = set()
        fresh: list[Article] = []
        for a in articles:
            key = (a.id, content_hash(a.text))
            if key in seen:
                res.skipped.append(Skipped(a.path or a.id, f"article id {a.id!r} appears twice in the input"))
                continue
            seen.add(key)
            fresh.append(a)
        for i in range(0, len(fresh), batch_size):
            self._add_batch(fresh[i:i + batch_size], res)
            if progress is not None:
                progress(len(fresh[i:i + batch_size]))
        if self._save_settings:  # nothing new was written: keep the new settings all the same
            self.store.write_batch(BatchRecord(
                articles=[], signatures={}, content_hashes={}, stories=[], df_delta={},
                n_docs=None, expected_version=None, settings=self.options.to_dict()))
            self._version += 1
            self._save_settings = False
        if self.digests:  # also when nothing was new: an interrupted earlier write may have left digests to make
            res.digests = self.store.refresh_digests({x.story_id for x in res.assignments})
        return res

    def _add_batch(self, batch: list[Article], res: IndexResult) -> None:
        for attempt in range(5):
            if self.store.version() != self._version:
                self._load()  # another process added articles: start from what is stored now
            try:
                return self._try_batch(batch, res)
            except StaleStateError:
                if attempt == 4:
                    raise

    def _identify(self, batch: list[Article], res: IndexResult) -> tuple[list[Article], dict[str, str],
                                                                           dict[str, str]]:
        """The articles of ``batch`` not stored yet, under the ids they will be stored with; their content
        hashes and, for updates, the id of the version each revises."""
        hashes = [content_hash(a.text) for a in batch]
        ids = [a.id for a in batch] + [distinct_id(a.id, h) for a, h in zip(batch, hashes)]
        rows = self.store.identities(ids, (a.url for a in batch), hashes)
        by_id: dict[str, Identity] = {r.id: r for r in rows}
        seen = {(r.content_hash, r.url, r.outlet) for r in rows}
        latest: dict[str, str] = {r.url: r.id for r in rows if r.url}  # rows come oldest first
        out: list[Article] = []
        chash: dict[str, str] = {}
        revises: dict[str, str] = {}
        for a, h in zip(batch, hashes):
            same = by_id.get(a.id)
            alt = distinct_id(a.id, h)
            if (same and same.content_hash == h) or alt in by_id or (h, a.url, a.outlet) in seen:
                res.already_stored.append(a.id)
                continue
            sid = a.id if same is None else alt
            if sid != a.id:
                res.renamed[a.id] = sid
                a = replace(a, id=sid, meta={**a.meta, "given_id": a.id})
            if a.url in latest:
                revises[sid] = latest[a.url]
            # later articles of this batch see this one as stored
            by_id[sid] = Identity(sid, a.url, h, -1, a.outlet)
            seen.add((h, a.url, a.outlet))
            if a.url:
                latest[a.url] = sid
            chash[sid] = h
            out.append(a)
        return out, chash, revises

    def _try_batch(self, batch: list[Article], res: IndexResult) -> None:
        n_stored, n_renamed = len(res.already_stored), dict(res.renamed)
        batch, hashes, revises = self._identify(batch, res)
        if not batch:
            return
        try:
            dups = self.dedup.add_batch(batch)
            dup_of = {d.article_id: d.duplicate_of for d in dups}
            assigned = self.clusterer.add_batch(batch, dup_of)
            sigs = {}
            for a in batch:
                sig = self.dedup.indexed_signature(a.id)
                if sig is not None:
                    sigs[a.id] = sig.tobytes()
            record = BatchRecord(
                articles=[StoredArticle(a, x.story_id, x.duplicate_of, 0, revises.get(a.id))
                          for a, x in zip(batch, assigned)],
                signatures=sigs,
                content_hashes=hashes,
                stories=[self.clusterer.state_of(sid) for sid in self.clusterer.take_dirty()],
                df_delta=self.clusterer.take_df_delta(),
                n_docs=self.clusterer.n_seen,
                expected_version=self._version,
                settings=self.options.to_dict() if self._save_settings else None,
            )
            self.store.write_batch(record)
            self._version += 1
            self._save_settings = False
        except BaseException:
            self._load()  # the store kept nothing of this batch: forget it in memory too
            del res.already_stored[n_stored:]  # a retry identifies the batch again
            res.renamed = n_renamed
            raise
        res.assignments.extend(assigned)
        res.updates.extend((sid, old) for sid, old in revises.items())


def index_paths(store: Store, articles: Iterable[Article], options: ClusterOptions | None = None) -> IndexResult:
    """Convenience: add ``articles`` to ``store``."""
    return StoryIndex(store, options).add(list(articles))
