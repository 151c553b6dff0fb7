"""Dates read from the clause around them, and the forms news copy writes them in (cases from the unannotated
DUC 2007 topics, rewritten)."""

from __future__ import annotations

from datetime import date

from storylens.models import Article
from storylens.prepare import prepare_documents
from storylens.text.date_clauses import in_past_clause, is_future, is_future_in_past, reads_ahead
from storylens.text.dates import east_of_the_wire, find_times


def _read(text: str, published: str, dateline: str = "") -> dict[str, str | None]:
    doc = prepare_documents([Article(id="a", text=text, published=published, dateline=dateline)])[0]
    return {t.text: r.date for pairs in doc.times for t, r in pairs}


def test_a_past_verb_next_to_a_weekday_dates_it_though_the_sentence_looks_ahead():
    got = _read("On Tuesday, Justice Minister Park Sang-cheon said more public consultation will follow. "
                "The British ambassador Thursday indirectly expressed the hope that Turkey could attend a meeting "
                "scheduled for March. The awards will be presented Friday, Macaulay said Monday.",
                "1998-10-24")  # a Saturday
    assert got["On Tuesday"] == "1998-10-20" and got["Thursday"] == "1998-10-22"
    assert got["Friday"] == "1998-10-30" and got["Monday"] == "1998-10-19"


def test_what_is_to_come_stays_ahead_when_the_attribution_follows():
    s = "Albright will visit Turkey on Sunday, officials said."
    at = s.index("on Sunday")
    assert is_future(s) and not in_past_clause(s, at, at + len("on Sunday"))
    assert _read(s, "1999-09-01")["on Sunday"] == "1999-09-05"  # a Wednesday: the coming Sunday
    # a verb after "said" with a modal between is not the date's: "said it will begin in July"
    s = "The company said it will begin in July."
    assert reads_ahead(s, s.index("in July"), s.index("in July") + 7, is_future(s))


def test_a_starting_point_and_a_noun_plans_do_not_look_ahead():
    got = _read("More than half the arrests have taken place since Sunday, in an effort to stymie the party's "
                "announced plans to convene parliament.", "1998-09-11")  # a Friday
    assert got["Sunday"] == "1998-09-06"
    assert not is_future("They stymied the party's announced plans to convene parliament.")
    assert is_future("He plans to convene parliament.")


def test_the_end_of_a_quotation_opened_before_is_not_the_narrator_speaking():
    assert not is_future("we will consider him a prisoner of conscience,'' Macaulay said Tuesday.")
    assert not is_future("A report that was to be issued Wednesday.")


def test_what_was_to_come_then_is_the_nearest_such_day():
    assert is_future_in_past("A report that was to be issued Wednesday.")
    assert _read("Amnesty said a report was to be issued Wednesday.", "1998-06-16")["Wednesday"] == "1998-06-17"
    got = _read("The couple was to be married Saturday. The plane left at 8:38 p.m. on Friday and was scheduled "
                "to land at 10 p.m. A hearing has been scheduled for Tuesday.", "1999-07-18")  # a Sunday
    assert got["Saturday"] == "1999-07-17" and got["on Friday"] == "1999-07-16"
    assert got["Tuesday"] == "1999-07-20"  # has been scheduled: ahead


def test_a_day_that_ended_a_past_wait_and_a_day_that_is_no_one_day():
    got = _read("Nordmann did not report to authorities he had seen him until Saturday. The encounter happened "
                "on a Thursday. Two days later the truck was found.", "1998-07-15")  # a Wednesday
    assert got == {"Saturday": "1998-07-11", "Two days later": None}
    assert _read("The show runs until Saturday.", "1998-07-15")["Saturday"] == "1998-07-18"


def test_a_monday_wire_report_from_sydney_tells_of_tuesday():
    text = "Construction was under way Tuesday, after a bulldozer entered the lease late Monday."
    assert east_of_the_wire("SYDNEY, Australia") and not east_of_the_wire("LARAMIE, Wyo.")
    got = _read(text, "1998-06-15", dateline="SYDNEY, Australia")  # a Monday
    assert got["Tuesday"] == "1998-06-16" and got["late Monday"] == "1998-06-15"
    assert _read(text, "1998-06-15", dateline="WASHINGTON")["Tuesday"] == "1998-06-09"


def test_later_that_day_is_the_reports_day():
    got = _read("The center stated Tuesday that it will start operations later Tuesday.", "1999-08-25")
    assert got["Tuesday"] == "1999-08-24" and got["later Tuesday"] == "1999-08-24"


