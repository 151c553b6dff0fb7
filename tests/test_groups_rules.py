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


def test_a_past_event_s_count_is_no_point_of_a_running_toll():
    arts = [Article(id="a0", text="The fault's worst quake, in 1939, which killed 20,000 people, has since been "
                    "studied.", published="1999-08-17"),
            Article(id="a1", text="The quake has killed 30,000 people so far, officials said.", published="1999-08-20")]
    _, groups = story_facts(arts)
    assert not any(len({c.article_id for c in g.claims}) > 1 for g in groups)
    # a running toll since a past year is one
    arts = [Article(id="a0", text="The fighting has killed 50,000 people since 1983.", published="1999-08-17"),
            Article(id="a1", text="The fighting has killed 52,000 people since 1983.", published="1999-09-20")]
    _, groups = story_facts(arts)
    assert [g.status for g in groups if len(g.claims) > 1] == ["updated"]


def test_distances_in_different_directions_are_two_quantities():
    groups = _multi("The epicenter was 110 kilometers southeast of Istanbul.",
                    "The epicenter was 110 kilometers southeast of Istanbul, officials said.",
                    "The second tremor hit 110 kilometers west of Istanbul.")
    (g,) = groups
    assert {c.article_id for c in g.claims} == {"a0", "a1"}
