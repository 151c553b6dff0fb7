"""The web app in a real browser: Debian's chromium driven by Playwright, against a server the test starts.

Skips (with the reason) when chromium or playwright is missing; never downloads a browser.
Set STORYLENS_SCREENSHOT=PATH to keep the story page's screenshot (the README's docs/story-page.png).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install 'storylens[web]')")
pytest.importorskip("uvicorn", reason="the web extra is not installed (pip install 'storylens[web]')")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the test extra)")
httpx = pytest.importorskip("httpx", reason="the test extra is not installed")

from storylens.web.app import create_app  # noqa: E402
from storylens.web.server import background_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "browser-token"
PLANTED = ("Planted report\n\nFloods hit the valley of Kashmir on Monday <script>window.__pwned = 1;</script> and "
           "officials said more than 300 people were rescued. <img src=x onerror=\"window.__pwned = 2\"> Relief camps "
           "opened in Srinagar on Tuesday as the river rose.\n")

if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
    pytest.skip(f"Debian chromium not found at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    store = tmp_path_factory.mktemp("browser") / "news.db"
    with background_server(create_app(str(store), token=TOKEN, create=True)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        except sync_api.Error as exc:
            pytest.skip(f"chromium does not start under playwright: {str(exc).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and uncaught exceptions."""
    ctx = browser.new_context(viewport={"width": 1100, "height": 900})
    pg = ctx.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    ctx.close()


@pytest.fixture(scope="module")
def uploaded(browser, site, example_dir, tmp_path_factory) -> dict:
    """The example and a planted report uploaded through the Add articles form, as a user would."""
    planted = tmp_path_factory.mktemp("planted") / "planted.txt"
    planted.write_text(PLANTED)
    ctx = browser.new_context()
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto(site + "/upload")
    pg.set_input_files("input[name=files]", sorted(str(p) for p in example_dir.glob("*.txt")) + [str(planted)])
    pg.fill("input[name=token]", TOKEN)
    pg.click("button[type=submit]")
    pg.wait_for_selector("text=Result")
    out = {"text": pg.inner_text("main"), "new_stories": pg.locator("ul.new-stories li").count(), "errors": errors}
    ctx.close()
    return out


def test_upload_open_a_story_click_a_citation_see_the_span(page, site, uploaded):
    assert uploaded["new_stories"] == 2  # the example, and the planted report on its own
    assert "Added 6 articles" in uploaded["text"] and uploaded["errors"] == []
    page.goto(site + "/")
    titles = page.locator("ol.stories .title a").all_inner_texts()
    assert any("Aleppo" in t for t in titles), titles
    page.click("ol.stories .title a:has-text('Aleppo')")
    page.wait_for_selector("div.summary")
    story_url = page.url
    first = page.locator(".summary a.cite").first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_selector("mark#hl")
    parts = urlsplit(page.url)
    assert parts.fragment == "hl" and parts.path == urlsplit(href).path
    q = parse_qs(parts.query)
    text = httpx.get(site + "/api/v1/articles/" + parts.path.rsplit("/", 1)[1]).json()["text"]
    assert page.inner_text("mark#hl") == text[int(q["start"][0]):int(q["end"][0])]
    assert page.locator("mark#hl").is_visible()
    box = page.locator("mark#hl").bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"]  # scrolled into view
    # a figure's citation too
    page.goto(story_url)
    page.locator("table.fig a.cite").first.click()
    page.wait_for_selector("mark#hl")
    assert page.evaluate("window.__pwned") is None
    assert page.errors == []


def test_search_and_filters(page, site, uploaded):
    page.goto(site + "/")
    page.fill("input[name=q]", "schoolchildren")
    page.click("form.search button")
    page.wait_for_selector("ol.stories")
    titles = page.locator("ol.stories .title a").all_inner_texts()
    assert len(titles) == 1 and "Aleppo" in titles[0]
    assert "1 matching" in page.inner_text("p.meta")
    page.fill("input[name=q]", "srinagar")
    page.click("form.search button")
    assert page.locator("ol.stories .title a").all_inner_texts() == ["Planted report"]
    page.goto(site + "/?outlet=AFP")
    assert len(page.locator("ol.stories li").all()) == 1
    assert page.errors == []


def test_new_since_last_visit_from_local_storage(page, site, uploaded):
    page.goto(site + "/")
    assert page.locator("#since-last-visit a:has-text('last visit')").count() == 0
    page.reload()
    link = page.locator("#since-last-visit a:has-text('last visit')")
    assert link.count() == 1
    link.click()
    assert "since=" in page.url and page.locator(".new").count() >= 1
    assert page.errors == []


