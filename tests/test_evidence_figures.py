"""Figures: the counted thing beside a unit, rates and ranges, numbers that count nothing, and the same
quantity grouped across sources (cases from DUC 2007 stories)."""

from __future__ import annotations

from storylens.evidence.facts import extract_claims, story_facts
from storylens.models import Article
from storylens.prepare import prepare_document


def _claims(text: str, published: str | None = "1999-10-26"):
    return [c for c, _ in extract_claims(prepare_document(Article(id="t", text=text, published=published)))]


def test_rates_and_ranges_are_read_as_such():
    (rate,) = _claims("Obesity now affects nearly one in five adults.")
    assert (rate.value, rate.per, rate.what) == (1, 5, "adults")
    (rng,) = _claims("The drug could help 2 million to 5 million adults.")
    assert (rng.value, rng.high, rng.what) == (2e6, 5e6, "adults")
    # "from ... to" and "between ... and" give two figures of their own
    assert [c.value for c in _claims("Intake rose from 1,854 calories to 2,002 calories.")] == [1854, 2002]


def test_numbers_that_count_nothing_are_no_figures():
    assert _claims("No two babies are alike, the doctor said.") == []
    assert _claims("The film opened at the AMC 14 theater downtown.") == []
    assert [c.value for c in _claims("A 6.1 magnitude quake killed 12 people.")] == [12]


def test_a_unit_alone_is_not_the_counted_thing():
    whats = {c.value: c.what for c in _claims(
        "Fat fell from 40 percent of calories. The band seeks $100,000 for each song. "
        "The temperature was 46 degrees. The balloon has covered more than 10,500 miles.")}
    assert "calories" in whats[40] and "song" in whats[100000]
    assert "temperature" in whats[46] and "covered" in whats[10500]
    (far,) = _claims("The ore goes to Ranger, about 13 miles (20 kms) away, for processing.")[:1]
    assert far.what.startswith("miles") and "away" in far.what


def test_the_same_stock_across_sources_is_one_group_and_other_values_are_not():
    a = Article(id="a", published="1998-11-29", text="Kakadu is almost 12,000 square miles of floodplains.")
    b = Article(id="b", published="1998-12-01", text="The park covers 12,000 square miles of wetlands.")
    c = Article(id="c", published="1998-12-02", text="A ranger said 14,000 square miles were flooded.")
    _, groups = story_facts([a, b, c])
    multi = [g for g in groups if len({x.article_id for x in g.claims}) > 1]
    assert len(multi) == 1 and multi[0].status == "agree"
    assert {x.article_id for x in multi[0].claims} == {"a", "b"}


def test_tolls_group_on_undated_input():
    a = Article(id="a", text="The quake killed 120 people in the city, officials said.")
    b = Article(id="b", text="At least 125 people were killed in the quake, the agency said.")
    _, groups = story_facts([a, b])
    (g,) = [g for g in groups if len(g.claims) > 1]
    assert g.status == "differ" and {c.value for c in g.claims} == {120, 125}


def test_a_running_count_across_dated_reports_is_updated():
    arts = [Article(id="a", published="1998-06-06", text="About 18,000 workers have been idled by the strike."),
            Article(id="b", published="1998-06-15", text="The strike has idled 122,400 workers so far."),
            Article(id="c", published="1998-06-24", text="Some 161,000 workers have now been idled, GM said.")]
    _, groups = story_facts(arts)
    (g,) = [g for g in groups if len(g.claims) > 1]
    assert g.status == "updated" and [c.value for c in g.claims] == [18000, 122400, 161000]


def test_the_same_fee_in_several_articles_is_one_group():
    arts = [Article(id=f"a{i}", published=f"1998-07-{10 + i}", text=t) for i, t in enumerate([
        "Workers would get a $1,350 signing bonus under the deal.",
        "The contract includes a $1,350 signing bonus for each worker.",
        "Union members were offered a $1,350 signing bonus on Tuesday."])]
    _, groups = story_facts(arts)
    (g,) = [g for g in groups if len(g.claims) > 1]
    assert g.status == "agree" and len(g.claims) == 3 and {c.unit for c in g.claims} == {"USD"}


