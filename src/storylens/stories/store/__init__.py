"""Where articles and their stories are kept between runs.

A store sits behind the small :class:`Store` interface: a SQLite file (the
embedded default, :mod:`.sqlite`) or a PostgreSQL database (``postgresql://``
URLs, :mod:`.postgres`), both on the one SQL implementation of :mod:`.sql`.
:class:`StoryIndex` (in :mod:`storylens.stories.store.index`) drives dedup +
clustering over a store.  Each story's digest is kept with the story's
version (:meth:`Store.cached_digest`), computed when the story changes.

>>> import tempfile, os
>>> from storylens.models import Article
>>> from storylens.stories.store.index import StoryIndex
>>> with tempfile.TemporaryDirectory() as d, open_store(os.path.join(d, "news.db")) as st:
...     res = StoryIndex(st).add([Article("a", "Floods hit the valley of Kashmir on Monday.")])
...     [s.title or s.article_ids for s in st.stories()]
[('a',)]
"""

from __future__ import annotations

import abc
import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from ...errors import StorylensError
from ...models import Article, Story

if TYPE_CHECKING:
    from ...config import Options
    from ...models import Digest


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


class UnknownVersionError(StoreError):
    """The story never had this version (its versions are the store versions of the batches that added to it).

    ``reason`` is the message without the hint of the command that lists the versions."""

    def __init__(self, reason: str, hint: str = ""):
        super().__init__(f"{reason} ({hint})" if hint else reason)
        self.reason = reason


class NothingNewError(StoreError):
    """No article joined the story after the version asked for (it is the story's latest)."""


def version_label(version: int) -> str:
    """What an update digest of a stored story is new since, as its ``update.since`` says it."""
    return f"version {int(version)}"


def check_version(story_id: str, version: int, versions: Sequence[int]) -> None:
    """A one-line error unless ``version`` is one of ``versions`` (a story's) and not the last of them."""
    if version not in versions:
        shown = ", ".join(map(str, versions[-8:]))
        more = f" (the last 8 of {len(versions)})" if len(versions) > 8 else ""
        raise UnknownVersionError(f"story {story_id!r} has no version {version}; its versions are {shown}{more}",
                                  f"see: storylens stories --store DB --story {story_id}")
    if version == versions[-1]:
        raise NothingNewError(f"nothing new in story {story_id!r} since version {version}: it is the story's "
                              "latest version")


@dataclass(frozen=True)
class StoredArticle:
    """One row of the store: an article, its story, the copy it duplicates, the earlier version it revises."""

    article: Article
    story_id: str
    duplicate_of: str | None
    seq: int
    revises: str | None = None  # the stored id of the earlier version (the same URL, other content)


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
    """A story with its size (articles, copies included) and its version.

    ``version`` changes whenever the story's articles change (it is the store's
    :meth:`Store.version` of the batch that last added to it); a cached digest
    is valid for one version.
    """

    size: int = 0
    version: int = 0


MAX_FILTER_IDS = 10_000  # story ids one filter may name (a search's stories: at most a few thousand)


@dataclass(frozen=True)
class StoryFilter:
    """Which stories a list holds, decided by the database: ``outlet`` reported it, its span overlaps
    ``date_from``..``date_to`` (ISO dates; an undated story is in no range), its id is one of ``ids``."""

    outlet: str = ""
    date_from: str = ""
    date_to: str = ""
    ids: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if self.ids is not None and len(self.ids) > MAX_FILTER_IDS:
            raise StoreError(f"a story filter names at most {MAX_FILTER_IDS:,} ids, got {len(self.ids):,}")


