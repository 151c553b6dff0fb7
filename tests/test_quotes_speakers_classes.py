"""Speakers of the classes found on the unannotated DUC 2007 topics in session 4: names the entities cut or
over-read, "he said" chains, verbs of manner and of judging, passive agents, bodies and their statements
(constructed texts in the style of wire copy)."""

from __future__ import annotations

from storylens.models import Article

from test_quotes_speakers import _speakers


def test_a_middle_initial_is_part_of_the_name_and_its_surname_speaks():
    got = _speakers("Rights abuses persist, the group said on Monday.\n"
                    "Derek G. Evans, deputy secretary general of the group, said in a statement that torture "
                    "continues. Evans said the government kept the death penalty to save money. ``In other "
                    "words, it is cheaper to kill,'' he said.")
    assert got == {"In other words, it i": "Derek G. Evans"}


def test_the_words_of_a_title_before_a_name_are_no_person():
    from storylens.evidence.entities import recognise

    ents, _ = recognise([Article(id="a", text="The plan was backed by Finnish Foreign Minister Tarja Halonen. "
                                            "Deputy Prime Minister Tansu Ciller said it was good.")], False)
    assert sorted(e.name for e in ents if e.label == "PERSON") == ["Tansu Ciller", "Tarja Halonen"]


def test_he_said_after_a_sentence_whose_subject_spoke_earlier_under_a_longer_name():
    # the entities read "Mike Stevens of the ... Commission" as a body; his quotation gave him his name
    got = _speakers("The scouts watched the ridges.\n"
                    "``I think it was worthwhile,'' said Lt. Mike Stevens of the North Carolina Wildlife "
                    "Commission, who helped recruit hunters.\n"
                    "Stevens said the scouts were paid by the hour.\n"
                    "``They wanted someone who would listen at night,'' he said.")
    assert got["They wanted someone "] == "Mike Stevens"


def test_she_said_after_a_subject_with_two_appositives_who_spoke():
    got = _speakers("The campaign opened in Iowa.\n"
                    "Roxanne Conlin, the party chairwoman in Iowa, where the first caucuses are held, said she "
                    "expected Al Gore to lead. ``But Iowans are sophisticated evaluators,'' she said.")
    assert got["But Iowans are sophi"] == "Roxanne Conlin"


def test_verbs_that_say_how_the_words_were_spoken():
    got = _speakers("Tourists browsed the shops.\n"
                    "Their driver, Dean Gilstrap of Gainesville, liked to tease them.\n"
                    "``I told them not to wander off too far,'' drawled Gilstrap.\n"
                    "Hasan Tekin stood by the rink. ``He died when our building collapsed,'' Tekin managed to "
                    "say.")
    assert got["He died when our bui"] == "Hasan Tekin"
    assert got["I told them not to w"] in ("Gilstrap", "Dean Gilstrap")  # "of Gainesville" hides the full name


def test_a_partial_quotation_after_a_verb_that_judges():
    got = _speakers("The vice president spoke in Iowa.\n"
                    "Al Gore did not mention Bush but criticized his father's ``failed prescriptions of the "
                    "past.''\n"
                    "In financial papers, Microsoft blamed its increases partly on ``higher legal fees and "
                    "litigation costs.''")
    assert got == {"failed prescriptions": "Al Gore", "higher legal fees an": "Microsoft"}


def test_the_role_before_a_comma_names_the_one_person_with_that_role():
    got = _speakers("Prime Minister Bulent Ecevit and Foreign Minister Ismail Cem toured the quake zone.\n"
                    "``Mistakes have been made in the past with regard to building,'' said the prime minister, "
                    "without elaborating.")
    assert got == {"Mistakes have been m": "Bulent Ecevit"}


def test_an_appositive_with_its_own_clause_words_before_the_verb():
    got = _speakers("The director came before the House panel.\n"
                    "Louis Freeh, testifying before the panel, said: ``We are very sensitive to the community "
                    "here.''\n"
                    "Woody Enderson, the agent directing the task force that is searching for the man, said in a "
                    "statement that ``there is no reason to believe'' the two are linked.\n"
                    "Bill Smith, a geophysicist at the US Geological Survey's National Earthquake Information "
                    "Center in Colorado, explained that such numbers are ``still subject to change.''")
    assert got == {"We are very sensitiv": "Louis Freeh", "there is no reason t": "Woody Enderson",
                   "still subject to cha": "Bill Smith"}