def test_the_counted_thing_of_a_figure_that_says_where_a_quantity_went():
    whats = {c.value: c.what for c in _claims(
        "The outreach has bumped the number of hate groups to 537 from 474 in 1997. "
        "Overall, the population of obese men and women increased from 12 percent in 1991 to 17.9 percent. "
        "The average daily calorie intake has risen from 1,854 to 2,002.")}
    assert "hate groups" in whats[537] and "hate groups" in whats[474]
    assert "obese men" in whats[12] and "obese men" in whats[17.9]
    assert "calorie intake" in whats[1854] and "calorie intake" in whats[2002]


def test_a_converted_measure_and_a_bracketed_word_keep_their_counted_thing():
    whats = {c.value: c.what for c in _claims(
        "The plant at Ranger is about 13 miles (20 kms) away. The site is 1.2 miles (2 kilometers) from the "
        "mine entrance. ERA has identified more than 90,000 (metric) tons of uranium oxide. "
        "Kakadu is almost 12,000 square miles (31,000 square kilometers) of pristine floodplains.")}
    assert "away" in whats[20] and "entrance" in whats[2] and "entrance" in whats[1.2]
    assert "uranium oxide" in whats[90000] and "floodplains" in whats[31000]


def test_numbers_standing_for_people_titles_and_latitudes_are_no_figures():
    assert _claims("Photographs showing the two together were subpoenaed.") == []
    assert _claims("The three ditched their balloon off Hawaii.") == []
    assert _claims("It echoes his best-known work, The Three Trials of Oscar Wilde, he said.") == []
    assert _claims("They could cross China below 26 degrees north latitude.") == []
    assert [c.value for c in _claims("The two injured were taken to hospital with 12 others.")][:1] == [2]


def test_numbers_in_hyphenated_modifiers_count_what_they_modify():
    got = {c.text: c.what for c in _claims(
        "The Keenans could demand the 20-acre compound. Kakadu has a towering 125-mile (200-kilometer) sandstone "
        "escarpment. Kaufman wrote a three-act play. A 15-year-old boy crossed a two-way street.")}
    assert set(got) == {"20-acre", "125-mile", "200-kilometer", "three-act"}
    assert "compound" in got["20-acre"] and "escarpment" in got["125-mile"] and "escarpment" in got["200-kilometer"]
    assert got["three-act"].startswith("act play")


def test_flattened_mixed_fractions_and_fractions_of_a_whole():
    by_text = {c.text: c for c in _claims(
        "The croissant measures 181/2 inches. Lender offers a 41/2-ounce bagel. It stayed small, about 11/2 to "
        "two ounces. One fifth of all Americans are obese, and 22 percent are overweight.")}
    assert by_text["181/2 inches"].value == 18.5 and by_text["41/2-ounce"].value == 4.5
    rng = next(c for t, c in by_text.items() if t.startswith("about 11/2"))
    assert (rng.value, rng.high) == (1.5, 2)
    fifth = by_text["One fifth"]
    assert (fifth.value, fifth.per, fifth.what) == (1, 5, "Americans")
    assert by_text["22"].what == "overweight"
    # a date written with a slash stays no figure
    assert [c.value for c in _claims("The court sat on 11/2 the judge said.")] == []


def _multi(arts):
    _, groups = story_facts(arts)
    return [g for g in groups if len({c.article_id for c in g.claims}) > 1]


def test_a_running_total_of_a_measure_is_updated_and_a_speed_is_not():
    arts = [Article(id="a", published="1999-03-05", text="The balloon has covered more than 10,500 miles at 95 mph."),
            Article(id="b", published="1999-03-12", text="The crew is traveling more than 21,625 miles at 83 mph."),
            Article(id="c", published="1999-03-20", text="They landed after flying 29,055 miles.")]
    (g,) = _multi(arts)
    assert g.status == "updated" and [c.value for c in g.claims] == [10500, 21625, 29055]


