"""The long profile's budget: each example is counted as it runs, and past its time a test stops.

benchmarks/fuzz_long.py sets FUZZ_TALLY (a file each example appends ``<test> .`` to, ``<test> F`` when it
fails, so a run cut short still says how many examples ran and whether one failed), FUZZ_SLICE_S (the
seconds each test may run in one process) and FUZZ_DEADLINE (a wall-clock time after which no example
runs).  A test past its time is skipped from there on (Hypothesis stops at a skip), so the process ends.
"""

from __future__ import annotations

import functools
import os
import time

_STARTED: dict[str, float] = {}


def budgeted(fn):
    """``fn`` counted in FUZZ_TALLY and stopped past FUZZ_SLICE_S or FUZZ_DEADLINE (when they are set)."""

    @functools.wraps(fn)
    def run(*args, **kwargs):
        tally = os.environ.get("FUZZ_TALLY")
        if tally:
            _stop_when_past(fn.__name__)
            with open(tally, "a") as fh:
                fh.write(f"{fn.__name__} .\n")
        try:
            return fn(*args, **kwargs)
        except BaseException:
            if tally:
                with open(tally, "a") as fh:
                    fh.write(f"{fn.__name__} F\n")
            raise

    return run


def _stop_when_past(name: str) -> None:
    import pytest

    start = _STARTED.setdefault(name, time.monotonic())
    slice_s, deadline = os.environ.get("FUZZ_SLICE_S"), os.environ.get("FUZZ_DEADLINE")
    if slice_s and time.monotonic() - start > float(slice_s) or deadline and time.time() > float(deadline):
        pytest.skip("the long fuzz profile's time for this test is up")
