"""Where feeds and pages are parsed: reader processes beside the fetching one.

Kept apart from the round so that a reader process imports only the feed and HTML readers (not the
clusterer and its numeric libraries).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Callable

from ..errors import InputError, StorylensError
from ..ingest import feeds as feed_reader
from ..ingest import html as html_reader
from ..ingest._decode import decode
from ..models import Article, Skipped


def read_feed(body: bytes, where: str) -> list[Article | Skipped] | str:
    """A feed's entries, or why it cannot be read (a string: errors travel back from a worker as text)."""
    try:
        return feed_reader.parse(body, where)
    except StorylensError as exc:
        return exc.problem if isinstance(exc, InputError) else str(exc)


def read_page(body: bytes, url: str, aid: str) -> Article | str:
    """A page's article (the HTML reader), or why it has none."""
    try:
        return html_reader.extract(decode(body, url), id=aid, url=url, path=url)
    except StorylensError as exc:
        return exc.problem if isinstance(exc, InputError) else str(exc)


def _watch_parent(parent: int) -> None:
    """In a reader process: exit when the follower is gone (a kill -9 gives it no time to stop its readers,
    and a reader waiting for work would wait for ever)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="storylens-parent-watch").start()


class Readers:
    """Where feeds and pages are parsed: ``workers`` processes beside the fetching one (0: a thread of it).

    Parsing and extraction take most of a round's CPU; in processes they run on the other cores while
    this one fetches and writes to the store.  The pool starts on first use (a round of 304s starts none).
    """

    def __init__(self, workers: int):
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    async def run(self, fn: Callable, *args):
        if not self.workers:
            return await asyncio.to_thread(fn, *args)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_watch_parent, initargs=(os.getpid(),))
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
