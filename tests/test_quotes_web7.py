"""Speakers of quotations in web news from many outlets, session 7: an epithet for the person just named ("the
Taradise star said", "the Ghanaian theologian") (invented text)."""

from __future__ import annotations

from storylens.config import Options
from storylens.evidence import analyze
from storylens.evidence.speakers import epithet_pronoun
from storylens.models import Article


def _speakers(*texts: str) -> dict[str, str | None]:
    arts = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    return {q.text: q.speaker for q in analyze(arts, None, Options(use_spacy=False))["quotes"]}


def test_an_epithet_is_read_as_a_pronoun_of_its_sex():
    assert epithet_pronoun("the Footloose star") == "one"
    assert epithet_pronoun("the 33-year-old") == "one"
    assert epithet_pronoun("the Oscar-winning actress") == "she"
    assert epithet_pronoun("the Ghanaian theologian") == "one"
    assert epithet_pronoun("the spokesman") is None  # someone of their own, found from the roles
    assert epithet_pronoun("the Vernon Morning Star") is None  # a capitalised head is a name


def test_an_epithet_goes_to_the_person_the_sentence_before_names():
    got = _speakers("The 33-year-old Sandra Pyle described her year to the magazine. When asked about her plans, "
                    "the Skyfall star said, \"I have done enough of everything for a lifetime.\"")
    assert got["I have done enough of everything for a lifetime."] == "Sandra Pyle"


def test_an_epithet_after_the_last_speaker_goes_on_with_them():
    got = _speakers("\"We also want a longer annual leave,\" Ms Chao told us on Monday.\n"
                    "That is more than the law provides.\n"
                    "\"Many workers are shift workers,\" the gaming labour activist told the agency.",
                    "Cloee Chao leads the union of gaming staff.")
    assert got["Many workers are shift workers"] == "Cloee Chao"


def test_an_epithet_stays_unresolved_when_two_people_fit():
    got = _speakers("Kevin Pratt and Daniel Moss met the director of the film on Friday.\n"
                    "\"We were never told about the cuts,\" the actor said.")
    assert got["We were never told about the cuts"] is None


def test_a_last_word_named_alone_as_a_place_is_no_surname():
    got = _speakers("Casinos such as Wynn Macau stand near the route.\n"
                    "\"We also want a longer annual leave,\" Ms Chao told us on Monday.\n"
                    "Workers in Macau rest one day a week, according to the law.\n"
                    "\"Many workers are shift workers,\" the gaming labour activist told the agency.",
                    "Cloee Chao leads the union of gaming staff in Macau.")
    assert got["Many workers are shift workers"] == "Cloee Chao"


def test_a_straight_mark_after_a_stop_or_comma_never_opens_a_quotation():
    from storylens.evidence.quote_spans import quote_spans
    line = ("Head of the agency Doni Monardo has urged other basic needs for evacuees,\" he was quoted as saying. "
            "The floods have disrupted transport. \"We are hoping the waters recede,\" an official said.")
    assert [line[s:e] for s, e in quote_spans(line)] == ["We are hoping the waters recede,"]


def test_a_curly_quotation_closed_by_a_straight_mark_after_its_stop():
    from storylens.evidence.quote_spans import quote_spans
    line = "He said flavors would be taken off the market \u201cfor a period of time.\" The rest was vague."
    assert [line[s:e] for s, e in quote_spans(line)] == ["for a period of time."]


def test_a_mark_after_a_stop_before_a_capital_opens_the_next_quotation():
    from storylens.evidence.quote_spans import quote_spans
    cut = "\"As you probably know, the plot points are writes. \"When my team and I flew down, we met nobody."
    assert [cut[s:e] for s, e in quote_spans(cut)] == ["As you probably know, the plot points are writes. ",
                                                        "When my team and I flew down, we met nobody."]
    # the ECB+ texts set a closing mark off by a space, before its attribution: that mark still closes
    ecb = "\"I am so excited to be hosting for the second time. \"DeGeneres said in a statement."
    assert [ecb[s:e] for s, e in quote_spans(ecb)] == ["I am so excited to be hosting for the second time. "]


def _names(text: str) -> dict[str, str]:
    from storylens.evidence.entities import recognise
    return {e.name: e.label for e in recognise([Article(id="a", text=text)], False)[0]}


def test_a_headline_ending_in_the_name_the_body_opens_with_is_one_name():
    names = _names("Return to form near, insists Joe Root Joe Root believes he is close to his best form.")
    assert names.get("Joe Root") == "PERSON" and "Joe Root Joe Root" not in names