def test_months_after_other_words_and_around_the_turn_of_the_year():
    got = _read("The EU will rule at its December meeting. The October issue has a blurry flag. The meeting is "
                "scheduled for March. A note was sent at the end of May.", "1999-09-23")
    assert got["its December"] == "1999-12" and got["The October"] == "1999-10"
    assert got["for March"] == "2000-03" and got["of May"] == "1999-05"
    got = _read("By last July, the manhunt had ebbed. The site will not work until the middle of October. "
                "The August paycheck will never come.", "1999-07-12")
    assert got["last July"] == "1998-07" and got["until the middle of October"] == "1999-10"
    assert got["The August"] == "1999-08"  # ahead, and this month or a later one: not a year off


def test_the_march_and_may_as_words_are_no_months():
    assert find_times("during the march on Washington officials may decide") == []


def test_years_written_short_spans_and_the_current_period():
    got = _read("In November '96 the council launched a campaign. He settled in Britain in the `60s. Comedy "
                "waned in the late '70s. Pinochet's 1973-90 rule ended. Earlier in the week a paper said so. "
                "Gore will raise the money by year's end and by the end of the month.", "1998-09-11")
    assert got["In November '96"] == "1996-11" and got["the `60s"] == "1960s"
    assert got["the late '70s"] == "1970s" and (got["1973"], got["90"]) == ("1973", "1990")
    assert got["Earlier in the week"] == "1998-09-07" and got["year's end"] == "1998"
    assert got["the end of the month"] == "1998-09"


def test_a_weekday_and_its_date_are_one_expression_and_weeks_ago_read_to_the_month():
    got = _read("The Times said in an editorial on Friday, Jan. 14: enough. They arrived three weeks ago.",
                "2000-01-14")
    assert got == {"on Friday, Jan. 14": "2000-01-14", "three weeks ago": "1999-12"}


def test_a_count_for_a_stretch_of_days_is_no_date():
    got = _read("Police arrested them on Nov. 6. The court ordered them held for another five days after the "
                "prosecutor spoke. The previous month they had visited twice.", "1998-11-15")
    assert "five days after" not in got
    assert got["The previous month"] is None  # counted from a day: none in this sentence or the one before


def test_a_month_with_last_year_and_last_week_in_a_sunday_paper():
    got = _read("They were sentenced in February last year. Weizman visited the island last week. Earlier in the "
                "week, a paper said so.", "2000-03-26")  # a Sunday
    assert got["in February last year"] == "1999-02"
    assert got["last week"] == "2000-03-20"  # the week that ends today
    assert got["Earlier in the week"] == "2000-03-20"
    assert _read("Weizman visited the island last week.", "2000-03-25")["last week"] == "2000-03-13"


def test_a_chronology_dates_its_entries_in_the_year_of_its_heading():
    got = _read("Microsoft timeline:\n1993:\nFeb. 5 _ The FTC deadlocks.\nAug. 20 _ The FTC drops its probe.\n"
                "1998:\nMay 18 _ The states sue.\nIn May 1995 the probe had begun.", "1999-11-05")
    assert got["Feb. 5"] == "1993-02-05" and got["Aug. 20"] == "1993-08-20"
    assert got["May 18"] == "1998-05-18" and got["In May 1995"] == "1995-05"
    assert _read("Feb. 5 _ The FTC deadlocks.", "1999-11-05")["Feb. 5"] == "1999-02-05"


def test_plans_of_the_past_a_day_set_ahead_and_last_years_date():
    sunday = "1999-07-18"
    assert _read("A memorial service is set for 7 p.m. Saturday.", sunday)["Saturday"] == "1999-07-24"
    assert _read("They had planned to attend the wedding Saturday.", sunday)["Saturday"] == "1999-07-17"
    assert _read("Microsoft planned to put it on shelves on June 25.", "1998-05-15")["June 25"] == "1998-06-25"
    got = _read("A final report on last year's July 19 crash came out.", "2000-07-06")
    assert got == {"last year's July 19": "1999-07-19"}


