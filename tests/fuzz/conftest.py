"""Hypothesis profiles for the fuzzing suite.

``ci`` (the default) runs in the normal test run: a few thousand examples over the whole suite.  ``long``
is the benchmark's (benchmarks/fuzz_long.py sets HYPOTHESIS_PROFILE=long and FUZZ_EXAMPLES).
Every profile is derandomized from a fixed seed per test, so a run is the same run again.
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
    settings.register_profile("long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10000")), **common)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


try:
    import hypothesis
except ImportError:  # the no-extras run: test_fuzz.py skips itself with the reason
    hypothesis = None

if hypothesis is not None:
    _register(hypothesis.settings, hypothesis.HealthCheck)

