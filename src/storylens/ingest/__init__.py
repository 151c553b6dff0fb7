"""Read articles from files and folders.

One module per input kind; ``READERS`` maps a file extension to a reader,
``read(path) -> Iterator[Article | Skipped]``.  A reader raises
:class:`~storylens.errors.InputError` for a file it cannot use at all and
yields :class:`~storylens.models.Skipped` for a bad item inside a good file.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import InputError, NoArticlesError, StorylensError
from ..models import Article, Skipped
from . import feeds, html, jsonl, multinews, text, warc
from .build import article_from_record, article_from_text

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


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for ext in sorted(READERS, key=len, reverse=True):
        if name.endswith(ext):
            return READERS[ext]
    return None


def _sniff(path: Path) -> Reader:
    """For a file named explicitly with an unknown extension: look at its start."""
    try:
        with path.open("rb") as fh:
            head = fh.read(512).lstrip()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    if head.startswith(b"{"):
        return jsonl.read
    if head[:1] == b"<":
        return html.read
    return text.read


def _files(path: Path) -> tuple[list[Path], int, list[Skipped]]:
    """Article files under a folder, sorted; how many other files were ignored; and the article
    files that cannot be read at all (a link to nothing)."""
    found, ignored, broken = [], 0, []
    for p in sorted(path.rglob("*")):
        rel = p.relative_to(path)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if p.is_symlink() and not p.exists():
            if reader_for(p):
                broken.append(Skipped(str(p), "a link to a file that does not exist"))
            continue
        if not p.is_file():
            continue
        if reader_for(p):
            found.append(p)
        else:
            ignored += 1
    return found, ignored, broken


def load(paths: Iterable[str | Path], *, max_bytes: int = 50_000_000) -> LoadResult:
    """Read every article under ``paths`` (files or folders).

    A missing path is an error; a bad file is skipped and reported in
    ``LoadResult.skipped``, unless it was the only input, in which case its
    error is raised.  Raises NoArticlesError when nothing usable is found.
    """
    paths = [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    if not paths:
        raise NoArticlesError("no input given: name files or folders of articles")
    jobs: list[tuple[Path, Reader]] = []
    ignored = 0
    result = LoadResult()
    for p in paths:
        if not p.exists():
            raise InputError(str(p), "no such file or folder")
        if p.is_dir():
            files, n_ignored, broken = _files(p)
            ignored += n_ignored
            result.skipped.extend(broken)
            if not files:
                exts = ", ".join("*" + e for e in sorted(READERS))
                raise NoArticlesError(f"no articles found in {p} (looked for {exts})")
            jobs.extend((f, reader_for(f)) for f in files)
        else:
            jobs.append((p, reader_for(p) or _sniff(p)))
    errors: list[InputError] = []
    for path, read in jobs:
        try:
            for item in read(path, max_bytes=max_bytes):
                (result.articles if isinstance(item, Article) else result.skipped).append(item)
        except InputError as exc:
            errors.append(exc)
            result.skipped.append(Skipped(exc.path, exc.problem))
    if not result.articles:
        if len(errors) == 1 and len(jobs) == 1:
            raise errors[0]
        detail = "; ".join(f"{s.path}: {s.reason}" for s in result.skipped[:3])
        raise NoArticlesError(f"no usable articles in the input ({detail})")
    result.articles = _unique_ids(result.articles)
    return result


def _unique_ids(articles: list[Article]) -> list[Article]:
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for a in articles:
        n = seen.get(a.id, 0)
        seen[a.id] = n + 1
        out.append(a if n == 0 else replace(a, id=f"{a.id}#{n + 1}"))
    return out


def load_articles(paths: Iterable[str | Path] | str | Path, **kwargs) -> list[Article]:
    """The articles under ``paths``; skipped items are reported as warnings."""
    res = load(paths, **kwargs)
    for s in res.skipped:
        warnings.warn(f"skipped {s.path}: {s.reason}", SkippedInputWarning, stacklevel=2)
    return res.articles


__all__ = ["READERS", "LoadResult", "load", "load_articles", "article_from_text", "article_from_record",
           "SkippedInputWarning", "StorylensError"]
