"""Figures on web news: text as a tokeniser leaves it ("38 - year - old", "3: 45 p. m.") and the kinds of
number web reports carry that count nothing (clock times, calibres, addresses, ages, pronouns)."""

from __future__ import annotations

from storylens.evidence.facts import extract_claims
from storylens.models import Article
from storylens.prepare import prepare_document


def _claims(text: str):
    return [c for c, _ in extract_claims(prepare_document(Article(id="t", text=text, published=None)))]


def _read(text: str) -> list[tuple[float, str]]:
    return [(c.value, c.what) for c in _claims(text)]


def test_a_tokenised_hyphen_is_a_hyphen():
    # ages and durations in a hyphenated modifier count nothing, written apart or not
    assert _read("A 38 - year - old man signed an 8 - year deal with his 12 - gauge shotgun.") == []
    # a measure in a hyphenated modifier is a figure, its counted thing what it modifies
    (c,) = _claims("Police began a 30 - mile pursuit.")
    assert c.value == 30 and c.what.startswith("mile pursuit") and c.text == "30 - mile"
    (c,) = _claims("The 170, 000 - square - foot building houses a firm.")
    assert c.value == 170000 and c.what.startswith("square foot building")
    # a range, written apart: one figure, not two
    (c,) = _claims("The offices of a 40 - to 50 - employee company were closed.")
    assert (c.value, c.high) == (40, 50)
    (c,) = _claims("Prices rose 3 - 4 percent in the city.")
    assert (c.value, c.high, c.unit) == (3, 4, "%")


def test_a_number_after_a_tokenised_hyphen_is_part_of_a_name():
    assert _read("Traffic stopped on the I - 75 corridor. They found an AK - 47 rifle.") == []


def test_clock_times_as_web_text_writes_them():
    text = ("He bought the gun around 3: 45 p. m. on Friday. The fire was reported at 06: 00 BST. By 6. 30am "
            "it was out. The ship was attacked about 1100 hrs IST. The call came at 1100 hours.")
    assert _read(text) == []
    # four digits that could be a clock's are a count before anything else
    assert _read("The plant employs 1100 workers.") == [(1100, "workers")]


def test_calibres_are_no_figures():
    assert _read("He pointed a .38 caliber revolver and a 9mm pistol at them.") == []


def test_an_address_with_an_ordinal_street_is_no_figure():
    assert _read("They were seen near 473 East 52nd Street.") == []


def test_ages_given_as_ages_are_no_figures():
    assert _read("A woman and two men, ages 47 and 48, were shot.") == [(2, "men")]


def test_a_number_of_them_is_a_pronoun():
    assert _read("The navy caught pirates and took 23 of them into custody.") == []
    assert [w for _, w in _read("Commandos captured 23 of the raiders.")] == ["raiders"]


def test_two_conjuncts_share_the_second_noun():
    whats = [w for _, w in _read("Commandos seized 12 Somali and 11 Yemeni pirates.")]
    assert whats == ["Somali pirates", "Yemeni pirates"]
    assert [w for _, w in _read("The rule covers 1,247 animal and 747 plant species.")] == \
        ["animal species", "plant species"]
    assert [w for _, w in _read("The navy arrested 23 Somali and Yemeni pirates.")] == \
        ["Somali and Yemeni pirates arrested"]
    # a plural noun keeps its own count
    assert [w for _, w in _read("The blast hurt 12 men and 11 women.")] == ["men injured", "women injured"]


def test_an_age_after_died_and_a_day():
    assert _read("The actress died Thursday at 91.") == []


def test_between_one_amount_to_another_is_a_range():
    (c,) = _claims("The contract is believed to be worth between $60 million to $70 million.")
    assert (c.value, c.high) == (60e6, 70e6)


def test_sports_figures_that_count_nothing():
    # batting averages (their point cut off by a tokeniser too) and seasons, a duration
    assert _read("He is a career. 290 hitter with a. 919 OPS.") == []
    assert _read("Over six full seasons he never hit fewer than 26 homers.") == [(26, "homers")]
    # a compound a tokeniser split stays one counted thing
    assert _read("Two major - league sources said so.") == [(2, "major - league sources")]


def test_dates_with_slashes_and_multipliers_in_words():
    assert _read("The show was canceled after the 9 / 11 attacks.") == []
    assert _read("His level was more than five times the legal limit.") == []
    assert [v for v, _ in _read("The stock sold at 20 times the face value.")] == [20]


