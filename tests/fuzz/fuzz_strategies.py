"""Hypothesis strategies for every input storylens reads: raw bytes, text, HTML-ish and XML/feed-ish
markup, JSONL, WARC records, and article text laced with markup an attacker would try."""

from __future__ import annotations

import gzip
import json

from hypothesis import strategies as st

# what an attacker puts in a title, a text or a URL
PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<svg onload=alert(3)>",
    "javascript:alert(4)", "data:text/html,<script>alert(5)</script>", "<a href=\"javascript:alert(6)\">x</a>",
    "<iframe src=//evil>", "\x1b[31m", "\x1b]0;title\x07", "\ud800", "\udfff", "\ufffe", "\x00", "\u202e",
    "&#xD800;", "&#x110000;", "&#0;", "&lt;script&gt;", "[x](javascript:alert(7))", "![x](data:image/png,AA)",
    "<!--", "]]>", "<![CDATA[", "`", "*", "_", "|", "#", "\r", "\u2028", "9999-12-31", "0001-01-05",
    "Fri, 31 Dec 9999 23:00:00 +0500", "1e309", "NaN", "-0", "\"", "\\",
]
WORDS = ["Aleppo", "Russia", "said", "on", "Tuesday", "killed", "12", "people", "3.5", "percent", "the",
         "\u201cWe", "will", "not\u201d", "Reuters", "-", "(AFP)", "in", "2016", "October", "$1.2", "billion",
         "Ministry", "Health", "told", "reporters", "according", "to", "officials", ".", ",", "\n", "\n\n"]

payload = st.sampled_from(PAYLOADS)
word = st.one_of(st.sampled_from(WORDS), payload, st.text(min_size=1, max_size=6))
# sizes bounded so that an example stays cheap (the long profile runs 100,000): what breaks a reader
# shows in a few dozen words and a dozen elements
prose = st.lists(word, min_size=0, max_size=30).map(" ".join)
sentence_text = st.lists(st.lists(st.sampled_from(WORDS[:30]) | payload, min_size=4, max_size=14)
                         .map(lambda ws: " ".join(ws) + "."), min_size=1, max_size=8).map(" ".join)
article_text = st.one_of(prose, sentence_text, st.text(max_size=300))


def _tags(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tag = st.sampled_from(["p", "div", "script", "style", "a", "img", "article", "title", "meta", "br", "h1",
                           "li", "span", "noscript", "svg", "item", "entry", "content", "description"])
    attr = st.sampled_from(["", ' href="javascript:x"', " onerror=alert(1)", ' charset="koi8-r"',
                            ' src="data:x"', ' class="x"', " title='\"'"])
    return st.builds(lambda t, a, c, close: f"<{t}{a}>{c}" + (f"</{t}>" if close else ""),
                     tag, attr, children, st.booleans())


markup = st.recursive(prose, lambda inner: st.lists(_tags(inner) | inner, max_size=5).map("".join),
                      max_leaves=12)
html_doc = st.builds(lambda head, body: f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>",
                     markup, markup) | markup


def _feed(kind: str, prolog: str, items: list[tuple[str, str, str]]) -> str:
    if kind == "rss":
        body = "".join(f"<item><title>{t}</title><description>{d}</description><pubDate>{w}</pubDate></item>"
                       for t, d, w in items)
        return f'<?xml version="1.0"?>{prolog}<rss version="2.0"><channel><title>F</title>{body}</channel></rss>'
    body = "".join(f"<entry><title>{t}</title><content type=\"html\">{d}</content><updated>{w}</updated></entry>"
                   for t, d, w in items)
    return f'<?xml version="1.0"?>{prolog}<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{body}</feed>'


_PROLOGS = ["", '<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
            '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "<!DOCTYPE r [", "<!-- c -->"]
_DATES = ["Thu, 13 Oct 2016 10:00:00 GMT", "Fri, 31 Dec 9999 23:00:00 +0500", "0001-01-05T00:00:00Z",
          "2016-10-13T10:00:00+14:00", "garbage", ""]
feed_doc = st.builds(_feed, st.sampled_from(["rss", "atom"]), st.sampled_from(_PROLOGS),
                     st.lists(st.tuples(markup, markup | article_text, st.sampled_from(_DATES)), max_size=4))

json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                          lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                        max_size=4),
                          max_leaves=10)
record = st.fixed_dictionaries({"text": article_text | json_value}, optional={
    "id": st.text(max_size=10) | st.integers(), "title": article_text | json_value,
    "url": payload | st.text(max_size=20),
    "published": st.sampled_from(_DATES) | json_value, "source": payload | st.text(max_size=20),
    "documents": st.lists(article_text | json_value, max_size=3)})


def _jsonl(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8", "surrogatepass")


jsonl_line = st.one_of(record.map(lambda r: json.dumps(r)), json_value.map(json.dumps),
                       st.text(max_size=40), st.just("[" * 300 + "]" * 300))
jsonl_doc = st.lists(jsonl_line, max_size=6).map(_jsonl)


def _warc_record(url: str, ctype: str, body: bytes, claim_delta: int, status: str) -> bytes:
    http = f"HTTP/1.1 {status} OK\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {max(0, len(http) + claim_delta)}"
            f"\r\n\r\n").encode() + http + b"\r\n\r\n"


warc_record = st.builds(_warc_record, st.sampled_from(["https://x.org/a", "javascript:alert(1)", "a\nb"]),
                        st.sampled_from(["text/html; charset=utf-8", "text/html; charset=bogus", "text/plain"]),
                        html_doc.map(lambda h: h.encode("utf-8", "surrogatepass")),
                        st.sampled_from([0, 0, 0, -5, 7, 10**12]), st.sampled_from(["200", "404"]))
warc_doc = st.lists(warc_record, min_size=1, max_size=3).map(b"".join) | st.binary(max_size=200).map(
    lambda b: b"WARC/1.0\r\n" + b)


def gzip_or_not(data: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    return st.builds(lambda d, z, cut: (gzip.compress(d)[:cut] if cut else gzip.compress(d)) if z else d,
                     data, st.booleans(), st.sampled_from([0, 0, 0, 12, 30]))


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.builds(lambda t, enc: t.encode(enc, "surrogatepass" if enc.startswith("utf") else "replace"),
                     text, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "koi8-r", "cp1251"]))


# every format as the bytes of a file, with the extension it is read by
FILES = {
    ".txt": encoded(article_text) | st.binary(max_size=300),
    ".html": encoded(html_doc) | st.binary(max_size=300),
    ".jsonl": jsonl_doc,
    ".jsonl.gz": gzip_or_not(jsonl_doc),
    ".rss": encoded(feed_doc) | st.binary(max_size=200),
    ".atom": encoded(feed_doc),
    ".xml": encoded(feed_doc | html_doc),
    ".warc": warc_doc,
    ".warc.gz": gzip_or_not(warc_doc),
    ".src": encoded(st.lists(article_text, max_size=4).map(" ||||| ".join)),
    "": st.one_of(jsonl_doc, encoded(html_doc), encoded(feed_doc), st.binary(max_size=200)),
}
