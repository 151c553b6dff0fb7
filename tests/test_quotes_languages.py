"""Quotations in the marks of the other supported languages, with their own speech verbs (short constructed
texts, one per convention); English text is read as before."""

from __future__ import annotations

import pytest

from storylens.config import Options
from storylens.evidence import analyze
from storylens.evidence.quote_spans import quote_spans
from storylens.models import Article


def _speakers(text: str, lang: str | None) -> dict[str, str | None]:
    qs = analyze([Article(id="a", text=text, lang=lang)], None, Options(use_spacy=False))["quotes"]
    return {q.text: q.speaker for q in qs}


CASES = [
    ("de", "Die Kanzlerin sprach am Montag in Berlin.\n„Wir schaffen das, und wir werden es gemeinsam tun“, sagte "
           "Angela Merkel am Montag in Berlin.", "Wir schaffen das, und wir werden es gemeinsam tun", "Angela Merkel"),
    ("de", "Der Minister sprach am Dienstag.\nAußenminister Heiko Maas sagte: „Die Lage ist ernst, aber nicht "
           "hoffnungslos.”", "Die Lage ist ernst, aber nicht hoffnungslos.", "Heiko Maas"),
    ("de", "Der Minister sprach am Dienstag.\n»Die Lage ist sehr ernst geworden«, so Heiko Maas am Dienstag.",
     "Die Lage ist sehr ernst geworden", "Heiko Maas"),
    ("fr", "Le ministre a parlé mardi.\n« Nous ne laisserons pas faire cela, jamais », a déclaré Jean-Yves Le Drian "
           "mardi à Paris.", "Nous ne laisserons pas faire cela, jamais", "Jean-Yves Le Drian"),
    ("fr", "Le président a parlé mardi.\nEmmanuel Macron a dit\u00a0: «\u00a0La France sera toujours aux côtés du "
           "peuple syrien.\u00a0»", "La France sera toujours aux côtés du peuple syrien.", "Emmanuel Macron"),
    ("fr", "Le ministre a parlé mardi.\n‹ Nous verrons bien demain ce qui se passe ›, a déclaré Jean Dupont.",
     "Nous verrons bien demain ce qui se passe", "Jean Dupont"),
    ("es", "El presidente habló el lunes.\n«Vamos a salir de esta crisis juntos y más fuertes», dijo Pedro Sánchez "
           "en Madrid.", "Vamos a salir de esta crisis juntos y más fuertes", "Pedro Sánchez"),
    ("es", "El presidente habló el lunes.\n«La economía crecerá este año más de lo previsto», según Nadia Calviño.",
     "La economía crecerá este año más de lo previsto", "Nadia Calviño"),
    ("it", "Il presidente ha parlato lunedì.\n«Usciremo da questa crisi più forti di prima», ha detto Mario Draghi "
           "a Roma.", "Usciremo da questa crisi più forti di prima", "Mario Draghi"),
    ("zh", "外交部发言人周二在北京回答了记者的提问。\n「我们坚决反对任何形式的干涉。」华春莹说。",
     "我们坚决反对任何形式的干涉。", "华春莹"),
    ("zh", "外交部发言人周二在北京回答了记者的提问。\n华春莹表示：「中方的立场是一贯的，也是明确的。」",
     "中方的立场是一贯的，也是明确的。", "华春莹"),
    ("ja", "首相は火曜日に東京で記者会見を開いた。\n「経済の回復を最優先に取り組む」と岸田首相は述べた。",
     "経済の回復を最優先に取り組む", "岸田"),
    ("ja", "首相は火曜日に東京で記者会見を開いた。\n岸田首相は「国民の生活を守るために全力を尽くす」と述べた。",
     "国民の生活を守るために全力を尽くす", "岸田"),
]


@pytest.mark.parametrize("lang,text,quote,speaker", CASES)
def test_each_convention_with_its_speech_verbs(lang, text, quote, speaker):
    assert _speakers(text, lang) == {quote: speaker}
    # the language told by the text itself when the article does not say
    assert _speakers(text, None) == {quote: speaker}


def test_a_pronoun_in_another_language_stays_unresolved():
    assert _speakers("Der Minister sprach am Dienstag mit der Presse.\n„Die Lage ist ernst, aber nicht "
                     "hoffnungslos“, sagte er.", "de") == {"Die Lage ist ernst, aber nicht hoffnungslos": None}


def test_nested_marks_are_part_of_the_quotation_around_them():
    line = "« Il m'a dit ‹ jamais de la vie › et il est parti sans rien dire », a déclaré Jean Dupont."
    (span,) = quote_spans(line)
    assert line[span[0]:span[1]].startswith("Il m'a dit") and line[span[0]:span[1]].endswith("sans rien dire")
    line = "「彼は『絶対に諦めない』と言って出て行った」と田中氏は述べた。"
    (span,) = quote_spans(line)
    assert line[span[0]:span[1]] == "彼は『絶対に諦めない』と言って出て行った"


def test_a_german_closing_mark_is_not_an_english_opening_one():
    line = "„Das ist gut“, sagte sie. „Wir machen weiter.“ Dann ging sie nach Hause zu ihrer Familie."
    assert [line[s:e] for s, e in quote_spans(line)] == ["Das ist gut", "Wir machen weiter."]
    # English lines are read as before
    line = "\u201cWe will fight,\u201d he said, \u2018And we will win.\u2019"
    assert [line[s:e] for s, e in quote_spans(line)] == ["We will fight,", "And we will win."]
