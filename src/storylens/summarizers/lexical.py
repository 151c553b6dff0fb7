"""Lexical evidence for the trained scorer: a hashed bag of each candidate's words, word pairs and place.

The fifteen features of :mod:`.features` say how central, supported and well placed a sentence is; they do
not say what it is about or how it is worded.  This module gives the scorer that: every candidate is read as
a bag of keys (its stemmed words, its pairs of adjacent stemmed words, the bucket of its position in its
article), each key hashed into one of ``2 ** BITS`` slots, and the ``lexical`` column is the dot product of
that bag with a table of weights learned, jointly with the other features' weights, by
``benchmarks/train_scorer.py --lexical`` on Multi-News train.  The words and pairs share a unit of weight
(each counts ``1 / keys``), so a sentence's column does not grow with its length; the position key counts 1.

The table ships as ``storylens/data/lexical.npy`` (float16) and is read on first use; without it the column
is 0, so a scorer whose weights name ``lexical`` falls back to the other features.
"""

from __future__ import annotations

import functools
import io
import zlib
from typing import Sequence

import numpy as np

#: the table has ``2 ** BITS`` slots
BITS = 18
_MASK = (1 << BITS) - 1
#: the position buckets: 0, 1, 2, 3, 4, 5-7, 8-11, 12 and later
_BUCKETS = (0, 1, 2, 3, 4, 5, 5, 5, 6, 6, 6, 6)


@functools.lru_cache(maxsize=1 << 18)
def _slot(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) & _MASK


def position_bucket(position: int) -> int:
    """The bucket of a sentence's place in its article (0-based): its own for the first five, then 5-7,
    8-11 and 12 or later."""
    return _BUCKETS[position] if 0 <= position < len(_BUCKETS) else 7


def _text_slots(stems: Sequence[str]) -> list[int]:
    """The slots of a sentence's words and pairs of adjacent words."""
    slot = _slot
    return [slot("w " + w) for w in stems] + [slot("b " + a + " " + b) for a, b in zip(stems, stems[1:])]


_PLACE = [f"p {b}" for b in range(8)]


def sentence_slots(stems: Sequence[str], position: int) -> tuple[list[int], list[float]]:
    """The hashed bag of one sentence: slots and values (the words and pairs share 1, the place counts 1)."""
    slots = _text_slots(stems)
    share = 1.0 / len(slots) if slots else 0.0
    return slots + [_slot(_PLACE[position_bucket(position)])], [share] * len(slots) + [1.0]


def pool_slots(pool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(rows, slots, values)``: the hashed bags of every candidate of ``pool``, flat (each candidate's
    :func:`sentence_slots`, in order)."""
    from .pool import _stem

    stems = getattr(pool, "_stems", None)
    if stems is None or len(stems) != len(pool.sentences):
        stems = [list(map(_stem, t)) for t in pool.tokens]
    slots: list[int] = []
    counts: list[int] = []
    for st, s in zip(stems, pool.sentences):
        sl = _text_slots(st)
        counts.append(len(sl))
        sl.append(_slot(_PLACE[position_bucket(s.position)]))
        slots.extend(sl)
    n_text = np.asarray(counts, dtype=np.int64)
    share = np.divide(1.0, n_text, out=np.zeros(len(n_text)), where=n_text > 0)
    rows = np.repeat(np.arange(len(n_text)), n_text + 1)
    vals = np.repeat(share, n_text + 1)
    vals[np.cumsum(n_text + 1) - 1] = 1.0  # each candidate's last slot is its place
    return rows, np.asarray(slots, dtype=np.int64), vals


@functools.lru_cache(maxsize=2)
def load_table(name: str = "lexical.npy") -> np.ndarray | None:
    """The shipped table of slot weights (float64, ``2 ** BITS`` of them), or None when it is not there."""
    from importlib import resources

    try:
        raw = resources.files("storylens").joinpath("data", name).read_bytes()
    except (FileNotFoundError, OSError):
        return None
    table = np.load(io.BytesIO(raw), allow_pickle=False).astype(np.float64)
    if table.shape != (1 << BITS,):
        raise ValueError(f"storylens/data/{name} holds {table.shape} weights, expected {1 << BITS}")
    table.setflags(write=False)
    return table


def lexical_column(pool, table: np.ndarray | None = None) -> np.ndarray:
    """Each candidate's hashed bag dotted with ``table`` (default: the shipped one; 0 without it)."""
    n = len(pool.sentences)
    table = load_table() if table is None else table
    if table is None or not n:
        return np.zeros(n)
    rows, slots, vals = pool_slots(pool)
    return np.bincount(rows, weights=table[slots] * vals, minlength=n)
