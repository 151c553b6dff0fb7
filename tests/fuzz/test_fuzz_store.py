"""Fuzzing the store: sequences of operations (add articles, search, list and filter, read, digest a story).

Each example runs a sequence on a fresh store (SQLite; PostgreSQL too when STORYLENS_TEST_PG names a
server).  Every outcome is a result or our own error (a StorylensError), and after every operation the
store is consistent: what was added is stored once (the counts are what the adds said they stored), no
article is in an unlisted story, no listed story is empty, and full-text search finds each stored
article by the marker word it was given, and nothing else.
"""

from __future__ import annotations

import os
import re
import tempfile
import uuid
from pathlib import Path

import pytest

pytest.importorskip("hypothesis", reason="the fuzzing suite needs hypothesis (pip install 'storylens[test]')")

from fuzz_budget import budgeted  # noqa: E402
from fuzz_strategies import article_text, payload  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from storylens.errors import StorylensError  # noqa: E402
from storylens.ingest.build import article_from_text  # noqa: E402
from storylens.stories.store import StoryFilter, open_store  # noqa: E402
from storylens.stories.store.index import StoryIndex  # noqa: E402

# a store's examples cost a few digests' worth each (a new store, its transactions): a fifth of a reader's
_N = max(5, settings().max_examples // 5)
_MARKER = re.compile(r"zqk\d+x")

ids = st.sampled_from(["story", "story", "news-1", "news-1", "a b", "x'y", 'q"', "a/b", "%", "*", "\u00e9",
                       "id\nwith newline", "-1", "NULL", "a@b", ""]) | payload | st.text(max_size=8)
urls = st.sampled_from(["", "https://x.org/a", "https://x.org/a?utm_source=feed", "https://X.org:443/a#top",
                        "javascript:alert(1)", "http://[::1]/", "not a url", "https://x.org/" + "a" * 300]) | payload
dates = st.sampled_from([None, "2016-10-13", "2016-10-14", "9999-12-31", "0001-01-05", "bad", ""])
# a story the clusterer can group, or noise; the marker sentence is appended by the test (unique per add)
story_text = st.sampled_from([
    "Russian warplanes struck Aleppo on Tuesday, killing 12 people, officials said.",
    "Aid convoys waited at the Turkish border for a second day on Wednesday.",
    "Flood waters rose across the Po valley as rivers burst their banks.",
]) | article_text
article = st.fixed_dictionaries({"id": ids, "url": urls, "published": dates, "title": payload | st.just(""),
                                 "text": st.lists(story_text, min_size=1, max_size=3).map(" ".join)})
# full-text queries: FTS5 and tsquery syntax, quotes, NUL, operators alone, and the words stored
query = st.sampled_from(['"', '""', "AND", "OR", "NOT", "NEAR(a b)", "a*", "*", "-", "title:x", "^a", "(", ")",
                         "a OR", "\x00", "a\x00b", "'", "a:b", "{a}", "zqk1x", "Aleppo", "aleppo killed",
                         "\u00e9", "a" * 500, "!", "&", "|", "<->", ":*", ""]) | payload | st.text(max_size=12)
add = st.tuples(st.just("add"), st.lists(article, min_size=1, max_size=3))
op = st.one_of(
    add,
    st.tuples(st.just("search"), query, st.sampled_from([None, 0, 1, 20]), st.sampled_from([0, 1, 5])),
    st.tuples(st.just("list"), st.sampled_from(["", "Reuters", "x.org", "'", "%"]) | payload,
              st.sampled_from(["", "2016-10-13", "2016-13-45", "garbage", "9999-12-31"]),
              st.sampled_from([None, 1, 10]), st.sampled_from([0, 1])),
    st.tuples(st.just("read"), ids | st.sampled_from(["s1", "story-1"]), st.integers(0, 4)),
    st.tuples(st.just("digest"), st.integers(0, 4)),
)
# a sequence starts with an add (so that the reads, lists and digests have stories to work on)
steps = st.builds(lambda first, rest: [first, *rest], add, st.lists(op, max_size=5))


class Run:
    """One sequence of operations on one store, with what the adds said they stored."""

    def __init__(self, store) -> None:
        self.store = store
        self.stored: set[str] = set()
        self.markers = 0

    def apply(self, step: tuple) -> None:
        kind = step[0]
        try:
            getattr(self, "_" + kind)(*step[1:])
        except StorylensError as exc:
            assert "\n" not in str(exc).strip(), repr(str(exc))
        self.check()

    def _add(self, fields: list[dict]) -> None:
        arts = []
        for f in fields:
            self.markers += 1
            f = dict(f)
            text = f.pop("text") + f" Officials counted zqk{self.markers}x people on the scene."
            arts.append(article_from_text(text, **f))
        res = StoryIndex(self.store, digests=self.markers % 2 == 0).add(arts)
        self.stored |= {a.article_id for a in res.assignments}

    def _search(self, q: str, limit: int | None, offset: int) -> None:
        hits = self.store.search(q, limit=limit, offset=offset)
        assert {h.article_id for h in hits} <= self.stored
        assert limit is None or len(hits) <= limit
        assert self.store.search_count(q) >= len(hits)

    def _list(self, outlet: str, day: str, limit: int | None, offset: int) -> None:
        where = StoryFilter(outlet=outlet, date_from=day, date_to=day)
        listed = self.store.stories(limit=limit, offset=offset, where=where)
        assert limit is None or len(listed) <= limit
        assert len(listed) <= self.store.count_stories(where)
        assert set(self.store.story_ids(where)) >= {s.id for s in listed}

    def _read(self, some_id: str, k: int) -> None:
        sids = self.store.story_ids()
        sid = sids[k % len(sids)] if sids and k else some_id
        got = self.store.story(sid)  # an unknown id is an UnknownStoryError (ours)
        assert got.id == sid and set(got.article_ids) <= self.stored
        a = self.store.article(some_id)
        assert a is None or a.id in self.stored

    def _digest(self, k: int) -> None:
        sids = self.store.story_ids()
        if not sids:
            return
        sid = sids[k % len(sids)]
        self.store.refresh_digests([sid])
        made, why = self.store.cached_digest(sid), self.store.digest_error(sid)
        assert (made is not None) != (why is not None), (made, why)
        if made is not None:
            assert made["articles"] and {a["id"] for a in made["articles"]} <= self.stored

    def check(self) -> None:
        s = self.store
        stored = {sa.article.id: sa.story_id for sa in s.assignments()}
        assert set(stored) == self.stored  # nothing lost, nothing stored that an add did not report
        counts = s.counts()
        assert counts["articles"] == len(self.stored)
        listed = s.stories(limit=None)
        assert counts["stories"] == len(listed) == s.count_stories()
        members: dict[str, str] = {}
        for story in listed:
            arts = s.story_articles(story.id)
            assert arts, f"empty story {story.id}"
            assert sorted(a.id for a in arts) == sorted(story.article_ids)
            members.update((a.id, story.id) for a in arts)
        assert members == stored  # every article in exactly its listed story: no orphan
        for aid in sorted(stored)[:12]:
            a = s.article(aid)
            assert a is not None
            (a.id + a.text + a.title + a.url).encode("utf-8")  # valid Unicode, as stored
            for m in set(_MARKER.findall(a.text)):
                hits = {h.article_id for h in s.search(m, limit=None)}
                holders = {x for x in stored if m in (s.article(x).text or "")}
                assert hits == holders, (m, hits, holders)


def _backends() -> list[str]:
    return ["sqlite"] + (["postgres"] if os.environ.get("STORYLENS_TEST_PG") else [])


def _pg_store(server: str):
    import psycopg

    schema = "fz_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in server else "?"
    return schema, open_store(f"{server}{sep}options=-csearch_path%3D{schema}")


def _drop(server: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as c:
        c.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.mark.parametrize("backend", _backends())
@settings(max_examples=_N)
@given(steps)
@budgeted
def test_store_operations_give_results_or_our_errors_and_keep_the_store_consistent(backend, steps):
    if backend == "postgres":
        server = os.environ["STORYLENS_TEST_PG"]
        schema, store = _pg_store(server)
        try:
            with store:
                run = Run(store)
                for step in steps:
                    run.apply(step)
        finally:
            _drop(server, schema)
        return
    with tempfile.TemporaryDirectory() as d, open_store(str(Path(d) / "fuzz.db")) as store:
        run = Run(store)
        for step in steps:
            run.apply(step)


def test_the_store_checks_can_fail(tmp_path):
    """The consistency check sees an article the adds did not report, and one whose story is gone."""
    with open_store(str(tmp_path / "s.db")) as store:
        run = Run(store)
        run.apply(("add", [{"id": "a", "url": "", "published": None, "title": "",
                            "text": "Russian warplanes struck Aleppo on Tuesday, killing 12 people."}]))
        assert len(run.stored) == 1
        run.stored.add("ghost")
        with pytest.raises(AssertionError):
            run.check()


HOSTILE_KEYS = ["\ud800", "\udce9", "a\x00b", "\x00", "'; DROP TABLE stories; --", "%", "*", '"', ""]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_hostile_keys_in_every_lookup_give_results_or_our_errors(backend, request, tmp_path):
    """A lone surrogate (what a non-UTF-8 command-line argument decodes to), a NUL or SQL in a story id,
    an article id, a filter or a query is a result or a StoreError on both backends, never a crash."""
    location = request.getfixturevalue("pg_url") if backend == "postgres" else str(tmp_path / "s.db")
    with open_store(location) as store:
        run = Run(store)
        run.apply(("add", [{"id": "a", "url": "", "published": "2016-10-13", "title": "",
                            "text": "Russian warplanes struck Aleppo on Tuesday, killing 12 people."}]))
        for key in HOSTILE_KEYS:
            calls = [(store.story, key), (store.article, key), (store.story_articles, key), (store.search, key),
                     (store.search_count, key), (store.known_ids, [key]), (store.span_texts, [(key, 0, 3)]),
                     (store.cached_digest, key), (store.count_stories, StoryFilter(ids=(key,))),
                     (store.count_stories, StoryFilter(outlet=key, date_from=key))]
            for call, arg in calls:
                try:
                    call(arg)
                except StorylensError as exc:
                    assert "\n" not in str(exc)
            run.check()
