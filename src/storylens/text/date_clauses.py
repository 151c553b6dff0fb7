"""Which way a time expression points, read from the words around it.

"on Tuesday" is the last Tuesday in "the talks ended on Tuesday" and the next one in "the talks will resume on
Tuesday"; "in 1970" dates the sentence's event in "the strike began in 1970" and only the past it is measured
against in "the first strike since 1970".  These readers look at the sentence around an expression (given by
its offsets in the sentence) and never at other sentences; :func:`reads_ahead` is the one the resolver uses.
:func:`local_day` and :func:`east_of_the_wire` read the day the story's place was on from its dateline.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .date_formats import month_number
from .lexicon import EAST_OF_THE_WIRE, IRREGULAR_PAST, WEEKDAY_PATTERN

# a noun "plans" ("the party's announced plans to convene"), not the verb ("he plans to")
_PLANS_NOUN = r"(?<!the )(?<!its )(?<!their )(?<!his )(?<!her )(?<!'s )(?<!announced )(?<!new )(?<!no )"
# "was scheduled to land": what was to come then (:func:`is_future_in_past`)
_WAS = r"(?<!was )(?<!were )(?<!had been )"
_FUTURE = re.compile(rf"\b(?:will|shall|'ll|is to|are to|is due|are due|{_WAS}expected to|"
                     rf"{_PLANS_NOUN}plans? to|"
                     r"hopes to|hoping to|aims to|intends to|(?:is|are) (?:set|slated) (?:to|for)|"
                     r"(?:is|are) expected (?:in|on|by|next|later|early|late|before|around|within)|"
                     r"expects?\b(?:[^.;:]|\.(?=\s*[A-Z])){0,60}\bto\s+[a-z]+|"
                     rf"{_WAS}scheduled|to be held|to be published|would (?:meet|visit|hold|arrive|begin|start|return|"
                     r"travel|leave|go|come|vote|decide|announce|take)|"
                     r"(?:upcoming|forthcoming)\s+[a-z]+|"
                     rf"{_WAS}due to (?:be|visit|arrive|begin|start|meet|hold|leave|return|open|take|resume|announce|"
                     r"sign|vote|decide|appear|release|testify|travel|fly|attend|hear|rule))\b|"
                     r"\b(?:goes|go|begins|begin|starts|start|opens|open|resumes|arrives|returns|ends|end|closes|"
                     r"(?<!a )close|airs|air|meets|convenes|expires|expire|takes\s+effect|take\s+effect)\s+"
                     r"(?:on\s+(?:trial|sale|the\s+air)\s+|into\s+effect\s+)?"
                     r"(?:at\s+(?:midnight|noon|dawn|\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.)?)\s+)?"
                     rf"(?:on\s+|next\s+)?(?:{WEEKDAY_PATTERN})\b", re.IGNORECASE)
# quoted words: a whole quotation, the end of one opened in an earlier sentence, or the start of one left open
_QUOTED = re.compile(r"``.*?(?:''|$)|\u201c[^\u201d]*(?:\u201d|$)|\"[^\"]*(?:\"|$)|^[^`\u201c]*?(?:''|\u201d)")


_FUTURE_IN_PAST = re.compile(r"\b(?:(?:was|were|had been)\s+(?:to\s+be|scheduled|expected|due|supposed|set|slated)|"
                             r"(?:planned|intended|had hoped) to|would)\b",
                             re.IGNORECASE)


def is_future(sentence: str) -> bool:
    """Whether the narrator speaks of what is to come (quoted words do not count)."""
    return bool(_FUTURE.search(_QUOTED.sub(" ", sentence)))


def is_future_in_past(sentence: str) -> bool:
    """Whether the narrator tells what was to come at the time told ("the couple was to be married Saturday",
    "the plane was scheduled to land Friday"): the day may be just before the report or just after it."""
    return bool(_FUTURE_IN_PAST.search(_QUOTED.sub(" ", sentence)))


# words before a date that make it the past an event is measured against: "the first strike since a strike in
# 1970", "higher than in 2015", "the worst since 1999"
_HISTORY_BEFORE = re.compile(r"\b(?:since|than|compared (?:with|to)|as (?:in|of)|record set in|last (?:time|seen))"
                             r"\b[^,;:.]{0,40}$", re.IGNORECASE)


def is_history(sentence: str, at: int) -> bool:
    """Whether the time expression at ``sentence[at:]`` dates a comparison or a starting point (history),
    not the sentence's own event."""
    return bool(_HISTORY_BEFORE.search(sentence, max(0, at - 60), at))


