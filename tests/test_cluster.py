"""Incremental story clustering."""

from __future__ import annotations

import pytest

from storylens.stories.clusterer import ClusterOptions, Clusterer, cluster, features
from storylens.errors import ConfigError
from storylens.models import Article

QUAKE_A = [
    "A magnitude 6.1 earthquake struck near Mogok in Myanmar on Sunday, killing 12 people, Myanmar officials said.",
    "Rescuers in Mogok searched rubble after Sunday's 6.1 quake in Myanmar; the death toll rose to 12.",
    "Myanmar's government said the 6.1 earthquake near Mogok destroyed 300 homes and killed 12.",
]
QUAKE_B = [
    "A magnitude 7.4 earthquake hit Oaxaca in southern Mexico on Tuesday, killing 5 people, Mexican officials said.",
    "In Oaxaca, Mexico, rescuers searched collapsed buildings after Tuesday's 7.4 earthquake that killed 5.",
    "Mexico's president said the 7.4 quake in Oaxaca damaged 800 homes; 5 people were killed.",
]


def _arts(texts, prefix, day):
    return [Article(f"{prefix}{i}", t, published=day) for i, t in enumerate(texts)]


def test_two_earthquakes_stay_two_stories():
    arts = _arts(QUAKE_A, "a", "2012-11-11") + _arts(QUAKE_B, "b", "2012-11-12")
    stories = cluster(arts)
    groups = sorted(sorted(s.article_ids) for s in stories)
    assert groups == [["a0", "a1", "a2"], ["b0", "b1", "b2"]]


def test_incremental_equals_batch_and_is_deterministic():
    arts = _arts(QUAKE_A, "a", "2012-11-11") + _arts(QUAKE_B, "b", "2012-11-12")
    one = Clusterer()
    inc = [one.add(a).story_id for a in arts]
    again = Clusterer()
    assert [again.add(a).story_id for a in arts] == inc
    assert len(set(inc)) == 2
    # the IDF grows article by article, so one batch, or batches of any size, give what one at a time gives,
    # similarities included
    ref = Clusterer()
    one_by_one = [(x.story_id, x.similarity) for x in (ref.add(a) for a in arts)]
    assert [(x.story_id, x.similarity) for x in Clusterer().add_batch(arts)] == one_by_one
    chunked = Clusterer()
    parts = [chunked.add_batch(arts[i:j]) for i, j in ((0, 2), (2, 5), (5, 6))]
    assert [(x.story_id, x.similarity) for part in parts for x in part] == one_by_one


def test_time_window_separates_the_same_words_weeks_apart():
    c = Clusterer(window_days=7)
    first = c.add_batch(_arts(QUAKE_A, "early", "2012-01-01"))
    later = c.add_batch(_arts(QUAKE_A, "late", "2012-03-01"))
    assert len({x.story_id for x in first}) == 1
    assert {x.story_id for x in later}.isdisjoint({x.story_id for x in first})
    # the old story was evicted from memory, the new one is active
    assert len(c._active) == 1


def test_duplicates_join_their_original_story():
    c = Clusterer()
    a = Article("orig", QUAKE_A[0], published="2012-11-11")
    b = Article("copy", "Totally reworded text about football that shares nothing.", published="2012-11-11")
    res = c.add_batch([a, b], {"copy": "orig"})
    assert res[1].story_id == res[0].story_id and res[1].duplicate_of == "orig"


def test_features_see_names_and_numbers():
    f = features(Article("x", "The quake in Oaxaca killed 5 people.", title=""))
    assert "@oaxaca" in f and "#5" in f and "quake" in f
    assert "@the" not in f


def test_options_are_validated():
    with pytest.raises(ConfigError, match="threshold"):
        ClusterOptions(threshold=2)
    with pytest.raises(ConfigError, match="window_days"):
        ClusterOptions(window_days=-1)


def _klitschko(i: str, year: str, rnd: str, place: str):
    return Article(i, f"Wladimir Klitschko stopped Tony Thompson in the {rnd} round in {place} on Saturday to keep "
                      f"his heavyweight titles in July {year}.")


def test_a_far_year_keeps_two_events_with_the_same_actors_apart():
    from storylens.stories.clusterer import latest_year

    a, b = _klitschko("a", "2008", "eleventh", "Hamburg"), _klitschko("b", "2012", "sixth", "Bern")
    assert latest_year(b) == 2012 and latest_year(Article("x", "No year here, 12 people.")) is None
    # the same pair with no year check (and no place check: Hamburg vs Bern) merges: the penalty is what splits them
    c = Clusterer(threshold=0.6, year_penalty=0.0, place_penalty=0.0)
    assert c.add(a).story_id == c.add(b).story_id
    c = Clusterer(threshold=0.6, year_penalty=0.1)
    assert c.add(a).story_id != c.add(b).story_id
    # a year within year_gap (a report of the same fight dated a year on) is not penalised
    c = Clusterer(threshold=0.6, year_penalty=0.1)
    assert c.add(a).story_id == c.add(_klitschko("c", "2009", "eleventh", "Hamburg")).story_id


