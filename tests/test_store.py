"""The store on both backends (SQLite and PostgreSQL, one suite): creation, idempotent adds, transactions,
full-text search, settings; the SQLite file's own matters (WAL, migrations, foreign files) at the end."""

from __future__ import annotations

import sqlite3

import pytest

from storylens.errors import StorylensError
from storylens.models import Article
from storylens.stories.store import NothingNewError, StoreError, UnknownStoryError, UnknownVersionError, open_store
from storylens.stories.store import sql as sql_backend
from storylens.stories.store import sqlite as sqlite_backend
from storylens.stories.store.index import StoryIndex

from test_cluster import QUAKE_A, QUAKE_B, _arts


def _articles():
    a = _arts(QUAKE_A, "a", "2012-11-11") + _arts(QUAKE_B, "b", "2012-11-12")
    copy = Article("a0-copy", "MOGOK (AP) - " + QUAKE_A[0], outlet="AP", published="2012-11-12")
    return a + [copy]


def test_store_created_on_first_use_in_wal_mode(tmp_path):
    db = tmp_path / "news.db"
    with open_store(str(db)) as st:
        assert st.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert st.schema_version() == sqlite_backend.SCHEMA_VERSION
    assert db.exists()


def test_adding_the_same_articles_twice_changes_nothing(store_url):
    db = store_url
    with open_store(db) as st:
        res = StoryIndex(st).add(_articles())
        assert res.added == 7 and res.duplicates == 1 and res.new_stories == 2
        before = [(s.id, s.size, s.outlets) for s in st.stories()]
    with open_store(db) as st:
        res = StoryIndex(st).add(_articles())
        assert res.added == 0 and len(res.already_stored) == 7
        assert [(s.id, s.size, s.outlets) for s in st.stories()] == before
        assert st.counts() == {"articles": 7, "stories": 2, "duplicates": 1}


def test_state_survives_reopening_new_articles_join_old_stories(store_url):
    db = store_url
    arts = _articles()
    with open_store(db) as st:
        StoryIndex(st).add(arts[:2])
    with open_store(db) as st:
        res = StoryIndex(st).add(arts[2:])
        ids = {a.article_id: a.story_id for a in res.assignments}
        stories = {s.id: set(s.article_ids) for s in st.stories()}
    assert len(stories) == 2
    assert {"a0", "a1", "a2", "a0-copy"} in stories.values()
    assert ids["a0-copy"] == ids["a2"]


def test_story_articles_and_unknown_story(store_url):
    with open_store(store_url) as st:
        StoryIndex(st).add(_articles())
        quake = next(s for s in st.stories() if "a0" in s.article_ids)
        texts = [a.text for a in st.story_articles(quake.id)]
        assert QUAKE_A[0] in texts and len(texts) == 4
        assert quake.outlets == ("AP",)
        with pytest.raises(UnknownStoryError, match="no story 'nope'") as exc:
            st.story_articles("nope")
        assert isinstance(exc.value, StorylensError)


def test_stories_newest_first_and_full_text_search(store_url):
    with open_store(store_url) as st:
        StoryIndex(st).add(_articles())
        first = st.stories()[0]
        assert first.last_seen == "2012-11-12"
        hits = st.search("Oaxaca")
        assert sorted(h.article_id for h in hits) == ["b0", "b1", "b2"]
        assert "[Oaxaca]" in hits[0].snippet
        # a word with punctuation inside is the phrase of its parts; all words are required
        hits = st.search("Mogok 6.1")
        assert sorted(h.article_id for h in hits) == ["a0", "a0-copy", "a1", "a2"]
        assert st.search('Mogok "7.4"') == []
        # a hit says where the article came from
        (copy,) = [h for h in hits if h.article_id == "a0-copy"]
        assert (copy.outlet, copy.published, copy.title_inferred) == ("AP", "2012-11-12", False)
        with pytest.raises(StoreError):
            st.search("   ")


