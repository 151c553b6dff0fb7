"""Figures: rules of English news writing the extractor follows (invented sentences, one rule each)."""

from __future__ import annotations

from storylens.evidence.facts import extract_claims
from storylens.models import Article
from storylens.prepare import prepare_document


def _claims(text: str, published: str | None = "2001-03-05"):
    return [c for c, _ in extract_claims(prepare_document(Article(id="t", text=text, published=published)))]


def test_quake_magnitudes_count_nothing():
    text = ("A quake measuring 6.3 on the Richter scale shook the valley. The magnitude 5.1 tremor killed 14 "
            "villagers. Officials said the quake, measuring 6.3, and a 4.9 aftershock cracked 80 homes. There "
            "were 200 aftershocks, dozens of which registered at four degrees or above. Three aftershocks, "
            "ranging between 4.2 and 4.8 on the Richter scale, followed. A temblor with a magnitude of five "
            "degrees hit at noon.")
    values = [c.value for c in _claims(text)]
    assert values == [14, 80, 200, 12, 3]
    assert not {6.3, 5.1, 4.9, 4.2, 4.8, 4.0, 5.0} & set(values)


def test_a_measure_read_with_measuring_is_still_a_figure():
    whats = {c.value: c.what for c in _claims("Fishermen caught a shark measuring 4.5 meters off the coast. "
                                              "The temperature was 46 degrees.")}
    assert set(whats) == {4.5, 46} and "meters" in whats[4.5]


def test_the_counted_thing_ends_at_the_full_stop():
    (c,) = _claims("The storm killed 17 people.")
    assert c.what == "people killed" and c.text == "17 people"


def test_a_share_told_again_counts_what_it_counted_first():
    first, again = _claims("Auditors found that 70 percent of the water from one plant was lost. If 70 percent "
                           "is lost, the city pays twice.")
    assert "water" in first.what and again.what == first.what and again.unit == "%"
    # a different share keeps its own reading
    (other,) = _claims("Turnout reached 64 percent, officials said.")[-1:]
    assert other.value == 64


def test_a_unit_word_joins_a_ten_only():
    values = [c.value for c in _claims("The family lived in one of six six-story towers. Twenty-five workers "
                                       "quit.")]
    assert 36 not in values and 12 not in values
    assert values.count(6) == 2 and 25 in values


def test_the_counted_thing_ends_before_an_irregular_verb_or_an_adverb():
    whats = [c.what for c in _claims("A poll of 2,400 voters found little change. Thousands of people now queue "
                                     "daily. About 300 workers left the plant.")]
    assert whats == ["voters", "people", "workers"]


def test_an_age_at_death_is_no_figure():
    assert _claims("The former premier died at 90, his family said.") == []


def test_an_abbreviation_inside_the_counted_thing_keeps_its_dot():
    (c,) = _claims("Three U.N. inspectors arrived in the capital.")
    assert c.what == "U.N. inspectors" and c.text == "Three U.N. inspectors"


def test_the_verb_right_before_a_figure_says_what_it_counts():
    killed, hurt = _claims("The blast killed 20 people and injured 40 others.")
    assert killed.what == "people killed" and hurt.what == "others injured"
    # "injured 40" with no noun stands for ones named before: a pronoun, no figure (the protocol's reading)
    assert [c.what for c in _claims("The blast killed 20 people and injured 40.")] == ["people killed"]
    (held, _wounded) = _claims("Troops arrested 25 protesters and wounded 10 others.")
    assert held.what == "protesters arrested"


def test_a_time_after_an_amount_is_not_what_it_counts():
    whats = [c.what for c in _claims("The plan would cost $4.1 billion over five years. The bank lost $900 million "
                                     "in the quarter.")]
    assert not any(w.split()[0].lower() in ("five", "quarter") for w in whats)
    assert "lost" in whats[1]


