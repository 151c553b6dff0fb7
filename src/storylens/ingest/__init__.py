"""Read articles from files, folders and standard input.

One module per input kind; ``READERS`` maps a file extension to a reader,
``read(path, limits) -> Iterator[Article | Skipped]``.  A reader raises
:class:`~storylens.errors.InputError` for a file it cannot use at all and
yields :class:`~storylens.models.Skipped` for a bad item inside a good file.
Every read is bounded by :class:`~storylens.limits.Limits`; a file that goes
past a limit is refused whole, with a message that names the limit and its flag.
"""

from __future__ import annotations

import io
import os
import stat
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from ..errors import InputError, LimitError, NoArticlesError, StorylensError
from ..limits import STORY_LIMITS, Limits, over
from ..models import Article, Skipped
from . import feeds, html, jsonl, multinews, text, warc
from ._decode import bytes_stream, looks_binary, read_upto
from .boundary import display
from .build import article_from_record, article_from_text
from .files import read_input_list, refusal, special_kind, walk

Reader = Callable[..., Iterator["Article | Skipped"]]

READERS: dict[str, Reader] = {}
for _mod in (text, html, jsonl, multinews, feeds, warc):
    for _ext in _mod.EXTENSIONS:
        READERS[_ext] = _mod.read


class SkippedInputWarning(UserWarning):
    """An input item was skipped; the message says which and why."""


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # what was read but not all of it kept, one line each ("a.jsonl:3: date '9999-12-31' ignored ...")
    notes: list[str] = field(default_factory=list)


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for ext in sorted(READERS, key=len, reverse=True):
        if name.endswith(ext):
            return READERS[ext]
    return None


def supported() -> list[str]:
    """The file extensions storylens reads, sorted."""
    return sorted(READERS)


