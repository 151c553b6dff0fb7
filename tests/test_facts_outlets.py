"""Figures on web news of many outlets (English SemEval-2022 material, webdev3): what the counted thing is
when no noun follows the figure, British money, readings of a dimension, and numbers that are headings."""

from __future__ import annotations

from storylens.evidence.facts import extract_claims
from storylens.models import Article
from storylens.prepare import prepare_document


def _claims(text: str, lang: str | None = None):
    return [c for c, _ in extract_claims(prepare_document(Article(id="t", text=text, published=None, lang=lang)))]


def _read(text: str) -> list[tuple[float, str]]:
    return [(c.value, c.what) for c in _claims(text)]


def test_pound_and_euro_signs_are_money_with_their_suffixes():
    (c,) = _claims("The club paid £2.5m for the striker.")
    assert (c.value, c.unit, c.text) == (2_500_000, "GBP", "£2.5m")
    (c,) = _claims("The fund raised €1.2bn last year.")
    assert (c.value, c.unit) == (1_200_000_000, "EUR")
    (c,) = _claims("Chelsea have announced losses of nearly £100m for the year.")
    assert (c.value, c.unit, c.qualifier) == (100_000_000, "GBP", "nearly") and "losses" in c.what
    (c,) = _claims("He paid $5m for it.")
    assert c.unit == "USD"


def test_a_time_phrase_and_an_intensifier_are_no_counted_thing():
    (c,) = _claims("His campaign raked in $24.7 million in the final quarter.")
    assert "final" not in c.what and "raked" in c.what
    (c,) = _claims("It brought his 2019 haul to a whopping $76 million.")
    assert c.what == "haul"
    (c,) = _claims("The state spent $5 million over the past year.")
    assert "past" not in c.what


def test_what_a_verb_of_change_changes_by_the_figure():
    (c,) = _claims("WHO asked manufacturers to boost production by 40%.")
    assert (c.unit, c.what) == ("%", "production")
    (c,) = _claims("They cut prices by 10 percent.")
    assert c.what == "prices"
    (c,) = _claims("The bank said the reserve requirement ratio for financial institutions would be lowered by 50 "
                   "basis points.")
    assert "reserve requirement ratio" in c.what and "institutions" not in c.what


def test_readings_of_speed_temperature_and_weight():
    first, second = _claims("The masks can be washed at 90 C (194 F) and reused.")
    assert (first.value, second.value) == (90, 194)
    assert first.what.endswith("temperature") and second.what.endswith("temperature")
    (c,) = _claims("The weather is expected to hit highs of 23C this weekend.")
    assert (c.value, c.what) == (23, "C temperature")
    (c,) = _claims("Winds of 193 km/h hit the coast.")
    assert c.what == "km/h speed"
    (c,) = _claims("The jet flew at 120 miles per hour.")
    assert "speed" in c.what.split()
    pounds, ounces = _claims("She is the biggest of the three, six pounds nine ounces.")
    assert (pounds.value, pounds.what, ounces.value, ounces.what) == (6, "pounds weight", 9, "ounces weight")


def test_a_digit_number_before_a_heading_or_a_name_counts_nothing():
    assert _read("The Witcher Season 1 Episode 7 Recap The Witcher season 1 episode 7 recap With Geralt.") == []
    assert _read("The CEO of 24 Spring Option, Richard, spoke.") == []
    assert _read("Enabling Cookies in Internet Explorer 7, 8 & 9 Open the Internet Browser.") == []
    # a plural, a people's name or a noun after the capitals: a count
    assert _read("Then 20 Marines and 20 Taliban died.") == [(20, "Marines killed"), (20, "Taliban died")]
    assert _read("It has 40 Hezbollah fighters.") == [(40, "Hezbollah fighters")]
    assert _read("Newsom redeployed 360 National Guard troops.") == [(360, "National Guard troops")]
    assert _read("Those 13 Saint Bernard/Great Pyrenees puppies have a home.") == [(13, "Saint Bernard")]
    # German capitalises every noun: no heading
    (c,) = _claims("Die Behörden meldeten 2.500 Tote.", "de")
    assert c.value == 2500


def test_a_headline_run_into_its_story_and_a_total_at_the_start():
    (c,) = _claims("Officers crash, officials say Two Dallas police squad cars were involved in a crash.")
    assert (c.value, c.what) == (2, "Dallas police squad cars")
    assert _read("A Three Kings Celebration this weekend will focus on them.") == []  # a title
    (c,) = _claims("Total 35 fire tenders are working.")
    assert (c.value, c.what) == (35, "fire tenders")


def test_words_between_a_number_and_its_noun():
    (c,) = _claims("A boy was electrocuted, while three more people died of hypothermia.")
    assert c.value == 3 and c.what.startswith("people") and c.text.startswith("three more people")
    (c,) = _claims("Almost 100 such bills have been introduced.")
    assert (c.value, c.what) == (100, "bills")
    (c,) = _claims('Almost 100 such fetal "heartbeat" bills have been introduced.')
    assert c.what == "fetal heartbeat bills"
    (c,) = _claims("Fires hit Australia's two most populous states.")
    assert c.what == "most populous states"
    assert _read("He won 20 more than last year.") == []


def test_durations_adverbs_and_verbs_are_no_counted_things():
    assert _read("A law bans abortions after a fetus reaches 15 weeks’ gestation.") == []
    assert _read("They remain for 24 hours.Wishing you all a wonderful year.") == []
    assert _read("Four people were shot, three fatally.") == [(4, "people")]
    assert _read("He ran up to him and the two embrace.") == []
    # an adverb after an amount is no reason to drop it
    (c,) = _claims("The film has grossed over $142 million domestically.")
    assert c.value == 142_000_000


def test_money_given_again_in_another_currency_and_a_sale_price():
    first, second = _claims("The firm, which was sold to a buyout fund for 500 million pounds ($663 million) in "
                            "2017, said it had a deal.")
    assert (first.value, first.unit, first.what) == (500_000_000, "GBP", "sale price")
    assert (second.value, second.unit, second.what) == (663_000_000, "USD", "sale price")
    (c,) = _claims("They shipped 2 million pounds of beef.")  # pounds of a thing weigh
    assert c.unit == "" and "beef" in c.what
    # an amount in brackets in the same currency is a part of its own
    assert _read("It raised $5 million ($3 million in cash) for schools.")[1] != (3_000_000, "raised")


def test_an_estimate_a_pot_a_suit_and_a_latitude():
    (c,) = _claims("Authorities estimate the damages to the Wasilla Bible Church at $1 million.")
    assert c.what == "damages"
    (c,) = _claims("The county added another $20,000 to that pot.")
    assert c.what == "pot"
    (c,) = _claims("He is seeking up to $6 million in a breach - of - contract suit against Ohio State.")
    assert c.what.endswith("suit")
    assert _read("The epicenter was 55.96 degrees in longitude and 26.94 degrees in latitude.") == []


def test_a_whole_hundred_percent_counts_nothing():
    assert _read('"Tara was 100 percent professional," he said. I\'m 100 per cent sure.') == []
    (c,) = _claims("Turnout was 100 percent of voters.")
    assert c.value == 100 and "voters" in c.what


def test_money_released_into_an_economy():
    first, second = _claims("The agency said that step will release about 800 billion yuan ($114.6 billion) "
                            "into the economy.")
    assert (first.unit, second.unit) == ("CNY", "USD")
    assert "release" in first.what and second.what == first.what