def test_story_years_survive_state_and_restore():
    a, b = _klitschko("a", "2008", "eleventh", "Hamburg"), _klitschko("b", "2012", "sixth", "Bern")
    c = Clusterer(threshold=0.6)
    sid = c.add(a).story_id
    state = c.state_of(sid)
    assert state["centroid"]["~2008"] == 0.0
    r = Clusterer(threshold=0.6)
    r.restore([{**state, "article_ids": ["a"]}], dict(c._df), c.n_seen, {"a": sid})
    assert r._stories[sid].years == {2008} and not any(f.startswith("~") for f in r._stories[sid].centroid)
    assert r.add(b).story_id != sid


def test_history_years_do_not_count_as_the_articles_year():
    from storylens.stories.clusterer import latest_year

    a = Article("a", "Somalia has had no functioning government since 1991. Pirates were caught in 2008.")
    assert latest_year(a) == 2008
    assert latest_year(Article("b", "The country has been in turmoil since 2009, and its ruler died in 2006.")) is None


def test_the_publication_year_stands_for_the_article_and_clock_times_are_not_years():
    from storylens.stories.clusterer import latest_year

    # a page dated 2013 that recalls 2005 is a 2013 report
    assert latest_year(Article("a", "It was worse than the 2005 quake.", published="2013-09-16")) == 2013
    # "at 2045 GMT" is a time of day, not the year 2045
    assert latest_year(Article("b", "The fire began at 2045 GMT and was out by 2130 local time in 2008.")) == 2008
    assert latest_year(Article("c", "Crews arrived at 2045 GMT.")) is None


def test_a_place_the_lead_names_and_the_story_never_mentions_keeps_two_fires_apart():
    from storylens.stories.clusterer import lead_places

    def fire(i, town, county):
        return Article(i, f"A huge fire destroyed the Waitrose supermarket in {town}, {county}, on Sunday night. "
                          "More than 50 firefighters fought the blaze at the store on the High Street, and police "
                          "said the fire was being treated as suspicious.", title=f"Fire at Waitrose in {town}")

    a, b, a2 = fire("a", "Banstead", "Surrey"), fire("b", "Wellington", "Somerset"), fire("c", "Banstead", "Surrey")
    assert lead_places(b) == ("@waitrose", "@wellington")
    sim_threshold = 0.5
    c = Clusterer(threshold=sim_threshold, place_penalty=0.0)
    x = c.add(a)
    assert c.add(b).story_id == x.story_id  # the words alone merge the two fires
    c = Clusterer(threshold=sim_threshold, place_penalty=0.5)
    x = c.add(a)
    assert c.add(b).story_id != x.story_id
    assert c.add(a2).story_id == x.story_id  # another report of the Banstead fire still joins
    with pytest.raises(ConfigError):
        Clusterer(place_penalty=-0.1)


def test_history_years_after_since_with_a_month_or_qualifier_do_not_count():
    from storylens.stories.clusterer import latest_year

    assert latest_year(Article("a", "East Aleppo has been held by the rebels since mid-2012.")) is None
    assert latest_year(Article("b", "Half the population has fled since March 2011.")) is None
    assert latest_year(Article("c", "The war began in March 2011.")) == 2011


def test_a_headline_replaces_a_story_title_made_from_a_url_and_nothing_else_does():
    slug = Article("a0", QUAKE_A[0], title="Magnitude quake strikes mogok", title_inferred=True, published="2012-11-11")
    head = Article("a1", QUAKE_A[1], title="Rescuers search rubble in Mogok", published="2012-11-11")
    later = Article("a2", QUAKE_A[2], title="Myanmar counts 300 homes lost", published="2012-11-11")
    c = Clusterer()
    sids = {c.add(a).story_id for a in (slug, head, later)}
    assert len(sids) == 1
    sid = sids.pop()
    assert [s.title for s in c.stories] == ["Rescuers search rubble in Mogok"]
    assert c.state_of(sid)["title_inferred"] is False
    # a story whose only title came from a URL keeps it, marked, until a headline arrives
    c2 = Clusterer()
    sid2 = c2.add(slug).story_id
    assert c2.stories[0].title == "Magnitude quake strikes mogok" and c2.state_of(sid2)["title_inferred"] is True


def test_a_title_case_headline_gives_no_name_features_the_body_does_not_give():
    body = "The Philadelphia 76ers named Maurice Cheeks their coach on Monday."
    title_case = features(Article("a", body, title="Sixers Hire Maurice Cheeks as Head Coach"))
    sentence_case = features(Article("b", body, title="Sixers hire Maurice Cheeks as head coach"))
    for f in (title_case, sentence_case):
        assert f["@maurice_cheeks"] >= 1 and "@head_coach" not in f and "@head" not in f
    # the headline's words still count as words
    assert title_case["hire"] >= 2 and title_case["head"] >= 2
