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

Countries and territories are named differently in each language ("Italien", "Italy", "Włochy"):
:func:`territories` finds them by the Unicode CLDR's names (through ``babel``, which trafilatura's URL
library ``courlan`` already installs: no data of our own, no download) in the text's language and in
English, each with its ISO 3166 code, so two languages' reports of one country meet.

Site notices (cookie consent, sign-up and subscription prompts, ad-blocker requests) open many scraped
articles in every language; :func:`strip_notices` drops the sentences that carry one (:data:`NOTICES`:
phrases a notice uses and a news sentence seldom does), so a lead says what the article says.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .segment import split_sentences
from .tfidf import content_terms

__all__ = ["HISTORY_AFTER", "HISTORY_WORDS", "LANGUAGES", "LanguageTools", "NOTICES", "content_terms_for",
           "mask_history_years", "notice_phrases", "sentences_for", "strip_notices", "territories", "tools_for"]

# ISO 639-1 code -> Snowball stemmer and stop-words list names (None: English tools, or none)
LANGUAGES: dict[str, tuple[str | None, str | None]] = {
    "en": (None, None), "de": ("german", "german"), "es": ("spanish", "spanish"), "fr": ("french", "french"),
    "it": ("italian", "italian"), "pl": ("polish", "polish"), "tr": ("turkish", "turkish"),
    "ar": ("arabic", "arabic"), "ru": ("russian", "russian"), "zh": (None, "chinese"),
}
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# phrases of site notices, by language ("*": any language; English ones are read in every language, as
# sites in any language show them); a phrase matches at the start of a word, case-insensitively
NOTICES: dict[str, tuple[str, ...]] = {
    "*": ("cookie", "newsletter", "javascript", "adblock", "ad blocker", "recaptcha"),
    "en": ("sign up", "sign me up", "subscribe to", "subscribers, click", "log in", "privacy policy",
           "privacy notice", "terms of service", "your browser", "register your", "not a robot", "your ip address"),
    "de": ("bitte registrieren", "registrieren sie sich", "jetzt registrieren", "kostenlos registrieren", "einloggen",
           "datenschutzerklärung", "datenschutzhinweis", "datenschutzrichtlinie", "datenschutzbestimmung",
           "pflichtfeld", "unserer website", "unserer webseite", "zugang zum archiv", "jetzt abonnieren"),
    "es": ("suscríbete", "suscribirse", "iniciar sesión", "política de privacidad", "nuestro sitio web",
           "- publicidad -", "regístrate"),
    "fr": ("abonnez-vous", "contenu abonné", "connectez-vous", "inscrivez-vous", "politique de confidentialité",
           "notre site"),
    "it": ("iscriviti", "abbonati", "informativa sulla privacy", "nostro sito", "accedi"),
    "pl": ("zaloguj", "zarejestruj", "polityce prywatności", "polityka prywatności", "swoją witrynę", "reklamy nie",
           "nie jestem robotem", "twój adres ip"),
    "tr": ("çerez", "gizlilik politika", "sitemizde", "sitemizi", "üye ol"),
    "ru": ("подпишитесь", "подписаться", "зарегистрируйтесь", "политика конфиденциальности", "нашем сайте"),
    "ar": ("اشترك", "سياسة الخصوصية", "ملفات تعريف الارتباط", "لا تظهر مرة أخرى", "سجل الإعجاب",
           "أنا معجب"),
    "zh": ("订阅", "隐私政策", "登录"),
}
# words after which a year is history or a horizon, not the report's date ("seit November 2015", "desde
# 2011", "jusqu'en 2030"), by language; English's are in storylens.stories.features (latest_year)
HISTORY_WORDS: dict[str, tuple[str, ...]] = {
    "de": ("seit", "bis"), "es": ("desde", "hasta"), "fr": ("depuis", "jusqu'en", "jusqu'à", "jusqu’en", "jusqu’à"),
    "it": ("dal", "dall'", "dall’", "fino al"), "pl": ("od", "do"), "ru": ("с", "со", "до"),
    "ar": ("منذ", "حتى"), "zh": ("自", "自从", "从", "直到"),
}
# ... and the endings after a year that make it history, for languages that put them after ("2015'ten beri",
# "2011 yılından bu yana", "2030'a kadar"; "2015年以来", "2011年起")
HISTORY_AFTER: dict[str, str] = {
    "tr": r"(?:['\u2019](?:[dt][ae]n|[ae]|y[ae])|\s+yılı(?:ndan|na))\s+(?:beri|bu\s+yana|kadar)(?!\w)",
    "zh": r"\s*年?\s*(?:以来|起|至今)",
}
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


