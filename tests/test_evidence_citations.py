"""Citations both ways: every source that carries a summary sentence's claim, in other words too, and never
one that gives a different figure."""

from __future__ import annotations

from storylens.config import Options
from storylens.models import Article
from storylens.pipeline import digest
from storylens.summarizers.pool import SentencePool
from storylens.text.claims import figures, figures_agree


def test_figures_know_what_they_count():
    assert figures("At least 45 people, among them 10 children, were killed in 2016.") == {
        "people": {45.0}, "children": {10.0}}  # the year is no figure
    assert figures("Forty-five civilians died.") == {"people": {45.0}}  # civilians are people
    assert figures("a deficit of $2.9 trillion") == {"$": {2.9e12}}
    assert figures_agree(figures("45 people died"), figures("Forty-five civilians were killed")) == (True, False)
    assert figures_agree(figures("$2.9 trillion"), figures("$1.9 trillion")) == (False, True)
    assert figures_agree(figures("45 people died"), figures("the talks lasted 3 days")) == (False, False)


A = ("Rebel fighters shelled the western district of Aleppo on Sunday, killing 45 civilians in the "
     "crowded Bustan market, the monitoring group said.")
B = ("The monitoring group said Sunday's rebel shelling of the crowded Bustan market in western "
     "Aleppo killed forty-five civilians, many of them women.")
C = ("The monitoring group said rebel shelling of the crowded Bustan market in western Aleppo on Sunday "
     "killed 12 civilians.")
D = "Officials in Geneva met for talks on humanitarian corridors and a new truce for the winter months."


def _pool(*texts: str) -> SentencePool:
    return SentencePool.build([Article(id=f"a{i}", text=t) for i, t in enumerate(texts)])


def test_a_paraphrase_with_the_same_figure_is_cited():
    pool = _pool(A, B, D)
    (s,) = pool.to_summary([0]).sentences
    assert s.citations == (0, 1) and s.conflicts == ()
    assert s.evidence[1].article_id == "a1" and s.evidence[1].start == 0  # the supporting span of the source


def test_a_source_with_another_figure_is_a_conflict_not_a_citation():
    pool = _pool(A, C, D)
    (s,) = pool.to_summary([0]).sentences
    assert s.citations == (0,)
    assert [(c.article_id, c.doc_index) for c in s.conflicts] == [("a1", 1)]


def test_unrelated_sources_are_not_cited():
    pool = _pool(A, D)
    (s,) = pool.to_summary([0]).sentences
    assert s.citations == (0,) and s.conflicts == ()


def test_the_digest_keeps_conflicts_on_the_articles_indices():
    text = A + "\nA second paragraph that the copy has as well, said officials today."
    arts = [Article(id="x", text=text), Article(id="y", text=C), Article(id="copy", text=text),
            Article(id="z", text=D)]
    d = digest(arts, options=Options(extract_facts=False))
    assert d.meta.copies == {"copy": "x"}  # the copy is left out of the summary's pool: indices are remapped
    twelve = next(s for s in d.summary.sentences if s.text == C)
    assert [d.articles[c.doc_index].id for c in twelve.conflicts] == ["x"]
    assert [d.articles[i].id for i in twelve.citations] == ["y"]


def test_a_retelling_in_other_words_is_cited():
    """"seized" and "captured", "troops" and "forces" retell one claim: the second outlet is cited (on the
    shared words alone it holds less than half of the sentence)."""
    seized = "Syrian troops seized the Handarat refugee camp north of Aleppo on Thursday."
    captured = "Government forces captured the Handarat camp, a refugee settlement north of Aleppo, last week."
    pool = _pool(seized, captured, D)
    (s,) = pool.to_summary([0]).sentences
    assert s.citations == (0, 1)


def test_a_shared_name_alone_carries_no_claim():
    """Two sentences that name one monitoring group and say different things: the name's five words count
    as one, so the second is not cited."""
    school = "The Syrian Observatory for Human Rights said the strikes hit a school."
    home = "Rami Abdel Rahman runs the Syrian Observatory for Human Rights from his home in Coventry."
    pool = _pool(school, home, D)
    (s,) = pool.to_summary([0]).sentences
    assert s.citations == (0,)


def test_the_example_cites_several_sources_where_they_carry_the_sentence(example_articles, floors):
    """The bundled example as `storylens digest` makes it: the summary sentences that cite two or more
    sources (benchmarks/example_citations.py), each extra source's span carrying the sentence's figures."""
    d = digest(example_articles, options=Options(use_spacy=False))
    multi = [s for s in d.summary.sentences if len(set(s.citations)) >= 2]
    for s in multi:
        figs = figures(s.text)
        for e in s.evidence[1:]:
            other = d.articles[e.doc_index].text[e.start:e.end]
            assert other.strip() and (not figs or figures_agree(figs, figures(other)) == (True, False))
    floors.check("example_citations", {"multi_source_sentences": len(multi)})
