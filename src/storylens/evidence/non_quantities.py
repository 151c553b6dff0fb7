"""Numbers that count nothing: "No two babies", a name's number ("AMC 14 theater", "Apollo 11 mission"), a
title ("The Three Trials of Oscar Wilde"), a quake's magnitude, a latitude, an address, a vote's tally, a heading
("Season 1 Episode 7 Recap") and a number that stands for people named before ("the two denied lying").
"""

from __future__ import annotations

import re

from ..text.lexicon import COUNT_NOUNS
from ..text.tfidf import STOPWORDS
from .counted import NP_STOP
from .counted_units import MEASURE_UNITS

#: words after "the two", "the 11" that show the number stands for people already named, not a count
_PRONOUN_NEXT = frozenset("""make made get got go went say said met meet spent left took came face faced agreed
    together apart alone romantically both never later then""".split())
_LATITUDE = re.compile(r"^[\s-]*degrees?\s+(?:north|south|east|west)?\s*(?:in\s+)?(?:latitude|longitude)\b",
                       re.IGNORECASE)


def not_a_quantity(surface: str, before: str, after: str) -> bool:
    """A number that counts nothing: "No two babies are alike", a name ("AMC 14 theater", "Apollo 11
    mission", "Malakunanja 2 is"), a title ("The Three Trials of Oscar Wilde"), a quake's magnitude
    ("a 6.1 magnitude quake", "measuring 7.4": no toll), a latitude, a number that stands for people ("the
    two denied lying")."""
    if re.search(r"\b[Nn]o\s*$", before) and not re.search(r"\bNo\.\s*$", before):
        return True
    if _VOTE_AFTER.match(after) or (re.match(r"\s*(?:for|in favou?r)\b", after) and _VOTED.search(before)):
        return True  # a tally: "voted 319 for, 23 against the resolution with 20 abstentions"
    if _magnitude(surface, before, after) or _LATITUDE.match(after) or _ADDRESS.match(after) \
            or re.match(r"\s+block\s+of\s+[A-Z]", after):  # "the 2300 block of Prince Hall Drive"
        return True
    if _pronoun(surface, before, after) or _title(surface, before, after):
        return True
    name = re.search(r"(?:(?<=[a-z,]\s)|(?<=\b[Aa]\s)|(?<=[`'\"\u201c(])|^)([a-z]?[A-Z][A-Za-z]+)\s+$", before)
    if not name or not surface.isdigit() or name.group(1).lower() in NP_STOP | {"total"}:
        return False  # "Total 35 fire tenders are working": a count
    nxt = re.match(r"\s+([a-z][a-z-]+)\b", after)
    if nxt and nxt.group(1) in _VERB_NEXT or len(surface) == 3 and not surface.endswith("00") \
            and re.match(r"\s+[A-Z][a-z]", after):
        return True  # a model's number: "the iPhone 5 costs", "a Boeing 787 Dreamliner", "Lumia 920 goes"
    return bool(nxt and int(surface) < 1000 and not nxt.group(1).endswith("s") and nxt.group(1) not in COUNT_NOUNS
                and nxt.group(1) not in MEASURE_UNITS and nxt.group(1) not in _NOT_A_NAME_NEXT)


#: verbs right after a name's number, which is then no count of anything ("the iPhone 5 costs $199")
_VERB_NEXT = frozenset("""is was has had goes went comes came costs cost sells sold offers features runs uses will
    would can could""".split())


#: a street address: "2727 N. Central Ave.", "1600 Pennsylvania Avenue", "10 Downing Street"
_ADDRESS = re.compile(r"\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][A-Za-z']+|\d+(?:st|nd|rd|th))\s+){1,3}"
                      r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|"
                      r"Dr|Drive|Lane|Ln|Way|Place|Pl|Court|Ct|Parkway|Pkwy|Terrace|Square)\b")
_MAGNITUDE_AFTER = re.compile(r"[\s-]*magnitude\b|(?:\s+(?:and|to|or)\s+\d\.\d{1,2})?[\s-]*(?:degrees?\s+)?(?:on|in)\s+"
                              r"the\s+(?:open-ended\s+)?Richter\b", re.IGNORECASE)
_MAGNITUDE_BEFORE = re.compile(r"(?:\bmagnitude(?:\s+of)?|\bRichter\b[^.;]{0,30}?)\s*$", re.IGNORECASE)
_MEASURED_AT = re.compile(r"\b(?:measuring|measured|registering|registered)(?:\s+at)?\s*$", re.IGNORECASE)
_QUAKE_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:quake|earthquake|temblor|tremor|aftershock)s?\b", re.IGNORECASE)
_SMALL_READING = re.compile(r"\d(?:\.\d{1,2})?|two|three|four|five|six|seven|eight|nine", re.IGNORECASE)