def test_he_said_as_an_aside_just_before_the_quotation():
    got = _speakers("Scientists watched the fault.\n"
                    "``People have detected precursor motions,'' said Nafi Toksoz, a geophysicist. With the "
                    "added impetus of this quake, he said, ``we'll push on with it.''")
    assert got["we'll push on with i"] == "Nafi Toksoz"


def test_the_group_said_after_a_sentence_whose_subject_is_a_body():
    got = _speakers("Arrests went on across the country.\n"
                    "In addition, the All Burma Students Democratic Front, an exiles group, said the junta had "
                    "arrested more than 300 students. ``We estimate that more than 900 arrests have been made,'' "
                    "the group said.\n"
                    "The Burma Students Democratic Front is based in Thailand.")
    assert got["We estimate that mor"] == "All Burma Students Democratic Front"


def test_it_said_after_a_body_with_an_appositive():
    got = _speakers("Netscape Communications Corp., Microsoft's main rival, wrote to the Justice Department.\n"
                    "It said that Microsoft made the rival browser \"far less accessible to users.\"")
    assert got["far less accessible "] == "Netscape Communications Corp."


def test_the_statement_said_goes_to_a_body_that_spoke_not_to_a_person():
    got = _speakers("The United States Trade Representative said in a statement it was disappointed.\n"
                    "``If this dispute goes to a panel, we will defend the measure,'' the statement said.",
                    "The European Union Council said on Monday that its members were divided.\n"
                    "``The measure is not consistent with the rules,'' the statement said.",
                    "Jacques Santer said on Monday that the members were divided.\n"
                    "``No agreement was reached at the meeting,'' the statement said.")
    assert got["If this dispute goes"] == "United States Trade Representative"
    assert got["The measure is not c"] == "European Union Council"  # a body speaks through statements
    assert got["No agreement was rea"] is None  # a person's statement is named as his


def test_a_place_that_spoke_before_is_no_speaker_of_the_statement():
    got = _speakers("The United States said in a statement it is disappointed with the decision.\n"
                    "``If this dispute goes to a panel, we will defend the measure,'' the statement said.")
    assert got["If this dispute goes"] is None


def test_the_agent_of_a_passive_verb_that_introduces_the_quotation():
    got = _speakers("The couple married in secret.\n"
                    "Carolyn Bessette, who had worked for Calvin Klein, was immediately anointed a ``symbol of "
                    "American style'' by Liz Tilberis, the editor in chief of Harper's Bazaar.\n"
                    "In 1991 Aung San Suu Kyi was cited by the Nobel Committee as ``one of the most extraordinary "
                    "examples of civil courage.''\n"
                    "The two men who have been described as ``the best agents in the service'' were freed.")
    assert got == {"symbol of American s": "Liz Tilberis", "one of the most extr": "Nobel Committee",
                   "the best agents in t": None}


def test_a_body_named_by_its_country_speaks():
    got = _speakers("The two men were pardoned.\n"
                    "Cyprus government said Thursday that their imprisonment ``no longer served the national "
                    "interest.''\n"
                    "``We could not guarantee their safety,'' the government said.",
                    "Officials met on Friday.\n``There will be no second pardon,'' the government said.")
    # "the government" refers back to the body that spoke just before; with none before it names nobody
    assert got == {"no longer served the": "Cyprus government", "We could not guarant": "Cyprus government",
                   "There will be no sec": None}
    got = _speakers("The army urged civilians to keep away from ``the positions of terrorist groups.''")
    assert got == {"the positions of ter": None}  # a body named by no country: "The" is no name


def test_an_ing_verb_after_and_or_a_comma_shares_the_subject_but_not_after_a_noun():
    got = _speakers("The Senate voted on Friday.\n"
                    "Al Gore issued a statement welcoming the vote and urging the nation to ``heal the wounds of "
                    "this debate.''\n"
                    "Prosecutor George Papaioannou objected to bail, arguing that the two faced ``serious spying "
                    "charges.''\n"
                    "Rick Sherlund released a research memo arguing that talks ``may be heating up.''")
    assert got == {"heal the wounds of t": "Al Gore", "serious spying charg": "George Papaioannou",
                   "may be heating up.": None}


