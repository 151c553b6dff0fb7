"""Following live sources, against real HTTP servers on 127.0.0.1 (no mocked client): sources, URLs, the SSRF
guard, and the fetcher's limits against hostile servers (drip, endless body, redirect loop, redirect to a
private address, gzip bomb, wrong content type, 500 then 200, 429 with Retry-After)."""

from __future__ import annotations

import asyncio
import gzip
import http.server
import threading
import time
from pathlib import Path
from typing import Callable

import pytest

pytest.importorskip("httpx", reason="the live extra (httpx) is not installed")

from storylens.errors import ConfigError, InputError  # noqa: E402
from storylens.live.fetch import FEED_TYPES, PAGE_TYPES, Fetcher, FetchError  # noqa: E402
from storylens.live.guard import BlockedAddressError, resolve, why_blocked  # noqa: E402
from storylens.live.options import FollowOptions, parse_interval  # noqa: E402
from storylens.live.polite import HostGate  # noqa: E402
from storylens.live.sources import parse_opml, read_sources  # noqa: E402
from storylens.live.urls import canonical_url, check_url  # noqa: E402

# -- a real server -----------------------------------------------------------------------------------------

TOWNS = ["Ashford", "Belmont", "Carrow", "Dunmere", "Elston", "Farley", "Glenrock", "Harwick", "Ilford", "Jessop",
         "Kelby", "Lorton", "Marsden", "Norwell", "Oakham", "Pelling", "Quarry", "Redmond", "Selby", "Thorne"]
TOPICS = [("flood", "river", "sandbags", "evacuated"), ("budget", "council", "taxes", "approved"),
          ("strike", "nurses", "wages", "hospital"), ("fire", "warehouse", "firefighters", "blaze"),
          ("election", "mayor", "ballots", "turnout"), ("bridge", "engineers", "cracks", "closed")]


def story_text(n: int, words: int = 220) -> str:
    """A plain news text, distinct for each n (another town and topic), about ``words`` words long."""
    town = TOWNS[n % len(TOWNS)] + (f" {n // len(TOWNS)}" if n >= len(TOWNS) else "")
    a, b, c, d = TOPICS[n % len(TOPICS)]
    sents = [f"Officials in {town} said on Monday that the {a} near the {b} had forced {400 + n} residents out.",
             f"The {c} were counted by volunteers who worked through the night in {town}.",
             f"A spokesperson for the {b} authority said the area would stay {d} until further notice.",
             f"Local businesses in {town} reported losses, and the regional governor promised help within days.",
             f"Residents of {town} described the scene as unlike anything seen in the district for "
             f"{n % 30 + 10} years."]
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        out.append(sents[len(out) % len(sents)])
    return " ".join(out)


