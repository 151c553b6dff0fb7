"""Digests cached in the store (both backends): made when a story changes, read as they are, never stale."""

from __future__ import annotations

import json

import pytest

from storylens.cli import main
from storylens.errors import ConfigError
from storylens.models import Article
from storylens.stories.store import UnknownStoryError, open_store
from storylens.stories.store.index import StoryIndex

from test_cluster import QUAKE_A, QUAKE_B, _arts


def _quakes():
    return _arts(QUAKE_A, "a", "2012-11-11") + _arts(QUAKE_B, "b", "2012-11-12")


def _cli_digest(capsys, store, story_id, *extra):
    capsys.readouterr()
    assert main(["digest", "--store", store, "--story", story_id, "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_each_story_digest_is_made_at_write_time_and_equals_the_cli_digest(store_url, capsys):
    with open_store(store_url) as st:
        res = StoryIndex(st).add(_quakes())
        assert res.digests == 2
        stories = st.stories()
        cached = {s.id: st.cached_digest(s.id) for s in stories}
        assert st.stale_digests() == []
    for s in stories:
        d = cached[s.id]
        assert d["schema"] == "storylens.digest/1" and len(d["articles"]) == 3
        assert d["meta"]["max_words"] == 250
        # the store's default settings: 250 words, rules-only entities (spaCy is slow)
        assert d == _cli_digest(capsys, store_url, s.id, "--entities", "rules", "--words", "250")
    quake = next(s for s in stories if "a0" in s.article_ids)
    assert "Mogok" in " ".join(x["text"] for x in cached[quake.id]["summary"])


def test_a_story_that_grows_gets_a_new_version_and_digest_the_others_keep_theirs(store_url):
    with open_store(store_url) as st:
        StoryIndex(st).add(_quakes())
        before = {s.id: (s.version, st.cached_digest(s.id)) for s in st.stories()}
        late = Article("a-late", "Aftershocks shook Mogok in Myanmar on Monday after the 6.1 earthquake; "
                       "officials said the death toll from the quake rose to 14.", published="2012-11-12")
        (x,) = StoryIndex(st).add([late]).assignments
        after = {s.id: (s.version, st.cached_digest(s.id)) for s in st.stories()}
        assert st.story_version(x.story_id) == st.story(x.story_id).version == st.version()
    (other,) = set(before) - {x.story_id}
    assert after[other] == before[other]
    assert after[x.story_id][0] > before[x.story_id][0]
    assert "a-late" in [a["id"] for a in after[x.story_id][1]["articles"]]


def test_digests_a_crashed_write_left_stale_are_made_by_the_next_write_or_refresh(store_url):
    with open_store(store_url) as st:
        # a write whose digests never ran (as if killed after the batch committed)
        StoryIndex(st, digests=False).add(_arts(QUAKE_A, "a", "2012-11-11"))
        (quake,) = st.stories()
        assert st.cached_digest(quake.id) is None and st.stale_digests() == [quake.id]
        # the next write digests what it changed and what the interrupted one left
        StoryIndex(st).add(_arts(QUAKE_B, "b", "2012-11-12"))
        assert st.stale_digests() == []
        assert [a["id"] for a in st.cached_digest(quake.id)["articles"]] == ["a0", "a1", "a2"]
    with open_store(store_url) as st:
        StoryIndex(st, digests=False).add([Article("c0", "Floods hit the valley of Kashmir on Monday, "
                                                   "officials said, and 40 villages were cut off.")])
        assert len(st.stale_digests()) == 1
        assert st.refresh_digests() == 1 and st.stale_digests() == []
        assert st.refresh_digests() == 0  # nothing left to make


def test_digest_settings_are_kept_and_a_change_makes_every_digest_stale(store_url):
    with open_store(store_url) as st:
        assert st.digest_settings() == {"max_words": 250, "method": "storylens", "use_spacy": False}
        StoryIndex(st).add(_quakes())
        sid = st.stories()[0].id
        assert st.set_digest_settings(max_words=30)["max_words"] == 30
        assert st.cached_digest(sid) is None and len(st.stale_digests()) == 2
        assert st.refresh_digests() == 2
        d = st.cached_digest(sid)
        assert d["meta"]["max_words"] == 30
        assert sum(len(s["text"].split()) for s in d["summary"]) <= 30
        with pytest.raises(ConfigError, match="unknown digest setting"):
            st.set_digest_settings(words=10)
        with pytest.raises(ConfigError, match="unknown method"):
            st.set_digest_settings(method="bert")
    with open_store(store_url) as st:
        assert st.digest_settings()["max_words"] == 30


def test_unknown_story_and_a_story_without_text(store_url):
    from storylens.stories.store import BatchRecord, StoredArticle

    with open_store(store_url) as st:
        with pytest.raises(UnknownStoryError):
            st.cached_digest("nope")
        blank = Article("blank", "   ")
        st.write_batch(BatchRecord(
            articles=[StoredArticle(blank, "s-blank", None, 0)], signatures={}, content_hashes={"blank": "h"},
            stories=[{"id": "s-blank", "order": 0, "active": True, "centroid": {}}], df_delta={}, n_docs=1))
        assert st.refresh_digests(["s-blank"]) == 1
        assert st.cached_digest("s-blank") is None
        assert "no article" in st.digest_error("s-blank") and "text" in st.digest_error("s-blank")
        assert st.stale_digests() == []  # a story that cannot be digested is not tried again and again


def test_until_its_new_digest_is_made_a_grown_story_keeps_its_previous_one(store_url):
    """What a reader sees between a follower's batch and its digester's pass: the story's previous digest,
    kept as it was, and no current one (the web app then serves the previous one as not current)."""
    def digest_row(st, sid):
        return tuple(st._x("SELECT version, digest FROM digests WHERE story_id=?", (sid,)).fetchone())

    with open_store(store_url) as st:
        StoryIndex(st).add(_arts(QUAKE_A, "a", "2012-11-11"))
        (quake,) = st.stories()
        before = digest_row(st, quake.id)
        late = Article("a-late", "Aftershocks shook Mogok in Myanmar on Monday after the 6.1 earthquake; "
                       "officials said the death toll from the quake rose to 14.", published="2012-11-12")
        (x,) = StoryIndex(st, digests=False).add([late]).assignments  # committed, not digested yet
        assert x.story_id == quake.id and st.story_version(quake.id) > before[0]
        assert st.cached_digest(quake.id) is None and st.stale_digests() == [quake.id]
        assert digest_row(st, quake.id) == before
        assert st.refresh_digests([]) == 1  # the digester's pass: what changed since the last complete one
        assert digest_row(st, quake.id)[0] == st.story_version(quake.id)
        assert "a-late" in [a["id"] for a in st.cached_digest(quake.id)["articles"]]