def test_a_failed_batch_leaves_the_store_and_memory_consistent(store_url, monkeypatch):
    from storylens.stories.store import BatchRecord

    arts = _articles()
    with open_store(store_url) as st:
        idx = StoryIndex(st)
        idx.add(arts[:3])
        real = st.write_batch

        def crash(batch):
            # the first article twice: the database fails half-way through the batch and must roll it back
            bad = BatchRecord(**{**batch.__dict__, "articles": batch.articles + batch.articles[:1]})
            real(bad)

        monkeypatch.setattr(st, "write_batch", crash)
        with pytest.raises(StoreError, match="database error"):
            idx.add(arts[3:])
        monkeypatch.setattr(st, "write_batch", real)
        assert st.counts()["articles"] == 3
        res = idx.add(arts[3:])  # memory was reloaded: the retry adds them all
        assert res.added == 4
        assert st.counts() == {"articles": 7, "stories": 2, "duplicates": 1}


def test_write_batch_is_atomic(store_url):
    from storylens.stories.store import BatchRecord, StoredArticle

    with open_store(store_url) as st:
        a = Article("a", "text one")
        bad = BatchRecord(articles=[StoredArticle(a, "s1", None, 0), StoredArticle(a, "s1", None, 0)],
                          signatures={}, content_hashes={"a": "h"}, stories=[], df_delta={}, n_docs=1)
        with pytest.raises(StoreError):
            st.write_batch(bad)  # the second insert of id 'a' fails: the first must not stay
        assert st.counts()["articles"] == 0
        assert st.search_count("text") == 0 and st.version() == 0


def test_a_newer_schema_is_refused(store_url):
    with open_store(store_url) as st:
        with st._write():
            st._set_meta("schema_version", "99")
    with pytest.raises(StoreError, match="newer storylens"):
        open_store(store_url)


def test_foreign_and_junk_files_are_refused(tmp_path):
    other = tmp_path / "other.db"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE t (x)")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="not a storylens store"):
        open_store(str(other))
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="damaged"):
        open_store(str(bad))


def test_migration_hook_runs_registered_steps(tmp_path, monkeypatch):
    calls = []
    nxt = sqlite_backend.SCHEMA_VERSION + 1

    def step(conn):
        calls.append(nxt)
        conn.execute("ALTER TABLE stories ADD COLUMN label TEXT")

    db = str(tmp_path / "n.db")
    open_store(db).close()
    monkeypatch.setattr(sql_backend, "SCHEMA_VERSION", nxt)
    monkeypatch.setitem(sqlite_backend.MIGRATIONS, nxt, step)
    with open_store(db) as st:
        assert st.schema_version() == nxt and calls == [nxt]
        cols = [r[1] for r in st.conn.execute("PRAGMA table_info(stories)")]
        assert "label" in cols


def test_version_1_store_is_migrated_and_a_slug_title_gives_way_to_a_headline(tmp_path):
    """A store written by the first release (schema 1) opens: its data stays, titles made from URLs are
    marked, and a story titled by its first member's URL takes a later member's headline."""
    db = str(tmp_path / "v1.db")
    c = sqlite3.connect(db, isolation_level=None)
    sqlite_backend._migrate_to_1(c)
    c.execute("INSERT INTO meta (key, value) VALUES ('schema_version', '1')")
    url = "https://www.yahoo.com/news/heaviest-russian-raids-days-syrias-aleppo-112755354.html"
    rows = [("a", "s1", "Heaviest russian raids days syrias aleppo", url),
            ("b", "s1", "Russia pounds Aleppo", "https://example.org/x.html"),
            ("c", "s2", "Quake hits Chile", "")]
    for aid, sid, title, u in rows:
        c.execute("INSERT INTO articles (id, story_id, content_hash, title, url, text) VALUES (?,?,?,?,?,?)",
                  (aid, sid, "h" + aid, title, u, "some text " + aid))
    c.execute("INSERT INTO stories (id, ord, title) VALUES ('s1', 0, 'Heaviest russian raids days syrias aleppo')")
    c.execute("INSERT INTO stories (id, ord, title) VALUES ('s2', 1, 'Quake hits Chile')")
    c.close()
    with open_store(db) as st:
        assert st.schema_version() == sqlite_backend.SCHEMA_VERSION
        assert st.counts() == {"articles": 3, "stories": 2, "duplicates": 0}
        assert st.story("s1").title == "Russia pounds Aleppo"
        assert st.story("s2").title == "Quake hits Chile"
        marked = dict(st.conn.execute("SELECT id, title_inferred FROM articles"))
        assert marked == {"a": 1, "b": 0, "c": 0}
        assert [a.title_inferred for a in st.story_articles("s1")] == [True, False]