def test_measures_of_a_body_and_of_a_distance():
    heights = _read("He was described as a 5 foot, 8 inch man weighing 180 pounds.")
    assert [v for v, _ in heights] == [5, 8, 180]
    assert all("height" in w for _, w in heights[:2]) and "weight" in heights[2][1]
    assert ["distance" in w for _, w in _read("The car dragged her 10 feet. It was 13 nautical miles from "
                                              "the ship.")] == [True, True]
    assert _read("NBC estimated the crowd at 70.") == [(70, "crowd")]
    (c,) = _claims("Damage to the Wasilla church was estimated at $1 million.")
    assert c.what.startswith("Damage")


def test_what_a_part_of_which_is_and_a_place_on_a_scale():
    got = _read("The agency received 235,000 comments, at least 208,000 of which were form letters.")
    assert got == [(235000, "comments"), (208000, "form letters")]
    (c,) = _claims("The offer was expected to be in the range of $145 million to $175 million.")
    assert (c.value, c.high) == (145e6, 175e6) and "offer" in c.what


def test_calibres_bouts_and_counts_of_a_fight():
    assert _read("They seized a 5.56mm and a 7.62mm rifles.") == []
    assert _read("He stopped Rahman in seven rounds. Rahman rose after a seven count.") == []
    # a corridor measured in a hyphenated modifier
    (c,) = _claims("Warships patrol a 480-nautical-mile corridor.")
    assert c.value == 480 and "corridor" in c.what


def test_the_event_a_count_does_is_not_its_own():
    # an active verb with an object: the counted ones did it ("shooting three people, killing one")
    (c,) = _claims("Two plainclothes officers fatally shot and killed a teenager.")
    assert c.what.startswith("plainclothes officers") and "killed" not in c.what
    three = _claims("A man suspected of shooting three people, killing one, was arrested.")[0]
    assert (three.value, three.what) == (3, "people")
    # the passive and the reduced relative are done to them
    assert _read("Two officers were killed. Five people killed in the blast were buried.") == \
        [(2, "officers killed"), (5, "people killed")]


def test_a_reading_in_decimals_after_its_subject():
    assert _read("His blood-alcohol level was .41.") == [(0.41, "blood-alcohol level")]


def test_an_event_in_a_clause_before_a_subordinator_is_not_the_count_s():
    text = "Gray was shot and killed on Saturday night after pointing a gun at two plainclothes officers."
    assert _read(text) == [(2, "plainclothes officers")]
    assert _read("Police said two Brooklyn South Anti Crime plainclothes officers were on patrol.") == \
        [(2, "Brooklyn South Anti Crime plainclothes officers")]


def test_a_dash_with_spaces_is_no_tokenised_hyphen():
    # a dateline's dash, a year's dash, a dash before a clause
    assert _read("JAMMU - Two army soldiers were killed on Wednesday.") == [(2, "army soldiers killed")]
    assert _read("The bank cut rates five times in 2019 - a cumulative cut.") == [(5, "times")]
    assert [w for _, w in _read("Between 1,500 and 2,000 people - the figure is unknown - died.")] == \
        ["people killed"]
    # a colon after a year is no clock
    assert _read("Poznan 2019: Four children injured by firecrackers were taken to hospital.") == \
        [(4, "children injured")]


def test_a_temperature_below_zero_keeps_its_sign():
    assert _read("Crews fought for hours in minus-20 degree temperatures.") == [(-20, "degree temperatures")]
    assert _read("Outside temperatures were minus 20 as crews battled the blaze.") == [(-20, "Outside temperatures")]


def test_a_dollar_sign_before_us():
    (c, _) = _claims("Damage was estimated at $US1 million ($1.52 million), authorities said.")
    assert (c.value, c.unit, c.text) == (1e6, "USD", "$US1 million")


def test_money_named_nowhere_else_is_the_worth_of_the_deal_its_clause_names():
    (c,) = _claims("Teixeira is seeking a 10 - year contract for at least $20 million per season.")
    assert c.what == "contract"
    (c,) = _claims("The Nationals upgraded their initial offer to Teixeira - - eight years, $160 million.")
    assert c.what == "offer"
    # a clause of its own names no deal
    (c,) = _claims("The offer was rejected; officials said $5 million was spent.")
    assert "offer" not in c.what


