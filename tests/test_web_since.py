"""New since a version: the store's update digest in the API (and the CLI's --since-version) and on the
story page, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install 'storylens[web]')")
pytest.importorskip("uvicorn", reason="the web extra is not installed (pip install 'storylens[web]')")
httpx = pytest.importorskip("httpx", reason="the test extra is not installed")

from storylens.cli import main as cli_main  # noqa: E402
from storylens.web.app import create_app  # noqa: E402
from storylens.web.server import background_server  # noqa: E402
from web_pages import TOKEN, fresh_store, parse  # noqa: E402

@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def versioned(request, tmp_path_factory, example_dir, example_articles):
    """The example stored in two batches (its 13 October report last):
    ``(client, story id, v1, v2, the newest report's id, store)``."""
    path = fresh_store(request, tmp_path_factory)
    files = sorted(p for p in example_dir.iterdir() if p.is_file())
    newest_id = max(example_articles, key=lambda a: a.published or "").id
    newest = next(p for p in files if p.name.startswith(newest_id))
    assert cli_main(["cluster", *[str(p) for p in files if p != newest], "--store", path]) == 0
    assert cli_main(["cluster", str(newest), "--store", path]) == 0
    with background_server(create_app(path, token=TOKEN)) as url:
        with httpx.Client(base_url=url, timeout=120) as client:
            body = client.get("/api/v1/stories").json()
            (story,) = body["stories"]
            versions = client.get(f"/api/v1/stories/{story['id']}").json()["versions"]
            assert len(versions) == 2
            yield client, story["id"], versions[0], versions[1], newest_id, path


def test_since_version_in_the_api_is_the_update_of_the_later_articles(versioned, tmp_path):
    client, sid, v1, v2, newest, path = versioned
    body = client.get(f"/api/v1/stories/{sid}", params={"since_version": v1}).json()
    assert body["story"]["version"] == v2 and body["versions"] == [v1, v2] and body["since_version"] == v1
    d = body["digest"]
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(d, client.get("/api/v1/schema/digest").json())
    assert d["update"]["since"] == f"version {v1}" and d["update"]["new_article_ids"] == [newest]
    assert {c for s in d["summary"] for c in s["citations"]} == {newest}
    assert any("370" in json.dumps(d["facts"][k]) for k in d["update"]["changed_figures"])
    whole = client.get(f"/api/v1/stories/{sid}").json()["digest"]
    assert "update" not in whole and [s["text"] for s in whole["summary"]] != [s["text"] for s in d["summary"]]
    # what the CLI says: storylens digest --store DB --story ID --since-version N
    out = tmp_path / "update.json"
    assert cli_main(["digest", "--store", path, "--story", sid, "--since-version", str(v1), "-f", "json",
                     "--entities", "rules", "-o", str(out)]) == 0
    assert [s["text"] for s in json.loads(out.read_text())["summary"]] == [s["text"] for s in d["summary"]]
    latest = client.get(f"/api/v1/stories/{sid}", params={"since_version": v2})
    assert latest.status_code == 422 and "it is the story's latest version" in latest.json()["error"]
    absent = client.get(f"/api/v1/stories/{sid}", params={"since_version": 9999})
    assert absent.status_code == 404 and absent.json()["error"] == (
        f"story {sid!r} has no version 9999; its versions are {v1}, {v2}")
    assert client.get(f"/api/v1/stories/{sid}", params={"since_version": -1}).status_code == 422


def test_since_version_on_the_story_page_shows_what_the_new_report_adds(versioned):
    client, sid, v1, v2, newest, _ = versioned
    html = client.get(f"/stories/{sid}", params={"since_version": v1}).text
    assert f"What is new since version {v1}, from 1 source" in html
    assert f'data-since-version="{v1}"' in html and f'data-version="{v2}"' in html
    summary = html.split(">Summary</h2>", 1)[1].split("</div>", 1)[0]
    cited = {urlsplit(h).path for h, cls in parse(summary).links if "cite" in cls.split()}
    assert cited == {f"/articles/{newest}"}
    changed = html.split(">Changed figures</h2>", 1)[1].split("</ul>", 1)[0]
    assert "370" in changed
    # the plain page links to the earlier version's update; one with nothing after it says so
    plain = client.get(f"/stories/{sid}").text
    assert f'href="/stories/{sid}?since_version={v1}"' in plain and "What is new since version" not in plain.split(
        'id="versions"', 1)[0]
    latest = client.get(f"/stories/{sid}", params={"since_version": v2})
    assert latest.status_code == 200 and f"Nothing new since version {v2}" in latest.text
    assert "Changed figures" not in latest.text
    absent = client.get(f"/stories/{sid}", params={"since_version": 9999}).text
    assert f"has no version 9999; its versions are {v1}, {v2}." in absent