def test_evicted_stories_persist_inactive_and_late_copies_still_join_them(store_url):
    db = store_url
    old = _arts(QUAKE_A, "a", "2012-01-01")
    new = _arts(QUAKE_B, "b", "2012-03-01")
    with open_store(db) as st:
        StoryIndex(st).add(old)
        StoryIndex(st).add(new)  # two months later: the first story leaves the window
        rows = dict(st._x("SELECT id, active FROM stories").fetchall())
        assert sorted(rows.values()) == [0, 1]
        assert st._x("SELECT count(*) FROM stories WHERE active=0 AND centroid IS NOT NULL").fetchone()[0] == 0
    with open_store(db) as st:
        idx = StoryIndex(st)
        assert len(idx.clusterer._active) == 1  # only the story inside the window is loaded
        late = Article("a0-late-copy", QUAKE_A[0] + " (AP)", outlet="AP", published="2012-03-02")
        (x,) = idx.add([late]).assignments
        assert x.duplicate_of == "a0"
        quake = st.story(x.story_id)
        assert quake.size == 4 and "a0-late-copy" in quake.article_ids and quake.last_seen == "2012-03-02"


def test_two_writers_on_one_store_do_not_lose_or_double_anything(store_url):
    db = store_url
    arts = _articles()
    with open_store(db) as s1, open_store(db) as s2:
        i1, i2 = StoryIndex(s1), StoryIndex(s2)
        i1.add(arts[:3])
        res = i2.add(arts[2:])  # i2's state is stale: it must reload, then skip a2 as already stored
        assert res.already_stored == ["a2"] and res.added == 4
        assert i1.add(arts).added == 0
        assert s1.counts() == {"articles": 7, "stories": 2, "duplicates": 1}
        quake = next(s for s in s1.stories() if "a0" in s.article_ids)
        assert set(quake.article_ids) == {"a0", "a1", "a2", "a0-copy"}


def test_story_index_uses_and_keeps_the_store_settings(store_url):
    from storylens.stories.clusterer import ClusterOptions

    db = store_url
    with open_store(db) as st:
        assert st.settings() == {}
        idx = StoryIndex(st, ClusterOptions(threshold=0.35))
        assert idx.previous is None
        idx.add(_articles()[:1])
        assert st.settings()["threshold"] == 0.35
    with open_store(db) as st:
        idx = StoryIndex(st)
        assert idx.options.threshold == 0.35 and idx.previous == idx.options
    # settings a newer release added are ignored, the known ones kept
    assert ClusterOptions.from_dict({"threshold": 0.3, "future_knob": 1}).threshold == 0.3


def test_new_settings_are_kept_even_when_no_article_is_new(store_url):
    from storylens.stories.clusterer import ClusterOptions

    with open_store(store_url) as st:
        StoryIndex(st).add(_articles())
        res = StoryIndex(st, ClusterOptions(window_days=30)).add(_articles())
        assert res.added == 0 and st.settings()["window_days"] == 30
        assert StoryIndex(st).options.window_days == 30