def test_a_part_told_after_its_whole_counts_the_whole_s_thing():
    whole, part = _claims("Of the 140 miners, 90 were rescued.")
    assert whole.what.startswith("miners") and part.value == 90 and part.what.startswith("miners")


def test_two_numbers_joined_by_a_hyphen_are_no_modifier():
    assert _claims("Over the last three-four years, exports have stalled.") == []


def test_a_change_s_subject_is_what_a_share_measures():
    whats = [c.what for c in _claims("Shares of Acme sank 12 percent. Retail sales edged up 0.3 percent in May. "
                                     "The dollar eased 0.5 percent against the yen.")]
    assert whats == ["Shares of Acme", "Retail sales", "dollar"]


def test_a_dollar_of_another_country_keeps_its_code():
    units = [c.unit for c in _claims("The mine adds U.S. dlrs 3.7 billion (Australian dollars 6.2 billion) a year. "
                                     "The bank lent A$2 billion. Tickets cost HK$500 each.")]
    assert units == ["USD", "AUD", "AUD", "HKD"]


def test_money_spent_on_something_counts_the_spending_on_it():
    (c,) = _claims("The state will spend $12 million on new bridges.")
    assert c.what == "spending on bridges"
    (d,) = _claims("The city spent $2 million on Monday.")
    assert "Monday" not in d.what


def test_layoffs_are_a_count_of_idled_workers():
    ((c, meta),) = extract_claims(prepare_document(Article(
        id="t", text="The strike has led to 2,300 layoffs at suppliers.", published="2001-03-05")))
    assert c.what.startswith("layoffs") and meta.key[1] == "idled" and meta.cumulative


def test_an_event_word_in_a_quotation_or_a_that_clause_is_not_the_figure_s_event():
    ((c, meta),) = extract_claims(prepare_document(Article(
        id="t", text="The 12 unions backing the strike argued that the plan had hurt workers.",
        published="2001-03-05")))
    assert meta.key[1] == "" and "injured" not in c.what
    ((d, dmeta),) = extract_claims(prepare_document(Article(
        id="t", text="At least 30 people that were killed lay in the road.", published="2001-03-05")))
    assert dmeta.key[1] == "killed"


def test_the_two_with_an_adverb_after_it_is_a_pronoun():
    assert _claims("Turns out the two never met again.") == []


def test_ranges_written_with_a_hyphen_or_ranging_from_are_one_figure():
    got = {(c.value, c.high): c.what for c in _claims(
        "Prices rose 3-4 percent. The flood left 200-300 villagers homeless. Estimates range from 2,000 to "
        "5,000 deaths. A 40- to 90-mile stretch of coast was hit.")}
    assert set(got) == {(3, 4), (200, 300), (2000, 5000), (40, 90)}
    assert "villagers" in got[(200, 300)] and "deaths" in got[(2000, 5000)] and "stretch" in got[(40, 90)]


def test_scores_years_phone_numbers_and_ages_are_no_hyphen_ranges():
    assert _claims("The court ruled in a 6-3 decision. From 1992-2019 it grew. Call 555-1234 today. "
                   "Voters ages 18-24 stayed home.") == []


def test_both_rates_of_a_range_of_rates_count_its_thing():
    low, high = _claims("Between 1 out of 400 and 1 out of 900 infants are affected.")
    assert (low.per, high.per) == (400, 900) and low.what == high.what == "infants"


def test_a_street_address_is_no_figure():
    assert _claims("The clinic at 2400 N. Oak Ave. closed. Protesters gathered outside 10 Downing Street.") == []


def test_the_first_of_two_suspended_modifiers_takes_the_second_s_word():
    first, second = _claims("The maker recalled 2- and 3-liter diesel engines.")
    assert (first.value, second.value) == (2, 3)
    assert all(c.what.startswith("liter diesel engines") for c in (first, second))


def test_one_is_no_figure_even_with_a_qualifier_but_opens_a_rate():
    assert _claims("The tremor caused at least one death, and another one followed.") == []
    (rate,) = _claims("One in three voters agreed.")
    assert (rate.value, rate.per, rate.what) == (1, 3, "voters")
    assert [c.value for c in _claims("Twenty-one people died.")] == [21]


