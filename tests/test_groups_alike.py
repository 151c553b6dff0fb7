"""Same-quantity groups: one thing named alike in two reports, told with a little different value."""

from __future__ import annotations

from storylens.evidence.facts import story_facts
from storylens.models import Article


def _multi(*texts: str, dates: tuple[str, ...] | None = None):
    arts = [Article(id=f"a{k}", text=t, published=(dates or ("1999-07-18",) * len(texts))[k])
            for k, t in enumerate(texts)]
    _, groups = story_facts(arts)
    return [g for g in groups if len({c.article_id for c in g.claims}) > 1]


def test_one_place_named_alike_a_mile_apart_is_one_quantity_that_differs():
    (g,) = _multi("Divers found the wreckage 17 miles west of Martha's Vineyard, officials said.",
                  "The debris lay about 18 miles west of Martha's Vineyard, the Coast Guard said.")
    assert g.status == "differ" and sorted(c.value for c in g.claims) == [17, 18]


def test_a_running_count_of_named_groups_told_again_later_differs():
    (g,) = _multi("A total of 15 anti-government ethnic armed groups have made peace with the government.",
                  "Up to now, 17 anti-government ethnic armed groups have made peace with the government.",
                  dates=("1998-01-15", "1999-05-01"))
    assert g.status == "differ" and sorted(c.value for c in g.claims) == [15, 17]


def test_small_counts_far_values_and_other_days_stay_apart():
    # a five-story and a six-story building are two buildings
    assert _multi("A five-story apartment building collapsed in Golcuk.",
                  "A six-story apartment building collapsed in Izmit.") == []
    # 30 per cent apart is another count
    assert _multi("Workers counted 40 anti-government ethnic armed groups in the hills.",
                  "Workers counted 55 anti-government ethnic armed groups in the hills.") == []
    # surrendered in two different months: two counts
    assert _multi("At least 20 members of various armed groups surrendered in December 1997.",
                  "A total of 22 members of various armed groups surrendered in March 1999.") == []


def test_one_word_things_shares_and_money_stay_apart():
    assert _multi("In all, 98 participants took the test.", "In all, 100 participants took the test.") == []
    assert _multi("More than 50 percent of Americans are overweight, the study said.",
                  "Nearly 55 percent of Americans are overweight, a dietitian said.") == []
    assert _multi("The storm cut Australia's gross domestic product by $3.7 billion.",
                  "The storm cut Australia's gross domestic product by $4.4 billion.") == []


def test_a_figure_of_the_same_value_keeps_its_group():
    (g,) = _multi("The center's report counted 474 hate groups across the country.",
                  "The center's report counted 537 hate groups across the country, up from 474 hate groups.")
    assert {c.value for c in g.claims} == {474} and g.status == "agree"


def test_one_distance_in_two_units_where_one_report_names_only_what_happened_there():
    (g,) = _multi("The plane went down about 11 kilometers southwest of Martha's Vineyard.",
                  "Divers searched the sea 7 miles off where it crashed.")
    assert g.status == "agree" and {c.value for c in g.claims} == {11, 7}
    # two things named, none in common: two distances
    assert _multi("The plane went down 11 kilometers southwest of Martha's Vineyard.",
                  "The ferry sailed 7 miles from the harbor at Woods Hole.") == []


def test_a_running_toll_in_undated_reports_is_one_quantity_that_differs():
    arts = [Article(id="a0", text="At least two people have been killed by the bushfires, officials said."),
            Article(id="a1", text="The bushfires have killed seven people so far, the premier said.")]
    _, groups = story_facts(arts)
    (g,) = [g for g in groups if len({c.article_id for c in g.claims}) > 1]
    assert g.status == "differ" and sorted(c.value for c in g.claims) == [2, 7]
    # a toll told once, of one day, is no running total: it stays apart from another report's
    arts = [Article(id="a0", text="Two people were killed when a tree fell on their car."),
            Article(id="a1", text="The bushfires have killed seven people so far, the premier said.")]
    _, groups = story_facts(arts)
    assert not [g for g in groups if len({c.article_id for c in g.claims}) > 1]
