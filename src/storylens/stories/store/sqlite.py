"""The default store: one SQLite file (WAL mode), FTS5 full-text search.

The schema is versioned (``meta.schema_version``); :data:`MIGRATIONS` maps a
version to the function that upgrades a store from the version before it, so
a later release opens an older file by migrating it in one transaction.
"""

from __future__ import annotations

import json
import os
import sqlite3
from typing import Callable, Iterable, Iterator

from ...models import Article
from . import (BatchRecord, SearchHit, StaleStateError, Store, StoredArticle, StoredStory, StoreError,
               UnknownStoryError)

SCHEMA_VERSION = 2

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


# version -> the function that upgrades a store at version-1 to version
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_to_1, 2: _migrate_to_2}

_ARTICLE_COLS = ("id", "text", "title", "url", "outlet", "published", "author", "agency", "dateline", "path",
                 "published_inferred", "title_inferred", "meta")


class SQLiteStore(Store):
    def __init__(self, path: str, *, create: bool = True):
        self.path = path
        if path != ":memory:" and not os.path.exists(path):
            if not create:
                raise StoreError(f"{path}: no such store (create it with: storylens cluster FILES --store {path})")
            parent = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(parent):
                raise StoreError(f"{path}: folder {parent} does not exist")
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=60)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a storylens store or damaged ({exc})") from None

    # -- schema ------------------------------------------------------------------------------
    def schema_version(self) -> int:
        has_meta = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if not has_meta:
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise StoreError(f"{self.path}: a SQLite file that is not a storylens store")
            return 0
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: made by a newer storylens (schema {version}, this one reads "
                             f"up to {SCHEMA_VERSION}); upgrade storylens")
        while version < SCHEMA_VERSION:
            nxt = version + 1
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[nxt](self.conn)
                self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(nxt),))
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            version = nxt

    # -- writes --------------------------------------------------------------------------------
    def write_batch(self, batch: BatchRecord) -> None:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            tick = int(self._meta("tick", "0"))
            if batch.expected_version is not None and tick != batch.expected_version:
                raise StaleStateError(f"{self.path}: changed by another writer; reload and retry")
            tick += 1
            for sa in batch.articles:
                a = sa.article
                cur = c.execute(
                    "INSERT INTO articles (id, story_id, duplicate_of, content_hash, title, url, outlet, published, "
                    "author, agency, dateline, path, published_inferred, title_inferred, meta, text, signature) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (a.id, sa.story_id, sa.duplicate_of, batch.content_hashes[a.id], a.title, a.url, a.outlet,
                     a.published, a.author, a.agency, a.dateline, a.path, int(a.published_inferred),
                     int(a.title_inferred),
                     json.dumps(dict(a.meta), ensure_ascii=False, default=str), a.text,
                     batch.signatures.get(a.id)))
                c.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)",
                          (cur.lastrowid, a.title, a.text))
            # a story keeps its title unless it has none, or only one made from a URL and a headline came
            better = ("(stories.title = '' OR (stories.title_inferred = 1 AND excluded.title != '' "
                      "AND excluded.title_inferred = 0))")
            for st in batch.stories:
                c.execute(
                    "INSERT INTO stories (id, ord, title, title_inferred, active, centroid, updated) "
                    "VALUES (?,?,?,?,?,?,?) "
                    f"ON CONFLICT(id) DO UPDATE SET title = CASE WHEN {better} THEN excluded.title "
                    f"ELSE stories.title END, title_inferred = CASE WHEN {better} THEN excluded.title_inferred "
                    "ELSE stories.title_inferred END, active=excluded.active, centroid=excluded.centroid, "
                    "updated=excluded.updated, ord=CASE WHEN excluded.ord >= 0 THEN excluded.ord ELSE stories.ord END",
                    (st["id"], st["order"], st.get("title") or "", int(bool(st.get("title_inferred"))),
                     int(st["active"]),
                     json.dumps(st["centroid"], separators=(",", ":")) if st["active"] else None, tick))
                self._refresh_story(st["id"])
            c.executemany("INSERT INTO df (term, n) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
                          sorted(batch.df_delta.items()))
            if batch.n_docs is not None:
                c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('n_docs', ?)", (str(batch.n_docs),))
            if batch.settings is not None:
                c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('cluster_settings', ?)",
                          (json.dumps(batch.settings, sort_keys=True),))
            c.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('tick', ?)", (str(tick),))
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def _refresh_story(self, sid: str) -> None:
        c = self.conn
        size, first, last = c.execute(
            "SELECT count(*), min(published), max(published) FROM articles WHERE story_id=?", (sid,)).fetchone()
        outlets = sorted(r[0] for r in c.execute(
            "SELECT DISTINCT outlet FROM articles WHERE story_id=? AND outlet != ''", (sid,)))
        c.execute("UPDATE stories SET size=?, first_seen=?, last_seen=?, outlets=? WHERE id=?",
                  (size, first, last, json.dumps(outlets, ensure_ascii=False), sid))

    def version(self) -> int:
        return int(self._meta("tick", "0"))

    def _meta(self, key: str, default: str) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    # -- reads ---------------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            q = "SELECT id FROM articles WHERE id IN (%s)" % ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(q, chunk))
        return found

    def _story_row(self, r) -> StoredStory:
        sid, title, first, last, size, outlets = r
        ids = tuple(x[0] for x in self.conn.execute(
            "SELECT id FROM articles WHERE story_id=? ORDER BY published IS NULL, published, seq", (sid,)))
        return StoredStory(id=sid, article_ids=ids, title=title, first_seen=first, last_seen=last,
                           outlets=tuple(json.loads(outlets)), size=size)

    def stories(self, limit: int | None = None) -> list[StoredStory]:
        q = ("SELECT id, title, first_seen, last_seen, size, outlets FROM stories "
             "ORDER BY last_seen IS NULL, last_seen DESC, updated DESC, ord DESC")
        if limit:
            q += f" LIMIT {int(limit)}"
        return [self._story_row(r) for r in self.conn.execute(q).fetchall()]

    def story(self, story_id: str) -> StoredStory:
        r = self.conn.execute("SELECT id, title, first_seen, last_seen, size, outlets FROM stories WHERE id=?",
                              (story_id,)).fetchone()
        if r is None:
            raise UnknownStoryError(story_id, self.path)
        return self._story_row(r)

    def story_articles(self, story_id: str) -> list[Article]:
        """The story's articles, oldest first; a copy carries ``meta["duplicate_of"]`` (its original's id)."""
        if not self.conn.execute("SELECT 1 FROM stories WHERE id=?", (story_id,)).fetchone():
            raise UnknownStoryError(story_id, self.path)
        rows = self.conn.execute(
            "SELECT %s, duplicate_of FROM articles WHERE story_id=? ORDER BY published IS NULL, published, seq"
            % ", ".join(_ARTICLE_COLS), (story_id,)).fetchall()
        out = []
        for r in rows:
            d = dict(zip(_ARTICLE_COLS, r[:-1]))
            d["published_inferred"] = bool(d["published_inferred"])
            d["title_inferred"] = bool(d["title_inferred"])
            d["meta"] = json.loads(d["meta"] or "{}")
            d["meta"]["story_id"] = story_id
            if r[-1]:
                d["meta"]["duplicate_of"] = r[-1]  # a copy: one report, several outlets
            out.append(Article(**d))
        return out

    def assignments(self) -> Iterator[StoredArticle]:
        for r in self.conn.execute("SELECT seq, id, story_id, duplicate_of, title, outlet, published FROM articles "
                                   "ORDER BY seq"):
            yield StoredArticle(Article(id=r[1], text="", title=r[4], outlet=r[5], published=r[6]), r[2], r[3], r[0])

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        q = query.strip()
        if not q:
            raise StoreError("empty search query")
        sql = ("SELECT a.id, a.story_id, a.title, snippet(articles_fts, 1, '[', ']', ' ... ', 12), bm25(articles_fts), "
               "a.outlet, a.published, a.title_inferred "
               "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? "
               "ORDER BY bm25(articles_fts), a.seq LIMIT ?")
        try:
            rows = self.conn.execute(sql, (q, int(limit))).fetchall()
        except sqlite3.OperationalError:
            # not valid FTS5 syntax: search the words as plain terms
            terms = " ".join('"%s"' % w.replace('"', '""') for w in q.split())
            rows = self.conn.execute(sql, (terms, int(limit))).fetchall()
        return [SearchHit(r[0], r[1], r[2], r[3], -float(r[4]), r[5], r[6], bool(r[7])) for r in rows]

    def dedup_rows(self) -> Iterator[tuple[str, str, str, bytes | None]]:
        for r in self.conn.execute("SELECT id, coalesce(duplicate_of, id), content_hash, signature FROM articles "
                                   "ORDER BY seq"):
            yield r[0], r[1], r[2], r[3]

    def cluster_state(self) -> tuple[list[dict], dict[str, int], int, dict[str, str]]:
        stories = [{"id": r[0], "order": r[1], "title": r[2], "first_seen": r[3], "last_seen": r[4],
                    "centroid": json.loads(r[5]) if r[5] else {}, "title_inferred": bool(r[6])}
                   for r in self.conn.execute("SELECT id, ord, title, first_seen, last_seen, centroid, title_inferred "
                                              "FROM stories WHERE active=1 ORDER BY ord")]
        df = dict(self.conn.execute("SELECT term, n FROM df"))
        n = int(self._meta("n_docs", "0"))
        article_story = dict(self.conn.execute("SELECT id, story_id FROM articles"))
        return stories, df, n, article_story

    def settings(self) -> dict:
        return json.loads(self._meta("cluster_settings", "{}"))

    def counts(self) -> dict[str, int]:
        a, d = self.conn.execute("SELECT count(*), count(duplicate_of) FROM articles").fetchone()
        s = self.conn.execute("SELECT count(*) FROM stories").fetchone()[0]
        return {"articles": a, "stories": s, "duplicates": d}

    def close(self) -> None:
        if getattr(self, "conn", None) is not None:
            self.conn.close()
            self.conn = None
