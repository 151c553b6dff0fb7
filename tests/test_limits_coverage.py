"""Coverage's "only here" sentences, bounded story-wide: the same rows as every row against every other."""

from __future__ import annotations

import random

import pytest

from storylens.evidence.coverage import MAX_COMPARED, MAX_UNIQUE, UNIQUE_BELOW, _unique_sentences, compared_shares
from storylens.models import Article
from storylens.prepare import prepare_documents
from storylens.text import tfidf
from storylens.text.tfidf import TfidfSpace

np = pytest.importorskip("numpy")


def _every_pair(space: TfidfSpace, groups: list[int], threshold: float, per_group: int) -> dict[int, list[int]]:
    """The rows the old way: every row's best cosine with another group's rows, then the first below."""
    best = space.max_other(groups)
    out: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        if best[i] < threshold and len(out.setdefault(g, [])) < per_group:
            out[g].append(i)
    return {g: rows for g, rows in out.items() if rows}


@pytest.mark.parametrize("seed", range(4))
def test_first_below_other_finds_the_rows_every_pair_finds(seed, monkeypatch):
    rng = random.Random(seed)
    vocab = [f"w{k}" for k in range(300)]
    rows = [rng.sample(vocab, rng.randint(1, 6)) for _ in range(300)]
    groups = sorted(rng.randrange(12) for _ in rows)
    space = TfidfSpace(rows)
    want = _every_pair(space, groups, 0.3, 3)
    assert want  # the case has rows below the threshold, and rows above it
    assert sum(map(len, want.values())) < len(rows)
    # blocks and chunks far smaller than the rows: the early exits and the chunking are exercised
    monkeypatch.setattr(tfidf, "_BLOCK_CELLS", 64)
    monkeypatch.setattr(tfidf, "_CHUNK_ROWS", 16)
    assert space.first_below_other(groups, 0.3, 3) == want
    monkeypatch.undo()
    assert space.first_below_other(groups, 0.3, 3) == want


def test_first_below_other_needs_two_groups():
    space = TfidfSpace([["a"], ["b"]])
    assert space.first_below_other([0, 0], 0.3, 3) == {}  # no row of another group: none is "only here"
    assert space.first_below_other([0, 1], 0.3, 3) == {0: [0], 1: [1]}


def test_compared_shares_are_all_sentences_within_the_budget_and_equal_shares_past_it():
    assert compared_shares([5, 2, 9], budget=100) == [5, 2, 9]
    assert compared_shares([900, 2], budget=10_000) == [MAX_COMPARED, 2]
    shares = compared_shares([20] * 1500, budget=20_000)
    assert sum(shares) == 20_000 and set(shares) == {13, 14} and shares[:2] == [14, 14]
    assert compared_shares([5, 2, 9], budget=10) == [4, 2, 4]


def test_unique_sentences_are_what_only_one_source_says():
    shared = "Rescue teams reached the flooded villages near the river on Tuesday morning."
    alone = ["The mayor promised three hundred blankets for families sleeping in the school gym.",
             "Farmers counted drowned cattle along the eastern dikes while soldiers stacked sandbags.",
             "A hospital generator failed overnight and nurses carried patients up darkened stairs."]
    arts = [Article.from_text(f"{shared}\n\n{text}", id=f"a{i}") for i, text in enumerate(alone)]
    got = _unique_sentences(prepare_documents(arts))
    assert set(got) == {"a0", "a1", "a2"}
    for a in arts:
        (only,) = got[a.id]
        assert only["text"] == alone[int(a.id[1])] and a.text[only["start"]:only["end"]] == only["text"]
    assert MAX_UNIQUE == 3 and UNIQUE_BELOW == 0.3
