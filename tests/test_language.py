"""Language identification and the per-language text tools."""

from __future__ import annotations

import pytest

from storylens.models import Article
from storylens.stories.features import features
from storylens.text.lang_tools import content_terms_for, mask_history_years, sentences_for, strip_notices, tools_for
from storylens.text.language import detect_language, identify
from storylens.text.segment import split_sentences
from storylens.text.tfidf import content_terms

TEXTS = {
    "en": "The government said on Monday that the floods in the north of the country had killed at least 40 people.",
    "de": "Die Regierung teilte am Montag mit, dass bei den Überschwemmungen im Norden des Landes mindestens "
          "40 Menschen ums Leben gekommen sind.",
    "es": "El gobierno informó el lunes de que las inundaciones en el norte del país han causado al menos 40 muertos.",
    "fr": "Le gouvernement a annoncé lundi que les inondations dans le nord du pays avaient fait au moins 40 morts.",
    "it": "Il governo ha annunciato lunedì che le alluvioni nel nord del paese hanno causato almeno 40 morti.",
    "pl": "Rząd poinformował w poniedziałek, że w wyniku powodzi na północy kraju zginęło co najmniej 40 osób.",
    "tr": "Hükümet pazartesi günü yaptığı açıklamada, ülkenin kuzeyindeki sellerde en az 40 kişinin öldüğünü söyledi.",
    "ar": "قالت الحكومة يوم الاثنين إن الفيضانات في شمال البلاد أسفرت عن مقتل 40 شخصا على الأقل.",
    "ru": "Правительство сообщило в понедельник, что в результате наводнений на севере страны погибли по меньшей "
          "мере 40 человек.",
    "zh": "政府星期一表示，该国北部的洪水已造成至少40人死亡。救援人员正在搜寻失踪者。",
}


def test_each_language_is_identified():
    assert {lang: detect_language(text) for lang, text in TEXTS.items()} == {lang: lang for lang in TEXTS}
    assert detect_language("OK") is None  # too short to tell
    a = identify([Article("x", TEXTS["de"]), Article("y", TEXTS["de"], lang="fr")])
    assert [x.lang for x in a] == ["de", "fr"]  # a given language is kept


def test_english_and_unknown_go_through_the_english_tools_unchanged():
    text = TEXTS["en"] + " Rescuers were searching flooded villages; officials said 12 were missing."
    assert content_terms_for(text, "en") == content_terms(text) == content_terms_for(text, None)
    assert sentences_for(text, "en") == split_sentences(text)
    assert features(Article("a", text, lang="en")) == features(Article("a", text))
    assert tools_for("en") is None and tools_for("xx") is None


def test_stems_and_stopwords_of_other_languages():
    de = content_terms_for("Die Überschwemmungen im Norden; die Überschwemmung war schwer.", "de")
    assert "die" not in de and de.count(de[0]) == 2  # stopword gone, singular and plural one stem
    assert content_terms_for("Наводнения и наводнение", "ru") == ["наводнен", "наводнен"]
    assert "في" not in content_terms_for(TEXTS["ar"], "ar")


def test_chinese_is_read_as_character_pairs_and_split_at_fullwidth_stops():
    terms = content_terms_for("北部洪水", "zh")
    assert terms == ["北部", "部洪", "洪水"]
    assert sentences_for(TEXTS["zh"], "zh") == ["政府星期一表示，该国北部的洪水已造成至少40人死亡。",
                                                "救援人员正在搜寻失踪者。"]
    assert sentences_for("Er kam. Sie ging! Wer blieb?", "de") == ["Er kam.", "Sie ging!", "Wer blieb?"]


def test_a_site_notice_is_dropped_and_the_title_glued_to_it_kept():
    # a German cookie banner of four sentences (two name no notice phrase), glued to the headline
    sents = ["Hochwasser im Norden: 40 Tote nach Unwettern OK  Wir setzen auf unserer Website Cookies ein.",
             "Zudem dienen sie der Ausspielung von Werbung.", "Dafür arbeiten wir mit Partnern zusammen.",
             "Weitere Hinweise finden Sie in der Datenschutzerklärung.",
             "Die Regierung teilte am Montag mit, dass mindestens 40 Menschen starben.", "Hunderte sind obdachlos."]
    # cut where the notice phrase starts ("unserer Website"): the headline stays, with the banner's first words
    assert strip_notices(sents, "de") == ["Hochwasser im Norden: 40 Tote nach Unwettern OK  Wir setzen auf",
                                          sents[4], sents[5]]
    en = ["Floods kill 40 in the north.", "Sign up to our free email alerts.", "Rescuers searched villages."]
    assert strip_notices(en, "en") == [en[0], en[2]]
    assert strip_notices(en[:1] + en[2:], "en") == en[:1] + en[2:]  # no notice: unchanged
    # a news sentence that only mentions registering or a website is no notice
    news = ["Die Behörden registrieren 500 neue Fälle.", "Die Erklärung stand auf der Website des Ministeriums."]
    assert strip_notices(news, "de") == news


def test_history_years_of_other_languages_are_masked():
    assert mask_history_years("Er war seit November 2015 Chef, im Jahr 2020 ging er.", "de") == \
        "Er war seit November #### Chef, im Jahr 2020 ging er."
    assert mask_history_years("desde 2011 y hasta marzo de 2030; en 2020", "es") == \
        "desde #### y hasta marzo de ####; en 2020"
    assert mask_history_years("since 2011", "en") == "since 2011"  # English's are read by latest_year itself


