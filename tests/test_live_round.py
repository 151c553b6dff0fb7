"""Rounds of `storylens follow` against real servers on 127.0.0.1: full text from linked pages under robots.txt,
one article from two feeds stored once, hostile sources failing alone, 304 on the second round, backing off,
an OPML file of 1,000 sources, the CLI's lines and exit codes, and a kill in the middle of a round."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("httpx", reason="the live extra (httpx) is not installed")

from test_live import QUICK, answers, bomb, drip, endless, open_sites, page_html, redirect, rss, story_text  # noqa: E402

from storylens.cli import main  # noqa: E402
from storylens.live.poll import run_round  # noqa: E402
from storylens.models import Article  # noqa: E402
from storylens.live.sources import read_sources  # noqa: E402
from storylens.live.table import FeedTable  # noqa: E402
from storylens.stories.store import StoreError, open_store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def sites():
    yield from open_sites()


@pytest.fixture(params=["sqlite", "postgres"])
def new_store(request, tmp_path):
    """``new_store(name)``: where a fresh store goes, a SQLite file or a fresh schema of the test PostgreSQL
    server (conftest's pg_server), so that every round test runs on both backends."""
    if request.param == "sqlite":
        yield lambda name="news": str(tmp_path / f"{name}.db")
        return
    import uuid
    from urllib.parse import quote

    import psycopg

    server = request.getfixturevalue("pg_server")
    made: list[str] = []

    def make(name: str = "news") -> str:
        schema = f"t_{name}_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(server, autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {schema}")
        made.append(schema)
        return f"{server}{'&' if '?' in server else '?'}options={quote(f'-csearch_path={schema}')}"

    yield make
    with psycopg.connect(server, autocommit=True) as c:
        for schema in made:
            c.execute(f"DROP SCHEMA {schema} CASCADE")


def follow(db: str, urls: list[str]) -> None:
    """Add sources to the store's feeds table (as `storylens follow URL...` does before its first round)."""
    with open_store(db) as st:
        FeedTable(st).add(read_sources(urls)[0], time.time())


def stored(db: str) -> dict[str, str]:
    with open_store(db) as st:
        return {sa.article.id: sa.story_id for sa in st.assignments()}


def texts(db: str) -> dict[str, str]:
    with open_store(db) as st:
        return dict(st._x("SELECT id, text FROM articles").fetchall())


def feed_rows(db: str) -> dict:
    with open_store(db) as st:
        return {r.url: r for r in FeedTable(st).sources()}


def etag_feed(body: bytes, tag: str = '"v1"'):
    def route(h) -> None:
        if h.headers.get("If-None-Match") == tag:
            h.send_response(304)
            h.send_header("ETag", tag)
            h.send_header("Content-Length", "0")
            h.end_headers()
        else:
            h.reply(200, body, "application/rss+xml", {"ETag": tag})
    return route


