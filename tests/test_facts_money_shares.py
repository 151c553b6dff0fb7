"""Money and percentages on web news of many outlets (webdev4): what an amount or a share in brackets is of,
currencies written as a code or an abbreviation before the figure, a change signed in brackets, the subject
of "is up/down", "in last one year" a time, and a fine. All text invented."""

from __future__ import annotations

from storylens.evidence.facts import extract_claims
from storylens.models import Article
from storylens.prepare import prepare_document
from storylens.text.numbers import find_quantities


def _claims(text: str):
    return [c for c, _ in extract_claims(prepare_document(Article(id="t", text=text, published=None)))]


def _read(text: str) -> list[tuple[float, str, str]]:
    return [(c.value, c.unit, c.what) for c in _claims(text)]


def test_an_amount_in_brackets_is_of_the_noun_phrase_before_the_bracket():
    got = _read("Exports that grew fastest include timber ($3.5 billion), farm machinery and tools ($2 billion) "
                "and wine ($1.1 billion), the ministry said.")
    assert got == [(3.5e9, "USD", "timber"), (2e9, "USD", "farm machinery and tools"), (1.1e9, "USD", "wine")]
    got = _read("The regions Tuscany (+6.1%) and Umbria (+5.2%) grew most.")
    assert [(v, u) for v, u, _ in got] == [(6.1, "%"), (5.2, "%")]
    assert "Tuscany" in got[0][2] and got[1][2] == "Umbria"


def test_a_bracket_that_is_a_conversion_or_goes_on_with_of_keeps_its_reading():
    got = _read("The village is 12 miles (19 km) from the border.")
    assert all("distance" in w for _, _, w in got)
    (c,) = _claims("A large majority (70 percent) of voters backed the plan.")
    assert c.value == 70 and "voters" in c.what
    got = _read("The club was sold for 300 million pounds ($390 million).")
    assert [w for _, _, w in got] == ["sale price", "sale price"]


def test_a_currency_code_or_abbreviation_before_the_figure_is_money():
    assert _read("Shares of the firm closed at Rs 512, the exchange said.")[0][:2] == (512, "INR")
    (c,) = _claims("Bavaria (+Euro 1.25 bn) gained most.")
    assert (c.value, c.unit, c.what) == (1.25e9, "EUR", "Bavaria")
    assert [(q.value) for _, _, q in find_quantities("a gain of 0.5 bn and 3 mn")] == [5e8, 3e6]


def test_a_change_signed_in_brackets_counts_its_size():
    got = _read("Saxony (-2.9% or - Euro 0.31 bn) and Hesse (-1.1%) fell.")
    assert [(v, u, w) for v, u, w in got] == [(2.9, "%", "Saxony"), (3.1e8, "EUR", "Saxony"), (1.1, "%", "Hesse")]
    # only a bracket lets a minus sign before a number: a season, a model name and a spaced range stay as read
    assert [q.value for _, _, q in find_quantities("the 1998-99 season, an S-300 missile, pages 10 -12")] == [10]


def test_the_subject_of_is_up_or_down_and_a_time_phrase_with_a_number_word():
    (c,) = _claims("The index is down 12.4% in last one year.")
    assert (c.value, c.what) == (12.4, "index")
    (c,) = _claims("The company's shares were up 3.2% on Friday.")
    assert c.value == 3.2 and "shares" in c.what


def test_an_amount_a_person_is_fined_is_the_fine():
    (c,) = _claims("A Texas driver has been fined $500 for his part in the crash.")
    assert (c.value, c.unit, c.what) == (500, "USD", "fine")
    (c,) = _claims("The bank was fined up to $2 million by regulators.")
    assert c.what == "fine"


def test_what_an_amount_is_named_right_before_it():
    (c,) = _claims("Police will pay a cash reward of up to $5,000 for tips that lead to an arrest.")
    assert (c.value, c.what) == (5000, "cash reward")
    (c,) = _claims("The airline posted a small increase in revenue to £312.4m this year.")
    assert (c.value, c.unit, c.what) == (312_400_000, "GBP", "revenue")
    (c,) = _claims("The plan funds a new skate park which was allocated $2 million.")
    assert c.what == "skate park"
    (c,) = _claims("The group will invest €40 million to build a new plant.")
    assert (c.unit, c.what) == ("EUR", "investment")


def test_a_share_of_an_age_group_and_the_subject_of_a_projected_change():
    (c,) = _claims("The poll found 31% of 18-29 year olds had never voted.")
    assert c.value == 31 and "olds" in c.what
    (c,) = _claims("The global drone market is projected to grow by $9.2 billion, the report said.")
    assert c.value == 9.2e9 and "market" in c.what


def test_a_level_a_market_reports_its_subject_at_and_a_subject_with_into():
    (c,) = _claims("Tata Steel Ltd is quoting at Rs 1,120 on the exchange.")
    assert (c.value, c.unit, c.what) == (1120, "INR", "Tata Steel Ltd")
    (c,) = _claims("Exports of farm goods (AFG) during January-June of 2019 stood at $3.1 billion.")
    assert c.what == "Exports of farm goods"
    (c,) = _claims("Foreign investment into Kenya rose about 12% in the year.")
    assert c.value == 12 and "investment" in c.what


def test_a_share_more_or_less_likely_counts_the_likelihood():
    (c,) = _claims("Adults who walked daily in the past 12 months were 35% less likely to develop diabetes.")
    assert (c.value, c.unit, c.what) == (35, "%", "likely to develop diabetes")
    (c,) = _claims("Drivers were 20 percent more likely to crash at night.")
    assert c.what == "likely to crash"


def test_cents_and_pence_are_money_in_dollars_and_pounds():
    (c,) = _claims("Power will rise to 0.71 cents per kilowatt hour.")
    assert abs(c.value - 0.0071) < 1e-12 and (c.unit, c.text) == ("USD", "0.71 cents") and "kilowatt" in c.what
    (c,) = _claims("A loaf now costs 95 pence.")
    assert abs(c.value - 0.95) < 1e-12 and c.unit == "GBP"


def test_an_amount_per_period_with_nothing_else_named_is_the_amount_per_period():
    (c,) = _claims("Would the Mets go higher than $18 million a season for him?")
    assert c.what == "amount per season"
    (c,) = _claims("The service will now cost each home $4.10 a month.")
    assert c.what == "cost"  # a thing named beside it comes first


def test_a_change_told_right_after_a_level_is_the_levels_subject():
    claims = _claims("The Hang Seng is at 28,450, up 0.4%.")
    assert [(c.value, c.what) for c in claims if c.unit == "%"] == [(0.4, "Hang Seng")]