@dataclass(frozen=True)
class Identity:
    """What identifies a stored article: its stored id, its URL and outlet and a hash of its words."""

    id: str
    url: str
    content_hash: str
    seq: int
    outlet: str = ""


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
    """The storage interface, implemented for SQLite and PostgreSQL by :class:`~.sql.SQLStore`.

    Every database error is raised as :class:`StoreError` with a message (never
    the driver's own exception).
    """

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
    def identities(self, ids: Iterable[str], urls: Iterable[str], hashes: Iterable[str] = ()) -> list[Identity]:
        """The stored articles whose id, URL or content hash is one of ``ids``, ``urls``, ``hashes``, oldest first."""

    @abc.abstractmethod
    def stories(self, limit: int | None = None, offset: int = 0, *,
                where: StoryFilter | None = None) -> list[StoredStory]:
        """Stories (those ``where`` keeps), newest first (by last article date, then last change)."""

    @abc.abstractmethod
    def count_stories(self, where: StoryFilter | None = None) -> int:
        """How many stories ``where`` keeps (all of them without it)."""

    @abc.abstractmethod
    def story_ids(self, where: StoryFilter | None = None) -> list[str]:
        """The ids of the stories ``where`` keeps, newest first (no story is read)."""

    @abc.abstractmethod
    def story(self, story_id: str) -> StoredStory:
        """One story; :class:`UnknownStoryError` when absent."""

    @abc.abstractmethod
    def story_version(self, story_id: str) -> int:
        """The story's version (see :class:`StoredStory`); :class:`UnknownStoryError` when absent."""

    @abc.abstractmethod
    def story_articles(self, story_id: str) -> list[Article]:
        """The articles of one story, oldest first; :class:`UnknownStoryError` when absent."""

    @abc.abstractmethod
    def story_history(self, story_id: str) -> list[tuple[int, tuple[str, ...]]]:
        """The versions the story has had, oldest first, each with the ids of the articles (copies included)
        that joined it then, in arrival order.  A version is the store's :meth:`version` after a batch that
        added to the story; the last is the story's :attr:`StoredStory.version`.  (A story stored before
        schema 4 starts at the version it had then, with every article it had.)
        :class:`UnknownStoryError` when absent."""

    def story_versions(self, story_id: str) -> list[int]:
        """The story's versions, oldest first (see :meth:`story_history`)."""
        return [v for v, _ in self.story_history(story_id)]

    def added_after(self, story_id: str, version: int) -> list[str]:
        """The ids of the articles that joined the story after its version ``version``, in arrival order.
        :class:`UnknownVersionError` when the story had no such version, :class:`NothingNewError` when it
        is the latest."""
        history = self.story_history(story_id)
        check_version(story_id, int(version), [v for v, _ in history])
        return [aid for v, ids in history if v > int(version) for aid in ids]

    def snapshot(self) -> contextlib.AbstractContextManager[None]:
        """Reads inside ``with store.snapshot():`` see one state of the store (no batch half seen)."""
        return contextlib.nullcontext()

    def update_digest(self, story_id: str, since_version: int, *, options: "Options | None" = None,
                      **digest_args: Any) -> "Digest":
        """What the story's articles after its version ``since_version`` add to those it had then: the
        update digest (``storylens digest --store DB --story ID --since-version N``) of the whole story,
        its summary citing only the new articles and ``update`` naming them and the figures they change.

        ``options`` default to the store's digest settings (:meth:`digest_settings`); ``digest_args`` go
        to :func:`storylens.digest`.  Errors as :meth:`added_after`, and
        :class:`~storylens.errors.EmptyDigestError` when the new articles only repeat the earlier ones.
        """
        from ...pipeline import digest, in_source_order
        from .digests import digest_options

        with self.snapshot():  # the new ids and the articles from one state of the store
            new = self.added_after(story_id, since_version)
            story = self.story(story_id)
            articles = in_source_order(self.story_articles(story_id))
        opts = options if options is not None else digest_options(self.digest_settings())
        digest_args.setdefault("check_mixed", False)  # a stored story is one story by construction
        return digest(articles, options=opts, title=story.title or None, new_ids=new,
                      since_label=version_label(since_version), **digest_args)

    @abc.abstractmethod
    def article(self, article_id: str) -> Article | None:
        """One stored article (``meta["story_id"]`` says its story), or None."""

    @abc.abstractmethod
    def copies_of(self, article_id: str) -> list[str]:
        """The ids of the stored copies of ``article_id`` (its story's articles that duplicate it), in
        arrival order, read without their texts."""

    @abc.abstractmethod
    def span_texts(self, spans: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int, int], str]:
        """The text of each ``(article id, start, end)`` span (character offsets into the cleaned text, as
        the digest's evidence gives them), read without reading the whole texts; a span of no stored
        article, or outside its text, is left out."""

    @abc.abstractmethod
    def assignments(self) -> Iterator[StoredArticle]:
        """Every stored article in arrival order (without text)."""

    @abc.abstractmethod
    def search(self, query: str, limit: int | None = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search over titles and texts, best first; ``limit=None``: every match.

        The query language (:mod:`.query`) is the same on every backend; a malformed
        query raises :class:`StoreError` saying how to quote it.
        """

    @abc.abstractmethod
    def search_count(self, query: str) -> int:
        """How many articles match ``query`` (for "20 of 238")."""

    # -- digests ----------------------------------------------------------------------------
    @abc.abstractmethod
    def cached_digest(self, story_id: str) -> dict | None:
        """The story's digest (the JSON of ``storylens digest --store DB --story ID --format json``) if the
        stored one is for the story's current version and the store's digest settings, else None.
        :class:`UnknownStoryError` when the story is absent."""

    @abc.abstractmethod
    def refresh_digests(self, story_ids: Iterable[str] | None = None) -> int:
        """Compute and keep the digests that are missing or stale (of ``story_ids``, or of every story);
        returns how many were written."""

    @abc.abstractmethod
    def stale_digests(self, story_ids: Iterable[str] | None = None) -> list[str]:
        """The stories (of ``story_ids``, or all) whose digest is missing or not for their version and settings."""

    @abc.abstractmethod
    def digest_error(self, story_id: str) -> str | None:
        """Why the current version of the story has no digest (e.g. no article with text), or None."""

    @abc.abstractmethod
    def digest_settings(self) -> dict:
        """The digest options cached digests are made with (``max_words``, ``method``, ``use_spacy``)."""

    @abc.abstractmethod
    def set_digest_settings(self, **changes) -> dict:
        """Change the digest options (the cached digests become stale); returns the new settings."""

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


def is_postgres_url(location: str) -> bool:
    return str(location).startswith(("postgres://", "postgresql://"))


def open_store(path: str, *, create: bool = True) -> Store:
    """Open (and with ``create``, create on first use) the store at ``path``:
    a SQLite file, or a ``postgresql://`` URL (extra ``postgres``)."""
    p = str(path)
    if is_postgres_url(p):
        from .postgres import PostgresStore

        return PostgresStore(p, create=create)
    from .sqlite import SQLiteStore

    return SQLiteStore(p, create=create)


def __getattr__(name: str):
    if name == "StoryIndex":
        from .index import StoryIndex

        return StoryIndex
    raise AttributeError(name)


__all__ = ["Store", "StoreError", "StaleStateError", "UnknownStoryError", "UnknownVersionError", "NothingNewError",
           "StoredArticle", "StoredStory", "StoryFilter", "SearchHit", "BatchRecord", "Identity", "open_store",
           "is_postgres_url", "StoryIndex", "check_version", "version_label"]
