"""Same-quantity groups: rules of news writing that keep different quantities apart (invented stories)."""

from __future__ import annotations

from storylens.evidence.facts import story_facts
from storylens.models import Article


def _multi(*texts: str):
    arts = [Article(id=f"a{k}", text=t, published="2003-05-14") for k, t in enumerate(texts)]
    _, groups = story_facts(arts)
    return [g for g in groups if len({c.article_id for c in g.claims}) > 1]


def test_a_vague_count_joins_a_figure_of_its_order_only_in_a_toll():
    # no toll: "thousands of others" and "3,197 people" are two quantities
    assert _multi("The regime jailed thousands of others in the north.",
                  "The census counted 3,197 people in the village.") == []
    # a toll: "thousands were killed" and "4,100 were killed" may be one count, reported loosely
    (g,) = _multi("The floods killed thousands of people in the delta on Monday.",
                  "The floods killed 4,100 people in the delta on Monday.")
    assert {c.value for c in g.claims} == {1000, 4100}


def test_an_amount_a_thing_is_worth_counts_that_thing_and_joins_its_retelling():
    (g,) = _multi("The merger is worth $3.4 billion, the firms said.", "The $3.4 billion merger was approved.")
    assert all("merger" in c.what for c in g.claims)