def _sniff(path: Path) -> Reader:
    """For a file named explicitly without an extension: look at its start."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise InputError(display(path), f"cannot read file ({exc.strerror or exc})") from None
    return _reader_for_head(head, display(path))


def _reader_for_head(head: bytes, where: str) -> Reader:
    start = head.lstrip()[:64]
    if start.startswith(b"%PDF"):
        raise InputError(where, "a PDF file: convert it to text or HTML first (e.g. pdftotext)")
    if start.startswith(b"PK\x03\x04"):
        raise InputError(where, "a ZIP archive (a .docx, .odt or .xlsx?): convert it to text or HTML first")
    if start.startswith(b"\x1f\x8b"):
        raise InputError(where, "a gzip file: name it .jsonl.gz or .warc.gz, or unpack it")
    if start.startswith(b"WARC/"):
        return warc.read
    if start.startswith(b"["):
        raise InputError(where, "a JSON array: write one JSON object a line, with a 'text' field (JSONL)")
    if start.startswith(b"{"):
        return jsonl.read
    if start[:1] == b"<":
        low = head[:2048].lower()
        return feeds.read if (b"<rss" in low or b"<feed" in low or b"<rdf" in low) else html.read
    if _looks_csv(head):
        raise InputError(where, "looks like CSV: write one article a line as JSONL, with a 'text' field")
    return text.read


def _looks_csv(head: bytes) -> bool:
    """Several lines with the same number (two or more) of commas or tabs, as in a spreadsheet export."""
    lines = [ln for ln in head.split(b"\n")[:6] if ln.strip()][:5]
    if len(lines) < 3:
        return False
    for sep in (b",", b"\t"):
        counts = {ln.count(sep) for ln in lines[:-1]}
        if len(counts) == 1 and counts.pop() >= 2:
            return True
    return False


def _job(p: Path) -> Reader:
    """The reader of a file named by hand; an extension storylens does not read is refused by name."""
    found = reader_for(p)
    if found:
        return found
    if p.suffix and p.suffix[1:].isalnum() and len(p.suffix) <= 6:
        raise InputError(display(p), refusal(p, supported()))
    return _sniff(p)


def _read_pipe(path: Path, limits: Limits) -> Iterator[Article | Skipped]:
    """A FIFO named by hand without an extension (``<(curl ...)`` is ``/dev/fd/63``): read once, within the
    limits, and told apart by its first bytes as standard input is (looking ahead would lose them)."""
    data = read_upto(path, limits.max_expanded_bytes + 1)
    if not data.strip():
        raise InputError(display(path), "file is empty")
    return _from_bytes(data, display(path), path.name, limits)


def _plan(paths: list[Path], limits: Limits, result: LoadResult) -> tuple[list[tuple[Path, Reader]], list[InputError]]:
    jobs: list[tuple[Path, Reader]] = []
    refused: list[InputError] = []
    for p in paths:
        try:
            st = os.stat(p)
        except OSError as exc:
            why = "no such file or folder" if not os.path.lexists(p) else f"cannot read ({exc.strerror or exc})"
            raise InputError(display(p), why) from None
        if stat.S_ISDIR(st.st_mode):
            found = walk(p, reader_for, limits)
            result.skipped.extend(found.skipped)
            if not found.files:
                exts = ", ".join("*" + e for e in supported())
                raise NoArticlesError(f"no articles found in {display(p)} (looked for {exts})")
            jobs.extend((f, reader_for(f)) for f in found.files)  # type: ignore[misc]
            continue
        kind = special_kind(st.st_mode)
        if kind and not stat.S_ISFIFO(st.st_mode):
            raise InputError(display(p), f"not a regular file ({kind})")
        try:
            jobs.append((p, _read_pipe if kind and not reader_for(p) else _job(p)))
        except InputError as exc:
            refused.append(exc)
            result.skipped.append(Skipped(exc.path, exc.problem))
    if len(jobs) > limits.max_files:
        raise LimitError("input", over("max_files", limits, f"{len(jobs):,} files"), "max_files")
    return jobs, refused


def load(paths: Iterable[str | Path] | str | Path, *, limits: Limits | None = None,
         max_bytes: int | None = None, progress: Callable[[int, int], None] | None = None,
         story: bool = False) -> LoadResult:
    """Read every article under ``paths`` (files or folders), within ``limits``.

    A missing path is an error; a bad file is skipped and reported in
    ``LoadResult.skipped``, unless it was the only input, in which case its
    error is raised.  Raises NoArticlesError when nothing usable is found.
    ``max_bytes`` is ``limits.max_input_bytes`` (kept for older callers).
    ``progress(1, number_of_files)`` is called after each file is read (for a progress bar).
    ``story``: the articles are one story (a digest): reading stops with a LimitError as soon as they
    go past ``max_story_articles`` or ``max_story_chars`` in all.
    """
    limits = limits or Limits()
    if max_bytes is not None:
        limits = replace(limits, max_input_bytes=max_bytes)
    given = [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    if not given:
        raise NoArticlesError("no input given: name files or folders of articles")
    result = LoadResult()
    jobs, errors = _plan(given, limits, result)
    n_inputs = len(jobs) + len(errors)
    bound = _StoryBound(limits) if story else None
    for path, read in jobs:
        try:
            _take(read(path, limits), result, bound)
        except LimitError as exc:
            if exc.limit in STORY_LIMITS:  # the story, not this file, is over: nothing more is read
                raise
            errors.append(exc)
            result.skipped.append(Skipped(exc.path, exc.problem))
        except InputError as exc:
            errors.append(exc)
            result.skipped.append(Skipped(exc.path, exc.problem))
        if progress:
            progress(1, len(jobs))
    return _finish(result, errors, n_inputs=n_inputs)


class _StoryBound:
    """The articles and characters read so far for one story, against its limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits, self.articles, self.chars = limits, 0, 0

    def add(self, article: Article) -> None:
        self.articles += 1
        self.chars += len(article.text)
        where = display(article.path or article.id)
        if self.articles > self.limits.max_story_articles:
            raise LimitError(where, over("max_story_articles", self.limits,
                                         f"more than {self.limits.max_story_articles:,} articles in one digest"),
                             "max_story_articles")
        if self.chars > self.limits.max_story_chars:
            raise LimitError(where, over("max_story_chars", self.limits,
                                         f"more than {self.limits.max_story_chars:,} characters of text in one "
                                         "digest"), "max_story_chars")


