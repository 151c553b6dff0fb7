"""Plain-text articles: an optional URL line and metadata lines, then the text."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..limits import Limits
from ..models import Article, Skipped
from ._decode import decode, read_bytes
from .boundary import display
from .build import article_from_text, has_words

EXTENSIONS = (".txt", ".text", ".md")


def read(path: Path, limits: Limits | None = None) -> Iterator[Article | Skipped]:
    limits = limits or Limits()
    yield from read_data(read_bytes(path, limits), display(path), path.stem, limits)


def read_data(data: bytes, where: str, stem: str, limits: Limits) -> Iterator[Article | Skipped]:
    raw = decode(data, where)
    if "|||||" in raw:
        from . import multinews

        yield from multinews.read_text(raw, where, stem, limits)
        return
    art = article_from_text(raw, id=display(stem), path=where)
    if not has_words(art.text):
        raise InputError(where, "no article text left after removing boilerplate")
    yield art