# "complete by Saturday" is a deadline, "caused by Tuesday's quake" is not
_AHEAD_BEFORE = re.compile(r"\b(?:until|till|through|(?<!ed\s)by)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)


# "did not report it until Saturday": the span ended in the past
_PAST_NEGATION = re.compile(r"\b(?:(?:did|had|was|were|could)\s+not|didn't|hadn't|wasn't|weren't|couldn't|never)\b",
                            re.IGNORECASE)


def ends_ahead(sentence: str, at: int) -> bool:
    """Whether the time expression at ``sentence[at:]`` is the end of a span that runs on ("on view
    through April 1", "exhibited until mid-July", "complete by Saturday"): read as the next such date; not
    one that a past negation closed ("did not report it until Saturday")."""
    return bool(_AHEAD_BEFORE.search(sentence, max(0, at - 20), at)) \
        and not _PAST_NEGATION.search(sentence, max(0, at - 120), at)


_NOT_PAST = r"(?!(?:scheduled|expected|planned|slated|supposed|set|due|designed|intended|needed|required)\b)"
_PAST_VERB = rf"{_NOT_PAST}(?:[a-z]{{3,}}ed|{IRREGULAR_PAST})"
# a word between a verb and its date that puts the date in another clause: "said it will begin in July"
_NOT_BETWEEN = r"(?!(?:will|would|shall|to|be|is|are|may|might|can|could|must|should)\b)"
# a past verb right before the expression: "(would come ... since he) filed for divorce in July", "said Tuesday"
_PAST_BEFORE = re.compile(rf"(?<!be )(?<!been )\b{_PAST_VERB}\s+(?:{_NOT_BETWEEN}[a-z]+\s+){{0,3}}?"
                          r"(?:(?:in|on|since|during)\s+)?(?:early\s+|late\s+|mid-?)?$")
# ... or right after it, the expression opening the sentence ("On Tuesday, Justice Minister Park said ...") or
# between a subject and its verb ("The ambassador Thursday indirectly expressed the hope ...")
_PAST_AFTER_OPENING = re.compile(rf",?\s+(?:{_NOT_BETWEEN}[\w.'-]+\s+){{0,6}}?{_PAST_VERB}\b")
_PAST_AFTER = re.compile(rf"\s+(?:[a-z]+ly\s+)?{_PAST_VERB}\b")
# ... or by a clause of "when" that tells of it in the past: "the night of July 16, when the plane crashed"
_WHEN_PAST = re.compile(rf",\s+when\s+(?:{_NOT_BETWEEN}[\w.'-]+\s+){{0,6}}?{_PAST_VERB}\b")
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?|the\s+)?$", re.IGNORECASE)
# what someone asks to be done, the date inside it: "asked Benson to go forward with the trial in June", "called on
# EU members to reverse its decision at its next summit in Nice, France, in December"
_ASKED_TO = re.compile(r"\b(?:asked|urged|called on|appealed to)\s+(?!not\b)(?:[\w.'-]+\s+){1,5}?to\s+"
                       r"(?!have\b)[a-z]+\b")
# a day's event told as not yet done: "Sunday's polls are being organized by Cambodia"
_POSSESSIVE_UNDER_WAY = re.compile(r"['\u2019]s\s+(?:[\w-]+\s+){1,3}?(?:is|are)\s+(?:still\s+)?being\s+[a-z]+ed\b")


def in_past_clause(sentence: str, at: int, end: int | None = None) -> bool:
    """Whether the time expression at ``sentence[at:end]`` dates a verb in the past tense just before it
    ("filed for divorce in July", "said Tuesday") or, given ``end``, just after it ("On Tuesday, the minister
    said"), though the sentence looks ahead."""
    if _PAST_BEFORE.search(sentence, max(0, at - 60), at):
        return True
    if end is None:
        return False
    after = _PAST_AFTER_OPENING if not sentence[:at].strip() else _PAST_AFTER
    return bool(after.match(sentence, end, min(len(sentence), end + 80)))


