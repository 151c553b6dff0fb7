"""The third web development set (benchmarks/evidence_gold/webdev3.json, English SemEval articles outside fresh2
and everything linked to it): its articles are the seeded draw of benchmarks/evidence_webdev3.py over
``semeval_material.stories()``, taken whole in the draw's order, and the scorer's figures stay above their
floors (key ``evidence_webdev3``). Skips when ../shared/data is absent."""

from __future__ import annotations

import json

import pytest

METRICS = ("quotes_right_speaker", "resolved_speakers_right", "quotes_found", "quote_precision", "bad_speakers",
           "figures_precision", "figures_recall", "groups_recall", "false_groups", "citation_precision")


@pytest.fixture(scope="module")
def webdev3(bench_script):
    material = bench_script("semeval_material")
    if not material.DATA.exists() or not material.PAIRS.exists():
        pytest.skip(f"{material.DATA} or {material.PAIRS.name} not found (see ../shared/data/README.md)")
    mod = bench_script("evidence_webdev3")
    safe = material.safe_articles()
    return mod, json.loads(mod.GOLD.read_text(encoding="utf-8")), safe, mod.select(safe)


def test_the_draw_is_whole_safe_stories_the_ones_in_fresh2s_band_first(webdev3, bench_script):
    mod, _, safe, draw = webdev3
    picks = draw["set"] + draw["reserve"]
    fresh2 = bench_script("evidence_fresh2")
    hidden = mod.semeval_material.hidden_articles(fresh2.load_records())
    assert {i for p in fresh2.select(fresh2.load_records())["set"] for i in p["docs"]} <= hidden
    docs = [doc for p in picks for doc in p["docs"]]
    assert len(docs) == len(set(docs)) and set(docs) <= set(safe) and not set(docs) & hidden
    assert {p["event"]: p["docs"] for p in picks} == mod.semeval_material.stories(safe)  # every story, whole
    bands = [p["in_band"] for p in picks]
    assert bands == sorted(bands, reverse=True) and bands.count(True) == 12
    words = {i: len(mod.evidence_fresh.cleaned(safe[i]).text.split()) for i in docs}
    assert all((min(words[i] for i in p["docs"]) >= mod.MIN_WORDS) == p["in_band"] for p in picks)
    size = sum(len(p["docs"]) for p in draw["set"])
    assert size >= mod.TARGET > size - len(draw["set"][-1]["docs"])
    assert mod.select(safe) == draw  # seeded: the same draw again


def test_the_single_articles_are_safe_in_no_story_and_in_their_band(webdev3, bench_script):
    mod, _, safe, draw = webdev3
    singles = draw["singles"] + draw["singles_reserve"]
    fresh2 = bench_script("evidence_fresh2")
    hidden = mod.semeval_material.hidden_articles(fresh2.load_records())
    ids = [p["docs"][0] for p in singles]
    assert all(p["docs"] == [p["event"]] for p in singles) and len(draw["singles"]) == mod.N_SINGLES
    in_story = {i for p in draw["set"] + draw["reserve"] for i in p["docs"]}
    assert len(ids) == len(set(ids)) and set(ids) <= set(safe) and not set(ids) & (hidden | in_story)
    lo, hi = mod.SINGLE_WORDS
    assert all(lo <= len(mod.evidence_fresh.cleaned(safe[i]).text.split()) <= hi for i in ids)
    assert sorted(ids) == [i for i in sorted(safe) if i not in in_story
                           and lo <= len(mod.evidence_fresh.cleaned(safe[i]).text.split()) <= hi]


def test_the_gold_is_the_draw_taken_whole_in_order(webdev3):
    mod, gold, _, draw = webdev3
    picks = mod.picks(draw)[:len(gold["stories"])]
    assert [s["id"] for s in gold["stories"]] == [p["event"] for p in picks]
    assert all([d["doc_id"] for d in s["docs"]] == p["docs"] for s, p in zip(gold["stories"], picks))
    assert len(gold["stories"]) >= 61 and all(s["source"] == "semeval8_train_articles.jsonl" for s in gold["stories"])


def test_the_scorer_counts_every_annotated_item_and_the_figures_hold_their_floors(webdev3, bench_script, floors):
    _, gold, _, _ = webdev3
    result = bench_script("evidence_eval").evaluate(["webdev3"])
    assert "skipped" not in result, result.get("skipped")
    counts = result["webdev3"]["counts"]
    docs = [d for s in gold["stories"] for d in s["docs"]]
    assert counts["q_gold"] == sum(len(d["quotes"]) for d in docs) >= 45
    assert counts["f_gold"] == sum(len(d["figures"]) for d in docs) >= 97
    spans: dict[tuple[str, str], set[int]] = {}  # (story, group) -> the articles holding it
    for s in gold["stories"]:
        for d in s["docs"]:
            for f in d["figures"]:
                if f.get("group"):
                    spans.setdefault((s["id"], f["group"]), set()).add(d["doc"])
    assert counts["g_gold"] == sum(len(docs) >= 2 for docs in spans.values()) >= 5
    floors.check("evidence_webdev3", {m: result["webdev3"][m] for m in METRICS})
