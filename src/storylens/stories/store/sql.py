"""The one SQL implementation of :class:`~storylens.stories.store.Store`, for SQLite and PostgreSQL.

A backend supplies the connection, its transactions, the placeholder style,
its migrations, full-text indexing and search, and how its driver's errors
read; everything else (batches, stories, digests, identities) is written once
here, in SQL both databases accept.  SQL only ever takes values as parameters.

The schema is versioned (``meta.schema_version``, :data:`SCHEMA_VERSION` on
both backends); each backend's ``MIGRATIONS`` maps a version to the step that
upgrades from the version before.  Opening a store whose version is current
takes no lock; otherwise the whole chain runs in one write transaction, the
version read again inside it, so two processes creating one new store at once
serialise: the second finds the schema made and proceeds.
"""

from __future__ import annotations

import abc
import contextlib
import json
from typing import Any, Iterable, Iterator, Sequence

from ...models import Article
from . import (BatchRecord, Identity, SearchHit, StaleStateError, Store, StoredArticle, StoredStory, StoreError,
               StoryFilter, UnknownStoryError)
from .digests import DEFAULT_DIGEST_SETTINGS, checked_settings, compute_digest, settings_key

SCHEMA_VERSION = 4

# version 3, the same on both backends: a nullable language per article, the earlier version an article
# revises, a story version that changes only when its articles do, and the digest cache
SCHEMA_V3 = (
    "ALTER TABLE articles ADD COLUMN lang TEXT",
    "ALTER TABLE articles ADD COLUMN revises TEXT",
    "ALTER TABLE stories ADD COLUMN version BIGINT NOT NULL DEFAULT 0",
    "UPDATE stories SET version = updated",
    "CREATE INDEX articles_url ON articles (url) WHERE url != ''",
    "CREATE INDEX articles_hash ON articles (content_hash)",
    "CREATE TABLE digests (story_id TEXT PRIMARY KEY, version BIGINT NOT NULL, options TEXT NOT NULL, "
    "digest TEXT, error TEXT)",
    # the stories of an older store are digested when asked (refresh_digests()), not by the next write
    "INSERT INTO meta (key, value) SELECT 'digests_through', value FROM meta WHERE key = 'tick'",
)

# version 4: the batch (the store's version) that wrote each article, so that a story's articles after one of
# its versions are known (``storylens digest --since-version``).  An older store's articles are taken to
# have joined at their story's version then: the earliest version known to hold them.
# The index on outlets serves the story lists filtered by outlet.
SCHEMA_V4 = (
    "ALTER TABLE articles ADD COLUMN batch BIGINT",
    "UPDATE articles SET batch = (SELECT s.version FROM stories s WHERE s.id = articles.story_id)",
    "CREATE INDEX articles_outlet ON articles (outlet, story_id)",
)

_ARTICLE_COLS = ("id", "text", "title", "url", "outlet", "published", "author", "agency", "dateline", "path",
                 "published_inferred", "title_inferred", "meta", "lang")
_INSERT_COLS = ("id", "story_id", "duplicate_of", "content_hash", "title", "url", "outlet", "published", "author",
                "agency", "dateline", "path", "published_inferred", "title_inferred", "meta", "text", "signature",
                "lang", "revises", "batch")
_STORY_COLS = "id, title, first_seen, last_seen, size, outlets, version"
_NEWEST_FIRST = "ORDER BY last_seen IS NULL, last_seen DESC, updated DESC, ord DESC"
_MEMBER_ORDER = "ORDER BY published IS NULL, published, seq"
# a story keeps its title unless it has none, or only one made from a URL and a headline came
_BETTER_TITLE = ("(stories.title = '' OR (stories.title_inferred = 1 AND excluded.title != '' "
                 "AND excluded.title_inferred = 0))")
_DIGEST_CHUNK = 50
_MAX_OFFSET = 2**31 - 1  # a character offset SQL's INTEGER holds (no text is near it: limits.py bounds them)
# tables other storylens modules keep in the store's database, made before or after the store's own
# (the live follower's feeds table: feed_meta, feed_sources, feed_entries)
COMPANION_PREFIXES = ("feed_",)  # digests written per transaction


