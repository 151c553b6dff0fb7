"""What a figure counts when the words right after it are only its unit, and figures that come in pairs.

"15 percent of calories", "rates of obesity of more than 15 percent", "the temperature was 46 degrees",
"traveling more than 21,625 miles", "$100,000 for each song": the counted thing is a noun phrase beside the
figure, never the unit alone.  "one in five adults" is a rate (1 per 5), "2 million to 5 million adults"
a range (2,000,000 to 5,000,000).
"""

from __future__ import annotations

import re

from ..text.tfidf import STOPWORDS
from .counted_units import DISTANCE, MEASURE_UNITS

NP_STOP = STOPWORDS | {"percent", "per", "cent", "about", "nearly", "almost", "some", "more", "than", "least",
                        "average", "up", "over", "under", "around", "roughly", "only", "just", "by"}
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")  # web copy's apostrophe is often a curly one: "New Year’s"
_VERB_BEFORE = re.compile(r"(?<!\ban\s)(?<!\ba\s)\b([a-z]+(?:ing|ed)|spent|spends|lost|loses|paid|pays|won|sold|"
                          r"bought|gave|owes|release|releases|inject|injects|range|ranges|top|tops|exceed|exceeds|"
                          r"reach|reaches|total|totals|surpass|surpasses|hit|hits)\s+(?:(?:in|up)\s+)?"  # "raked in"
                          r"(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|"
                          r"some\s+|only\s+|just\s+|an?\s+|between\s+|from\s+)?\$?$")
_OF_BEFORE = re.compile(r"((?:[A-Za-z][\w'-]*\s+){1,3}?)(?:of|at|was|were|is|are|to|reached|hit)\s+"
                        r"(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|"
                        r"an?\s+(?:(?:whopping|staggering|stunning|record|hefty|massive|mere|modest|remarkable|"
                        r"total\s+of|combined)\s+)?|plus\s+or\s+minus\s+)?$")
_TIME_WORDS = frozenset("""day days week weeks month months year years decade decades period periods quarter
    quarters season seasons session sessions timeframe span stretch today today's tonight january february march
    april may june july august september october november december monday tuesday wednesday thursday friday saturday
    sunday""".split())
# "weighs more than 220 pounds": the measure is the verb's noun
_VERB_NOUNS = {"weighs": "weight", "weighed": "weight", "weigh": "weight", "weighing": "weight", "costs": "cost",
               "cost": "cost"}
_MEASURING_VERB = re.compile(rf"\b({'|'.join(_VERB_NOUNS)})\s+(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|"
                             r"almost\s+|some\s+|only\s+|just\s+|an?\s+)?$", re.IGNORECASE)
# "its average speed since launch has been 47 mph": the subject of a copula, past a short phrase of its own
_COPULA = re.compile(r"\b(?:(?:(?:(?:is|was|are|were)\s+)?(?:expected|likely|said|believed)\s+to\s+be|is|was|are|were|"
                     r"has\s+been|have\s+been|had\s+been)(?:\s+(?:worth|valued\s+at|up|down))?|"  # "is up 1.3%"
                     r"stood\s+at|totaled|totalled)\s+"
                     r"(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|only\s+|just\s+|"
                     r"an?\s+|between\s+)?$")
#: words of a time phrase before its time word: "in the final quarter", "over the past year"
_TIME_ADJECTIVES = frozenset("final first last past next second third fourth previous current coming same whole "
                             "one two three four five six seven eight nine ten "  # "in last one year"
                             "entire fiscal calendar financial following".split())
_PREPOSITIONS = {"since", "in", "for", "at", "on", "during", "after", "before"}
_ARE_AFTER = re.compile(r"^\s*(?:are|were)\s+(?:now\s+)?([a-z][\w-]*)\b")
_RIGHT = re.compile(r"^\s*\)?\s*(?:of|in|for(?:\s+each)?|per|over|above|below)\s+"
                    r"(?:the\s+|a\s+|an\s+|their\s+|its\s+|his\s+|her\s+)?"
                    r"(?:\d\d?\s?(?:-|to)\s?\d\d[-\s](?=year))?"  # an age group: "of 45-54 year olds"
                    r"((?:[A-Za-z][\w'’-]*\s*){1,3})")
