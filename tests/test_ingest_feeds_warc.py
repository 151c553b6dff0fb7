"""RSS/Atom feeds and WARC crawls; malformed feeds and truncated WARCs."""

from __future__ import annotations

import io

import pytest

from storylens.errors import InputError, NoArticlesError
from storylens.ingest import READERS, load
from storylens.ingest import feeds, warc
from storylens.models import Article, Skipped

BODY1 = ("Flood waters rose across the Po valley on Monday as rivers burst their banks after three days of rain. "
         "Civil protection officials evacuated 2,000 residents from villages near Ferrara, and schools were closed.")
BODY2 = ("The city council approved a new tram line on Tuesday after a heated debate over costs. "
         "Construction of the 12-kilometre line is due to start next spring and take three years.")

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Gazette</title><link>https://gazette.example</link>
<item><title>Floods hit the Po valley</title><link>https://gazette.example/floods</link>
<guid>gazette-1</guid><pubDate>Mon, 03 Oct 2022 08:00:00 GMT</pubDate>
<description>&lt;p&gt;{BODY1}&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;</description></item>
<item><title>Empty item</title><link>https://gazette.example/empty</link><description></description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>City News</title>
<entry><title>Tram line approved</title><id>urn:city:42</id>
<link href="https://city.example/tram"/><updated>2022-10-04T10:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY2}&lt;/p&gt;</content></entry></feed>"""

PAGE = f"""<html><head><title>Floods hit the Po valley</title></head><body>
<nav>Home | World | Sport</nav><article><h1>Floods hit the Po valley</h1><p>{BODY1}</p>
<p>Officials said the water would take several days to recede, and farmers counted their losses.</p></article>
<footer>Copyright Valley Gazette</footer></body></html>"""


def test_rss_entries_become_articles_and_empty_entries_are_skipped(tmp_path):
    p = tmp_path / "gazette.rss"
    p.write_text(RSS, encoding="utf-8")
    items = list(feeds.read(p))
    arts = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(arts) == 1 and len(skipped) == 1
    a = arts[0]
    assert a.id == "gazette-1" and a.url == "https://gazette.example/floods"
    assert a.title == "Floods hit the Po valley" and a.published == "2022-10-03"
    assert a.outlet == "Valley Gazette"
    assert "2,000 residents" in a.text and "track()" not in a.text and "<p>" not in a.text
    assert "no text" in skipped[0].reason


def test_atom_content_link_and_date(tmp_path):
    p = tmp_path / "city.atom"
    p.write_text(ATOM, encoding="utf-8")
    (a,) = list(feeds.read(p))
    assert (a.id, a.url, a.published, a.outlet) == ("urn:city:42", "https://city.example/tram", "2022-10-04",
                                                    "City News")
    assert "12-kilometre line" in a.text


def test_malformed_feed_is_skipped_and_reported_rest_proceeds(tmp_path):
    (tmp_path / "broken.rss").write_text("<rss><channel><item><title>oops</ti", encoding="utf-8")
    (tmp_path / "city.atom").write_text(ATOM, encoding="utf-8")
    with pytest.raises(InputError, match="malformed feed|no entries"):
        list(feeds.read(tmp_path / "broken.rss"))
    res = load([tmp_path])
    assert [a.id for a in res.articles] == ["urn:city:42"]
    assert any(s.path.endswith("broken.rss") and "feed" in s.reason for s in res.skipped)


def _warc_bytes(pages, gz=True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for url, body, ctype in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body.encode("utf-8")),
                                            http_headers=headers))
    return buf.getvalue()


PAGES = [
    ("https://gazette.example/floods", PAGE, "text/html; charset=utf-8"),
    ("https://gazette.example/logo.png", "PNG...", "image/png"),
    ("https://gazette.example/empty", "<html><body></body></html>", "text/html"),
    ("https://gazette.example/tram", PAGE.replace(BODY1, BODY2).replace("Floods hit the Po valley", "Tram line"),
     "text/html"),
]


def test_warc_html_responses_go_through_main_text_extraction(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(_warc_bytes(PAGES))
    assert READERS[".warc.gz"] is warc.read
    items = list(warc.read(p))
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in arts] == ["https://gazette.example/floods", "https://gazette.example/tram"]
    assert "2,000 residents" in arts[0].text and "Home | World" not in arts[0].text
    assert arts[0].url == "https://gazette.example/floods"
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(skipped) == 1 and skipped[0].path.endswith("/empty")


def test_truncated_warc_keeps_what_came_before_and_reports_the_rest(tmp_path):
    data = _warc_bytes(PAGES, gz=False)
    p = tmp_path / "cut.warc"
    cut = data.find(b"WARC/1", data.find(b"gazette.example/empty")) + 200  # inside the 4th record
    p.write_bytes(data[:cut])
    res = load([p])
    assert [a.id for a in res.articles] == ["https://gazette.example/floods"]
    assert any("truncated" in s.reason for s in res.skipped)


def test_truncated_gzip_warc(tmp_path):
    data = _warc_bytes(PAGES, gz=True)
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[: int(len(data) * 0.8)])
    res = load([p])
    assert "https://gazette.example/floods" in [a.id for a in res.articles]
    assert any("truncated" in s.reason for s in res.skipped)


def test_file_that_is_not_a_warc(tmp_path):
    p = tmp_path / "fake.warc"
    p.write_text("hello, this is not a warc\n" * 20, encoding="utf-8")
    with pytest.raises((InputError, NoArticlesError)):
        load([p])
