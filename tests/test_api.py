"""The Python API accepts what people pass it: strings, dates, raw text; a digest as a dict or a table."""

from __future__ import annotations

import datetime as dt

import pytest

import storylens
from storylens import Article, Options
from storylens.errors import ArticleError, EmptyDigestError, NoArticlesError

RULES = Options(use_spacy=False)
QUAKE = ("A magnitude 6.1 earthquake struck near Mogok in Myanmar on Sunday, killing 12 people, officials said. "
         "Rescuers searched the rubble through the night for survivors of the collapsed homes.")
QUAKE2 = ("Rescuers in Mogok searched collapsed homes after the 6.1 quake, which killed 12 people, "
          "Myanmar officials said on Monday. The army sent trucks of food and tents to the town.")


def test_digest_takes_strings_as_summarize_does():
    d = storylens.digest([QUAKE, QUAKE2], max_words=60, options=RULES)
    assert [a.id for a in d.articles] == ["text-1", "text-2"]
    assert d.summary.sentences and {1, 2} >= {n for s in d.summary.sentences for n in [c + 1 for c in s.citations]}
    one = storylens.digest(QUAKE, options=RULES)
    assert len(one.articles) == 1 and "Mogok" in one.summary.text
    with pytest.raises(ArticleError, match="digest\\(\\) takes Articles or strings, got int at position 2"):
        storylens.digest([QUAKE, 3])


def test_summarize_of_one_long_string_splits_it_into_sentences(example_articles):
    s = storylens.summarize(example_articles[2].text, max_words=60)
    assert len(s.sentences) >= 2 and all(c == (0,) for c in (x.citations for x in s.sentences))
    assert 0 < s.word_count <= 60


def test_an_empty_digest_is_an_error_that_names_the_input():
    with pytest.raises(EmptyDigestError, match="menu: nothing to digest: no sentence of 5 to 70 words"):
        storylens.digest([Article(id="menu", text="Home\nNews\nSport\nLogin")])
    with pytest.raises(NoArticlesError, match="blank: no article text to digest"):
        storylens.digest([Article(id="blank", text="  \n")])


def test_article_validates_and_normalises_its_fields():
    assert Article(id="a", text="x", published=dt.date(2016, 10, 6)).published == "2016-10-06"
    assert Article(id="a", text="x", published=dt.datetime(2016, 10, 6, 23, 5)).published == "2016-10-06"
    assert Article(id="a", text="x", published="2016-10-06T12:00:00+02:00").published == "2016-10-06"
    with pytest.raises(ArticleError, match=r"published must be an ISO date \(YYYY-MM-DD\).*got 'Oct 6, 2016'"):
        Article(id="a", text="x", published="Oct 6, 2016")
    with pytest.raises(ArticleError, match="published must be an ISO date.*got '2016-02-30'"):
        Article(id="a", text="x", published="2016-02-30")
    with pytest.raises(ArticleError, match="Article title must be a string, got int 5"):
        Article(id="a", text="x", title=5)  # type: ignore[arg-type]
    # a dated article built by hand goes through dedup and clustering like a read one
    arts = [Article(id="a", text=QUAKE, published=dt.date(2020, 1, 5)),
            Article(id="b", text=QUAKE2, published=dt.date(2020, 1, 6))]
    assert sorted(a for s in storylens.cluster(arts) for a in s.article_ids) == ["a", "b"]


def test_article_from_text_cleans_as_the_readers_do():
    raw = "Yangon (Reuters) - Myanmar\u00e2\u20ac\u2122s army said on Monday it had sent troops to Mogok."
    a = Article.from_text(raw, id="r1", published=dt.date(2020, 1, 6), outlet="Reuters")
    assert a.text.startswith("Myanmar\u2019s army said") and a.dateline == "Yangon" and a.agency == "Reuters"
    assert a.published == "2020-01-06" and a.id == "r1"
    assert Article.from_text(raw).id == Article.from_text(raw).id != Article.from_text(raw + " More.").id


def test_digest_to_dict_and_to_dataframe(example_articles):
    from storylens.report import to_dict

    d = storylens.digest(example_articles, options=RULES)
    assert d.to_dict() == to_dict(d) and d.to_dict()["facts"][0]["claims"]
    assert "text" in d.to_dict(include_text=True)["articles"][0]
    pd = pytest.importorskip("pandas", reason="pandas is the dataframe extra")
    facts = d.to_dataframe()
    assert isinstance(facts, pd.DataFrame) and len(facts) == sum(len(g.claims) for g in d.facts)
    trapped = facts[facts["what"] == "people trapped"]
    assert trapped["amount"].iloc[0] == "more than 250,000" and trapped["value"].iloc[0] == 250000
    assert len(d.to_dataframe("quotes")) == len(d.quotes) and len(d.to_dataframe("timeline")) == len(d.timeline)
    with pytest.raises(storylens.StorylensError, match="unknown table 'people'"):
        d.to_dataframe("people")


def test_the_store_api_the_readme_documents(example_dir, tmp_path):
    from storylens.stories.store.index import StoryIndex

    with storylens.open_store(str(tmp_path / "news.db")) as store:
        StoryIndex(store).add(storylens.load_articles([example_dir]))
        stories = store.stories()
        assert len(stories) == 1 and stories[0].size == 5
        arts = store.story_articles(stories[0].id)
        assert len(arts) == 5 and all(a.text for a in arts)
        hits = store.search("Aleppo hospital", limit=3)
        assert hits and all(h.story_id == stories[0].id for h in hits)


def test_render_at_the_top_level_writes_every_format(example_articles):
    d = storylens.digest(example_articles[:2], options=RULES, check_mixed=False)
    assert storylens.render(d).startswith("# ") and storylens.render(d, "html").startswith("<!DOCTYPE html>")
    assert storylens.render(d, "json").startswith('{\n  "schema": "storylens.digest/1"')
    assert storylens.render(d, "csv").startswith("section,what,status,amount,")
    expected = "unknown format 'pdf'; choose one of: markdown, json, html, csv"
    with pytest.raises(storylens.StorylensError, match=expected):
        storylens.render(d, "pdf")
