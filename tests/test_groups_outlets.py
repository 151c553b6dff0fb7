"""Same-quantity groups on web news of many outlets: one measure told in two units by different articles
(a British paper's kilometres, an American one's miles)."""

from __future__ import annotations

from storylens.evidence.counted_units import in_base_unit
from storylens.evidence.facts import story_facts
from storylens.models import Article


def _groups(*texts: str):
    arts = [Article(id=f"a{i}", text=t, published=None) for i, t in enumerate(texts)]
    return story_facts(arts)[1]


def _multi(groups):
    return [g for g in groups if len({c.article_id for c in g.claims}) >= 2]


def test_a_measure_in_its_base_unit():
    assert in_base_unit("km distance", 48) == ("length", 48000.0, "km")
    dim, metres, unit = in_base_unit("miles distance", 30)
    assert (dim, unit) == ("length", "mile") and round(metres) == 48280
    assert in_base_unit("F temperature", 194)[:2] == ("temperature", 90.0)
    assert in_base_unit("people killed", 30) is None


def test_one_measure_in_two_units_is_one_quantity_that_agrees():
    groups = _multi(_groups("Police chased the car for 48km north of Detroit at 193km/h before it crashed.",
                            "The car was chased for 30 miles at speeds of 120 miles per hour."))
    assert sorted((g.status, sorted(c.value for c in g.claims)) for g in groups) == [
        ("agree", [30.0, 48.0]), ("agree", [120.0, 193.0])]
    (area,) = _multi(_groups("The 15,800-square-metre building houses a firm.",
                             "The 170,000-square-foot building houses a firm."))
    assert area.status == "agree"


def test_two_units_of_one_value_or_of_other_sizes_stay_apart():
    # "30 metres long" is not "30 feet long"; 48 km is not 40 miles
    assert _multi(_groups("The dhow was 30 metres long.", "The dhow was 30 feet long.")) == []
    assert _multi(_groups("Police chased the car for 48km.", "Police chased the car for 40 miles.")) == []
    # one article's own figures never join: "48km (30 miles)" is told once
    assert _multi(_groups("Police chased the car for 48km (30 miles).")) == []
