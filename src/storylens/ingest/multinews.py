"""The Multi-News line format: one cluster a line, documents separated by '|||||'."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import LimitError
from ..limits import Limits, over
from ..models import Article, Skipped
from ._decode import decode, read_bytes
from .boundary import display
from .build import article_from_text, has_words

EXTENSIONS = (".src",)
SEPARATOR = "|||||"


def split_cluster(line: str) -> list[str]:
    """The documents of one Multi-News line (the ``NEWLINE_CHAR`` marker restored)."""
    docs = [d.replace("NEWLINE_CHAR", "\n").strip() for d in line.split(SEPARATOR)]
    return [d for d in docs if d]


def read_text(raw: str, where: str, stem: str, limits: Limits) -> Iterator[Article | Skipped]:
    lines = raw.splitlines()
    if len(lines) > limits.max_records:
        raise LimitError(where, over("max_records", limits, f"{len(lines):,} lines"), "max_records")
    stem = display(stem)
    for ln, line in enumerate(lines, 1):
        if not line.strip():
            continue
        docs = split_cluster(line)
        if not docs:
            yield Skipped(f"{where}:{ln}", "no documents on this line")
            continue
        for k, doc in enumerate(docs):
            art = article_from_text(doc, id=f"{stem}-{ln}-{k}", path=where, meta={"cluster": ln})
            if has_words(art.text):
                yield art
            else:
                yield Skipped(f"{where}:{ln}", f"document {k} has no text")


def read(path: Path, limits: Limits | None = None) -> Iterator[Article | Skipped]:
    limits = limits or Limits()
    yield from read_text(decode(read_bytes(path, limits), display(path)), display(path), path.stem, limits)
