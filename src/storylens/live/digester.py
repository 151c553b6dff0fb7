"""The digests of the stories a round changes: made once the articles are committed, by a process of its own.

A story's digest costs tens of milliseconds of CPU, more than fetching, parsing and clustering its
articles together; made by the follow process after each batch it would hold the interpreter lock that
the fetching needs, and a story that grows in several batches would be digested at each.  So the round
commits its batches without digests (``StoryIndex(digests=False)``) and pokes a digester: one process
with a store connection of its own that runs :meth:`Store.refresh_digests` over everything changed since
the last complete pass, pass after pass while batches keep coming, and once more after the last one.
A story changed during a pass is digested again by the next pass only (so at most once per pass, not
once per batch).  Readers keep the previous digest, marked not current, until the new one is written.

The store records how far digests are complete (``refresh_digests``' ``digests_through``): a round
killed before its digester finished leaves those stories to the next round's first pass, or, where the
next round commits nothing, to :meth:`Digester.finish`, which then digests them in this process.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from ..errors import StorylensError
from .readers import _watch_parent

if TYPE_CHECKING:
    from ..stories.store import Store

# the digester process's store connection, opened when the process starts (_start)
_CHILD: list["Store"] = []


def _start(location: str, parent: int) -> None:
    from ..stories.store import open_store

    _watch_parent(parent)
    _CHILD.append(open_store(location, create=False))


def _refresh() -> int | str:
    """In the digester process: one pass; the digests written, or why the pass failed."""
    try:
        return _CHILD[0].refresh_digests([])
    except StorylensError as exc:  # said by message: not every error type pickles back
        return str(exc)


class Digester:
    """``poke()`` after each committed batch, ``await finish()`` at the end of the round.

    ``process`` False: no process; every changed story is digested once, at ``finish()``, in this one.
    """

    def __init__(self, location: str, store: "Store", *, process: bool = True):
        self.location = location
        self.store = store
        self.process = process
        self.written = 0
        self.problem: str | None = None  # why a pass failed (the next round makes what it left)
        self._pool: ProcessPoolExecutor | None = None
        self._wake = asyncio.Event()
        self._closing = False
        self._task: asyncio.Task[None] | None = None

    def poke(self) -> None:
        """Batches were committed: a pass will digest what they changed."""
        if not self.process:
            return
        if self._task is None:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_start,
                                             initargs=(self.location, os.getpid()))
            self._task = asyncio.create_task(self._passes())
        self._wake.set()

    async def _passes(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await self._wake.wait()
            self._wake.clear()
            try:
                got = await loop.run_in_executor(self._pool, _refresh)
            except BrokenProcessPool:
                self.problem = "the digester process stopped; the next round makes the digests it left"
                return
            if isinstance(got, str):
                self.problem = got
                return
            self.written += got
            if self._closing and not self._wake.is_set():
                return

    async def finish(self) -> int:
        """Every story changed so far has its digest (unless a pass failed: see ``problem``); how many were
        written in this round."""
        if self._task is not None:
            self._closing = True
            self._wake.set()  # one more pass: it starts after the last batch committed
            await self._task
        else:  # nothing committed in this round: what an interrupted earlier one left, here
            self.written += await asyncio.to_thread(self.store.refresh_digests, [])
        return self.written

    def close(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
