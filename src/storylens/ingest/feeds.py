"""RSS and Atom feed files (feedparser): one article per entry.

An entry's text is its full content when the feed carries it, else its
summary (HTML reduced to paragraphs of text); ``link`` becomes the URL and
``published`` (or ``updated``) the date.  The id is the entry's ``id``/guid,
else its link, so reading the same feed twice gives the same ids.  A feed
that cannot be parsed at all is an :class:`InputError`; an entry without text
is yielded as :class:`Skipped`.

No XML entity is ever expanded and no external file or URL is ever read: the
DOCTYPE, where entities are declared, is removed before the feed is parsed
(:func:`~storylens.ingest.boundary.defuse_xml`).
"""

from __future__ import annotations

import html as _html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

from ..errors import InputError, LimitError
from ..limits import Limits, over
from ..models import Article, Skipped
from ._decode import read_bytes
from .boundary import defuse_xml, display, mapped
from .build import article_from_text, has_words
from .depth import markup_depth

EXTENSIONS = (".rss", ".atom", ".xml")

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
_SKIP = {"script", "style", "noscript", "figure", "figcaption"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP and self._skip:
            self._skip -= 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Paragraph text of an HTML fragment (feed content is HTML, often escaped)."""
    if "<" not in fragment:
        return _html.unescape(fragment).strip()
    p = _Text()
    p.feed(fragment)
    p.close()
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in "".join(p.parts).split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            return f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
    return entry.get("published") or entry.get("updated") or None


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf" in head


def _markup(data: bytes) -> str:
    """A feed's bytes as text for :func:`markup_depth`: its tags are ASCII in UTF-8 and the one-byte
    charsets alike (read byte for byte); UTF-16 is told by its byte-order mark."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    return data.decode("latin-1")


def read(path: Path, limits: Limits | None = None) -> Iterator[Article | Skipped]:
    limits = limits or Limits()
    data = read_bytes(path, limits)
    if path.suffix.lower() == ".xml" and not _looks_like_feed(data):
        raise InputError(display(path), "an XML file that is not an RSS or Atom feed")
    yield from parse(data, display(path), stem=display(path.stem), limits=limits)


def parse(data: bytes, where: str, *, stem: str = "feed", limits: Limits | None = None) -> list[Article | Skipped]:
    """The entries of a feed's bytes (a file's, or a response body's), named ``where#N``.

    An entry whose text is only its summary (no full content) says so in its
    ``meta["feed_text"] == "summary"``, for a reader that fetches the linked page.
    """
    import feedparser

    limits = limits or Limits()
    with mapped(where, "cannot parse the feed"):
        data = defuse_xml(data, where)
    if markup_depth(_markup(data), html=False, bound=limits.max_depth) > limits.max_depth:
        raise LimitError(where, over("max_depth", limits, "XML nested deeper"), "max_depth")
    with mapped(where, "cannot parse the feed"):
        parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if len(entries) > limits.max_records:
        raise LimitError(where, over("max_records", limits, f"{len(entries):,} entries"), "max_records")
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            why = getattr(exc, "getMessage", lambda: str(exc))() if exc else "unknown error"
            raise InputError(where, f"malformed feed, no entries could be read ({why})")
        raise InputError(where, "feed has no entries")
    feed = parsed.get("feed") or {}
    outlet = str(feed.get("title") or "").strip()
    found = False
    out: list[Article | Skipped] = []  # yielded at the end: a feed with no usable entry is one error
    for i, e in enumerate(entries):
        item = f"{where}#{i + 1}"
        body = ""
        for c in e.get("content") or ():
            if c.get("value"):
                body = c["value"]
                break
        from_summary = not body
        body = body or e.get("summary") or e.get("description") or ""
        with mapped(item, "cannot read the entry's HTML"):
            text = html_to_text(str(body))
            title = html_to_text(str(e.get("title") or ""))
        if not text.strip():
            out.append(Skipped(item, "feed entry has no text or summary"))
            continue
        link = e.get("link") or ""
        eid = e.get("id") or link or f"{stem}-{i + 1}"
        art = article_from_text(text, id=str(eid), url=str(link), title=title, outlet=outlet, published=_date(e),
                                author=str(e.get("author") or ""), path=item,
                                meta={"feed_text": "summary"} if from_summary else None)
        if not has_words(art.text):
            out.append(Skipped(item, "feed entry has no text left after cleaning"))
            continue
        found = True
        out.append(art)
    if not found:
        if parsed.get("bozo"):
            raise InputError(where, "malformed feed: no entry with text could be read")
        raise InputError(where, "no feed entry has text")
    return out
