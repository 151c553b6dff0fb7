"""The store under stress, on both backends: files made by the previous release, two processes creating one
store, damaged files, malformed queries, readers beside a writer, articles that share an id across runs."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storylens.cli import main
from storylens.errors import EmptyDigestError
from storylens.models import Article
from storylens.stories.store import StoreError, open_store
from storylens.stories.store import sql as sql_backend
from storylens.stories.store.index import StoryIndex

from test_cluster import QUAKE_A, QUAKE_B, _arts

HERE = Path(__file__).resolve().parent
V2_FILE = HERE / "test_store_v2.db"  # made by storylens before schema 3 (7 articles, 2 stories, 1 copy)
CLI = "import sys; from storylens.cli import main; sys.exit(main(sys.argv[1:]))"


def _quakes():
    a = _arts(QUAKE_A, "a", "2012-11-11") + _arts(QUAKE_B, "b", "2012-11-12")
    return a + [Article("a0-copy", "MOGOK (AP) - " + QUAKE_A[0], outlet="AP", published="2012-11-12")]


# -- the previous release's file -------------------------------------------------------------------------
def test_a_store_file_made_by_the_previous_release_is_migrated_in_place(tmp_path):
    db = tmp_path / "v2.db"
    shutil.copy(V2_FILE, db)
    c = sqlite3.connect(db)
    assert c.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == ("2",)
    cols = "SELECT seq, id, story_id, duplicate_of, content_hash, text FROM articles ORDER BY seq"
    old_rows = c.execute(cols).fetchall()
    c.close()
    with open_store(str(db)) as st:
        assert st.schema_version() == sql_backend.SCHEMA_VERSION == 4
        assert st.counts() == {"articles": 7, "stories": 2, "duplicates": 1}
        rows = st._x(cols).fetchall()
        assert [tuple(r) for r in rows] == old_rows
        assert st.search_count("Mogok") == 4
        # its stories are digested when asked, not by surprise on the next write
        assert len(st.stale_digests()) == 2
        assert st.refresh_digests() == 2
        quake = next(s for s in st.stories() if "a0" in s.article_ids)
        assert len(st.cached_digest(quake.id)["articles"]) == 4
        # its articles are taken to have joined at the version their story had: the first one known
        assert st.story_history(quake.id) == [(quake.version, tuple(
            r[0] for r in st._x("SELECT id FROM articles WHERE story_id=? ORDER BY seq", (quake.id,)).fetchall()))]
        # and it grows as before: the same articles again change nothing, a new one joins its story
        assert StoryIndex(st).add(_quakes()).added == 0
        (x,) = StoryIndex(st).add([Article("a9", QUAKE_A[1] + " Aid reached Mogok on Monday.",
                                           published="2012-11-12")]).assignments
        assert x.story_id == quake.id and st.stale_digests() == []
        # what is new since the version it had when it was migrated: the one article added since
        assert st.story_versions(quake.id) == [quake.version, st.version()]
        assert st.added_after(quake.id, quake.version) == ["a9"]
        with pytest.raises(EmptyDigestError, match=f"nothing new since version {quake.version}: the 1 article"):
            st.update_digest(quake.id, quake.version)  # a9 repeats a0 but for its last few words


# -- two processes create one store ----------------------------------------------------------------------
_CREATE = """
import sys, time
from storylens.models import Article
from storylens.stories.store import open_store
from storylens.stories.store.index import StoryIndex
url, who, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
while time.time() < start:
    pass
with open_store(url) as st:
    res = StoryIndex(st, digests=False).add([Article(who, f"Report {who}: floods hit the valley of Kashmir.")])
    print(res.added)
