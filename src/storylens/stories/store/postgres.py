"""The PostgreSQL store (extra ``postgres``: psycopg 3): ``open_store("postgresql://user@host/db")``.

The same tables, schema versions and SQL as the SQLite store (:mod:`.sql`);
full-text search is PostgreSQL's own: a generated ``tsvector`` column with a
GIN index, queried with a tsquery built from the shared query language
(:mod:`.query`), words only as parameters.  Writers serialise on a
transaction-scoped advisory lock (the counterpart of SQLite's ``BEGIN
IMMEDIATE``); readers read a REPEATABLE READ snapshot and never wait (MVCC).
The tables live in the first schema of the connection's ``search_path``
(``?options=-csearch_path%3Dname`` in the URL picks another).
"""

from __future__ import annotations

import contextlib
import re
from typing import Any, Iterator, Sequence

from ..._optional import require
from . import StoreError
from . import sql as _sql
from .query import parse, to_tsquery_sql

SCHEMA_VERSION = _sql.SCHEMA_VERSION
LOCK_KEY = 0x53544F52  # the advisory lock every storylens writer takes ("STOR")
TS_CONFIG = "simple"  # no stemming and no stop words, as SQLite's unicode61 tokenizer
FTS_CHARS = 300_000  # characters of an article's text indexed (a tsvector holds at most 1 MB)
CONNECT_TIMEOUT_S = 10

_SCHEMA_V1 = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE articles (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id TEXT COLLATE \"C\" NOT NULL "
    "UNIQUE, story_id TEXT COLLATE \"C\" NOT NULL, duplicate_of TEXT, content_hash TEXT NOT NULL, "
    "title TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '', outlet TEXT COLLATE \"C\" NOT NULL DEFAULT '', "
    "published TEXT COLLATE \"C\", author TEXT NOT NULL DEFAULT '', agency TEXT NOT NULL DEFAULT '', "
    "dateline TEXT NOT NULL DEFAULT '', path TEXT NOT NULL DEFAULT '', published_inferred INTEGER NOT NULL DEFAULT 0, "
    "meta TEXT NOT NULL DEFAULT '{}', text TEXT NOT NULL, signature BYTEA, "
    f"tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('{TS_CONFIG}', title), 'A') || "
    f"setweight(to_tsvector('{TS_CONFIG}', left(text, {FTS_CHARS})), 'B')) STORED)",
    "CREATE INDEX articles_story ON articles (story_id, published)",
    "CREATE INDEX articles_fts ON articles USING GIN (tsv)",
    "CREATE TABLE stories (id TEXT COLLATE \"C\" PRIMARY KEY, ord BIGINT NOT NULL, title TEXT NOT NULL DEFAULT '', "
    "first_seen TEXT COLLATE \"C\", last_seen TEXT COLLATE \"C\", size INTEGER NOT NULL DEFAULT 0, "
    "outlets TEXT NOT NULL DEFAULT '[]', active INTEGER NOT NULL DEFAULT 1, centroid TEXT, "
    "updated BIGINT NOT NULL DEFAULT 0)",
    "CREATE INDEX stories_recent ON stories (last_seen, updated)",
    "CREATE TABLE df (term TEXT COLLATE \"C\" PRIMARY KEY, n BIGINT NOT NULL)",
)
_SCHEMA_V2 = (
    "ALTER TABLE articles ADD COLUMN title_inferred INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE stories ADD COLUMN title_inferred INTEGER NOT NULL DEFAULT 0",
)


def _steps(statements: Sequence[str]):
    def step(store: "PostgresStore") -> None:
        for stmt in statements:
            store._x(stmt)
    return step


