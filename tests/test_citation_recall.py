"""Citation recall and precision on web news against the hand list benchmarks/citation_gold/web.json (40
summary sentences of ECB+ web_material and English SemEval material stories, a development sample): the
figures hold their floors (key ``citation_recall_web``), and every listed sentence is where the list says, so
the hand judgements point at the text they were made on.  Skips when ../shared/data is absent."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def cr(bench_script):
    mod = bench_script("citation_recall")
    if not mod.available():
        pytest.skip("the ECB+ or SemEval-2022 data is absent (see ../shared/data/README.md)")
    return mod


def test_the_web_citations_hold_their_floors(cr, floors):
    got = cr.score()
    assert got["sentences"] == cr.DRAW_WEB + cr.DRAW_SEMEVAL and got["not_candidates"] == 0
    floors.check("citation_recall_web", {"recall": got["citation_recall"], "precision": got["citation_precision"]})


def test_every_listed_sentence_is_at_its_offsets_and_no_source_is_its_own(cr):
    gold = json.loads(cr.GOLD.read_text(encoding="utf-8"))["sentences"]
    stories = {which: dict(cr.stories(which)) for which in ("web", "semeval")}
    for g in gold:
        articles = {a.id: a for a in stories[g["set"]][g["story"]]}
        text = articles[g["article"]].text[g["start"]:g["end"]]
        assert " ".join(text.split()[:4]) == g["key"]
        named = g["full"] + g["part"] + g["differ"]
        assert len(set(named)) == len(named) and g["article"] not in named and set(named) <= articles.keys()
