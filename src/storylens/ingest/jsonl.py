"""JSON Lines: one article a line (``text`` + metadata), or one cluster a line
(``documents``: a list of texts, as in the benchmark files).

Read as a stream, gzip or not: the lines are counted first (a file over
``max_records`` stops before any line is parsed), then parsed one at a time,
so memory grows with the articles kept, not with the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterator

from ..errors import InputError, LimitError
from ..limits import Limits, over
from ..models import Article, Skipped
from ._decode import Stream, count_lines, stream_opener
from .boundary import clean_value, display
from .build import article_from_record, article_from_text, has_words
from .depth import json_depth

EXTENSIONS = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def read(path: Path, limits: Limits | None = None) -> Iterator[Article | Skipped]:
    limits = limits or Limits()
    yield from read_stream(stream_opener(path, limits), display(path), path.name, limits)


def _stem(name: str) -> str:
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return Path(name).stem


def read_stream(open_: Callable[[], Stream], where: str, name: str, limits: Limits) -> Iterator[Article | Skipped]:
    """The articles of a JSONL stream (``open_`` is called twice: to count its lines, then to read them)."""
    with open_() as stream:
        count_lines(stream)
    stem = display(_stem(name))
    found = False
    with open_() as stream:
        for ln, raw in stream.lines():
            line = raw.decode("utf-8", errors="replace")
            if not line.strip():
                continue
            for item in _records(line, f"{where}:{ln}", f"{stem}-{ln}", where, limits):
                found = found or isinstance(item, Article)
                yield item
        if stream.truncated:
            yield Skipped(where, "gzip file truncated (it ends inside a compressed block); the lines before were read")
    if not found:
        raise InputError(where, "no article with text in this JSONL file")


def _records(line: str, where: str, default_id: str, path: str, limits: Limits) -> Iterator[Article | Skipped]:
    if json_depth(line) > limits.max_depth:
        yield Skipped(where, over("max_depth", limits, "JSON nested deeper"))
        return
    try:
        rec = clean_value(json.loads(line))
    except json.JSONDecodeError as exc:
        yield Skipped(where, f"not valid JSON ({exc.msg})")
        return
    if isinstance(rec, dict) and isinstance(rec.get("documents"), list):
        cid = str(rec.get("id", default_id))
        for k, doc in enumerate(rec["documents"]):
            if isinstance(doc, str) and doc.strip():
                art = article_from_text(doc, id=f"{cid}/{k}", path=path, meta={"cluster": cid})
                if has_words(art.text):
                    yield art
                    continue
            yield Skipped(f"{where}#{k}", "document has no text")
        return
    try:
        yield article_from_record(rec, default_id=default_id, path=where)
    except LimitError:
        raise
    except InputError as exc:
        yield Skipped(where, exc.problem)