def _magnitude(surface: str, before: str, after: str) -> bool:
    """A quake's magnitude, which counts nothing (the protocol's rule): "a 6.1 magnitude quake", "a magnitude
    6.1 quake", "a magnitude of five degrees", "7.4 on the Richter scale", "between 4.3 and 4.6 on the Richter
    scale", "a 5.8 earthquake", and a reading under 10 "measuring 7.4" or "registered at four degrees" (a
    measure in any other unit is one: "a shark measuring 4.5 meters")."""
    if _MAGNITUDE_AFTER.match(after) or _MAGNITUDE_BEFORE.search(before):
        return True
    core = surface.split()[-1] if surface.split() else surface
    if re.fullmatch(r"\d\.\d{1,2}", core) and _QUAKE_AFTER.match(after):
        return True
    if not _SMALL_READING.fullmatch(core) or not _MEASURED_AT.search(before):
        return False
    unit = re.match(r"[\s-]*([A-Za-z]+)", after)
    word = unit.group(1).lower() if unit else ""
    return word in ("degree", "degrees") or not (word in MEASURE_UNITS or word in ("percent", "per"))


_VOTE_AFTER = re.compile(r"\s*(?:against|abstentions?|abstaining|abstained|in\s+favou?r)\b", re.IGNORECASE)
_VOTED = re.compile(r"\bvot(?:ed|es|ing)\b[^.;]{0,40}$")


#: words after "Gore 57", "Dorn 40" that show a figure, not a name with a number ("AMC 14 theater")
_NOT_A_NAME_NEXT = frozenset("people dead more percent per percentage".split())


def _pronoun(surface: str, before: str, after: str) -> bool:
    """ "the two together", "of the two.", "the three ditched their balloon", "the 11": no noun follows."""
    small = surface.isdigit() and int(surface) < 100 or surface.isalpha()
    if not small or not re.search(r"\b(?:the|these|those)\s+$", before, re.IGNORECASE):
        return False
    nxt = re.match(r"\s*([A-Za-z][\w'-]*)?(?:\s+([A-Za-z][\w'-]*))?", after)
    word = (nxt.group(1) or "").lower() if nxt else ""
    if word in ("other", "remaining") and nxt and (nxt.group(2) or "").lower() not in STOPWORDS | {""}:
        return False  # "the two other victims", "the three remaining hostages": a noun follows after all
    verb = bool(re.match(r"\s*[a-z]+\s*[.,;:!?]", after)) and not word.endswith("s") and word not in COUNT_NOUNS
    return (not word or word in STOPWORDS or word in _PRONOUN_NEXT or word.endswith("ly") or verb
            or (word.endswith("ed") and word not in _COUNTED_PARTICIPLES))  # "the two embrace."


#: participles that are counted things after "the two": "the two injured", "the three accused"
_COUNTED_PARTICIPLES = frozenset("injured wounded killed dead accused arrested detained missing".split())


#: a run of capitalised words after a digit number that ends where no noun follows: a heading or a name's
#: number ("Season 1 Episode 7 Recap The Witcher", "the CEO of 24 Spring Option,", "Explorer 7, 8 & 9 Open")
_CAPITAL_RUN = re.compile(r"^\s+((?>(?:[A-Z][a-z][\w'’-]*(?![\w'’-])\s*){1,4}))"
                          r"(?=$|[^\w\s/-]|\d|(?:the|a|an|of|in|on|at|to|for|and|with|is|was)\b)")
#: words whose singular counts people ("20 Taliban", "three Chinese"): never a heading
_PEOPLE_WORDS = re.compile(r"(?:ese|ish|ch|i|Taliban|Police|Staff|Crew|Personnel)$")


def heading(surface: str, after: str) -> bool:
    """A digit number before capitalised words none of which is a plural: no count, a heading or a name
    ("Episode 7 Recap", "24 Spring Option", "25 Ute", "9 Open the browser"); "20 Marines", "12 Somali
    pirates", "20 Taliban" count. English only (German capitalises every noun: "2.500 Tote")."""
    m = _CAPITAL_RUN.match(after) if surface[:1].isdigit() else None
    if not m:
        return False
    words = m.group(1).split()
    return not any(w.endswith("s") or w.lower() in COUNT_NOUNS or _PEOPLE_WORDS.search(w) for w in words)


def _title(surface: str, before: str, after: str) -> bool:
    """A number written out with a capital inside a sentence and followed by a capitalised word: a title or
    a name ("The Three Trials of Oscar Wilde", "the Big Three Automakers")."""
    if not surface[:1].isupper() or surface[:1].isdigit():
        return False
    b = before.rstrip()
    if not b or b.endswith(("``", "''", '"', "\u201c", ".", ":", "?", "!", ";")):
        return False
    # a headline run into its story counts: "officials say Two Dallas police squad cars were involved"
    noun = re.match(r"\s+(?:[A-Z][\w'-]*\s+){1,2}((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", after)
    words = noun.group(1).split() if noun else []
    counted = words and words[0] not in STOPWORDS and words[-1].endswith("s") and not words[-1].endswith("ss")
    return bool(re.match(r"\s+[A-Z][A-Za-z]", after)) and not counted