def rss(title: str, items: list[dict]) -> bytes:
    """An RSS 2.0 feed; an item has id, link, title and either content (full text) or summary."""
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
             f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{title}</title>'
             '<link>http://example.org/</link><description>test</description>']
    for it in items:
        body = (f"<content:encoded><![CDATA[<p>{it['content']}</p>]]></content:encoded>" if "content" in it
                else f"<description>{it['summary']}</description>")
        parts.append(f"<item><guid>{it['id']}</guid><link>{it['link']}</link><title>{it['title']}</title>"
                     f"<pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate>{body}</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def page_html(title: str, text: str) -> bytes:
    paras = "".join(f"<p>{s}.</p>" for s in text.split(". ") if s)
    return (f"<html><head><title>{title}</title><meta property='og:title' content='{title}'></head><body>"
            f"<nav>Home | World | Sport</nav><article><h1>{title}</h1>{paras}</article>"
            "<footer>Copyright the Example Gazette</footer></body></html>").encode("utf-8")


Route = Callable[["_Handler"], None]


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        site = self.server.site
        with site.lock:
            site.log.append((self.path, dict(self.headers.items()), time.monotonic()))
            site.inflight += 1
            site.max_inflight = max(site.max_inflight, site.inflight)
            Site.active[0] += 1
            Site.active[1] = max(Site.active[1], Site.active[0])
        try:
            route = site.routes.get(self.path.split("?", 1)[0])
            if route is None:
                self.reply(404, b"not found", "text/plain")
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with site.lock:
                site.inflight -= 1
                Site.active[0] -= 1

    def reply(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    site: "Site"


class Site:
    """A real HTTP server on 127.0.0.1 in a thread; ``routes`` maps a path to a function of the handler."""

    active = [0, 0]  # requests in flight over all sites, and the most at once

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict, float]] = []
        self.lock = threading.Lock()
        self.inflight = 0
        self.max_inflight = 0
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.site = self
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def static(self, path: str, body: bytes, ctype: str = "application/rss+xml", status: int = 200,
               headers: dict | None = None) -> str:
        self.routes[path] = lambda h: h.reply(status, body, ctype, headers)
        return self.url(path)

    def hits(self, path: str) -> list[tuple[str, dict, float]]:
        return [x for x in self.log if x[0].split("?", 1)[0] == path]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def open_sites():
    """``make()`` starts one more server; all are shut down at the end (the ``sites`` fixture of each module)."""
    made: list[Site] = []

    def make() -> Site:
        made.append(Site())
        return made[-1]

    Site.active[:] = [0, 0]
    yield make
    for s in made:
        s.close()


@pytest.fixture
def sites():
    yield from open_sites()


# -- hostile routes ----------------------------------------------------------------------------------------