def reads_ahead(sentence: str, at: int, end: int, future: bool) -> bool:
    """Whether the time expression at ``sentence[at:end]`` points ahead of the article's date: the sentence
    looks ahead (``future``, from :func:`is_future`) and the expression's own clause is not in the past, or
    it ends a span that runs on.  A starting point ("since Sunday") never points ahead."""
    if _SINCE_BEFORE.search(sentence, max(0, at - 12), at):
        return False
    if _POSSESSIVE_UNDER_WAY.match(sentence, end, min(len(sentence), end + 60)):
        return True
    past = in_past_clause(sentence, at, end) or bool(_WHEN_PAST.match(sentence, end, min(len(sentence), end + 80)))
    return ((future or _asked_to(sentence, at)) and not past) or ends_ahead(sentence, at)


def _asked_to(sentence: str, at: int) -> bool:
    """Whether the time expression at ``sentence[at:]`` is inside what someone asks to be done, no other
    clause's verb between ("asked Benson to go forward with the trial in June"; not "the mission it suspended in
    May", nor "who asked not to be named, said he saw them depart Friday")."""
    found = list(_ASKED_TO.finditer(sentence, max(0, at - 120), at))
    m = found[-1] if found else None
    return m is not None and not re.search(rf"\b{_PAST_VERB}\b|[;:]", sentence[m.end():at])


# a past verb right before a date with no year ("talks ended on Jan. 4", "was arrested Oct. 16"), the date not the
# subject of what follows ("said Jan. 10 would be the deadline")
_PAST_RIGHT_BEFORE = re.compile(rf"(?<!be )(?<!been )(?<!is )(?<!are )(?<!being )\b{_PAST_VERB}\s+(?:on\s+|in\s+)?$")
_SUBJECT_AFTER = re.compile(r"\s+(?:will|would|is|was|as|to|could|may|might)\b")


def past_day(sentence: str, at: int, end: int) -> bool:
    """Whether the time expression at ``sentence[at:end]`` dates a past verb right before it, or a clause of
    "when" right after it tells of it in the past ("the night of July 16, when the plane crashed"): never a
    day after the report's, though a date with no tense may be (a hearing set for next week)."""
    if _WHEN_PAST.match(sentence, end, min(len(sentence), end + 80)):
        return True
    return bool(_PAST_RIGHT_BEFORE.search(sentence, max(0, at - 30), at)) \
        and not _SUBJECT_AFTER.match(sentence, end)


# the date a rescheduled event was first set for: "has been postponed from June until next January"
_MOVED_FROM = re.compile(r"\b(?:postponed|delayed|put off|pushed back|moved|rescheduled|brought forward)\s+"
                         r"(?:[a-z]+\s+){0,2}?(?P<from>from\s+(?:early\s+|late\s+|mid-?)?)?$", re.IGNORECASE)


def moved_from(sentence: str, at: int) -> bool:
    """Whether the time expression at ``sentence[at:]`` is the date an event was moved from: neither past nor
    ahead by its tense (it was to come when it was moved), so the nearest such date."""
    m = _MOVED_FROM.search(sentence, max(0, at - 60), at)
    return bool(m and (m.group("from") or sentence.startswith(("from ", "From "), at)))


def local_day(dateline_date: str, anchor: date | None) -> date | None:
    """The day the story's place was on when the report was written: the day before ``anchor`` when the
    dateline says so ("WASHINGTON, March 3 (Xinhua)" in a report the wire dates March 4: its "today" is
    March 3), else ``anchor``.  The dateline only corrects the publication date by that day; it is never
    taken for it."""
    m = re.fullmatch(r"\s*([A-Za-z]+)\.?\s+(\d{1,2})\s*", dateline_date or "")
    if anchor is None or not m or not month_number(m.group(1)):
        return anchor
    before = anchor - timedelta(days=1)
    return before if (before.month, before.day) == (month_number(m.group(1)), int(m.group(2))) else anchor


def east_of_the_wire(dateline: str) -> bool:
    """Whether a dateline's place ("SYDNEY, Australia") starts its day well before the wire's (New York)."""
    return any(w in EAST_OF_THE_WIRE for w in re.findall(r"[a-z]+", dateline.lower()))
