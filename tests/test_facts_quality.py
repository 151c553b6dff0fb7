"""A floor under the evidence's quality: figures, quote speakers and dates against the hand-checked annotations
of benchmarks/facts_gold.json (the bundled example always; the DUC 2007 stories when ../shared/data holds them).
The floors are pinned in benchmarks/floors.json (sections facts_example and facts_annotated)."""

from __future__ import annotations

from collections import Counter

import pytest


@pytest.fixture(scope="module")
def facts(bench_script):
    """``{story id: score counts}`` with the rule-based entities (the benchmark's default)."""
    import json

    facts_eval = bench_script("facts_eval")
    gold = json.loads(facts_eval.GOLD.read_text(encoding="utf-8"))
    counts = {}
    for story in gold["stories"]:
        arts, _why = facts_eval.load_story(story)
        if arts is not None:
            counts[story["id"]] = facts_eval.score(story, arts, facts_eval.system_output(arts, False)[1])
    return counts


def _rates(c: Counter) -> dict[str, float]:
    return {"figures_precision": c["fig_match"] / c["fig_sys"], "figures_recall": c["fig_match"] / c["fig_gold"],
            "speaker_precision": c["q_correct"] / c["q_attributed"], "dates": c["d_correct"] / c["d_gold"],
            "quotes_missed": c["q_missed"], "named_speakers_found": c["q_named_found"]}


def test_the_bundled_example_keeps_its_figures_speakers_and_dates(facts, floors):
    c = facts["aleppo-2016"]
    assert (c["fig_gold"], c["q_gold"], c["d_gold"]) == (54, 41, 59)  # the annotations are all there
    floors.check("facts_example", _rates(c))


def test_all_annotated_stories_stay_above_their_measured_floor(facts, floors):
    if len(facts) == 1:
        pytest.skip("../shared/data/duc2007_update.jsonl not found: only the bundled example was scored")
    floors.check("facts_annotated", _rates(sum(facts.values(), Counter())))
