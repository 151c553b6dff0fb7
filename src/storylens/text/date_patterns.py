"""The time expressions of English news copy as patterns: what :func:`~storylens.text.dates.find_times` looks for.

Each pattern has a kind (how :func:`~storylens.text.dates.resolve` reads it) and the words it needs
(its gates): a pattern whose words are not in a text is not run on it, and a text with none of
``TRIGGER`` holds no time expression at all.
"""

from __future__ import annotations

import re

from .lexicon import MONTH_ABBREVIATIONS, MONTH_PATTERN, WEEKDAY_PATTERN, YEAR_PATTERN

_MON = rf"(?-i:{MONTH_PATTERN})\.?"  # capitalised even in a pattern that ignores case: "the march" is no month
# a month's own end: "July 1998", "the January-February period"; not "Mayor", "March-ing"
_MON_END = rf"(?![\w-])|(?=-(?:{MONTH_PATTERN})\b)"
_YY = r"['`\u2019](?P<yy>\d\d)"  # a year written with two digits: "November '96", "the `60s"
ABBR_END = re.compile(rf"\b(?:{'|'.join(MONTH_ABBREVIATIONS)})\.$")  # "Oct." ends with its own period
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = YEAR_PATTERN
_WD = rf"(?:{WEEKDAY_PATTERN})"
_PART = r"(?:(?P<part>early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+)"
_N = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"

#: named days of the calendar -> (month, day), or a rule for those that move
HOLIDAYS: dict[str, tuple[int, int]] = {
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31), "Christmas Eve": (12, 24), "Christmas Day": (12, 25),
    "Christmas": (12, 25), "Valentine's Day": (2, 14), "Independence Day": (7, 4), "Fourth of July": (7, 4),
    "July Fourth": (7, 4), "Halloween": (10, 31), "Veterans Day": (11, 11), "Thanksgiving": (11, -4),
    "Thanksgiving Day": (11, -4), "Labor Day": (9, -1), "Memorial Day": (5, -9),
}

_HOLIDAY = "|".join(re.escape(h).replace("'", "['\u2019]") for h in sorted(HOLIDAYS, key=len, reverse=True))


