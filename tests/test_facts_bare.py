"""A bare number (no noun after it) counts only what its sentence says it counts (:mod:`storylens.evidence.
facts_bare`): a list goes on, a toll is read, but a number that is its clause's subject stands for ones named
before, a pronoun by the protocol. All text invented."""

from __future__ import annotations

from storylens.evidence.facts import extract_claims
from storylens.models import Article
from storylens.prepare import prepare_document


def _read(text: str) -> list[tuple[float, str]]:
    doc = prepare_document(Article(id="t", text=text, published="2001-05-02"))
    return [(c.value, c.what) for c, _ in extract_claims(doc)]


def test_a_bare_number_before_its_verb_is_a_pronoun_not_the_list_s_next_figure():
    assert _read("The board has 12 new members, and nine are farmers.") == [(12, "new members")]
    assert _read("Police held 30 of the fans and the remaining 45 were released.") == [(30, "fans")]


def test_a_list_of_bare_numbers_still_goes_on():
    got = _read("The storm killed 310 people in the north, followed by the coast with 120, the capital with 45.")
    assert [v for v, _ in got] == [310, 120, 45] and all(w == got[0][1] for _, w in got)
