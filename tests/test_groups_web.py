"""Same-quantity groups on web news: one quantity told in the words different reports use for it."""

from __future__ import annotations

from storylens.evidence.facts import story_facts
from storylens.models import Article


def _multi(*texts: str):
    arts = [Article(id=f"a{k}", text=t, published=None) for k, t in enumerate(texts)]
    _, groups = story_facts(arts)
    return [g for g in groups if len({c.article_id for c in g.claims}) > 1]


def test_nautical_miles_and_miles_are_one_distance():
    (g,) = _multi("The warship Mysore was 13 nautical miles away from the merchant vessel Gibe.",
                  "The warship Mysore, some 13 miles away from the merchant vessel, answered the call.")
    assert {c.value for c in g.claims} == {13}


def test_a_boxer_s_kos_are_his_knockouts():
    (g,) = _multi("Klitschko (52-3, 46 KOs) won again.", "Klitschko (52-3, 46 knockouts) kept his title.")
    assert {c.value for c in g.claims} == {46}
    # a different count of the same value stays apart
    assert _multi("Klitschko (52-3, 46 KOs) won again.", "The arena held 46 reporters.") == []


def test_two_kinds_of_people_no_event_joins_are_two_counts():
    assert _multi("Larson joined two female co - workers behind the locked door.",
                  "A woman and two men, ages 47 and 48, sat in the lobby.") == []
    # the same kind told again is one count, and "people" may be any kind
    (g,) = _multi("Two female co - workers hid in the office.", "The two female co - workers hid in a closet.")
    assert {c.value for c in g.claims} == {2}
    (g,) = _multi("Three people sat in the lobby.", "Three co - workers sat in the lobby of the firm.")
    assert {c.value for c in g.claims} == {3}


def test_times_a_man_was_hit_are_not_the_shots_fired():
    assert _multi("The officers fired 11 rounds at the teenager.", "The teenager was shot 11 times by police.") == []


def test_a_decimal_reading_with_and_without_its_percent_sign():
    (g,) = _multi("LaSalle had a blood alcohol level of 0.41 percent.", "His blood-alcohol level was .41.")
    assert {c.value for c in g.claims} == {0.41}
    # a count and a share of one value stay apart
    assert _multi("Prices rose 4 percent in the city.", "The city has 4 mayors.") == []


def test_counts_of_different_things_told_alike_stay_apart():
    # one arms cache retold: each item keeps its own count, though the sentences retell one fact
    groups = _multi("The navy seized seven AK-47 rifles, three machine guns and a grenade launcher from the boats.",
                    "The navy seized seven AK-47 rifles, three outboard motors and a grenade launcher from the boats.")
    assert [{c.what for c in g.claims} for g in groups] == [{"AK-47 rifles"}]
    assert _multi("Smith faces two counts of first degree murder.", "Smith killed two women in 1967.") == []


def test_a_figure_that_only_stands_near_a_shared_one_is_not_its_retelling():
    assert _multi("Police sources told the News that Gray had four prior arrests, including charges of larceny.",
                  "A revolver loaded with four bullets was reportedly recovered from the scene.") == []


def test_a_toll_and_a_count_of_one_value_are_one_quantity():
    (g,) = _multi("The gunman killed 12 people at the school.", "The death toll rose to 12 on Tuesday, police said.")
    assert {c.value for c in g.claims} == {12}
    assert {c.what for c in g.claims} == {"people killed"}  # the toll's, not the words around it
    # the toll of the killed is not a count of the injured
    assert _multi("Twelve people were injured at the school.", "The death toll rose to 12 on Tuesday.") == []


def test_one_measure_in_the_names_reports_give_its_unit_and_dimension():
    (g,) = _multi("The quake struck at a depth of 10 km, the survey said.",
                  "The quake was 10 kilometres deep, the survey said.")
    assert {c.value for c in g.claims} == {10}
    # two units of one value are two measures, whatever they measure
    assert _multi("The boat was 30 metres long.", "The boat, 30 feet long, sank.") == []


def test_the_words_reports_use_for_one_kind_of_thing_count_it_once():
    (g,) = _multi("The blaze destroyed 30 homes in the valley.", "Thirty houses were destroyed by the fire.")
    assert {c.value for c in g.claims} == {30}
    (g,) = _multi("About 200 firefighters battled the blaze.", "More than 200 firemen fought the fire.")
    assert {c.value for c in g.claims} == {200}
