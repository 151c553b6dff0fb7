"""WARC files of crawled pages (warcio): every HTML response through the same
main-text extraction as ``.html`` files (:func:`storylens.ingest.html.extract`).

The article id is the page URL (``WARC-Target-URI``).  Non-HTML responses and
other record types are passed over; a page with no main text is yielded as
:class:`Skipped`; a truncated or damaged file yields what came before the
damage and then one :class:`Skipped` that says where reading stopped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..models import Article, Skipped
from . import html as html_reader

EXTENSIONS = (".warc", ".warc.gz", ".arc", ".arc.gz")


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        if k.lower() == "charset" and v:
            return v.strip("\"' ")
    return "utf-8"


def read(path: Path, max_bytes: int = 50_000_000_000) -> Iterator[Article | Skipped]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    n_records = n_pages = 0
    size = path.stat().st_size
    truncated = False
    with fh:
        try:
            it = ArchiveIterator(fh, arc2warc=True)
            for rec in it:
                n_records += 1
                if rec.rec_type != "response" or rec.http_headers is None:
                    continue
                status = rec.http_headers.get_statuscode()
                ctype = rec.http_headers.get_header("Content-Type") or ""
                if status != "200" or "html" not in ctype.lower():
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI") or f"{path.stem}-{n_records}"
                where = f"{path}#{url}"
                payload = rec.content_stream().read()
                if getattr(rec.raw_stream, "limit", 0):  # fewer bytes than its Content-Length
                    truncated = True
                    yield Skipped(where, "WARC record truncated (the file ends inside it)")
                    break
                try:
                    page = payload.decode(_charset(ctype), errors="replace")
                except LookupError:
                    page = payload.decode("utf-8", errors="replace")
                try:
                    art = html_reader.extract(page, id=url, url=url, path=where)
                except InputError as exc:
                    yield Skipped(where, exc.problem)
                    continue
                n_pages += 1
                yield art
        except Exception as exc:  # warcio/zlib/EOF errors on a truncated or damaged file
            if n_records == 0:
                raise InputError(str(path), f"not a readable WARC file ({type(exc).__name__}: {exc})") from None
            yield Skipped(str(path), f"WARC file truncated or damaged after record {n_records} "
                                     f"({type(exc).__name__}); the records before it were read")
            truncated = True
        if not truncated and n_records and getattr(it, "offset", size) < size:
            yield Skipped(str(path), f"WARC file truncated after record {n_records}: "
                                     f"{size - it.offset} trailing bytes are not a complete record")
    if n_records == 0:
        raise InputError(str(path), "not a WARC file (no records)")
