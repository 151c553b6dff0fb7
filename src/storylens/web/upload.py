"""Uploaded files and JSONL bodies -> articles, through the CLI's own readers.

Each upload is written under its own (cleaned) name to a private temporary
folder and read by :func:`storylens.ingest.load`, so an upload reads exactly
as ``storylens cluster FILE`` would (same ids, same cleaning).  A file that
cannot be read, or a bad line inside one, is reported per item with its
reason and the rest is kept.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

from ..errors import StorylensError
from ..ingest import READERS, load, reader_for
from ..models import Article

MAX_FILES = 1000


@dataclass
class Upload:
    articles: list[Article] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)


def clean_name(name: str, index: int) -> str:
    """A safe file name for an upload: its base name, with characters outside [A-Za-z0-9._-] replaced."""
    base = os.path.basename((name or "").replace("\\", "/")).strip() or f"upload-{index}.txt"
    base = re.sub(r"[^A-Za-z0-9._-]", "_", base).lstrip(".")[:120] or f"upload-{index}.txt"
    return base


def read_uploads(files: Sequence[tuple[str, bytes]]) -> Upload:
    """``(file name, content)`` pairs -> the articles in them and the items skipped, with reasons."""
    if not files:
        raise StorylensError("no files uploaded (send one or more files in the CLI's formats)")
    if len(files) > MAX_FILES:
        raise StorylensError(f"{len(files)} files in one upload; the limit is {MAX_FILES}")
    out = Upload()
    with tempfile.TemporaryDirectory(prefix="storylens-upload-") as tmp:
        names: dict[str, str] = {}  # path on disk -> the name the user gave
        paths: list[Path] = []
        for i, (name, content) in enumerate(files):
            safe = clean_name(name, i)
            if reader_for(Path(safe)) is None:
                exts = ", ".join(sorted(READERS))
                out.skipped.append({"item": name or safe, "reason": f"not a known article format (use one of: {exts})"})
                continue
            path = Path(tmp) / f"{i:04d}" / safe
            path.parent.mkdir()
            path.write_bytes(content)
            names[str(path)] = name or safe
            paths.append(path)
        for path in paths:  # one by one: a file that fails entirely is one skipped item, not the whole upload
            try:
                res = load([path])
            except StorylensError as exc:
                out.skipped.append({"item": names[str(path)], "reason": _reason(str(exc), str(path))})
                continue
            given = names[str(path)]
            out.articles += [replace(a, path=_relabel(a.path, str(path), given)) for a in res.articles]
            out.skipped += [{"item": _relabel(s.path, str(path), given), "reason": _reason(s.reason, str(path))}
                            for s in res.skipped]
    return out


def _relabel(where: str, path: str, name: str) -> str:
    """A location inside the temporary folder as the user named it ("feed.jsonl:3")."""
    return name + where[len(path):] if where.startswith(path) else where


def _reason(message: str, path: str) -> str:
    return message.replace(path + ": ", "").replace(path, os.path.basename(path))
