"""Quotations and their speakers on the conventions of real wire copy (cases from DUC 2007 stories)."""

from __future__ import annotations

from storylens.config import Options
from storylens.evidence import analyze as _analyze
from storylens.evidence.entities import person_index, recognise
from storylens.evidence.quotes import can_speak, split_name_role, story_quotes
from storylens.models import Article


def analyze(articles):
    return _analyze(articles, None, Options(use_spacy=False))  # the same rules whether spaCy is installed or not


def _quotes(text: str):
    a = Article(id="a", text=text, published="1999-03-02")
    return {q.text[:24]: q for q in analyze([a])["quotes"]}


def _speakers(text: str) -> dict[str, str | None]:
    return {k: q.speaker for k, q in _quotes(text).items()}


def test_quotations_opened_with_two_apostrophes():
    got = _speakers("Stores sold out of bottled water.\n"
                    "''You can never be too safe,'' said Linda Batz, who bought six gallons. ''We are ready for "
                    "anything.''")
    assert got == {"You can never be too saf": "Linda Batz", "We are ready for anythin": "Linda Batz"}


def test_curly_single_and_straight_double_quotes_and_a_nested_quotation():
    got = _quotes("\u2018We will fight on until the end,\u2019 said Anna Berg.\n"
                  "\u201cHe told me \u2018never again,\u2019 and then he left the room,\u201d said Carl Olsen.")
    assert got["We will fight on until t"].speaker == "Anna Berg"
    (nested,) = [q for k, q in got.items() if k.startswith("He told me")]
    assert nested.speaker == "Carl Olsen" and nested.text.endswith("left the room")
    assert not any(k.startswith("never again") for k in got)  # the inner quotation is part of the outer


def test_titles_are_not_speakers_and_names_keep_their_initials():
    got = _quotes("The study was published on Monday.\n"
                  "``The risk is real but small,'' said Dr. Dan Geschwind, a neurologist.\n"
                  "``We have seen nothing like it before,'' said Walter C. Smith, the mayor.")
    assert got["The risk is real but sma"].speaker == "Dan Geschwind"
    assert "Dr." in got["The risk is real but sma"].role
    assert got["We have seen nothing lik"].speaker == "Walter C. Smith"


def test_an_affiliation_or_a_place_is_not_the_speaker():
    got = _speakers("Researchers disagree.\n"
                    "``The evidence is still thin,'' said Douglas Meinecke of the National Institute of Mental "
                    "Health.\n"
                    "``Consumers are nervous about the jobs,'' said Mark Vitner of Charlotte, N.C.-based First Union.")
    assert got == {"The evidence is still th": "Douglas Meinecke", "Consumers are nervous ab": "Mark Vitner"}
    assert split_name_role("Judge Lance A. Ito of the Los Angeles Superior Court")[0] == "Lance A. Ito"


def test_a_surname_that_is_also_a_title_word():
    got = _speakers("The band sued.\n''They are absolutely lying to us all,'' said attorney Howard King.")
    assert got == {"They are absolutely lyin": "Howard King"}


def test_titles_of_works_are_not_quotations():
    got = _quotes("She starred in the film \"The Bridges of Madison County\" in 1995.\n"
                  "The festival showed \u201cA Night At The Grand Old Opera House\u201d twice.\n"
                  "\u201cIt was the best role of my career,\u201d she said.")
    assert list(got) == ["It was the best role of "]


def test_he_said_across_paragraphs_and_in_a_one_person_article():
    text = ("Prosecutor Cal Rerucha said the trial would be short.\n"
            "The jury was seated on Monday after two days of questions.\n"
            "Defense lawyers made no statement.\n"
            "``It will simply be about the pain and the death of a young man,'' he said.")
    (q,) = analyze([Article(id="a", text=text)])["quotes"]
    assert q.speaker == "Cal Rerucha" and q.resolution == "context"
    # two people named: the "he" after both stays unresolved, never guessed
    text2 = ("Prosecutor Cal Rerucha said the trial would be short. Judge Jeffrey Donnell agreed.\n"
             "The jury was seated on Monday.\n"
             "``It will simply be about the pain and the death of a young man,'' he said.")
    (q,) = analyze([Article(id="b", text=text2)])["quotes"]
    assert q.speaker is None and q.resolution == "unresolved"


def test_inverted_said_and_the_body_named_before():
    got = _speakers("The hearing was set for May.\nSaid Evans: ``We want to get this case resolved or tried.''")
    assert got == {"We want to get this case": "Evans"}
    text = ("The International Council on Monuments and Sites sent experts to the park.\n"
            "``The site will not retain its integrity near the proposed mine,'' the council said.")
    a = Article(id="c", text=text)
    ents, _ = recognise([a], False)
    (q,) = story_quotes([a], person_index(ents), {"Council": "International Council"})
    # the body's name as the article gives it in full, not the entities' shorter one
    assert q.speaker == "International Council on Monuments and Sites" and q.resolution == "context"


def test_who_can_speak():
    assert not can_speak("Dr") and not can_speak("Sen.") and not can_speak("Monday")
    assert not can_speak("Instead") and not can_speak("officials")
    assert not can_speak("Aleppo") and can_speak("Linda Batz") and can_speak("Napster")


def test_quotes_are_ranked_by_outlets_then_speaker_prominence():
    a = Article(id="a", text="``We will not leave this city without a fight,'' said Anna Berg.\n"
                             "``The water ran out three days ago for everyone,'' said Carl Olsen.\n"
                             "``Nobody has come to help the wounded here,'' said Carl Olsen.")
    b = Article(id="b", text="``We will not leave this city without a fight,'' Anna Berg said on Monday.")
    qs = analyze([a, b])["quotes"]
    assert [q.rank for q in qs] == [1, 2, 3]
    assert qs[0].speaker == "Anna Berg" and qs[0].article_ids == ("a", "b")  # two outlets first
    assert [q.speaker for q in qs[1:]] == ["Carl Olsen", "Carl Olsen"]  # then text order


def test_a_named_person_whose_name_is_a_title_word_and_a_quotation_that_runs_on():
    got = _speakers("John William King wrote to an inmate.\n"
                    "In it, King professed, ``We will rightfully claim what is ours in the end.''\n"
                    "``I got concerned about how much bandwidth was left for e-mail'' and other uses, Buss said.")
    assert got["We will rightfully claim"] == "John William King"
    assert got["I got concerned about ho"] == "Buss"


def test_whole_statements_rank_before_fragments():
    a = Article(id="a", text="Carl Olsen called it ``a little progress'' on Monday.\n"
                             "``The water ran out three days ago for everyone here,'' said Anna Berg.")
    qs = analyze([a])["quotes"]
    assert [q.text[:9] for q in qs] == ["The water", "a little "] and [q.rank for q in qs] == [1, 2]
