"""JSON Lines: one article a line (``text`` + metadata), or one cluster a line
(``documents``: a list of texts, as in the benchmark files)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..models import Article, Skipped
from .build import article_from_record, article_from_text, has_words

EXTENSIONS = (".jsonl", ".ndjson", ".jsonl.gz")


def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
            yield from fh
    except (OSError, EOFError) as exc:
        raise InputError(str(path), f"cannot read ({exc})") from None


def read(path: Path, max_bytes: int = 50_000_000) -> Iterator[Article | Skipped]:
    found = False
    for ln, line in enumerate(_lines(path), 1):
        if not line.strip():
            continue
        where = f"{path}:{ln}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"not valid JSON ({exc.msg})")
            continue
        if isinstance(rec, dict) and isinstance(rec.get("documents"), list):
            cid = str(rec.get("id", f"{path.stem}-{ln}"))
            for k, doc in enumerate(rec["documents"]):
                if isinstance(doc, str) and doc.strip():
                    art = article_from_text(doc, id=f"{cid}/{k}", path=str(path), meta={"cluster": cid})
                    if has_words(art.text):
                        found = True
                        yield art
                        continue
                yield Skipped(f"{where}#{k}", "document has no text")
            continue
        try:
            art = article_from_record(rec, default_id=f"{path.stem}-{ln}", path=where)
        except InputError as exc:
            yield Skipped(where, exc.problem)
            continue
        found = True
        yield art
    if not found:
        raise InputError(str(path), "no article with text in this JSONL file")
