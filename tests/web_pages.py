"""What the web tests share: a page's links, marks and scripts, and a fresh store (SQLite or PostgreSQL)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

TOKEN = "s3cret-token"


class Links(HTMLParser):
    """Every <a href>, <mark> text and <script> of a page."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (href, class)
        self.marks: list[str] = []
        self.scripts: list[dict] = []
        self.titles: dict[str, str] = {}  # href -> the link's title (its hover text)
        self._in_mark = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "href" in a:
            self.links.append((a["href"], a.get("class") or ""))
            self.titles.setdefault(a["href"], a.get("title") or "")
        elif tag == "mark":
            self._in_mark = True
            self.marks.append("")
        elif tag == "script":
            self.scripts.append(a)

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data


def parse(html: str) -> Links:
    p = Links()
    p.feed(html)
    return p


def fresh_store(request, tmp_path_factory) -> str:
    """A new SQLite file, or a fresh schema of a throw-away PostgreSQL (``request.param``)."""
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("web") / "news.db")
    import uuid
    from urllib.parse import quote

    server = request.getfixturevalue("pg_server")  # conftest: skips when there is no PostgreSQL
    psycopg = pytest.importorskip("psycopg")
    schema = "web_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")

    def drop():
        with psycopg.connect(server, autocommit=True) as c:
            c.execute(f"DROP SCHEMA {schema} CASCADE")

    request.addfinalizer(drop)
    return f"{server}{'&' if '?' in server else '?'}options={quote(f'-csearch_path={schema}')}"