def test_vague_millions_of_dollars_are_money_and_count_what_they_are_in():
    (c,) = _claims("The surge earned the gangs tens of millions of dollars in ransoms.")
    assert (c.value, c.unit, c.what) == (1e7, "USD", "ransoms")


def test_hours_of_a_day_and_the_emergency_number():
    assert _read("Tour times are 9 to 11 a.m. or 1 to 3 p.m. Weekends: 2 pm to 12 midnight.") == []
    assert _read("A neighbour called 911. A 911 dispatcher took the call. It is a 4 min read.") == []


def test_those_who_flee_their_homes_are_the_displaced():
    assert _read("Some 70,000 people have fled their homes.") == [(70000, "people displaced")]


def test_what_an_amount_is_expected_to_run_to():
    (c,) = _claims("The damage is expected to run to billions of dollars.")
    assert (c.value, c.unit, c.what) == (1e9, "USD", "damage")
    # but those who evacuate others are not evacuated
    assert _read("Two crews evacuated 200 people.")[0] == (2, "crews")


def test_a_clause_after_a_subordinator_is_the_count_s_only_when_it_goes_on_its_subject():
    assert _read("Police said he struck two other vehicles while fleeing the scene.") == [(2, "other vehicles")]
    assert _read("Five people had received treatment after being injured by the quake.") == \
        [(5, "people injured")]
    assert _read("Dozens of people watched in horror after a woman was killed.")[0][1] == "people"


def test_numbers_to_call_grades_and_grid_addresses():
    assert _read("Call 101 quoting incident 590 of 31 December. The crash was at 2700 South 300 West.") == []
    assert _read("It will be extended to kids in grades six through eight.") == []
    # those called are counted
    assert _read("The prosecution called 12 witnesses.") == [(12, "witnesses")]


def test_a_height_written_as_one_compound_is_one_figure_in_inches():
    (c,) = _claims("Klitschko, the six-foot-five champion, won again.")
    assert (c.value, c.text) == (77, "six-foot-five") and "height" in c.what
    # two units given apart stay two figures
    assert [v for v, _ in _read("He is a 5 foot, 8 inch man.")] == [5, 8]


def test_a_measure_with_its_dimension_in_one_modifier():
    (c,) = _claims("The pirates fled onto a 10-metre-long dhow.")
    assert (c.value, c.text) == (10, "10-metre-long") and "dhow" in c.what


def test_a_timeframe_is_no_counted_thing():
    (c,) = _claims("The Nationals upgraded their initial offer to Teixeira - - to somewhere between $178 million "
                   "and $184 million over the same timeframe.")
    assert (c.value, c.high, c.what) == (178e6, 184e6, "offer")


def test_model_and_version_numbers_are_no_figures():
    assert _read("A Boeing 787 Dreamliner flew in. The Nokia Lumia 920 goes on sale. Apple released iOS 4.2.") == []
    assert _read("The update brings version 2.0 of the app.") == []
    assert _read("The iPhone 5 costs $199.") == [(199, "cost")]
    # a headline's count in title case stays a figure
    assert _read("Quake Kills 200 People") == [(200, "People killed")]


def test_the_two_other_victims_are_counted():
    assert _read("The two other victims were being treated at a hospital.") == [(2, "other victims")]
    assert _read("The two were treated.") == []


def test_a_number_only_its_clause_s_event_counts_is_a_pronoun():
    # "injuring 40" and "46 were arrested" name nothing counted: pronouns, as "another 500 were waiting"
    assert _read("The quake killed at least seven people and injured 40, 15 of them on the island.") == [
        (7, "people killed")]
    assert _read("Fights erupted in the district and 46 were arrested Wednesday night.") == []
    # a toll, a total, a list's "including" and a part "of those killed" still say what they count
    assert _read("The death toll in the 7.4-magnitude quake has risen to 12,000.") == [(12000, "people killed")]
    assert _read("A total of 187 have been arrested since May.") != []
    assert [w for _, w in _read("Savas pulled the bodies of five of his relatives from the wreckage.")] == [
        "relatives killed"]
    # a vague count stands for a crowd, not for ones named before
    assert _read("Residents say thousands have been killed in the new strikes.") == [(1000, "people killed")]
