"""Which numbers of a sentence are figures, and where their spans run.

A year, a date, a clock time, an age, a rank or a number in a hyphenated word that counts nothing
("five-year", "15-year-old", "S-300") is no figure; "a 20-acre compound" is one (20 acres); "3-4 percent"
and "a 60- to 100-mile segment" are ranges; "between 20 and 40 billion" and "four or more" change a value.
"""

from __future__ import annotations

import re

from ..text.lexicon import MONTH_PATTERN, YEAR_PATTERN
from ..text.numbers import TENS, UNITS, Quantity
from ..text.tfidf import STOPWORDS
from .counted_units import MEASURE_UNITS
from .things import TIME_UNITS

_YEARLIKE = re.compile(rf"^{YEAR_PATTERN}$")
_MONTH_BEFORE = re.compile(rf"(?:{MONTH_PATTERN})\.?\s*$")
_MONTH_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:{MONTH_PATTERN})\b")
_SMALL_WORDS = {"one", "a", "an"}
_RATE_AFTER = re.compile(r"\s+(?:in|out\s+of)\s+(?:\d|an?\s+(?:hundred|thousand|million)|two|three|four|five|six|"
                         r"seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundred)", re.IGNORECASE)
_RANGE_START = re.compile(r"(?<![\w.,$-])\d[\d,]*(?:\.\d+)?(?=[-\u2013]\d)")


def range_starts(text: str, quantities: list[tuple[int, int, Quantity]]) -> list[tuple[int, int, Quantity]]:
    """The lower bounds of ranges written with a hyphen ("3-4 percent"), which the number reader leaves
    out (a hyphen joins them to the next number); :func:`hyphen_range` reads the range from there."""
    taken = {start for start, _, _ in quantities}
    return [(m.start(), m.end(), Quantity(float(m.group(0).replace(",", ""))))
            for m in _RANGE_START.finditer(text) if m.start() not in taken]


#: a hyphen, or one a tokeniser set apart ("30 - mile", "3 - 4 percent": ECB+ web text)
HYPHEN = r"(?:[-\u2013]|\s-\s)"
_HYPHEN_RANGE = re.compile(rf"^{HYPHEN}(\d[\d,]*(?:\.\d+)?)(?![\w.,-]*\d)(?=\s*(?:%|\s[A-Za-z]))")
#: words after "6-3" that make it a score or a tally, not a range
_SCORE_WORDS = frozenset("decision vote votes win wins victory loss losses defeat margin lead record score count "
                         "split tie draw ruling majority".split())


def hyphen_range(surface: str, before: str, after: str, qty: Quantity) -> tuple[float, int] | None:
    """``(high, length)`` of a range written with a hyphen ("3-4 percent", "200-300 people"): the upper
    bound above the lower and at most ten times it, no years ("1992-2019"), no score ("a 6-3 decision")."""
    m = _HYPHEN_RANGE.match(after)
    if not m or not surface.replace(",", "").replace(".", "").isdigit():
        return None
    high = float(m.group(1).replace(",", ""))
    if not qty.value < high <= 10 * qty.value or (_YEARLIKE.match(surface) and _YEARLIKE.match(m.group(1))):
        return None
    if re.fullmatch(r"\d{3}", surface) and re.fullmatch(r"\d{4}", m.group(1)) or re.search(r"\bages?\s*$", before,
                                                                                          re.IGNORECASE):
        return None  # a telephone number ("555-1234"), ages ("ages 18-24")
    nxt = re.match(r"\s*([A-Za-z]+)", after[m.end():])
    if nxt and nxt.group(1).lower() in _SCORE_WORDS or not_a_figure(surface, before, " " + after[m.end():], ""):
        return None
    return high, m.end()


_SCALE_AFTER = re.compile(r"^\s+and\s+[\d.,]+\s+(hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)
_POSTFIX = re.compile(r"^\s+(?:[A-Za-z-]+\s+){0,2}or\s+(above|more|higher|over|greater|less|fewer|below|lower)\b")
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}


_COMPOUND_HEIGHT = re.compile(r"^[-\s]foot[-\s](one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\b"
                              r"(?![-\s]*(?:inch|inches)\b)", re.IGNORECASE)


def compound_height(qty: Quantity, after: str) -> tuple[float, int] | None:
    """``(inches, length)`` of a height written as one compound ("the six-foot-five champion": 77 inches);
    None for any other figure."""
    m = _COMPOUND_HEIGHT.match(after)
    if not m or not 3 <= qty.value <= 8 or qty.value != int(qty.value):
        return None
    inches = m.group(1)
    return qty.value * 12 + (int(inches) if inches.isdigit() else UNITS[inches.lower()]), m.end()


