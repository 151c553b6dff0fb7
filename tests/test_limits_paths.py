"""The story limits on every path that makes one digest: the Python call, ``digest --store --story``,
the store's own digests, and the web app's story page and API (a real store, a real HTTP server)."""

from __future__ import annotations

import json

import pytest

import storylens
from storylens.cli import main
from storylens.config import Options
from storylens.errors import LimitError
from storylens.limits import Limits, story_limit_in
from storylens.stories.store import open_store
from storylens.stories.store.digests import DEFAULT_DIGEST_SETTINGS, settings_key

ARTICLES_FLAG = "(max_story_articles; raise it with --max-story-articles)"
CHARS_FLAG = "(max_story_chars; raise it with --max-story-chars)"


def _example_texts(example_dir) -> list[str]:
    return [p.read_text() for p in sorted(example_dir.glob("*.txt"))]


def test_the_python_call_is_bounded_by_its_options_limits(example_dir):
    texts = _example_texts(example_dir)
    n, chars = len(texts), sum(len(storylens.Article.from_text(t).text) for t in texts)
    with pytest.raises(LimitError) as err:
        storylens.digest(texts, options=Options(limits=Limits(max_story_articles=n - 1)))
    assert err.value.limit == "max_story_articles"
    assert str(err.value).endswith(f"{n} articles in one digest: over the limit of {n - 1} articles {ARTICLES_FLAG}")
    with pytest.raises(LimitError) as err:
        storylens.digest(texts, options=Options(limits=Limits(max_story_chars=chars - 1)))
    assert err.value.limit == "max_story_chars" and f"{chars:,} characters of text in one digest" in str(err.value)
    # exactly at both limits: digested
    d = storylens.digest(texts, options=Options(limits=Limits(max_story_articles=n, max_story_chars=chars)))
    assert len(d.articles) == n and d.summary.sentences


@pytest.fixture
def clustered(example_dir, tmp_path):
    """The example clustered by the CLI into a SQLite store: (path, story id, articles)."""
    db = str(tmp_path / "news.db")
    assert main(["cluster", str(example_dir), "--store", db]) == 0
    with open_store(db, create=False) as st:
        (sid,) = st.story_ids()
        return db, sid, len(st.story_articles(sid))


def _one_line_error(capsys, argv) -> str:
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    return err


def test_digest_of_a_stored_story_is_refused_over_a_story_limit(clustered, capsys):
    db, sid, n = clustered
    base = ["digest", "--store", db, "--story", sid, "--format", "json"]
    err = _one_line_error(capsys, [*base, "--max-story-articles", str(n - 1)])
    assert f"story {sid}: {n} articles in one digest: over the limit of {n - 1} articles {ARTICLES_FLAG}" in err
    err = _one_line_error(capsys, [*base, "--max-story-chars", "1000"])
    assert "characters of text in one digest: over the limit of 1,000 characters" in err and CHARS_FLAG in err
    capsys.readouterr()
    assert main([*base, "--max-story-articles", str(n)]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == n


def test_the_store_records_a_story_over_its_limit_and_keeps_it(store_url, example_dir, caplog):
    assert main(["cluster", str(example_dir), "--store", store_url]) == 0
    with open_store(store_url, create=False) as st:
        (sid,) = st.story_ids()
        n = len(st.story_articles(sid))
        # the story limits are optional settings: a store that sets none keeps its settings' key (and digests)
        assert settings_key(st.digest_settings()) == settings_key(DEFAULT_DIGEST_SETTINGS)
        assert st.cached_digest(sid) is not None
        st.set_digest_settings(max_story_articles=n - 1)
        with caplog.at_level("WARNING", logger="storylens.stories.store.digests"):
            assert st.refresh_digests() == 1
        why = st.digest_error(sid)
        assert st.cached_digest(sid) is None and why is not None and story_limit_in(why) == "max_story_articles"
        assert ARTICLES_FLAG in why and any("story not digested" in r.getMessage() for r in caplog.records)
        assert len(st.story_articles(sid)) == n  # nothing lost
        assert st.stale_digests() == []  # recorded for this version and these settings: not remade each write
        st.set_digest_settings(max_story_articles=n)
        assert st.refresh_digests() == 1
        assert st.cached_digest(sid) is not None and st.digest_error(sid) is None
        with pytest.raises(storylens.errors.ConfigError):
            st.set_digest_settings(max_story_chars=0)


def test_the_web_answers_422_for_a_story_over_its_limit(example_dir, tmp_path):
    httpx = pytest.importorskip("httpx", reason="the web extra is not installed (pip install 'storylens[web]')")
    pytest.importorskip("uvicorn", reason="the web extra is not installed (pip install 'storylens[web]')")
    from storylens.web.app import create_app
    from storylens.web.server import background_server

    db = str(tmp_path / "news.db")
    files = sorted(str(p) for p in example_dir.glob("*.txt"))
    assert main(["cluster", *files[:3], "--store", db]) == 0
    assert main(["cluster", *files[3:], "--store", db]) == 0  # a second version, for the update digest
    with open_store(db, create=False) as st:
        (sid,) = st.story_ids()
        first = st.story_versions(sid)[0]
        st.set_digest_settings(max_story_articles=2)
        st.refresh_digests()
    with background_server(create_app(db)) as url, httpx.Client(base_url=url, timeout=120) as web:
        for path in (f"/api/v1/stories/{sid}", f"/api/v1/stories/{sid}?since_version={first}"):
            r = web.get(path)
            assert r.status_code == 422, (path, r.text)
            body = r.json()
            assert body["status"] == 422 and f"story {sid!r} is too large to digest" in body["error"]
            assert ARTICLES_FLAG in body["error"] and "\n" not in body["error"]
        for path in (f"/stories/{sid}", f"/stories/{sid}?since_version={first}"):
            r = web.get(path)
            assert r.status_code == 422 and "text/html" in r.headers["content-type"]
            assert "too large to digest" in r.text and "max_story_articles" in r.text
        assert web.get("/api/v1/stories").status_code == 200  # the list still answers
