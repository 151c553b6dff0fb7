"""A figure set off by commas or dashes beside a noun phrase counts what that phrase names (the apposition
rule, :func:`storylens.evidence.counted.appositive_thing`); a clause before the comma names nothing. All text
invented."""

from __future__ import annotations

from storylens.evidence.counted import appositive_thing
from storylens.evidence.facts import extract_claims
from storylens.models import Article
from storylens.prepare import prepare_document


def _read(text: str) -> list[tuple[float, str, str]]:
    doc = prepare_document(Article(id="t", text=text, published=None))
    return [(c.value, c.unit, c.what) for c, _ in extract_claims(doc)]


def test_a_share_beside_a_noun_phrase_is_that_phrase_s():
    got = _read("Farmers, 38 percent, and teachers, 21 percent, said they would vote for the measure.")
    assert got == [(38, "%", "Farmers"), (21, "%", "teachers")]


def test_a_share_after_of_in_the_phrase_counts_the_whole_named_after_of():
    got = _read("More than half of all drivers in the province _ 51.5 percent _ had no winter tyres.")
    assert got == [(51.5, "%", "drivers in the province")]


def test_a_row_of_amounts_after_a_label_counts_the_label():
    got = _read("Operating costs _ $4.12 _ $4.80 _ $5.06")
    assert got == [(4.12, "USD", "Operating costs"), (4.8, "USD", "Operating costs"), (5.06, "USD", "Operating costs")]


def test_a_share_restating_a_count_with_or_counts_the_same_thing():
    got = _read("About 12 million retired workers, or 40 percent, rely on the pension alone.")
    assert got[1] == (40, "%", "retired workers")
    assert got[0][0] == 12e6 and "retired workers" in got[0][2]


def test_a_clause_or_a_time_before_the_comma_names_nothing():
    assert appositive_thing("If the vote were held today, ", ", the pollster said") == ""
    assert appositive_thing("In 2016, ", ".") == ""
    assert appositive_thing("his offer - - six years, ", " - - to the club") == ""
    assert appositive_thing("the rate rose to 3 percent, ", ", the bank said") == ""
    assert appositive_thing("Farmers, ", " of the vote") == ""  # the phrase goes on after the figure
    assert appositive_thing("both in terms of improving the city's roads _ ", " _ of drivers") == ""  # a verb's object


def test_a_restated_fall_in_points_is_no_share_of_points():
    got = _read("The index fell 212.5 points, or 2.4 percent, to close the week.")
    assert got[1][:2] == (2.4, "%") and got[1][2] != "points"


def test_a_share_compared_with_the_one_before_counts_what_that_one_counts():
    got = _read("Nearly 40 percent of the town's voters backed the plan, compared with 31 percent in 2010.")
    assert got[1][:2] == (31, "%") and got[1][2] == got[0][2] and "voters" in got[0][2]
    got = _read("Exports grew 6 percent, up from 4 percent a year earlier.")
    assert got[1] == (4, "%", got[0][2]) and "Exports" in got[0][2]
    got = _read("Some 40 percent of nurses quit, compared with 12 percent of teachers.")
    assert got[1] == (12, "%", "teachers")  # it names its own


def test_the_subject_of_a_relative_clause_before_an_amount_is_the_noun_it_refers_to():
    got = _read("The grants, which range from $500 to $2,000, are paid in spring.")
    assert got[0][:2] == (500, "USD") and "grants" in got[0][2]
    got = _read("The city closed 40 shops in March, which affected roughly 5 percent, officials said.")
    assert got[-1][:2] == (5, "%") and "March" not in got[-1][2]
