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
    got = {"multi_source_sentences": len(multi)}
    got.update(_example_carriers(example_articles))  # every candidate against the hand list of its carriers
    floors.check("example_citations", got)


def _example_carriers(articles) -> dict[str, float | int]:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "example_citations.py"
    spec = importlib.util.spec_from_file_location("example_citations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.carriers_scores(articles)


def _reference_best(index_terms: list[list[dict[str, float]]], terms: dict[str, float], doc: int):
    """The claim index's rule written as the plain loop it replaces: the share of ``terms`` (weighted by
    rarity over every indexed sentence) the best sentence of ``doc`` holds."""
    import math
    from collections import Counter

    from storylens.summarizers.support import CARRIES, MIN_SHARED

    df: Counter[str] = Counter(t for doc_terms in index_terms for ts in doc_terms for t in ts)
    n = sum(len(d) for d in index_terms)
    idf = {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}
    wording = sum(idf.get(t, 1.0) * m for t, m in terms.items() if t[0] != "#")
    best, at = 0.0, -1
    for k, other in enumerate(index_terms[doc]):
        shared = sorted(terms.keys() & other.keys())
        if len(shared) >= MIN_SHARED:
            figs = sum(idf[t] * terms[t] for t in shared if t[0] == "#")
            share = sum(idf[t] * terms[t] for t in shared) / ((wording + figs) or 1.0)
            if share > best + 1e-12 and share >= CARRIES:
                best, at = share, k
    return best, at


def test_the_claim_index_finds_each_articles_best_carrier_as_the_plain_rule_does():
    """Where the first rule (MIN_SHARED terms, CARRIES of the weight) finds a carrier, it is that rule's
    best sentence; where it finds none, any match is marked as one of the looser rules'."""
    from storylens.summarizers.support import ClaimIndex, claim_terms
    from storylens.text.segment import words

    docs = [[A, D], [D, B, "The Bustan market reopened."], [C], [], ["Geneva talks on corridors went on."]]
    index = ClaimIndex([[(t, words(t)) for t in doc] for doc in docs])
    terms_of = [[claim_terms(t, words(t)) for t in doc] for doc in docs]
    for query in (A, B, C, D):
        q = claim_terms(query, words(query))
        got = index.carriers(q)
        assert len(got) == len(docs)
        for d in range(len(docs)):
            want = _reference_best(terms_of, q, d)
            if want[1] >= 0:
                assert got[d][1:] == (want[1], True) and abs(got[d][0] - want[0]) < 1e-9, (query, d)
            else:
                assert not got[d][2], (query, d)
    # B's sentence of article 1 carries A (same market, figure and day); article 3 holds nothing of it
    of_a = index.carriers(claim_terms(A, words(A)))
    assert of_a[1][1:] == (1, True) and of_a[3] == (0.0, -1, False)


def test_a_long_article_is_indexed_and_compared_only_up_to_its_bound(monkeypatch):
    """A file of book-length articles: the claim index and the coverage read each article's first sentences
    only, so their memory and time stay bounded by the bound, not by the article's length."""
    from storylens.evidence import coverage
    from storylens.prepare import prepare_documents
    from storylens.summarizers import support
    from storylens.text.segment import words

    filler = " ".join(f"Villagers near river crossing {i} waited for food and medicine all week." for i in range(30))
    long_text = filler + " " + B
    monkeypatch.setattr(support, "MAX_INDEXED", 10)
    pool = _pool(A, long_text)
    assert pool.claims.doc_rows == [0, 1, 11]  # A's one sentence, the long article's first ten
    claim = support.claim_terms(A, words(A))
    assert pool.claims.carriers(claim)[1] == (0.0, -1, False)  # its carrier of A's claim lies past the bound
    monkeypatch.setattr(support, "MAX_INDEXED", 3000)
    share, k, _ = _pool(A, long_text).claims.carriers(claim)[1]
    assert k == 30 and share >= support.CARRIES  # B, the long article's last sentence
    # every sentence but the last retells A; the last, told by no other source, is what only it reports
    retold = " ".join(f"Rebel fighters shelled the western district of Aleppo on Sunday, killing civilians "
                      f"in market number {i}, the monitoring group said." for i in range(12)) + " " + D
    docs = prepare_documents([Article(id="a", text=A), Article(id="long", text=retold)])
    assert [x["text"] for x in coverage._unique_sentences(docs)["long"]] == [D]
    monkeypatch.setattr(coverage, "MAX_COMPARED", 5)
    assert "long" not in coverage._unique_sentences(docs)  # D, past the bound, is never read


TRAPPED = ("The assault has sparked condemnation, with fears for more than 250,000 civilians trapped inside the "
           "east of the city since the siege began in July.")
BESIEGED = ("The intensity of the bombardment brought new misery to the estimated 250,000 civilians besieged by "
            "the army.")
BESIEGED_MORE = ("The intensity of the bombardment brought new misery to the estimated 275,000 civilians besieged by "
                 "the army.")
CAMP = ("Last week, government forces captured the Handarat Palestinian refugee camp north of the city and the "
        "nearby Kindi Hospital, which overlooks vital roads.")
CAMP_TOO = ("In the first major advance of the new offensive, Syrian forces seized control of the Handarat Palestinian "
            "refugee camp, north of the city.")


def test_a_large_figure_and_a_few_words_carry_a_claim_in_other_words():
    (s,) = _pool(TRAPPED, BESIEGED, D).to_summary([0]).sentences
    assert s.citations == (0, 1) and s.conflicts == ()
    # another figure for the same civilians: no shared figure, too few words: neither cited nor a conflict
    (s,) = _pool(TRAPPED, BESIEGED_MORE, D).to_summary([0]).sentences
    assert s.citations == (0,) and s.conflicts == ()


def test_many_shared_rare_words_carry_a_long_sentence():
    from storylens.summarizers.support import claim_terms
    from storylens.text.segment import words

    pool = _pool(CAMP, CAMP_TOO, D)
    share, k, strict = pool.claims.carriers(claim_terms(CAMP, words(CAMP)))[1]
    assert k == 0 and not strict  # under half of the long sentence's weight: the looser rule's match
    (s,) = pool.to_summary([0]).sentences
    assert s.citations == (0, 1)


def test_carrier_counts_are_the_number_of_articles_each_candidate_would_cite():
    from storylens.summarizers.support import carrier_counts

    pool = _pool(A, B, C, D, TRAPPED, BESIEGED, A)
    summary = pool.to_summary(list(range(len(pool.sentences))))
    assert carrier_counts(pool).tolist() == [len(set(s.citations)) for s in summary.sentences]
    assert max(carrier_counts(pool)) >= 3  # A: its copy and B's paraphrase; C gives another figure
