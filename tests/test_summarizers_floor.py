"""The trained scorer's floor (``LinearScored.min_score``): what it predicts to be off the story is not used."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from storylens.summarizers import methods
from storylens.summarizers.methods import LinearScored, load_min_score, mmr_select
from storylens.summarizers.pool import SentencePool

DOCS = [
    "Floods hit the river town of Dunmore on Monday after three days of heavy rain.\n"
    "Rescue teams evacuated 300 residents from the lower streets of the town overnight.\n"
    "Click here to share this story with your friends.",
    "Forecasters expect more rain in the region later this week, officials said on Tuesday.\n"
    "Insurers estimate the damage to homes and shops at several million pounds.",
]
# a scorer of one feature: the value is 0.5 + 0.1 x the sentence's inverse position (1, 1/2, 1/3 ...)
WEIGHTS = {"bias": 0.5, "pos_inv": 0.1}


def _values(pool: SentencePool) -> np.ndarray:
    return LinearScored(weights=WEIGHTS).predict(pool, WEIGHTS)


def test_candidates_below_the_floor_are_left_out_of_the_ranking():
    pool = SentencePool.build(DOCS)
    z = _values(pool)
    floor = float(np.sort(z)[len(z) // 2])  # half the candidates below it
    plain = list(LinearScored(weights=WEIGHTS).rank(pool))
    cut = list(LinearScored(weights=WEIGHTS, min_score=floor).rank(pool))
    assert cut == [i for i in plain if z[i] >= floor]
    assert 0 < len(cut) < len(plain)
    # the order among the kept ones is MMR's on the scaled values, as without the floor
    assert plain == mmr_select(LinearScored(weights=WEIGHTS).scores(pool), pool.similarity, lam=0.7,
                               max_sim=0.35)


def test_the_best_candidate_is_kept_whatever_the_floor():
    pool = SentencePool.build(DOCS)
    ranked = list(LinearScored(weights=WEIGHTS, min_score=10.0).rank(pool))
    assert ranked == list(LinearScored(weights=WEIGHTS).rank(pool))[:1]
    summary = LinearScored(weights=WEIGHTS, min_score=10.0).summarize_pool(pool, 100)
    assert len(summary.sentences) == 1


def test_own_weights_have_no_floor_unless_given_and_the_shipped_ones_have_theirs():
    assert LinearScored(weights=WEIGHTS).floor() == -np.inf
    assert LinearScored(weights=WEIGHTS, min_score=0.3).floor() == 0.3
    doc = json.loads(resources.files("storylens").joinpath("data", "scorer.json").read_text(encoding="utf-8"))
    load_min_score.cache_clear()
    assert LinearScored().floor() == load_min_score() == doc["min_score"]
    assert 0.0 < doc["min_score"] < 1.0  # in the units of the labels: predicted ROUGE precision


def test_without_a_shipped_floor_nothing_is_cut(monkeypatch):
    pool = SentencePool.build(DOCS)
    monkeypatch.setattr(methods, "load_min_score", lambda name="scorer.json": -np.inf)
    shipped = methods.load_weights()
    assert shipped is not None
    assert list(LinearScored().rank(pool)) == list(LinearScored(weights=shipped).rank(pool))


@pytest.mark.parametrize("floor", [0.0, 0.55])
def test_the_summary_keeps_to_the_budget_with_a_floor(floor):
    pool = SentencePool.build(DOCS)
    summary = LinearScored(weights=WEIGHTS, min_score=floor).summarize_pool(pool, 40)
    assert 0 < sum(len(s.text.split()) for s in summary.sentences) <= 40


def test_the_floor_applies_to_articles_in_english_only():
    from dataclasses import replace

    from storylens.models import Article

    english = [Article(id=f"a{k}", title="", text=t, lang="en") for k, t in enumerate(DOCS)]
    german = [replace(a, lang="de") for a in english]  # the same words: only the language differs
    floor = 10.0
    cut = list(LinearScored(weights=WEIGHTS, min_score=floor).rank(SentencePool.build(english)))
    kept = list(LinearScored(weights=WEIGHTS, min_score=floor).rank(SentencePool.build(german)))
    assert len(cut) == 1
    assert kept == list(LinearScored(weights=WEIGHTS).rank(SentencePool.build(german)))
    # without a language the articles' own words tell: these are English
    assert list(LinearScored(weights=WEIGHTS, min_score=floor).rank(SentencePool.build(DOCS))) == cut
