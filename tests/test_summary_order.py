"""The order a summary is read in: by the date of each event across a story that spans days."""

from __future__ import annotations

import pytest

from storylens.errors import ConfigError
from storylens.models import Article
from storylens.prepare import prepare_documents
from storylens.summarizers.order import event_date, order_for_reading, spans_several_days
from storylens.summarizers.pool import SentencePool

ARTS = [
    Article(id="thu", published="2016-09-29", text=(
        "Warplanes pounded the rebel-held east of Aleppo for a third day on Thursday, residents said. "
        "Two hospitals in the besieged districts were put out of service by the bombing on Wednesday.")),
    Article(id="sun", published="2016-09-25", text=(
        "The United States accused Russia of barbarism at an emergency meeting of the Security Council. "
        "The Syrian army announced an offensive to retake the whole of the city on Thursday.")),
]


@pytest.fixture(scope="module")
def pool():
    return SentencePool.build(prepare_documents(ARTS))


def test_a_sentence_is_dated_by_the_event_it_reports_else_by_its_article(pool):
    by_text = {" ".join(s.text.split()[:2]): i for i, s in enumerate(pool.sentences)}
    assert str(event_date(pool, by_text["Two hospitals"])) == "2016-09-28"  # "on Wednesday", in a Thursday article
    assert str(event_date(pool, by_text["The United"])) == "2016-09-25"  # no date in the text: its article's
    # "on Thursday" in the Sunday article is the 22nd, within the look-back: an event date
    assert str(event_date(pool, by_text["The Syrian"])) == "2016-09-22"
    assert str(event_date(pool, by_text["Warplanes pounded"])) == "2016-09-29"


def test_chronological_order_across_articles_and_the_default_follows_the_span(pool):
    everything = list(range(len(pool.sentences)))
    assert spans_several_days(pool)
    chrono = [" ".join(pool.sentences[i].text.split()[:2])
              for i in order_for_reading(pool, everything, "chronological")]
    assert chrono == ["The Syrian", "The United", "Two hospitals", "Warplanes pounded"]
    assert order_for_reading(pool, everything) == order_for_reading(pool, everything, "chronological")
    assert order_for_reading(pool, everything[::-1], "salience") == everything[::-1]
    same_day = SentencePool.build(prepare_documents([ARTS[0]]))
    assert not spans_several_days(same_day)
    assert order_for_reading(same_day, [1, 0]) == same_day.reading_order([1, 0])


def test_an_unknown_order_names_the_choices(pool):
    with pytest.raises(ConfigError, match="chronological"):
        order_for_reading(pool, [0], "random")
