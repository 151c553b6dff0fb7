"""A summary sentence cites another source only where that source states every number the sentence writes in
digits: its counts, amounts, ages, scores and times (invented sentences)."""

from __future__ import annotations

from storylens.models import Article
from storylens.summarizers.pool import SentencePool
from storylens.text.claims import article_numbers, stated_numbers, states_all

FILLER = "Officials in the capital met for talks on a new stadium and the winter schedule of the league."


def _cites(*texts: str) -> tuple[int, ...]:
    """The articles the first article's first sentence cites, in a story of ``texts`` (one article each)."""
    pool = SentencePool.build([Article(id=f"a{i}", text=t) for i, t in enumerate(texts)])
    first = next(i for i, s in enumerate(pool.sentences) if s.doc_index == 0 and s.position == 0)
    (s,) = pool.to_summary([first]).sentences
    return s.citations


def test_the_numbers_a_sentence_states_in_digits():
    assert stated_numbers("The club offered the pitcher an 8-year, $160 million contract.") == {8.0, 160e6}
    assert stated_numbers("It was worth $1.2m, or 1.5bn in all, over 20,500 miles.") == {1.2e6, 1.5e9, 20500.0}
    assert stated_numbers("Kline (52-3, 46 KOs) won his 10th bout at 10am, 48km away.") == {
        52.0, 3.0, 46.0, 10.0, 48.0}
    assert stated_numbers("Around 7 p.m. at 200 West Main Street.") == {7.0, 200.0}
    # years, decades and days of the month are dates; a number inside a name is no figure
    assert stated_numbers("In 1998, in the 1990s, on Sept. 9th and on March 4, the 76ers and the G8 met.") == set()
    assert stated_numbers("Nine jurors were for it and three against.") == set()  # words: not asked for


def test_an_article_states_numbers_in_words_and_in_names_too():
    got = article_numbers("He was offered an eight-year deal; nine jurors agreed. The 76ers won.")
    assert {8.0, 9.0, 76.0} <= got
    assert states_all(frozenset({1.5e6}), frozenset({1_500_000.0}))
    assert not states_all(frozenset({8.0, 160e6}), frozenset({8.0}))


OFFER = "The Hawks offered pitcher Mark Kline an 8-year, $160 million contract on Tuesday, his agent said."
OFFER_IN_WORDS = "Mark Kline's agent said the Hawks offered the pitcher an eight-year, $160 million contract."
OFFER_PART = "Mark Kline's agent said the Hawks offered the pitcher an eight-year contract on Tuesday."


def test_a_source_is_cited_only_where_it_states_every_number():
    assert _cites(OFFER, OFFER_IN_WORDS, FILLER) == (0, 1)  # "eight-year" states 8
    assert _cites(OFFER, OFFER_PART, FILLER) == (0,)  # no $160 million: a part of the claim only
    # the number may stand anywhere in the cited article
    assert _cites(OFFER, OFFER_PART + "\nThe deal was worth $160 million in all, the team said.", FILLER) == (0, 1)


TIMED = "Police said a woman, 66, was struck in the crosswalk outside the store around 7 p.m. Wednesday."
UNTIMED = "Police said a woman, 66, was struck in the crosswalk outside the store on Wednesday evening."


def test_a_time_of_day_is_a_number_the_source_must_give():
    assert _cites(TIMED, UNTIMED, FILLER) == (0,)
    assert _cites(TIMED, UNTIMED.replace("on Wednesday evening", "at about 7 p.m. on Wednesday"), FILLER) == (0, 1)


def test_a_day_of_the_month_states_no_count():
    assert 19.0 not in article_numbers("Sept. 19 _ The department opens its probe of the browser.")
    assert 150_000.0 in article_numbers("An additional 150, 000 people live in cramped homes.")  # tokenised


def test_a_number_a_tokeniser_split_is_one_number():
    assert stated_numbers("It is a lot closer to the $27. 5 million that the club paid.") == {27.5e6}
    assert stated_numbers("It cost the city about $215, 000 in court settlements.") == {215_000.0}
    assert article_numbers("the $27.5 million deal") >= stated_numbers("the $27. 5 million deal")


def test_numbers_in_the_other_languages_are_read_with_their_scale():
    assert stated_numbers("Mehr als 1,5 Millionen Menschen und 2.500 Soldaten", "de") == {1.5e6, 2500.0}
    assert states_all(stated_numbers("plus de 2,5 milliards d'euros", "fr"),
                      article_numbers("more than 2.5 billion euros"))
