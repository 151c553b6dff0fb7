"""Dates: "last" never names the day or month just past, which have their own words ("yesterday", "last
month"); other cases of relative and counted dates in newswire (storylens.text.dates)."""

from __future__ import annotations

from datetime import date

from storylens.models import Article
from storylens.prepare import prepare_documents
from storylens.text.dates import counted_from_following, find_times, resolve


def _dates(text: str, published: str) -> dict[str, str | None]:
    doc = prepare_documents([Article(id="a", text=text, published=published)])[0]
    return {t.text: r.date for pairs in doc.times for t, r in pairs}


def test_last_weekday_is_never_yesterday_but_may_be_this_week():
    # a Thursday paper: yesterday would be "Wednesday", so "last Wednesday" is the week before's
    assert _dates("She was stopped outside the city last Wednesday.", "1998-08-20") == {
        "last Wednesday": "1998-08-12"}
    # a Saturday paper: Monday of the same week
    assert _dates("He arrived on Capitol Hill last Monday.", "1998-11-14") == {"last Monday": "1998-11-09"}
    # on a Monday, "last Monday" is a week back; a plain weekday is still the nearest one
    assert _dates("The council met last Monday.", "1998-12-28") == {"last Monday": "1998-12-21"}
    assert _dates("The council met Wednesday.", "1998-08-20") == {"Wednesday": "1998-08-19"}


def test_last_month_name_is_never_the_month_just_past():
    # in November the October just past is "last month": "last October" is the year before's
    assert _dates("Sun filed the case against the company last October.", "1998-11-17") == {
        "last October": "1997-10"}
    # months further back are this year's; in January, "last December" is a month back
    assert _dates("He was placed on the list last May.", "1998-10-15") == {"last May": "1998-05"}
    assert _dates("The pact was signed last December.", "2000-01-14") == {"last December": "1999-12"}
    assert _dates("He was seized last February.", "2000-01-14") == {"last February": "1999-02"}


def test_a_span_of_years_is_two_years():
    got = _dates("Thousands disappeared during Pinochet's 1973-90 rule.", "1998-12-08")
    assert got == {"1973": "1973", "90": "1990"}
    assert _dates("The budget for 1999-00 was cut.", "1999-05-01") == {"for 1999": "1999", "00": "2000"}
    assert _dates("Surveys ran each year between 1991-98.", "1999-10-26") == {"between 1991": "1991", "98": "1998"}
    assert _dates("They won the title in 1998-1999 again.", "1999-05-01") == {"1998": "1998", "1999": "1999"}


def test_a_date_a_past_when_clause_tells_of_is_past():
    text = "Investigators will point to the haze on the night of July 16, when the plane crashed off the island."
    assert _dates(text, "2000-06-22") == {"July 16": "1999-07-16"}
    # what is still to come stays ahead
    assert _dates("The school opens on July 16, when the new term will begin.", "2000-06-22") == {
        "July 16": "2000-07-16"}


def test_a_count_before_or_after_a_thing_dated_right_after_it_counts_from_that_date():
    def read(text: str, anchor: date):
        found = find_times(text)
        rel, day = found[0], found[1]
        return counted_from_following(rel, day, resolve(day, anchor), text[rel.end:day.start])

    monday = date(1998, 11, 9)
    got = read("Weizman visited Cyprus three days before the Israelis' arrest Saturday, the envoy said.", monday)
    assert got is not None and got.date == "1998-11-04"
    got = read("More than a week after the August 17 earthquake, hospitals were full.", date(1999, 8, 25))
    assert got is not None and got.date == "1999-08-24"
    # a date in another clause, or a count told from the date before it, is not what it counts from
    assert read("She died three days later, and he was charged on Friday.", monday) is None
    assert read("He came two days after the beating and three days before the hearing.", monday) is None


def test_the_weekend_that_qualifies_a_noun_is_the_weekend_just_past():
    monday = "1998-11-09"
    assert _dates("Israel tried to repair relations after the weekend arrest of two Israelis.", monday) == {
        "the weekend": "1998-11-07"}
    assert _dates("As the weekend wore on, more debris washed ashore.", "1999-07-18") == {
        "the weekend": "1999-07-17"}
    # a stay, time off and a notice are no dates
    assert _dates("The president is spending the weekend at Camp David.", monday) == {}
    assert _dates("Workers return after the weekend off.", monday) == {}
    assert _dates("THE WEEKEND DUTY EDITORS ARE:", monday) == {}