# a measure's bearing after it, past a conversion in brackets: "13 miles (20 kms) away", "220 miles from Darwin"
_BEARING = re.compile(r"^\s*\)?\s*(?:\([^)]{0,30}\)\s*)?((?:away|from|long|high|wide|deep|tall|above|below|across|"
                      r"outside|off|(?:north|south)?(?:east|west)|north|south)\b[^,.;:()]{0,30})")
def _phrase(words: list[str]) -> str:
    while words and words[0].lower() in NP_STOP:
        words = words[1:]
    while words and words[-1].lower() in NP_STOP:
        words = words[:-1]
    return " ".join(words)


_ADDING = re.compile(r"\b(?:add|adds|added|adding|contribute|contributes|contributed|contributing|inject|injects|"
                     r"injected|pump|pumps|pumped)\b[^;:]{0,50}$", re.IGNORECASE)
_ADDED_TO = re.compile(r"^\s*\)?\s*(?:\([^)]{0,50}\)\s*)?(?:to|into)\s+"
                       r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|that\s+|this\s+)?(.*)", re.DOTALL)
_SPENDING = re.compile(r"\b(spend|spends|spent|spending|invest|invests|invested|investing)\b"
                       r"[^.;:]{0,40}$", re.IGNORECASE)
_SPENT_ON = re.compile(r"^\s*\)?\s*on\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+|his\s+|her\s+|new\s+)?(.*)", re.DOTALL)
_WHEN_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday average top time""".split())


def _added_or_spent(before: str, after: str) -> str:
    """What an amount is added to or spent on, or "" ("expects the mine to add $3.7 billion to Australia's gross
    domestic product"; "will spend $10 million on roads": the spending on roads)."""
    adding = _ADDING.search(before[-70:])
    m = _ADDED_TO.match(after) if adding else None
    if m:
        got = _np_after(m.group(1))
        if got and got.split()[-1].lower() not in _TIME_WORDS:
            return got
    spending = _SPENDING.search(before[-60:])
    m = _SPENT_ON.match(after) if spending else None
    if spending and m:
        got = _np_after(m.group(1))
        if got and got.split()[-1].lower() not in _TIME_WORDS and got.lower() not in _WHEN_WORDS:
            verb = spending.group(1).lower()
            return f"{'investment' if verb.startswith('invest') else 'spending'} on {got}"
    return ""


def context_thing(before: str, after: str) -> str:
    """The noun phrase a figure given in a unit is about: after it ("of calories", "in circumference", "for
    each song"), else before it ("rates of obesity of", "the temperature was", "traveling more than")."""
    got = _added_or_spent(before, after)
    if got:
        return got
    if _FINED.search(before[-40:]):
        return "fine"  # "was fined $300 for his role in a crash": the fine, not the role
    if _SOLD_FOR.search(before[-120:]):
        return "sale price"  # "was sold to a buyout firm for 500 million pounds"
    m = _RIGHT.match(re.sub(r"(?<=\w)\s-\s(?=\w)", "-", after))  # "in a breach - of - contract suit"
    if m:
        raw = _WORDS.findall(m.group(1))[:3]
        cut = next((i for i, w in enumerate(raw) if w.lower() in _TIME_WORDS  # "of 45-54 year olds": an age group
                    and raw[i + 1:i + 2] not in (["old"], ["olds"])), len(raw))
        while 0 < cut < len(raw) and raw[cut - 1].lower() in _TIME_ADJECTIVES:
            cut -= 1  # "in the final quarter", "over the past year": the time's own words
        got = _phrase(raw[:cut])  # "over five years", "in the quarter": a time, not a thing
        if got and got.split()[0].lower() not in STOPWORDS and not re.match(r"\d|(?:one|two|three|four|five|six|"
                                                                           r"seven|eight|nine|ten)\b", got.lower()):
            return got
    m = _ARE_AFTER.match(after)
    if m and m.group(1).lower() not in NP_STOP:
        return m.group(1)  # "22 percent are obese"
    m = _BEARING.match(after)
    if m:
        got = _phrase(_WORDS.findall(m.group(1))[:5])
        if got:
            return f"distance {got}" if DISTANCE.match(m.group(1)) else got
    got = _changed_object(before) or subject_thing(before)
    if got:
        return got
    m = _ESTIMATED_AT.search(before[-100:]) or _ESTIMATE_AT.search(before[-100:])
    if m:  # "Damage to the church was estimated at $1 million", "estimate the damages to the church at"
        return m.group(1)
    around = _AROUND.search(before)
    got = copula_subject(before[:around.start()] + " ") if around else ""
    if got:  # "the offer was expected to be in the range of": what is in that range
        return got
    m = _OF_BEFORE.search(before[-80:])
    if m:
        got = _phrase(_WORDS.findall(m.group(1)))
        if got:
            return got
    got = copula_subject(before) or _worth(before)
    if got:
        return got
    m = _MEASURING_VERB.search(before[-40:])
    if m:  # "weighing 180 pounds": the weight
        return _VERB_NOUNS[m.group(1).lower()]
    m = _VERB_BEFORE.search(before[-60:])
    if m:  # "the fund raised $2.5 billion", "the cost could top $20 billion": the verb and its subject
        head = re.sub(r"(?:\s+(?:could|may|might|will|would|can|should|must|has|have|had|is|was|are|were|"
                      r"easily|already|now|still|also))+\s*$", "", before[-60:][:m.start()])
        relative = re.search(r",\s*(?:which|that|who)\s*$", head)  # "The awards, which range from": the awards
        subject = _np_before(re.findall(r"[A-Za-z][\w'.-]*|[^\sA-Za-z]", head[:relative.start()] if relative else head))
        if relative and subject and subject.split()[-1].lower() in _TIME_WORDS:
            subject = ""  # "suspended 400 permits in November, which affected": the clause, not November
        return f"{subject} {m.group(1)}" if subject and len(subject.split()) <= 3 else m.group(1)
    return surveyed(before) or _relative_thing(before, after)


_FINED = re.compile(r"\b(?:fined|fines|fining)\s+(?:about\s+|nearly\s+|more\s+than\s+|up\s+to\s+)?$", re.IGNORECASE)
#: a sale's price: "sold to Chinese buyout firm Canyon Bridge Capital Partners for", "bought the club for"
_SOLD_FOR = re.compile(r"\b(?:sold|sell|sells|selling|bought|buy|buys|buying|acquired|acquire|acquires|purchased|"
                       r"purchase)\b[^.;:()]{0,80}?\bfor\s+(?:about\s+|around\s+|nearly\s+|some\s+|more\s+than\s+|"
                       r"an\s+estimated\s+|a\s+reported\s+)?[$£€]?$", re.IGNORECASE)
#: a verb that changes its object by the figure: "boost production by 40%", "cut prices by 10 percent"
_CHANGING = re.compile(r"\b(?:boost|boosts|boosted|boosting|raise|raises|raised|raising|increase|increases|increased|"
                       r"increasing|cut|cuts|cutting|reduce|reduces|reduced|reducing|lower|lowers|lowered|lowering|"
                       r"slash|slashes|slashed|slashing|hike|hikes|hiked|hiking|trim|trims|trimmed|trimming)\s+"
                       r"(?:(?:the|its|their|his|her|our|a|an)\s+)?((?:[A-Za-z][\w'-]*\s+){1,4}?)by\s+(?:(?:more|less)\s+than\s+|about\s+|around\s+|"
                       r"nearly\s+|almost\s+|some\s+|up\s+to\s+|a\s+further\s+|another\s+)?\$?$")
#: the same verbs, passive, their subject what changes: "the reserve requirement ratio would be lowered by"
_CHANGED = re.compile(r"\b(?:be|been|was|were|is|are|being)\s+(?:boosted|raised|increased|cut|reduced|lowered|"
                      r"slashed|hiked|trimmed)\s+by\s+(?:(?:more|less)\s+than\s+|about\s+|around\s+|nearly\s+|"
                      r"almost\s+|some\s+|up\s+to\s+|a\s+further\s+|another\s+)?\$?$")


def _changed_object(before: str) -> str:
    """What a verb of change changes by the figure: its object ("asking manufacturers to boost production by
    40%": production) or, passive, its subject ("the reserve requirement ratio would be lowered by 50 basis
    points": the ratio)."""
    m = _CHANGING.search(before[-80:])
    if m:
        return _np_after(m.group(1))
    m = _CHANGED.search(before[-120:])
    if not m:
        return ""
    head = _AUXILIARIES.sub("", before[-120:][:m.start()])
    subject = _DETERMINED.search(head)
    if subject:  # "the reserve requirement ratio for financial institutions": the ratio
        words = subject.group(1).split()
        cut = next((i for i, w in enumerate(words) if w.lower() in _POST_MODIFIER | {"of"}), len(words))
        return _phrase(words[:cut])
    return _np_before(re.findall(r"[A-Za-z][\w'.-]*|[^\sA-Za-z]", head))


#: the noun phrase a determiner opens at the end of a clause, with what modifies it ("the ratio for banks")
_DETERMINED = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+((?:[A-Za-z][\w'-]*\s+){0,6}[A-Za-z][\w'-]*)$")


#: the subject of an estimate, past what it is of: "Damage to the church was estimated at", "losses were put at"
_ESTIMATED_AT = re.compile(r"\b([A-Za-z][\w'-]*)(?:\s+(?:to|of|in|for|from|at)\s+[^,;:]{0,50}?)?\s+(?:was|were|is|are|"
                           r"has\s+been|have\s+been)\s+(?:(?:estimated|put|valued|pegged|set|assessed)\s+at|"
                           r"(?:expected|likely|estimated|projected)\s+to\s+(?:run|reach|top|exceed|total|hit)"
                           r"(?:\s+(?:to|into))?)\s+(?:(?:more|less)\s+than\s+|about\s+|around\s+|nearly\s+|some\s+)?$")
#: the same, active: "Authorities estimate the damages to the Wasilla Bible Church at", "put the losses at"
_ESTIMATE_AT = re.compile(r"\b(?:estimate|estimates|estimated|put|puts|value|values|valued|peg|pegs|pegged)\s+"
                          r"(?:the|its|their|his|her)\s+(?:total\s+)?([a-z][\w'-]*)(?:\s+(?:to|of|in|for|from|at)\s+"
                          r"[^,;:]{0,50}?)?\s+at\s+(?:(?:more|less)\s+than\s+|about\s+|around\s+|nearly\s+|some\s+)?$")
#: a place of a figure on a scale, which is not what it counts: "in the range of", "in the vicinity of"
_AROUND = re.compile(r"\s+(?:in|at)\s+the\s+(?:range|neighbou?rhood|vicinity|region|area|ballpark)\s+of\s+"
                     r"(?:about\s+|around\s+|some\s+)?$")
_SURVEY_OF = re.compile(r"\b(?:survey|surveys|poll|polls|study|sample|census)\s+of\s+"
                        r"(?:about\s+|some\s+|more\s+than\s+|nearly\s+)?(?:[\d,]+\s+)?")


def surveyed(before: str) -> str:
    """Who a poll's share is of: "In a survey of mayors last year, 85 percent reported" -> "mayors"."""
    found = list(_SURVEY_OF.finditer(before))
    if not found:
        return ""
    m = found[-1]
    words = _np_after(before[m.end():]).split()
    while words and words[-1].lower() in _TIME_WORDS | {"last", "this", "next"}:
        words = words[:-1]
    return " ".join(words)


# "the $5,000 his wife has deposited": the verb of a relative clause right after the figure; "the fees for
# his speeches, which can be as high as $50,000": the noun phrase a relative clause before it is about
_VERB_AFTER = re.compile(r"^\s+(?:that\s+|which\s+)?(?:[A-Za-z][\w'-]*\s+){1,3}?(?:has\s+|have\s+|had\s+|was\s+|"
                         r"were\s+)?([a-z]{3,}ed)\b")
_WHICH_BEFORE = re.compile(r",\s+(?:which|that|who)\b[^,;:]{0,50}$")


def _relative_thing(before: str, after: str) -> str:
    m = _VERB_AFTER.match(after)
    if m:
        return m.group(1)
    m = _WHICH_BEFORE.search(before)
    if m:
        return _np_before(re.findall(r"[A-Za-z][\w'.-]*|[^\sA-Za-z]", before[:m.start()])[-12:])
    return ""


# a figure that says where a quantity went: "the number of hate groups to 537 from 474", "the average daily
# calorie intake has risen from 1,854 to 2,002", "fat intake has dropped ... from an average of 40 percent"
_NUMBER_OF = re.compile(r"\b(?:[Tt]he|[Aa])\s+(?:total\s+)?number\s+of\s+")
_CHANGE = re.compile(r"\b(?:has\s+|have\s+|had\s+)?(?:been\s+)?(?:risen|rose|rise|rises|increased|increases|grew|"
                     r"grown|soared|climbed|jumped|fell|fallen|dropped|declined|decreased|doubled|tripled|bumped|swelled|"
                     r"shrank|shrunk|plunged|surged|drops|drop|falls|fall|grows|grow|gained|gains|slipped|slid|"
                     r"tumbled|dipped|climbs|jumps|soar|soars|sank|sink|sinks|slumped|slumps|surges|plunges|tumbles|"
                     r"slips|dips|declines|decreases|advanced|advances|eased|eases|edged|edges|rallied|rallies|"
                     r"spiked|skyrocketed|dived|retreated|shed|sheds|(?:go|goes|went|gone|going)\s+(?:up|down)|"
                     # a base form that is also a noun only after a modal: "is expected to increase by six per cent"
                     r"(?:(?<=will )|(?<=ould )|(?<=may )|(?<=ight )|(?<=can )|(?<=to ))(?:increase|decrease|double|"
                     r"triple|climb|jump|gain|soar|plunge|surge|decline|slip|dip))\b")
_TO_FIGURE = re.compile(r"^(?:(?:[^,;:.()]|(?<=\d)[,.](?=\d)){0,60}?\b(?:from|to|by|at)\s+|"
                        r"\s+(?:(?:up|down|higher|lower)\s+)?)"
                        r"(?:an?\s+average\s+of\s+|(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+|just\s+|only\s+)?$")
_ENDS_ON_FIGURE = re.compile(r"\b(?:to|from|at|was|is|were|are|by|reached|hit|totaled)\s+(?:(?:more|less|fewer)\s+"
                             r"than\s+|about\s+|nearly\s+|almost\s+|some\s+)?$")
_NP_INNER = {"of", "and"}
_CLAUSE_WORDS = {"although", "though", "while", "because", "but", "when", "if", "as", "since", "whereas"}


def _np_before(words: list[str]) -> str:
    """The noun phrase that ends ``words`` (at most six words; "of" and "and" may join it)."""
    out: list[str] = []
    for w in reversed(words):
        low = w.lower()
        if len(out) >= 6 or (low in STOPWORDS and low not in _NP_INNER) or low in _CLAUSE_WORDS \
                or not re.match(r"[A-Za-z]", w):
            break
        out.append(w)
    return _phrase(list(reversed(out)))


def _np_after(text: str) -> str:
    """The noun phrase that starts ``text`` (up to a stop word, a verb in -ed, or four words)."""
    out: list[str] = []
    for w in re.findall(r"[A-Za-z][\w'-]*|\S", text):
        low = w.lower()
        if len(out) >= 4 or low in STOPWORDS or not re.match(r"[A-Za-z]", w) or (out and low.endswith("ed")):
            break
        out.append(w)
    return _phrase(out)


_WORTH = re.compile(r",?\s+(?:worth|valued\s+at|priced\s+at)\s+(?:(?:more|less)\s+than\s+|about\s+|nearly\s+|some\s+|"
                    r"an\s+estimated\s+)?$", re.IGNORECASE)


def _worth(before: str) -> str:
    """What an amount is the worth of, when it follows the thing ("a new library, worth $67.5 million")."""
    m = _WORTH.search(before[-80:])
    return _np_before(re.findall(r"[A-Za-z][\w'.-]*|[^\sA-Za-z]", before[-80:][:m.start()])) if m else ""


def copula_subject(before: str) -> str:
    """The subject of "is"/"was"/"has been" right before a figure ("the temperature was", "its average speed
    since launch has been"), or ""."""
    m = _COPULA.search(before[-120:])
    if not m:
        return ""
    words = re.findall(r"[A-Za-z][\w'.-]*|[^\sA-Za-z]", before[-120:][:m.start()])
    cut = next((i for i in range(len(words) - 1, max(-1, len(words) - 4), -1) if words[i].lower() in _PREPOSITIONS),
               None)
    return _np_before(words[:cut] if cut else words)


def subject_thing(before: str) -> str:
    """What a figure is the new or old value of: the quantity named by "the number of ..." or the subject of
    a verb of change, when the figure closes the clause ("... rose from 12 percent in 1991 to")."""
    window = before[-200:]
    for m in reversed(list(_NUMBER_OF.finditer(window))):
        np = _np_after(window[m.end():])
        rest = window[m.end() + len(np):] if np and window[m.end():].startswith(np) else ""
        if np and (len(rest) <= 70 or _ENDS_ON_FIGURE.search(rest) and len(rest) <= 140) \
                and not re.search(r";|\.\s", rest):
            return np
    for m in reversed(list(_CHANGE.finditer(window))):
        if _TO_FIGURE.match(re.sub(r"^,", "", window[m.end():])):
            head = _AUXILIARIES.sub("", window[:m.start()])  # "Water rates will go up by": "Water rates"
            if re.search(r",\s*$", head):
                return ""
            return _clause_subject(head) or _np_before(re.findall(r"[A-Za-z][\w'.-]*|[^\sA-Za-z]", head))
        break
    return ""


_AUXILIARIES = re.compile(r"(?:\s+(?:will|would|could|may|might|can|should|must|is|was|are|were|has|have|had|"
                          r"to|be|been|expected|likely|set|also|already|now|still|projected|forecast|poised))+\s*$",
                          re.IGNORECASE)
_CLAUSE_START = re.compile(r"(?:^|[,;:]\s+|\b(?:that|while|but|and|as|after|when)\s+)(?=[^,;:]*$)")
_POST_MODIFIER = {"for", "in", "at", "on", "with", "to", "from", "by", "leading", "since", "during", "under", "into"}


def _clause_subject(head: str) -> str:
    """The subject that opens the clause before a verb, when a modifier stands between them: "The reward for
    information leading to his capture has grown" -> "reward" (the whole of a short one: "Requests for
    emergency food assistance"); "" when the clause has no such modifier."""
    m = _CLAUSE_START.search(head)
    words = re.findall(r"[A-Za-z][\w'.-]*", head[m.end():] if m else head)
    while words and words[0].lower() in ("the", "a", "an", "its", "their", "his", "her", "this", "that"):
        words = words[1:]
    cut = next((i for i, w in enumerate(words) if w.lower() in _POST_MODIFIER), None)
    if not cut or cut > 4:
        return ""
    return _phrase(words) if len(words) <= 5 else _phrase(words[:cut])


_RATE = re.compile(r"^\s+(?:in|out\s+of)\s+$")
_RANGE = re.compile(r"^\s*(?:to|-|\u2013)\s*$")
_BETWEEN = re.compile(r"\bbetween\s+(?:about\s+|some\s+|roughly\s+)?\$?\s*$", re.IGNORECASE)
#: "estimates range from 2,000 to 5,000", "anywhere from 10 to 20": one range, though written with "from"
_RANGING = re.compile(r"\b(?:rang(?:e|es|ed|ing)|anywhere|somewhere)\s+from\s+(?:about\s+|some\s+)?\$?\s*$",
                      re.IGNORECASE)
#: a suspended hyphen: "a 60- to 100-mile segment"
_SUSPENDED = re.compile(r"^\s?[-\u2013]\s+to\s+$")


def pair_kind(sent: str, first_end: int, second_start: int, before: str) -> str:
    """ "rate" for "one in five", "1 out of 500"; "range" for "2 million to 5 million" and "between $7,000
    and $20,000" (not "from 1,854 to 2,002", where the two ends are figures of their own); "or" for "eight or
    nine"; else ""."""
    gap = sent[first_end:second_start]
    if _RATE.match(gap):  # not "$2,489 in 2014": a year is no base
        return "" if re.match(r"(?:1[6-9]|20)\d\d(?![\d,])", sent[second_start:]) else "rate"
    unit = re.match(r"^\s+([a-z]+)\s+to\s+$", gap)
    if unit and unit.group(1) in MEASURE_UNITS and sent[second_start:].split(None, 2)[1:2] == [unit.group(1)]:
        return "range"  # "25 feet to 100 feet"
    if _RANGE.match(gap) and _BETWEEN.search(before):
        return "range"  # "between $60 million to $70 million", as web copy writes it
    if _RANGE.match(gap) and (not re.search(r"\b(?:from|between)\s*$", before, re.IGNORECASE)
                              or _RANGING.search(before)) or _SUSPENDED.match(gap):
        return "range"
    if re.match(r"^\s+and\s+(?:\$\s?)?$", gap) and _BETWEEN.search(before):
        return "range"
    if re.match(r"^\s+or\s+(?:\$\s?)?$", gap):
        return "or"  # "eight or nine people": a range when the second is the larger (``facts._pair``)
    return ""


#: a figure set off by commas or dashes that close right after it: "Latinos, 54 percent, and whites",
#: "Total revenue _ $13.56 _ $14.97", "Some 97 million adults, or 55 percent, are"
_APPOSED_BEFORE = re.compile(r"(?:,|\s_|--|\u2014|\u2013|\s-)\s*(or\s+)?(?:(?:about|nearly|almost|some|roughly|just|"
                             r"only|more\s+than|less\s+than|an\s+estimated)\s+)?$", re.IGNORECASE)
_APPOSED_AFTER = re.compile(r"^\s*(?:%|per\s?cent\b|percent\b)?\s*(?:,|;|\s?_|--|\u2014|\u2013|\s-\s|\.(?:\s|$)|$)")
_CLAUSE_CUT = re.compile(r"(?:[,;:()_\u2014\u2013`\"\u201c\u201d]|--|\s-\s|\b(?:and|or|but|while|whereas)\b)"
                         r"(?!.*(?:[,;:()_\u2014\u2013`\"\u201c\u201d]|--|\s-\s|\b(?:and|or|but|while|whereas)\b))",
                         re.IGNORECASE | re.DOTALL)
#: words that make the stretch before an apposed figure a clause, not a noun phrase ("If an election were held
#: today, 44 percent"; "in 1998, 18.2 percent were")
_NOT_IN_NP = frozenset("""is was are were be been being am has have had do does did will would could should may
    might must can said says say told reported if when because although though since as today yesterday
    tomorrow now then it he she they we i you this that there overall also however""".split())
_OBJECT_OPENS = frozenset("the a an his her its their our my your this that these those".split())
_NUMBER_WORD = re.compile(r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                          r"fifty|hundred|thousand|million|billion|dozens?|hundreds|thousands|millions)")
_ENDS_ON_NUMBER = re.compile(r"(?:\d|\b(?:percent|cent|million|billion|trillion|thousand|hundred))\s*$", re.IGNORECASE)


def appositive_thing(before: str, after: str, last: str = "", last_adjacent: bool = False) -> str:
    """What a figure set off by commas or dashes is of: the noun phrase it stands beside ("Latinos, 54 percent,
    and whites, 44 percent": Latinos, whites; "More than half of all adults _ 54.9 percent _": adults), or,
    right after another figure, that figure's counted thing ``last`` ("Total revenue _ $13.56 _ $14.97": the
    row's; "97 million American adults, or 55 percent,": the same adults); "" when no such phrase stands
    there, or the words before are a clause ("If an election were held today, 44 percent")."""
    if not _APPOSED_AFTER.match(after):
        return ""
    m = _APPOSED_BEFORE.search(before[-160:])
    if not m:
        return ""
    region = before[-160:][:m.start()]
    if _ENDS_ON_NUMBER.search(region) or (m.group(1) and last_adjacent):
        return last if last_adjacent else ""
    cut = _CLAUSE_CUT.search(region)
    phrase = region[cut.end():] if cut else region
    words = _WORDS.findall(phrase)
    if not words or any(w.lower() in _NOT_IN_NP for w in words) or re.search(r"\d", phrase) \
            or words[0].lower() in _PREPOSITIONS | {"to", "from", "by", "with", "of"} \
            or any(w.lower().endswith("ing") and nxt.lower() in _OBJECT_OPENS for w, nxt in zip(words, words[1:])) \
            or any(w.lower() in _TIME_WORDS or _NUMBER_WORD.fullmatch(w) for w in words):
        # "in terms of improving the nation's health", "his offer - - eight years, $160 million - -"
        return ""
    low = [w.lower() for w in words]
    if "of" in low:  # "More than half of all adults in the United States": the adults
        words = words[low.index("of") + 1:]
    if len(words) > 7:
        return ""
    while words and words[0].lower() in NP_STOP | {"all"}:
        words = words[1:]
    if all(w.isupper() for w in words) and not cut:
        return ""  # a dateline opening the sentence: "WASHINGTON _ 5 percent"
    return _phrase(words)
