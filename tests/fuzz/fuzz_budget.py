"""The long profile's budget: each example is counted as it runs, and past its time a test stops.

benchmarks/fuzz_long.py sets FUZZ_TALLY (a file each example appends ``<test> .`` to, ``<test> F`` when it
fails, so a run cut short still says how many examples ran and whether one failed), FUZZ_DEADLINE (a
wall-clock time after which no example runs) and FUZZ_TESTS (how many tests share the time to it).  A
test past its time is skipped from there on (Hypothesis stops at a skip), so the process ends on time.
"""

from __future__ import annotations

import functools
import os
import time

_STARTED: dict[str, float] = {}  # test -> the monotonic time its examples stop


def budgeted(fn):
    """``fn`` counted in FUZZ_TALLY and stopped once its time is up (when FUZZ_TALLY is set)."""

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
    """Skip (and so end) test ``name`` once its time is up: FUZZ_SLICE_S from its first example, or, with
    FUZZ_TESTS (how many tests the process runs), an equal share of the time left to FUZZ_DEADLINE when it
    starts, so that the process's start-up and a test that ends early leave their time to the others."""
    import pytest

    deadline = float(os.environ.get("FUZZ_DEADLINE") or "inf")
    if name not in _STARTED:
        left = int(os.environ.get("FUZZ_TESTS") or "0") - len(_STARTED)
        share = (deadline - time.time()) / left if left > 0 else float(os.environ.get("FUZZ_SLICE_S") or "inf")
        _STARTED[name] = time.monotonic() + share
    if time.monotonic() > _STARTED[name] or time.time() > deadline:
        pytest.skip("the long fuzz profile's time for this test is up")
