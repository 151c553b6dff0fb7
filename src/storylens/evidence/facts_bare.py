"""What a figure counts when no noun follows it: a body named before it ("a crowd of 10,000", "Casualties
numbered 150") or the sentence's event, toll or list ("thousands have been killed", "the death toll reached
17,997", "Yalova with 2,400, Istanbul with 984"); an exact number only its clause's event counts stands for
ones named before, a pronoun ("injuring 40").
"""

from __future__ import annotations

import re

from ..models import Claim
from ..text.tfidf import STOPWORDS, stem
from .counted import subject_thing
from .groups import ClaimMeta

#: nouns for a body of people or things whose size a figure after "of" gives ("a crowd of 10,000")
_COLLECTIVES = frozenset("""workforce crowd team group army fleet force staff audience delegation contingent convoy
    flotilla herd flock class field panel jury crew squad battalion brigade regiment gang mob throng congregation
    membership caravan armada garrison""".split())
_COLLECTIVE_OF = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+((?:[a-z][\w-]*\s+)?([a-z][\w-]*))\s+(?:of|at)\s+"
                            r"(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|over\s+|"
                            r"an\s+estimated\s+)?$", re.IGNORECASE)
_NUMBERED = re.compile(r"\b([A-Za-z][\w-]*)\s+(?:numbered|totaled|totalled|totaling|totalling)\s+$")


def named_before(before: str) -> str:
    """The counted thing named before a figure that no noun follows: a body of people or things ("a crowd of
    10,000 gathered", "a workforce of 5,000") or the subject of "numbered" ("Casualties numbered 150")."""
    m = _COLLECTIVE_OF.search(before[-60:])
    if m and m.group(2).lower() in _COLLECTIVES:
        return m.group(1)
    m = _NUMBERED.search(before[-40:])
    return m.group(1) if m and m.group(1).lower() not in STOPWORDS else ""


_QUAL_BEFORE = r"(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|over\s+|an?\s+estimated\s+)?"
_TOLL_REACHED = re.compile(r"\b(?:death\s+)?toll\b(?:[^.;:]|(?<=\d)\.(?=\d)){0,80}?\b(?:reached|(?:rose|risen|climbed|"
                           r"jumped|increased|grown|grew)\s+to|stood\s+at|hit|topped|passed|surpassed|exceeded|was|is|"
                           rf"now\s+stands\s+at)\s+{_QUAL_BEFORE}$")
#: a total named before its number: "A total of 187 have been arrested"
_TOTAL_OF = re.compile(rf"\b(?:a|the)\s+total\s+of\s+{_QUAL_BEFORE}$", re.IGNORECASE)
_POPULATION = re.compile(rf"\b(?:population|(?:a|the)\s+(?:country|nation|city|town|state)\s+)\s*of\s+{_QUAL_BEFORE}$")


#: a finite verb right after a bare number: the number is the clause's subject, a pronoun for ones named before
_VERB_NEXT = re.compile(r"\s+(?:were|was|are|is|had|have|has|did|do|will|would|could|can|may|might)\b")


def bare_number(qualifier: str, before: str, after: str, before_words: list[str],
                 classed: tuple[str, str], listed: list[tuple[Claim, ClaimMeta]]) -> tuple[str, str, str] | None:
    """A bare number counts only where the sentence says what it is: "thousands have been killed", "the
    death toll was more than 500", "the number of hate groups to 537", "including 20 on Tuesday",
    a list "Yalova with 2,400, Istanbul with 984", a range "between 20 and 40 billion",
    "dozens of which". ``(noun, event, counted thing)`` (the thing only for a list's next figure), or None
    when the number counts nothing said."""
    noun, event = classed
    if not qualifier and re.search(
            r"\b(?:was|were|is|are|aged|ages|ages of)\s+(?:\d+(?:,\s*|\s+and\s+|\s+or\s+))*$", before):
        return None  # ages: "when he was 7, 15 and 20"
    if not qualifier and re.search(r"[a-z,]\s+[A-Z][A-Za-z]+\s+$", before):
        return None  # a model's number: "his Cessna Skyline 182", "a Boeing 747"
    if _TOLL_REACHED.search(before):  # "the death toll in the quake on August 17 reached 17,997": the killed,
        return "people", "killed", "people killed"  # not the words around the toll ("quake stood")
    included = bool(before_words and before_words[-1] in ("including", "with"))
    if _POPULATION.search(before):  # "a population of 12 million", "a country of 250 million"
        noun = "people"
    elif re.match(r"\s*of (?:which|them|whom|those)\b", after) or re.search(r"\bbetween\s*$", before, re.IGNORECASE) \
            or _TOTAL_OF.search(before):
        pass
    elif not event and subject_thing(before):  # "the number of hate groups to 537"
        noun = stem(subject_thing(before).split()[-1].lower())
    elif not event and not included and (not listed or _VERB_NEXT.match(after)):
        return None  # nothing said, or a pronoun: "14 members of the pool had links, and three were related"
    elif listed and not event:  # a list goes on: the counted thing of the figure before
        return listed[-1][1].key[0] or "people", listed[-1][1].key[1], listed[-1][0].what
    elif not included and not qualifier.endswith(" of") and not (listed and listed[-1][1].key[:2] == (
            noun or "people", event)):
        # an exact number that only its clause's event counts stands for ones named before, a pronoun ("injuring
        # 40", "46 were arrested"); a vague count stands for a crowd ("attacks that killed hundreds")
        return None
    noun = noun or "people"
    same = listed and listed[-1][1].key[:2] == (noun, event)  # "3,046 deaths, followed by Yalova with 2,400"
    return noun, event, listed[-1][0].what if same else ""
