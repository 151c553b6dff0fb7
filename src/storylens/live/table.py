"""The feeds table: the sources a store follows and what their last fetch did, in the store's own SQLite file.

Its tables (``feed_meta``, ``feed_sources``, ``feed_entries``) carry their
own schema version, apart from the store's, and are created in one
``BEGIN IMMEDIATE`` transaction, so two followers starting at once agree.
``feed_entries`` lists the articles taken from feeds (their pages are not
fetched again).  SQLite only: a PostgreSQL store has no feeds table yet.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..stories.store import StoreError
from .sources import Source

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feed_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feed_sources (
    url TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', added_from TEXT NOT NULL DEFAULT '',
    added_at REAL NOT NULL, etag TEXT, last_modified TEXT, last_fetch REAL, last_status TEXT, http_status INTEGER,
    last_error TEXT, failures INTEGER NOT NULL DEFAULT 0, next_try REAL NOT NULL DEFAULT 0,
    last_new INTEGER NOT NULL DEFAULT 0, total_new INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS feed_entries (
    article_id TEXT PRIMARY KEY, source_url TEXT NOT NULL, first_seen REAL NOT NULL);
"""
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
    def __init__(self, path: str):
        if path.startswith(("postgres://", "postgresql://")):
            raise StoreError(f"{path}: following feeds needs a SQLite store in this release")
        self.path = path
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=60, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA busy_timeout=60000")
            self._create()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot keep the feeds table in this file ({exc})") from None

    def _create(self) -> None:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            for stmt in filter(str.strip, _SCHEMA.split(";")):
                c.execute(stmt)
            row = c.execute("SELECT value FROM feed_meta WHERE key='schema_version'").fetchone()
            if row and int(row[0]) > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: feeds table made by a newer storylens (schema {row[0]}, this one "
                                 f"reads up to {SCHEMA_VERSION}); upgrade storylens")
            c.execute("INSERT OR IGNORE INTO feed_meta (key, value) VALUES ('schema_version', ?)",
                      (str(SCHEMA_VERSION),))
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def add(self, sources: Iterable[Source], now: float) -> int:
        """Add sources not followed yet (one transaction); the number added."""
        c = self.conn
        before = c.total_changes
        c.execute("BEGIN IMMEDIATE")
        try:
            c.executemany("INSERT OR IGNORE INTO feed_sources (url, kind, title, added_from, added_at) "
                          "VALUES (?,?,?,?,?)", [(s.url, s.kind, s.title, s.added_from, now) for s in sources])
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return c.total_changes - before

    def sources(self) -> list[SourceRow]:
        rows = self.conn.execute(f"SELECT {', '.join(_COLS)} FROM feed_sources ORDER BY rowid").fetchall()
        return [SourceRow(*r) for r in rows]

    def taken(self) -> set[str]:
        """The ids of the articles already taken from feeds."""
        return {r[0] for r in self.conn.execute("SELECT article_id FROM feed_entries")}

    def record(self, updates: Sequence[SourceUpdate]) -> None:
        """What a round did to these sources, in one transaction."""
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            for u in updates:
                self._update(u)
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def _update(self, u: SourceUpdate) -> None:
        c = self.conn
        ok = u.status in ("fetched", "unchanged")
        failures = "0" if ok else ("failures + 1" if u.status == "failed" else "failures")
        c.execute(
            f"UPDATE feed_sources SET last_status=?, failures={failures}, next_try=?, "
            "kind=coalesce(?, kind), title=CASE WHEN title='' THEN coalesce(?, '') ELSE title END, "
            "last_fetch=CASE WHEN ?='deferred' THEN last_fetch ELSE ? END, "
            "http_status=CASE WHEN ?='deferred' THEN http_status ELSE ? END, "
            "last_error=CASE WHEN ? THEN NULL WHEN ? IS NULL THEN last_error ELSE ? END, "
            "etag=CASE WHEN ?='fetched' THEN ? ELSE etag END, "
            "last_modified=CASE WHEN ?='fetched' THEN ? ELSE last_modified END, "
            "last_new=CASE WHEN ?='deferred' THEN last_new ELSE ? END, total_new=total_new + ? WHERE url=?",
            (u.status, u.next_try, u.kind, u.title, u.status, u.when, u.status, u.http_status, ok, u.error, u.error,
             u.status, u.etag, u.status, u.last_modified, u.status, u.new, u.new, u.url))
        c.executemany("INSERT OR IGNORE INTO feed_entries (article_id, source_url, first_seen) VALUES (?,?,?)",
                      [(e, u.url, u.when) for e in u.entries])

    def close(self) -> None:
        self.conn.close()
