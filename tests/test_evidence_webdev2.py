"""The second web development set (benchmarks/evidence_gold/webdev2.json, ECB+ articles outside webdev's draw):
its articles are the seeded draw of benchmarks/evidence_webdev2.py, taken whole in the draw's order, and the
scorer's figures stay above their floors (key ``evidence_webdev2``). Skips when ../shared/data is absent."""

from __future__ import annotations

import json

import pytest

METRICS = ("quotes_right_speaker", "resolved_speakers_right", "quotes_found", "quote_precision", "bad_speakers",
           "figures_precision", "figures_recall", "groups_recall", "false_groups", "citation_precision")


@pytest.fixture(scope="module")
def webdev2(bench_script):
    fresh = bench_script("evidence_fresh")
    if not fresh.DATA.exists():
        pytest.skip(f"{fresh.DATA} not found (see ../shared/data/README.md)")
    mod = bench_script("evidence_webdev2")
    records = fresh.load_records()
    return mod, json.loads(mod.GOLD.read_text(encoding="utf-8")), records, mod.select(records)


def test_the_draw_is_outside_webdev_and_the_fresh_set_with_the_new_events_first(webdev2, bench_script):
    mod, _, records, draw = webdev2
    picks = draw["set"] + draw["reserve"]
    webdev = bench_script("evidence_webdev").select(records)
    used = {doc for p in webdev["set"] + webdev["reserve"] for doc in p["docs"]}
    docs = [doc for p in picks for doc in p["docs"]]
    assert len(docs) == len(set(docs)) and not set(docs) & used
    assert not {p["event"] for p in picks} & mod.web_material.fresh_events()
    assert all(records[doc]["cluster"] == p["event"] for p in picks for doc in p["docs"])
    covers = [p["webdev_covers"] for p in picks]
    assert covers == sorted(covers) and covers.count(False) == 6  # the events webdev lacks, first
    assert all(2 <= len(p["docs"]) <= mod.PER_EVENT and p["docs"] == sorted(p["docs"]) for p in picks)
    assert sum(len(p["docs"]) for p in draw["set"]) - len(draw["set"][-1]["docs"]) < mod.TARGET
    assert sum(len(p["docs"]) for p in draw["set"]) >= mod.TARGET
    assert mod.select(records) == draw  # seeded: the same draw again


def test_the_gold_is_the_draw_taken_whole_in_order(webdev2):
    _, gold, _, draw = webdev2
    picks = (draw["set"] + draw["reserve"])[:len(gold["stories"])]
    assert [s["id"] for s in gold["stories"]] == [p["event"] for p in picks]
    assert all([d["doc_id"] for d in s["docs"]] == p["docs"] for s, p in zip(gold["stories"], picks))
    assert len(gold["stories"]) >= len(draw["set"])


def test_the_scorer_counts_every_annotated_item_and_the_figures_hold_their_floors(webdev2, bench_script, floors):
    _, gold, _, _ = webdev2
    result = bench_script("evidence_eval").evaluate(["webdev2"])
    assert "skipped" not in result, result.get("skipped")
    counts = result["webdev2"]["counts"]
    docs = [d for s in gold["stories"] for d in s["docs"]]
    assert counts["q_gold"] == sum(len(d["quotes"]) for d in docs) >= 140
    assert counts["f_gold"] == sum(len(d["figures"]) for d in docs) >= 220
    floors.check("evidence_webdev2", {m: result["webdev2"][m] for m in METRICS})