def test_page_furniture_is_no_part_of_a_name():
    names = _names("The column ran on Monday. Advertisement Do we need a government? Related Mary Stone spoke.")
    assert "Advertisement Do" not in names and "Related Mary Stone" not in names and "Mary Stone" in names


def test_a_place_before_its_office_is_no_person():
    names = _names("The former Uttar Pradesh chief minister also said persons in office should not forget it.")
    assert names.get("Uttar Pradesh") != "PERSON"


def test_words_that_are_no_speakers():
    from storylens.evidence.speakers import can_speak
    for word in ("Another", "I\u2019m", "Democrat", "Titled Christus Vivit", "Homelessness", "Someone"):
        assert not can_speak(word), word
    assert can_speak("Mike Cooperman") and can_speak("O'Donnell") and can_speak("Clement")


def test_another_resident_is_nobody_named():
    got = _speakers("One resident said: \"We heard lots of fireworks going off that night.\"\n"
                    "Another added: \"We came out of the house and could see the lady lying in the road.\"")
    assert got["We came out of the house and could see the lady lying in the road."] is None


def test_a_given_name_alone_is_the_one_person_named_in_full_with_it():
    got = _speakers("The fishing trail started because Jason Townsend saw a need. Father and keen angler, Jason "
                    "wanted to share his passion. \"I started this because we have no fishing club here,\" Jason said.")
    assert got["I started this because we have no fishing club here"] == "Jason Townsend"


def test_a_one_word_name_and_a_relative_clause_without_a_comma():
    got = _speakers("\"I will not resort to cheap controversy for popularity,\" said Afieq who had released a "
                    "new single.")
    assert got["I will not resort to cheap controversy for popularity"] == "Afieq"


def test_said_then_the_speaker_and_a_colon_inside_the_sentence():
    got = _speakers("Many assumed Paul Wexler wanted a fight. Not true, said Mr Wexler: \"we acted to stop a fight.\"")
    assert got["we acted to stop a fight."] == "Paul Wexler"


def test_with_a_name_and_a_participle_of_saying():
    got = _speakers("Anna Lagae runs the group. There is no quota, with Lagae stressing that \"every mask does "
                    "count.\"")
    assert got["every mask does count."] == "Anna Lagae"


def test_as_a_name_put_it():
    got = _speakers("Marco Velli will sing on Sunday. As Velli put it, \"It is an occasion to pray together.\"")
    assert got["It is an occasion to pray together."] == "Marco Velli"


def test_one_person_read_several_ways_is_one_candidate():
    from storylens.evidence.speaker_context import one_person
    assert one_person(["Apostle Opoku Onyinah", "Opoku Onyinah", "Apostle Opoku Onyinah Advise Christians"]) == \
        ["Opoku Onyinah"]
    assert one_person(["Kevin Pratt", "Daniel Moss"]) == ["Kevin Pratt", "Daniel Moss"]
    got = _speakers("Do Not Rush For Signs - Apostle Opoku Onyinah Advise Christians The former chairman of the "
                    "church, Apostle Professor Opoku Onyinah, has admonished Christians. According to the Ghanaian "
                    "theologian, Christians ought to \"flow in the spirit every day.\"")
    assert got["flow in the spirit every day."] == "Opoku Onyinah"


def test_he_said_after_a_name_right_before_the_speech_verb_past_an_opening_of_commas():
    got = _speakers("In a meeting with his Chinese counterpart, Wang Yi, in Beijing on Tuesday, Iran's Foreign "
                    "Minister Mohammad Javad Zarif said that the ties show the two sides' keenness.\n"
                    "\"We need to keep up regular consultations on many issues,\" he added.")
    assert got["We need to keep up regular consultations on many issues"] == "Mohammad Javad Zarif"


def test_a_name_with_a_relative_clause_of_its_own_is_no_mere_object():
    got = _speakers("The news comes as a surprise to producer Matthew Kerrigan, who worked with Reid last year.\n"
                    "\"Tara was always professional on the set,\" he told the magazine.")
    assert got["Tara was always professional on the set"] == "Matthew Kerrigan"
    got = _speakers("Police arrested Matthew Kerrigan, who was found in a car.\n"
                    "\"He did not resist at any point,\" he told the magazine.")
    assert got["He did not resist at any point"] is None


