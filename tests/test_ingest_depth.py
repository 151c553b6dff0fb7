"""Nesting depth (max_depth) of HTML pages, feeds and WARC pages: measured before any parser runs."""

from __future__ import annotations

import time

import pytest

from storylens.errors import LimitError
from storylens.ingest import load
from storylens.ingest.depth import json_depth, markup_depth
from storylens.limits import Limits
from test_ingest_feeds_warc import ATOM, BODY1, PAGE, RSS, _warc_bytes

MESSAGE = "over the limit of {} levels (max_depth; raise it with --max-depth)"


def nested(page: str, levels: int) -> str:
    """``page`` with its body inside ``levels`` nested divs."""
    return page.replace("<body>", "<body>" + "<div>" * levels).replace("</body>", "</div>" * levels + "</body>")


def test_html_depth_is_what_a_browser_builds():
    assert markup_depth(PAGE) == 4  # html > body > article > p
    # a <p> or <li> left open is closed by the next one; void elements and self-closed tags are leaves
    assert markup_depth("<ul>" + "<li>item<br><img src=x>" * 500 + "</ul>") == 3  # ul > li > br
    assert markup_depth("<body>" + "<p>paragraph" * 1000) == 2
    assert markup_depth("<table>" + "<tr><td>a<td>b" * 300 + "</table>") == 3
    # a list inside an item is nested, not a sibling
    assert markup_depth("<ul><li>a<ul><li>b<ul><li>c</ul></ul></ul>") == 6
    # the text of scripts, styles and comments is not markup; an end tag closes what is open inside it
    assert markup_depth("<div><script>if (a<b) { s = '" + "<div>" * 500 + "'; }</script></div>") == 2
    assert markup_depth("<div><!--" + "<div>" * 500 + "--><p>x</div>") == 2
    assert markup_depth("<div>" + "<span>x" * 50 + "</div><p>y</p>") == 51
    assert markup_depth("<DIV><Div><div>x</DIV>") == 3


def test_xml_depth_is_exact_and_a_deep_scan_stops_at_the_bound():
    assert markup_depth(RSS, html=False) == 4  # rss > channel > item > title
    assert markup_depth("<a><b/><b><c/></b></a>", html=False) == 3
    assert markup_depth("<a><![CDATA[<b><b><b>]]></a>", html=False) == 1
    start = time.process_time()
    assert markup_depth("<x>" * 3_000_000, html=False, bound=100) == 101
    assert markup_depth("<a" * 1_000_000) == 0  # unclosed tags: one pass, nothing opened
    assert time.process_time() - start < 10
    assert json_depth('{"a": [1, {"b": "[[["}]}') == 3


def test_a_deep_html_page_is_refused_naming_the_limit_and_raised_with_it(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text(nested(PAGE, 150))
    with pytest.raises(LimitError, match=r"deep\.html: HTML nested deeper: " + MESSAGE.format(100).replace("(", r"\(")
                       .replace(")", r"\)")) as got:
        load([p])
    assert got.value.limit == "max_depth"
    (art,) = load([p], limits=Limits(max_depth=200)).articles
    assert BODY1[:40] in art.text
    ok = tmp_path / "ok.html"
    ok.write_text(PAGE)
    res = load([p, ok])  # in a batch the deep page is skipped with its reason, the others read
    assert [a.id for a in res.articles] == ["ok"] and MESSAGE.format(100) in res.skipped[0].reason


@pytest.mark.parametrize("name,feed,inside", [("deep.rss", RSS, "</item>"), ("deep.atom", ATOM, "</entry>")])
def test_a_deep_feed_is_refused_naming_the_limit(tmp_path, name, feed, inside):
    p = tmp_path / name
    p.write_text(feed.replace(inside, "<x>" * 120 + "</x>" * 120 + inside, 1))
    with pytest.raises(LimitError, match="XML nested deeper: over the limit of 100 levels"):
        load([p])
    assert load([p], limits=Limits(max_depth=150)).articles


def test_a_deep_page_in_a_warc_is_skipped_and_the_others_read(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(_warc_bytes([("https://gazette.example/deep", nested(PAGE, 300), "text/html"),
                               ("https://gazette.example/floods", PAGE, "text/html")]))
    res = load([p])
    assert [a.id for a in res.articles] == ["https://gazette.example/floods"]
    (why,) = [s.reason for s in res.skipped if "deep" in s.path]
    assert why == "HTML nested deeper: " + MESSAGE.format(100)