def test_a_dateline_a_day_before_the_wire_date_is_the_day_today_means():
    from storylens.ingest import article_from_text
    from storylens.text.dates import local_day

    raw = ("Report: Hate Groups Growing in United States\n\nWASHINGTON, March 3 (Xinhua) -- The number of hate "
           "groups grew, the center said in a report released today.\nThe group said 474 groups were active.")
    a = article_from_text(raw, id="x", published="1998-03-04")
    assert a.published == "1998-03-04"  # the publication date stays the metadata's
    got = {t.text: r.date for pairs in prepare_documents([a])[0].times for t, r in pairs}
    assert got["today"] == "1998-03-03"
    assert local_day("March 3", date(1998, 3, 4)) == date(1998, 3, 3)
    assert local_day("March 24", date(1998, 3, 4)) == date(1998, 3, 4)  # a date in the text is no anchor
    assert local_day("", None) is None


def test_seasons_with_their_year_short_years_may_after_any_preposition_and_the_week_before():
    got = _read("It rained in the summer of 1997 and since '98. The first week of May was dry. Theresa May "
                "spoke. Talks ended on May 4, 1998. The week before, envoys had met.", "1999-03-01")
    assert got["the summer of 1997"] == "1997" and got["since '98"] == "1998" and got["of May"] == "1998-05"
    assert "Theresa May" not in str(list(got)) and got["The week before"] == "1998-04-27"


def test_what_is_due_goes_on_sale_or_ends_on_a_weekday_lies_ahead():
    wed = "1999-08-25"
    assert _read("A delegation arrived today, due to visit the zone Thursday.", wed)["Thursday"] == "1999-08-26"
    assert _read("The magazine goes on sale Wednesday.", "2000-04-17")["Wednesday"] == "2000-04-19"
    got = _read("The February sweeps end Wednesday night.", "1999-03-02")
    assert got == {"The February": "1999-02", "Wednesday": "1999-03-03"}
    # 'was due to arrive' and 'would be mailed' tell what was to come then: the nearest such day
    assert _read("The plane took off Friday and was due to arrive at 10 p.m.", "1999-07-18")["Friday"] == "1999-07-16"
    assert _read("Aides said papers would be mailed Friday.", "1998-12-31")["Friday"] == "1999-01-01"


def test_a_day_written_with_a_zero_and_the_weekend_after_during():
    got = _read("Wednesday, Feb. 09, 2000: talks resumed during the weekend.", "2000-02-09")
    assert got == {"Wednesday, Feb. 09, 2000": "2000-02-09", "during the weekend": "2000-02-05"}


def test_a_past_verb_right_before_a_yearless_day_keeps_it_before_the_report():
    mon = "1998-12-28"
    assert _read("The talks ended on Jan. 4, officials said.", mon)["Jan. 4"] == "1998-01-04"
    assert _read("He was arrested Jan. 2 in Paris.", mon)["Jan. 2"] == "1998-01-02"
    # a date with no tense may still come: a hearing; what a present passive or a subject clause tells too
    assert _read("A remand hearing is set for Jan. 4.", mon)["Jan. 4"] == "1999-01-04"
    assert _read("The novel is published Jan. 4.", mon)["Jan. 4"] == "1999-01-04"
    assert _read("Aides said Jan. 4 would be the deadline.", mon)["Jan. 4"] == "1999-01-04"


def test_what_is_expected_in_a_month_lies_ahead():
    assert _read("A decision is expected in January.", "1998-12-20")["in January"] == "1999-01"
    # what was expected then: the nearest such month
    assert _read("A decision was expected in January.", "1998-12-20")["in January"] == "1999-01"
    assert _read("A decision was expected in January.", "1998-05-20")["in January"] == "1998-01"
    assert _read("The talks collapsed in January.", "1998-12-20")["in January"] == "1998-01"


def test_the_date_an_event_was_moved_from_is_the_nearest_one():
    got = _read("The trial has been postponed from June until next January.", "1999-02-19")
    assert got == {"from June": "1999-06", "next January": "2000-01"}
    assert _read("The vote was delayed from June to August.", "1999-08-20")["from June"] == "1999-06"
    assert _read("The launch was pushed back from Dec. 30 to March.", "1999-01-05")["Dec. 30"] == "1998-12-30"


def test_a_days_event_told_as_under_way_lies_ahead():
    got = _read("Unlike the 1993 elections, Sunday's polls are being organized by Cambodia.", "1998-07-24")
    assert got["Sunday"] == "1998-07-26"  # the report is a Friday's
    assert _read("Sunday's polls were organized by Cambodia.", "1998-07-24")["Sunday"] == "1998-07-19"


