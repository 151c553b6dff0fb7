"""The default store: one SQLite file (WAL mode: readers never wait for the writer), FTS5 full-text search.

The schema is versioned (``meta.schema_version``); :data:`MIGRATIONS` maps a
version to the function that upgrades a store from the version before it, so
a later release opens an older file by migrating it in one transaction.  A
store file made by an earlier release stays readable as it is (version 1 to
3 files are migrated in place, their rows unchanged).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from typing import Any, Callable, Iterator, Sequence

from . import StoreError
from . import sql as _sql
from .query import parse, to_fts5

SCHEMA_VERSION = _sql.SCHEMA_VERSION
BUSY_TIMEOUT_S = 60  # how long a writer waits for another one to finish

_SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    story_id TEXT NOT NULL,
    duplicate_of TEXT,
    content_hash TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    outlet TEXT NOT NULL DEFAULT '',
    published TEXT,
    author TEXT NOT NULL DEFAULT '',
    agency TEXT NOT NULL DEFAULT '',
    dateline TEXT NOT NULL DEFAULT '',
    path TEXT NOT NULL DEFAULT '',
    published_inferred INTEGER NOT NULL DEFAULT 0,
    meta TEXT NOT NULL DEFAULT '{}',
    text TEXT NOT NULL,
    signature BLOB
);
CREATE INDEX articles_story ON articles (story_id, published);
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    first_seen TEXT,
    last_seen TEXT,
    size INTEGER NOT NULL DEFAULT 0,
    outlets TEXT NOT NULL DEFAULT '[]',
    active INTEGER NOT NULL DEFAULT 1,
    centroid TEXT,
    updated INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_recent ON stories (last_seen, updated);
CREATE TABLE df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content='articles', content_rowid='seq',
                                              tokenize='unicode61 remove_diacritics 2');
"""


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (``executescript`` would commit the open transaction)."""
    for stmt in script.split(";"):
        if stmt.strip():
            conn.execute(stmt)


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    _run_script(conn, _SCHEMA_V1)


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    """Version 2 knows which titles were made from a URL (``title_inferred``), so that a story's title is
    a member's headline whenever one has one.  A version-1 store is back-filled: an article whose title is
    its URL's slug title is marked, and a story titled that way takes its first member's real headline."""
    from ...ingest.clean import title_from_url

    conn.execute("ALTER TABLE articles ADD COLUMN title_inferred INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE stories ADD COLUMN title_inferred INTEGER NOT NULL DEFAULT 0")
    marked = [(seq,) for seq, title, url in conn.execute(
        "SELECT seq, title, url FROM articles WHERE title != '' AND url != ''") if title == title_from_url(url)]
    conn.executemany("UPDATE articles SET title_inferred = 1 WHERE seq = ?", marked)
    conn.execute("UPDATE stories SET title_inferred = 1 WHERE EXISTS (SELECT 1 FROM articles a WHERE "
                 "a.story_id = stories.id AND a.title = stories.title AND a.title_inferred = 1)")
    conn.execute("UPDATE stories SET title = (SELECT a.title FROM articles a WHERE a.story_id = stories.id AND "
                 "a.title != '' AND a.title_inferred = 0 ORDER BY a.seq LIMIT 1), title_inferred = 0 "
                 "WHERE title_inferred = 1 AND EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id "
                 "AND a.title != '' AND a.title_inferred = 0)")


def _migrate_to_3(conn: sqlite3.Connection) -> None:
    _run_script(conn, ";".join(_sql.SCHEMA_V3))


def _migrate_to_4(conn: sqlite3.Connection) -> None:
    _run_script(conn, ";".join(_sql.SCHEMA_V4))


# version -> the function that upgrades a store at version-1 to version
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_to_1, 2: _migrate_to_2, 3: _migrate_to_3,
                                                               4: _migrate_to_4}

_DAMAGED = ("malformed", "not a database", "disk image", "corrupt")


def describe(path: str, exc: BaseException) -> str:
    """A one-line message for a SQLite error, saying what to do."""
    text = str(exc) or type(exc).__name__
    low = text.lower()
    if any(w in low for w in _DAMAGED):
        return (f"{path}: the store file is damaged ({text}); restore it from a copy, or rebuild it from the "
                f"articles with: storylens cluster FILES --store NEW.db")
    if "locked" in low or "busy" in low:
        return f"{path}: busy: another process held the store for over {BUSY_TIMEOUT_S} s ({text}); retry later"
    if "readonly" in low or "read-only" in low:
        return f"{path}: cannot write to the store ({text}); check the permissions of the file and its folder"
    if isinstance(exc, UnicodeEncodeError):
        return f"{path}: text that is not valid Unicode (a lone surrogate) cannot be stored"
    return f"{path}: database error ({text})"


class SQLiteStore(_sql.SQLStore):
    _migrations = MIGRATIONS

    def __init__(self, path: str, *, create: bool = True):
        self.path = path
        self.conn: sqlite3.Connection | None = None
        self._depth = 0
        if path != ":memory:" and not os.path.exists(path):
            if not create:
                raise StoreError(f"{path}: no such store (create it with: storylens cluster FILES --store {path})")
            parent = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(parent):
                raise StoreError(f"{path}: folder {parent} does not exist")
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:
            raise StoreError(describe(path, exc)) from None
        try:
            self._wal()
            self._x("PRAGMA synchronous=NORMAL")
            self._x("PRAGMA foreign_keys=ON")
            self._migrate(create=True)
        except BaseException:
            self.close()
            raise

    def _wal(self) -> None:
        """WAL mode; switching a new file to it needs a moment alone, so a second opener retries."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        delay = 0.01
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")  # type: ignore[union-attr]
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                    raise StoreError(describe(self.path, exc)) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
            except sqlite3.Error as exc:
                raise StoreError(describe(self.path, exc)) from None

    # -- the backend's part -----------------------------------------------------------------------
    def _x(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        if self.conn is None:
            raise StoreError(f"{self.path}: the store is closed")
        try:
            return self.conn.execute(sql, params)
        except (sqlite3.Error, UnicodeEncodeError, OverflowError) as exc:
            raise StoreError(describe(self.path, exc)) from None

    @contextlib.contextmanager
    def _outermost(self, write: bool) -> Iterator[None]:
        self._x("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield
            self._x("COMMIT")
        except BaseException:
            if self.conn is not None and self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise

    def _tables(self) -> set[str]:
        return {r[0] for r in self._x("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").fetchall()}

    def _migration_target(self) -> sqlite3.Connection:
        assert self.conn is not None
        return self.conn

    def _index_text(self, cursor: Any, title: str, text: str) -> None:
        self._x("INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)", (cursor.lastrowid, title, text))

    def _search(self, query: str, limit: int | None, offset: int) -> list[tuple]:
        sql = ("SELECT a.id, a.story_id, a.title, snippet(articles_fts, 1, '[', ']', ' ... ', 12), "
               "-bm25(articles_fts), a.outlet, a.published, a.title_inferred "
               "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? "
               "ORDER BY bm25(articles_fts), a.seq LIMIT ? OFFSET ?")
        return self._x(sql, (to_fts5(parse(query)), -1 if limit is None else limit, offset)).fetchall()

    def _search_total(self, query: str) -> int:
        return self._x("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                       (to_fts5(parse(query)),)).fetchone()[0]

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
