"""The fourth web development set (benchmarks/evidence_gold/webdev4.json, English SemEval single articles with
money or percentages): its articles are the seeded draw of benchmarks/evidence_webdev4.py over webdev3's single
articles that webdev3 did not annotate, each with two money or percent expressions or more, and the scorer's
figures stay above their floors (key ``evidence_webdev4``). Skips when ../shared/data is absent."""

from __future__ import annotations

import json

import pytest

METRICS = ("quotes_right_speaker", "resolved_speakers_right", "quotes_found", "quote_precision", "bad_speakers",
           "figures_precision", "figures_recall", "citation_precision")


@pytest.fixture(scope="module")
def webdev4(bench_script):
    material = bench_script("semeval_material")
    if not material.DATA.exists() or not material.PAIRS.exists():
        pytest.skip(f"{material.DATA} or {material.PAIRS.name} not found (see ../shared/data/README.md)")
    mod = bench_script("evidence_webdev4")
    safe = material.safe_articles()
    return mod, json.loads(mod.GOLD.read_text(encoding="utf-8")), safe, mod.select(safe)


def test_the_money_pattern_finds_signs_and_percent_words():
    import re

    pattern = re.compile(r"[$£€]\s?\d|\d\s?%|\bper\s?cent\b", re.I)
    hits = pattern.findall("It cost $5, then £ 3 and €2bn; 12% or 4 per cent or 9 percent, not 5 cents or US$.")
    assert len(hits) == 6


def test_the_draw_is_safe_single_articles_outside_webdev3_with_money_or_percentages(webdev4, bench_script):
    mod, _, safe, draw = webdev4
    assert mod.MONEY_PCT.pattern == r"[$£€]\s?\d|\d\s?%|\bper\s?cent\b"
    ids = [p["docs"][0] for p in draw["set"] + draw["reserve"]]
    fresh2 = bench_script("evidence_fresh2")
    hidden = mod.semeval_material.hidden_articles(fresh2.load_records())
    in_story = {i for docs in mod.semeval_material.stories(safe).values() for i in docs}
    assert len(ids) == len(set(ids)) and set(ids) <= set(safe) and not set(ids) & (hidden | in_story)
    assert not set(ids) & mod.annotated_webdev3() and len(mod.annotated_webdev3()) >= 80
    lo, hi = mod.WORDS
    texts = {i: mod.evidence_fresh.cleaned(safe[i]).text for i in ids}
    assert all(lo <= len(t.split()) <= hi and len(mod.MONEY_PCT.findall(t)) >= mod.MIN_HITS for t in texts.values())
    assert sorted(ids) == sorted(i for i in mod.evidence_webdev3.draw_singles(safe, mod.semeval_material.stories(safe))
                                 if i not in mod.annotated_webdev3()
                                 and len(mod.MONEY_PCT.findall(mod.evidence_fresh.cleaned(safe[i]).text)) >= 2)
    assert mod.select(safe) == draw  # seeded: the same draw again


def test_the_gold_is_the_draw_in_order_and_mostly_money_and_percentages(webdev4):
    mod, gold, _, draw = webdev4
    picks = (draw["set"] + draw["reserve"])[:len(gold["stories"])]
    assert [s["id"] for s in gold["stories"]] == [p["event"] for p in picks] and len(picks) >= 20
    figures = [f for s in gold["stories"] for d in s["docs"] for f in d["figures"]]
    money_or_share = [f for f in figures if f["kind"] in ("money", "percent") or f["unit"] in ("INR", "BRL")]
    assert len(figures) >= 120 and len(money_or_share) >= 0.7 * len(figures)
    assert all(1 <= len(f["heads"]) <= 4 for f in figures)  # few accepted heads (fresh2's practice)


def test_the_scorer_counts_every_annotated_item_and_the_figures_hold_their_floors(webdev4, bench_script, floors):
    _, gold, _, _ = webdev4
    result = bench_script("evidence_eval").evaluate(["webdev4"])
    assert "skipped" not in result, result.get("skipped")
    counts = result["webdev4"]["counts"]
    docs = [d for s in gold["stories"] for d in s["docs"]]
    assert counts["q_gold"] == sum(len(d["quotes"]) for d in docs) >= 10
    assert counts["f_gold"] == sum(len(d["figures"]) for d in docs) >= 120
    floors.check("evidence_webdev4", {m: result["webdev4"][m] for m in METRICS})