def adjust_value(qty: Quantity, before: str, after: str) -> Quantity:
    """Context that changes a value: "between 20 and 40 billion", "four or more", "surpassed 12,000"."""
    value, qual = qty.value, qty.qualifier
    m = _SCALE_AFTER.match(after)
    if m and re.search(r"\bbetween\s*$", before) and value < 1000:
        value *= _SCALES[m.group(1).lower()]
    if not qual:
        m = _POSTFIX.match(after)
        if m:
            qual = "at least" if m.group(1) in ("above", "more", "higher", "over", "greater") else "at most"
        elif re.search(r"\b(?:surpassed|exceeded|topped|passed)\s*$", before):
            qual = "more than"
    return Quantity(value, qual, qty.currency, qty.per) if (value, qual) != (qty.value, qty.qualifier) else qty


_QUAKE = re.compile(r"\s+(?:\w+\s+)?(?:quake|earthquake|tremor|aftershock)", re.IGNORECASE)  # "a 6.7-degree quake"
_DIMENSION = re.compile(rf"^{HYPHEN}([a-z]+){HYPHEN}(long|high|wide|deep|tall)\b")
_MODIFIER = re.compile(rf"^{HYPHEN}((?:(?:square|nautical|cubic){HYPHEN})?[a-z]+)\b(?!{HYPHEN}[a-z])")
#: words after "two-" that count nothing ("two-way street", "three-time champion", "two-thirds")
_NOT_COUNTED = frozenset("""way ways time times point wheel fold star to and or on off up all old half third thirds
    quarter quarters fourth fifth fifths tenth tenths party gauge caliber calibre""".split())


def number_modifier(surface: str, after: str) -> tuple[str, int]:
    """A number in a hyphenated modifier that counts or measures ("a 20-acre compound", "a 125-mile (200-
    kilometer) sandstone escarpment", "a three-act play", "a $5 million-a-year fund"): the words it modifies,
    as if written apart (" acre compound"), and the length of the modifier's rest ("-acre"); "" for any other
    hyphen ("five-year", "15-year-old", "S-300"). The first of "2- and 3-liter engines" takes the second's."""
    per_time = re.match(r"^-a-(?:year|day|week|month)\b(?=\s+[A-Za-z])", after)
    if per_time:  # "a $5 million-a-year fund"
        return after[per_time.end():], per_time.end()
    shared = re.match(r"^[-\u2013]\s+(?:and|or)\s+\d[\d.,]*(?=[-\u2013][a-z])", after)
    if shared:
        return number_modifier(surface, after[shared.end():])[0], 1
    m = _DIMENSION.match(after)
    if m and m.group(1) in MEASURE_UNITS and re.match(r"\s+[A-Za-z]", after[m.end():]):
        return f" {m.group(1)} {m.group(2)}" + after[m.end():], m.end()  # "a 10-metre-long dhow"
    m = _MODIFIER.match(after)
    if m and m.group(0)[:1].isspace() and (_YEARLIKE.match(surface) or m.group(1) in STOPWORDS
                                           or m.group(1).endswith(("ing", "ed"))):
        return "", 0  # a dash, not a tokeniser's hyphen: "in 2019 - a cumulative cut", "there were 23 - costing"
    if not m or m.group(1) in TIME_UNITS or m.group(1) in _NOT_COUNTED or surface.lower() in _SMALL_WORDS \
            or m.group(1) in UNITS or m.group(1) in TENS:  # "three-four years": a range of numbers
        return "", 0
    word = re.sub(rf"^(square|nautical|cubic){HYPHEN}", r"\1 ", m.group(1))  # "a 170,000-square-foot building"
    rest = re.sub(r"^\s*(?:\([^)]{0,30}\)|\))", "", after[m.end():])  # past "(200-kilometer)"
    if not re.match(r"\s+[A-Za-z]", rest) or (m.group(1) == "degree" and _QUAKE.match(rest)):
        return "", 0
    return " " + word + rest, m.end()


CLOCK_AFTER = re.compile(r"\s*(?::\s?\d|a\.\s?m\b|p\.\s?m\b|GMT|BST|EST|EDT|IST|(?i:am|pm|midnight|noon)\b|o'clock)")
#: a time written as four digits, the military way: "1100 hrs", "at 0630 hours"
_MILITARY = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


_GRID_ADDRESS = re.compile(r"\s+(?:North|South|East|West)\s+\d+\s+(?:North|South|East|West)\b")
_GRID_ADDRESS_END = re.compile(r"\b\d+\s+(?:North|South|East|West)\s+$")


