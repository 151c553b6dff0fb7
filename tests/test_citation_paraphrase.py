"""Paraphrase support: the rules that let a summary sentence cite a source that carries its claim in other
words, and those that keep a source with another day's event out (invented sentences)."""

from __future__ import annotations

from storylens.models import Article
from storylens.summarizers.pool import SentencePool
from storylens.summarizers.support import claim_terms, main_clause
from storylens.text.claims import figures, figures_agree
from storylens.text.segment import words

FILLER = "Officials in Geneva met for talks on humanitarian corridors and a new truce for the winter months."


def _cites(*texts: str) -> tuple[int, ...]:
    """The articles the first article's first sentence cites, in a story of ``texts`` (one article each)."""
    pool = SentencePool.build([Article(id=f"a{i}", text=t) for i, t in enumerate(texts)])
    first = next(i for i, s in enumerate(pool.sentences) if s.doc_index == 0 and s.position == 0)
    (s,) = pool.to_summary([first]).sentences
    return s.citations


def test_a_doubled_last_consonant_is_one_term_with_the_single():
    got = claim_terms("The minister cancelled a trip.", words("The minister cancelled a trip."))
    assert got.keys() == claim_terms("Ministers cancel trips.", words("Ministers cancel trips.")).keys()
    assert "call" in claim_terms("He called.", words("He called."))  # "call" keeps its two l's


def test_a_day_of_the_month_counts_days_of_its_month():
    assert figures("Kerry and Lavrov announced a truce on September 9, with Moscow responsible.") == {
        "september": {9.0}}
    assert figures("Putin called off an October 19 visit.") == {"october": {19.0}}
    assert figures("On 9 September 45 people died.") == {"september": {9.0}, "people": {45.0}}
    # a day agrees only where no count is given, and never conflicts
    assert figures_agree(figures("He left on March 1."), figures("He set off on March 1.")) == (True, False)
    assert figures_agree(figures("They flew 20,500 miles since March 1."), figures("They left March 1.")) == (
        False, False)
    assert figures_agree(figures("Not seen since Jan. 30."), figures("The Jan. 29 bombing.")) == (False, False)


SATURDAY = "The monitoring group said 45 people were killed in the eastern city on Saturday."
FRIDAY = ("Missiles rained down on the eastern city on Friday.\n"
          "Forty-five people were killed in the raids on the eastern city, the monitoring group said.")
SAME_DAY = ("Missiles rained down on the eastern city on Saturday.\n"
            "Forty-five people were killed in the raids on the eastern city, the monitoring group said.")


def test_the_same_figure_on_another_day_is_another_event():
    assert _cites(SATURDAY, FRIDAY, FILLER) == (0,)  # the day is the sentence before's
    assert _cites(SATURDAY, SAME_DAY, FILLER) == (0, 1)


TRIP = ("The president meanwhile cancelled a trip to the northern capital in a row over the border war, where "
        "his generals are fighting rebels in the hills near the coast.")
TRIP_TOO = "Tensions over the war prompted the president to cancel a trip to the northern capital."
TRIP_PLANNED = "The president had planned a trip to the northern capital in the spring."


def test_a_source_that_reports_the_main_clause_and_its_verb_carries_the_claim():
    clause, verbs = main_clause(TRIP, claim_terms(TRIP, words(TRIP)))
    assert "cancel" in verbs and "rebel" not in clause
    assert _cites(TRIP, TRIP_TOO, FILLER) == (0, 1)
    assert _cites(TRIP, TRIP_PLANNED, FILLER) == (0,)  # the trip, not its cancelling
    # a subject with a relative clause is no main clause: "US envoy John Smith, who ..."
    assert main_clause("US envoy John Kerry, who hammered out the truce, pleaded with Moscow.", {}) is None


def test_a_reported_claim_is_carried_by_another_report_of_it():
    said = "The Syrian and Iranian governments say they target only terrorists."
    assert _cites(said, "The army says it is targeting only militants.", FILLER) == (0, 1)
    # the same words in what is not said, or without the claim's verb
    assert _cites(said, "The army urged civilians to leave the positions of terrorist groups.", FILLER) == (0,)


def test_a_short_claim_without_a_figure_needs_its_verb():
    short = "The army is targeting militants."
    assert _cites(short, "The army urged civilians to flee militants in the hills.", FILLER) == (0,)
    assert _cites(short, "Army units were targeting the militants.", FILLER) == (0, 1)


def test_a_participle_after_if_is_no_verb_of_the_claim():
    from storylens.summarizers.support import verb_terms

    assert verb_terms(words("If convicted, he faces the death penalty.")) == frozenset()
    assert "convict" in verb_terms(words("A jury convicted him."))
    assert _cites("If convicted, he faces the death penalty.",
                  "The roofer, who faces the death penalty, pleaded not guilty.", FILLER) == (0, 1)


SHOTS = "Police couldn't say how many shots were fired."
FIRED = "A clerk who was fired last week shot his former boss on Monday, police said."
SHOTS_TOO = "Police could not say how many shots were fired."


def test_a_short_claim_that_denies_something_is_carried_only_by_a_sentence_that_denies_it_too():
    assert _cites(SHOTS, FIRED, FILLER) == (0,)
    assert 1 in _cites(SHOTS, FIRED + "\n" + SHOTS_TOO, FILLER)  # the same denial: carried
    assert _cites("Police said shots were fired.", FIRED, FILLER) == (0, 1)


def test_a_sentence_cut_short_is_carried_by_no_looser_match():
    cut = "According to the police, Kimani Gray had a."
    other = ("Kimani Gray, 16, was shot by two plainclothes officers on a Brooklyn street on Saturday night after "
             "the police said he pointed a revolver at them.")
    assert _cites(cut, other, FILLER) == (0,)
    assert _cites("According to the police, Kimani Gray had a revolver.", other, FILLER) == (0, 1)


def test_a_figure_counts_the_noun_after_the_names_that_say_what_kind():
    assert figures("The navy has captured 23 Somalian pirates.") == {"pirate": {23.0}}
    assert figures("The navy captured 23 Somali and Yemeni pirates who attacked a ship.") == {"pirate": {23.0}}
    assert figures("Police said 25 AFP journalists were there.") == {"journalist": {25.0}}
    # a capitalised plural is the counted noun; a name alone before a function word is kept as before
    assert figures("The two Israelis arrested in Cyprus were agents.") == {"israelis": {2.0}}
    assert figures("Two Israelis who were arrested") == {"israelis": {2.0}}
    assert figures_agree(figures("captured 23 Somalian pirates"), figures("23 Somali and Yemeni pirates")) == (
        True, False)
