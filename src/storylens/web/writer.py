"""The app's one writer, in a process of its own.

Dedup, clustering and the digests of the changed stories are seconds of CPU
work; in the server's process they would hold the interpreter lock and stall
every reader (a static file as much as a story page).  So the writer runs
:class:`~storylens.stories.store.index.StoryIndex` (the path ``storylens
cluster --store`` takes) in one long-lived child process with its own store
connection; the store's own transactions keep the two processes consistent.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Sequence

from ..errors import StorylensError
from ..models import Article
from ..stories.store import open_store
from ..stories.store.index import IndexResult, StoryIndex

# the child's StoryIndex: one per writer process, made when the process starts (_start)
_CHILD: list[StoryIndex] = []


def _start(location: str) -> None:
    _CHILD.append(StoryIndex(open_store(location, create=False)))


def _add(articles: list[Article]) -> IndexResult | str:
    try:
        return _CHILD[0].add(articles)
    except StorylensError as exc:  # said by message: not every error type pickles back
        return str(exc)


def _refresh(story_ids: list[str]) -> int | str:
    try:
        return _CHILD[0].store.refresh_digests(story_ids)
    except StorylensError as exc:
        return str(exc)


class WriterProcess:
    """``add(articles)`` and ``refresh(story_ids)``, run one at a time in the writer process."""

    def __init__(self, location: str):
        self.location = location
        self._pool: ProcessPoolExecutor | None = None

    def _run(self, fn, arg):
        if self._pool is None:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_start,
                                             initargs=(self.location,))
        try:
            out = self._pool.submit(fn, arg).result()
        except BrokenProcessPool:
            self._pool = None  # the next write starts a new writer, which reloads its state from the store
            raise StorylensError("the writer process stopped (nothing of this write is half-kept); try again") \
                from None
        if isinstance(out, str):
            raise StorylensError(out)
        return out

    def add(self, articles: Sequence[Article]) -> IndexResult:
        return self._run(_add, list(articles))

    def refresh(self, story_ids: Sequence[str]) -> int:
        return self._run(_refresh, list(story_ids))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
