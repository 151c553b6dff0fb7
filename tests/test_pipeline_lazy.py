"""What the digest path computes only when asked, and the shortcuts that replace a pattern a call: the
results are those of the eager or pattern-based code."""

from __future__ import annotations

import re

from storylens.evidence.speaker_context import word_spans
from storylens.models import Article
from storylens.prepare import prepare_documents

TEXT = ("Rebels shelled the city on Tuesday, officials said.\n\n"
        "Twelve people died a day later, the hospital said.\n\nThe talks resume next week.")


def test_dates_are_found_on_first_use_with_the_same_resolutions():
    doc = prepare_documents([Article(id="a", text=TEXT, published="2016-10-06")])[0]
    assert doc._times is None  # nothing dated at preparation
    times = doc.times
    got = {t.text: r.date for sentence in times for t, r in sentence}
    assert got["on Tuesday"] == "2016-10-04"
    assert got["a day later"] == "2016-10-05"  # counted from the sentence before: resolved in text order
    assert doc.times is times  # kept


def test_a_reindexed_copy_reads_its_originals_dates():
    docs = prepare_documents([Article(id="a", text=TEXT, published="2016-10-06"), Article(id="b", text="Short.")])
    moved = docs[0].reindexed(3)
    assert moved.times is docs[0].times and docs[0]._times is not None


def _pattern(text: str, key: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text)]


def test_whole_word_spans_are_those_of_the_pattern():
    text = "Assad, al-Assad and Assad's aides met Assadi; _Assad AssadAssad Assad-era Assad.\u00e9Assad Assad"
    for key in ("Assad", "al-Assad", "Assad Assad", "a", "-", "\u00e9"):
        assert list(word_spans(text, key)) == _pattern(text, key), key
    assert [text[s:e] for s, e in word_spans(text, "Assad")] == ["Assad"] * 4
    assert list(word_spans("", "Assad")) == []