def test_one_quantity_in_other_words_is_one_group_and_other_rates_are_not():
    arts = [Article(id="a", published="1999-06-01", text="In 1991, four out of 45 participating states had obesity "
                    "rates of 15 percent or higher. The site logged 317,377 Napster usernames. About one in eight "
                    "adults was obese."),
            Article(id="b", published="1999-06-02", text="Four states had rates of obesity of 15 percent in 1991. "
                    "Metallica named 317,377 users. Now one in five adults is obese.")]
    got = sorted(sorted(c.value for c in g.claims) for g in _multi(arts))
    assert got == [[4, 4], [15, 15], [317377, 317377]]


def test_the_counted_thing_of_a_copula_a_weighing_verb_and_a_yearly_amount():
    whats = {c.value: c.what for c in _claims(
        "Its average speed since launch has been 47 mph. A person who weighs more than 220 pounds is obese. "
        "Hatch would set up a $5 million-a-year fund. Requests for emergency food assistance had grown, by an "
        "average of 18 percent. Obese means 30 percent over their ideal body weight.")}
    assert "speed" in whats[47] and "weight" in whats[220] and whats[5e6] == "fund"
    assert "assistance" in whats[18] and "weight" in whats[30]


def test_figures_in_german_french_spanish_and_italian():
    from storylens.text.claims import figures
    from storylens.text.numbers import find_quantities

    def read(text, lang):
        return [(text[a:b], q.value, q.qualifier) for a, b, q in find_quantities(text, lang)]

    assert read("Rund 1,5 Millionen Menschen, 2.500 Tote und eine Million Euro; 3 Mrd. Dollar", "de") == [
        ("Rund 1,5 Millionen", 1.5e6, "about"), ("2.500", 2500, ""), ("eine Million", 1e6, ""),
        ("3 Mrd.", 3e9, "")]
    assert read("plus de 1,2 millions de personnes, 2 500 morts, deux milliards", "fr") == [
        ("plus de 1,2 millions", 1.2e6, "more than"), ("2 500", 2500, ""), ("deux milliards", 2e9, "")]
    assert read("3 millones de personas, mil millones de dólares, un millón, una casa", "es") == [
        ("3 millones", 3e6, ""), ("mil millones", 1e9, ""), ("un millón", 1e6, "")]
    assert read("un milione di persone, 2.500 morti, 1,2 milioni", "it") == [
        ("un milione", 1e6, ""), ("2.500", 2500, ""), ("1,2 milioni", 1.2e6, "")]
    assert figures("12,5 Prozent der 2.500 Menschen", "de") == {"%": {12.5}, "menschen": {2500.0}}
    # English is read as before: a dot is a decimal point, "2.500" is 2.5
    assert read("2.500 people and 1,500 homes", "en") == read("2.500 people and 1,500 homes", None) == [
        ("2.500", 2.5, ""), ("1,500", 1500, "")]
    (claim,) = [c for c, _ in extract_claims(prepare_document(Article(
        id="d", text="Die Behörden meldeten 2.500 Tote.", published="2016-10-04", lang="de")))]
    assert (claim.value, claim.what) == (2500, "Tote")


def test_a_money_figure_reads_its_relative_clause():
    whats = {c.value: c.what for c in _claims(
        "The fees for his speeches, which can be as high as $50,000, go to his wife. He has earned more than "
        "the $5,000 his wife has deposited in the joint account.")}
    assert whats[50000] == "speeches" and whats[5000] == "deposited"


def test_a_half_dozen_is_six():
    assert [(c.value, c.what) for c in _claims("They fractured his skull a half-dozen times.")] == [(6, "times")]


def test_half_of_a_scale_is_read_whole():
    (c,) = _claims("The slaughter left more than half a million Tutsis dead.")
    assert (c.value, c.qualifier, "Tutsis" in c.what) == (500_000, "more than", True)
    assert [c.value for c in _claims("One and a half million people voted, and a half billion dollars went.")] \
        == [1_500_000, 500_000_000]


