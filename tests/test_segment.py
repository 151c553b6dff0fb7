from storylens.models import Article
from storylens.text.segment import sentences, split_sentences, split_spans, words


def test_abbreviations_and_titles_do_not_split():
    text = "Russian Lt. Gen. Sergei Rudskoy said the U.S. was wrong. It was Oct. 6 at 5 p.m. in Washington."
    assert split_sentences(text) == [
        "Russian Lt. Gen. Sergei Rudskoy said the U.S. was wrong.",
        "It was Oct. 6 at 5 p.m. in Washington.",
    ]


def test_quotes_stay_with_their_attribution():
    text = '"We retook the camp," he said. Lavrov simply said: \u201cYou should ask the Americans.\u201d He later left.'
    assert split_sentences(text) == [
        '"We retook the camp," he said.',
        "Lavrov simply said: \u201cYou should ask the Americans.\u201d",
        "He later left.",
    ]


def test_initials_decimals_and_lines():
    text = "John F. Kennedy spoke. Prices rose 3.5 percent.\nA new paragraph starts here"
    assert split_sentences(text) == ["John F. Kennedy spoke.", "Prices rose 3.5 percent.",
                                     "A new paragraph starts here"]


def test_spans_are_offsets_into_the_text():
    text = "  First one here.  Second one?\n\nThird!  "
    spans = split_spans(text)
    assert [text[s:e] for s, e in spans] == ["First one here.", "Second one?", "Third!"]


def test_sentences_carry_document_position_and_paragraph():
    art = Article(id="a", text="One. Two here.\nThree there.")
    sents = sentences(art, doc_index=3)
    assert [(s.doc_index, s.article_id, s.position, s.paragraph) for s in sents] == [
        (3, "a", 0, 0), (3, "a", 1, 0), (3, "a", 2, 1)]
    assert all(art.text[s.start:s.end] == s.text for s in sents)


def test_words_lowercase_and_keep_inner_apostrophes():
    assert words("Syria\u2019s U.S.-backed rebels, 250,000 people") == [
        "syria's", "u", "s", "backed", "rebels", "250", "000", "people"]


def test_times_before_days_go_on_and_before_sentences_end():
    assert split_sentences("The quake struck at 3 a.m. Tuesday near the coast. It lasted a minute.") == [
        "The quake struck at 3 a.m. Tuesday near the coast.", "It lasted a minute."]
    assert split_sentences("The vote closed at 8 p.m. The count began at once.") == [
        "The vote closed at 8 p.m.", "The count began at once."]


def test_a_decimal_a_tokeniser_split_is_no_stop():
    # ECB+ web text writes "$103.1 million" as "$103. 1 million": one sentence; a quotation's stop still ends one
    assert split_sentences("A $103. 1 million sum was paid. It rose.") == ["A $103. 1 million sum was paid.",
                                                                           "It rose."]
    assert split_sentences('He said it cost "$5." 3 more came.') == ['He said it cost "$5."', "3 more came."]
    assert split_sentences("It rose 14.  1 more fell.") == ["It rose 14.", "1 more fell."]  # two spaces: a stop
