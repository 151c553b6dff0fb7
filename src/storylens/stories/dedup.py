"""Exact and near-duplicate (syndicated copy) detection.

A :class:`Deduplicator` keeps its state in the instance: a table of exact
content hashes and a MinHash LSH index over word 5-gram shingles (banded as
``datasketch.MinHashLSH`` bands it, with its own choice of bands and rows: two
signatures are candidates when all the rows of one band are equal).  The index
is one dict from a band's exact values to the articles in that bucket, and the
signatures are rows of ``uint32`` blocks: about 1.5 KB an article, where
datasketch's sets and byte strings took about 7 KB.  Articles are added in arrival order; each one is either new
(``None``) or a copy of an article seen before, and then ``duplicate_of``
names the *earliest* copy of its group (the group's root), so chains of
copies (A, A edited, A edited again) all point at A.

Within one :meth:`Deduplicator.add_batch` call the articles are ranked by
publication date first (undated ones last, then arrival order), so the earliest
published copy in a batch becomes the root.  Across batches the order of
arrival decides: an assignment made earlier is never rewritten.

Signatures are computed with numpy (the classic ``(a*h + b) mod (2**61 - 1)``
permutations, datasketch's ``legacy`` scheme) and stored as ``uint32`` so a
store can persist them and rebuild the index (:meth:`Deduplicator.restore`).
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from ..constraints import Constraint, Interval, check
from ..models import Article

_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_SHIFT = np.uint64(61)
_SHINGLE_BLOCK = 1 << 16  # shingles permuted at once (a 32 MB block of hashes at 64 permutations)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ASCII_WORD = re.compile(r"[a-z0-9]+")  # the same tokens in lower-cased ASCII text, a cheaper class


def normalized_words(text: str) -> list[str]:
    """Lower-cased word tokens; punctuation, case and spacing do not count."""
    low = text.lower()
    return (_ASCII_WORD if low.isascii() else _WORD).findall(low)


def content_hash(text: str) -> str:
    """Hash of the normalized words: equal for copies that differ only in spacing/case/punctuation."""
    return words_hash(normalized_words(text))


def words_hash(words: Sequence[str]) -> str:
    """:func:`content_hash` of a text whose :func:`normalized_words` are ``words``."""
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DupResult:
    """What :meth:`Deduplicator.add` found for one article."""

    article_id: str
    duplicate_of: str | None
    kind: str  # "new" | "exact" | "near"
    similarity: float = 1.0


# the Deduplicator's allowed values, in the table style of storylens.config
DEDUP_CONSTRAINTS: dict[str, Constraint] = {
    "threshold": Interval(float, 0.0, 1.0, closed="right"),
    "num_perm": Interval(int, 16, 1024),
    "shingle": Interval(int, 1, 20),
}


@functools.lru_cache(maxsize=32)
def _lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """The (bands, rows) MinHashLSH chooses for ``threshold`` and ``num_perm`` (its own optimisation, by
    numerical integration): several milliseconds each time, so worked out once per setting, the same answer.
    A story's digest makes a Deduplicator of its own: this was a sixth to a quarter of a stored digest's CPU."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def _mod_mersenne(x: np.ndarray) -> np.ndarray:
    """``x % (2**61 - 1) & (2**32 - 1)`` for ``uint64`` ``x``, in place (``x`` is overwritten and returned),
    without numpy's slow integer division: as 2**61 is 1 modulo the prime, ``x`` is ``(x >> 61) + (x &
    prime)`` modulo it, a sum ``s`` below twice the prime, less the prime once where it is not below it:
    the smaller of ``s`` and ``s - prime``, which wraps past ``s`` where ``s`` is below the prime."""
    high = x >> _SHIFT
    x &= _MERSENNE
    x += high
    np.subtract(x, _MERSENNE, out=high)
    np.minimum(x, high, out=x)
    x &= _MAX_HASH
    return x


