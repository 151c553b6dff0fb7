"""The feeds table: the sources a store follows and what their last fetch did, in the store's own database.

Its tables (``feed_meta``, ``feed_sources``, ``feed_entries``) carry their
own schema version, apart from the store's, and live beside the store's
tables on either backend (a SQLite file or a PostgreSQL schema).  They are
written through the store's own connection and transactions (a write is the
store's write transaction: SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's
advisory lock), so two followers starting at once agree and every database
error reads as the store's do.  ``feed_entries`` lists the articles taken
from feeds (their pages are not fetched again).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from ..stories.store import Store, StoreError, is_postgres_url
from .sources import Source

if TYPE_CHECKING:
    from ..stories.store.sql import SQLStore

SCHEMA_VERSION = 1
# {time} is each backend's double-precision type (a PostgreSQL REAL has 24 bits: not enough for a timestamp);
# PostgreSQL has no rowid, so the sources' order is a column of its own there
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feed_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feed_sources ({order}
    url TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', added_from TEXT NOT NULL DEFAULT '',
    added_at {time} NOT NULL, etag TEXT, last_modified TEXT, last_fetch {time}, last_status TEXT,
    http_status INTEGER, last_error TEXT, failures INTEGER NOT NULL DEFAULT 0, next_try {time} NOT NULL DEFAULT 0,
    last_new INTEGER NOT NULL DEFAULT 0, total_new INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS feed_entries (
    article_id TEXT PRIMARY KEY, source_url TEXT NOT NULL, first_seen {time} NOT NULL);
"""
_BACKENDS = {  # (the schema's placeholders, the column that keeps the sources in the order they were added)
    "sqlite": ({"order": "", "time": "REAL"}, "rowid"),
    "postgres": ({"order": "seq BIGINT GENERATED ALWAYS AS IDENTITY,", "time": "DOUBLE PRECISION"}, "seq"),
}
_COLS = ("url", "kind", "title", "added_from", "added_at", "etag", "last_modified", "last_fetch", "last_status",
         "http_status", "last_error", "failures", "next_try", "last_new", "total_new")


@dataclass(frozen=True)
class SourceRow:
    """A followed source as the table keeps it."""

    url: str
    kind: str
    title: str
    added_from: str
    added_at: float
    etag: str | None
    last_modified: str | None
    last_fetch: float | None
    last_status: str | None  # fetched, unchanged, failed, deferred (None: never fetched)
    http_status: int | None
    last_error: str | None
    failures: int
    next_try: float
    last_new: int
    total_new: int


@dataclass(frozen=True)
class SourceUpdate:
    """What one round did to a source (None keeps the stored value)."""

    url: str
    status: str
    when: float
    kind: str | None = None
    title: str | None = None
    http_status: int | None = None
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    next_try: float = 0.0
    new: int = 0
    entries: tuple[str, ...] = ()


class FeedTable:
    """The feeds tables of ``store`` (made on first use); the store stays open for as long as the table is used."""

    def __init__(self, store: Store):
        from ..stories.store.sql import SQLStore

        if not isinstance(store, SQLStore):
            raise StoreError(f"{store.path}: following feeds needs a SQLite or PostgreSQL store")
        self.store: SQLStore = store
        self.path = store.path
        names, self._order = _BACKENDS["postgres" if is_postgres_url(store.path) else "sqlite"]
        self._schema = _SCHEMA.format(**names)
        self._create()

    def _create(self) -> None:
        st = self.store
        with st._write():
            for stmt in filter(str.strip, self._schema.split(";")):
                st._x(stmt)
            row = st._x("SELECT value FROM feed_meta WHERE key='schema_version'").fetchone()
            if row and int(row[0]) > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: feeds table made by a newer storylens (schema {row[0]}, this one "
                                 f"reads up to {SCHEMA_VERSION}); upgrade storylens")
            st._x("INSERT INTO feed_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                  (str(SCHEMA_VERSION),))

    def add(self, sources: Iterable[Source], now: float) -> int:
        """Add sources not followed yet (one transaction); the number added."""
        st = self.store
        with st._write():
            before = st._x("SELECT count(*) FROM feed_sources").fetchone()[0]
            for s in sources:
                st._x("INSERT INTO feed_sources (url, kind, title, added_from, added_at) VALUES (?,?,?,?,?) "
                      "ON CONFLICT DO NOTHING", (s.url, s.kind, s.title, s.added_from, now))
            return int(st._x("SELECT count(*) FROM feed_sources").fetchone()[0]) - int(before)

    def sources(self) -> list[SourceRow]:
        rows = self.store._x(f"SELECT {', '.join(_COLS)} FROM feed_sources ORDER BY {self._order}").fetchall()
        return [SourceRow(*r) for r in rows]

    def taken(self) -> set[str]:
        """The ids of the articles already taken from feeds."""
        return {r[0] for r in self.store._x("SELECT article_id FROM feed_entries").fetchall()}

    def record(self, updates: Sequence[SourceUpdate]) -> None:
        """What a round did to these sources, in one transaction."""
        with self.store._write():
            for u in updates:
                self._update(u)

    def _update(self, u: SourceUpdate) -> None:
        st = self.store
        ok = u.status in ("fetched", "unchanged")
        failures = "0" if ok else ("failures + 1" if u.status == "failed" else "failures")
        # the values typed where the SQL alone does not say (PostgreSQL asks for a type of a lone NULL)
        st._x(
            f"UPDATE feed_sources SET last_status=?, failures={failures}, next_try=?, "
            "kind=coalesce(CAST(? AS TEXT), kind), "
            "title=CASE WHEN title='' THEN coalesce(CAST(? AS TEXT), '') ELSE title END, "
            "last_fetch=CASE WHEN ?='deferred' THEN last_fetch ELSE ? END, "
            "http_status=CASE WHEN ?='deferred' THEN http_status ELSE CAST(? AS INTEGER) END, "
            "last_error=CASE WHEN ? THEN NULL WHEN CAST(? AS TEXT) IS NULL THEN last_error "
            "ELSE CAST(? AS TEXT) END, "
            "etag=CASE WHEN ?='fetched' THEN CAST(? AS TEXT) ELSE etag END, "
            "last_modified=CASE WHEN ?='fetched' THEN CAST(? AS TEXT) ELSE last_modified END, "
            "last_new=CASE WHEN ?='deferred' THEN last_new ELSE CAST(? AS INTEGER) END, "
            "total_new=total_new + CAST(? AS INTEGER) WHERE url=?",
            (u.status, u.next_try, u.kind, u.title, u.status, u.when, u.status, u.http_status, ok, u.error, u.error,
             u.status, u.etag, u.status, u.last_modified, u.status, u.new, u.new, u.url))
        for e in u.entries:
            st._x("INSERT INTO feed_entries (article_id, source_url, first_seen) VALUES (?,?,?) "
                  "ON CONFLICT DO NOTHING", (e, u.url, u.when))