def test_a_round_with_pages_copies_and_hostile_sources(sites, new_store):
    news, pages, other = sites(), sites(), sites()
    a_items = [{"id": f"a{k}", "link": f"http://news.example.org/a/{k}?utm_source=rss&utm_medium=feed",
                "title": f"Story {k}", "content": story_text(k)} for k in range(3)]
    news.routes["/a.xml"] = etag_feed(rss("Alpha News", a_items))
    pages.static("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    b_items = []
    for k in range(10, 14):
        path = f"/private/{k}" if k == 13 else f"/story/{k}"
        pages.static(path, page_html(f"Page {k}", story_text(k, words=300) + " The page alone says this."),
                     "text/html; charset=utf-8")
        b_items.append({"id": f"b{k}", "link": pages.url(path) + "?utm_campaign=x#comments", "title": f"Page {k}",
                        "summary": story_text(k, words=20)})
    other.static("/b.xml", rss("Beta Wire", b_items))
    c_items = [{"id": "c-copy", "link": "HTTP://NEWS.example.org/a/0?fbclid=zz#top", "title": "Story 0",
                "content": story_text(0)},
               {"id": "c1", "link": "http://c.example.org/1", "title": "C one", "content": story_text(20)}]
    other.static("/c.xml", rss("Gamma Post", c_items))
    hostile = {name: sites() for name in ("drip", "endless", "bomb", "type", "malformed", "loop", "flaky", "busy")}
    hostile["drip"].routes["/f"] = drip
    hostile["endless"].routes["/f"] = endless
    hostile["bomb"].routes["/f"] = bomb
    hostile["type"].static("/f", b"GIF89a", "image/gif")
    hostile["malformed"].static("/f", b"<<<this is { not a feed", "application/rss+xml")
    for i in range(8):
        hostile["loop"].routes["/f" if i == 0 else f"/l{i}"] = redirect(f"/l{i + 1}")
    hostile["flaky"].routes["/f"] = answers((500, {}), name="flaky")
    hostile["busy"].routes["/f"] = answers((429, {"Retry-After": "1"}), name="busy")
    db = new_store()
    follow(db, [news.url("/a.xml"), other.url("/b.xml"), other.url("/c.xml")]
           + [s.url("/f") for s in hostile.values()])

    started = time.monotonic()
    r1 = run_round(db, QUICK)
    assert time.monotonic() - started < 15
    assert (r1.sources, r1.fetched, r1.failed, r1.unchanged) == (11, 5, 6, 0)
    failed = dict(r1.failures)
    assert "deadline" in failed[hostile["drip"].url("/f")]
    assert "byte limit" in failed[hostile["endless"].url("/f")]
    assert "byte limit" in failed[hostile["bomb"].url("/f")]
    assert "wrong content type image/gif" in failed[hostile["type"].url("/f")]
    assert "feed" in failed[hostile["malformed"].url("/f")]
    assert "redirects" in failed[hostile["loop"].url("/f")]

    got = texts(db)
    want = {f"http://news.example.org/a/{k}" for k in range(3)} | {"http://c.example.org/1",
            "http://example.org/flaky", "http://example.org/busy"} \
        | {pages.url(f"/story/{k}") for k in range(10, 13)} | {pages.url("/private/13")}
    assert set(got) == want  # canonical ids: the copy in Gamma Post is the same article, stored once
    assert r1.new_articles == len(want) == 10
    for k in range(10, 13):  # summary-only entries: the page's main text
        assert "The page alone says this." in got[pages.url(f"/story/{k}")]
    assert "The page alone says this." not in got[pages.url("/private/13")]  # robots.txt: the summary only
    assert not pages.hits("/private/13") and len(pages.hits("/robots.txt")) == 1
    assert (r1.pages, r1.pages_refused) == (3, 1)
    assert r1.new_stories >= 1 and r1.new_stories + r1.copies <= r1.new_articles

    rows = feed_rows(db)
    assert rows[news.url("/a.xml")].etag == '"v1"' and rows[news.url("/a.xml")].total_new == 3
    assert rows[other.url("/c.xml")].total_new == 1
    drip_row = rows[hostile["drip"].url("/f")]
    assert drip_row.last_status == "failed" and drip_row.failures == 1 and drip_row.next_try > time.time() + 200
    assert "deadline" in drip_row.last_error

    r2 = run_round(db, QUICK)
    assert (r2.unchanged, r2.deferred, r2.new_articles) == (1, 6, 0)
    assert news.hits("/a.xml")[-1][1]["If-None-Match"] == '"v1"'
    assert len(hostile["drip"].hits("/f")) == 2  # backing off: not asked again (its 2 tries were in round 1)
    assert set(texts(db)) == want


def test_cli_follow_and_feeds(sites, tmp_path: Path, new_store, capsys):
    site = sites()
    for i in range(3):
        site.static(f"/f{i}.xml", rss(f"Feed {i}", [{"id": f"{i}-{k}", "link": f"http://x.example.org/{i}/{k}",
                                                     "title": f"T {i} {k}", "content": story_text(10 * i + k)}
                                                    for k in range(2)]))
    site.static("/gone.xml", b"no", "text/plain", status=404)
    opml = tmp_path / "subs.opml"
    outlines = "".join(f'<outline text="F{i}" xmlUrl="{site.url(f"/f{i}.xml")}"/>' for i in range(3))
    opml.write_text(f'<opml version="2.0"><body><outline text="folder">{outlines}</outline>'
                    f'<outline text="gone" xmlUrl="{site.url("/gone.xml")}"/></body></opml>')
    db = new_store()
    argv = ["follow", str(opml), "--store", db, "--allow-private", "--delay", "0", "--once",
            "--user-agent-contact", "mailto:ops@example.org"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "following 4 sources (4 new)" in out
    assert "round 1: 4 sources: 3 fetched, 0 unchanged, 1 failed; 6 new articles" in out
    assert "gone.xml: HTTP 404" in err
    assert "(+mailto:ops@example.org)" in site.log[0][1]["User-Agent"]

    assert main(["follow", "--store", db, "--allow-private", "--delay", "0", "-q"]) == 0  # only --store
    out, err = capsys.readouterr()
    assert out == "" and err == ""
    assert len(site.hits("/f0.xml")) == 2 and len(site.hits("/gone.xml")) == 1  # backing off

    assert main(["feeds", "--store", db]) == 0
    out, _ = capsys.readouterr()
    assert out.count("[feed]") == 4 and "last error: HTTP 404" in out and "failures 1, next try" in out
    assert main(["feeds", "--store", db, "--format", "json"]) == 0
    rows = [json.loads(ln) for ln in capsys.readouterr()[0].splitlines()]
    assert [r["total_articles"] for r in rows] == [2, 2, 2, 0] and rows[3]["http_status"] == 404


def test_the_same_answers_give_the_same_stories_whatever_the_arrival_order(sites, new_store):
    import random

    rng = random.Random(3)
    farm = [sites() for _ in range(3)]
    urls = []
    for i in range(12):
        # two feeds carry each report, and the servers answer after random pauses
        items = [{"id": f"{i}-{k}", "link": f"http://d.example.org/{(i * 4 + k) % 30}?utm_source=f{i}",
                  "title": f"D {i} {k}", "content": story_text((i * 4 + k) % 30, 80) + f" Feed {i} adds this."}
                 for k in range(4)]
        body = rss(f"Outlet {i}", items)
        farm[i % 3].routes[f"/f{i}.xml"] = lambda h, body=body: (time.sleep(rng.random() * 0.05),
                                                                 h.reply(200, body, "application/rss+xml"))
        urls.append(farm[i % 3].url(f"/f{i}.xml"))
    runs = []
    for n in range(2):
        db = new_store(f"run{n}")
        follow(db, urls)
        run_round(db, QUICK.with_(batch_size=7))
        runs.append((stored(db), texts(db)))
    assert len(runs[0][0]) == 30
    assert runs[0] == runs[1]


@pytest.mark.parametrize("argv, message", [
    (["follow", "ftp://example.org/feed", "--store", "{db}"], "only http:// and https://"),
    (["follow", "{tmp}/missing.opml", "--store", "{db}"], "not a file"),
    (["follow", "https://example.org/feed", "--store", "{db}", "--every", "soon"], "interval"),
    (["follow", "--store", "{db}"], "follows no sources"),
    (["follow", "https://example.org/feed", "--store", "{db}", "--delay", "-1"], "delay"),
    (["feeds", "--store", "{tmp}/none.db"], "no such store"),
    (["feeds", "--store", "{tmp}/other.db"], "not a storylens store"),
])
def test_cli_bad_arguments_exit_2(tmp_path: Path, capsys, argv, message):
    other = sqlite3.connect(tmp_path / "other.db")  # somebody else's SQLite file
    other.execute("CREATE TABLE notes (x)")
    other.close()
    argv = [a.format(db=tmp_path / "news.db", tmp=tmp_path) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_an_opml_file_of_1000_sources(sites, tmp_path: Path, new_store):
    farm = [sites() for _ in range(8)]
    outlines = []
    for n in range(1000):  # 100 reports, each carried by 10 of the feeds
        s = farm[n % len(farm)]
        k = n % 100
        url = s.static(f"/feed{n}.xml", rss(f"Outlet {n}", [{"id": f"e{k}", "link": f"http://o{k}.example.org/s",
                                                            "title": f"Report {k}", "content": story_text(k, 60)}]))
        outlines.append(f'<outline text="Outlet {n}" xmlUrl="{url}"/>')
    groups = "".join(f'<outline text="group {g}">{"".join(outlines[g::10])}</outline>' for g in range(10))
    opml = tmp_path / "big.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body>{groups}</body></opml>')
    db = new_store()
    follow(db, [str(opml)])
    assert len(feed_rows(db)) == 1000
    report = run_round(db, QUICK.with_(batch_size=200))
    assert (report.sources, report.fetched, report.failed, report.new_articles) == (1000, 1000, 0, 100)
    assert all(s.max_inflight == 1 and len(s.log) == 125 for s in farm)
    assert set(stored(db)) == {f"http://o{k}.example.org/s" for k in range(100)}


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pytest.skip("needs Linux /proc to find the follower's reader processes")


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"  # a zombie is gone
    except (OSError, IndexError):
        return False


def test_a_killed_round_loses_nothing_committed_and_the_next_adds_no_duplicate(sites, tmp_path: Path, new_store):
    site = sites()
    urls = []
    for i in range(20):
        body = rss(f"Feed {i}", [{"id": f"{i}-{k}", "link": f"http://k.example.org/{i}/{k}", "title": f"K {i} {k}",
                                 "content": story_text(5 * i + k, 80)} for k in range(5)])
        site.routes[f"/f{i}.xml"] = lambda h, body=body: (time.sleep(0.05), h.reply(200, body, "application/rss+xml"))
        urls.append(site.url(f"/f{i}.xml"))
    listing = tmp_path / "feeds.txt"
    listing.write_text("\n".join(urls) + "\n")
    db = new_store()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "storylens", "follow", str(listing), "--store", db,
                             "--allow-private", "--delay", "0", "--batch-size", "5", "--once", "-q"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    n = 0
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            if db.startswith("postgresql://") or Path(db).exists():
                try:
                    with open_store(db, create=False) as st:
                        n = st.counts()["articles"]
                except StoreError:  # not made yet
                    continue
                if n >= 15:
                    break
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        readers = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(10)
    gone_by = time.monotonic() + 10
    while time.monotonic() < gone_by and any(_alive(p) for p in readers):
        time.sleep(0.1)
    assert readers and not any(_alive(p) for p in readers)  # the reader processes do not outlive the follower
    before = stored(db)
    assert 15 <= len(before) < 100
    report = run_round(db, QUICK)
    after = stored(db)
    assert len(after) == 100 and report.new_articles == 100 - len(before)
    assert all(after[k] == v for k, v in before.items())  # what was committed stays where it was
    with open_store(db) as st:  # the killed round's digester had not finished: this round's did
        assert st.stale_digests() == [] and all(st.cached_digest(s.id) for s in st.stories())
    with open_store(db) as st:
        assert tuple(st._x("SELECT count(*), count(DISTINCT article_id) FROM feed_entries").fetchone()) == (100, 100)
    assert run_round(db, QUICK).new_articles == 0


def test_every_polls_round_after_round_until_interrupted(sites, tmp_path: Path):
    site = sites()
    body = rss("Every", [{"id": "e1", "link": "http://every.example.org/1", "title": "E", "content": story_text(3)}])
    site.routes["/feed.xml"] = etag_feed(body)
    db = tmp_path / "news.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "storylens", "follow", site.url("/feed.xml"), "--store", str(db),
                             "--allow-private", "--delay", "0", "--workers", "0", "--every", "1s"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    rounds = []
    try:
        assert proc.stdout is not None
        while len(rounds) < 2:
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith("round"):
                rounds.append(line.strip())
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert rounds[0].startswith("round 1: 1 sources: 1 fetched") and "1 new articles" in rounds[0]
    assert rounds[1].startswith("round 2: 1 sources: 0 fetched, 1 unchanged") and "0 new articles" in rounds[1]
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    gaps = [b[2] - a[2] for a, b in zip(site.hits("/feed.xml"), site.hits("/feed.xml")[1:])]
    # rounds start a second apart, not back to back; a round's own request may come late in its second
    # on a loaded machine, so half a second is the bound
    assert gaps and all(g >= 0.5 for g in gaps)


def _made_up(k: int, i: int) -> str:
    import random

    rng = random.Random(k * 1000 + i)
    return "".join(rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") for _ in range(3))


DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _report(k: int, v: int) -> str:
    """A text about report ``k`` (names, places and things of its own), told by outlet ``v`` in its own
    words and order."""
    n = [_made_up(k, i).capitalize() for i in range(12)]
    w = [_made_up(100 + v, i).capitalize() for i in range(3)]
    sents = [f"{n[0]} officials in {n[1]} said on {DAYS[v % 5]} that the {n[2]} had forced {300 + k} people out.",
             f"The {n[3]} rose overnight near {n[1]}, {w[0]} reported, and {n[8]} from {n[4]} filled {n[9]}.",
             f"{n[5]} {n[6]}, who leads the {n[7]}, told {w[1]} that {n[10]} would come within days.",
             f"{n[11]} in {n[1]} stayed closed, and the {n[2]} to {n[4]} was cut, according to {w[2]}.",
             f"{w[0]} {w[1]} spoke to {n[8]} in {n[1]} who had lost their {n[9]} to the {n[3]}.",
             f"The {n[7]} will meet again in {n[1]} to decide on {n[10]}, {w[2]} said."]
    return " ".join(sents[j] for j in sorted(range(6), key=lambda j: (j * (v + 1)) % 7))


def _two_feeds_a_report(sites, n_feeds: int = 12) -> list[str]:
    """Feeds on three hosts whose entries tell 8 reports, each by several feeds under links of their own:
    stories that grow over several batches."""
    farm = [sites() for _ in range(3)]
    urls = []
    for i in range(n_feeds):
        items = [{"id": f"{i}-{k}", "link": f"http://d.example.org/{i}/{k}", "title": f"Report {(i + k) % 8}",
                  "content": _report((i + k) % 8, i)} for k in range(3)]
        urls.append(farm[i % 3].static(f"/f{i}.xml", rss(f"Outlet {i}", items)))
    return urls


def _digest_texts(db: str) -> dict[tuple[str, ...], str]:
    """``{the story's article ids: its digest JSON as stored}``; every digest current."""
    with open_store(db) as st:
        assert st.stale_digests() == []
        members = {s.id: tuple(sorted(s.article_ids)) for s in st.stories()}
        rows = st._x("SELECT story_id, digest FROM digests").fetchall()  # the stored text, byte for byte
    assert len(rows) == len(members)
    return {members[sid]: text for sid, text in rows}


@pytest.mark.parametrize("process", [True, False], ids=["digester process", "digests at the end"])
def test_the_digests_after_a_round_are_those_a_one_batch_build_makes(sites, new_store, process):
    from dataclasses import replace

    from storylens.stories.store.index import StoryIndex

    db = new_store("round")
    follow(db, _two_feeds_a_report(sites))
    report = run_round(db, QUICK.with_(batch_size=5, digest_process=process))
    got = _digest_texts(db)
    assert report.new_articles == 36 and len(got) >= 6
    assert max(len(ids) for ids in got) > 5  # a story that grew over batches of 5
    if not process:
        assert report.digests == len(got)  # each story digested once in the round, not once per batch
    else:
        assert report.digests >= len(got)
    with open_store(db) as st:  # the same articles, in the order they came
        arts = [st.article(sa.article.id) for sa in st.assignments()]
    arts = [replace(a, meta={k: v for k, v in a.meta.items() if k not in ("story_id", "duplicate_of", "revises")})
            for a in arts if a is not None]
    one = new_store("one")
    with open_store(one) as st:
        StoryIndex(st).add(arts, batch_size=len(arts))  # one batch, digested as it commits
    want = _digest_texts(one)
    assert got == want


def test_a_round_with_nothing_new_makes_the_digests_an_interrupted_one_left(sites, new_store):
    from storylens.stories.store.index import StoryIndex

    site = sites()
    url = site.static("/f.xml", rss("Once", [{"id": "o1", "link": "http://o.example.org/1", "title": "O",
                                             "content": _report(1, 0)}]))
    db = new_store()
    follow(db, [url])
    assert run_round(db, QUICK).new_articles == 1
    with open_store(db) as st:  # a round killed after its batch committed, before its digests
        StoryIndex(st, digests=False).add([Article("late", _report(2, 1), title="Late")])
        assert len(st.stale_digests()) == 1
    report = run_round(db, QUICK)  # the feed has nothing new
    assert report.new_articles == 0 and report.digests == 1
    with open_store(db) as st:
        assert st.stale_digests() == [] and st.cached_digest(st.article("late").meta["story_id"])
    assert run_round(db, QUICK).digests == 0  # nothing left to make: nothing made


def test_the_feeds_table_keeps_its_times_order_and_schema_version(new_store):
    from storylens.live.sources import Source
    from storylens.live.table import SourceUpdate

    db = new_store()
    when = 1_793_000_000.125  # a timestamp to the millisecond: a single-precision column would round it
    urls = [f"http://f.example.org/{c}.xml" for c in "zyxwv"]
    with open_store(db) as st:
        table = FeedTable(st)
        assert table.add([Source(u, "feed") for u in urls], when) == 5
        assert FeedTable(st).add([Source(urls[0], "feed"), Source("http://f.example.org/new", "page")], when) == 1
        table.record([SourceUpdate(urls[1], "failed", when + 1, http_status=503, error="HTTP 503", next_try=when + 9),
                      SourceUpdate(urls[2], "fetched", when + 2, kind="feed", title="Ex", http_status=200,
                                   etag='"e"', new=2, entries=("a1", "a2"))])
        table.record([SourceUpdate(urls[1], "deferred", when + 3, next_try=when + 9)])
        rows = {r.url: r for r in table.sources()}
        assert list(rows) == [*urls, "http://f.example.org/new"]  # the order they were added in
        assert rows[urls[0]].added_at == when and rows[urls[0]].last_status is None
        failed = rows[urls[1]]
        assert (failed.last_status, failed.failures, failed.http_status, failed.last_error, failed.last_fetch,
                failed.next_try) == ("deferred", 1, 503, "HTTP 503", when + 1, when + 9)
        done = rows[urls[2]]
        assert (done.title, done.etag, done.last_new, done.total_new, done.last_fetch) == ("Ex", '"e"', 2, 2, when + 2)
        assert table.taken() == {"a1", "a2"}
        st._x("UPDATE feed_meta SET value = '99' WHERE key = 'schema_version'")
        with pytest.raises(StoreError, match="newer storylens"):
            FeedTable(st)


def test_a_digester_that_cannot_work_is_reported_and_the_next_round_makes_its_digests(tmp_path: Path):
    import asyncio

    from storylens.live.digester import Digester
    from storylens.stories.store.index import StoryIndex

    db = str(tmp_path / "news.db")
    with open_store(db) as st:
        StoryIndex(st, digests=False).add([Article("a", _report(3, 0), title="A")])

        async def round_end(location: str) -> Digester:
            d = Digester(location, st)
            d.poke()  # a batch was committed
            try:
                await d.finish()
            finally:
                d.close()
            return d

        broken = asyncio.run(round_end(str(tmp_path / "gone" / "news.db")))  # its process cannot open the store
        assert broken.written == 0 and "digester process stopped" in (broken.problem or "")
        assert len(st.stale_digests()) == 1
        fine = asyncio.run(round_end(db))
        assert fine.problem is None and fine.written == 1 and st.stale_digests() == []