def test_narrow_screen_has_no_horizontal_scroll(browser, site, uploaded, tmp_path):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    story = next(s for s in httpx.get(site + "/api/v1/stories").json()["stories"] if "Aleppo" in s["title"])
    for path in ("/", f"/stories/{story['id']}", "/upload", "/docs", "/articles/000_b67d97862a5b7852"):
        pg.goto(site + path)
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    pg.goto(site + f"/stories/{story['id']}")
    table = pg.locator("table.fig")
    assert table.count() == 1
    # readable: the table fits the screen (or scrolls inside its own box) and no cell is squeezed
    wrap = pg.locator(".tablewrap").first.bounding_box()
    assert wrap and wrap["x"] >= 0 and wrap["x"] + wrap["width"] <= 390
    sizes = pg.evaluate("""() => [...document.querySelectorAll('table.fig td')].map(td => [
        td.getBoundingClientRect().width, parseFloat(getComputedStyle(td).fontSize)])""")
    assert sizes and min(w for w, _ in sizes) >= 40 and min(f for _, f in sizes) >= 12
    shot = tmp_path / "story-390.png"
    pg.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert errors == []
    ctx.close()


def test_planted_script_never_runs(page, site, uploaded):
    planted = next(s for s in httpx.get(site + "/api/v1/stories").json()["stories"] if s["title"] == "Planted report")
    page.goto(site + f"/stories/{planted['id']}")
    page.locator("a.cite").first.click()
    page.wait_for_selector("#text")
    assert "<script>window.__pwned = 1;</script>" in page.inner_text("#text")  # shown as text
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#text script, #text img").count() == 0
    page.goto(site + "/?q=kashmir")
    assert page.evaluate("window.__pwned") is None
    assert page.errors == []


def test_story_page_screenshot(page, site, uploaded, tmp_path):
    story = next(s for s in httpx.get(site + "/api/v1/stories").json()["stories"] if "Aleppo" in s["title"])
    page.set_viewport_size({"width": 1000, "height": 1200})
    page.goto(site + f"/stories/{story['id']}")
    out = Path(os.environ.get("STORYLENS_SCREENSHOT") or tmp_path / "story-page.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out))
    assert out.stat().st_size > 20_000
    assert page.errors == []


def test_a_story_that_grew_since_the_last_visit_shows_what_is_new(browser, tmp_path, example_dir, example_articles):
    from storylens.cli import main as cli_main

    newest = max(example_articles, key=lambda a: a.published or "").id
    files = sorted(p for p in example_dir.glob("*.txt"))
    db = str(tmp_path / "grows.db")
    assert cli_main(["cluster", *[str(p) for p in files if not p.name.startswith(newest)], "--store", db]) == 0
    with background_server(create_app(db, token=TOKEN)) as url:
        (story,) = httpx.get(url + "/api/v1/stories").json()["stories"]
        ctx = browser.new_context(viewport={"width": 1100, "height": 900})
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(f"{url}/stories/{story['id']}")  # the first visit: nothing to compare with
        assert pg.locator("#since-last-visit").is_hidden()
        seen = int(pg.get_attribute("body", "data-version"))
        (grown,) = [p for p in files if p.name.startswith(newest)]
        added = httpx.post(url + "/api/v1/articles", headers={"Authorization": f"Bearer {TOKEN}"},
                           files=[("files", (grown.name, grown.read_bytes(), "text/plain"))], timeout=120).json()
        assert added["joined_stories"] == [story["id"]]
        pg.goto(url + "/")  # the list marks the story that grew since it was shown, linking to its update
        grown = pg.locator(f"ol.stories li[data-story='{story['id']}'] a.grown")
        assert grown.count() == 1 and grown.get_attribute("href") == f"/stories/{story['id']}?since_version={seen}"
        pg.goto(f"{url}/stories/{story['id']}")
        slot = pg.locator("#since-last-visit")
        assert slot.is_visible() and "1 article has joined this story since your last visit" in slot.inner_text()
        pg.click("#new-since-link")
        pg.wait_for_selector("div.summary")
        assert f"since_version={seen}" in pg.url
        summary = pg.inner_text("div.summary")
        assert f"What is new since version {seen}, from 1 source" in summary
        cites = pg.locator("div.summary a.cite")
        assert cites.count() >= 2
        text = httpx.get(f"{url}/api/v1/articles/{newest}").json()["text"]
        for i in range(cites.count()):  # every citation is the new report's, its span's words on hover
            href = cites.nth(i).get_attribute("href") or ""
            parts = urlsplit(href)
            q = parse_qs(parts.query)
            assert parts.path == f"/articles/{newest}"
            assert cites.nth(i).get_attribute("title") == text[int(q["start"][0]):int(q["end"][0])]
        assert "370" in pg.inner_text("ul.changed")
        pg.goto(f"{url}/stories/{story['id']}")  # seen now: nothing new to offer
        assert pg.locator("#since-last-visit").is_hidden()
        pg.goto(url + "/")
        assert pg.locator("a.grown").count() == 0
        assert errors == []
        ctx.close()
