"""The web app's one door to the store: readers, the writer, digests.

Readers borrow a store connection of their own from a small pool (a SQLite
connection is not shared between threads that read while another writes), so
a reader never sees a half-written batch and never waits on the writer.  The
one writer goes through :class:`~storylens.stories.store.index.StoryIndex`,
the path ``storylens cluster --store`` takes, in a process of its own
(:mod:`.writer`), one write at a time.

Digests are read from the store's cache (``cached_digest``): the store makes a
story's digest when the story changes, never per request.
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from ..errors import LimitError, StorylensError
from ..limits import STORY_LIMITS, story_limit_in
from ..models import Article
from .writer import WriterProcess
from ..stories.store import Store, StoredStory, StoryFilter, UnknownStoryError, open_store

# the digests kept to serve while the writer remakes them (each a few hundred KB at most)
MAX_REMEMBERED_DIGESTS = 256
# update digests ("new since your last visit") made on request, kept for the readers who come next
MAX_UPDATE_DIGESTS = 64


class NoDigestError(StorylensError):
    """The story has no digest (the store says why)."""


class StoryTooLargeError(NoDigestError):
    """The story is over a story limit (``max_story_articles``, ``max_story_chars``): it is not digested,
    by the store or on request; the message names the limit.  Not a state that passes, as the 503 of a
    digest not made yet is: the web answers 422 (see :func:`storylens.web.api.too_large_is_422`)."""


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
        self._writer = WriterProcess(location)  # started on the first write
        self._last: OrderedDict[str, dict] = OrderedDict()  # the digest last served per story
        self._digest_lock = threading.Lock()
        # (story, story version, since version, digest settings) -> the update digest; an entry is never
        # stale (the story's version is in its key), so keeping it changes no result
        self._updates: OrderedDict[tuple, dict] = OrderedDict()

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
        with self._write_lock:
            self._writer.close()

    # -- reads ---------------------------------------------------------------------------
    def story(self, story_id: str) -> StoredStory:
        with self.reader() as store:
            return store.story(story_id)

    def stories(self, limit: int | None = None, offset: int = 0, where: StoryFilter | None = None) -> list[StoredStory]:
        with self.reader() as store:
            return store.stories(limit=limit, offset=offset, where=where)

    def count_stories(self, where: StoryFilter | None = None) -> int:
        with self.reader() as store:
            return store.count_stories(where)

    def story_ids(self, where: StoryFilter | None = None) -> list[str]:
        with self.reader() as store:
            return store.story_ids(where)

    def story_versions(self, story_id: str) -> list[int]:
        with self.reader() as store:
            return store.story_versions(story_id)

    def counts(self) -> dict[str, int]:
        with self.reader() as store:
            return store.counts()

    def story_articles(self, story_id: str) -> list[Article]:
        with self.reader() as store:
            return store.story_articles(story_id)

    def search(self, query: str, limit: int):
        with self.reader() as store:
            return store.search(query, limit=limit)

    def search_page(self, query: str, limit: int, offset: int):
        """``(hits, how many articles match in all)``."""
        with self.reader() as store:
            return store.search(query, limit=limit, offset=offset), store.search_count(query)

    def plain_article(self, article_id: str) -> Article | None:
        """The article alone (no look at its story), or None."""
        with self.reader() as store:
            return store.article(article_id)

    def article(self, article_id: str) -> ArticleView:
        """The article ``article_id``, its story and its copies."""
        with self.reader() as store, store.snapshot():
            found = store.article(article_id)
            if found is None:
                raise UnknownArticleError(article_id)
            copies = tuple(store.copies_of(found.id))  # ids only: the story's texts are not read
        story_id = (found.meta or {}).get("story_id") or ""
        return ArticleView(found, story_id, (found.meta or {}).get("duplicate_of"), copies)

    # -- digests -------------------------------------------------------------------------
    def story_digest(self, story_id: str) -> tuple[dict, bool]:
        """``(digest, current)``: the story's JSON digest (schema ``storylens.digest/1``) from the store's cache.

        The writer digests the stories it changes once its batch commits; until it has, a reader gets the
        digest this server last served for the story with ``current`` False, rather than waiting.  A story
        with no usable digest at all (a store written before digests were kept) is digested once, by the
        writer.
        """
        with self.reader() as store:
            cached = store.cached_digest(story_id)
        if cached is not None:
            self._remember(story_id, cached)
            return cached, True
        if not self._write_lock.acquire(blocking=False):
            with self._digest_lock:
                last = self._last.get(story_id)
            if last is not None:
                return last, False
            self._write_lock.acquire()
        try:
            self._writer.refresh([story_id])
        finally:
            self._write_lock.release()
        with self.reader() as store:
            cached = store.cached_digest(story_id)
            if cached is None:
                why = getattr(store, "digest_error", lambda _sid: None)(story_id) or "unknown reason"
                if story_limit_in(why):
                    raise StoryTooLargeError(f"story {story_id!r} is too large to digest: {why}")
                raise NoDigestError(f"story {story_id!r} has no digest ({why})")
        self._remember(story_id, cached)
        return cached, True

    def update_digest(self, story_id: str, since_version: int) -> dict:
        """The JSON update digest of what joined the story after its version ``since_version`` (made here,
        with the store's digest settings, on the first request for it): the errors of
        :meth:`Store.update_digest` (an unknown version, nothing after it, nothing new said)."""
        from ..report.json_ import to_dict
        from ..stories.store.digests import settings_key

        with self.reader() as store, store.snapshot():  # the version of the key is the one digested
            version = store.story_version(story_id)
            key = (story_id, version, int(since_version), settings_key(store.digest_settings()))
            with self._digest_lock:
                found = self._updates.get(key)
            if found is not None:
                return found
            try:
                made = to_dict(store.update_digest(story_id, int(since_version)))
            except LimitError as exc:
                if exc.limit not in STORY_LIMITS:
                    raise
                raise StoryTooLargeError(f"story {story_id!r} is too large to digest: {exc.problem}") from None
        with self._digest_lock:
            self._updates[key] = made
            while len(self._updates) > MAX_UPDATE_DIGESTS:
                self._updates.popitem(last=False)
        return made

    def span_texts(self, spans) -> dict[tuple[str, int, int], str]:
        with self.reader() as store:
            return store.span_texts(spans)

    def _remember(self, story_id: str, digest: dict) -> None:
        with self._digest_lock:
            self._last[story_id] = digest
            self._last.move_to_end(story_id)
            while len(self._last) > MAX_REMEMBERED_DIGESTS:
                self._last.popitem(last=False)

    # -- the writer ----------------------------------------------------------------------
    def add(self, articles: Sequence[Article], skipped: Sequence[dict] = ()) -> WriteResult:
        """Add articles as ``storylens cluster --store`` does, then bring the touched stories' digests up to date."""
        out = WriteResult(skipped=list(skipped))
        with self._write_lock:
            # in the writer process; it digests the stories it changed once the batch commits
            res = self._writer.add(articles)
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
        return out