# version -> the step that upgrades a store at version-1 (no PostgreSQL store predates version 3, so the
# version-2 back-fill of slug titles that SQLite files need has nothing to do here)
MIGRATIONS = {1: _steps(_SCHEMA_V1), 2: _steps(_SCHEMA_V2), 3: _steps(_sql.SCHEMA_V3), 4: _steps(_sql.SCHEMA_V4)}


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def describe(where: str, exc: BaseException) -> str:
    """A one-line message for a psycopg error, saying what to do."""
    if isinstance(exc, UnicodeEncodeError):  # a lone surrogate in a query's value, as SQLite's store says
        return f"{where}: text that is not valid Unicode (a lone surrogate) cannot be stored"
    text = " ".join(str(exc).split()) or type(exc).__name__
    psycopg = require("psycopg", "postgres", "the PostgreSQL store")
    if isinstance(exc, psycopg.OperationalError):
        return f"{where}: cannot reach the database ({text}); check that PostgreSQL runs and the URL is right"
    if isinstance(exc, psycopg.errors.DataCorrupted):
        return f"{where}: the database is damaged ({text}); restore it from a backup"
    return f"{where}: database error ({text})"


class PostgresStore(_sql.SQLStore):
    _migrations = MIGRATIONS
    _no_limit = None

    def __init__(self, url: str, *, create: bool = True):
        self.path = redact(url)
        self.conn: Any = None
        self._depth = 0
        self._psycopg = require("psycopg", "postgres", "the PostgreSQL store")
        try:
            self.conn = self._psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except self._psycopg.Error as exc:
            raise StoreError(describe(self.path, exc)) from None
        try:
            self._migrate(create=create)
        except BaseException:
            self.close()
            raise

    # -- the backend's part -----------------------------------------------------------------------
    def _x(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if self.conn is None:
            raise StoreError(f"{self.path}: the store is closed")
        try:
            return self.conn.execute(sql.replace("?", "%s"), params)
        except (self._psycopg.Error, UnicodeEncodeError) as exc:
            raise StoreError(describe(self.path, exc)) from None

    @contextlib.contextmanager
    def _outermost(self, write: bool) -> Iterator[None]:
        try:
            with self.conn.transaction():
                if write:
                    self._x("SELECT pg_advisory_xact_lock(?)", (LOCK_KEY,))
                else:
                    self._x("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield
        except self._psycopg.Error as exc:  # the commit itself failed
            raise StoreError(describe(self.path, exc)) from None

    def _tables(self) -> set[str]:
        # the tables of the schema new tables go to: the first of the search path
        return {r[0] for r in self._x(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").fetchall()}

    def _index_text(self, cursor: Any, title: str, text: str) -> None:
        return None  # the tsv column is generated from title and text

    def _search(self, query: str, limit: int | None, offset: int) -> list[tuple]:
        expr, params = to_tsquery_sql(parse(query), TS_CONFIG)
        sql = (f"WITH q AS (SELECT {expr} AS q) SELECT a.id, a.story_id, a.title, "
               f"ts_headline('{TS_CONFIG}', left(a.text, {FTS_CHARS}), q.q, "
               "'StartSel=[, StopSel=], MaxWords=20, MinWords=8, MaxFragments=1, FragmentDelimiter=\" ... \"'), "
               "ts_rank_cd(a.tsv, q.q), a.outlet, a.published, a.title_inferred FROM articles a, q "
               "WHERE a.tsv @@ q.q ORDER BY 5 DESC, a.seq LIMIT %s OFFSET %s")
        return self._xp(sql, [*params, limit, offset]).fetchall()

    def _search_total(self, query: str) -> int:
        expr, params = to_tsquery_sql(parse(query), TS_CONFIG)
        return self._xp(f"SELECT count(*) FROM articles WHERE tsv @@ {expr}", params).fetchone()[0]

    def _xp(self, sql: str, params: Sequence[Any]) -> Any:
        """Execute SQL written with ``%s`` placeholders (the tsquery fragments)."""
        try:
            return self.conn.execute(sql, params)
        except self._psycopg.Error as exc:
            raise StoreError(describe(self.path, exc)) from None

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(self._psycopg.Error):
                self.conn.close()
            self.conn = None
