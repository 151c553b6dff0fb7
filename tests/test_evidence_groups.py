"""Same-quantity groups across sources: what joins two articles' figures and what keeps them apart."""

from __future__ import annotations

from storylens.evidence.facts import story_facts
from storylens.models import Article


def _multi(*texts: str, dates: tuple[str | None, ...] | None = None):
    arts = [Article(id=f"a{k}", text=t, published=(dates or ("1998-11-20",) * len(texts))[k])
            for k, t in enumerate(texts)]
    _, groups = story_facts(arts)
    return [g for g in groups if len({c.article_id for c in g.claims}) > 1]


def test_one_fact_retold_in_other_words_is_one_group_and_an_unrelated_figure_is_not():
    (g,) = _multi("Rescuers pulled 40 families from the flooded village of Dorn on Sunday, officials said.",
                  "Rescuers pulled 40 households from the flooded village of Dorn on Sunday, officials said.",
                  "The army put up 40 tents near the capital.")
    assert {c.article_id for c in g.claims} == {"a0", "a1"} and g.status == "agree"


def test_an_additional_count_never_joins_a_total_of_the_same_value():
    groups = _multi("A total of 187 have been arrested since May, the party said.",
                    "The government has detained another 187 members of the party, bringing the total to 702.")
    assert not any({c.qualifier for c in g.claims} >= {"an additional", ""} for g in groups)


def test_a_shared_word_stem_or_a_shared_unit_word_alone_does_not_make_one_quantity():
    assert _multi("The group said two armed Tamil groups run the camps.",
                  "The government blocked two small arms deals to Indonesia.") == []
    assert _multi("Pilots had 1,000 miles of visibility that night.",
                  "The fire burned across 1,000 square miles of forest.") == []


def test_the_same_distance_in_two_reports_is_one_group():
    (g,) = _multi("The farm lies 370 miles northeast of Rio de Janeiro.",
                  "Police said the farm, 370 miles northeast of Rio, was stormed.")
    assert all("distance" in c.what for c in g.claims)


def test_a_figure_told_beside_a_shared_one_is_the_same_quantity_and_one_farther_off_is_not():
    groups = _multi("Overall, obesity increased from 12 percent in 1991 to 17.9 percent last year, the CDC said. "
                    "Officials said that 50 percent of the budget went to research.",
                    "Figures show that 17.9 percent of Americans are obese. In 1991 the proportion was 12 percent. "
                    "The agency wants its funding raised by 50 percent, because prevention is cheaper.")
    values = sorted(c.value for g in groups for c in g.claims)
    assert values == [12, 12, 17.9, 17.9]


def test_participants_and_people_are_one_counted_thing():
    (g,) = _multi("The data came from telephone surveys of more than 100,000 participants.",
                  "The study is based on a large survey of more than 100,000 people.")
    assert {c.value for c in g.claims} == {100_000}
