"""Plain-text articles: an optional URL line and metadata lines, then the text."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..models import Article, Skipped
from ._decode import decode, read_bytes
from .build import article_from_text, has_words

EXTENSIONS = (".txt", ".text", ".md")


def read(path: Path, max_bytes: int = 50_000_000) -> Iterator[Article | Skipped]:
    raw = decode(read_bytes(path, max_bytes), str(path))
    if "|||||" in raw:
        from . import multinews

        yield from multinews.read_text(raw, path)
        return
    art = article_from_text(raw, id=path.stem, path=str(path))
    if not has_words(art.text):
        raise InputError(str(path), "no article text left after removing boilerplate")
    yield art
