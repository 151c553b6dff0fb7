"""The limits of one digest (one story): articles and characters in all, counted while reading."""

from __future__ import annotations

import json

import pytest

from storylens.errors import LimitError
from storylens.ingest import load, load_stdin
from storylens.limits import FLAGS, STORY_LIMITS, Limits

TEXT = "Rescue teams reached the flooded villages near the river on Tuesday."


def _folder(tmp_path, n: int):
    for i in range(n):
        (tmp_path / f"{i:03d}.txt").write_text(f"{TEXT} Report {i}.")
    return tmp_path


def test_the_story_limits_have_flags_and_defaults():
    assert STORY_LIMITS == ("max_story_articles", "max_story_chars")
    assert FLAGS["max_story_articles"] == "--max-story-articles" and FLAGS["max_story_chars"] == "--max-story-chars"
    assert Limits().max_story_articles == 10_000 and Limits().max_story_chars == 10_000_000


def test_a_story_over_its_articles_stops_across_files(tmp_path):
    d = _folder(tmp_path, 6)
    with pytest.raises(LimitError) as err:
        load([d], limits=Limits(max_story_articles=5), story=True)
    assert err.value.limit == "max_story_articles"
    assert str(err.value).endswith("more than 5 articles in one digest: over the limit of 5 articles "
                                   "(max_story_articles; raise it with --max-story-articles)")
    assert "005.txt" in err.value.path  # the file where the story went past it
    assert len(load([d], limits=Limits(max_story_articles=6), story=True).articles) == 6
    # not one story (cluster reads many): the story limits do not apply
    assert len(load([d], limits=Limits(max_story_articles=5)).articles) == 6


def test_a_story_over_its_characters_stops_inside_a_file(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text("".join(json.dumps({"text": f"{TEXT} Report {i}."}) + "\n" for i in range(10)))
    size = len(f"{TEXT} Report 0.")
    with pytest.raises(LimitError) as err:
        load([p], limits=Limits(max_story_chars=3 * size + 1), story=True)
    assert err.value.limit == "max_story_chars" and err.value.path.endswith("a.jsonl:4")
    assert "(max_story_chars; raise it with --max-story-chars)" in str(err.value)
    with pytest.raises(LimitError):
        load_stdin(p.read_bytes(), Limits(max_story_articles=9), story=True)
    assert len(load_stdin(p.read_bytes(), Limits(max_story_articles=10), story=True).articles) == 10