def test_a_distance_with_a_bearing_is_a_distance_and_its_conversion_too():
    far, conv = _claims("The farm is 370 miles (600 kms) northeast of Rio de Janeiro.")
    assert "distance" in far.what and "Janeiro" in far.what and "distance" in conv.what
    assert "Yangon" in _claims("They stayed 32 kilometers outside Yangon.")[0].what


def test_the_subject_of_a_change_or_a_payment_is_the_counted_thing_not_the_time_after_it():
    (c,) = _claims("Prices rose 12 per cent in May.")
    assert c.what == "Prices"
    (c,) = _claims("Sales jumped nearly 30 percent last year.")
    assert "Sales" in c.what and "year" not in c.what
    (c,) = _claims("He said the company lost $40 million.")
    assert c.unit == "USD" and "company" in c.what
    (c,) = _claims("The fund raised $2.5 billion last year.")
    assert "fund" in c.what and c.what.count("raised") == 1 and "year" not in c.what


def test_a_currency_written_after_the_figure_is_its_unit():
    (c,) = _claims("Microsoft had to pay Intuit 46.2 million dollars for the trouble.")
    assert (c.value, c.unit) == (46.2e6, "USD") and "dollars" not in c.what
    ecu, usd = _claims("Parliament voted to block a 53 million ECU (70 million U.S. dollars) special aid package.")
    assert (ecu.unit, usd.unit) == ("ECU", "USD") and ecu.what == usd.what == "special aid package"


def test_vote_tallies_and_channel_names_are_no_figures_and_the_number_of_is_read_at_a_sentence_start():
    assert _claims("Members voted 319 for, 23 against the resolution with 20 abstentions.") == []
    assert _claims("He told Israel's Channel Two TV that he hoped so.") == []
    assert _claims("He told Channel 2 that he hoped so.") == []
    (c,) = _claims("The number of agents in western North Carolina has been doubled to about 80.")
    assert c.what == "agents"


def test_adjectives_joined_by_and_keep_their_noun():
    (_, ten) = _claims("It assessed 12 candidate countries, including 10 central and eastern European countries.")
    assert ten.what.endswith("countries")


def test_poll_shares_populations_tolls_and_or_more_are_read():
    assert [(c.value, c.unit) for c in _claims("A survey showed Bush topping Gore 57 percent to 39 percent.")] \
        == [(57, "%"), (39, "%")]
    (c,) = _claims("The poll shows Gore 18 percentage points behind Bush.")
    assert c.unit == "%" and "age" not in c.what.split()
    (pop, _) = _claims("Istanbul, with a population of 12 million, lies 65 miles west of Izmit.")
    assert (pop.value, pop.what) == (12e6, "population")
    (toll,) = _claims("The death toll in the earthquake in western Turkey on August 17 reached 17,997 on Tuesday.")
    assert toll.value == 17997 and "killed" in toll.what
    (more,) = _claims("There is room for three or more services targeting women.")
    assert (more.value, more.qualifier, "services" in more.what) == (3, "at least", True)


def test_hundred_and_a_number_in_words():
    (c,) = _claims("Eight hundred and eighty one titles were submitted.")
    assert (c.value, c.what) == (881, "titles")


def test_a_part_of_a_counted_whole_counts_the_wholes_noun():
    five, ten = _claims("Five of the last 10 presidents first served as vice president.")
    assert "presidents" in five.what and "last" not in five.what and ten.value == 10
    third, whole = _claims("About a third of the 300 workers went home.")
    assert (third.value, third.per, "workers" in third.what, whole.value) == (1, 3, True, 300)


def test_money_never_reads_a_distance():
    (c,) = _claims("Coelho obtained a personal loan of $300,000 from a Portuguese bank.")
    assert c.unit == "USD" and "distance" not in c.what