def drip(h: _Handler) -> None:
    """A body of 1,000 bytes, one byte a second."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", "1000")
    h.end_headers()
    for _ in range(1000):
        h.wfile.write(b"<")
        h.wfile.flush()
        time.sleep(1)


def endless(h: _Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"<item>" + b"x" * 65530
    while True:
        h.wfile.write(chunk)


BOMB = gzip.compress(b"\0" * 20_000_000, compresslevel=9)  # 20 KB that expand to 20 MB


def bomb(h: _Handler) -> None:
    h.reply(200, BOMB, "application/rss+xml", {"Content-Encoding": "gzip"})


def redirect(to: str) -> Route:
    return lambda h: h.reply(302, b"", "text/plain", {"Location": to})


def answers(*replies: tuple[int, dict], name: str = "recovered") -> Route:
    """Replies in turn (status, headers), then a small feed for every request after them."""
    left = list(replies)

    def route(h: _Handler) -> None:
        if left:
            status, headers = left.pop(0)
            h.reply(status, b"busy", "text/plain", headers)
        else:
            h.reply(200, rss(name.title(), [{"id": name, "link": f"http://example.org/{name}", "title": name,
                                             "content": story_text(len(name) + 40)}]), "application/rss+xml")
    return route


# -- helpers -----------------------------------------------------------------------------------------------

# short limits for tests; feeds parsed in a thread (the CLI test runs the default reader processes)
QUICK = FollowOptions(allow_private=True, delay=0, deadline=1.0, connect_timeout=1.0, read_timeout=1.0, retries=1,
                      backoff=0.05, max_retry_after=2.0, max_bytes=1_000_000, workers=0)


def fetch(url: str, options: FollowOptions = QUICK, accept=FEED_TYPES, **kw):
    async def go():
        f = Fetcher(options, HostGate(options.delay))
        try:
            return await f.get(url, accept=accept, **kw)
        finally:
            await f.aclose()
    return asyncio.run(go())


def fails(url: str, options: FollowOptions = QUICK, **kw) -> FetchError:
    with pytest.raises(FetchError) as err:
        fetch(url, options, **kw)
    return err.value


# -- URLs, sources, options ----------------------------------------------------------------------------------

def test_canonical_url_drops_tracking_fragment_and_case():
    assert canonical_url("HTTP://News.Example.org:80/world/a?utm_source=rss&utm_medium=x&id=7&fbclid=abc#c") \
        == "http://news.example.org/world/a?id=7"
    assert canonical_url("https://example.org/a?gclid=1&b=2&mc_cid=3") == "https://example.org/a?b=2"
    assert canonical_url("https://example.org:8443/a/") == "https://example.org:8443/a/"
    assert canonical_url("https://example.org") == "https://example.org/"


def test_only_http_and_https_are_followed():
    for bad in ("ftp://example.org/feed", "file:///etc/passwd", "javascript:alert(1)", "http:///nohost"):
        with pytest.raises(InputError):
            check_url(bad)
    assert check_url(" https://example.org/feed ") == "https://example.org/feed"


def test_opml_nested_outlines_and_url_lists(tmp_path: Path):
    opml = tmp_path / "subs.opml"
    opml.write_text("""<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="News"><outline text="World"><outline text="Deep" title="Deep Feed" type="rss"
         xmlUrl="https://deep.example.org/rss"/></outline>
         <outline text="Top" xmlUrl="https://top.example.org/atom"/></outline>
      <outline text="Bad" xmlUrl="ftp://bad.example.org/rss"/>
      <outline text="A page" type="link" url="https://page.example.org/story"/>
    </body></opml>""")
    urls = tmp_path / "urls.txt"
    urls.write_text("# my feeds\nhttps://list.example.org/feed\n\nnot a url\nhttps://top.example.org/atom\n")
    sources, skipped = read_sources([str(opml), str(urls), "https://cli.example.org/rss"])
    assert [(s.url, s.kind) for s in sources] == [
        ("https://deep.example.org/rss", "feed"), ("https://top.example.org/atom", "feed"),
        ("https://page.example.org/story", "auto"), ("https://list.example.org/feed", "auto"),
        ("https://cli.example.org/rss", "auto")]
    assert sources[0].title == "Deep Feed"
    assert [(s.path.rsplit("/", 1)[-1], s.reason) for s in skipped] == [
        ("subs.opml: outline 5", "only http:// and https:// URLs can be followed"),
        ("urls.txt:4", "only http:// and https:// URLs can be followed")]
    with pytest.raises(InputError, match="not a file"):
        read_sources([str(tmp_path / "missing.opml")])


def test_opml_with_entities_is_refused():
    with pytest.raises(InputError, match="entity"):
        parse_opml(b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body>'
                   b'<outline xmlUrl="https://x.example.org/&a;"/></body></opml>', "x.opml")


def test_options_are_checked():
    with pytest.raises(ConfigError):
        FollowOptions(contact="not a url")
    with pytest.raises(ConfigError):
        FollowOptions(allow_networks=("10.0.0.0/33",))
    assert parse_interval("15m") == 900 and parse_interval("30s") == 30 and parse_interval("2h") == 7200
    with pytest.raises(ConfigError):
        parse_interval("soon")
    assert FollowOptions(contact="mailto:me@example.org").user_agent.startswith("storylens/")


# -- the SSRF guard --------------------------------------------------------------------------------------------

def test_private_and_special_addresses_are_named():
    assert why_blocked("127.0.0.1") == "loopback"
    assert why_blocked("10.0.0.8") == "private"
    assert why_blocked("192.168.1.1") == "private"
    assert why_blocked("169.254.169.254") == "link-local"
    assert why_blocked("224.0.0.1") == "multicast"
    assert why_blocked("0.0.0.0") == "unspecified"
    assert why_blocked("::ffff:127.0.0.1") == "loopback"
    assert why_blocked("fe80::1") == "link-local"
    assert why_blocked("100.64.0.1") is not None
    assert why_blocked("93.184.216.34") is None


def test_a_name_is_checked_after_resolution():
    with pytest.raises(BlockedAddressError, match="loopback"):
        asyncio.run(resolve("localhost", 80, allow_private=False))
    assert asyncio.run(resolve("localhost", 80, allow_private=True)).address in ("127.0.0.1", "::1")


def test_loopback_is_refused_before_connecting(sites):
    site = sites()
    url = site.static("/feed.xml", rss("A", []))
    err = fails(url, QUICK.with_(allow_private=False))
    assert "loopback" in err.problem and "--allow-private" in err.problem
    assert site.log == []  # refused before any connection


def test_a_redirect_to_a_private_address_is_refused(sites):
    site = sites()
    site.routes["/go"] = redirect("http://10.255.255.1/feed.xml")
    site.routes["/meta"] = redirect("http://169.254.169.254/latest/meta-data/")
    only_loopback = QUICK.with_(allow_private=False, allow_networks=("127.0.0.0/8",))
    err = fails(site.url("/go"), only_loopback)
    assert "10.255.255.1" in err.problem and "private" in err.problem
    err = fails(site.url("/meta"), only_loopback)
    assert "link-local" in err.problem
    assert [p for p, _, _ in site.log] == ["/go", "/meta"]


def test_a_redirect_to_another_scheme_is_refused(sites):
    site = sites()
    site.routes["/file"] = redirect("file:///etc/passwd")
    err = fails(site.url("/file"))
    assert "file:///etc/passwd" in err.problem and "http" in err.problem


# -- the fetcher's limits ------------------------------------------------------------------------------------------

def test_a_feed_is_fetched_with_the_user_agent_and_conditional_headers(sites):
    site = sites()
    body = rss("A", [{"id": "1", "link": "http://example.org/1", "title": "t", "content": story_text(1)}])
    site.static("/feed.xml", body, headers={"ETag": '"v1"'})
    resp = fetch(site.url("/feed.xml"), QUICK.with_(contact="https://reader.example.org/about"),
                 etag='"v0"', last_modified="Mon, 02 Nov 2026 10:00:00 GMT")
    assert resp.status == 200 and resp.body == body and resp.etag == '"v1"'
    headers = site.log[0][1]
    agent = headers["User-Agent"]
    assert agent.startswith("storylens/") and agent.endswith("(+https://reader.example.org/about)")
    assert headers["If-None-Match"] == '"v0"' and headers["If-Modified-Since"].startswith("Mon, 02 Nov")
    assert "gzip" in headers["Accept-Encoding"]
    assert headers["Host"] == f"127.0.0.1:{site.port}"


def test_a_name_is_connected_to_at_its_checked_address_and_keeps_its_host_header(sites):
    site = sites()
    body = rss("A", [{"id": "1", "link": "http://example.org/1", "title": "t", "content": story_text(1)}])
    site.static("/feed.xml", body)
    resp = fetch(f"http://user:secret@localhost:{site.port}/feed.xml")
    assert resp.body == body and resp.url.startswith("http://user:secret@localhost")
    assert site.log[0][1]["Host"] == f"localhost:{site.port}"  # no credentials in it


def test_a_dripping_body_ends_at_the_deadline(sites):
    site = sites()
    site.routes["/drip"] = drip
    started = time.monotonic()
    err = fails(site.url("/drip"), QUICK.with_(retries=0, deadline=1.5))
    took = time.monotonic() - started
    assert "1.5 s deadline" in err.problem
    assert took < 4  # the read timeout alone would never end it: a byte comes every second


def test_an_endless_body_stops_at_the_size_cap(sites):
    site = sites()
    site.routes["/endless"] = endless
    err = fails(site.url("/endless"), QUICK.with_(retries=0, deadline=10))
    assert "1,000,000-byte limit" in err.problem


def test_a_gzip_bomb_stops_at_the_cap(sites):
    site = sites()
    site.routes["/bomb"] = bomb
    err = fails(site.url("/bomb"), QUICK.with_(retries=0))
    assert "1,000,000-byte limit" in err.problem


def test_a_compressed_body_within_the_cap_is_decoded(sites):
    site = sites()
    body = rss("Zipped", [{"id": "1", "link": "http://example.org/1", "title": "t", "content": story_text(2)}])
    site.static("/z.xml", gzip.compress(body), headers={"Content-Encoding": "gzip"})
    assert fetch(site.url("/z.xml")).body == body


def test_a_redirect_loop_stops_after_five(sites):
    site = sites()
    for i in range(10):
        site.routes[f"/loop{i}"] = redirect(f"/loop{i + 1}")
    err = fails(site.url("/loop0"))
    assert "more than 5 redirects" in err.problem
    assert len(site.log) == 6


def test_a_wrong_content_type_is_refused(sites):
    site = sites()
    site.static("/img", b"\x89PNG....", "image/png")
    err = fails(site.url("/img"))
    assert "wrong content type image/png" in err.problem
    assert fetch(site.static("/p.html", b"<html></html>", "text/html; charset=utf-8"), accept=PAGE_TYPES).status == 200


def test_500_then_200_is_retried_with_backoff(sites):
    site = sites()
    site.routes["/flaky"] = answers((500, {}))
    resp = fetch(site.url("/flaky"))
    assert resp.status == 200 and b"Recovered" in resp.body
    assert len(site.log) == 2


def test_a_server_error_that_stays_fails_after_the_retries(sites):
    site = sites()
    site.routes["/down"] = answers(*[(502, {})] * 10)
    err = fails(site.url("/down"), QUICK.with_(retries=2))
    assert err.status == 502 and len(site.log) == 3
    gaps = [b[2] - a[2] for a, b in zip(site.log, site.log[1:])]
    assert gaps[1] > gaps[0]  # the wait doubles


def test_retry_after_is_honoured_on_429(sites):
    site = sites()
    site.routes["/busy"] = answers((429, {"Retry-After": "1"}))
    assert fetch(site.url("/busy")).status == 200
    (_, _, t0), (_, _, t1) = site.log
    assert t1 - t0 >= 0.95


def test_a_retry_after_past_the_cap_is_not_waited_for(sites):
    site = sites()
    site.routes["/later"] = answers((503, {"Retry-After": "3600"}))
    started = time.monotonic()
    err = fails(site.url("/later"))
    assert time.monotonic() - started < 1.0
    assert err.retry_after == 3600 and "3600 s" in err.problem and len(site.log) == 1


def test_one_request_at_a_time_per_host_with_the_delay_and_hosts_in_parallel(sites):
    slow = [sites(), sites()]
    for s in slow:
        s.routes["/slow"] = lambda h: (time.sleep(0.3), h.reply(200, rss("S", []), "application/rss+xml"))
    options = QUICK.with_(delay=0.2, deadline=5)

    async def go():
        f = Fetcher(options, HostGate(options.delay))
        try:
            await asyncio.gather(*(f.get(s.url("/slow"), accept=FEED_TYPES) for s in slow for _ in range(3)))
        finally:
            await f.aclose()
    asyncio.run(go())
    for s in slow:
        assert s.max_inflight == 1 and len(s.log) == 3
        starts = [t for _, _, t in s.log]
        assert all(b - a >= 0.3 + 0.2 - 0.02 for a, b in zip(starts, starts[1:]))
    assert Site.active[1] == 2  # the two hosts were served at the same time


def test_https_is_verified_against_the_name_while_connecting_to_the_checked_address(sites, tmp_path: Path):
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make the test's certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    site = sites()
    body = rss("TLS", [{"id": "1", "link": "http://example.org/1", "title": "t", "content": story_text(4)}])
    site.static("/feed.xml", body)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    site.httpd.socket = context.wrap_socket(site.httpd.socket, server_side=True)
    trusting = QUICK.with_(ca_file=str(cert), retries=0)
    assert fetch(f"https://localhost:{site.port}/feed.xml", trusting).body == body  # SNI and check: localhost
    err = fails(f"https://127.0.0.1:{site.port}/feed.xml", trusting)  # the certificate does not name the address
    assert "certificate" in err.problem.lower() or "ssl" in err.problem.lower()
    err = fails(f"https://localhost:{site.port}/feed.xml", QUICK.with_(retries=0))  # not a trusted authority
    assert "certificate" in err.problem.lower() or "ssl" in err.problem.lower()
