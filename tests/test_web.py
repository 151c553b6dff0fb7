"""The web app and JSON API, against a real uvicorn server on 127.0.0.1 over a real SQLite store."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install 'storylens[web]')")
pytest.importorskip("uvicorn", reason="the web extra is not installed (pip install 'storylens[web]')")
httpx = pytest.importorskip("httpx", reason="the test extra is not installed")

from storylens.cli import main as cli_main  # noqa: E402
from storylens.web.app import create_app  # noqa: E402
from storylens.web.server import background_server  # noqa: E402
from web_pages import TOKEN, fresh_store, parse  # noqa: E402

WRITE_TIMEOUT_S = 120  # a write clusters and digests in the writer: seconds on a loaded machine, not httpx's 5
HOSTILE_TITLE = '<script>window.__pwned=1</script>"><img src=x onerror=alert(1)>'
UPLOAD_LINES = [
    {"id": "up-1", "title": "Wildfire forces evacuations", "source": "Coast Daily", "published": "2018-11-09",
     "text": "A wildfire forced thousands of residents to flee the town of Paradise in California on Thursday, "
             "officials said. More than 5,000 firefighters fought the blaze as strong winds spread it."},
    {"id": "up-2", "title": "Paradise fire spreads", "source": "Valley Times", "published": "2018-11-10",
     "text": "The wildfire that forced residents to flee the town of Paradise in California spread on Friday, "
             "officials said, as more than 5,000 firefighters fought the blaze in strong winds."},
    {"id": "up-3", "title": "Fire crews gain ground", "source": "Wire", "published": "2018-11-12",
     "text": "Fire crews gained ground on the wildfire near Paradise in California on Sunday as the winds eased, "
             "officials said, and some residents were allowed to return."},
]
HOSTILE_LINES = [
    {"id": "evil-1", "title": HOSTILE_TITLE, "url": "javascript:alert(document.cookie)", "source": "<b>Evil</b> Times",
     "published": "2016-10-20",
     "text": "Floods hit the valley <script>window.__pwned=2</script> of Kashmir on Monday, officials said. "
             "More than 300 people were rescued by the army as the river rose, the officials said. "
             "<img src=x onerror=alert(3)> Relief camps opened in Srinagar on Tuesday."},
    {"id": "evil-2", "title": "Kashmir floods: rescue goes on", "url": "data:text/html,<script>alert(4)</script>",
     "source": "Valley News", "published": "2016-10-21",
     "text": "Floods hit the valley of Kashmir on Monday and more than 300 people were rescued by the army, "
             "officials said. Relief camps opened in Srinagar on Tuesday as the river rose."},
    {"id": "evil-3", "title": "Rain eases in Kashmir", "url": " JaVaScRiPt:alert(5)", "source": "Wire",
     "published": "2016-10-22",
     "text": "Rain eased over the valley of Kashmir on Wednesday after the floods, officials said, and the "
             "relief camps in Srinagar began to empty as the river fell."},
]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def store_path(request, tmp_path_factory, example_dir) -> str:
    """The example clustered by the CLI into a SQLite file, or into a fresh schema of a throw-away PostgreSQL."""
    path = fresh_store(request, tmp_path_factory)
    assert cli_main(["cluster", str(example_dir), "--store", path]) == 0  # the CLI's own path
    return path


@pytest.fixture(scope="module")
def server(store_path):
    with background_server(create_app(store_path, token=TOKEN)) as url:
        with httpx.Client(base_url=url, timeout=120) as client:
            yield client


@pytest.fixture(scope="module")
def story_id(server) -> str:
    stories = server.get("/api/v1/stories").json()["stories"]
    assert len(stories) == 1
    return stories[0]["id"]


def test_stories_api_lists_the_example(server, story_id):
    body = server.get("/api/v1/stories").json()
    assert body["total"] == 1 and body["page"] == 1 and body["pages"] == 1
    s = body["stories"][0]
    assert s["size"] == 5
    assert {"AFP", "Reuters", "Al Jazeera"} <= set(s["outlets"])
    assert s["first_seen"] == "2016-10-06" and s["last_seen"] == "2016-10-13"
    assert "Aleppo" in s["title"] and len(s["lead"].split()) >= 8
    assert server.get("/api/v1/stories", params={"q": "aleppo"}).json()["total"] == 1
    assert server.get("/api/v1/stories", params={"q": "zzzunknownword"}).json()["total"] == 0
    assert server.get("/api/v1/stories", params={"outlet": "AFP"}).json()["total"] == 1
    assert server.get("/api/v1/stories", params={"outlet": "Nobody"}).json()["total"] == 0
    assert server.get("/api/v1/stories", params={"from": "2016-10-10", "to": "2016-10-31"}).json()["total"] == 1
    assert server.get("/api/v1/stories", params={"from": "2016-11-01"}).json()["total"] == 0
    assert server.get("/api/v1/stories", params={"since": "2016-10-13"}).json()["stories"][0]["new"] is True
    assert server.get("/api/v1/stories", params={"since": "2016-10-14"}).json()["stories"][0]["new"] is False


def test_story_api_gives_the_digest_in_the_report_schema(server, story_id, store_path, tmp_path):
    body = server.get(f"/api/v1/stories/{story_id}").json()
    assert body["story"]["id"] == story_id and len(body["story"]["article_ids"]) == 5
    d = body["digest"]
    assert d["schema"].startswith("storylens.digest/")
    assert len(d["summary"]) >= 3 and {a["id"] for a in d["articles"]} == set(body["story"]["article_ids"])
    schema = Path(__file__).resolve().parents[1] / "src" / "storylens" / "report" / "schema.json"
    if schema.exists():
        jsonschema = pytest.importorskip("jsonschema")
        served = server.get("/api/v1/schema/digest").json()
        assert served == json.loads(schema.read_text())
        jsonschema.validate(d, served)
    # the same digest as the CLI's: storylens digest --store DB --story ID --format json
    out = tmp_path / "digest.json"
    assert cli_main(["digest", "--store", store_path, "--story", story_id, "-f", "json", "-o", str(out)]) == 0
    cli = json.loads(out.read_text())
    assert [s["text"] for s in d["summary"]] == [s["text"] for s in cli["summary"]]


def test_every_citation_on_the_story_page_opens_its_evidence_span(server, story_id):
    page = server.get(f"/stories/{story_id}")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    links = parse(page.text).links
    cites = [h for h, cls in links if "cite" in cls.split()]
    assert len(cites) >= 20
    texts: dict[str, str] = {}
    checked = set()
    for href in cites:
        parts = urlsplit(href)
        assert parts.path.startswith("/articles/") and parts.fragment == "hl", href
        q = parse_qs(parts.query)
        assert "start" in q and "end" in q, href
        if href in checked:
            continue
        checked.add(href)
        aid = parts.path.removeprefix("/articles/")
        if aid not in texts:
            texts[aid] = server.get(f"/api/v1/articles/{aid}").json()["text"]
        start, end = int(q["start"][0]), int(q["end"][0])
        shown = parse(server.get(href).text).marks
        assert shown == [texts[aid][start:end]], href
    assert len(texts) == 5  # every source is cited somewhere


def test_story_page_shows_every_section(server, story_id):
    html = server.get(f"/stories/{story_id}").text
    for heading in ("Summary", "Figures", "Quotes", "Timeline", "People, organisations, places", "Sources",
                    "Coverage"):
        assert f">{heading}</h2>" in html, heading
    d = server.get(f"/api/v1/stories/{story_id}").json()["digest"]
    statuses = {g["status"] for g in d["facts"]}
    assert statuses & {"agree", "differ", "updated"}
    for status in statuses - {"single"}:
        assert f'<span class="st">{status}</span>' in html
    speaker = next(q["speaker"] for q in d["quotes"] if q["speaker"])
    assert speaker in html


def test_article_api_and_page(server, story_id):
    a = server.get("/api/v1/articles/000_b67d97862a5b7852").json()
    assert a["story_id"] == story_id and a["copies"] == [] and a["duplicate_of"] is None
    assert a["text"].startswith("Regime ally Russia") and a["published"] == "2016-10-06"
    page = server.get("/articles/000_b67d97862a5b7852")
    assert page.status_code == 200 and f'href="/stories/{story_id}"' in page.text
    assert "Regime ally Russia carried out its heaviest strikes" in page.text
    bad = server.get("/articles/000_b67d97862a5b7852", params={"start": 10, "end": 10**7})
    assert bad.status_code == 200 and "not inside this article" in bad.text and "<mark" not in bad.text


def test_search_api(server, story_id):
    hits = server.get("/api/v1/search", params={"q": "schoolchildren"}).json()["hits"]
    assert hits and hits[0]["story_id"] == story_id and "schoolchildren" in hits[0]["snippet"].lower()
    assert server.get("/api/v1/search", params={"q": "aleppo AND hospital"}).status_code == 200
    assert server.get("/api/v1/search", params={"q": ""}).status_code == 422
    all_hits = server.get("/api/v1/search", params={"q": "aleppo", "limit": 200}).json()
    assert all_hits["total"] == len(all_hits["hits"]) == 5
    second = server.get("/api/v1/search", params={"q": "aleppo", "limit": 2, "offset": 2}).json()
    assert second["total"] == 5 and [h["article_id"] for h in second["hits"]] == \
        [h["article_id"] for h in all_hits["hits"][2:4]]
    bad = server.get("/api/v1/search", params={"q": '"unclosed'})
    assert bad.status_code == 400 and "double quote" in bad.json()["error"]
    page = server.get("/", params={"q": '"unclosed'})
    assert page.status_code == 400 and "double quote" in page.text and 'value="&#34;unclosed"' in page.text


@pytest.mark.parametrize("path", ["/", "/healthz", "/api/v1/stories", "/static/app.css", "/nope", "/docs",
                                  "/api/v1/stories/nope"])
@pytest.mark.parametrize("store_path", ["sqlite"], indirect=True)  # the same on both backends: run once
def test_every_response_has_the_security_headers(server, path):
    r = server.get(path)
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("store_path", ["sqlite"], indirect=True)  # the same on both backends: run once
def test_pages_load_nothing_remote(server, story_id):
    for path in ("/", f"/stories/{story_id}", "/upload", "/docs", "/articles/000_b67d97862a5b7852"):
        html = server.get(path).text
        loads = re.findall(r'<(?:script|img|link|iframe|source|video|audio)\b[^>]*?(?:src|href)="([^"]*)"', html)
        assert loads and all(u.startswith("/static/") for u in loads), (path, loads)
        assert "<style" not in html and " style=" not in html and "<script>" not in html, path


@pytest.mark.parametrize("path, status", [
    ("/?page=0", 422), ("/?page=abc", 422), ("/?page=99", 404), ("/?per_page=1000", 422), ("/?from=2016-13-01", 422),
    ("/?from=2016-10-20&to=2016-10-01", 422), ("/stories/nope", 404), ("/articles/nope", 404),
    ("/articles/" + "x" * 600, 422), ("/api/v1/stories?page=-1", 422), ("/api/v1/stories?page=50", 404),
    ("/api/v1/stories/nope", 404), ("/api/v1/articles/nope", 404), ("/api/v1/search", 422),
    ("/api/v1/search?q=a&limit=0", 422), ("/api/v1/stories?from=yesterday", 422), ("/no/such/page", 404),
])
def test_bad_parameters_are_4xx_with_a_message(server, path, status):
    r = server.get(path)
    assert r.status_code == status
    if path.startswith("/api/"):
        assert r.json()["error"] and "Traceback" not in r.text
    else:
        assert "text/html" in r.headers["content-type"] and f"<h1>{status}:" in r.text and "Traceback" not in r.text


def test_writes_need_the_token(server):
    line = json.dumps({"id": "tok-1", "text": "A short report about nothing in particular, written for a test."})
    assert server.post("/api/v1/articles", content=line).status_code == 401
    r = server.post("/api/v1/articles", content=line, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and "Bearer" in r.json()["error"] and r.headers["www-authenticate"] == "Bearer"
    assert server.post("/api/v1/articles", content=line, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    form = server.post("/upload", data={"token": "wrong"}, files={"files": ("a.jsonl", line.encode())})
    assert form.status_code == 401 and "wrong or missing write token" in form.text
    assert server.get("/api/v1/articles/tok-1").status_code == 404


@pytest.mark.parametrize("store_path", ["sqlite"], indirect=True)  # the same on both backends: run once
def test_a_server_without_a_token_refuses_every_write(store_path):
    with background_server(create_app(store_path)) as url:
        r = httpx.post(url + "/api/v1/articles", content='{"text": "x y z"}',
                       headers={"Authorization": "Bearer anything"})
        assert r.status_code == 401 and "disabled" in r.json()["error"]
        assert "Writing is disabled" in httpx.get(url + "/upload").text


@pytest.fixture(scope="module")
def write_site(tmp_path_factory):
    """A server over a new, empty store that takes writes (one writer process for the tests that write)."""
    store = str(tmp_path_factory.mktemp("writes") / "up.db")
    with background_server(create_app(store, token=TOKEN, create=True)) as url:
        yield url


def test_upload_reports_bad_items_and_stores_the_rest(write_site):
    body = "\n".join([json.dumps(UPLOAD_LINES[0]), "{not json", json.dumps({"id": "no-text", "title": "t"}),
                      json.dumps(UPLOAD_LINES[1])]) + "\n"
    url = write_site
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = httpx.post(url + "/api/v1/articles", content=body, headers={**auth, "Content-Type": "application/x-ndjson"},
                   timeout=WRITE_TIMEOUT_S)
    assert r.status_code == 200, r.text
    res = r.json()
    assert res["added"] == 2 and {a["article_id"] for a in res["assignments"]} == {"up-1", "up-2"}
    assert len(res["new_stories"]) == 1 and res["joined_stories"] == []
    reasons = {s["item"]: s["reason"] for s in res["skipped"]}
    assert reasons[next(k for k in reasons if k.endswith(":2"))].startswith("not valid JSON")
    assert "no 'text'" in reasons[next(k for k in reasons if k.endswith(":3"))]
    # files: one good, one in an unknown format, one empty; then the same file again changes nothing
    files = [("files", ("more.jsonl", json.dumps(UPLOAD_LINES[2]).encode())),
             ("files", ("notes.docx", b"PK\x03\x04binary")), ("files", ("empty.txt", b""))]
    res = httpx.post(url + "/api/v1/articles", files=files, headers=auth, timeout=WRITE_TIMEOUT_S).json()
    assert [a["article_id"] for a in res["assignments"]] == ["up-3"]
    assert {s["item"] for s in res["skipped"]} == {"notes.docx", "empty.txt"}
    again = httpx.post(url + "/api/v1/articles", files=files[:1], headers=auth, timeout=WRITE_TIMEOUT_S).json()
    assert again["added"] == 0 and again["already_stored"] == ["up-3"]
    # the HTML form: the result page names new and grown stories and the skipped items
    page = httpx.post(url + "/upload", data={"token": TOKEN}, timeout=WRITE_TIMEOUT_S,
                      files=[("files", ("x.jsonl", b'{"id": "form-1", "text": "Rain fell over Paradise in '
                             b'California on Wednesday, officials said, and the wildfire was contained."}\n{bad')),
                             ("files", ("y.pdf", b"%PDF"))])
    assert page.status_code == 200 and "Skipped" in page.text and "y.pdf" in page.text
    assert "not valid JSON" in page.text and "Added 1 article" in page.text


def test_hostile_articles_are_inert(write_site):
    body = "\n".join(json.dumps(x) for x in HOSTILE_LINES) + "\n"
    url = write_site
    c = httpx.Client(base_url=url, timeout=120)
    c.post("/api/v1/articles", content=body, headers={"Authorization": f"Bearer {TOKEN}"}).raise_for_status()
    pages = [c.get("/"), c.get("/", params={"q": "kashmir"})]
    for s in c.get("/api/v1/stories").json()["stories"]:
        pages.append(c.get(f"/stories/{s['id']}"))
    for aid in ("evil-1", "evil-2", "evil-3"):
        pages.append(c.get(f"/articles/{aid}", params={"start": 0, "end": 40}))
    for r in pages:
        assert r.status_code == 200
        html = r.text
        assert "__pwned" not in html or "&lt;script&gt;window.__pwned" in html
        assert "<script>window" not in html and "<img src=x" not in html and "<b>Evil" not in html
        p = parse(html)
        for href, _ in p.links:
            assert not href.strip().lower().startswith(("javascript:", "data:", "vbscript:")), href
        assert all(s.get("src") == "/static/app.js" for s in p.scripts)
    article = c.get("/articles/evil-1").text
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in article or "window.__pwned=2" not in article
    assert "javascript:alert(document.cookie)" in article  # shown as text, never a link
    assert 'href="javascript' not in article.lower()


@pytest.mark.parametrize("store_path", ["sqlite"], indirect=True)  # the same on both backends: run once
def test_body_over_the_limit_is_413_with_the_limit(store_path):
    with background_server(create_app(store_path, token=TOKEN, max_body=1000)) as url:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        r = httpx.post(url + "/api/v1/articles", content=b"x" * 5000, headers=auth)
        assert r.status_code == 413 and r.json()["limit"] == 1000 and "1,000 bytes" in r.json()["error"]

        def chunks():  # no Content-Length: the limit holds while the body streams in
            for _ in range(10):
                yield b'{"text": "' + b"y" * 300 + b'"}\n'

        r = httpx.post(url + "/api/v1/articles", content=chunks(), headers=auth)
        assert r.status_code == 413 and r.json()["limit"] == 1000
        page = httpx.post(url + "/upload", data={"token": TOKEN}, files={"files": ("a.txt", b"z" * 5000)})
        assert page.status_code == 413 and "1,000 bytes" in page.text
        assert httpx.get(url + "/healthz").json()["status"] == "ok"  # the server goes on


@pytest.mark.parametrize("store_path", ["sqlite"], indirect=True)  # the same on both backends: run once
def test_docs_describe_the_api(server):
    spec = server.get("/openapi.json").json()
    for path in ("/api/v1/stories", "/api/v1/stories/{story_id}", "/api/v1/articles/{article_id}",
                 "/api/v1/search", "/api/v1/articles", "/healthz"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/v1/articles"]
    docs = server.get("/docs")
    assert docs.status_code == 200 and "POST /api/v1/articles" in docs.text and "cdn" not in docs.text.lower()


@pytest.mark.parametrize("store_path", ["sqlite"], indirect=True)  # the same on both backends: run once
def test_storylens_serve_binds_loopback_and_says_so(store_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "STORYLENS_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "storylens", "serve", "--store", store_path, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line and "127.0.0.1 only" in line and "read-only" in line
        for _ in range(200):
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/healthz").json()["stories"] == 1
                break
            except httpx.TransportError:
                time.sleep(0.05)
        else:
            pytest.fail("storylens serve did not answer")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    bad = subprocess.run([sys.executable, "-m", "storylens", "serve", "--store", store_path, "--port", "70000"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "--port must be" in bad.stderr and "Traceback" not in bad.stderr


def test_readers_never_fail_while_the_writer_changes_their_story(tmp_path, example_dir):
    import threading

    store = str(tmp_path / "busy.db")
    assert cli_main(["cluster", str(example_dir), "--store", store]) == 0
    with background_server(create_app(store, token=TOKEN)) as url:
        sid = httpx.get(url + "/api/v1/stories").json()["stories"][0]["id"]
        stop = threading.Event()
        failures: list[str] = []
        seen_stale = []

        def read():
            with httpx.Client(base_url=url, timeout=120) as c:
                while not stop.is_set():
                    for path in (f"/api/v1/stories/{sid}", f"/stories/{sid}", "/api/v1/search?q=aleppo", "/"):
                        r = c.get(path)
                        if r.status_code != 200:
                            failures.append(f"{path}: {r.status_code} {r.text[:200]}")
                        elif path.startswith("/api/v1/stories/") and not r.json()["digest_current"]:
                            seen_stale.append(len(r.json()["digest"]["articles"]))

        readers = [threading.Thread(target=read) for _ in range(4)]
        for t in readers:
            t.start()
        # a syndicated copy of a member (same text, another outlet) joins the story
        text = (example_dir / "003_7bc8ab39567d527b.txt").read_text()
        line = json.dumps({"id": "copy-of-3", "text": text, "source": "Copy Desk", "published": "2016-10-14"})
        r = httpx.post(url + "/api/v1/articles", content=line, headers={"Authorization": f"Bearer {TOKEN}"},
                       timeout=300)
        stop.set()
        for t in readers:
            t.join()
        assert r.status_code == 200 and r.json()["joined_stories"] == [sid]
        assert failures == []
        assert all(n == 5 for n in seen_stale)  # a stale digest is the previous version's, never a broken one
        body = httpx.get(url + f"/api/v1/stories/{sid}").json()
        assert body["digest_current"] and body["story"]["size"] == 6
        assert "copy-of-3" in {a["id"] for a in body["digest"]["articles"]}
        assert httpx.get(url + "/api/v1/articles/copy-of-3").json()["duplicate_of"] == "003_7bc8ab39567d527b"
        assert httpx.get(url + "/api/v1/articles/003_7bc8ab39567d527b").json()["copies"] == ["copy-of-3"]


def test_pages_of_stories(write_site):
    body = "\n".join(json.dumps(x) for x in UPLOAD_LINES + HOSTILE_LINES) + "\n"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert httpx.post(write_site + "/api/v1/articles", content=body, headers=auth, timeout=300).status_code == 200
    with httpx.Client(base_url=write_site, timeout=120) as c:
        everything = c.get("/api/v1/stories", params={"per_page": 100}).json()
        n = everything["total"]
        assert n >= 2 and len(everything["stories"]) == n
        ids = [c.get("/api/v1/stories", params={"per_page": 1, "page": p}).json()["stories"][0]["id"]
               for p in range(1, n + 1)]
        assert ids == [s["id"] for s in everything["stories"]]  # the pages, in order, are the whole list
        dates = [s["last_seen"] for s in everything["stories"]]
        assert dates == sorted(dates, reverse=True)  # newest first
        assert c.get("/api/v1/stories", params={"per_page": 1, "page": n + 1}).status_code == 404
        first = parse(c.get("/", params={"per_page": 1}).text).links
        assert ("/?per_page=1&page=2", "") in first
        last = c.get("/", params={"per_page": 1, "page": n}).text
        assert 'rel="prev"' in last and 'rel="next"' not in last
        only = c.get("/api/v1/stories", params={"outlet": "Coast Daily"}).json()["stories"]
        assert len(only) == 1 and "Coast Daily" in only[0]["outlets"]


# -- the cited span's words on hover -----------------------------------------------------------------------
def test_a_summary_citation_shows_its_span_text_on_hover(server, story_id):
    page = parse(server.get(f"/stories/{story_id}").text)
    summary = server.get(f"/api/v1/stories/{story_id}").json()["digest"]["summary"]
    spans = {(e["article_id"], e["start"], e["end"]) for s in summary for e in s["evidence"]}
    texts: dict[str, str] = {}
    hovered = 0
    for href, title in page.titles.items():
        parts = urlsplit(href)
        q = parse_qs(parts.query)
        aid = parts.path.removeprefix("/articles/")
        if not parts.path.startswith("/articles/") or "start" not in q:
            continue
        span = (aid, int(q["start"][0]), int(q["end"][0]))
        if span not in spans:
            continue  # a figure's, a quote's or an event's marker: its own text is shown beside it
        if aid not in texts:
            texts[aid] = server.get(f"/api/v1/articles/{aid}").json()["text"]
        assert title == texts[aid][span[1]:span[2]] and len(title.split()) >= 5, href
        hovered += 1
    assert hovered >= len(summary)  # every summary sentence's citations, never "source N"


@pytest.mark.parametrize("store_path", ["sqlite"], indirect=True)
def test_the_docs_describe_since_version(server):
    spec = server.get("/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/api/v1/stories/{story_id}"]["get"]["parameters"]}
    assert "since_version" in params and "update" in params["since_version"]["description"]
    assert "since_version" in server.get("/docs").text