def test_a_context_that_only_repeats_the_event_adds_nothing():
    (c,) = _claims("Gore has raised $8.9 million, according to the Federal Election Commission.")
    assert (c.value, c.unit, c.what.count("raised")) == (8.9e6, "USD", 1)


def test_between_two_bounds_is_one_range():
    (c,) = _claims("Fees range between $7,000 and $20,000 a year.")
    assert (c.value, c.high, c.unit, "Fees" in c.what) == (7000, 20000, "USD", True)
    (c,) = _claims("Losses were put at between 20 and 40 billion U.S. dollars.")
    assert (c.value, c.high, c.unit) == (20e9, 40e9, "USD")
    assert [c.value for c in _claims("Intake rose from 1,854 calories to 2,002 calories.")] == [1854, 2002]


def test_a_list_goes_on_with_its_counted_thing_and_a_poll_share_is_of_those_asked():
    whats = [c.what for c in _claims("Sakarya ranked second with 3,046 deaths, followed by Yalova with 2,400, "
                                     "Bolu with 248.")]
    assert whats == ["deaths", "deaths", "deaths"]
    (c,) = _claims("In a survey of mayors last year, 85 percent reported that requests had grown.")
    assert (c.value, c.unit, c.what) == (85, "%", "mayors")
    (c,) = _claims("The poll has a margin of error of plus or minus 3.5 percent.")
    assert c.what == "margin of error"


def test_money_reads_past_its_sign_and_its_rate_and_the_subject_past_its_modifier():
    (c,) = _claims("The reward for information leading to his capture has grown to dlrs 1 million.")
    assert (c.value, c.unit, c.what) == (1e6, "USD", "reward")
    (_, rent) = _claims("The state gives some 56,000 families $155 a month in rent subsidies.")
    assert "rent subsidies" in rent.what


def test_model_numbers_and_clock_times_are_no_figures_and_a_unit_repeated_is_one_range():
    assert _claims("He frequently flew in his Cessna Skyline 182.") == []
    assert _claims("He saw a plane between 9:30 p.m. and 10 p.m on Friday.") == []
    (c,) = _claims("And the depth of the water _ 25 feet to 100 feet _ makes a search more difficult.")
    assert (c.value, c.high) == (25, 100)
    (c,) = _claims("If the cloud ceiling is between 500 and 1,000 feet, pilots must use instruments.")
    assert (c.value, c.high, "ceiling" in c.what) == (500, 1000, True)


def test_two_numbers_joined_by_or_are_one_range_when_the_second_is_larger():
    (c,) = _claims("Rescuers pulled six or seven people from the flooded mine.")
    assert (c.value, c.high, c.what) == (6, 7, "people") and c.text == "six or seven people"
    (c,) = _claims("The wreck lies 20 or 25 miles off the cape.")
    assert (c.value, c.high) == (20, 25) and "miles" in c.what
    got = _claims("Four or more people died.")  # "or more" is a qualifier, no range
    assert [(c.value, c.high, c.qualifier) for c in got] == [(4, None, "at least")]
    got = [(c.value, c.high) for c in _claims("Only 2 or 40 tickets were sold.")]
    assert got == [(40, None)]  # one far larger is no range: the first alone counts nothing


def test_a_time_word_after_a_figure_is_no_counted_thing():
    (first, second) = _claims("The number of people in shelters fell from 9,000 in May to 2,500 today.")
    assert second.value == 2500 and second.what == first.what == "people"
    (c,) = _claims("Shares in the miner rose by more than 30 per cent today.")
    assert c.unit == "%" and "today" not in c.what and "Shares" in c.what


def test_an_age_after_a_name_is_no_figure_before_and_or_a_full_stop():
    got = _claims("Two engineers, Ivo Marek, 44 and Lena Dorn, 39, were freed on Monday.")
    assert [c.value for c in got] == [2]
    got = _claims("Prosecutors dropped nine other charges against Col. Ray Hume, 61.")
    assert [(c.value, c.what) for c in got] == [(9, "other charges")]