def test_an_intro_verb_after_and_does_not_make_a_title_speech():
    got = _speakers("The awards were given on Sunday.\n"
                    "Eddie Izzard won for both his performance and writing in his special, ''Eddie Izzard: "
                    "Dress to Kill.''")
    assert got.get("Eddie Izzard: Dress ") is None


def test_he_said_after_a_man_who_said_she_would_testify():
    # "said she" is about someone else; the given name says Charles is a man
    got = _speakers("Winfrey was out of the country on Wednesday.\n"
                    "But attorney Charles Babcock said she likely would take the stand herself.\n"
                    "''Let's face it,'' he said. ''She'll make an awfully strong witness.''")
    assert got["Let's face it"] == "Charles Babcock"


def test_a_surname_two_people_of_the_story_share_but_one_of_this_article():
    got = _speakers("Vice President Al Gore spoke in Nashville.\n"
                    "Gore said his administration would give the studios six months. \"What we are calling for "
                    "is self-restraint, not censorship,\" he said.",
                    "Tipper Gore and Al Gore toured the state.\n"
                    "``We love this state,'' Tipper Gore said.")
    assert got["What we are calling "] == "Al Gore"


def test_a_title_case_thing_is_no_person_beside_the_one_who_spoke():
    from storylens.evidence.entities import recognise

    text = ("The talk show host Oprah Winfrey received a 50th Anniversary Medal from the foundation.\n"
            "``More than movie stars and famous politicians, I love authors,'' she said.")
    ents, _ = recognise([Article(id="a", text=text)], False)
    assert [e.name for e in ents if e.label == "PERSON"] == ["Oprah Winfrey"]
    assert _speakers(text) == {"More than movie star": "Oprah Winfrey"}


def test_a_family_that_released_a_statement_speaks_in_it():
    got = _speakers("Edward Kennedy visited the house.\n"
                    "After the visit, the Kennedy family released a statement.\n"
                    "``We are filled with unspeakable grief and sadness by the loss,'' the family wrote.\n"
                    "The Smith family said they had seen the plane.",
                    "Relatives gathered at the house.\nThe Bessette family released a statement.\n"
                    "``Each of these three young people was the embodiment of love.''")
    assert got["Each of these three "] == "Bessette family"
    assert got["We are filled with u"] != "Edward Kennedy"


def test_a_sentence_that_ends_after_the_verb_is_no_attribution_of_the_next_quotation():
    got = _speakers("Jose Villarreal joined the campaign in January.\n"
                    "Serving as treasurer is a ``new area of responsibility for me,'' Villarreal said in an "
                    "interview Monday. ``I have never been involved in this capacity before.''")
    assert got == {"new area of responsi": "Jose Villarreal", "I have never been in": "Jose Villarreal"}


def test_a_transcript_names_each_speaker_before_a_colon():
    got = _speakers("Roseanne Barr talked with Gennifer Flowers on her show.\n"
                    "Barr: ``Powerful guys like to be spanked. Did he ever have that?'' Flowers: ``With me, "
                    "he had it all!''\n"
                    "Note: ``All times are local times here.''")
    assert got == {"Powerful guys like t": "Roseanne Barr", "With me, he had it a": "Gennifer Flowers",
                   "All times are local ": None}


def test_he_said_after_an_unnamed_source_is_not_the_last_named_speaker():
    got = _speakers("Judge Thomas Penfield Jackson asked Posner to mediate.\n"
                    "At the time, Jackson noted, ``I don't think he is going to waste a whole lot of time.''\n"
                    "A settlement will come in two months or not at all, according to another person close to the "
                    "case. ``By the end of January, or it won't happen,'' he said.")
    assert got["I don't think he is "] == "Thomas Penfield Jackson"
    assert got["By the end of Januar"] is None


def test_a_name_with_van_den_and_the_role_before_it():
    got = _speakers("The European Union's External Affairs Commissioner Hans van den Broek met the minister.\n"
                    "Van den Broek said the talks went well. ``I think we have made clear what we expect,'' said "
                    "the commissioner, who also spoke of aid.")
    assert got["I think we have made"] == "Hans van den Broek"