"""


def test_two_processes_creating_one_new_store_both_succeed(store_url, tmp_path):
    urls = [store_url] if store_url.startswith("postgres") else [str(tmp_path / f"new{i}.db") for i in range(2)]
    for url in urls:
        start = f"{time.time() + 1.0:.3f}"
        procs = [subprocess.Popen([sys.executable, "-c", _CREATE, url, who, start], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for who in ("w1", "w2")]
        outs = [p.communicate(timeout=120) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outs
        with open_store(url) as st:
            assert st.schema_version() == sql_backend.SCHEMA_VERSION
            assert sorted(a.article.id for a in st.assignments()) == ["w1", "w2"]


# -- damaged files ----------------------------------------------------------------------------------------
def _damaged_store(tmp_path) -> str:
    db = str(tmp_path / "damaged.db")
    with open_store(db) as st:
        StoryIndex(st).add([Article(f"n{i}", (QUAKE_A[i % 3] + " ") * 40, published="2012-11-11")
                            for i in range(60)])
        st._x("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(Path(db).read_bytes())
    page = 4096
    for at in range(3 * page, len(raw), page):  # every page after the first three: garbage
        raw[at:at + page] = bytes((at // page + k) % 251 for k in range(page))
    Path(db).write_bytes(bytes(raw))
    return db


def test_a_damaged_store_is_a_store_error_never_a_driver_traceback(tmp_path):
    db = _damaged_store(tmp_path)
    failures = []
    try:
        st = open_store(db)
    except StoreError as exc:
        failures.append(str(exc))
    else:
        with st:
            for call in (st.stories, st.counts, lambda: st.search("Mogok"), lambda: list(st.assignments()),
                         st.cluster_state, lambda: StoryIndex(st).add([Article("z", "Floods in Kashmir.")])):
                try:
                    call()
                except StoreError as exc:
                    failures.append(str(exc))
    assert failures and all("damaged" in f and "\n" not in f for f in failures), failures


def test_the_cli_on_a_damaged_store_exits_2_with_one_line(tmp_path):
    db = _damaged_store(tmp_path)
    for args in (["stories", "--store", db], ["search", "Mogok", "--store", db]):
        p = subprocess.run([sys.executable, "-c", CLI, *args], capture_output=True, text=True, timeout=120)
        assert p.returncode == 2, (args, p.stderr)
        assert "Traceback" not in p.stderr and "damaged" in p.stderr
        assert len(p.stderr.strip().splitlines()) == 1


# -- the query language -----------------------------------------------------------------------------------
@pytest.mark.parametrize("query, problem", [
    ('Mogok "6.1', "double quote is not closed"),
    ("(Mogok OR Oaxaca", "parenthesis is not closed"),
    ("Mogok)", "closing parenthesis has no opening"),
    ("Mogok OR", "nothing to apply to"),
    ("AND Mogok", "AND needs a word on each side"),
    ("-Mogok", "not only words to leave out"),
    ("Mogok OR -Oaxaca", "cannot be a whole OR branch"),
])
def test_a_malformed_query_says_how_to_quote(store_url, query, problem):
    with open_store(store_url) as st:
        StoryIndex(st, digests=False).add(_quakes())
        with pytest.raises(StoreError, match=problem) as exc:
            st.search(query)
        assert 'put words in double quotes' in str(exc.value)
        with pytest.raises(StoreError, match=problem):
            st.search_count(query)


def test_the_query_language_finds_the_same_on_both_backends(store_url):
    with open_store(store_url) as st:
        StoryIndex(st, digests=False).add(_quakes())

        def ids(q):
            return sorted(h.article_id for h in st.search(q, limit=None))
        mogok = ["a0", "a0-copy", "a1", "a2"]
        assert ids("mogok") == ids("MOGOK") == mogok
        assert ids("Mogok OR Oaxaca") == mogok + ["b0", "b1", "b2"]
        assert ids("Oax*") == ["b0", "b1", "b2"]
        assert ids("Mogok -Sunday") == ["a2"]
        assert ids("Mogok NOT (Sunday OR rubble)") == ["a2"]
        assert ids('"destroyed 300 homes"') == ["a2"]
        assert ids('"and" Mogok') == ["a2"]  # a quoted operator is a word
        assert ids("(Mogok AND rubble) OR (Oaxaca AND president)") == ["a1", "b2"]
        assert ids("Mog\x00ok") == []  # a NUL is a space, not an error
        assert st.search_count("Mogok OR Oaxaca") == 7
        assert len(st.search("Mogok OR Oaxaca", limit=2)) == 2
        page2 = st.search("Mogok OR Oaxaca", limit=5, offset=5)
        assert len(page2) == 2 and not {h.article_id for h in page2} & {
            h.article_id for h in st.search("Mogok OR Oaxaca", limit=5)}
        with pytest.raises(StoreError, match="no word to search for"):
            st.search("&& ++")


# -- ids shared across runs -------------------------------------------------------------------------------
def _two_days(tmp_path):
    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    for day, texts in ((day1, QUAKE_A), (day2, QUAKE_B)):
        day.mkdir()
        (day / "story.txt").write_text(texts[0] + "\n\n" + texts[1], encoding="utf-8")
        (day / "update.txt").write_text(texts[2], encoding="utf-8")
    return day1, day2


def test_two_days_of_files_with_the_same_names_every_article_found(store_url, tmp_path, capsys):
    day1, day2 = _two_days(tmp_path)
    assert main(["cluster", str(day1), "--store", store_url]) == 0
    assert "added 2 articles" in capsys.readouterr().out
    assert main(["cluster", str(day2), "--store", store_url]) == 0
    out = capsys.readouterr().out
    assert "added 2 articles" in out and "0 already in the store" in out
    assert main(["cluster", str(day1), str(day2), "--store", store_url]) == 0
    assert "added 0 articles" in capsys.readouterr().out
    with open_store(store_url) as st:
        assert st.counts()["articles"] == 4
        texts = [a.text for s in st.stories() for a in st.story_articles(s.id)]
        assert all(any(t[:40] in x for x in texts) for t in (QUAKE_A[0], QUAKE_A[2], QUAKE_B[0], QUAKE_B[2]))
        given = {a.article.id for a in st.assignments()}
        assert {"story", "update"} <= given and len(given) == 4  # day 2's under ID@HASH


def test_an_id_taken_by_other_content_is_stored_apart_and_a_changed_url_is_an_update(store_url):
    url = "https://example.org/news/mogok-quake"
    first = Article("news-1", QUAKE_A[0], url=url, published="2012-11-11")
    other = Article("news-1", QUAKE_B[0], published="2012-11-12")  # another export, numbered from 1 too
    fixed = Article("news-7", QUAKE_A[0] + " The toll was later revised to 13.", url=url, published="2012-11-12")
    with open_store(store_url) as st:
        StoryIndex(st).add([first])
        res = StoryIndex(st).add([other, fixed, Article("news-9", QUAKE_A[0], url=url)])
        assert res.added == 2 and res.already_stored == ["news-9"]  # the same content under the same URL
        stored_other = res.renamed["news-1"]
        assert stored_other.startswith("news-1@") and len(stored_other) == len("news-1@") + 12
        assert res.updates == [("news-7", "news-1")]
        assert st.article(stored_other).text == QUAKE_B[0]
        assert st.article(stored_other).meta["given_id"] == "news-1"
        assert st.article("news-7").meta["revises"] == "news-1"
        assert st.article("news-1").text == QUAKE_A[0]  # the earlier version is kept
        again = StoryIndex(st).add([first, other, fixed])
        assert again.added == 0 and len(again.already_stored) == 3
        # the same id twice in one input, other content: both kept
        twice = StoryIndex(st).add([Article("dup", "Floods hit Kashmir on Monday."),
                                    Article("dup", "A cyclone hit Odisha on Friday.")])
        assert twice.added == 2 and set(twice.renamed) == {"dup"}


# -- readers beside a writer -------------------------------------------------------------------------------
_WRITER = """
import sys, random
from storylens.models import Article
from storylens.stories.store import open_store
from storylens.stories.store.index import StoryIndex
url, batches = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
words = "flood quake storm fire strike vote court market drought election harvest border".split()
with open_store(url) as st:
    for b in range(batches):
        arts = []
        for i in range(4):
            topic = rng.choice(words)
            text = " ".join(rng.choice(words) for _ in range(30))
            arts.append(Article(f"w{b}-{i}", f"The {topic} in region {b % 5} was reported on Monday. {text}.",
                                published=f"2020-01-{1 + b % 28:02d}"))
        StoryIndex(st).add(arts)