_PATTERNS: list[tuple[str, re.Pattern]] = [
    # full and partial calendar dates
    ("md", re.compile(rf"(?:\b(?P<yrel>(?i:last|this|next)) year['\u2019]s\s+)?"  # "last year's July 19 crash"
                      rf"\b(?P<mon>{_MON})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?")),
    ("dm", re.compile(rf"\b(?P<day>{_DAY})\s+(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR})\b)?")),
    # a named day before the months it names: "the Fourth of July" is July 4, not July
    ("holiday", re.compile(rf"\b(?P<holiday>{_HOLIDAY})(?:,?\s+(?P<year>{_YEAR})\b)?")),
    # a season with its year: "the summer of 1997", "in spring 1998"
    ("year", re.compile(rf"\b(?:(?:early|late|mid)[\s-]+)?(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+"
                        rf"(?:(?:of\s+)?(?P<year>{_YEAR})\b|of\s+(?P<yrel>last|this|next)\s+year\b)", re.IGNORECASE)),
    ("month", re.compile(
        rf"(?:\b(?P<prep>in|since|by|until|till|from|through|during|of|last|this|next|early|mid|late|for|to|after|"
        rf"before|around|throughout|the|its|their|his|her)[\s-]+)"
        rf"(?:the\s+)?{_PART}?(?P<mon>{_MON})(?:{_MON_END})"
        rf"(?:,?\s+(?:(?P<year>{_YEAR})\b|{_YY}\b(?!s)|(?P<yrel>last|this|next)\s+year\b))?",
        re.IGNORECASE)),
    ("month", re.compile(rf"\b{_PART}(?P<mon>{_MON})(?![\w-])"
                         rf"(?:\s+(?:(?P<year>{_YEAR})\b|(?P<yrel>last|this|next)\s+year\b))?", re.IGNORECASE)),
    ("year", re.compile(rf"(?:\b(?P<prep>in|since|by|until|from|during|of|early|mid|late)[\s-]+)"
                        rf"{_PART}?(?P<year>{_YEAR})\b(?![-\d])", re.IGNORECASE)),
    # a year that qualifies a noun or a span: "a 1983 agreement", "the 1998 assaults", "for 1998", "between
    # 1991-98", "the 1950s"
    ("year", re.compile(rf"\b(?P<prep>a|an|the|his|her|its|their|for|between|after|before)\s+"
                        rf"(?P<year>{_YEAR})(?P<decade>s)?(?=[\s,.;:)]|-\d\d\b)(?!\s*(?:GMT|BST|EST|EDT|"
                        rf"UTC|hours|hrs|local)\b)", re.IGNORECASE)),
    # the second year of a span: "from 1996 to 1997", "between 1991 and 1998"
    ("year", re.compile(rf"(?<=\d\d\d\d )(?P<prep>to|and|through|until)\s+(?P<year>{_YEAR})\b(?![-\d])")),
    ("rel_anchor", re.compile(
        rf"(?<!for )(?<!over )(?<!another )(?<!more )"  # "for another five days after": a stretch, no count
        rf"\b(?P<n>{_N})\s+(?P<unit>day|days|week|weeks|month|months|year|years)\s+"
        rf"(?P<dir>earlier|later|before|after|previously)\b"
        rf"|\bthe\s+(?P<dir2>previous|next|following)\s+(?P<unit2>day|week)\b"
        rf"|\bthe\s+(?P<dir4>previous|following)\s+(?P<unit4>month|year)\b"
        rf"|\bthe\s+(?P<unit3>day|week|month|year)\s+(?P<dir3>before|after)\b", re.IGNORECASE)),
    ("ago", re.compile(rf"\b(?P<n>{_N})\s+(?P<unit>day|days|week|weeks|month|months|year|years|decade|decades)\s+"
                       r"ago\b",
                       re.IGNORECASE)),
    ("rel_day", re.compile(r"\b(?P<word>today|yesterday|tomorrow|tonight|this morning|this afternoon|"
                           r"this evening|last night)\b", re.IGNORECASE)),
    ("rel_period", re.compile(
        r"\b(?P<which>last|this|next|past|earlier this|later this|(?:earlier|later|early|late) in the|in the|"
        r"during the|by the|at the(?=\s+weekend)|over the(?=\s+(?:weekend|spring|summer|autumn|fall|winter))|"
        # the weekend that qualifies a noun: "after the weekend arrest of two Israelis", "the weekend's talks"
        # (not a notice's "THE WEEKEND DUTY EDITORS", nor time off: "after the weekend off")
        r"the(?=\s+(?-i:weekend)(?:['\u2019]s\b|\s+(?!(?:at|in|on|of|off|with|and|to|before|after|when|that|was|were|is|"
        r"for|by|as|or|but|the|a|an|he|she|it|they|we)\b)[a-z]+)))\s+"
        r"(?:(?:election|fiscal|school|academic|calendar)\s+(?=year))?"
        r"(?P<unit>week|weekend|month|year|spring|summer|autumn|fall|winter)\b",
        re.IGNORECASE)),
    # the current one: "the end of the year", "by year's end", "at the start of the month"
    ("rel_period", re.compile(r"\b(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+the\s+(?P<unit>week|month|year)\b"
                              r"|\b(?P<unit2>year|month)(?:['\u2019]s\s+end|-end)\b", re.IGNORECASE)),
    # not "on a Thursday", "every Sunday": no one day
    ("weekday", re.compile(rf"(?<!\bon a )(?<!every )(?<!each )"
                           rf"\b(?:(?P<which>(?i:last|this|next|on|late|early|later|earlier))\s+)?(?P<wd>{_WD})\b")),
    # a month with its year and no preposition: "March 1998 was the wettest"
    ("month", re.compile(rf"\b(?P<mon>{_MON})(?![\w-]),?\s+(?P<year>{_YEAR})\b")),
    # a month, a year or a decade with two digits for its year: "In November '96", "since '98", "in the `60s"
    ("year", re.compile(rf"\b(?P<prep>in|since|of|by|from|until|through)\s+{_YY}\b(?!s)", re.IGNORECASE)),
    ("month", re.compile(rf"\b(?P<mon>{_MON})(?![\w-]),?\s+{_YY}\b(?!s)")),
    ("year", re.compile(rf"\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]*)?{_YY}(?P<decade>s)\b", re.IGNORECASE)),
    # the first year of a span: "Pinochet's 1973-90 rule", "the 1998-99 season"; then its last year, on its own
    ("year", re.compile(rf"(?<![\d,.$\w/-])(?P<year>{_YEAR})(?=-(?:\d\d|{_YEAR})\b(?!-\d))")),
    ("year", re.compile(rf"(?<=(?<![\d,.$\w/-])(?P<cent>\d\d)(?P<first>\d\d)-)(?:(?P<yy>\d\d)|(?P<year>{_YEAR}))"
                        r"\b(?!-\d)")),
    # a decade with its part: "the mid-1990s", "early 1980s"
    ("year", re.compile(rf"\b{_PART}(?P<year>{_YEAR})(?P<decade>s)\b", re.IGNORECASE)),
    # a year with no word before it that says so: "compared with 1997", "1998 was a record"
    ("year", re.compile(rf"(?<![\d,.$\w/-])(?P<year>{_YEAR})(?P<decade>s)?(?![\w%/-]|[,.]\d|\s*(?:percent|GMT|BST|EST|"
                        r"EDT|UTC|hours|hrs|local|people|persons)\b)")),
]


