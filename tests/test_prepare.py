"""The prepared document: sentences, words and resolved time expressions, computed once per article."""

from __future__ import annotations

from datetime import date

from storylens.models import Article
from storylens.prepare import PreparedDocument, prepare_document, prepare_documents, publication_date
from storylens.summarizers.pool import SentencePool
from storylens.text.segment import sentences, words

TEXT = ("Rebels shelled the city on Tuesday, killing 12 people.\n"
        "A day earlier, talks in Geneva were suspended. \u201cWe will not give up,\u201d he said.\n"
        "The ceasefire of September 9 collapsed.")


def test_sentences_and_words_are_the_splitters():
    a = Article(id="a", text=TEXT, published="2016-10-06")
    doc = prepare_document(a, 3)
    assert list(doc.sentences) == sentences(a, 3)
    assert [s.doc_index for s in doc.sentences] == [3, 3, 3, 3]
    assert doc.words(1) == words(doc.sentences[1].text) == ["a", "day", "earlier", "talks", "in", "geneva", "were",
                                                           "suspended"]


def test_times_are_resolved_in_text_order_against_the_anchor():
    doc = prepare_document(Article(id="a", text=TEXT, published="2016-10-06"))
    assert doc.anchor == date(2016, 10, 6) and not doc.anchor_inferred
    got = [[(t.text, r.date) for t, r in pairs] for pairs in doc.times]
    # "a day earlier" counts from the Tuesday of the sentence before, not from the anchor
    assert got == [[("on Tuesday", "2016-10-04")], [("A day earlier", "2016-10-03")], [],
                   [("September 9", "2016-09-09")]]
    # each time expression's offsets are the article's
    t, _ = doc.times[3][0]
    assert TEXT[t.start:t.end] == "September 9"


def test_an_explicit_anchor_and_an_undated_document():
    a = Article(id="a", text=TEXT)
    assert publication_date(a) == (None, False)
    undated = prepare_document(a)
    # nothing relative resolves without an anchor, nor a day without a year
    assert [r.date for pairs in undated.times for _, r in pairs] == [None, None, None]
    anchored = PreparedDocument(a, 0, date(2016, 10, 6))
    assert anchored.times[0][0][1].date == "2016-10-04"
    assert PreparedDocument(a, 0, dated=False).times == ((), (), (), ())


def test_offsets_find_their_sentence():
    doc = prepare_document(Article(id="a", text=TEXT))
    quote_at = TEXT.index("We will")
    i = doc.sentence_at(quote_at)
    assert i == 2 and doc.sentences[i].text.startswith("\u201cWe will")
    assert doc.sentence_at(TEXT.index("\n")) is None  # the line break between two sentences
    assert doc.sentences_ending_by(doc.sentences[2].start) == 2
    assert doc.sentences_ending_by(0) == 0


def test_reindexed_documents_keep_their_dates_and_change_their_index():
    docs = prepare_documents([Article(id="a", text=TEXT, published="2016-10-06"), Article(id="b", text="Short.")])
    moved = docs[0].reindexed(5)
    assert {s.doc_index for s in moved.sentences} == {5} and moved.times is docs[0].times
    assert docs[0].reindexed(0) is docs[0]
    assert prepare_documents(docs)[1] is docs[1]  # already prepared: kept as it is


def test_the_pool_reads_the_prepared_sentences():
    arts = [Article(id="a", text=TEXT, published="2016-10-06"),
            Article(id="b", text="Rebels shelled the city on Tuesday and killed twelve people, officials said.")]
    docs = prepare_documents(arts)
    from_docs, from_articles = SentencePool.build(docs), SentencePool.build(arts)
    assert from_docs.all_sentences == from_articles.all_sentences
    assert from_docs.terms == from_articles.terms and from_docs.tokens == from_articles.tokens
    # the second article's pool from a one-article list: its sentences are that list's first
    alone = SentencePool.build([docs[1]])
    assert {s.doc_index for s in alone.sentences} == {0}


def _long_article(n: int) -> Article:
    # n distinct sentences of eight words, each its own candidate
    return Article(id="long", text=" ".join(f"Rescue team {i} reached village {i} near the river." for i in range(n)))


def test_a_long_article_keeps_words_for_the_candidates_only():
    """Memory grows with the pool's bound, not the article: past ``max_candidates`` no sentence has its
    words made and kept, and the concept counts over every sentence keep none either."""
    from storylens.summarizers.features import concept_doc_freq

    doc = prepare_document(_long_article(400))
    pool = SentencePool.build([doc], max_candidates=25)
    assert len(pool.sentences) == 25
    kept = sum(1 for i in range(len(doc.sentences)) if doc._words[i] is not None)
    assert kept == 25
    df = concept_doc_freq(pool)
    assert df["village 399"] == 1  # the last sentence is counted ...
    assert sum(1 for i in range(len(doc.sentences)) if doc._words[i] is not None) == kept  # ... and not kept


def test_a_bounded_pool_is_the_first_candidates_of_an_unbounded_one():
    small = SentencePool.build([prepare_document(_long_article(120))], max_candidates=30)
    whole = SentencePool.build([prepare_document(_long_article(120))], max_candidates=10**6)
    assert len(whole.sentences) == 120
    assert [s.text for s in small.sentences] == [s.text for s in whole.sentences[:30]]
    assert small.terms == whole.terms[:30] and small.nwords == whole.nwords[:30]
    doc = prepare_document(_long_article(3))
    assert doc.words(0, keep=False) == words(doc.sentences[0].text) and doc._words[0] is None


def test_quantities_are_the_sentences_own_read_once_in_the_articles_language():
    a = Article(id="a", text=TEXT, published="2016-10-06")
    doc = prepare_document(a)
    got = doc.quantities(0)
    assert [(doc.sentences[0].text[s:e], q.value) for s, e, q in got] == [("12", 12.0)]
    assert doc.quantities(0) is got  # kept
    assert doc.quantities(1) == ()  # "A day earlier": no quantity
    assert doc.reindexed(4).quantities(0) is got  # a reindexed copy reads its original's
    last = prepare_document(a)
    assert last.quantities(0, keep=False) == got and last._quantities == [None] * 4  # the last reader keeps none
    assert last.quantities(0) is last.quantities(0, keep=False)  # ... and reads what was kept
    german = prepare_document(Article(id="b", text="Rund 2.500 Menschen flohen.", lang="de"))
    assert [q.value for _, _, q in german.quantities(0)] == [2500.0]  # "2.500": a dot between thousands
