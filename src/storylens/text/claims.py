"""Whether a sentence of one source carries the claim of a sentence of another, in other words too.

Two sentences carry one claim when the second holds most of the first's content (its words weighted by how
rare they are in the story, names included) and the figures they share agree.  A figure that counts the
same thing with another value ("$1.9 trillion" for "$2.9 trillion", "at least 7 civilians" for "45
people") makes the pair a conflict, never a citation.  A source is cited only where it states every number
the sentence writes in digits (:func:`stated_numbers`, :class:`ArticleNumbers`), and a sentence that names
another weekday tells of another day's event (:func:`other_days`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from .lexicon import (COUNT_NOUNS, FOREIGN_PERCENT, FOREIGN_SCALES, MONTH_NAMES, MONTH_PATTERN, MONTHS,
                      WEEKDAY_PATTERN, YEAR_FIRST, YEAR_LAST)
from .numbers import FOREIGN_NUMBER_LANGS, SCALES, Quantity, find_quantities
from .segment import words
from .tfidf import STOPWORDS, stem

if TYPE_CHECKING:
    from ..models import Article, Sentence

_SKIP_AFTER = {"of", "the", "more", "than", "million", "billion", "trillion", "thousand", "hundred", "us", "u.s"}
_PERCENT_WORDS = {"%", "percent"}
# the same in the other languages whose numbers are read ("1,5 Millionen Menschen", "12,5 Prozent")
_FOREIGN_SKIP = _SKIP_AFTER | {"de", "di", "der", "des", "von"} | {w for sc in FOREIGN_SCALES.values() for w in sc}
_FOREIGN_PERCENT_WORDS = _PERCENT_WORDS | {w for ws in FOREIGN_PERCENT.values() for w in ws if " " not in w}
_PER_CENT = re.compile(r"^\s*(?:pour|por|per)\s+(?:cent|ciento|cento)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|%")
# a day of the month counts days of its month, not the word after it: "on September 9, with Moscow" and "on
# Sept. 9th" give september 9, "an October 19 visit" october 19 (not "visit"), "the 9th of September" too
_MONTH_BEFORE = re.compile(rf"\b({MONTH_PATTERN})\.?\s+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN})\b")


def _month_of_day(text: str, start: int, end: int, surface: str, value: float) -> str | None:
    """The month a figure is the day of ("September" for the 9 of "on September 9"), or None."""
    if not (re.fullmatch(r"\s*\d{1,2}(?:st|nd|rd|th)?\s*", surface) and 1 <= value <= 31):
        return None
    m = _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end)
    return MONTH_NAMES[MONTHS[m.group(1).lower()] - 1].lower() if m else None


# capitalised words between a number and the noun it counts name what kind ("23 Somali and Yemeni pirates",
# "25 AFP journalists"): the noun is the counted thing, as "23 pirates" says it; a capitalised plural is the
# noun itself ("two Israelis arrested")
_NAMES_BEFORE_NOUN = re.compile(r"\s+(?:[A-Z][\w'\u2019.-]*(?<![sS])\s+(?:(?:and|or)\s+)?)+(?=[a-z])")


def figures(text: str, lang: str | None = None,
            quantities: Iterable[tuple[int, int, Quantity]] | None = None) -> dict[str, set[float]]:
    """What each figure of ``text`` counts -> its values: ``{"people": {45.0}, "$": {2.9e12}}``; years
    are no figures.  ``lang`` says how the numbers are written ("2.500" is 2,500 in German); a percentage
    is "%" in every language.  ``quantities``: ``find_quantities(text, lang)`` when already found (the
    prepared document keeps them)."""
    out: dict[str, set[float]] = {}
    foreign = lang in FOREIGN_NUMBER_LANGS
    skip, percent = (_FOREIGN_SKIP, _FOREIGN_PERCENT_WORDS) if foreign else (_SKIP_AFTER, _PERCENT_WORDS)
    for start, end, q in find_quantities(text, lang) if quantities is None else quantities:
        surface = text[start:end]
        if not q.qualifier and re.fullmatch(r"\d{4}", surface.strip()) and YEAR_FIRST <= q.value <= YEAR_LAST:
            continue
        head = _month_of_day(text, start, end, surface, q.value) or (
            "$" if q.currency else "%" if foreign and _PER_CENT.match(text[end:]) else "")
        if not head:
            rest = text[end:end + 60]
            names = None if foreign else _NAMES_BEFORE_NOUN.match(rest)
            noun = _WORD.match(rest, names.end()) if names else None
            if noun is None or noun.group().lower() in STOPWORDS:
                names = None  # "two Israelis who ...": the name is what is counted
            for w in _WORD.findall(rest[names.end():] if names else rest[:40])[:3]:
                low = w.lower()
                if low in skip:
                    continue
                head = "%" if low in percent else COUNT_NOUNS.get(low, stem(low))
                break
        if head:
            out.setdefault(head, set()).add(q.value)
    return out


#: the heads of days of the month (:func:`figures`): "September 9" is no count
DAY_HEADS = frozenset(m.lower() for m in MONTH_NAMES)


def figures_agree(a: dict[str, set[float]], b: dict[str, set[float]]) -> tuple[bool, bool]:
    """``(agree, conflict)``: whether ``b`` gives one of ``a``'s figures, and whether it counts one of the
    same things with other values only.  A day of the month agrees only where ``a`` gives no count (both
    "lifted off on March 1" does not carry "traveled 20,500 miles since lifting off on March 1") and never
    conflicts (the bombing of Jan. 29 is no other figure for "not seen since Jan. 30")."""
    agree = conflict = False
    counts = any(h not in DAY_HEADS for h in a)
    for head in a.keys() & b.keys():
        if head in DAY_HEADS:
            agree = agree or (not counts and bool(a[head] & b[head]))
        elif a[head] & b[head]:
            agree = True
        else:
            conflict = True
    return agree, conflict


# a number written in digits, as a reader checks a figure against a source: a token that opens with a digit
# ("20,500", "1.5", "10th", "$1.2m", "10am", "48km"); one glued to other letters is a name's ("76ers", "G8",
# "3D"); a written-out scale after it counts ("2 million")
_DIGIT_TOKEN = re.compile(r"(?<![\w.,])(\d[\d,.]*)([A-Za-z]*)(?=[^\w]|$)(?:\s+(hundred|thousand|million|billion|"
                          r"trillion)\b)?")
_SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
# what follows a number glued to it and keeps it a number: an ordinal, a plural ("AK-47s", "1990s"), a unit
_GLUED = frozenset({"st", "nd", "rd", "th", "s", "am", "pm", "km", "kg", "kph", "mph", "ft", "cm", "mm", "lb",
                    "lbs", "g", "mw", "kw", "gb", "mb", "min", "hr", "hrs", "yr", "yrs"})


# a number a tokeniser split ("$27. 5 million", "$215, 000": ECB+ web text) is one number
_SPLIT_DECIMAL = re.compile(r"(?<=\d)\. (?=\d)")
_SPLIT_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3}), (?=000(?!\d))")


def _digit_numbers(text: str, lang: str | None = None, names: bool = False) -> Iterator[float]:
    """The numbers ``text`` writes in digits, years and days of the month left out (they are dates);
    ``names``: with those glued to other letters too ("76ers")."""
    comma_decimal = lang in FOREIGN_NUMBER_LANGS
    if not comma_decimal:
        text = _SPLIT_THOUSANDS.sub(r"\1,", _SPLIT_DECIMAL.sub(".", text))
    for m in _DIGIT_TOKEN.finditer(text):
        token, suffix, scale = m.group(1).rstrip(".,"), m.group(2).lower(), m.group(3)
        if suffix and not names and suffix not in _GLUED and suffix not in _SUFFIX_SCALES:
            continue
        raw = token.replace(".", "").replace(",", ".") if comma_decimal else token.replace(",", "")
        try:
            value = float(raw)
        except ValueError:  # "1.2.3"
            continue
        if not scale and suffix in ("", "s") and token.isdigit() and len(token) == 4 and (
                YEAR_FIRST <= value <= YEAR_LAST):
            continue
        if not scale and suffix not in _SUFFIX_SCALES and _MONTH_BEFORE.search(text, max(0, m.start() - 12),
                                                                               m.start()):
            continue
        if not scale and not suffix and comma_decimal:  # "1,5 Millionen"
            after = text[m.end():m.end() + 16].split()
            yield value * FOREIGN_SCALES.get(lang or "", {}).get(after[0].lower() if after else "", 1.0)
            continue
        yield value * (SCALES[scale] if scale else _SUFFIX_SCALES.get(suffix, 1.0))


def stated_numbers(text: str, lang: str | None = None) -> frozenset[float]:
    """The numbers a sentence states in digits (counts, amounts, ages, scores, times of day; not years or
    days of the month): what a source it cites must state too, every one of them ("8-year, $160 million"
    is not carried by "an eight-year offer" alone)."""
    return frozenset(_digit_numbers(text, lang))


def article_numbers(text: str, lang: str | None = None) -> frozenset[float]:
    """Every number an article states, in digits (glued to a word too) or in words ("eight-year" states 8;
    "150, 000" as its tokenised copy writes 150,000), days of the month left out."""
    words = {q.value for start, _, q in find_quantities(text, lang)
             if not _MONTH_BEFORE.search(text, max(0, start - 12), start)}  # "Sept. 19" states no 19
    return frozenset(_digit_numbers(text, lang, names=True)) | words


def states_all(numbers: frozenset[float], stated: frozenset[float]) -> bool:
    """Whether every one of ``numbers`` is among ``stated`` (to a thousandth: "1.5 million" and 1,500,000)."""
    return all(n in stated or any(abs(n - v) <= 1e-3 * max(1.0, abs(n)) for v in stated) for n in numbers)


class ArticleNumbers:
    """The numbers each of a story's articles states (:func:`article_numbers`), read once per article and
    only for the articles asked about."""

    def __init__(self, articles: Sequence["Article"]) -> None:
        self._articles = articles
        self._got: dict[int, frozenset[float]] = {}

    def __getitem__(self, doc: int) -> frozenset[float]:
        got = self._got.get(doc)
        if got is None:
            a = self._articles[doc]
            got = self._got[doc] = article_numbers(a.text, a.lang)
        return got


_WEEKDAY = re.compile(rf"\b(?:{WEEKDAY_PATTERN})\b")


def days_told(sents: Sequence["Sentence"], k: int) -> frozenset[str]:
    """The weekdays sentence ``k`` of an article names, or else the sentence before it ("Missiles rained down
    on Aleppo on Friday. Forty-five civilians were killed in the raids": Friday's)."""
    got = frozenset(_WEEKDAY.findall(sents[k].text))
    return got if got or k == 0 else frozenset(_WEEKDAY.findall(sents[k - 1].text))


def weekdays(text: str) -> frozenset[str]:
    """The weekdays ``text`` names."""
    return frozenset(_WEEKDAY.findall(text))


def other_days(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sentences tell of different days: each names one and they share none (45 killed on
    Saturday is not the 45 killed on Friday; read for sentences with figures, where a day is the event's
    more often than the day something was said)."""
    return bool(a and b and not a & b)


#: the last word of a sentence cut short: a determiner, a preposition or a conjunction ("... had a.")
DANGLING = frozenset("a an the of to for with and or but by from in on at".split())
_NEGATIONS = frozenset({"not", "never", "no", "cannot", "nobody", "nothing", "none", "neither", "nor"})


def denies(text: str) -> bool:
    """Whether a sentence says that something is not so ("Police couldn't say how many shots were fired",
    "Ketsoyan would not say what ...", "No one was hurt")."""
    return any(w in _NEGATIONS or w.endswith(("n't", "n\u2019t")) for w in words(text))
