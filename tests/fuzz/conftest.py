"""Hypothesis profiles for the fuzzing suite.

``ci`` (the default) runs in the normal test run: a few thousand examples over the whole suite.  ``long``
is the benchmark's (benchmarks/fuzz_long.py sets HYPOTHESIS_PROFILE=long and FUZZ_EXAMPLES).
Every profile is derandomized from a fixed seed per test, so a run is the same run again.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/inert.py, shared with the catalogue

hypothesis = pytest.importorskip("hypothesis", reason="the fuzzing suite needs hypothesis (test extra)")

from hypothesis import HealthCheck, settings  # noqa: E402

_COMMON = dict(deadline=None, derandomize=True, database=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])
settings.register_profile("ci", max_examples=60, **_COMMON)
settings.register_profile("long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10000")), **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
