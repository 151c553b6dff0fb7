"""Dates: the publication date is metadata, an undated article is read on its story's date, history and
schedule lines are no events (cases from DUC 2007 stories and the bundled example)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storylens.config import Options
from storylens.evidence import analyze
from storylens.ingest import load_articles
from storylens.models import Article
from storylens.prepare import prepare_documents, story_anchor
from storylens.text.dates import ends_ahead, find_times, is_history

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aleppo-2016"


def _dates(doc) -> dict[str, str | None]:
    return {t.text: r.date for pairs in doc.times for t, r in pairs}


def test_an_undated_article_is_read_on_its_story_date_for_calendar_dates_only():
    dated = [Article(id=f"d{i}", text="Talks resumed.", published=p)
             for i, p in enumerate(["2016-10-02", "2016-10-06", "2016-10-13"])]
    undated = Article(id="u", text="A ceasefire began on September 9 and collapsed on Sunday.")
    docs = prepare_documents(dated + [undated])
    u = docs[-1]
    assert (u.anchor, u.anchor_inferred) == (date(2016, 10, 6), True)
    # a date weeks off still places "September 9"; "on Sunday" would be a guess: unresolved
    assert _dates(u) == {"September 9": "2016-09-09", "on Sunday": None}
    assert story_anchor([None, date(2016, 1, 2), date(2016, 1, 1)]) == date(2016, 1, 1)
    assert story_anchor([None]) is None
    alone = prepare_documents([undated])[0]
    assert alone.anchor is None and _dates(alone) == {"September 9": None, "on Sunday": None}


def test_the_example_timeline_holds_the_ceasefire_of_two_undated_reports():
    arts = load_articles([str(EXAMPLE)])
    tl = analyze(arts, None, Options(use_spacy=False))["timeline"]
    ceasefire = {aid for e in tl if e.date == "2016-09-09" for aid in e.article_ids}
    undated = {a.id for a in arts if not a.published}
    assert len(ceasefire & undated) == 2


def test_years_in_comparisons_and_starting_points_are_history():
    s = "The strike is the first since a strike in 1970 and bigger than in 1985, union officials said on Monday."
    times = find_times(s)
    hist = {t.text: is_history(s, t.start) for t in times}
    assert hist == {"in 1970": True, "in 1985": True, "on Monday": False}
    a = Article(id="h", published="1998-06-10", text="Workers walked out on Monday.\n"
                "It was the longest strike since a strike in 1970.")
    tl = analyze([a], None, Options(use_spacy=False))["timeline"]
    assert [e.date for e in tl] == ["1998-06-08"]  # the second sentence is no event of 1970


def test_schedule_lines_are_not_events():
    a = Article(id="s", published="1999-07-30", text="The couple separated on Monday.\n"
                "Story Filed By Cox Newspapers For Use By Clients of the New York Times News Service on Friday")
    tl = analyze([a], None, Options(use_spacy=False))["timeline"]
    assert [e.text for e in tl] == ["The couple separated on Monday."]
    b = Article(id="h", published="2000-09-19", text="&UR; Tuesday, Sept. 19, 2000 &LR; &QL;\n"
                "The Hearst News Service will file the following for Wednesday.\nFor Thursday:\n"
                "C. 1998 Cox News Service\n1993:\nThe show moved to Thursday nights on Sept. 14.")
    tl = analyze([b], None, Options(use_spacy=False))["timeline"]
    assert [e.text for e in tl] == ["The show moved to Thursday nights on Sept. 14."]


def test_years_that_qualify_a_noun_and_spans_that_run_on():
    s = "ERA has a 1983 agreement, the company began selling fries in the 1950s and the show runs through April 1."
    got = {t.text: t.kind for t in find_times(s)}
    assert got["a 1983"] == "year" and got["the 1950s"] == "year"
    a = Article(id="v", published="2000-02-27", text=s)
    d = _dates(prepare_documents([a])[0])
    assert d["a 1983"] == "1983" and d["the 1950s"] == "1950s" and d["April 1"] == "2000-04-01"
    assert ends_ahead(s, s.index("April")) and not ends_ahead("fire caused by Tuesday's quake", 13)


def _read(text: str, published: str) -> dict[str, str | None]:
    return _dates(prepare_documents([Article(id="a", text=text, published=published)])[0])


def test_spans_seasons_of_the_calendar_and_sunday_papers():
    got = _read("Hate groups rose 20 percent from 1996 to 1997. Democrats press the issues in this election year. "
                "The committee will meet this week.", "1998-11-29")  # a Sunday
    assert got["from 1996"] == "1996" and got["to 1997"] == "1997"
    assert got["this election year"] == "1998"
    assert got["this week"] == "1998-11-30"  # the week that starts tomorrow


def test_what_a_sentence_looks_ahead_to_and_the_past_inside_it():
    got = _read("His lawyer said he expects Dr. Dre to notify Napster on Wednesday. The capsule will be shown in "
                "Lucerne until mid-July. The hearing would come weeks after he filed for divorce in July. The team "
                "hopes to finish by Saturday or early Sunday.", "1999-05-18")  # a Tuesday
    assert got["on Wednesday"] == "1999-05-19" and got["until mid-July"] == "1999-07"
    assert got["in July"] == "1998-07"  # filed: past, though the sentence looks ahead
    assert got["early Sunday"] == "1999-05-23"


def test_a_count_from_a_date_reaches_back_one_sentence_only():
    got = _read("The attack came on Oct. 6, 1998. He was found tied to a fence. He was taken to a hospital. "
                "He died five days later. The fence was cut down on Oct. 9, 1998. Two days later it was burned.",
                "1999-10-25")
    assert got["five days later"] is None
    assert got["Two days later"] == "1998-10-11"


def test_years_months_decades_and_named_days_without_a_preposition():
    got = _read("Compared with 1997, sales fell. March 1998 was wet. In the mid-1990s it grew. Stores shut on "
                "Thanksgiving, and shoppers came back over the weekend. Memorial Day 1999 will be quiet. "
                "Some 1998 people and $1998 are no years.", "1998-11-30")  # a Monday
    assert got["1997"] == "1997" and got["March 1998"] == "1998-03" and got["mid-1990s"] == "1990s"
    assert got["Thanksgiving"] == "1998-11-26" and got["over the weekend"] == "1998-11-28"
    assert got["Memorial Day 1999"] == "1999-05-31"
    assert "1998" not in got


def test_months_and_years_counted_from_a_date():
    got = _read("The mine opened on June 15, 1998. Two years later it closed.", "2001-01-10")
    assert got["Two years later"] == "2000"


def test_decades_ago_and_what_is_set_to_happen():
    got = _read("A decade ago the mine was planned. The talks are set to resume on Monday.", "1999-05-05")
    assert got["A decade ago"] == "1989" and got["on Monday"] == "1999-05-10"
