"""WARC files of crawled pages (warcio): every HTML response through the same
main-text extraction as ``.html`` files (:func:`storylens.ingest.html.extract`).

The article id is the page URL (``WARC-Target-URI``).  Non-HTML responses and
other record types are passed over; a page with no main text is yielded as
:class:`Skipped`; a truncated or damaged file yields what came before the
damage and then one :class:`Skipped` that says where reading stopped.

Read record by record within the limits: a record that claims more than
``max_expanded_bytes`` stops reading at once, a page over ``max_input_bytes``
is skipped unread, and the records of one file stop at ``max_records``.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from ..errors import InputError, LimitError
from ..limits import Limits, over
from ..models import Article, Skipped
from . import html as html_reader
from ._decode import Stream, declared_charset, stream_opener
from .boundary import display, mapped

EXTENSIONS = (".warc", ".warc.gz", ".arc", ".arc.gz")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        if k.lower() == "charset" and v:
            return v.strip("\"' ")
    return None


class _Budget:
    """What the records of one file have claimed so far, against the limits."""

    def __init__(self, where: str, limits: Limits):
        self.where, self.limits = where, limits
        self.records = self.claimed = 0

    def take(self, rec: Any) -> None:
        self.records += 1
        if self.records > self.limits.max_records:
            raise LimitError(self.where, over("max_records", self.limits, f"more than {self.records - 1:,} records"),
                             "max_records")
        length = _length(rec)
        self.claimed += length
        if length > self.limits.max_expanded_bytes or self.claimed > self.limits.max_expanded_bytes:
            what = f"record {self.records} claims {length:,} bytes" if length > self.limits.max_expanded_bytes \
                else f"records up to {self.records} hold {self.claimed:,} bytes"
            raise LimitError(self.where, over("max_expanded_bytes", self.limits, what), "max_expanded_bytes")


def _length(rec: Any) -> int:
    value = rec.rec_headers.get_header("Content-Length") or "0"
    return int(value) if value.strip().isdigit() else 0


def read(path: Path, limits: Limits | None = None) -> Iterator[Article | Skipped]:
    limits = limits or Limits()
    with stream_opener(path, limits)() as stream:
        # gzip is undone by our stream, which stops at max_expanded_bytes, so warcio sees a plain WARC;
        # the size on disk tells trailing bytes from a complete end only when the file is not compressed
        size = 0 if stream.compressed else path.stat().st_size
        said = False
        for item in read_stream(stream, display(path), display(path.stem), limits, size=size):
            said = said or isinstance(item, Skipped) and "truncated" in item.reason
            yield item
        if stream.truncated and not said:
            yield Skipped(display(path), "WARC file truncated (the gzip stream ends inside a record); "
                                         "the records before it were read")


def read_stream(fh: BinaryIO | Stream, where: str, stem: str, limits: Limits,
                size: int = 0) -> Iterator[Article | Skipped]:
    """The pages of a WARC stream; ``size`` (when known) tells trailing bytes from a complete end."""
    from warcio.archiveiterator import ArchiveIterator

    budget = _Budget(where, limits)
    truncated = False
    with mapped(where, "not a readable WARC file"):
        it = ArchiveIterator(fh, arc2warc=True)
    try:
        for rec in _records(it, where):
            budget.take(rec)
            item = _page(rec, where, stem, budget.records, limits)
            if item is not None:
                yield item
                if isinstance(item, Skipped) and item.reason.startswith("WARC record truncated"):
                    truncated = True
                    break
    except LimitError:
        raise
    except InputError as exc:
        if budget.records == 0:
            raise InputError(where, exc.problem) from None
        yield Skipped(where, f"WARC file truncated or damaged after record {budget.records} "
                             f"({exc.problem}); the records before it were read")
        truncated = True
    if getattr(it, "err_count", 0) and not truncated:
        yield Skipped(where, f"{it.err_count} WARC record(s) not followed by a blank line (a wrong Content-Length?); "
                             "read on from the next record")
    offset = getattr(it, "offset", size)
    if not truncated and budget.records and size and offset < size:
        yield Skipped(where, f"WARC file truncated after record {budget.records}: "
                             f"{size - offset} trailing bytes are not a complete record")
    if budget.records == 0:
        raise InputError(where, "not a WARC file (no records)")


def _records(it: Any, where: str) -> Iterator[Any]:
    while True:
        # warcio writes its own warnings (a record not followed by a blank line) to stderr: kept off
        # the terminal, counted in it.err_count and reported as one line by read_stream
        with mapped(where, "WARC file damaged"), redirect_stderr(io.StringIO()):
            rec = next(it, None)
        if rec is None:
            return
        yield rec


def _page(rec: Any, where: str, stem: str, n: int, limits: Limits) -> Article | Skipped | None:
    """The article of one HTML response record; None for other records."""
    if rec.rec_type != "response" or rec.http_headers is None:
        return None
    status = rec.http_headers.get_statuscode()
    ctype = rec.http_headers.get_header("Content-Type") or ""
    if status != "200" or "html" not in ctype.lower():
        return None
    url = display(rec.rec_headers.get_header("WARC-Target-URI") or f"{stem}-{n}")
    here = f"{where}#{url}"
    if _length(rec) > limits.max_input_bytes:
        return Skipped(here, over("max_input_bytes", limits, f"page is {_length(rec):,} bytes"))
    with mapped(here, "cannot read the WARC record"):
        payload = rec.content_stream().read(limits.max_input_bytes + 1)
    if len(payload) > limits.max_input_bytes:  # a compressed payload expands past the limit
        return Skipped(here, over("max_input_bytes", limits, "page expands to more"))
    if getattr(rec.raw_stream, "limit", 0):  # fewer bytes than its Content-Length
        return Skipped(here, "WARC record truncated (the file ends inside it)")
    charset = _charset(ctype) or declared_charset(payload) or "utf-8"
    try:
        page = payload.decode(charset, errors="replace")
    except LookupError:
        page = payload.decode("utf-8", errors="replace")
    try:
        return html_reader.extract(page, id=url, url=url, path=here, limits=limits)
    except InputError as exc:
        return Skipped(here, exc.problem)
