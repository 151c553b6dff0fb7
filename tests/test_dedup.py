"""Exact and near-duplicate detection."""

from __future__ import annotations

import pytest

from storylens.stories.dedup import Deduplicator, content_hash, find_duplicates
from storylens.errors import ConfigError
from storylens.models import Article

WIRE = (
    "Rescue teams in northern Italy searched on Tuesday for survivors after a landslide buried part of the "
    "mountain village of Casamicciola, officials said. At least eight people were killed and four remain "
    "missing, the regional governor told reporters. Heavy rain had loosened the hillside overnight, and "
    "residents described a roar before mud and boulders swept through the streets toward the harbour."
)
OTHER = (
    "The central bank raised its main interest rate by a quarter point on Thursday, its fifth increase this "
    "year, saying inflation remained well above its target and the labour market was still tight."
)


def test_exact_copy_points_at_the_first():
    d = Deduplicator()
    a, b = Article("a", WIRE), Article("b", WIRE.upper().replace(",", ""))
    res = d.add_batch([a, b])
    assert [r.duplicate_of for r in res] == [None, "a"]
    assert res[1].kind == "exact"
    assert content_hash(a.text) == content_hash(b.text)


def test_edited_syndicated_copy_is_a_near_duplicate_and_other_text_is_not():
    edited = "ROME (Reuters) - " + WIRE.replace("eight", "8") + " Editing by Alex Richardson."
    res = find_duplicates([Article("orig", WIRE), Article("copy", edited), Article("other", OTHER)])
    assert res == {"orig": None, "copy": "orig", "other": None}


def test_chain_of_copies_names_the_root_and_earliest_published_wins_in_a_batch():
    v1 = Article("late", WIRE, published="2022-11-27")
    v2 = Article("early", WIRE + " Updated with the toll.", published="2022-11-26")
    v3 = Article("third", WIRE + " Updated with the toll. More to follow.", published="2022-11-28")
    res = {r.article_id: r.duplicate_of for r in Deduplicator().add_batch([v1, v2, v3])}
    assert res == {"early": None, "late": "early", "third": "early"}


def test_state_carries_across_batches_and_ids_are_not_added_twice():
    d = Deduplicator()
    d.add_batch([Article("a", WIRE)])
    again = d.add(Article("a", WIRE))
    assert again.kind == "seen" and again.duplicate_of is None
    later = d.add(Article("z", WIRE))
    assert later.duplicate_of == "a" and len(d) == 2


def test_restore_rebuilds_the_index_from_stored_signatures():
    d = Deduplicator()
    d.add(Article("a", WIRE))
    rows = [("a", "a", content_hash(WIRE), d.indexed_signature("a").tobytes())]
    e = Deduplicator()
    e.restore(rows)
    assert e.add(Article("b", WIRE + " Extra line at the end.")).duplicate_of == "a"


def test_bad_options_say_what_is_allowed():
    with pytest.raises(ConfigError, match="threshold"):
        Deduplicator(threshold=1.5)


def test_words_are_read_once_and_an_exact_copy_needs_no_signature(monkeypatch):
    from storylens.stories import dedup

    # the ASCII shortcut gives the tokens the Unicode class gives
    text = "Kelvin\u212a K2-18b's ice_cap: 4,500 ft. Caf\u00e9 \u00c9COLE"
    assert dedup.normalized_words("Ice_cap K2-18b's 4,500") == dedup._WORD.findall("ice_cap k2-18b's 4,500")
    assert dedup.normalized_words(text) == dedup._WORD.findall(text.lower())
    d = Deduplicator()
    d.add(Article("a", WIRE))
    seen = []
    monkeypatch.setattr(Deduplicator, "words_signature", lambda self, toks: seen.append(toks) or 1 / 0)
    got = d.add(Article("b", "  " + WIRE.lower()))
    assert (got.kind, got.duplicate_of, seen) == ("exact", "a", [])  # decided by the hash alone
    assert d.indexed_signature("b") is None  # and an exact copy is not indexed
    monkeypatch.undo()
    assert d.words_signature(dedup.normalized_words(OTHER)).tolist() == d.signature(OTHER).tolist()


def test_the_mersenne_remainder_is_numpys():
    import numpy as np

    from storylens.stories.dedup import _MAX_HASH, _MERSENNE, _mod_mersenne

    m = (1 << 61) - 1
    edges = [0, 1, 6, 7, m - 1, m, m + 1, 1 << 61, (1 << 61) + 5, 2 * m - 1, 2 * m, 2 * m + 1, 1 << 62, 1 << 63,
             7 * m, 7 * m + 6, 8 * m - 1, (1 << 64) - 2, (1 << 64) - 1]
    rng = np.random.RandomState(3)
    x = np.concatenate([np.array(edges, dtype=np.uint64), rng.randint(0, 1 << 63, size=5000, dtype=np.uint64) * 2 + 1,
                        rng.randint(0, 1 << 62, size=5000, dtype=np.uint64)])
    want = x % _MERSENNE & _MAX_HASH
    assert want.dtype == np.uint64 and (_mod_mersenne(x.copy()) == want).all()
    assert [int(v) for v in _mod_mersenne(np.array(edges, dtype=np.uint64))] == [(e % m) & 0xFFFFFFFF for e in edges]


def test_the_signature_is_the_minimum_over_the_distinct_shingles():
    import zlib

    from storylens.stories.dedup import normalized_words

    d = Deduplicator()
    m, a, b = (1 << 61) - 1, [int(x) for x in d._a], [int(x) for x in d._b]

    def shingles(toks: list[str]) -> set[int]:  # the 5-word polynomial hashes, each once
        hs = [zlib.crc32(t.encode()) for t in toks]
        out = set()
        for i in range(len(hs) - 4):
            h = 0
            for x in hs[i:i + 5]:
                h = (h * 1000003 + x) % (1 << 64)
            out.add(h & 0xFFFFFFFF)
        return out or set(hs) or {0}

    # a repeated sentence (shingles seen several times), a short text (fewer words than a shingle), none
    for toks in (normalized_words("the flood rose in the valley. " * 4 + "Rescue crews arrived."),
                 ["flood", "valley"], []):
        want = [min(((ai * h + bi) % (1 << 64)) % m & 0xFFFFFFFF for h in shingles(toks)) for ai, bi in zip(a, b)]
        assert d.words_signature(toks).tolist() == want
