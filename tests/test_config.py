"""The options: one table of allowed values, checked at construction; every default once."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from storylens.config import DEFAULT_WORDS, METHODS, OPTIONS_CONSTRAINTS, Options
from storylens.constraints import Flag, Interval, OneOf, check, check_all
from storylens.errors import ConfigError
from storylens.limits import Limits


@pytest.mark.parametrize("changes,message", [
    ({"max_words": 0}, "max_words must be an integer from 1 to 100000, got 0"),
    ({"max_words": True}, "max_words must be an integer from 1 to 100000, got True"),
    ({"max_words": 2.5}, "max_words must be an integer"),
    ({"support_threshold": 0}, "support_threshold must be a number in (0.0, 1.0], got 0"),
    ({"support_threshold": 1.5}, "support_threshold must be a number in (0.0, 1.0], got 1.5"),
    ({"min_sentence_words": 9, "max_sentence_words": 8}, "max_sentence_words must be an integer from 9 to 10000"),
    ({"method": "bert"}, "unknown method 'bert'; choose one of: centroid, coverage, scored, storylens"),
    ({"use_spacy": "yes"}, "use_spacy must be True, False or None, got 'yes'"),
    ({"extract_facts": None}, "extract_facts must be True or False, got None"),
    ({"limits": {"max_records": 3}}, "limits must be a Limits"),
    ({"max_input_bytes": 0}, "max_input_bytes must be an integer from 1 to"),
])
def test_a_bad_value_raises_at_construction_naming_the_value_and_the_allowed_ones(changes, message):
    with pytest.raises(ConfigError) as exc:
        Options(**changes)
    assert message in str(exc.value)


def test_every_field_has_a_constraint_and_options_are_keyword_only():
    names = {f.name for f in dataclasses.fields(Options)}
    assert names == set(OPTIONS_CONSTRAINTS)
    with pytest.raises(TypeError):
        Options(100)  # type: ignore[misc]


def test_limits_are_a_nested_section_and_max_input_bytes_still_works():
    assert Options().limits == Limits()
    o = Options(limits=Limits(max_records=10), max_input_bytes=1234)
    assert o.limits.max_records == 10 and o.limits.max_input_bytes == 1234 and o.max_input_bytes == 1234
    again = o.with_(max_words=90)
    assert again.max_words == 90 and again.limits == o.limits
    with pytest.raises(ConfigError, match="max_words"):
        o.with_(max_words=-1)


def test_the_methods_table_matches_the_summarizer_registry():
    from storylens.summarizers import available_methods

    assert set(available_methods()) == set(METHODS)
    assert Options().max_words == DEFAULT_WORDS


def test_config_imports_no_stage():
    code = ("import sys, storylens.config; "
            "bad = [m for m in sys.modules if m.startswith('storylens.') and m.split('.')[1] in "
            "('summarizers', 'evidence', 'ingest', 'stories', 'report', 'pipeline', 'text')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_shared_constraints_for_other_options_classes():
    check("threshold", 0.3, Interval(float, 0.0, 1.0))
    with pytest.raises(ConfigError, match=r"threshold must be a number in \[0.0, 1.0\], got 2"):
        check("threshold", 2, Interval(float, 0.0, 1.0))
    with pytest.raises(ConfigError, match="window_days must be an integer in \\[0, inf\\], got -1"):
        check("window_days", -1, Interval(int, 0))
    with pytest.raises(ConfigError, match="unknown mode 'x'; choose one of: stream, archive"):
        check("mode", "x", OneOf(("stream", "archive")))

    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Two:
        lo: int = 1
        hi: int = 5
        on: bool = True

        def __post_init__(self):
            check_all(self, {"lo": Interval(int, 0, 100), "hi": Interval(int, "lo", 100), "on": Flag()})

    assert Two(lo=3, hi=3).hi == 3
    with pytest.raises(ConfigError, match="hi must be an integer from 4 to 100, got 3"):
        Two(lo=4, hi=3)
