"""The one progress bar of the command line: on stderr, only when stderr is a terminal, never under -q.

    with progress(total=len(files), desc="reading", unit="file") as bar:
        for f in files:
            ...
            bar.update(1)

The bar stays on screen when the work ends (it is not erased); off a terminal, or under ``-q``,
``bar`` is a stand-in whose ``update`` does nothing, so callers never test for it.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator


class NoBar:
    """What ``progress`` yields when no bar is shown."""

    total: int | None = None

    def update(self, n: int = 1) -> None:
        pass

    def set_description(self, desc: str) -> None:
        pass


def shown() -> bool:
    """Whether a bar would be drawn now: stderr is a terminal and -q was not given."""
    from . import verbosity

    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty()) and verbosity() >= 0


@contextmanager
def progress(total: int | None, desc: str, unit: str = "item") -> Iterator:
    """A tqdm bar over ``total`` units (None: a counter), left on screen at the end."""
    if not shown():
        yield NoBar()
        return
    from tqdm import tqdm

    bar = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, leave=True, dynamic_ncols=True)
    try:
        yield bar
    finally:
        bar.close()


def load_with_progress(paths, **kwargs):
    """``storylens.ingest.load(paths, **kwargs)`` with a "reading" bar over the files."""
    from .. import ingest

    with progress(None, "reading", unit="file") as bar:
        def done(n: int, total: int) -> None:
            if bar.total != total:
                bar.total = total
            bar.update(n)

        return ingest.load(paths, progress=done, **kwargs)
