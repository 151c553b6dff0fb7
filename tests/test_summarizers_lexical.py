"""The hashed bag of words of the trained scorer (summarizers/lexical.py) and its shipped table."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest

from storylens.summarizers import lexical
from storylens.summarizers.lexical import BITS, lexical_column, load_table, pool_slots, position_bucket, \
    sentence_slots
from storylens.summarizers.methods import LinearScored, load_weights
from storylens.summarizers.pool import SentencePool, _stem

DOCS = [
    "Floods hit the river town of Dunmore on Monday after three days of heavy rain.\n"
    "Rescue teams evacuated 300 residents from the lower streets of the town overnight.",
    "Forecasters expect more rain in the region later this week, officials said on Tuesday.\n"
    "Insurers estimate the damage to homes and shops at several million pounds.",
]


def test_position_buckets():
    assert [position_bucket(p) for p in range(14)] == [0, 1, 2, 3, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7]


def test_sentence_bag_words_and_pairs_share_one_unit_and_the_place_counts_one():
    slots, vals = sentence_slots(["flood", "hit", "the", "town"], 2)
    assert len(slots) == 4 + 3 + 1 and all(0 <= s < 1 << BITS for s in slots)
    assert sum(vals[:-1]) == pytest.approx(1.0) and vals[-1] == 1.0
    # the same key always lands in the same slot (crc32, not Python's salted hash)
    again, _ = sentence_slots(["flood", "hit", "the", "town"], 2)
    assert slots == again
    assert sentence_slots(["flood"], 0)[0][-1] != sentence_slots(["flood"], 12)[0][-1]


def test_column_is_the_bag_dotted_with_the_table():
    pool = SentencePool.build(DOCS)
    table = np.zeros(1 << BITS)
    flood = sentence_slots([_stem("floods")], 0)[0][0]
    table[flood] = 2.0
    col = lexical_column(pool, table)
    rows, slots, vals = pool_slots(pool)
    assert col.shape == (len(pool.sentences),)
    # only the first candidate holds "floods" (stem "flood"); its bag gives it 2 x its share
    first = [v for r, s, v in zip(rows, slots, vals) if r == 0 and s == flood]
    assert col[0] == pytest.approx(2.0 * sum(first)) and col[0] > 0
    assert np.all(col[1:] == 0.0)


def test_pool_bags_are_each_candidates_sentence_bag():
    pool = SentencePool.build(DOCS)
    rows, slots, vals = pool_slots(pool)
    for i, (st, s) in enumerate(zip(pool._stems, pool.sentences)):
        want = sentence_slots(st, s.position)
        assert (slots[rows == i].tolist(), vals[rows == i].tolist()) == want


def test_scorer_uses_the_column_it_names():
    pool = SentencePool.build(DOCS)
    table = np.zeros(1 << BITS)
    table[sentence_slots([_stem("insurers")], 0)[0][0]] = 1.0
    s = LinearScored(weights={"bias": 0.0, "lexical": 1.0}, table=table).scores(pool)
    assert [x.text[:8] for x, v in zip(pool.sentences, s) if v == s.max()] == ["Insurers"]


def test_shipped_table_is_small_and_named_by_the_weights():
    raw = resources.files("storylens").joinpath("data", "lexical.npy").read_bytes()
    assert len(raw) < 1_000_000
    load_table.cache_clear()
    table = load_table()
    assert table is not None and table.shape == (1 << BITS,) and np.isfinite(table).all()
    assert np.abs(table).max() == pytest.approx(1.0)  # stored over its largest weight, which the json holds
    load_weights.cache_clear()
    assert "lexical" in (load_weights() or {})


def test_without_the_table_the_column_is_zero(monkeypatch):
    monkeypatch.setattr(lexical, "load_table", lambda name="lexical.npy": None)
    pool = SentencePool.build(DOCS)
    assert np.all(lexical_column(pool) == 0.0)


def test_a_table_of_the_wrong_size_is_refused(monkeypatch, tmp_path):
    import io

    buf = io.BytesIO()
    np.save(buf, np.zeros(7, dtype=np.float16))

    class Fake:
        def joinpath(self, *parts):
            return self

        def read_bytes(self):
            return buf.getvalue()

    monkeypatch.setattr(resources, "files", lambda pkg: Fake())
    load_table.cache_clear()
    try:
        with pytest.raises(ValueError, match="expected 262144"):
            load_table("other.npy")
    finally:
        load_table.cache_clear()
