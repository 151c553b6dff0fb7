"""Numbers written the way news copy writes them, normalised to a value.

``parse_quantity("more than 250,000")`` gives ``Quantity(250000, "more than")``;
words ("Forty-five", "two dozen", "some 20"), scales ("1.5 million") and vague
counts ("hundreds of", "dozens", "hundreds of thousands") are understood.  A
vague count keeps its wording as the qualifier and its smallest value as the
value, so "hundreds of" is 100 with qualifier ``hundreds of``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .lexicon import FOREIGN_NUMBER_WORDS, FOREIGN_QUALIFIERS, FOREIGN_SCALES, MONTH_PATTERN

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
# Vague plurals: "hundreds of" -> 100, "dozens" -> 12 (the least the words allow).
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "tens of thousands": 10_000,
         "hundreds of thousands": 100_000, "millions": 1_000_000, "tens of millions": 10_000_000,
         "hundreds of millions": 100_000_000, "billions": 1_000_000_000}

# Qualifiers in front of a number, longest first; the value is the canonical form.
QUALIFIERS = [
    ("more than", "more than"), ("over", "more than"), ("upwards of", "more than"), ("in excess of", "more than"),
    ("at least", "at least"), ("no fewer than", "at least"), ("no less than", "at least"), ("a minimum of", "at least"),
    ("fewer than", "less than"), ("less than", "less than"), ("under", "less than"),
    ("at most", "at most"), ("up to", "up to"), ("as many as", "up to"),
    ("nearly", "nearly"), ("almost", "nearly"), ("close to", "nearly"), ("just under", "nearly"),
    ("about", "about"), ("around", "about"), ("roughly", "about"), ("approximately", "about"),
    ("some", "about"), ("an estimated", "an estimated"), ("estimated", "an estimated"),
    ("an additional", "an additional"), ("another", "an additional"), ("exactly", "exactly"),
]
_QUAL_ALT = "|".join(re.escape(q) for q, _ in sorted(QUALIFIERS, key=lambda x: -len(x[0])))
_QUAL_MAP = dict(QUALIFIERS)

_WORD_NUM = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
# a mixed fraction as wire copy flattens it, before a unit: "181/2 inches" is 18 1/2, "41/2-ounce" 4 1/2
_MIXED = (r"(?P<whole>\d{1,3}?)(?P<fn>1|3)/(?P<fd>2|4)(?=(?:\s+(?:to|or)\s+[\w/]+)?[\s-](?:inch|inches|ounce|ounces|"
          r"pound|pounds|mile|miles|feet|foot|percent|cups?|gallons?|acres?|tons?|points?|hours?|years?|times|yards?|"
          r"meters?|kilometers?)\b)")
# a whole and a fraction written apart: "a 5 1/2-mile route", "11 1/2 inches"
_SPACED = r"(?P<swhole>\d{1,3})\s+(?P<sfn>1|3)/(?P<sfd>2|4)(?![\d/])"
#: a fraction of a whole ("one fifth of all Americans", "a two-thirds majority"): a rate, value per base
FRACTIONS = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4, "fifth": 5,
             "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
_FRACTION = (rf"(?P<fnum>one|a|two|three|four|five|seven|nine)[\s-](?P<fden>{'|'.join(FRACTIONS)})"
             r"(?=\s+of\b|\s+majority\b)")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<=\s)\.\d+"
#: digits as a tokeniser leaves them (ECB+ web text): "6, 000", "1 , 200", "14. 1", "$103. 1 million"
_TOKENISED_DIGITS = r"\d{1,3}(?:\s?,\s?\d{3}(?!\d))+(?:\.\s?\d+)?|\d+(?:\.\s?\d+)?|(?<=\s)\.\d+"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# "twenty-five", "sixty six": a unit joins a ten only ("five five-story buildings" is five)
_WORDS = rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{_ONES}))?|(?:{_WORD_NUM}))"
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
# half of a scale: "half a million" (500,000), "a half billion", "two and a half million" (2,500,000)
_HALF_SCALE = (rf"(?:(?P<hwhole>{_DIGITS}|{_WORDS})\s+and\s+)?(?:a\s+half|half\s+an?)\s+"
               r"(?P<hscale>hundred|thousand|million|billion|trillion)\b")

# One quantity: [qualifier] (number [scale]* | a/one scale | N dozen | vague [of])
_QUANTITY = (
    rf"""(?:(?<![\w.,-])|(?<=\(-))  # a change signed in brackets counts its size: "Carinthia (-4.3%"
    (?:(?P<qual>{_QUAL_ALT})\s+)?
    (?P<minus>(?<!or\s)minus[\s-])?  # not "plus or minus 3.5 percent", a margin
    (?P<cur>(?:\$US|\$|£|€)\s?)?  # a dollar, pound or euro sign: money (the sign says which)
    (?:
        (?P<vague>(?:many\s+|several\s+)?(?:tens\s+of\s+(?:thousands|millions)|hundreds\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|thousands|millions|billions))(?=\s+of\b|\s+(?:were|have|had|are|more|and|[a-z]+ed)\b|\s*[,.;])
      | {_MIXED}
      | {_SPACED}
      | {_FRACTION}
      | {_HALF_SCALE}
      | (?P<num>(?:DIGITS)(?:(?![^\W\d_])|(?=(?-i:km|kms|mm|cm|kg|mph|ft|lbs?|m|MM|M|mn|bn|C|F)\b))
               |(?:{_WORDS})(?![^\W\d_]))
        (?P<abbr>(?<=\d)(?-i:MM|M|mn|bn|(?(cur)m|(?!)))\b|(?<=\d)\s(?-i:mn|bn)\b)?  # "$6.3M", "$5m", "Euro 0.94 bn"
        (?P<scale>(?:(?:\s+|(?<=\d)-){_SCALE})*)
        (?P<andrest>(?<=hundred)\s+and\s+(?:{_WORDS})(?![^\W\d_]))?
        (?P<dozen>\s+dozen)?
      | (?P<half>(?:a\s+)?half[-\s]dozen|half\s+a\s+dozen)
      | (?P<a>an?)\s+(?P<ascale>dozen|hundred|thousand|million|billion)
    )
    (?![\w-]*\d)(?!,\d)(?!\.\d)""")
QUANTITY_RE = re.compile(_QUANTITY.replace("DIGITS", _DIGITS), re.VERBOSE | re.IGNORECASE)
#: the same, reading digits a tokeniser split apart as one number (:func:`find_quantities`)
_TOKENISED_RE = re.compile(_QUANTITY.replace("DIGITS", _TOKENISED_DIGITS), re.VERBOSE | re.IGNORECASE)
#: a split number that is two: "March 3, 200 people" (a day, then a count), "in 1998. 1999" (two years)
_SPLIT = re.compile(r"\d\s?[,.]\s\d|\d\s,")
_NOT_ONE_NUMBER = re.compile(rf"(?:\b(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}\s?,|(?:1[6-9]|20)\d\d\.)\s?\d")


@dataclass(frozen=True)
class Quantity:
    value: float
    qualifier: str = ""
    currency: bool = False  # written with a currency sign: "$", "£" or "€"
    per: float | None = None  # the base of a fraction: "one fifth" is 1 per 5


def words_to_number(text: str) -> float | None:
    """``"forty-five"`` -> 45, ``"two hundred thousand"`` -> 200000; None if not a number."""
    total = 0.0
    current = 0.0
    seen = False
    for tok in re.split(r"[\s-]+", text.lower().strip()):
        if not tok or tok == "and":
            continue
        if tok in UNITS:
            current += UNITS[tok]
        elif tok in TENS:
            current += TENS[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in SCALES:
            total += (current or 1) * SCALES[tok]
            current = 0
        elif tok == "dozen":
            current = (current or 1) * 12
        else:
            try:
                current += float(tok.replace(",", ""))
            except ValueError:
                return None
        seen = True
    return total + current if seen else None


def _value(m: re.Match) -> tuple[float, str] | None:
    qual = _QUAL_MAP.get((m.group("qual") or "").lower(), "")
    if m.group("fnum"):
        num = m.group("fnum").lower()
        return float(1 if num == "a" else UNITS[num]), qual
    if m.group("vague"):
        vague = re.sub(r"\s+", " ", m.group("vague").lower())
        core = vague.replace("many ", "").replace("several ", "")
        return float(VAGUE[core]), (qual + " " if qual else "") + vague + " of"
    if m.group("hscale"):
        whole = m.group("hwhole") or ""
        base = float(whole.replace(",", "")) if whole[:1].isdigit() else words_to_number(whole) or 0.0
        return (base + 0.5) * SCALES[m.group("hscale").lower()], qual
    if m.group("half"):
        return 6.0, qual
    if m.group("a"):
        word = m.group("ascale").lower()
        return float(12 if word == "dozen" else SCALES[word]), qual
    if m.group("swhole"):
        return int(m.group("swhole")) + int(m.group("sfn")) / int(m.group("sfd")), qual
    if m.group("whole"):
        if m.group("fn") == "3" and m.group("fd") == "2":
            return None
        return int(m.group("whole")) + int(m.group("fn")) / int(m.group("fd")), qual
    num = m.group("num")
    if num[0].isdigit():
        value = float(re.sub(r"[,\s]", "", num))
    else:
        v = words_to_number(num)
        if v is None:
            return None
        value = v
    if m.group("abbr"):  # "$6.3M", "$27. 5MM", "$1.2bn", "2.7M Americans"
        value *= 1e9 if m.group("abbr").strip().lower() == "bn" else 1e6
    for word in re.split(r"[\s-]+", (m.group("scale") or "").strip("- \t\n")):
        if not word:
            continue
        value *= SCALES[word.lower()]
    if m.group("andrest"):  # "eight hundred and eighty one"
        value += words_to_number(m.group("andrest")) or 0.0
    if m.group("dozen"):
        value *= 12
    return value, qual


def _signed(m: re.Match) -> tuple[float, str] | None:
    """The value of a match, below zero after "minus" ("minus 20 degrees", "minus-20 degree temperatures")."""
    got = _value(m)
    return (-got[0], got[1]) if got and m.group("minus") else got


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in ``text``, normalised; None when there is none."""
    m = QUANTITY_RE.search(text)
    if not m:
        return None
    got = _signed(m)
    return Quantity(*got, currency=bool(m.group("cur")), per=_per(m)) if got else None


def _per(m: re.Match) -> float | None:
    return float(FRACTIONS[m.group("fden").lower()]) if m.group("fden") else None


def find_quantities(text: str, lang: str | None = None) -> Iterator[tuple[int, int, Quantity]]:
    """Yield ``(start, end, Quantity)`` for every quantity in ``text``, written as news copy in ``lang``
    writes it (English unless ``lang`` is one of :data:`FOREIGN_NUMBER_LANGS`)."""
    if lang in FOREIGN_RES:
        yield from _foreign_quantities(text, lang)
        return
    pos = 0
    search = _TOKENISED_RE.search if not text.isascii() else _search_ascii
    while True:
        m = search(text, pos)
        if m is None:
            return
        num = m.group("num") or ""
        if _SPLIT.search(num) and _NOT_ONE_NUMBER.search(text[max(0, m.start("num") - 12):m.end("num")]):
            m = QUANTITY_RE.match(text, m.start()) or m  # two numbers, read as written
        pos = max(m.end(), pos + 1)
        got = _signed(m)
        if got is not None:
            yield m.start(), m.end(), Quantity(*got, currency=bool(m.group("cur")), per=_per(m))



# where a quantity can begin in ASCII text: a word's start that is "$", ".", a digit, or a word that opens one of
# the pattern's branches (a qualifier's first word, a number word, a vague count, "a", "an", "half", "minus")
_CANDIDATE = re.compile(r"[$.\dA-Za-z](?:(?<![\w.,-].)|(?<=\(-\d))[A-Za-z]*")
_OPENERS = frozenset([q.split()[0] for q, _ in QUALIFIERS] + list(UNITS) + list(TENS) + list(SCALES)
                     + [v.split()[0] for v in VAGUE] + ["many", "several", "a", "an", "half", "minus"])


def _search_ascii(text: str, pos: int) -> re.Match | None:
    """``_TOKENISED_RE.search(text, pos)`` in ASCII text, tried only where a quantity can begin."""
    match = _TOKENISED_RE.match
    for c in _CANDIDATE.finditer(text, pos):
        w = c.group()
        if w[0].isalpha() and w.lower() not in _OPENERS:
            continue
        m = match(text, c.start())
        if m is not None:
            return m
    return None


# -- German, French, Spanish and Italian: a decimal comma, a dot (or a space) between thousands, own words --
_FOREIGN_DIGITS = {"de": r"\.", "es": r"\.", "it": r"\.", "fr": "[.\u00a0\u202f ]"}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _foreign_re(lang: str) -> re.Pattern:
    sep = _FOREIGN_DIGITS[lang]
    digits = rf"\d{{1,3}}(?:{sep}\d{{3}})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?"
    return re.compile(
        rf"""(?<![\w.,-])
        (?:(?P<qual>{_alternation(FOREIGN_QUALIFIERS[lang])})\s+)?
        (?P<cur>\$\s?)?
        (?P<num>{digits}|(?:{_alternation(FOREIGN_NUMBER_WORDS[lang])})(?!\w))
        (?P<scale>(?:\s+(?:{_alternation(FOREIGN_SCALES[lang])})(?!\w))*)
        (?![\w-]*\d)""", re.VERBOSE | re.IGNORECASE)


#: the languages whose numbers :func:`find_quantities` reads in their own way, and their patterns
FOREIGN_RES = {lang: _foreign_re(lang) for lang in FOREIGN_NUMBER_WORDS}
FOREIGN_NUMBER_LANGS = frozenset(FOREIGN_RES)
_FOREIGN_SCALE_SPLIT = {lang: re.compile(_alternation(FOREIGN_SCALES[lang]), re.IGNORECASE) for lang in FOREIGN_RES}


def _foreign_quantities(text: str, lang: str) -> Iterator[tuple[int, int, Quantity]]:
    """ "1,5 Millionen" (1,500,000), "2.500 Menschen", "plus de 1,2 millions", "3 millones", "un milione"."""
    words, scales = FOREIGN_NUMBER_WORDS[lang], FOREIGN_SCALES[lang]
    for m in FOREIGN_RES[lang].finditer(text):
        num, scale = m.group("num"), m.group("scale") or ""
        if num[0].isdigit():
            value = float(re.sub(r"[.\u00a0\u202f ]", "", num).replace(",", "."))
        elif words[num.lower()] == 1 and not scale:
            continue  # "ein", "un", "una" alone are articles
        else:
            value = float(words[num.lower()])
        for word in _FOREIGN_SCALE_SPLIT[lang].findall(scale):
            value *= scales[word.lower()]
        qual = FOREIGN_QUALIFIERS[lang].get((m.group("qual") or "").lower(), "")
        yield m.start(), m.end(), Quantity(value, qual, currency=bool(m.group("cur")))