print("done")
"""


def test_readers_never_fail_while_a_writer_runs(store_url):
    with open_store(store_url) as st:
        StoryIndex(st).add(_quakes())
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, store_url, "12"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    reads, last = 0, 0
    try:
        with open_store(store_url, create=False) as reader:
            while writer.poll() is None:
                n = reader.counts()["articles"]
                assert n >= last  # never a half-written or rolled-back view
                last = n
                for s in reader.stories(limit=5):
                    assert len(reader.story_articles(s.id)) >= s.size  # it may have grown since
                    reader.cached_digest(s.id)
                reader.search("region OR Mogok", limit=5)
                reads += 1
        out, err = writer.communicate(timeout=300)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert writer.returncode == 0, err
    assert reads >= 3
    with open_store(store_url) as st:
        assert st.counts()["articles"] == 7 + 12 * 4
        assert st.stale_digests() == []


def test_a_feeds_table_made_first_in_a_new_file_does_not_make_it_foreign(tmp_path):
    db = tmp_path / "news.db"
    c = sqlite3.connect(db)
    c.execute("CREATE TABLE feed_sources (url TEXT PRIMARY KEY)")
    c.commit()
    c.close()
    with open_store(str(db)) as st:
        assert st.schema_version() == sql_backend.SCHEMA_VERSION
        assert StoryIndex(st, digests=False).add([Article("x", "Floods hit Kashmir on Monday.")]).added == 1


def test_an_unreachable_postgresql_is_a_store_error_without_the_password():
    pytest.importorskip("psycopg", reason="the PostgreSQL store needs the extra 'postgres' (psycopg)")
    with pytest.raises(StoreError, match="cannot reach the database") as exc:
        open_store("postgresql://someone:s3cret@127.0.0.1:1/news")
    assert "s3cret" not in str(exc.value) and "someone:***@" in str(exc.value)


def test_without_psycopg_a_postgresql_url_names_the_extra():
    from storylens.errors import MissingExtraError

    try:
        import psycopg  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("psycopg is installed (this runs in the no-extras run of .ci/run)")
    with pytest.raises(MissingExtraError, match=r"storylens\[postgres\]"):
        open_store("postgresql://someone@127.0.0.1:1/news")


def test_an_articles_language_is_stored_and_read_back(store_url):
    if "lang" not in Article.__dataclass_fields__:
        pytest.skip("this Article has no lang field")
    with open_store(store_url) as st:
        StoryIndex(st, digests=False).add([Article("de1", "Hochwasser im Ahrtal: Helfer suchen nach Vermissten.",
                                                   lang="de"), Article("xx", "Floods hit Kashmir on Monday.")])
        assert st.article("de1").lang == "de" and st.article("xx").lang is None
        (story,) = [s for s in st.stories() if "de1" in s.article_ids]
        assert [a.lang for a in st.story_articles(story.id)] == ["de"]


def test_assignments_list_an_article_stored_under_a_new_id_with_the_id_it_was_given(store_url, tmp_path, capsys):
    day1, day2 = _two_days(tmp_path)
    assert main(["cluster", str(day1), "--store", store_url]) == 0
    out = tmp_path / "day2.jsonl"
    assert main(["cluster", str(day2), "--store", store_url, "--assignments", str(out)]) == 0
    capsys.readouterr()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2  # both of day 2's articles, though their file names were taken on day 1
    assert sorted(r["given_id"] for r in rows) == ["story", "update"]
    assert all(r["article_id"].startswith(r["given_id"] + "@") for r in rows)