@lru_cache(maxsize=None)
def _notice_re(lang: str | None) -> re.Pattern:
    phrases = set(NOTICES["*"] + NOTICES["en"] + NOTICES.get(lang or "", ()))
    return re.compile("(?<!\\w)(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p))) + ")",
                      re.IGNORECASE)


def strip_notices(sentences: list[str], lang: str | None) -> list[str]:
    """``sentences`` without their site notice (:data:`NOTICES`): a banner runs over several sentences,
    not all of which name a cookie or a sign-up, so everything from the first sentence that carries a
    notice phrase to the last one goes; the first sentence keeps what comes before its notice when that
    is three words or more (a title glued to a cookie banner)."""
    pattern = _notice_re(lang)
    hits = [(k, m) for k, sent in enumerate(sentences) if (m := pattern.search(sent)) is not None]
    if not hits:
        return list(sentences)
    (first, m), last = hits[0], hits[-1][0]
    head = sentences[first][:m.start()].strip()
    kept = [head] if first == 0 and len(head.split()) >= 3 else []
    return list(sentences[:first]) + kept + list(sentences[last + 1:])


@lru_cache(maxsize=None)
def notice_phrases() -> re.Pattern:
    """One pattern of every language's :data:`NOTICES` phrases (for the reader's cleaning, which reads a
    text before its language is known)."""
    phrases = {p for ps in NOTICES.values() for p in ps}
    return re.compile("(?<!\\w)(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p))) + ")",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _history_res(lang: str) -> tuple[re.Pattern, ...]:
    """The patterns of ``lang``'s history years, the year in group 1."""
    out = []
    words = HISTORY_WORDS.get(lang)
    if words:
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        # up to three words between ("seit November 2015", "منذ عام 2011"); Chinese puts no space nor word
        # boundary before its year ("自2015年")
        edge = "" if lang == "zh" else r"(?<!\w)"
        gap = r"\s*" if lang == "zh" else r"\s*(?:[^\W\d]+\.?\s+|\d{1,2}\.?\s+){0,3}"
        out.append(re.compile(rf"{edge}(?:{alt}){gap}((?:1[89]|20)\d\d)(?!\d)", re.IGNORECASE))
    after = HISTORY_AFTER.get(lang)
    if after:
        out.append(re.compile(rf"(?<!\d)((?:1[89]|20)\d\d)(?={after})", re.IGNORECASE))
    return tuple(out)


def mask_history_years(text: str, lang: str | None) -> str:
    """``text`` with the years that :data:`HISTORY_WORDS` and :data:`HISTORY_AFTER` mark as history replaced
    by ``####`` (same length)."""
    for pattern in _history_res(lang) if lang else ():
        text = pattern.sub(lambda m: m.group(0)[:m.start(1) - m.start()] + "####" + m.group(0)[m.end(1) - m.start():],
                           text)
    return text


_QUALIFIED = re.compile(r" \(|\)| - | SAR ")


@lru_cache(maxsize=None)
def _territory_table(lang: str) -> tuple[re.Pattern, dict[str, str]]:
    """The pattern of the CLDR country and territory names of ``lang`` and of English, and name -> code."""
    from babel import Locale

    names: dict[str, str] = {}
    for code_lang in dict.fromkeys((lang, "en")):
        for code, name in Locale.parse(code_lang).territories.items():
            if len(code) == 2 and code.isalpha() and code != "ZZ":  # not the regions ("150") nor "Unknown"
                # and the short names inside a qualified one: "Myanmar (Burma)", "Hong Kong SAR China"
                for alias in (name, *_QUALIFIED.split(name)):
                    if alias.strip():
                        names.setdefault(alias.strip(), code)
    alt = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    # Chinese writes no space around a name; elsewhere a whole word, a genitive s allowed ("Italiens")
    edge = ("", "") if lang == "zh" else (r"(?<!\w)", r"(?:s|['\u2019]s)?(?!\w)")
    return re.compile(f"{edge[0]}({alt}){edge[1]}"), names


def territories(text: str, lang: str | None) -> list[tuple[str, str]]:
    """``(name as written, ISO 3166 code)`` of each country or territory that ``text`` names, by the CLDR names
    of its language (one of :data:`LANGUAGES`; English for another or None) and of English:
    "Italien" and "Italy" are both ``IT``, "Saudi-Arabien" ``SA``, "Russlands" ``RU``."""
    pattern, names = _territory_table(lang if lang in LANGUAGES else "en")
    return [(m.group(1), names[m.group(1)]) for m in pattern.finditer(text)]