def test_a_day_name_ends_the_counted_thing():
    (c,) = _claims("At least nine people died Monday in the floods.")
    assert c.what == "people died"


def test_a_body_named_before_its_size_is_what_the_figure_counts():
    whats = [c.what for c in _claims("A crowd of 8,000 gathered outside. The plant has a workforce of 2,500. "
                                     "Casualties numbered 140.")]
    assert whats == ["crowd", "workforce", "Casualties"]


def test_a_year_after_a_qualifier_is_still_a_year():
    assert [c.value for c in _claims("Thefts rose 300 per cent over 2018. Over 2000 people marched.")] == [300, 2000]


def test_a_date_or_a_day_after_an_amount_is_no_thing_it_counts():
    whats = [c.what for c in _claims("Council approved a tax increase of 4.15% in December. She raised $150,000 for "
                                     "her husband's campaign Thursday.")]
    assert not any(w in ("December", "%") for w in whats) and whats[1].endswith("husband's campaign")


def test_the_subject_of_go_up_and_of_worth_after_a_comma():
    whats = [c.what for c in _claims("Water rates will go up by 4.1 per cent. The levy pays for a new library, "
                                     "worth $67.5 million.")]
    assert whats[0] == "Water rates" and whats[1].endswith("library")


def test_a_year_after_in_is_no_rate_s_base():
    (c,) = _claims("Households paid $2,489 in 2014.")
    assert c.value == 2489 and c.per is None
    (rate,) = _claims("One in 2,000 babies is affected.")
    assert rate.per == 2000


def test_a_verb_of_change_in_its_base_form_after_a_modal():
    (c,) = _claims("Power rates are expected to increase by six per cent.")
    assert c.what == "Power rates"
    assert [c.what for c in _claims("It found a steady decline to 34 percent.")] != ["steady"]


def test_an_event_word_before_a_comma_belongs_to_its_own_clause_unless_a_list_goes_on():
    ((c, meta),) = extract_claims(prepare_document(Article(
        id="t", text="In the camp, where homeless families live in tents, 166 people were treated.",
        published="2001-03-05")))
    assert meta.key[1] == ""
    pairs = extract_claims(prepare_document(Article(
        id="t", text="Police have arrested 702 people since May, including 194 students.", published="2001-03-05")))
    assert [m.key[1] for _, m in pairs] == ["arrested", "arrested"]


def test_a_scale_joined_by_a_hyphen_and_clock_times_and_street_blocks():
    (c,) = _claims("The gift included $2.5-million from the Toigo family.")
    assert c.value == 2.5e6 and "Toigo family" in c.what
    assert _claims("Futures traded as of 7.45 AM on Friday. He was seen in the 2300 block of Prince Hall Drive.") == []


def test_a_poll_share_s_support_is_a_noun_without_an_object():
    assert [c.what for c in _claims("She finished fifth, with four percent support. Gore has 40 percent support "
                                    "among women. Some 55 percent support the plan.")] == ["support", "support", "%"]


def test_scores_is_not_one_of_the_vague_counts():
    assert [c.value for c in _claims("Scores of residents and dozens of officers came.")] == [12]


def test_an_amount_added_to_something_counts_what_it_is_added_to():
    whats = [c.what for c in _claims("The port will add U.S. dlrs 2.1 billion (Canadian dollars 2.8 billion) to the "
                                     "region's economic output. The bank will inject $50 billion into the economy.")]
    assert whats == ["region's economic output", "region's economic output", "economy"]


def test_a_list_of_shares_goes_on_in_percent():
    shares = _claims("Asked, 55 percent said yes, and 31 said no, with 14 percent not responding.")
    assert [(c.value, c.unit) for c in shares] == [(55, "%"), (31, "%"), (14, "%")]