def not_a_figure(surface: str, before: str, after: str, qualifier: str) -> bool:
    core = surface.split()[-1] if surface.split() else surface
    if re.match(rf"{HYPHEN}(?!(?:to|and|or)\s)\w", after) or re.search(r"(?<!\()[-\u2013/]$", before) or (
            core[:1].isdigit() and re.search(r"(?:\b[A-Z]{1,3}|\d)\s-\s$", before)):
        return True  # "15-member", "S-300", "five-year", "38 - year - old", "AK - 47", scores and ranges
    if re.match(r"\s*(?:st|nd|rd|th)\b", after):
        return True
    if re.search(r"\b(?:call|called|calls|calling|dial|dialed|dialled|dialling|dialing)\s+$", before, re.IGNORECASE) \
            and core.isdigit() and (len(core) >= 3 or not re.match(r"\s+[a-z]", after)) \
            or re.search(r"\bgrades?\s+(?:\w+\s+(?:through|to|and)\s+)?$", before, re.IGNORECASE):
        return True  # a number to call ("call 101"), a school grade ("grades six through eight")
    if _GRID_ADDRESS.match(after) or _GRID_ADDRESS_END.search(before) and re.match(r"\s+(?:North|South|East|West)\b",
                                                                                 after):
        return True  # an address on a grid: "at 2700 South 300 West"
    if core == "911" and (re.search(r"\b(?:call|called|calls|calling|dial|dialed|dialled)\s+$", before, re.IGNORECASE)
                          or re.match(r"\s+(?:call|calls|dispatch\w*|operators?|communications|center|centre|"
                                      r"system|emergency)\b", after, re.IGNORECASE)):
        return True  # the emergency number: "called 911", "a 911 dispatcher"
    if re.fullmatch(r"\.?\d{3}", core) and re.match(r"\s*(?:hitter|average|OPS|OBP|slugging|batting)\b", after):
        return True  # a batting average: ".290 hitter", ". 919 OPS" (its point cut off by a tokeniser)
    if re.search(r"\d\s?/\s?$", before) or re.match(r"\s?/\s?\d", after):
        return True  # a date or a ratio written with a slash: "9 / 11", "12/16/08"
    if core.isalpha() and re.match(r"\s+times\s+(?:the|as|more|less|higher|greater|larger|bigger|faster|that)\b",
                                   after):
        return True  # a multiplier in words: "more than five times the legal limit" (digits only count)
    if re.match(r"\s*(?:-\s*)?(?:caliber|calibre|gauge|mm\s+(?:rifle|pistol|gun|round|cartridge|ammunition)s?)\b",
                after, re.IGNORECASE):
        return True  # a calibre: ".38 caliber revolver", "a 12-gauge shotgun", "9mm pistol"
    if re.match(r"mm\b[^;]{0,30}?\b(?:rifle|pistol|gun|handgun|round|cartridge|ammunition|shell|bullet|cannon)s?\b",
                after, re.IGNORECASE):
        return True  # "a 5.56mm and a 7.62mm rifles"
    if re.match(r"\s+rounds?\b", after) and re.search(r"\b(?:in|after|over|within|for)\s+$", before) \
            or re.match(r"\s+count\b", after) and re.search(r"\ban?\s+$", before):
        return True  # a bout's length, a referee's count: "stopped him in seven rounds", "after a seven count"
    if "," not in core and _YEARLIKE.match(core) and (not qualifier or not re.match(r"\s+[A-Za-z]", after)):
        return True  # a year, after a qualifier too when no noun follows ("a 300 per cent increase over 2018.")
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True  # a date
    minutes = re.search(r"(?<![\d,.])\d{1,2}:\s?$", before) and re.fullmatch(r"\d\d", core)
    if CLOCK_AFTER.match(after) or minutes or _MILITARY.fullmatch(core) and re.match(r"\s*(?:hrs|hours)\b", after):
        return True  # a time: "3:45 p.m.", "3: 45 p. m.", "06: 00 BST", "6. 30am", "at 1100 hours"
    if re.search(r"\b(?:aged|ages?|ages? of|di(?:ed|es)\s+(?:[A-Z][a-z]+\s+)?at|dead\s+at|No\.|number|route|page|"
                 r"article|resolution|incident|reference|version|flight|room|chapter|section|channel|highway|interstate|proposition|terminal|gate|studio|platform|pier|precinct|"
                 r"season|episode|series|volume|vol\.|part|act|scene|phase|stage|level)\s*$",
                 before, re.IGNORECASE):
        return True
    words = surface.lower().replace("-", " ").split()
    if words[-1] == "scores":
        return True  # not one of the protocol's vague counts ("scores of residents"; a score is a result)
    if words[-1] in _SMALL_WORDS and not (len(words) > 1 and (words[-2] == "and" or words[-2] in TENS)) \
            and not _RATE_AFTER.match(after):
        return True  # "one" is no figure, with a qualifier too ("at least one death"), but "one in five" is
    if re.search(r"\b[A-Z][\w'’-]+,\s*$", before) and re.match(r"^\s*(?:,|and\s+[A-Z]|;|\)|\.(?:\s|$))", after) \
            and surface.isdigit() and int(surface) < 120:
        return True  # an age: "Aaron McKinney, 22, goes on trial", "Igor Dam, 49 and Udo Har, 37, were sentenced"
    if re.match(r"\s*(?:years?|months?)[-\s]old\b", after):
        return True
    return False