def test_identification_on_the_semeval_articles(data_dir, floors):
    """Every language label of the SemEval-2022 Task 8 articles against detect_language."""
    import json

    path = data_dir / "semeval8_train_articles.jsonl"
    if not path.exists():
        import pytest

        pytest.skip(f"{path} not found")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    right = sum(1 for r in rows if detect_language(r["text"]) == r["lang"])
    floors.check("language_id_semeval", {"accuracy": right / len(rows)})


# one report in each language read by its own tools: (language, the story, a sentence dating it to 2020, a
# sentence whose only year is history: "in office since 2015")
YEARS = [
    ("de", "Das Hochwasser im Norden hat viele Häuser zerstört, die Regierung schickt Helfer in die Region.",
     "Das geschah im Jahr 2020.", "Der Minister ist seit 2015 im Amt."),
    ("es", "Las inundaciones en el norte destruyeron muchas casas y el gobierno envía ayuda a la región.",
     "Ocurrió en 2020.", "El ministro está en el cargo desde 2015."),
    ("fr", "Les inondations dans le nord ont détruit de nombreuses maisons et le gouvernement envoie de l'aide.",
     "C'était en 2020.", "Le ministre est en poste depuis 2015."),
    ("it", "Le alluvioni nel nord hanno distrutto molte case e il governo invia aiuti nella regione.",
     "È successo nel 2020.", "Il ministro è in carica dal 2015."),
    ("pl", "Powódź na północy zniszczyła wiele domów, a rząd wysyła pomoc do regionu.",
     "Stało się to w 2020 roku.", "Minister jest na stanowisku od 2015 roku."),
    ("ru", "Наводнение на севере разрушило много домов, и правительство направляет помощь в регион.",
     "Это произошло в 2020 году.", "Министр занимает пост с 2015 года."),
    ("ar", "دمرت الفيضانات في الشمال العديد من المنازل وأرسلت الحكومة المساعدات إلى المنطقة.",
     "حدث ذلك في عام ٢٠٢٠.", "الوزير في منصبه منذ عام 2015."),
    ("tr", "Kuzeydeki sel birçok evi yıktı ve hükümet bölgeye yardım gönderiyor.",
     "Bu 2020 yılında oldu.", "Bakan 2015'ten beri görevde."),
    ("zh", "北方的洪水摧毁了许多房屋，政府向该地区派遣了救援人员。", "这发生在2020年。", "部长自2015年以来一直任职。"),
]


@pytest.mark.parametrize("lang,story,dated,history", YEARS, ids=[y[0] for y in YEARS])
def test_the_year_check_reads_history_years_in_each_language(lang, story, dated, history):
    """The stream path's year check (and the archive's) reads the article's own language: a year after
    its "since" is history, not the report's year, so the two reports of one story stay together even
    when a far year costs a join everything."""
    from storylens.stories.clusterer import ClusterOptions, Clusterer
    from storylens.stories.features import latest_year

    a = Article("a", f"{story} {dated}", lang=lang)
    b = Article("b", f"{story} {history}", lang=lang)
    assert latest_year(a) == 2020 and latest_year(b) is None
    assert latest_year(Article("c", f"{story} {history} {dated}", lang=lang)) == 2020
    strict = ClusterOptions(year_penalty=0.9)  # a far year would keep any two reports apart
    first, second = Clusterer(strict).add_batch([a, b])
    assert second.story_id == first.story_id


def test_the_history_endings_of_turkish_and_chinese_and_eastern_digits():
    assert mask_history_years("2015'ten beri görevde, 2011 yılından bu yana savaş, 2030'a kadar plan; 2020 "
                              "seçimleri", "tr") == \
        "####'ten beri görevde, #### yılından bu yana savaş, ####'a kadar plan; 2020 seçimleri"
    assert mask_history_years("自2015年以来，2011年起，2020年3月", "zh") == "自####年以来，####年起，2020年3月"
    from storylens.stories.features import latest_year

    assert latest_year(Article("x", "1900万人受灾，2019年的洪水", lang="zh")) == 2019  # 1900万 is a number
    assert latest_year(Article("x", "منذ عام ٢٠١١ وفي ٢٠٢٠ قال", lang="ar")) == 2020
    assert latest_year(Article("x", "Seit 2015 im Amt.", lang="en")) == 2015  # English reads its own words only


def test_countries_are_found_by_their_names_in_each_language():
    from storylens.text.lang_tools import territories

    assert territories("Hilfe aus Russland für Italien und Saudi-Arabien; Russlands Ärzte", "de") == [
        ("Russland", "RU"), ("Italien", "IT"), ("Saudi-Arabien", "SA"), ("Russland", "RU")]
    assert territories("Italy and the United States", "en") == [("Italy", "IT"), ("United States", "US")]
    assert territories("L'Italie et la Russie", "fr") == [("Italie", "IT"), ("Russie", "RU")]
    assert territories("中国和美国", "zh") == [("中国", "CN"), ("美国", "US")]
    assert territories("Italy, Italia", None) == [("Italy", "IT")]  # no language: English names only
    assert territories("Mayor Chadwick of Italyville", "en") == []  # whole words only ("Chad", "Italy")