def test_a_short_answer_names_who_goes_on_in_the_next_paragraph():
    got = _speakers("The move surprised Matthew Kerrigan, who produced the film.\n"
                    "\"Absolutely not,\" Kerrigan said when asked whether he had seen any warning signs.\n"
                    "\"She was better than fine - great.\"")
    assert got["She was better than fine - great."] == "Matthew Kerrigan"


def test_what_a_person_does_capitalised_before_the_name_is_no_part_of_it():
    got = _speakers("Resident Jo Locke said: \"Our neighbours thought it was fireworks because of a loud bang.\"")
    assert got["Our neighbours thought it was fireworks because of a loud bang."] == "Jo Locke"
    assert _names("Singer Afieq Shazwan released a single. Actor Adam Driver spoke.").get("Afieq Shazwan") == "PERSON"
    assert _speakers("\"We will be back next year,\" said actor Adam Driver.")["We will be back next year"] == \
        "Adam Driver"


def test_the_company_is_the_body_that_spoke_in_the_sentence_before_past_a_picture_credit():
    got = _speakers("Apple used chips designed by others. (Image source: Bloomberg) UK chip designer Imagination "
                    "Technologies Group Plc said it has struck a new deal with Apple, reviving ties. The company, "
                    "which was sold in 2017, said Thursday it \"formed a new multi-year license agreement.\"")
    assert got["formed a new multi-year license agreement."] == "Imagination Technologies Group Plc"


def test_he_said_after_a_sentence_whose_subject_is_an_epithet():
    text = ("Robert Kubica will be the team's reserve driver next season.\n"
            "Kubica, 35, made his debut with the team in 2006.\n"
            "The Pole, who suffered a near-fatal accident in 2011, made his comeback with Williams last season.\n"
            "\"I'm starting a new chapter in my career by joining the team,\" he said in a statement.")
    got = _speakers(text, "Experienced Pole Robert Kubica drove for the team in 2006.")
    assert got["I'm starting a new chapter in my career by joining the team"] == "Robert Kubica"


def test_a_name_opening_the_sentence_as_a_modifier_of_a_role():
    got = _speakers("Gary McLaren died on Friday. Bar owner and friend Mike Cooperman shared a photo of him, "
                    "writing: \"I will always remember how happy you were that night.\"")
    assert got["I will always remember how happy you were that night."] == "Mike Cooperman"
    # an epithet of another trade is someone else: the host is not the actor the sentence before names
    got = _speakers("Actor Jeff Daniels spoke in July.\nThe Late Show host accused the attorney general of lies and "
                    "said on his show, \"Happy Bill Barr Day, everybody! I got you a gift.\"")
    assert got["Happy Bill Barr Day, everybody! I got you a gift."] is None


def test_one_word_after_what_a_person_does_is_a_person():
    assert _names("BSP supremo Mayawati on Wednesday accused the government.").get("Mayawati") == "PERSON"
    got = _speakers("BSP supremo Mayawati on Wednesday accused the government of weakening the law.\n"
                    "\"The New Year should not be painful like last year,\" she said.")
    assert got["The New Year should not be painful like last year"] == "Mayawati"


def test_a_title_case_headline_glued_before_the_subject():
    from storylens.evidence.speakers import can_speak
    assert not can_speak("Heidi Is Separated From Her Husband Due To Coronavirus Heidi")
    assert can_speak("Bill de Blasio") and can_speak("Robert De Niro") and can_speak("Theresa May")
    got = _speakers("Heidi Klum shared a story about her scare. Heidi Is Separated From Her Husband Due To "
                    "Coronavirus Heidi wrote on Instagram, \"Like many of you, I have been sick all week.\"")
    assert got["Like many of you, I have been sick all week."] == "Heidi Klum"


def test_a_given_name_alone_when_the_page_glued_a_word_to_the_full_name():
    assert "Jason Townsend Email" not in _names("Share this story with Jason Townsend Email now.")
    got = _speakers("The trail started because Jason Townsend saw a need. Father and angler, Jason wanted to share "
                    "his passion. \"I started this because we have no fishing club,\" Jason said.",
                    "Contact Jason Townsend Email: jt@example.org")
    assert got["I started this because we have no fishing club"] == "Jason Townsend"


def test_a_first_word_alone_is_the_one_speaker_before_named_in_full_with_it():
    got = _speakers("The leader said he would soon debut a \"new strategic weapon for the world,\" said Kim Jong Un. "
                    "Kim also promised a \"shocking actual action\" against the sanctions, said Kim.")
    assert got["shocking actual action"] == "Kim Jong Un"