def test_a_storys_history_counts_each_batch_that_added_to_it(store_url):
    arts = _articles()  # a0..a2 and the copy of a0: the quake; b0..: the other story
    with open_store(store_url) as st:
        StoryIndex(st, digests=False).add(arts[:2])
        first = st.version()
        StoryIndex(st, digests=False).add([a for a in arts[2:] if a.id != "a0-copy"])
        second = st.version()
        StoryIndex(st, digests=False).add([a for a in arts if a.id == "a0-copy"])
        quake = next(s for s in st.stories() if "a0" in s.article_ids)
        other = next(s for s in st.stories() if s.id != quake.id)
        assert st.story_history(quake.id) == [(first, ("a0", "a1")), (second, ("a2",)), (st.version(), ("a0-copy",))]
        assert quake.version == st.version() and st.story_versions(other.id) == [second]
        assert st.added_after(quake.id, first) == ["a2", "a0-copy"]
        assert st.added_after(quake.id, second) == ["a0-copy"]
        with pytest.raises(UnknownVersionError, match=f"has no version {first}; its versions are {second} ") as exc:
            st.added_after(other.id, first)
        assert exc.value.reason.endswith(f"its versions are {second}")
        with pytest.raises(NothingNewError, match="it is the story's latest version"):
            st.added_after(other.id, second)
        with pytest.raises(UnknownStoryError):
            st.story_history("nope")
        # the copies of an article, as the article page lists them
        assert st.copies_of("a0") == ["a0-copy"] and st.copies_of("a1") == [] == st.copies_of("nope")


def test_span_texts_count_characters_as_python_does(store_url):
    text = "Caf\u00e9 \U0001F30A flood: the river rose 3 m in \u0141\u00f3d\u017a, officials said on Monday."
    with open_store(store_url) as st:
        StoryIndex(st, digests=False).add([Article("x", text), Article("y", "Short text here today.")])
        start = text.index("the river")
        wanted = [("x", start, start + 17), ("x", 0, 6), ("x", text.index("\u0141"), text.index(",")),
                  ("x", 5, len(text) + 1), ("nope", 0, 3), ("y", 3, 3)]
        got = st.span_texts(wanted)
    assert got == {("x", start, start + 17): "the river rose 3 ", ("x", 0, 6): "Caf\u00e9 \U0001F30A",
                   ("x", text.index("\u0141"), text.index(",")): "\u0141\u00f3d\u017a"}


def _kept(s, f) -> bool:
    """What a filter means, said over a story read whole (the database decides it in SQL)."""
    return ((not f.outlet or f.outlet in s.outlets)
            and (not f.date_from or bool(s.last_seen and s.last_seen >= f.date_from))
            and (not f.date_to or bool(s.first_seen and s.first_seen <= f.date_to))
            and (f.ids is None or s.id in f.ids))


def test_story_filters_are_the_databases_and_mean_what_they_say(store_url):
    from storylens.stories.store import StoryFilter

    undated = Article("u0", "The council of Leeds approved a new budget for its libraries after a long vote.",
                      outlet="Leeds Post")
    with open_store(store_url) as st:
        StoryIndex(st, digests=False).add(_articles() + [undated])
        every = st.stories()
        assert len(every) == 3
        quake = next(s for s in every if "a0" in s.article_ids)
        filters = [StoryFilter(), StoryFilter(outlet="AP"), StoryFilter(outlet="Leeds Post"),
                   StoryFilter(outlet="X"), StoryFilter(date_from="2012-11-12"), StoryFilter(date_to="2012-11-11"),
                   StoryFilter(date_from="2012-11-12", date_to="2012-11-12"), StoryFilter(date_from="2012-11-13"),
                   StoryFilter(ids=(quake.id, "nope")), StoryFilter(ids=()), StoryFilter(outlet="AP", ids=(quake.id,))]
        for f in filters:
            want = [s.id for s in every if _kept(s, f)]
            assert [s.id for s in st.stories(where=f)] == want == st.story_ids(f), f
            assert st.count_stories(f) == len(want), f
        assert st.story_ids(StoryFilter(outlet="AP")) == [quake.id]
        assert [s.id for s in st.stories(limit=1, offset=1, where=StoryFilter(date_from="2012-11-11"))] == [
            s.id for s in every if s.last_seen][1:2]
        with pytest.raises(StoreError, match="at most 10,000 ids"):
            StoryFilter(ids=tuple(map(str, range(10_001))))
