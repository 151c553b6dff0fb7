"""The Multi-News line format: one cluster a line, documents separated by '|||||'."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..models import Article, Skipped
from ._decode import decode, read_bytes
from .build import article_from_text, has_words

EXTENSIONS = (".src",)
SEPARATOR = "|||||"


def split_cluster(line: str) -> list[str]:
    """The documents of one Multi-News line (the ``NEWLINE_CHAR`` marker restored)."""
    docs = [d.replace("NEWLINE_CHAR", "\n").strip() for d in line.split(SEPARATOR)]
    return [d for d in docs if d]


def read_text(raw: str, path: Path) -> Iterator[Article | Skipped]:
    for ln, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        docs = split_cluster(line)
        if not docs:
            yield Skipped(f"{path}:{ln}", "no documents on this line")
            continue
        for k, doc in enumerate(docs):
            art = article_from_text(doc, id=f"{path.stem}-{ln}-{k}", path=str(path), meta={"cluster": ln})
            if has_words(art.text):
                yield art
            else:
                yield Skipped(f"{path}:{ln}", f"document {k} has no text")


def read(path: Path, max_bytes: int = 50_000_000) -> Iterator[Article | Skipped]:
    yield from read_text(decode(read_bytes(path, max_bytes), str(path)), path)
