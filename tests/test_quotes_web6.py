"""Speakers of quotations in web news, session 6: names the rule-based entities misread ("O'Connor", a
sentence adverb, a title abbreviation or an office ending a run), "according to X and was ...", and "he said"
after reported speech or after a sentence that names only someone the pronoun cannot be (invented text)."""

from __future__ import annotations

from storylens.config import Options
from storylens.evidence import analyze
from storylens.evidence.entities import recognise
from storylens.models import Article


def _speakers(*texts: str) -> dict[str, str | None]:
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    return {q.text: q.speaker for q in analyze(arts, None, Options(use_spacy=False))["quotes"]}


def _names(text: str) -> dict[str, str]:
    return {e.name: e.label for e in recognise([Article(id="a", text=text)], False)[0]}


def test_a_name_with_an_apostrophe_particle_is_a_person():
    names = _names("The news surprised Reunion Pictures' Matthew O'Connor, who produced the film.")
    assert names.get("Matthew O'Connor") == "PERSON" and names.get("Reunion Pictures") == "ORG"


def test_a_sentence_adverb_is_no_part_of_a_name():
    names = _names("Brian Nichols was sentenced on Saturday. Ironically Nichols had asked for mercy.")
    assert "Ironically Nichols" not in names and names.get("Brian Nichols") == "PERSON"


def test_a_title_abbreviation_ending_a_run_belongs_to_the_next_name():
    names = _names("Oklahoma Sen. James Inhofe welcomed the rules. He met Amartya Sen. The Nobel laureate spoke.")
    assert "Oklahoma Sen" not in names and names.get("James Inhofe") == "PERSON" and "Amartya Sen" in names


def test_an_office_is_no_name_and_its_holder_speaks():
    assert "Alaska Governor" not in _names("Voters backed Alaska Governor Sarah Palin. The Alaska Governor left.")
    got = _speakers("Alaska Governor Sarah Palin attends the church.\n"
                    "On Saturday, the Alaska Governor said she was sorry if the fire was connected to \"undeserved "
                    "negative attention\" from her campaign.")
    assert got == {"undeserved negative attention": "Sarah Palin"}


def test_according_to_a_source_when_the_sentence_goes_on():
    got = _speakers("The fire \"was set at the entrance of the church\" according to the Associated Press and was "
                    "fought by firefighters for nearly eight hours before it was put out.")
    assert got == {"was set at the entrance of the church": "Associated Press"}


def test_he_said_after_reported_speech_and_a_sentence_naming_only_a_woman():
    got = _speakers("Her spokesman, Bill McAllister, said, \"The governor has faith that good will come of it.\"\n"
                    "Mr Steele said the blaze was being treated as arson.\n"
                    "Authorities did not know whether Mrs Palin's connection to the church was relevant.\n"
                    "\"It is hard to say at this point, \"he said.")
    assert got["It is hard to say at this point"] == "Steele"


def test_he_said_stays_unresolved_when_another_man_is_named_in_between():
    got = _speakers("Her spokesman, Bill McAllister, said, \"The governor has faith that good will come of it.\"\n"
                    "Mr Steele said the blaze was being treated as arson.\n"
                    "John Smith, the pastor, was not at the church.\n"
                    "The fire burned for eight hours.\n"
                    "\"It is hard to say at this point, \"he said.")
    assert got["It is hard to say at this point"] is None


def test_a_common_given_name_says_she_is_no_he():
    got = _speakers("Tara Reid checked into a clinic, her publicist said.\n"
                    "The move surprised the producer Matthew O'Connor, who coproduced Reid last year.\n"
                    "\"Tara was completely professional,\" he told reporters.")
    assert got["Tara was completely professional"] == "Matthew O'Connor"


def test_she_said_after_an_unnamed_newcomer_stays_unresolved():
    got = _speakers("\"I am grateful to return to the farm,\" Oprah Winfrey writes.\n"
                    "Jerry Springer's show is on the other channel.\n"
                    "A mom comes on stage and slaps a guy named Jason.\n"
                    "\"You are a big fat liar, Jason,\" she screams.")
    assert got["You are a big fat liar, Jason"] is None


def test_a_participle_of_saying_has_the_subject_of_its_clause_speak():
    got = _speakers("According to the charges, police stopped the car of Anthony LaSalle, but LaSalle refused to "
                    "comply, saying officers \"would need to kill\" him.\n"
                    "Sheriff Robert Pickell spoke on Monday.\n"
                    "Anthony LaCalamita said nothing after officers surrounded him, Pickell said, describing the "
                    "suspect as \"very, very, very subdued\".")
    assert got == {"would need to kill": "Anthony LaSalle", "very, very, very subdued": "Robert Pickell"}


def test_a_participle_after_a_quotation_and_its_tag_is_the_tag_speakers():
    got = _speakers("Clinton has \"acknowledged that what he did was wrong,\" Gore said, adding that the nation must "
                    "also \"acknowledge that partisan impeachment is wrong.\"")
    assert got["acknowledge that partisan impeachment is wrong."] == "Gore"
