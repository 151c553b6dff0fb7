"""Citations in other words on web news: a shorter report of a sentence's claim, and news verbs that say the
same (invented sentences)."""

from __future__ import annotations

from storylens.models import Article
from storylens.summarizers.pool import SentencePool
from storylens.summarizers.support import claim_terms
from storylens.text.segment import words

FILLER = ("Officials in the capital met for talks on the harbour budget and new rules for ferries in the winter "
          "months.")
LEAD = ("A man who lost his job at a printing shop in the northern suburbs last week walked into his old office "
        "with a rifle on Tuesday and shot two bosses before driving off and leading state troopers "
        "on a long chase through the hills, a spokeswoman for the county sheriff told reporters.")
SHORTER = "A gunman shot two bosses on Tuesday at the printing shop in the northern suburbs where he lost his job."
SHORTER_OTHER_VERB = "The sheriff visited the printing shop in the northern suburbs where the man had lost his job."
PIECE = "Troopers said the northern suburbs had seen a long winter."


def _cites(*texts: str) -> tuple[int, ...]:
    """The articles the first article's first sentence cites, in a story of ``texts`` (one article each)."""
    pool = SentencePool.build([Article(id=f"a{i}", text=t) for i, t in enumerate(texts)])
    first = next(i for i, s in enumerate(pool.sentences) if s.doc_index == 0 and s.position == 0)
    (s,) = pool.to_summary([first]).sentences
    return s.citations


def test_a_shorter_report_of_a_long_leads_claim_is_cited():
    # most of what it says is in the lead, though the lead says much more (the chase, the sheriff)
    assert _cites(LEAD, SHORTER, FILLER) == (0, 1)


def test_a_shorter_sentence_with_a_verb_of_its_own_is_another_claim():
    assert _cites(LEAD, SHORTER_OTHER_VERB, FILLER) == (0,)


def test_a_few_shared_words_are_no_shorter_report():
    assert _cites(LEAD, PIECE, FILLER) == (0,)


def _terms(text: str) -> set[str]:
    return set(claim_terms(text, words(text)))


def test_news_verbs_for_the_same_act_are_one_term():
    assert _terms("The navy arrested 23 pirates.") == _terms("The navy captured 23 pirates.")
    assert _terms("Police nabbed the suspects.") == _terms("Police detained the suspects.")
    assert _terms("Western accusations of war crimes.") & _terms("Western countries accused them of war crimes.") >= {
        "accuse"}
    assert _terms("The club sacked its coach.") == _terms("The club ousted its coach.")
    # "dismissed" (a claim) and "relieved" (of worry) are no firing: they stay their own terms
    assert "sacked" not in _terms("He dismissed the claims.") | _terms("Residents were relieved.")


PIRATES = "The coastguard captured 23 pirates near the northern islands on Saturday after a long chase at sea."
TAIL = (", where fishing crews from three villages have complained for months about raids on their boats, their "
        "nets and the harbour stores, and where the regional council asked the ministry for patrols.")
BRIGANDS = ("After a long chase at sea on Saturday, the coastguard captured 23 sea brigands near the northern "
            "islands" + TAIL)
BRIGANDS_MORE = ("After a long chase at sea on Saturday, the coastguard captured 24 sea brigands near the northern "
                 "islands" + TAIL)


def test_a_close_match_may_name_what_it_counts_otherwise_but_not_give_another_value():
    assert _cites(PIRATES, BRIGANDS, FILLER) == (0, 1)
    assert _cites(PIRATES, BRIGANDS_MORE, FILLER) == (0,)


def test_another_counted_thing_must_be_a_noun_on_both_sides():
    from storylens.summarizers.support import gives_values

    assert gives_values({"pirate": {23.0}}, {"sea": {23.0}})
    assert not gives_values({"pirate": {23.0}}, {"sea": {24.0}})
    assert not gives_values({"p": {8.0, 38.0}}, {"was": {38.0}})  # "at 8:38 p.m." is no "Kennedy, 38, was"
    assert not gives_values({"pirate": {23.0}}, {"into": {23.0}})


SMUGGLERS = "The coastguard caught smugglers at Kirkwall on Saturday, carrying stolen engines and forged papers."
SMUGGLERS_TOO = ("Smugglers were caught by the coastguard at Kirkwall on Saturday as storms battered northern ferries "
                 "in port.")


def test_two_reports_of_one_claim_each_with_details_of_its_own_carry_each_other():
    # each holds 0.4 of the other's weight: neither holds half of the other, nor is one a shorter report
    assert _cites(SMUGGLERS, SMUGGLERS_TOO, FILLER) == (0, 1)
    assert _cites(SMUGGLERS_TOO, SMUGGLERS, FILLER) == (0, 1)


BOUT = ["Rahman lost the fight in the seventh round.", "The referee stopped the fight as Rahman sagged.",
        "Rahman never found his range in the fight.", "The crowd in the arena cheered the champion.",
        "The fight was the champion's tenth win in a row.", "Rahman said the fight had come too soon for him."]


def test_a_short_claim_of_the_storys_commonest_words_is_carried_by_no_loose_match():
    # every other report names Rahman and a fight: that is no report of "Rahman had him fighting down"
    assert _cites("Rahman had him fighting down.", " ".join(BOUT), " ".join(reversed(BOUT))) == (0,)
    # a word the story seldom uses carries it: the judge's ruling is in one sentence only
    assert _cites("The judge ruled for Rahman.", " ".join(BOUT) + " A judge ruled for Rahman on appeal.",
                  FILLER) == (0, 1)
