"""The long profile's budget: examples past a deadline do nothing, and each example is counted as it runs."""

from __future__ import annotations

import functools
import os
import time


def budgeted(fn):
    """For the long profile (benchmarks/fuzz_long.py): past FUZZ_DEADLINE an example does nothing, and each
    example that runs adds "." to the file FUZZ_TALLY ("F" when it fails), so a run cut at its time limit
    still says how many examples ran and whether one failed."""

    @functools.wraps(fn)
    def run(*args, **kwargs):
        deadline, tally = os.environ.get("FUZZ_DEADLINE"), os.environ.get("FUZZ_TALLY")
        if deadline and time.time() > float(deadline):
            return None
        if not tally:
            return fn(*args, **kwargs)
        with open(tally, "a") as fh:
            fh.write(".")
        try:
            return fn(*args, **kwargs)
        except BaseException:
            with open(tally, "a") as fh:
                fh.write("F")
            raise

    return run