class Gate:
    """What a pattern needs in a text: ``pattern`` somewhere in it.  In ASCII text the gate reads ``words``
    instead, when it has them (a pattern needs one of them: in the text as it is with ``cased``, else in the
    lower-cased text), each a plain substring test where a regular expression without a literal prefix
    tries every position; in other text, where case folds beyond ASCII, ``pattern``.  Compared and hashed
    by identity (find_times keeps each gate's answer for a text in a dict)."""

    __slots__ = ("pattern", "words", "cased")

    def __init__(self, pattern: re.Pattern, words: tuple[str, ...] = (), cased: bool = False) -> None:
        self.pattern, self.words, self.cased = pattern, words, cased

    def holds(self, text: str, low: str | None) -> bool:
        """Whether ``text`` (``low``: the text lower-cased when it is ASCII, else None) has what it needs."""
        if low is not None and self.words:
            within = text if self.cased else low
            return any(w in within for w in self.words)
        return self.pattern.search(text) is not None


def _gate(alternatives: str, *, cased: bool = False, bounded: bool = False) -> Gate:
    """The gate of words (``|``-separated), as a pattern (case ignored unless ``cased``; ``bounded``: after
    a word boundary) and as the fewest substrings that hold them all (a word that holds another is left out:
    "tonight" for "night")."""
    words = alternatives.split("|")
    keys = [w if cased else w.lower() for w in words]
    fewest = tuple(dict.fromkeys(k for k in keys if not any(o != k and o in k for o in keys)))
    body = rf"\b(?:{alternatives})" if bounded else f"(?:{alternatives})"
    return Gate(re.compile(body if cased else f"(?i:{body})"), fewest, cased)


_SEASONS = "spring|summer|autumn|fall|winter"
_UNITS = "day|week|month|year"
# a word or a digit that every pattern above needs (a weekday holds "day"): a text with none has no time
# expression, and most sentences are read no further
TRIGGER = re.compile(rf"\d|{_MON}|{_HOLIDAY}|(?i:day|week|month|year|spring|summer|autumn|fall|winter|decade|"
                      r"ago|tonight|tomorrow|morning|afternoon|evening|night)")
_DIGIT = re.compile(r"\d")
# TRIGGER in parts, for ASCII text: its lower-cased words, the months (cased) and the named days that hold
# neither (the others hold "day", "year" or a month)
_TRIGGER_WORDS = _gate(f"{_UNITS}|{_SEASONS}|decade|ago|tonight|tomorrow|morning|afternoon|evening|night")
_TRIGGER_MONTHS = _gate(MONTH_PATTERN, cased=True)
_TRIGGER_DAYS = _gate("|".join(h for h in HOLIDAYS if not _TRIGGER_WORDS.holds(h, h.lower())
                               and not _TRIGGER_MONTHS.holds(h, h.lower())), cased=True)


def triggered(text: str, low: str | None) -> bool:
    """Whether ``text`` may hold a time expression (``TRIGGER`` is in it; ``low``: the text lower-cased
    when it is ASCII, else None)."""
    if low is None:
        return TRIGGER.search(text) is not None
    return _DIGIT.search(text) is not None or any(g.holds(text, low) for g in (_TRIGGER_WORDS, _TRIGGER_MONTHS,
                                                                              _TRIGGER_DAYS))


# what each pattern of _PATTERNS needs, in its order: a pattern whose words are not in a text is not run on it
_G_DIGIT = Gate(_DIGIT)
_G_YEAR = Gate(re.compile(YEAR_PATTERN))  # a four-digit year, perhaps inside a longer number
_G_YY = Gate(re.compile(r"['`\u2019]\d\d"))  # a year written with two digits
_G_MONTH = _gate(MONTH_PATTERN, cased=True, bounded=True)
_G_SEASON = _gate(_SEASONS)
_G_UNIT = _gate(_UNITS)
_G_DIRECTION = _gate("earlier|later|before|after|previous|next|following")  # a count of days before or after
_G_EDGE = _gate("end|start|beginning|middle")  # the end of the year, year's end
_G_AGO = _gate("ago")
_G_DAYWORD = _gate("today|yesterday|tomorrow|tonight|morning|afternoon|evening|night")
_G_PERIOD = _gate(f"week|month|year|{_SEASONS}")
_G_WEEKDAY = _gate(WEEKDAY_PATTERN, cased=True, bounded=True)
_G_HOLIDAY = Gate(re.compile(_HOLIDAY))
_GATES: tuple[tuple[Gate, ...], ...] = (
    (_G_MONTH, _G_DIGIT), (_G_MONTH, _G_DIGIT), (_G_HOLIDAY,), (_G_SEASON,), (_G_MONTH,), (_G_MONTH,),
    (_G_YEAR,), (_G_YEAR,), (_G_YEAR,), (_G_UNIT, _G_DIRECTION), (_G_AGO,), (_G_DAYWORD,), (_G_PERIOD,),
    (_G_UNIT, _G_EDGE), (_G_WEEKDAY,), (_G_MONTH, _G_YEAR), (_G_YY,), (_G_MONTH, _G_YY), (_G_YY,),
    (_G_YEAR,), (_G_YEAR,), (_G_YEAR,), (_G_YEAR,))

#: every pattern with its kind and its gates, in the order they are tried (an earlier match wins its span)
PATTERNS: tuple[tuple[str, re.Pattern, tuple[Gate, ...]], ...] = tuple(
    (kind, pat, gates) for (kind, pat), gates in zip(_PATTERNS, _GATES, strict=True))
