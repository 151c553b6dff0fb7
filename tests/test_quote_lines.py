"""Quotations of web news stored a sentence to a line: one quotation over several lines, marks set off by
spaces, a straight opening mark closed by a curly one (invented text in the style of web news)."""

from __future__ import annotations

from storylens.config import Options
from storylens.evidence import analyze
from storylens.evidence.quote_lines import quotation_paragraphs
from storylens.models import Article


def _quotes(*texts: str) -> dict[str, str | None]:
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    return {q.text: q.speaker for q in analyze(arts, None, Options(use_spacy=False))["quotes"]}


def test_a_quotation_over_two_lines_gets_the_speaker_on_the_closing_line():
    got = _quotes("The fire chief spoke to reporters on Friday.\n"
                  "\"Right now there is no sign of any link to the campaign.\n"
                  "We just do not have any leads on the motive, \"Steele said.")
    assert got == {"Right now there is no sign of any link to the campaign. We just do not have any leads on "
                   "the motive": "Steele"}


def test_the_closing_mark_opens_no_quotation_of_the_attribution():
    got = _quotes("Pastor Larry Kroon spoke on Sunday.\n"
                  "\"It is hard to say at this point.\n"
                  "Everything is just speculation, \"the pastor said.")
    assert list(got) == ["It is hard to say at this point. Everything is just speculation"]
    assert "the pastor said." not in got


def test_three_lines_of_curly_quotation_with_marks_set_off_by_spaces():
    got = _quotes("Councilman Charles Barron visited the block.\n"
                  "\u201c We are talking about a powder keg out here.\n"
                  "People are angry.\n"
                  "Any incident could trigger it, \u201d City Councilman Charles Barron told the LA Times.")
    assert list(got.values()) == ["Charles Barron"]
    assert next(iter(got)).endswith("Any incident could trigger it")


def test_each_paragraph_that_opens_again_is_its_own_quotation():
    got = _quotes("Mayor Ann Bell spoke after the vote.\n"
                  "\"We will rebuild the bridge this year.\n"
                  "\"And we will pay for it without a new tax,\" Bell said.")
    assert set(got) == {"We will rebuild the bridge this year.", "And we will pay for it without a new tax"}


def test_no_joining_when_the_next_mark_opens_a_quotation_of_its_own():
    text = "\"We will win this.\nThe rally ended at noon.\nHe called it \"a good day for all of us.\""
    assert [p for _, p in quotation_paragraphs(text)] == text.split("\n")


def test_a_joined_paragraph_keeps_the_article_offsets():
    text = "One line.\n\"First sentence here.\nSecond one, \"he said.\nLast."
    got = list(quotation_paragraphs(text))
    assert [s for s, _ in got] == [0, 10, 54]
    assert all(text[s:s + len(p)].replace("\n", " ") == p for s, p in got)


def test_a_straight_opening_mark_closed_by_a_curly_one():
    got = _quotes("His sister, Mahnefah Gray, spoke outside the hospital.\n"
                  "\"They thought he was reaching back to get a gun, \u201d she said.")
    assert got == {"They thought he was reaching back to get a gun": "Mahnefah Gray"}


def test_single_curly_marks_set_off_by_spaces():
    got = _quotes("Council Member Jumaane Williams posted on Twitter after the vigil.\n"
                  "\u2018 Tonight was a peaceful vigil that turned into a riot, \u2019 Williams wrote.")
    assert got == {"Tonight was a peaceful vigil that turned into a riot": "Jumaane Williams"}


def test_council_member_is_a_title_not_part_of_the_name():
    got = _quotes("City Council Member Jumaane Williams said the youth \"have no outlets for their anger.\"")
    assert list(got.values()) == ["Jumaane Williams"]


def test_a_line_ending_in_a_colon_introduces_the_quotation_on_the_next():
    got = _quotes("Interior Secretary Dirk Kempthorne called the rule changes narrow.\n"
                  "Andrew Wetzler, director of the council's species program, was blunt:\n"
                  "\"We will see them in court.\"\n"
                  "Kempthorne, for his part, sounded aware of timing, when he noted he had 39 days left.\n"
                  "Asked if that gave him pause, he replied:\n"
                  "\"Do you think a quarterback should leave the field five minutes before the end?\"")
    assert got == {"We will see them in court.": "Andrew Wetzler",
                   "Do you think a quarterback should leave the field five minutes before the end?":
                       "Dirk Kempthorne"}


def test_a_line_ending_in_a_speech_verb_and_a_comma():
    got = _quotes("Andrew Wetzler, director of the program, commented,\n"
                  "\"This administration has rejected anything with a whiff of science.\"")
    assert list(got.values()) == ["Andrew Wetzler"]


def test_a_colon_after_no_named_person_gives_no_speaker():
    got = _quotes("The message from the protesters was simple:\n\"We want our jobs back now.\"")
    assert list(got.values()) == [None]


def test_a_passage_pasted_from_another_outlet_is_the_outlets():
    got = _quotes("There is breaking news out of Troy.\n"
                  "\"A gunman shot three people at an office building Monday morning, police said.\n"
                  "Witnesses said the shooter was a former employee of a firm in the building. \"(Yahoo! News "
                  "article)\n"
                  "\"The office building is about 15 miles north of the city, officials said. \"(CNN News Article)")
    assert sorted(got.values()) == ["CNN", "Yahoo! News"]


def test_a_persons_words_in_single_marks_inside_a_pasted_passage_stay_theirs():
    got = _quotes("\"I'm not positive all three were targeted, but there was a purpose,\" Chief Charles Craft said.",
                  "\"Officers found a gun in the car, police said.\n"
                  "'I'm not positive all three were targeted, but there was a purpose,' Craft said.\n"
                  "Calls to the firm were not answered. \"(USA Today article)")
    assert got["I'm not positive all three were targeted, but there was a purpose"] == "Charles Craft"
    assert [k for k, v in got.items() if v == "USA Today"] != []


def test_a_pasted_passage_whose_closing_mark_is_missing_ends_at_its_credit():
    text = ("\"The office building is about 15 miles north of the city.\n"
            "Police in vests could be seen going into the building. (CNN News Article)\n"
            "\"Lt. Gerry Scherlinck told FOX News that the car is gone from the lot.\n"
            "The suspect's car was a silver Ford Fusion. \"(Fox News article)")
    assert len(list(quotation_paragraphs(text))) == 2
    got = _quotes(text)
    assert sorted(got.values()) == ["CNN", "Fox News"]
    assert not any("Article" in q for q in got)


def test_a_straight_mark_that_opens_its_line_closes_nothing():
    text = "\"We will win this.\nThe rally ended.\n\"Smith said it was over, and it was.\""
    assert [p for _, p in quotation_paragraphs(text)] == text.split("\n")
