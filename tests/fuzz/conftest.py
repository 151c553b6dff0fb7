"""Hypothesis profiles for the fuzzing suite.

``ci`` (the default) runs in the normal test run: a few thousand examples over the whole suite.  ``long``
is the benchmark's (benchmarks/fuzz_long.py sets HYPOTHESIS_PROFILE=long and FUZZ_EXAMPLES).
``ci`` is derandomized from a fixed seed per test, ``long`` takes its seed from the command line: either
way a run is the same run again.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/inert.py, shared with the catalogue


def _register(settings, HealthCheck) -> None:
    common = dict(deadline=None, derandomize=True, database=None, print_blob=True,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                         HealthCheck.function_scoped_fixture])
    settings.register_profile("ci", max_examples=50, **common)
    # the long profile's examples come from the seed it is given (pytest --hypothesis-seed=N, one per shard
    # of benchmarks/fuzz_long.py): the same seed is the same run again, another seed other examples
    settings.register_profile("long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10000")),
                              **{**common, "derandomize": False})
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


try:
    import hypothesis
except ImportError:  # the no-extras run: test_fuzz.py skips itself with the reason
    hypothesis = None

if hypothesis is not None:
    _register(hypothesis.settings, hypothesis.HealthCheck)

