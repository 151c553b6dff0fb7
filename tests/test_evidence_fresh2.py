"""The second fresh blind evidence set (benchmarks/evidence_gold/fresh2.json, English SemEval web news): the gold
is well formed and is the seeded draw; with the data, every annotation finds its anchor in the text storylens
reads and every annotated item is counted by the scorer. Nothing here scores the set: the items are counted
against an empty digest (only the lead scores it, with benchmarks/evidence_eval.py --half fresh2)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "evidence_gold" / "fresh2.json"
KINDS = {"count", "money", "percent", "measure", "range", "rate"}
COUNTS = {"stories": 30, "articles": 60, "quotes": 70, "named": 63, "figures": 107, "groups": 10}


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scorer(bench_script):
    return bench_script("evidence_eval")


def _docs(gold):
    return [d for s in gold["stories"] for d in s["docs"]]


def test_every_story_is_a_semeval_pair_of_annotated_articles(gold):
    assert gold["half"] == "fresh2" and gold["stories_drawn"] == len(gold["stories"]) == COUNTS["stories"]
    for s in gold["stories"]:
        assert s["source"] == "semeval8_train_articles.jsonl"
        assert [d["doc"] for d in s["docs"]] == list(range(len(s["docs"]))) and 2 <= len(s["docs"]) <= 4
        assert s["id"] == "_".join(d["doc_id"] for d in s["docs"][:2]) and all(d["annotated"] for d in s["docs"])
    ids = [d["doc_id"] for d in _docs(gold)]
    assert len(ids) == len(set(ids)) == COUNTS["articles"]


def test_every_annotation_is_a_well_formed_span_in_text_order(gold):
    for d in _docs(gold):
        assert d["times"] == []  # undated web news: dates are not scored on this set
        for key in ("quotes", "figures"):
            starts = [x["start"] for x in d[key]]
            assert starts == sorted(starts), (d["doc_id"], key)
            for x in d[key]:
                assert 0 <= x["start"] < x["end"] <= d["chars"] and x["anchor"], (d["doc_id"], x)
        for q in d["quotes"]:
            assert q["speaker"] is None or (isinstance(q["speaker"], str) and q["speaker"].strip())
            assert q["end"] - q["start"] >= 10  # three words or more
        for f in d["figures"]:
            assert f["end"] - f["start"] == len(f["anchor"]) and f["kind"] in KINDS
            assert isinstance(f["value"], float) and f["heads"] and all(h.strip() for h in f["heads"])
            assert (f["kind"] == "range") == ("high" in f) and f.get("high", f["value"]) >= f["value"]
            assert (f["kind"] == "rate") == ("per" in f)
            assert f["kind"] != "money" or f["unit"] in ("USD", "EUR", "GBP")


def test_the_set_holds_its_counts(gold):
    docs = _docs(gold)
    quotes = [q for d in docs for q in d["quotes"]]
    assert (len(quotes), sum(bool(q["speaker"]) for q in quotes)) == (COUNTS["quotes"], COUNTS["named"])
    assert sum(len(d["figures"]) for d in docs) == COUNTS["figures"]


def test_the_scorer_keeps_fresh2_blind_and_reads_it_from_semeval(scorer, bench_script):
    assert "fresh2" in scorer.NAMED and "fresh2" not in scorer.HALVES and "fresh2" not in scorer.DEVELOPMENT
    assert scorer.SOURCES["fresh2"] == "semeval8_train_articles.jsonl"
    assert scorer.load_gold("fresh2")["half"] == "fresh2"
    with pytest.raises(SystemExit) as exc:  # evidence_errors.py lists misses of development sets only
        bench_script("evidence_errors").main(["--half", "fresh2"])
    assert exc.value.code == 2


@pytest.fixture(scope="module")
def records(data_dir, bench_script):
    for name in ("semeval8_train_articles.jsonl", "semeval8_train_pairs.jsonl"):
        if not (data_dir / name).exists():
            pytest.skip(f"{data_dir / name} not found")
    return bench_script("evidence_fresh2").load_records(data_dir / "semeval8_train_articles.jsonl")


def test_the_set_is_the_seeded_draw_in_draw_order(records, gold, bench_script):
    # the draw reads the cleaned texts' word counts (the cleaner of e2f15f8 and its working tree agree on it)
    drawn = bench_script("evidence_fresh2").select(records)
    assert [(p["story"], p["docs"]) for p in drawn["set"]] == [
        (s["id"], [d["doc_id"] for d in s["docs"]]) for s in gold["stories"]]
    assert sum(len(p["docs"]) for p in drawn["set"]) == COUNTS["articles"] and len(drawn["reserve"]) == 12


def test_every_annotated_item_is_found_and_counted_by_the_scorer(records, gold, scorer):
    """Through the scorer's own loaders: each anchor is where the gold says in the cleaned, undated text, and
    against an empty digest every quotation, figure and spanning group is counted (none found)."""
    clusters = scorer.load_clusters("fresh2")
    c: Counter = Counter()
    empty = SimpleNamespace(quotes=[], facts=[])
    for story in gold["stories"]:
        arts = scorer.load_articles(story, clusters)
        for d, a in zip(story["docs"], arts, strict=True):
            assert a.id == f"{story['id']}/{d['doc']}" and a.published is None
            for x in d["quotes"] + d["figures"]:
                s, _ = scorer.relocate(a.text, x)
                assert s >= 0 and a.text[s:s + len(x["anchor"])].lower() == x["anchor"].lower(), (d["doc_id"], x)
            scorer.score_quotes(d, a.text, a.id, empty, c)
            scorer.score_figures(d, a.text, a.id, empty, c)
        scorer.score_groups(story, empty, {}, c)
    assert (c["q_gold"], c["q_gold_named"], c["f_gold"], c["g_gold"]) == (
        COUNTS["quotes"], COUNTS["named"], COUNTS["figures"], COUNTS["groups"])
    assert c["q_found"] == c["f_gold_right"] == c["g_found"] == c["q_sys"] == c["f_sys"] == 0
