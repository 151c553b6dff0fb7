"""benchmarks/evidence_reading.py: the reading aid for unannotated stories never reads a blind topic."""

from __future__ import annotations

import pytest


def test_the_reading_script_refuses_the_blind_topics(bench_script):
    reading = bench_script("evidence_reading")
    with pytest.raises(SystemExit, match="blind half"):
        reading.stories(["D0704A", "D0703A"], False, 1)
    assert not set(reading.ALLOWED_MAIN + reading.ALLOWED_UPDATE) & reading.BLIND


def test_the_topic_of_a_record_id(bench_script):
    reading = bench_script("evidence_reading")
    assert reading.topic_of("duc2007update-D0711C-A") == "D0711C"
    assert reading.topic_of("duc2007main-D0704A") == "D0704A"
    assert reading.topic_of("multinews-17") == ""