def _story_where(f: StoryFilter | None) -> tuple[str, list[Any]]:
    """`` WHERE ...`` over ``stories`` and its parameters for a filter ("" when it keeps every story)."""
    if f is None:
        return "", []
    clauses: list[str] = []
    params: list[Any] = []
    if f.date_from:  # the story's span overlaps the range; NULL (undated) compares false
        clauses.append("last_seen >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("first_seen <= ?")
        params.append(f.date_to)
    if f.outlet:  # the story's outlets are its articles' (stories.outlets is their JSON list)
        clauses.append("id IN (SELECT story_id FROM articles WHERE outlet = ?)")
        params.append(f.outlet)
    if f.ids is not None:
        clauses.append(f"id IN ({','.join('?' * len(f.ids))})" if f.ids else "1 = 0")
        params += list(f.ids)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _has_lang() -> bool:
    return "lang" in getattr(Article, "__dataclass_fields__", {})


class SQLStore(Store):
    """Everything but the connection, transactions, migrations and full-text search."""

    path: str
    _migrations: dict[int, Any]
    _no_limit: int | None = -1  # the LIMIT that means none (SQLite -1; PostgreSQL NULL)

    # -- what a backend supplies -------------------------------------------------------------
    @abc.abstractmethod
    def _x(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Execute ``sql`` (``?`` placeholders) and return the cursor; driver errors become StoreError."""

    _depth = 0  # how many transactions are open: only the outermost is the backend's

    @abc.abstractmethod
    def _outermost(self, write: bool) -> contextlib.AbstractContextManager[None]:
        """The backend's transaction: a write one (one writer at a time, all or nothing) or a read one (one
        consistent snapshot, never waiting for a writer)."""

    @contextlib.contextmanager
    def _transaction(self, write: bool) -> Iterator[None]:
        if self._depth:  # inside the open transaction: part of it
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._outermost(write):
                yield
        finally:
            self._depth = 0

    def _write(self) -> contextlib.AbstractContextManager[None]:
        """A write transaction: one writer at a time, all or nothing."""
        return self._transaction(write=True)

    def _read(self) -> contextlib.AbstractContextManager[None]:
        """A read transaction: one consistent snapshot, never waiting for a writer."""
        return self._transaction(write=False)

    @abc.abstractmethod
    def _tables(self) -> set[str]:
        """The names of the tables in the store's database (or schema)."""

    @abc.abstractmethod
    def _index_text(self, cursor: Any, title: str, text: str) -> None:
        """Index the article the ``cursor`` just inserted for full-text search (where the database does not)."""

    @abc.abstractmethod
    def _search(self, query: str, limit: int | None, offset: int) -> list[tuple]:
        """``(id, story_id, title, snippet, score, outlet, published, title_inferred)`` rows, best first."""

    @abc.abstractmethod
    def _search_total(self, query: str) -> int: ...

    def snapshot(self) -> contextlib.AbstractContextManager[None]:
        return self._read()

    # -- schema ------------------------------------------------------------------------------
    def schema_version(self) -> int:
        tables = self._tables()
        if "meta" not in tables:
            foreign = sorted(t for t in tables if not t.startswith(COMPANION_PREFIXES))
            if foreign:
                raise StoreError(f"{self.path}: a database that is not a storylens store (it has tables: "
                                 f"{', '.join(foreign[:5])})")
            return 0
        row = self._x("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self, create: bool) -> None:
        if self._check_version() == SCHEMA_VERSION:
            return  # the common case: no lock taken
        with self._write():
            version = self._check_version()  # again, under the lock: another process may have made it
            if version == 0 and not create:
                raise StoreError(f"{self.path}: no storylens store here (create it with: storylens cluster "
                                 f"FILES --store {self.path})")
            while version < SCHEMA_VERSION:
                version += 1
                self._migrations[version](self._migration_target())
                self._set_meta("schema_version", str(version))

    def _check_version(self) -> int:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: made by a newer storylens (schema {version}, this one reads "
                             f"up to {SCHEMA_VERSION}); upgrade storylens")
        return version

    def _migration_target(self) -> Any:
        """What a migration step is given (the backend's connection)."""
        return self

    def _set_meta(self, key: str, value: str) -> None:
        self._x("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value))

    def _meta(self, key: str, default: str) -> str:
        row = self._x("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    # -- writes --------------------------------------------------------------------------------
    def write_batch(self, batch: BatchRecord) -> None:
        with self._write():
            tick = int(self._meta("tick", "0"))
            if batch.expected_version is not None and tick != batch.expected_version:
                raise StaleStateError(f"{self.path}: changed by another writer; reload and retry")
            tick += 1
            for sa in batch.articles:
                a = sa.article
                self._insert_article((
                    a.id, sa.story_id, sa.duplicate_of, batch.content_hashes[a.id], a.title, a.url, a.outlet,
                    a.published, a.author, a.agency, a.dateline, a.path, int(a.published_inferred),
                    int(a.title_inferred), json.dumps(dict(a.meta), ensure_ascii=False, default=str), a.text,
                    batch.signatures.get(a.id), getattr(a, "lang", None), sa.revises, tick))
            grown = {sa.story_id for sa in batch.articles}
            for st in batch.stories:
                self._upsert_story(st, tick)
            for sid in sorted(grown | {st["id"] for st in batch.stories}):
                self._refresh_story(sid, tick if sid in grown else None)
            for term, n in sorted(batch.df_delta.items()):
                self._x("INSERT INTO df (term, n) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET n = df.n + excluded.n",
                        (term, n))
            if batch.n_docs is not None:
                self._set_meta("n_docs", str(batch.n_docs))
            if batch.settings is not None:
                self._set_meta("cluster_settings", json.dumps(batch.settings, sort_keys=True))
            self._set_meta("tick", str(tick))

    def _insert_article(self, values: tuple) -> None:
        cur = self._x(f"INSERT INTO articles ({', '.join(_INSERT_COLS)}) VALUES ({','.join('?' * len(_INSERT_COLS))})",
                      values)
        self._index_text(cur, values[4], values[15])

    def _upsert_story(self, st: dict, tick: int) -> None:
        self._x(
            "INSERT INTO stories (id, ord, title, title_inferred, active, centroid, updated) VALUES (?,?,?,?,?,?,?) "
            f"ON CONFLICT (id) DO UPDATE SET title = CASE WHEN {_BETTER_TITLE} THEN excluded.title "
            f"ELSE stories.title END, title_inferred = CASE WHEN {_BETTER_TITLE} THEN excluded.title_inferred "
            "ELSE stories.title_inferred END, active = excluded.active, centroid = excluded.centroid, "
            "updated = excluded.updated, ord = CASE WHEN excluded.ord >= 0 THEN excluded.ord ELSE stories.ord END",
            (st["id"], st["order"], st.get("title") or "", int(bool(st.get("title_inferred"))), int(st["active"]),
             json.dumps(st["centroid"], separators=(",", ":")) if st["active"] else None, tick))

    def _refresh_story(self, sid: str, version: int | None) -> None:
        size, first, last = self._x(
            "SELECT count(*), min(published), max(published) FROM articles WHERE story_id=?", (sid,)).fetchone()
        outlets = sorted(r[0] for r in self._x(
            "SELECT DISTINCT outlet FROM articles WHERE story_id=? AND outlet != ''", (sid,)).fetchall())
        self._x("UPDATE stories SET size=?, first_seen=?, last_seen=?, outlets=?, version=coalesce(?, version) "
                "WHERE id=?", (size, first, last, json.dumps(outlets, ensure_ascii=False), version, sid))

    def version(self) -> int:
        return int(self._meta("tick", "0"))

    # -- reads ---------------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        return {r.id for r in self.identities(ids, ())}

    def identities(self, ids: Iterable[str], urls: Iterable[str], hashes: Iterable[str] = ()) -> list[Identity]:
        found: dict[int, Identity] = {}
        for column, values in (("id", sorted(set(ids))), ("url", sorted({u for u in urls if u})),
                               ("content_hash", sorted(set(hashes)))):
            for i in range(0, len(values), 500):
                chunk = values[i:i + 500]
                sql = (f"SELECT id, url, content_hash, seq, outlet FROM articles WHERE {column} IN "
                       f"({','.join('?' * len(chunk))})")
                for r in self._x(sql, chunk).fetchall():
                    found[r[3]] = Identity(r[0], r[1], r[2], r[3], r[4])
        return [found[k] for k in sorted(found)]

    def _story_row(self, r: Sequence[Any]) -> StoredStory:
        sid, title, first, last, size, outlets, version = r
        ids = tuple(x[0] for x in self._x(f"SELECT id FROM articles WHERE story_id=? {_MEMBER_ORDER}",
                                          (sid,)).fetchall())
        return StoredStory(id=sid, article_ids=ids, title=title, first_seen=first, last_seen=last,
                           outlets=tuple(json.loads(outlets)), size=size, version=int(version))

    def stories(self, limit: int | None = None, offset: int = 0, *,
                where: StoryFilter | None = None) -> list[StoredStory]:
        cond, params = _story_where(where)
        q = f"SELECT {_STORY_COLS} FROM stories{cond} {_NEWEST_FIRST}"
        if limit or offset:
            q += " LIMIT ? OFFSET ?"
            params += [int(limit) if limit else self._no_limit, int(offset)]
        with self._read():
            return [self._story_row(r) for r in self._x(q, params).fetchall()]

    def count_stories(self, where: StoryFilter | None = None) -> int:
        cond, params = _story_where(where)
        return int(self._x(f"SELECT count(*) FROM stories{cond}", params).fetchone()[0])

    def story_ids(self, where: StoryFilter | None = None) -> list[str]:
        cond, params = _story_where(where)
        return [r[0] for r in self._x(f"SELECT id FROM stories{cond} {_NEWEST_FIRST}", params).fetchall()]

    def story(self, story_id: str) -> StoredStory:
        with self._read():
            r = self._x(f"SELECT {_STORY_COLS} FROM stories WHERE id=?", (story_id,)).fetchone()
            if r is None:
                raise UnknownStoryError(story_id, self.path)
            return self._story_row(r)

    def story_version(self, story_id: str) -> int:
        r = self._x("SELECT version FROM stories WHERE id=?", (story_id,)).fetchone()
        if r is None:
            raise UnknownStoryError(story_id, self.path)
        return int(r[0])

    def story_history(self, story_id: str) -> list[tuple[int, tuple[str, ...]]]:
        with self._read():
            self._require_story(story_id)
            rows = self._x("SELECT batch, id FROM articles WHERE story_id=? AND batch IS NOT NULL "
                           "ORDER BY batch, seq", (story_id,)).fetchall()
        out: dict[int, list[str]] = {}
        for batch, aid in rows:
            out.setdefault(int(batch), []).append(aid)
        return [(v, tuple(ids)) for v, ids in out.items()]

    def _require_story(self, story_id: str) -> None:
        if not self._x("SELECT 1 FROM stories WHERE id=?", (story_id,)).fetchone():
            raise UnknownStoryError(story_id, self.path)

    def _article(self, r: Sequence[Any], story_id: str) -> Article:
        d = dict(zip(_ARTICLE_COLS, r))
        d["published_inferred"] = bool(d["published_inferred"])
        d["title_inferred"] = bool(d["title_inferred"])
        meta = json.loads(d["meta"] or "{}")
        lang = d.pop("lang")
        if _has_lang():
            d["lang"] = lang
        meta["story_id"] = story_id
        duplicate_of, revises = r[len(_ARTICLE_COLS)], r[len(_ARTICLE_COLS) + 1]
        if duplicate_of:
            meta["duplicate_of"] = duplicate_of  # a copy: one report, several outlets
        if revises:
            meta["revises"] = revises  # a later version of the article stored as ``revises``
        d["meta"] = meta
        return Article(**d)

    def story_articles(self, story_id: str) -> list[Article]:
        """The story's articles, oldest first; a copy carries ``meta["duplicate_of"]`` (its original's id)."""
        with self._read():
            self._require_story(story_id)
            rows = self._x(f"SELECT {', '.join(_ARTICLE_COLS)}, duplicate_of, revises FROM articles "
                           f"WHERE story_id=? {_MEMBER_ORDER}", (story_id,)).fetchall()
        return [self._article(r, story_id) for r in rows]

    def article(self, article_id: str) -> Article | None:
        r = self._x(f"SELECT {', '.join(_ARTICLE_COLS)}, duplicate_of, revises, story_id FROM articles WHERE id=?",
                    (article_id,)).fetchone()
        return None if r is None else self._article(r[:-1], r[-1])

    def copies_of(self, article_id: str) -> list[str]:
        # a copy joins its original's story: the story's index finds it
        return [r[0] for r in self._x("SELECT id FROM articles WHERE story_id = (SELECT story_id FROM articles "
                                      "WHERE id = ?) AND duplicate_of = ? ORDER BY seq",
                                      (article_id, article_id)).fetchall()]

    def span_texts(self, spans: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int, int], str]:
        out: dict[tuple[str, int, int], str] = {}
        wanted = sorted({(str(a), int(s), int(e)) for a, s, e in spans if 0 <= int(s) < int(e) < _MAX_OFFSET})
        with self._read():
            for key in wanted:
                aid, start, end = key
                # substr counts characters on both databases, as Python's offsets do (1-based)
                r = self._x("SELECT substr(text, CAST(? AS INTEGER), CAST(? AS INTEGER)), length(text) "
                            "FROM articles WHERE id=?", (start + 1, end - start, aid)).fetchone()
                if r is not None and end <= int(r[1]):
                    out[key] = r[0]
        return out

    def assignments(self) -> Iterator[StoredArticle]:
        rows = self._x("SELECT seq, id, story_id, duplicate_of, title, outlet, published, revises FROM articles "
                       "ORDER BY seq").fetchall()
        for r in rows:
            yield StoredArticle(Article(id=r[1], text="", title=r[4], outlet=r[5], published=r[6]), r[2], r[3],
                                int(r[0]), r[7])

    def search(self, query: str, limit: int | None = 20, offset: int = 0) -> list[SearchHit]:
        if limit is not None and int(limit) < 0 or int(offset) < 0:
            raise StoreError(f"search limit and offset must be 0 or more, got {limit} and {offset}")
        rows = self._search(query, None if limit is None else int(limit), int(offset))
        return [SearchHit(r[0], r[1], r[2], r[3], float(r[4]), r[5], r[6], bool(r[7])) for r in rows]

    def search_count(self, query: str) -> int:
        return int(self._search_total(query))

    # -- digests ---------------------------------------------------------------------------------
    def digest_settings(self) -> dict:
        return {**DEFAULT_DIGEST_SETTINGS, **json.loads(self._meta("digest_settings", "{}"))}

    def set_digest_settings(self, **changes) -> dict:
        new = checked_settings(self.digest_settings(), changes)
        with self._write():
            self._set_meta("digest_settings", settings_key(new))
        return new

    def cached_digest(self, story_id: str) -> dict | None:
        r = self._digest_row(story_id)  # one query: a page view costs one round trip
        if r is None or r[0] != r[1] or r[3] is None:
            return None
        settings = {**DEFAULT_DIGEST_SETTINGS, **json.loads(r[5] or "{}")}
        return json.loads(r[3]) if r[2] == settings_key(settings) else None

    def digest_error(self, story_id: str) -> str | None:
        """Why the current version of the story has no digest (e.g. no article with text), or None."""
        r = self._digest_row(story_id)
        return r[4] if r is not None and r[0] == r[1] else None

    def _digest_row(self, story_id: str) -> tuple | None:
        """``(story version, digest version, options, digest, error, store's digest settings)``."""
        r = self._x("SELECT s.version, d.version, d.options, d.digest, d.error, "
                    "(SELECT value FROM meta WHERE key = 'digest_settings') FROM stories s LEFT JOIN digests d "
                    "ON d.story_id = s.id WHERE s.id=?", (story_id,)).fetchone()
        if r is None:
            raise UnknownStoryError(story_id, self.path)
        return None if r[1] is None else tuple(r)

    def stale_digests(self, story_ids: Iterable[str] | None = None) -> list[str]:
        """The stories (of ``story_ids``, or all) whose digest is missing or not for their version and settings."""
        return [sid for sid, _ in self._stale(None if story_ids is None else set(story_ids))]

    def _stale(self, wanted: set[str] | None, after: int | None = None) -> list[tuple[str, int]]:
        """``(story id, version)`` of stale digests: of ``wanted`` (None: all), and of every story whose version
        is above ``after``."""
        key = settings_key(self.digest_settings())
        rows = self._x("SELECT s.id, s.version, d.version, d.options FROM stories s LEFT JOIN digests d "
                       "ON d.story_id = s.id ORDER BY s.ord").fetchall()
        return [(r[0], int(r[1])) for r in rows if (r[2] != r[1] or r[3] != key) and (
            wanted is None or r[0] in wanted or (after is not None and int(r[1]) > after))]

    def refresh_digests(self, story_ids: Iterable[str] | None = None) -> int:
        """Compute the stale digests: of every story (``story_ids=None``), or of ``story_ids`` (what a write
        just changed) together with those a write changed but did not digest (it was interrupted)."""
        settings = self.digest_settings()
        key = settings_key(settings)
        listed_at = self.version()
        through = int(self._meta("digests_through", "0"))
        stale = self._stale(None) if story_ids is None else self._stale(set(story_ids), after=through)
        if not stale and through >= listed_at:
            return 0  # nothing to make, nothing to record: no write lock taken
        written = 0
        for i in range(0, len(stale), _DIGEST_CHUNK):
            made = []
            for sid, _ in stale[i:i + _DIGEST_CHUNK]:
                with self._read():  # the articles and the version they make, from one snapshot
                    version = self.story_version(sid)
                    articles = self.story_articles(sid)
                made.append((sid, version, *compute_digest(articles, settings)))
            written += self._put_digests(made, key)
        with self._write():  # every change up to listed_at is digested now (or by the writer that changed it)
            if int(self._meta("digests_through", "0")) < listed_at:
                self._set_meta("digests_through", str(listed_at))
        return written

    def _put_digests(self, made: list[tuple], key: str) -> int:
        n = 0
        with self._write():
            for sid, version, text, error in made:
                if self.story_version(sid) != version:
                    continue  # the story changed meanwhile: the writer that changed it digests it again
                self._x("INSERT INTO digests (story_id, version, options, digest, error) VALUES (?,?,?,?,?) "
                        "ON CONFLICT (story_id) DO UPDATE SET version = excluded.version, options = excluded.options, "
                        "digest = excluded.digest, error = excluded.error", (sid, version, key, text, error))
                n += 1
        return n

    # -- state of the incremental stages -----------------------------------------------------------
    def dedup_rows(self) -> Iterator[tuple[str, str, str, bytes | None]]:
        for r in self._x("SELECT id, coalesce(duplicate_of, id), content_hash, signature FROM articles "
                         "ORDER BY seq").fetchall():
            yield r[0], r[1], r[2], None if r[3] is None else bytes(r[3])

    def cluster_state(self) -> tuple[list[dict], dict[str, int], int, dict[str, str]]:
        with self._read():
            stories = [{"id": r[0], "order": r[1], "title": r[2], "first_seen": r[3], "last_seen": r[4],
                        "centroid": json.loads(r[5]) if r[5] else {}, "title_inferred": bool(r[6])}
                       for r in self._x("SELECT id, ord, title, first_seen, last_seen, centroid, title_inferred "
                                        "FROM stories WHERE active=1 ORDER BY ord").fetchall()]
            df = {r[0]: int(r[1]) for r in self._x("SELECT term, n FROM df").fetchall()}
            n = int(self._meta("n_docs", "0"))
            article_story = {r[0]: r[1] for r in self._x("SELECT id, story_id FROM articles").fetchall()}
        return stories, df, n, article_story

    def settings(self) -> dict:
        return json.loads(self._meta("cluster_settings", "{}"))

    def counts(self) -> dict[str, int]:
        with self._read():
            a, d = self._x("SELECT count(*), count(duplicate_of) FROM articles").fetchone()
            s = self._x("SELECT count(*) FROM stories").fetchone()[0]
        return {"articles": int(a), "stories": int(s), "duplicates": int(d)}