def test_each_pattern_is_run_only_on_a_text_holding_its_words():
    from storylens.text import dates

    texts = ["Talks ended on Jan. 4, 1998, two days after the summer of 1997 began.", "He left a week ago.",
             "The vote came late Thursday night, in the fall.", "It rained last weekend and on Christmas Day.",
             "Since '98 the 1990s boom ran to 1973-90.", "The previous month was dry; by year's end, too.",
             "The Mayor of Janesville spoke this morning.", "Three weeks later, the caf\u00e9 reopened on Monday.",
             "By the middle of the month it was over; two years earlier, in 1998-99, it was not."]
    gated = [dates.find_times(t) for t in texts]
    kept, dates.PATTERNS = dates.PATTERNS, tuple((kind, pat, ()) for kind, pat, _ in dates.PATTERNS)  # ungated
    trigger, dates.triggered = dates.triggered, lambda text, low: True
    try:
        assert gated == [dates.find_times(t) for t in texts]
    finally:
        dates.PATTERNS, dates.triggered = kept, trigger
    assert gated[0] and gated[1] and gated[6]  # every text has some


def test_a_date_inside_what_someone_is_asked_to_do_lies_ahead():
    fri = "1999-02-19"
    assert _read("In court Thursday, a lawyer asked the judge to go forward with the trial in June.", fri) == {
        "Thursday": "1999-02-18", "in June": "1999-06"}
    # not a past clause inside it, nor what follows another clause's verb
    assert _read("The group called on Rwanda to reinstate the mission it suspended in May.", fri)["in May"] == "1998-05"
    got = _read("The pilot, who asked not to be named, said he saw them leave Friday.", fri)
    assert got["Friday"] == "1999-02-19"


def test_a_chronology_entry_dates_its_days_in_its_year_and_the_month_after_the_is_the_nearest():
    got = _read("1939: In April, network television is born. 1980: On Nov. 21, viewers tune in.", "1999-12-27")
    assert got["In April"] == "1939-04" and got["Nov. 21"] == "1980-11-21"
    assert _read("Gore courted voters for the November election.", "2000-09-11")["for the November"] == "2000-11"
    assert _read("Gore appeared Monday to win votes in the November election.", "2000-09-11")[
        "in the November"] == "2000-11"


def test_the_day_after_in_apposition_to_a_date_is_that_date():
    got = _read("He has not been seen since Jan. 30, the day after the bombing.", "1998-07-14")
    assert got["Jan. 30"] == got["the day after"] == "1998-01-30"
    got = _read("The trial began on Oct. 5. The verdict came the day after.", "1998-07-14")
    assert got["the day after"] == "1997-10-06"  # counted from the date before it


def test_seasons_over_and_of_last_year_a_named_day_and_what_takes_effect():
    got = _read("The rebels took the city over the winter and lost it in the spring of last year.", "1999-07-10")
    assert got == {"over the winter": "1999", "the spring of last year": "1998"}
    assert _read("Troops left on the Fourth of July.", "1999-07-12")["Fourth of July"] == "1999-07-04"
    mon = "1999-07-12"
    assert _read("The ceasefire takes effect at midnight Wednesday.", mon)["Wednesday"] == "1999-07-14"
    assert _read("The ceasefire took effect at midnight Sunday.", mon)["Sunday"] == "1999-07-11"


def test_the_gates_read_words_in_ascii_text_as_their_patterns_do():
    from storylens.text import date_patterns as dp

    texts = ["Talks ended on Jan. 4, 1998.", "the march on Washington", "It was a WEEK ago.", "In '98 the 1990s",
             "a Sunday in SPRING", "Mayor Janesville", "Christmas came", "nothing at all here", "the END of it",
             "Fourth of July fireworks", "no time: 12 people", "Dec 3", "the previous Night"]
    gates = {g for _, _, gs in dp.PATTERNS for g in gs} | {dp._TRIGGER_WORDS, dp._TRIGGER_MONTHS}
    for text in texts:
        low = text.lower()
        assert dp.triggered(text, low) == bool(dp.TRIGGER.search(text)) == dp.triggered(text, None), text
        for g in gates:
            by_pattern = bool(g.pattern.search(text))
            assert g.holds(text, None) == by_pattern
            # a gate of words is what its pattern needs: the same answer without case, never a "no" with it
            assert g.holds(text, low) == by_pattern if not g.cased else (g.holds(text, low) or not by_pattern)
    assert dp._G_DAYWORD.words == ("today", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night")
