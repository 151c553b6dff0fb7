"""HTML pages: main text, title, date and author via trafilatura."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError, LimitError
from ..limits import Limits, over
from ..models import Article, Skipped
from ._decode import declared_charset, decode, read_bytes
from .boundary import display, mapped
from .build import article_from_text, has_words
from .depth import markup_depth

EXTENSIONS = (".html", ".htm", ".xhtml")
# The page's own date (metadata, byline, URL) and nothing guessed: htmldate's extensive search takes a footer's
# "(c) 2026" for the publication date, and its default latest date is today's, so the same page would give
# another date on another day.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}


def extract(html: str, *, id: str, url: str = "", path: str = "", limits: Limits | None = None) -> Article:
    """The article in an HTML page; InputError when no main text is found, LimitError when its elements
    nest deeper than ``limits.max_depth`` (measured before the page is parsed)."""
    import trafilatura

    limits = limits or Limits()
    if markup_depth(html, bound=limits.max_depth) > limits.max_depth:
        raise LimitError(path or id, over("max_depth", limits, "HTML nested deeper"), "max_depth")
    with mapped(path or id, "cannot parse HTML"):
        doc = trafilatura.bare_extraction(
            html, url=url or None, with_metadata=True, include_comments=False,
            include_tables=False, favor_precision=True, date_extraction_params=_DATE_PARAMS,
        )
    if doc is None:
        raise InputError(path or id, "no article text found in this HTML page")
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = data.get("text") or ""
    if not has_words(text):
        raise InputError(path or id, "no article text found in this HTML page")
    return article_from_text(
        text, id=id, url=url or data.get("url") or "", title=data.get("title") or "",
        outlet=data.get("sitename") or "", published=data.get("date"), author=data.get("author") or "",
        path=path,
    )


def read(path: Path, limits: Limits | None = None) -> Iterator[Article | Skipped]:
    limits = limits or Limits()
    yield from read_data(read_bytes(path, limits), display(path), path.stem, limits)


def read_data(data: bytes, where: str, stem: str, limits: Limits) -> Iterator[Article | Skipped]:
    """The article of one page given as bytes, decoded in the charset the page declares."""
    yield extract(decode(data, where, charset=declared_charset(data)), id=display(stem), path=where, limits=limits)