@functools.lru_cache(maxsize=32)
def _permutations(seed: int, num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` of the ``num_perm`` permutations drawn from ``seed`` (read-only: shared by every
    Deduplicator of that setting, as a digest makes one of its own)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(1, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    b = gen.randint(0, int(_MERSENNE), size=num_perm, dtype=np.uint64)
    a.flags.writeable = b.flags.writeable = False
    return a, b


class Deduplicator:
    """Detect exact and near-duplicate articles as they arrive.

    ``threshold`` is the estimated Jaccard similarity of word ``shingle``-grams
    above which two articles are copies of one report.

    >>> d = Deduplicator()
    >>> a = Article("a", "The wire story about the flood in the river valley, told once. " * 3)
    >>> b = Article("b", "BREAKING: " + a.text)
    >>> [r.duplicate_of for r in d.add_batch([a, b])]
    [None, 'a']
    """

    def __init__(self, *, threshold: float = 0.5, num_perm: int = 64, shingle: int = 5, seed: int = 1):
        for name, value in (("threshold", threshold), ("num_perm", num_perm), ("shingle", shingle)):
            check(f"dedup {name}" if name == "threshold" else name, value, DEDUP_CONSTRAINTS[name])
        self.threshold = float(threshold)
        self.num_perm = int(num_perm)
        self.shingle = int(shingle)
        self.seed = int(seed)
        self._a, self._b = _permutations(self.seed, self.num_perm)
        # Index a little below the verification threshold, so borderline copies are
        # still found as candidates and then verified on the full signature.
        lsh_threshold = max(0.05, self.threshold * 0.8)
        self._bands, self._rows = _lsh_bands(lsh_threshold, self.num_perm)
        self._exact: dict[str, str] = {}
        self._root: dict[str, str] = {}
        self._buckets: dict[int, int | list[int]] = {}  # a band's values -> the indexed signatures in it
        self._ids: list[str] = []  # indexed signature number -> article id
        self._number: dict[str, int] = {}  # article id -> its indexed signature's number
        self._blocks: list[np.ndarray] = []  # the indexed signatures, _BLOCK rows a block

    def indexed_signature(self, article_id: str) -> np.ndarray | None:
        """The signature indexed for ``article_id`` (a copy), or None when it is not in the index."""
        k = self._number.get(article_id)
        return None if k is None else self._signature_of(k).copy()

    def _signature_of(self, k: int) -> np.ndarray:
        return self._blocks[k // _BLOCK][k % _BLOCK]

    def _band_keys(self, sig: np.ndarray) -> list[int]:
        """One exact key per band: the band's number and its rows' values."""
        data, r, shift = np.ascontiguousarray(sig, dtype=np.uint32).tobytes(), self._rows, 32 * self._rows
        return [int.from_bytes(data[4 * r * b: 4 * r * (b + 1)], "little") | (b << shift) for b in range(self._bands)]

    def _index(self, article_id: str, sig: np.ndarray) -> None:
        k = len(self._ids)
        if k % _BLOCK == 0:
            self._blocks.append(np.zeros((_BLOCK, self.num_perm), dtype=np.uint32))
        self._blocks[-1][k % _BLOCK] = sig
        self._ids.append(article_id)
        self._number[article_id] = k
        for key in self._band_keys(sig):
            there = self._buckets.get(key)
            if there is None:
                self._buckets[key] = k
            elif isinstance(there, int):
                self._buckets[key] = [there, k]
            else:
                there.append(k)

    def _query(self, sig: np.ndarray) -> set[int]:
        """The indexed signatures that share a band with ``sig``."""
        out: set[int] = set()
        for key in self._band_keys(sig):
            there = self._buckets.get(key)
            if there is None:
                continue
            if isinstance(there, int):
                out.add(there)
            else:
                out.update(there)
        return out

    # -- signatures -----------------------------------------------------------------
    def signature(self, text: str) -> np.ndarray:
        """MinHash signature (``uint32[num_perm]``) of ``text``'s word shingles."""
        return self.words_signature(normalized_words(text))

    def words_signature(self, toks: Sequence[str]) -> np.ndarray:
        """:meth:`signature` of a text whose :func:`normalized_words` are ``toks``."""
        hashes = np.fromiter(map(zlib.crc32, map(str.encode, toks)), dtype=np.uint64, count=len(toks))  # UTF-8
        k = self.shingle
        # the shingles' hashes, repeats kept: a minimum over them is the minimum over the distinct ones
        if len(hashes) >= k:
            n = len(hashes) - k + 1
            sh = hashes[:n].copy()
            for i in range(1, k):  # polynomial combination, wraps mod 2**64
                sh *= np.uint64(1000003)
                sh += hashes[i:n + i]
            sh &= _MAX_HASH
        else:
            sh = hashes if len(hashes) else np.zeros(1, dtype=np.uint64)
        # the permuted hashes a block of shingles at a time: all at once, a long article's are gigabytes
        best = np.full(self.num_perm, _MAX_HASH, dtype=np.uint64)  # every permuted hash is at most this
        with np.errstate(over="ignore"):
            for start in range(0, len(sh), _SHINGLE_BLOCK):
                hv = np.multiply.outer(sh[start:start + _SHINGLE_BLOCK], self._a)
                hv += self._b  # wraps mod 2**64, as datasketch's
                np.minimum(best, _mod_mersenne(hv).min(axis=0), out=best)
        return best.astype(np.uint32)

    # -- queries --------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._root)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._root

    def root(self, article_id: str) -> str | None:
        """The earliest copy of ``article_id``'s group (itself when it is an original)."""
        return self._root.get(article_id)

    def find(self, text: str, sig: np.ndarray | None = None, chash: str | None = None) -> DupResult:
        """Look ``text`` up without adding it."""
        chash = chash or content_hash(text)
        hit = self._exact.get(chash)
        if hit is not None:
            return DupResult("", self._root[hit], "exact", 1.0)
        return self._near(self.signature(text) if sig is None else sig)

    def _near(self, sig: np.ndarray) -> DupResult:
        """The best indexed copy of a text (not an exact one) whose signature is ``sig``."""
        best, best_sim = None, 0.0
        for key, k in sorted((self._ids[k], k) for k in self._query(sig)):
            sim = float(np.mean(self._signature_of(k) == sig))
            if sim >= self.threshold and (sim > best_sim or (sim == best_sim and best is not None and
                                                             self._root[key] < self._root[best])):
                best, best_sim = key, sim
        if best is None:
            return DupResult("", None, "new", 0.0)
        return DupResult("", self._root[best], "near", best_sim)

    # -- updates --------------------------------------------------------------------
    def add(self, article: Article, sig: np.ndarray | None = None, chash: str | None = None) -> DupResult:
        """Add one article; return whether (and of what) it is a copy.

        ``sig`` and ``chash`` may be given when computed elsewhere (e.g. on Spark
        executors).  An id seen before is not added again: its earlier result is returned.
        """
        if article.id in self._root:
            root = self._root[article.id]
            return DupResult(article.id, None if root == article.id else root, "seen", 1.0)
        toks = None if chash and sig is not None else normalized_words(article.text)  # read once, for both
        chash = chash or words_hash(toks or ())
        hit = self._exact.get(chash)
        if hit is not None:  # an exact copy: decided without its signature (copies are not indexed)
            found = DupResult("", self._root[hit], "exact", 1.0)
        else:
            sig = self.words_signature(toks or ()) if sig is None else sig
            found = self._near(sig)
        root = found.duplicate_of or article.id
        self._root[article.id] = root
        self._exact.setdefault(chash, article.id)
        # Index originals, and copies that differ enough from what matched them to widen the group's
        # reach (an edit of an edit); close copies add nothing but bigger LSH buckets.
        if sig is not None and (found.kind == "new" or (found.kind == "near" and found.similarity < 0.8)):
            self._index(article.id, sig)
        return DupResult(article.id, found.duplicate_of, found.kind, found.similarity)

    def add_batch(self, articles: Sequence[Article]) -> list[DupResult]:
        """Add many articles; results come back in the order given.

        Within the batch the earliest published copy becomes the root.
        """
        order = sorted(range(len(articles)), key=lambda i: (articles[i].published is None,
                                                            articles[i].published or "", i))
        out: list[DupResult | None] = [None] * len(articles)
        for i in order:
            out[i] = self.add(articles[i])
        return out  # type: ignore[return-value]

    def restore(self, rows: Iterable[tuple[str, str, str, bytes | None]]) -> None:
        """Rebuild the state from stored ``(article_id, root_id, content_hash, signature bytes)``.

        Rows must come in their original order of arrival.
        """
        for aid, root, chash, blob in rows:
            self._root[aid] = root
            self._exact.setdefault(chash, aid)
            if blob is not None:
                sig = np.frombuffer(blob, dtype=np.uint32)
                if len(sig) == self.num_perm and aid not in self._number:
                    self._index(aid, sig)


_BLOCK = 4096  # signatures a block


def find_duplicates(articles: Sequence[Article], **options) -> dict[str, str | None]:
    """``{article id: id of the earliest copy or None}`` for one list of articles."""
    dedup = Deduplicator(**options)
    return {r.article_id: r.duplicate_of for r in dedup.add_batch(list(articles))}
