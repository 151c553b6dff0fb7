"""What a figure counts when the words right after it are only its unit, and figures that come in pairs.

"15 percent of calories", "rates of obesity of more than 15 percent", "the temperature was 46 degrees",
"traveling more than 21,625 miles", "$100,000 for each song": the counted thing is a noun phrase beside the
figure, never the unit alone.  "one in five adults" is a rate (1 per 5), "2 million to 5 million adults"
a range (2,000,000 to 5,000,000).
"""

from __future__ import annotations

import re

from ..text.lexicon import COUNT_NOUNS
from ..text.tfidf import STOPWORDS

#: units of measure: the counted thing is read beside them ("miles" alone says what, not of what)
MEASURE_UNITS = frozenset("""mile miles km kms kilometer kilometers kilometre kilometres meter meters metre metres
    foot feet inch inches yard yards acre acres hectare hectares pound pounds ounce ounces ton tons tonne tonnes
    kilogram kilograms kg gram grams gallon gallons liter liters litre litres mph degree degrees gigabyte gigabytes
    megabyte megabytes square cubic metric calorie calories""".split())
_NP_STOP = STOPWORDS | {"percent", "per", "cent", "about", "nearly", "almost", "some", "more", "than", "least",
                        "average", "up", "over", "under", "around", "roughly", "only", "just", "by"}
_WORDS = re.compile(r"[A-Za-z][\w'-]*")
_VERB_BEFORE = re.compile(r"\b([a-z]+(?:ing|ed))\s+(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|"
                          r"some\s+|only\s+|just\s+|an?\s+)?$")
_OF_BEFORE = re.compile(r"((?:[A-Za-z][\w'-]*\s+){1,3}?)(?:of|at|was|were|is|are|to|reached|hit)\s+"
                        r"(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|an?\s+)?$")
_RIGHT = re.compile(r"^\s*(?:of|in|for(?:\s+each)?|per)\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+|his\s+|her\s+)?"
                    r"((?:[A-Za-z][\w'-]*\s*){1,3})")
# a measure's bearing after it, past a conversion in brackets: "13 miles (20 kms) away", "220 miles from Darwin"
_BEARING = re.compile(r"^\s*(?:\([^)]{0,30}\)\s*)?((?:away|from|long|high|wide|deep|tall|above|below|across)\b"
                      r"[^,.;:()]{0,30})")


def _phrase(words: list[str]) -> str:
    while words and words[0].lower() in _NP_STOP:
        words = words[1:]
    while words and words[-1].lower() in _NP_STOP:
        words = words[:-1]
    return " ".join(words)


def context_thing(before: str, after: str) -> str:
    """The noun phrase a figure given in a unit is about: after it ("of calories", "in circumference", "for
    each song"), else before it ("rates of obesity of", "the temperature was", "traveling more than")."""
    m = _RIGHT.match(after)
    if m:
        got = _phrase(_WORDS.findall(m.group(1))[:3])
        if got and got.split()[0].lower() not in STOPWORDS:
            return got
    m = _BEARING.match(after)
    if m:
        got = _phrase(_WORDS.findall(m.group(1))[:3])
        if got:
            return got
    m = _OF_BEFORE.search(before[-80:])
    if m:
        got = _phrase(_WORDS.findall(m.group(1)))
        if got:
            return got
    m = _VERB_BEFORE.search(before[-60:])
    return m.group(1) if m else ""


_RATE = re.compile(r"^\s+(?:in|out\s+of)\s+$")
_RANGE = re.compile(r"^\s*(?:to|-|\u2013)\s*$")


def pair_kind(sent: str, first_end: int, second_start: int, before: str) -> str:
    """ "rate" for "one in five", "1 out of 500"; "range" for "2 million to 5 million" (not after "from"
    or "between", where the two ends are figures of their own); else ""."""
    gap = sent[first_end:second_start]
    if _RATE.match(gap):
        return "rate"
    if _RANGE.match(gap) and not re.search(r"\b(?:from|between)\s*$", before):
        return "range"
    return ""


def not_a_quantity(surface: str, before: str, after: str) -> bool:
    """A number that counts nothing: "No two babies are alike", a name ("AMC 14 theater", "Apollo 11
    mission"), a magnitude ("a 6.1 magnitude quake": no toll)."""
    if re.search(r"\b[Nn]o\s*$", before) and not re.search(r"\bNo\.\s*$", before):
        return True
    if re.match(r"[\s-]*magnitude\b", after, re.IGNORECASE):
        return True
    name = re.search(r"(?<=[a-z,]\s)([A-Z][A-Za-z]+)\s+$", before)
    nxt = re.match(r"\s+([a-z][a-z-]+)\b", after)
    return bool(name and nxt and surface.isdigit() and int(surface) < 1000 and name.group(1).lower() not in
                _NP_STOP and not nxt.group(1).endswith("s") and nxt.group(1) not in COUNT_NOUNS
                and nxt.group(1) not in MEASURE_UNITS and nxt.group(1) not in ("people", "dead", "more"))
