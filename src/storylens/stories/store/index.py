"""Dedup + incremental clustering over a store: :class:`StoryIndex`.

``StoryIndex(store).add(articles)`` skips articles whose id is stored
already (so adding the same file twice changes nothing), finds copies,
assigns stories, and writes the whole batch in one transaction.  If the write
fails, nothing of the batch is kept and the in-memory state is reloaded from
the store, so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..clusterer import Assignment, ClusterOptions, Clusterer
from ..dedup import Deduplicator, content_hash
from ...models import Article, Skipped
from . import BatchRecord, StaleStateError, Store, StoredArticle


@dataclass
class IndexResult:
    """What one :meth:`StoryIndex.add` did."""

    assignments: list[Assignment] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

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

    def __init__(self, store: Store, options: ClusterOptions | None = None, *, dedup_threshold: float = 0.5):
        self.store = store
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
        seen: set[str] = set()
        fresh: list[Article] = []
        for a in articles:
            if a.id in seen:
                res.skipped.append(Skipped(a.path or a.id, f"article id {a.id!r} appears twice in the input"))
                continue
            seen.add(a.id)
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

    def _try_batch(self, batch: list[Article], res: IndexResult) -> None:
        known = self.store.known_ids(a.id for a in batch)
        res.already_stored.extend(a.id for a in batch if a.id in known)
        batch = [a for a in batch if a.id not in known]
        if not batch:
            return
        try:
            dups = self.dedup.add_batch(batch)
            dup_of = {d.article_id: d.duplicate_of for d in dups}
            assigned = self.clusterer.add_batch(batch, dup_of)
            sigs = {}
            for a in batch:
                sig = self.dedup._sigs.get(a.id)
                if sig is not None:
                    sigs[a.id] = sig.tobytes()
            record = BatchRecord(
                articles=[StoredArticle(a, x.story_id, x.duplicate_of, 0) for a, x in zip(batch, assigned)],
                signatures=sigs,
                content_hashes={a.id: content_hash(a.text) for a in batch},
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
            raise
        res.assignments.extend(assigned)


def index_paths(store: Store, articles: Iterable[Article], options: ClusterOptions | None = None) -> IndexResult:
    """Convenience: add ``articles`` to ``store``."""
    return StoryIndex(store, options).add(list(articles))
