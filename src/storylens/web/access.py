"""The web app's one door to the store: readers, the writer, digests.

Readers borrow a store connection of their own from a small pool (a SQLite
connection is not shared between threads that read while another writes), so
a reader never sees a half-written batch and never waits on the writer.  The
one writer goes through :class:`~storylens.stories.store.index.StoryIndex`,
the path ``storylens cluster --store`` takes, under a lock.

Digests: :func:`story_digest` reads the store's digest cache when the store
has one (``cached_digest``); otherwise it keeps the digest of each story
keyed by the story's exact membership, computed once when the story changes
(after a write, or on the first view of a story written by another process).
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from ..models import Article
from ..stories.store.index import StoryIndex
from ..stories.store import Store, StoredStory, UnknownStoryError, open_store

# digests kept in memory when the store keeps none (each a few hundred KB at most)
MAX_CACHED_DIGESTS = 512


class UnknownArticleError(UnknownStoryError):
    """No article with this id is in the store."""

    def __init__(self, article_id: str):
        super().__init__(article_id)
        self.args = (f"no article {article_id!r} in this store",)


@dataclass(frozen=True)
class ArticleView:
    """One stored article with where it belongs: its story and its copies."""

    article: Article
    story_id: str
    duplicate_of: str | None
    copies: tuple[str, ...] = ()


@dataclass
class WriteResult:
    """What one upload did, for the page and the API."""

    assignments: list[dict] = field(default_factory=list)
    new_stories: list[str] = field(default_factory=list)
    joined_stories: list[str] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"added": len(self.assignments), "assignments": self.assignments, "new_stories": self.new_stories,
                "joined_stories": self.joined_stories, "already_stored": self.already_stored,
                "skipped": self.skipped}


class StoreAccess:
    """Pooled reader stores, one writer, and the digests of the stories."""

    def __init__(self, location: str, *, create: bool = False):
        self.location = location
        first = open_store(location, create=create)
        self._idle: list[Store] = [first]
        self._pool_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._index: StoryIndex | None = None  # made on the first write
        self._writer: Store | None = None
        self._digests: OrderedDict[str, tuple[tuple[str, ...], dict]] = OrderedDict()
        self._digest_lock = threading.Lock()
        self._story_locks: dict[str, threading.Lock] = {}

    # -- connections ---------------------------------------------------------------------
    @contextlib.contextmanager
    def reader(self) -> Iterator[Store]:
        with self._pool_lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = open_store(self.location, create=False)
        try:
            yield store
        finally:
            with self._pool_lock:
                self._idle.append(store)

    def close(self) -> None:
        with self._pool_lock:
            for s in self._idle:
                s.close()
            self._idle.clear()
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    # -- reads ---------------------------------------------------------------------------
    def story(self, story_id: str) -> StoredStory:
        with self.reader() as store:
            return store.story(story_id)

    def stories(self) -> list[StoredStory]:
        with self.reader() as store:
            return store.stories()

    def counts(self) -> dict[str, int]:
        with self.reader() as store:
            return store.counts()

    def story_articles(self, story_id: str) -> list[Article]:
        with self.reader() as store:
            return store.story_articles(story_id)

    def search(self, query: str, limit: int):
        with self.reader() as store:
            return store.search(query, limit=limit)

    def article(self, article_id: str, story_hint: str | None = None) -> ArticleView:
        """The article ``article_id``; ``story_hint`` (the story a citation came from) saves a scan."""
        with self.reader() as store:
            if hasattr(store, "article"):  # a store that looks articles up by id itself
                found = store.article(article_id)
                if found is None:
                    raise UnknownArticleError(article_id)
                story_id = found.meta.get("story_id") or ""
            else:
                story_id = self._story_of(store, article_id, story_hint)
            members = store.story_articles(story_id)
        for a in members:
            if a.id == article_id:
                dup = a.meta.get("duplicate_of") if a.meta else None
                copies = tuple(b.id for b in members if b.meta and b.meta.get("duplicate_of") == a.id)
                return ArticleView(a, story_id, dup, copies)
        raise UnknownArticleError(article_id)

    @staticmethod
    def _story_of(store: Store, article_id: str, hint: str | None) -> str:
        if hint:
            try:
                if article_id in store.story(hint).article_ids:
                    return hint
            except UnknownStoryError:
                pass
        for sa in store.assignments():
            if sa.article.id == article_id:
                return sa.story_id
        raise UnknownArticleError(article_id)

    # -- digests -------------------------------------------------------------------------
    def story_digest(self, story_id: str) -> dict:
        """The JSON digest (schema ``storylens.digest/1``) of one story."""
        with self.reader() as store:
            if hasattr(store, "cached_digest"):
                cached = store.cached_digest(story_id)
                if cached is not None:
                    return cached
            members = store.story(story_id).article_ids
        with self._digest_lock:
            hit = self._digests.get(story_id)
            if hit is not None and hit[0] == members:
                self._digests.move_to_end(story_id)
                return hit[1]
            lock = self._story_locks.setdefault(story_id, threading.Lock())
        with lock:  # one computation per story, however many readers ask at once
            with self._digest_lock:
                hit = self._digests.get(story_id)
            if hit is not None and hit[0] == members:
                return hit[1]
            return self._compute(story_id)

    def _compute(self, story_id: str) -> dict:
        """The digest as ``storylens digest --store X --story ID --format json`` makes it."""
        from ..config import Options
        from ..pipeline import digest
        from ..report.json_ import to_dict

        with self.reader() as store:
            story = store.story(story_id)
            articles = store.story_articles(story_id)
        members = story.article_ids
        result = to_dict(digest(articles, options=Options(), check_mixed=False))
        with self._digest_lock:
            self._digests[story_id] = (members, result)
            self._digests.move_to_end(story_id)
            while len(self._digests) > MAX_CACHED_DIGESTS:
                self._digests.popitem(last=False)
        return result

    # -- the writer ----------------------------------------------------------------------
    def add(self, articles: Sequence[Article], skipped: Sequence[dict] = ()) -> WriteResult:
        """Add articles as ``storylens cluster --store`` does, then bring the touched stories' digests up to date."""
        out = WriteResult(skipped=list(skipped))
        with self._write_lock:
            if self._index is None:
                self._writer = open_store(self.location, create=False)
                self._index = StoryIndex(self._writer)
            res = self._index.add(list(articles))
            touched_ids = list(dict.fromkeys(x.story_id for x in res.assignments))
            if touched_ids and hasattr(self._index.store, "refresh_digests"):
                self._index.store.refresh_digests(touched_ids)  # the store keeps them, with the story's version
        out.already_stored = list(res.already_stored)
        out.skipped += [{"item": s.path, "reason": s.reason} for s in res.skipped]
        touched: list[str] = []
        for x in res.assignments:
            out.assignments.append({"article_id": x.article_id, "story_id": x.story_id,
                                    "duplicate_of": x.duplicate_of, "new_story": x.new_story})
            if x.story_id not in touched:
                touched.append(x.story_id)
        new = {x.story_id for x in res.assignments if x.new_story}
        out.new_stories = [s for s in touched if s in new]
        out.joined_stories = [s for s in touched if s not in new]
        for sid in touched:  # computed now, by the writer, so that no reader computes it
            self.story_digest(sid)
        return out
