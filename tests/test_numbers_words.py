"""Numbers as news copy writes them: words joined the way English joins them, scales joined by a hyphen."""

from __future__ import annotations

from storylens.text.numbers import find_quantities


def _values(text: str) -> list[float]:
    return [q.value for _, _, q in find_quantities(text)]


def test_a_unit_word_joins_a_ten_only():
    assert _values("one of five five-story buildings") == [1, 5, 5]
    assert _values("twenty-five people and sixty six men") == [25, 66]
    assert _values("eight hundred and eighty one titles") == [881]


def test_a_scale_joined_to_digits_by_a_hyphen():
    assert _values("$2.5-million from the family and a $126-million budget") == [2.5e6, 1.26e8]
    assert _values("a 2-billion-dollar purchase") == [2e9]
    assert _values("two-thousand") == [2]  # a word number keeps its hyphen as a word's


def test_a_whole_and_a_fraction_written_apart():
    assert _values("a 5 1/2-mile route, 11 1/2 inches and 2 1/2 percent") == [5.5, 11.5, 2.5]
    assert _values("the 9/11 attacks") == [9, 11]  # no fraction: a date's numbers, left to the figures' rules


def test_a_number_cut_before_its_thousands_is_no_number():
    assert _values("dating some 50,000-60,000 years ago") == []
    assert _values("2, 3 and 4 people, more than 1,000 people") == [2, 3, 4, 1000]


def test_a_number_a_tokeniser_split_is_one_number():
    # web text as a tokeniser leaves it: the thousands and the decimals set apart by a space
    assert _values("the 6, 000 - member academy and 1 , 200 people") == [6000, 1200]
    assert _values("a 14. 1 rating and a $103. 1 million sum") == [14.1, 103.1e6]
    assert _values("more than 12, 000 people") == [12000]
    # two numbers all the same: a day and a count, two years
    assert _values("On March 3, 200 people marched") == [3, 200]
    assert _values("in 1998. 1999 was") == [1998, 1999]


def test_a_number_joined_to_its_abbreviation():
    assert _values("Aryans to pay $6.3M, 2.7M Americans, $27. 5MM a year, $1.2bn and $5m") == \
        [6.3e6, 2.7e6, 27.5e6, 1.2e9, 5e6]
    # a unit's abbreviation keeps its number as written; a lower-case m without a currency is metres
    assert _values("a 10m yacht 24km away at 20mph") == [10, 24, 20]
    # a decimal the abbreviation cuts is never read in part: "5.56mm" is not 5
    assert _values("a 5.56mm rifle") == [5.56]


def test_a_decimal_without_its_zero_and_vague_millions():
    assert _values("a blood alcohol level of .41") == [0.41]
    assert _values("tens of millions of dollars, hundreds of millions of euros") == [1e7, 1e8]


def test_the_ascii_search_finds_what_the_pattern_finds():
    # the fast scan tries the pattern only where a quantity can begin: it must find what the pattern finds
    from storylens.text import numbers as n

    texts = ["About 250,000 people, nearly half a million; a .357 Magnum and $103. 1 million.",
             "Hundreds of troops, two-thirds of the vote, a dozen eggs, one fifth of all, 5 1/2 miles",
             "Twenty-five died; tens of thousands fled; another 40 were hurt", "no figure here at all",
             "minus 20 degrees, about minus-5, plus or minus 3.5 percent, $US1 million, $6.3M and 24km"]
    for t in texts:
        for pos in range(len(t)):
            a, b = n._TOKENISED_RE.search(t, pos), n._search_ascii(t, pos)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