def _take(items: Iterator[Article | Skipped], result: LoadResult, bound: _StoryBound | None = None) -> None:
    """The items of one file into ``result``; a file that goes past a limit is refused whole (and past a
    story limit of ``bound``, reading stops)."""
    arts: list[Article] = []
    skipped: list[Skipped] = []
    try:
        for item in items:
            if isinstance(item, Article):
                arts.append(item)
                if bound is not None:
                    bound.add(item)
            else:
                skipped.append(item)
    except LimitError:
        raise
    except InputError:
        result.skipped.extend(skipped)  # why the lines of a file with no usable one were passed over
        raise
    result.articles.extend(arts)
    result.skipped.extend(skipped)
    for a in arts:
        if a.meta.get("rejected_date"):
            result.notes.append(f"{display(a.path or a.id)}: date {a.meta['rejected_date']!r} ignored "
                                "(not a plausible publication date); the article is kept undated")


def _finish(result: LoadResult, errors: list[InputError], n_inputs: int) -> LoadResult:
    if not result.articles:
        if len(errors) == 1 and n_inputs == 1:
            raise errors[0]
        detail = "; ".join(f"{s.path}: {s.reason}" for s in result.skipped[:3])
        raise NoArticlesError(f"no usable articles in the input ({detail})")
    result.articles = _unique_ids(result.articles)
    return result


def load_stdin(data: bytes, limits: Limits | None = None, *, name: str = "stdin", story: bool = False) -> LoadResult:
    """The articles in bytes read from standard input (``storylens digest -``): JSONL when the first
    line is a JSON object, a feed or an HTML page when it starts with markup, else one text article.
    ``story`` as for :func:`load`."""
    limits = limits or Limits()
    where = f"<{name}>"
    if not data.strip():
        raise InputError(where, "standard input is empty")
    result = LoadResult()
    _take(_from_bytes(data, where, name, limits), result, _StoryBound(limits) if story else None)
    return _finish(result, [], n_inputs=1)


def read_stdin(limits: Limits | None = None, stream: BinaryIO | None = None) -> bytes:
    """Standard input's bytes, read in steps (a buffer the size of the limit is never asked for at once);
    more than ``max_expanded_bytes`` is a LimitError."""
    import sys

    limits = limits or Limits()
    fh = stream if stream is not None else sys.stdin.buffer
    parts: list[bytes] = []
    total = 0
    while chunk := fh.read(1 << 20):
        total += len(chunk)
        if total > limits.max_expanded_bytes:
            raise LimitError("<stdin>", over("max_expanded_bytes", limits, "standard input is larger"),
                             "max_expanded_bytes")
        parts.append(chunk)
    return b"".join(parts)


def _from_bytes(data: bytes, where: str, name: str, limits: Limits) -> Iterator[Article | Skipped]:
    """The items of one input given as bytes, its format told by its first bytes."""
    reader = _reader_for_head(data[:4096], where)
    stream = reader is jsonl.read or reader is warc.read
    limit = "max_expanded_bytes" if stream else "max_input_bytes"
    if len(data) > getattr(limits, limit):
        raise LimitError(where, over(limit, limits, f"{len(data):,} bytes"), limit)
    if reader is jsonl.read:
        return jsonl.read_stream(lambda: bytes_stream(data, where, limits), where, name, limits)
    if reader is warc.read:
        return warc.read_stream(io.BytesIO(data), where, name, limits, size=len(data))
    if looks_binary(data):
        raise InputError(where, "looks like binary data, not text")
    if reader is feeds.read:
        return iter(feeds.parse(data, where, stem=name, limits=limits))
    return (html if reader is html.read else text).read_data(data, where, name, limits)


def _unique_ids(articles: list[Article]) -> list[Article]:
    seen: dict[str, int] = {}
    out = []
    for a in articles:
        n = seen.get(a.id, 0)
        seen[a.id] = n + 1
        out.append(a if n == 0 else replace(a, id=f"{a.id}#{n + 1}"))
    return out


def load_articles(paths: Iterable[str | Path] | str | Path, **kwargs) -> list[Article]:
    """The articles under ``paths``; skipped items and notes are reported as warnings."""
    res = load(paths, **kwargs)
    for s in res.skipped:
        warnings.warn(f"skipped {s.path}: {s.reason}", SkippedInputWarning, stacklevel=2)
    for note in res.notes:
        warnings.warn(note, SkippedInputWarning, stacklevel=2)
    return res.articles


__all__ = ["READERS", "LoadResult", "load", "load_stdin", "read_stdin", "load_articles", "read_input_list", "supported",
           "article_from_text", "article_from_record", "SkippedInputWarning", "StorylensError"]
