"""Sentences, words, stopwords and stems for the languages storylens reads.

English (and a text of unknown language) goes through the tools of :mod:`storylens.text.segment` and
:mod:`storylens.text.tfidf` unchanged.  The others, German, Spanish, French, Italian, Polish, Turkish,
Arabic and Russian, use:

* words: runs of letters (and digits), lower-cased, an inner apostrophe or hyphen kept;
* stopwords: the lists of the ``stop-words`` package (244 KB of text files, 114-652 words a language);
* stems: the Snowball stemmers, through PyStemmer (the Snowball C library: rules only, no data to
  load, about 8 microseconds a word; the pure-Python ``snowballstemmer`` gives the same stems 50-100 times
  slower), memoised per :class:`LanguageTools`;

and Chinese, written without spaces, is read as overlapping pairs of Han characters (the usual
dictionary-free indexing unit), with the ``stop-words`` Chinese list dropped from single characters.
Sentences end at ``. ! ? ; …`` followed by a space or at the full-width ``。！？；`` and the Arabic ``؟``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .segment import split_sentences
from .tfidf import content_terms

__all__ = ["LANGUAGES", "LanguageTools", "content_terms_for", "sentences_for", "tools_for"]

# ISO 639-1 code -> Snowball stemmer and stop-words list names (None: English tools, or none)
LANGUAGES: dict[str, tuple[str | None, str | None]] = {
    "en": (None, None), "de": ("german", "german"), "es": ("spanish", "spanish"), "fr": ("french", "french"),
    "it": ("italian", "italian"), "pl": ("polish", "polish"), "tr": ("turkish", "turkish"),
    "ar": ("arabic", "arabic"), "ru": ("russian", "russian"), "zh": (None, "chinese"),
}
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_SENT_END = re.compile(r"(?<=[.!?;\u2026\u061f])[\"'\u201d\u00bb\u300d)]*\s+|(?<=[\u3002\uff01\uff1f\uff1b])")


class LanguageTools:
    """The text tools of one language other than English (see the module docstring)."""

    def __init__(self, lang: str):
        from stop_words import get_stop_words

        stemmer_name, stop_name = LANGUAGES[lang]
        self.lang = lang
        self.stopwords = frozenset(w.lower() for w in get_stop_words(stop_name)) if stop_name else frozenset()
        self._stemmer: Any = None
        if stemmer_name:
            import Stemmer

            self._stemmer = Stemmer.Stemmer(stemmer_name)
        self._stems: dict[str, str] = {}

    def words(self, text: str) -> list[str]:
        """Lower-cased words; Han characters as overlapping pairs (a lone one as itself)."""
        out: list[str] = []
        for m in _WORD.finditer(text.lower()):
            w = m.group(0)
            if not _HAN.search(w):
                out.append(w)
                continue
            for run in _HAN.split(w):
                if run:
                    out.append(run)
            for run in _HAN.findall(w):
                out.extend(run[i:i + 2] for i in range(max(1, len(run) - 1)))
        return out

    def stem(self, word: str) -> str:
        s = self._stems.get(word)
        if s is None:
            s = self._stemmer.stemWord(word) if self._stemmer is not None and word.isalpha() else word
            self._stems[word] = s
        return s

    def content_terms(self, text: str) -> list[str]:
        """Stemmed words of ``text``, stopwords and one-letter words dropped (a Han character counts)."""
        stop = self.stopwords
        return [self.stem(w) for w in self.words(text)
                if w not in stop and (len(w) > 1 or _HAN.match(w) is not None)]


@lru_cache(maxsize=None)
def tools_for(lang: str) -> LanguageTools | None:
    """The tools of ``lang`` (None for English, an unknown language or None)."""
    if not lang or lang == "en" or lang not in LANGUAGES:
        return None
    return LanguageTools(lang)


def content_terms_for(text: str, lang: str | None) -> list[str]:
    """:func:`storylens.text.tfidf.content_terms` in the article's language (English's own for en or None)."""
    tools = tools_for(lang) if lang else None
    return content_terms(text) if tools is None else tools.content_terms(text)


def sentences_for(text: str, lang: str | None) -> list[str]:
    """Sentences of ``text``: :func:`storylens.text.segment.split_sentences` for English or an unknown
    language, else split at the end marks of the module docstring."""
    if not lang or lang == "en" or lang not in LANGUAGES:
        return split_sentences(text)
    return [s.strip() for s in _SENT_END.split(text) if s and s.strip()]
