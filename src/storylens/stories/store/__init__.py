"""Where articles and their stories are kept between runs.

A store sits behind the small :class:`Store` interface, so that a later
PostgreSQL backend (and a web service over it) can replace the default
SQLite file without touching the clusterer or the CLI.  :class:`StoryIndex`
(in :mod:`storylens.store.index`) drives dedup + clustering over a store.

>>> import tempfile, os
>>> from storylens.models import Article
>>> from storylens.store.index import StoryIndex
>>> with tempfile.TemporaryDirectory() as d, open_store(os.path.join(d, "news.db")) as st:
...     res = StoryIndex(st).add([Article("a", "Floods hit the valley of Kashmir on Monday.")])
...     [s.title or s.article_ids for s in st.stories()]
[('a',)]
"""

from __future__ import annotations

import abc
from dataclasses import dataclass
from typing import Iterable, Iterator

from ...errors import StorylensError
from ...models import Article, Story


class StoreError(StorylensError):
    """The store cannot be opened or used; the message says why and what to do."""


class StaleStateError(StoreError):
    """Another process wrote to the store since this one read its state; reload and retry."""


class UnknownStoryError(StoreError, KeyError):
    """No story with this id is in the store."""

    def __init__(self, story_id: str, path: str = ""):
        where = f" in {path}" if path else ""
        super().__init__(f"no story {story_id!r}{where} (list the stories with: storylens stories --store DB)")
        self.story_id = story_id

    def __str__(self) -> str:  # KeyError would quote the message
        return self.args[0]


@dataclass(frozen=True)
class StoredArticle:
    """One row of the store: an article, its story, the copy it duplicates."""

    article: Article
    story_id: str
    duplicate_of: str | None
    seq: int


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    story_id: str
    title: str
    snippet: str
    score: float
    outlet: str = ""
    published: str | None = None
    title_inferred: bool = False  # the title was made from the article's URL, not a headline


@dataclass(frozen=True)
class StoredStory(Story):
    """A story with its size (articles, copies included) and the time of its last change."""

    size: int = 0


@dataclass
class BatchRecord:
    """Everything one batch writes, in one transaction."""

    articles: list[StoredArticle]
    signatures: dict[str, bytes]
    content_hashes: dict[str, str]
    stories: list[dict]  # clusterer states of the stories touched
    df_delta: dict[str, int]
    n_docs: int | None  # documents the clusterer has seen (None: leave the stored count as it is)
    expected_version: int | None = None  # the store's version when its state was read (None: do not check)
    settings: dict | None = None  # the clusterer's settings to keep with the store, when they change


class Store(abc.ABC):
    """The storage interface (SQLite today, PostgreSQL later)."""

    path: str

    # -- writes -------------------------------------------------------------------------
    @abc.abstractmethod
    def write_batch(self, batch: BatchRecord) -> None:
        """Write a whole batch atomically: all of it or none of it.

        Raises :class:`StaleStateError` (writing nothing) when ``batch.expected_version`` is set and
        another writer has changed the store since.
        """

    @abc.abstractmethod
    def version(self) -> int:
        """A number that changes with every batch written."""

    # -- reads --------------------------------------------------------------------------
    @abc.abstractmethod
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored already."""

    @abc.abstractmethod
    def stories(self, limit: int | None = None) -> list[StoredStory]:
        """Stories, newest first (by last article date, then last change)."""

    @abc.abstractmethod
    def story(self, story_id: str) -> StoredStory:
        """One story; :class:`UnknownStoryError` when absent."""

    @abc.abstractmethod
    def story_articles(self, story_id: str) -> list[Article]:
        """The articles of one story, oldest first; :class:`UnknownStoryError` when absent."""

    @abc.abstractmethod
    def assignments(self) -> Iterator[StoredArticle]:
        """Every stored article in arrival order (without text)."""

    @abc.abstractmethod
    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts."""

    # -- state of the incremental stages ----------------------------------------------------
    @abc.abstractmethod
    def dedup_rows(self) -> Iterator[tuple[str, str, str, bytes | None]]:
        """``(article_id, root_id, content_hash, signature)`` in arrival order."""

    @abc.abstractmethod
    def cluster_state(self) -> tuple[list[dict], dict[str, int], int, dict[str, str]]:
        """``(active stories, document frequencies, documents seen, {article id: story id})``."""

    @abc.abstractmethod
    def settings(self) -> dict:
        """The clusterer settings kept with the store (``{}`` before the first batch)."""

    @abc.abstractmethod
    def counts(self) -> dict[str, int]:
        """``{"articles": n, "stories": n, "duplicates": n}``."""

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(path: str, *, create: bool = True) -> Store:
    """Open (and with ``create``, create on first use) the store at ``path``.

    ``path`` is a SQLite file; ``postgresql://`` URLs are reserved for the
    PostgreSQL backend of a later release.
    """
    p = str(path)
    if p.startswith(("postgres://", "postgresql://")):
        raise StoreError(f"{p}: the PostgreSQL backend is not available yet; use a SQLite file path")
    from .sqlite import SQLiteStore

    return SQLiteStore(p, create=create)


def __getattr__(name: str):
    if name == "StoryIndex":
        from .index import StoryIndex

        return StoryIndex
    raise AttributeError(name)


__all__ = ["Store", "StoreError", "StaleStateError", "UnknownStoryError", "StoredArticle", "StoredStory", "SearchHit",
           "BatchRecord", "open_store", "StoryIndex"]
