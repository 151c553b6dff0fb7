"""Dates written out in full, as metadata writes them (storylens.text.date_formats)."""

from storylens.ingest import article_from_text
from storylens.prepare import prepare_documents
from storylens.text.date_formats import parse_date


def test_iso_date_read_as_written():
    assert parse_date("2016-10-13") == "2016-10-13"
    assert parse_date("2016-02-11 10:00") == "2016-02-11"  # a month that may be a day stays a month


def test_year_day_month_when_the_middle_cannot_be_a_month():
    assert parse_date("1998-30-06") == "1998-06-30"
    assert parse_date("1998-23-06 12:01:00") == "1998-06-23"
    assert parse_date("1998-30-13") is None  # neither order is a day


def test_article_dated_year_day_month_reads_its_weekdays():
    art = article_from_text("The ministers met on Tuesday in Geneva.", id="a", published="1998-30-06 09:17:00")
    assert art.published == "1998-06-30"
    doc = prepare_documents([art])[0]
    assert not doc.anchor_inferred
    (t, r), = doc.times[0]
    assert t.text.endswith("Tuesday") and r.date == "1998-06-30"
