"""The fresh blind evidence set (benchmarks/evidence_gold/fresh.json, ECB+): the gold file is well formed and
the scorer reads it as the protocol says, without the data; with the data, the seeded draw reproduces and every
annotation still finds its anchor in the text storylens reads. Nothing here scores the set (only the annotator
and the lead do, with benchmarks/evidence_eval.py --half fresh)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "evidence_gold" / "fresh.json"
KINDS = {"count", "money", "percent", "measure", "range", "rate"}


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scorer(bench_script):
    return bench_script("evidence_eval")


def _docs(gold):
    return [d for s in gold["stories"] for d in s["docs"]]


def test_the_set_is_the_drawn_events_in_draw_order_four_articles_each(gold):
    sel = gold["selection"]
    drawn = sel["events"] + sel["reserve"][:sel["reserve_added"]]
    assert [s["id"] for s in gold["stories"]] == drawn
    assert len(sel["events"]) == 8 and len({s["topic"] for s in gold["stories"]}) == len(drawn)
    for s in gold["stories"]:
        assert s["source"] == "ecbplus_dev_docs.jsonl" and s["id"].startswith(f"{s['topic']}_")
        assert [d["doc"] for d in s["docs"]] == [0, 1, 2, 3]
        assert all(d["doc_id"].startswith(f"{s['topic']}_") and d["annotated"] for d in s["docs"])
        assert len({d["doc_id"] for d in s["docs"]}) == 4


def test_every_annotation_is_a_well_formed_span_in_text_order(gold):
    for d in _docs(gold):
        assert d["times"] == []  # no publication dates on ECB+: dates are not scored on this set
        for key in ("quotes", "figures"):
            starts = [x["start"] for x in d[key]]
            assert starts == sorted(starts), (d["doc_id"], key)
            for x in d[key]:
                assert 0 <= x["start"] < x["end"] <= d["chars"] and x["anchor"], (d["doc_id"], x)
                assert len(x["anchor"]) <= x["end"] - x["start"]
        for q in d["quotes"]:
            assert q["speaker"] is None or (isinstance(q["speaker"], str) and q["speaker"].strip())
            assert q["end"] - q["start"] >= 10  # three words or more
        for f in d["figures"]:
            assert f["end"] - f["start"] == len(f["anchor"]) and f["kind"] in KINDS
            assert isinstance(f["value"], float) and f["heads"] and all(h.strip() for h in f["heads"])
            assert (f["kind"] == "range") == ("high" in f) and f.get("high", f["value"]) >= f["value"]
            assert f["kind"] != "money" or f["unit"] in ("USD", "EUR", "GBP")


def test_the_set_holds_its_counts(gold):
    docs = _docs(gold)
    c = Counter(q=sum(len(d["quotes"]) for d in docs), f=sum(len(d["figures"]) for d in docs),
                named=sum(bool(q["speaker"]) for d in docs for q in d["quotes"]))
    assert (len(gold["stories"]), len(docs), c["q"], c["f"]) == (21, 84, 277, 323)
    assert c["named"] / c["q"] > 0.85  # most quotations name their speaker


def test_the_scorer_counts_the_gold_groups_that_span_two_articles(gold, scorer):
    c: Counter = Counter()
    spanning = 0
    for story in gold["stories"]:
        scorer.score_groups(story, SimpleNamespace(facts=[]), {}, c)
        arts: dict[str, set[int]] = {}
        for d in story["docs"]:
            for f in d["figures"]:
                if f.get("group"):
                    arts.setdefault(f["group"], set()).add(d["doc"])
        spanning += sum(len(v) >= 2 for v in arts.values())
    assert c["g_gold"] == spanning == 57 and c["g_found"] == 0 and c["g_sys"] == 0


def test_the_scorer_keeps_the_fresh_set_out_of_all_and_reads_it_from_ecbplus(scorer):
    assert "fresh" not in scorer.HALVES and scorer.SOURCES["fresh"] == "ecbplus_dev_docs.jsonl"
    assert scorer.load_gold("fresh")["half"] == "fresh"


def test_a_story_place_is_a_bad_speaker_only_in_its_story(scorer):
    assert scorer.bad_speaker("Banstead", frozenset({"banstead"}))
    assert not scorer.bad_speaker("Banstead") and not scorer.bad_speaker("Peter Guest", frozenset({"banstead"}))


def test_the_table_leaves_out_rows_no_half_annotates(scorer):
    rates = scorer.rates(Counter(q_gold=4, q_right=3, q_found=4, f_gold=2, f_gold_right=1))
    text = scorer.table({"fresh": rates})
    assert "| quotations found with the right speaker | 0.750 (3/4) |" in text
    assert "dates right" not in text and "citation recall" not in text


@pytest.fixture(scope="module")
def records(data_dir, bench_script):
    path = data_dir / "ecbplus_dev_docs.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    return bench_script("evidence_fresh").load_records(path)


def test_the_seeded_draw_reproduces_the_set(records, gold, bench_script):
    # the draw reads the cleaned texts' word counts (pinned at the cleaner of 10d4294)
    drawn = bench_script("evidence_fresh").select(records)
    got = [(s["event"], s["docs"]) for s in drawn["set"] + drawn["reserve"]][:len(gold["stories"])]
    assert got == [(s["id"], [d["doc_id"] for d in s["docs"]]) for s in gold["stories"]]


def test_every_anchor_is_found_in_the_text_storylens_reads(records, gold, bench_script, scorer):
    fresh = bench_script("evidence_fresh")
    for story in gold["stories"]:
        for d, a in zip(story["docs"], fresh.story_articles(story, records)):
            assert a.id == f"{story['id']}/{d['doc']}"
            for x in d["quotes"] + d["figures"]:
                s, e = scorer.relocate(a.text, x)
                assert s >= 0 and a.text[s:s + len(x["anchor"])].lower() == x["anchor"].lower(), (d["doc_id"], x)
