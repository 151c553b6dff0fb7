"""What a figure counts: the noun phrase after it, its class of noun and the event it counts.

"4,000 civilians trapped" counts people (``civilians`` is one of the lexicon's count nouns) in the event
``trapped``; "the death toll was more than 500" counts the killed though no noun follows the number.
"""

from __future__ import annotations

import re

from ..text.lexicon import COUNT_NOUNS, WEEKDAYS
from ..text.tfidf import stem
from .claim_source import TOKEN

NOUN_CLASS = COUNT_NOUNS
EVENT_WORDS = {
    "killed": "killed kill kills killing dead died die deaths death lives toll perished slain massacred "
              "executed fatalities bodies",
    "injured": "wounded wounding injured injuring injuries injury hurt",
    "trapped": "trapped besieged siege encircled stranded",
    "displaced": "displaced fled fleeing homeless refugees evacuated uprooted driven",
    "missing": "missing",
    "arrested": "arrested detained jailed imprisoned",
    "rescued": "rescued saved",
    "idled": "idled furloughed layoffs",
    # running totals of measures: a distance covered, an area burned, money raised
    "traveled": "covered traveled travelled traveling travelling flown flying flew sailed",
    "burned": "burned burnt burning scorched charred blackened",
    "raised": "raised raising collected donated pledged",
}
#: the events whose figures are running totals by nature ("flying 29,055 miles" is the distance so far)
RUNNING_EVENTS = frozenset({"traveled", "burned", "raised"})
EVENT_OF = {w: ev for ev, ws in EVENT_WORDS.items() for w in ws.split()}
IMPLIED_EVENT = {"dead": "killed", "deaths": "killed", "lives": "killed", "bodies": "killed",
                 "fatalities": "killed", "casualties": "killed", "injuries": "injured", "refugees": "displaced"}

TIME_UNITS = set("second seconds minute minutes hour hours day days week weeks month months year years decade "
                 "decades century centuries weekend weekends season seasons night nights min mins".split())
_STOP_WHAT = set("""a an the of in on at to from by for with and or but as is are was were be been being has
    have had will would could should may might can that which who whom whose this these those it its their
    his her they he she we you i than then so since after before during while when where including
    among about around over under into onto across mostly most some several many more less each per
    said says say told reported according not no yet also just only still already were against versus""".split())


def _after_of(toks: list[str]) -> int:
    """Where the counted thing starts after an opening "of" and its determiners (0 without one)."""
    if not toks or toks[0].lower() != "of":
        return 0
    i = 1
    while i < len(toks) and i < 3 and toks[i].lower() in ("the", "all", "its", "their", "his", "her", "our",
                                                          "my", "your", "these"):
        i += 1
    # "Five of the last 10 presidents", "a third of the 300 workers": the whole's number is its own figure
    if i > 1 and i < len(toks) and toks[i].lower() in ("last", "first", "past", "next"):
        i += 1
    if i > 1 and i + 1 < len(toks) and _NUMBER_TOKEN.match(toks[i]):
        i += 1
    return i


def _past_leading(toks: list[str], i: int, out: list[str]) -> int:
    """Past a leading word before the counted thing ("three more people died", "100 such bills": the people,
    the bills); a superlative's word stays in ``out`` ("the two most populous states")."""
    if i < len(toks) - 1 and toks[i].lower() in _LEADING and re.match(r"[A-Za-z]", toks[i + 1]) \
            and toks[i + 1].lower() not in _STOP_WHAT | {"than"}:
        i += 1
        if toks[i - 1].lower() in ("most", "least"):
            out.append(f"{toks[i - 1]}")
    return i


def counted_words(after: str) -> tuple[str, list[str]]:
    """The counted thing right after a number: ``"civilians trapped"``, and the words scanned."""
    # "90,000 (metric) tons of uranium oxide", "4.5 gigabytes worth of MP3 files"
    after = re.sub(r"^\s*\([a-z]{1,12}\)", "", after)
    toks = [t for t in TOKEN.findall(after[:120])]
    out: list[str] = []
    i = _past_leading(toks, _after_of(toks), out)
    while i < len(toks) and len(out) < (5 if "of" in out or "worth" in out else 6 if _joined(out) or _named(out)
                                        else 4):
        t = toks[i]
        if t == "." and out and re.search(r"\w\.\w+$", out[-1]) and i + 1 < len(toks) \
                and re.match(r"[A-Za-z]", toks[i + 1]):
            out[-1] += "."  # an abbreviation's dot, not the sentence's: "two U.S. Geological Survey researchers"
            i += 1
            continue
        run_on = re.match(r"([a-z]+)\.[A-Z]", t)
        if run_on:  # a stop with no space after it, a page's join: "for 24 hours.Wishing you"
            out.append(run_on.group(1))
            break
        if t.endswith(".") and not re.search(r"\.\w", t):
            if t.rstrip("."):
                out.append(t.rstrip("."))
            break  # the sentence's full stop ends the counted thing
        low = t.lower()
        if not out and low in ("reported", "estimated", "confirmed", "registered", "documented"):
            out.append(t)  # "1,100 reported hate crimes": an adjective here
            i += 1
            continue
        if out and (_ends_the_thing(out[-1], low) or low in EVENT_OF and _agent([w.lower() for w in toks], i)):
            break  # "two crews evacuated 200 people": the crews did it
        if t == "-" and out and re.match(r"[A-Za-z]", out[-1]) and i + 1 < len(toks) \
                and re.match(r"[a-z]", toks[i + 1]) and toks[i + 1] not in _STOP_WHAT:
            out.append(t)  # a hyphen a tokeniser set apart: "two major - league sources", "three co - workers"
            i += 1
            continue
        if t in _QUOTE_MARKS and out and i + 2 < len(toks) and re.match(r"[a-z]", toks[i + 1]) \
                and toks[i + 2] in _QUOTE_MARKS:
            out.append(toks[i + 1])  # a word in quotation marks inside the thing: 'such fetal "heartbeat" bills'
            i += 3
            continue
        if not re.match(r"[A-Za-z]", t) or low in _STOP_WHAT:
            if low in ("and", "or") and len(out) <= 2 and _ADJECTIVE.search(out[-1] if out else "") \
                    and i + 1 < len(toks) and re.match(r"[A-Za-z]", toks[i + 1]):
                out.append(t)  # "10 central and eastern European countries": adjectives joined
                i += 1
                continue
            if low in ("of",) and out and out[-1].lower() not in NOUN_CLASS:
                out.append(t)
                i += 1
                continue
            break
        out.append(t)
        i += 1
    while out and out[-1].lower() in ("of",):
        out.pop()
    scanned = [t.lower() for t in toks[:14]]
    return " ".join(out), scanned


_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})
#: words between a number and its noun that the counted thing goes past ("three more people")
_LEADING = frozenset("more such additional most least".split())


def _ends_the_thing(last: str, low: str) -> bool:
    """A word after a plural noun that is the clause's verb or a day, not part of the counted thing: "three
    U.N. inspectors arrived", "20 states kicked off", "two men Saturday" (an event word stays: "two Israelis
    arrested" counts the arrested)."""
    if low in WEEKDAYS:
        return True
    low_last = last.lower()
    plural = low_last in NOUN_CLASS or (low_last.endswith("s") and not low_last.endswith(("ss", "'s", "’s")))
    if not plural:
        return False
    return low in _PAST_VERBS or low in _ADVERBS or (
        low.endswith("ed") and len(low) > 4 and low not in EVENT_OF)


#: irregular past tenses that follow a count as its clause's verb ("13,626 adults found", "fireworks lit up")
_PAST_VERBS = frozenset("""found said told made took gave came went saw got held met ran won lost paid kept brought
    thought began became fell rose grew knew sent spent put set cut hit shut lit led left sat stood fought
    drew flew threw wrote spoke broke chose drove ate""".split())
_ADVERBS = frozenset("now then today yesterday tonight here there again".split())


#: an adjective that two conjuncts may share a noun with: "central and eastern", "Somali and Yemeni"
_ADJECTIVE = re.compile(r"[a-z](?:al|ern|ic|ive|ian|ese|ish|ous|ary)$|^[A-Z][a-z]+i$")
_NUMBER_TOKEN = re.compile(r"^(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"fifteen|twenty|thirty|forty|fifty|hundred|\d+-\w+)$", re.IGNORECASE)


def _named(words: list[str]) -> bool:
    """A name before the counted noun: "two Brooklyn South Anti Crime plainclothes officers"."""
    return len(words) >= 2 and words[0][:1].isupper() and words[1][:1].isupper()


def _joined(words: list[str]) -> bool:
    return any(w.lower() in ("and", "or") for w in words)


_HEAD_STOP = {"of", "in", "for", "from", "to", "on", "at", "with", "by", "per", "worth"}


def head_noun(words: list[str]) -> str:
    """The head of a counted thing's lower-cased words: the last word before a preposition that is not a
    participle ("participating states", "miles covered", "rates of obesity" -> "states", "miles", "rates")."""
    cut = next((i for i, w in enumerate(words) if w in _HEAD_STOP and i > 0), len(words))
    core = words[:cut]
    while len(core) > 1 and core[-1].endswith(("ed", "ing")):
        core = core[:-1]
    return core[-1] if core else words[0]


_CLAUSE_ENDS = frozenset({".", ";", ":", "`", "'", '"', "\u201c", "\u201d", "that"})


def _governing_event(before: list[str]) -> str:
    """The event of the verb right before a figure, which governs it ("killed 20 people and injured 40":
    the 20 are the killed), past a currency sign; "" when the word before is no event word."""
    words = [w for w in before[-3:] if w not in ("$", "dlrs", "us$", "usd")]
    return EVENT_OF.get(words[-1], "") if words else ""


_NEW_SUBJECT = frozenset("the a an his her their its he she they it we i police officials".split())
_FINITE = frozenset("had has have was were is are been".split())


def _other_clause(after: list[str], start: int, j: int) -> bool:
    """Whether the clause a subordinator opens at ``after[j]`` is about another subject than the counted one:
    one of its own ("after a woman was killed in front of them"), or the sentence's when the count is an
    object ("struck two vehicles while fleeing"), not the count's ("five people had treatment after being
    injured")."""
    nxt = after[j + 1] if j + 1 < len(after) else ""
    verb_between = any(t in _FINITE or t.endswith("ed") for t in after[start:j])
    return nxt in _NEW_SUBJECT or not verb_between


_SUBORDINATORS = frozenset("after before when while because until unless although though".split())
#: event verbs whose subject is the one it happens to, object or not ("70,000 people have fled their homes")
_UNDERGONE = frozenset("fled fleeing died dying perished".split())
_PASSIVE = frozenset("was were been be being is are got get gets".split())
_OBJECT_START = frozenset("""a an the his her their its one two three four five six seven eight nine ten dozens
    hundreds thousands""".split())


def _agent(after: list[str], j: int) -> bool:
    """Whether the event word ``after[j]`` is done by the counted ones, not to them: an active verb with an
    object ("two officers fatally shot and killed a teenager", "shooting three people, killing one")."""
    if j > 0 and after[j - 1] in _PASSIVE or not after[j].endswith(("ed", "ing")) and after[j] not in _PAST_VERBS \
            or after[j] in _UNDERGONE:
        return False
    nxt = after[j + 1] if j + 1 < len(after) else ""
    return nxt in _OBJECT_START or nxt[:1].isdigit()


def classify(what: str, before: list[str], after: list[str]) -> tuple[str, str]:
    """``(noun class, event)`` of a figure whose counted thing is ``what``, with the lower-cased words
    before it and after it."""
    words = [w.lower() for w in what.split()]
    noun = ""
    for w in words:
        if w in NOUN_CLASS:
            noun = NOUN_CLASS[w]
            break
    if not noun and words:
        noun = stem(head_noun(words))
    event = ""
    for w in words:
        if w in IMPLIED_EVENT:
            event = IMPLIED_EVENT[w]
            break
        if w in EVENT_OF:
            event = EVENT_OF[w]
            break
    if not event:
        event = _governing_event(before)
    if not event:
        # the clause after the number, up to a full stop or a semicolon
        for j, w in enumerate(after):
            if w in _CLAUSE_ENDS and not (w == "that" and j == len(words)):
                break  # a quotation or a "that" clause is about something else: "400 ... cries of ``greed kills''"
            if not words and w == "," and not (j + 1 < len(after) and after[j + 1] in ("among", "including")):
                break  # a bare number: "risen to 7,085, with 33,559 injured" is not about the injured
            if w in _SUBORDINATORS and words and j >= len(words) and _other_clause(after, len(words), j):
                break  # "struck two other vehicles while fleeing the scene": the vehicles did not flee
            if w in EVENT_OF:
                if EVENT_OF[w] not in RUNNING_EVENTS and _agent(after, j):
                    return noun, ""  # "two officers fatally shot and killed a teen": the two did it
                event = EVENT_OF[w]
                break
    if not event:
        tail = before[-10:]
        for j in range(len(tail) - 1, -1, -1):
            w = tail[j]
            # a counted noun's event is in its own clause ("where homeless families live, 166 people were
            # admitted"), or in the clause a list goes on ("has arrested 702, including 194 members")
            if w in (".", ";", ":") or (w == "," and words and tail[j + 1:j + 2] not in (["including"], ["among"])):
                break
            if w in _SUBORDINATORS and words:
                break  # "was shot and killed after pointing a gun at two officers": the two are not the killed
            if w in EVENT_OF:
                event = EVENT_OF[w]
                break
    return noun, event


#: a figure in brackets right after what it is of: "services ($4.45 billion)", "Vienna (+7.8%)", "Carinthia
#: (-4.3% or - Euro 0.17 bn)" (only figures, signs and "or" between the bracket and the figure)
_BRACKETED = re.compile(r"([A-Za-z][^,;:()\d]{0,60}?)\s*\((?:[^()A-Za-z]|\b(?:or|and|bn|mn|m|million|billion|"
                        r"per\s?cent|percent)\b)*$")
_BRACKET_CLOSES = re.compile(r"^[^()]{0,40}\)(?!\s*of\b)")  # "a majority (80 percent) of resolutions": of them
_NOT_THING = frozenset("include includes included including such as like or and".split()) | _STOP_WHAT
_UNIT_LAST = frozenset("percent cent dollars dollar pounds pound euros euro miles kilometres kilometers".split())


def bracketed_thing(before: str, after: str) -> str:
    """What an amount or share in brackets is of: the noun phrase right before the bracket ("include services
    ($4.45 billion)": services), or "" (a conversion, "13 miles (20 km)", is not one: digits come before)."""
    m = _BRACKETED.search(before[-120:])
    if not m or not _BRACKET_CLOSES.match(after) or re.search(r"\d\s*$", before[-120:][:m.start()]):
        return ""
    words = re.findall(r"[A-Za-z][\w'’&.-]*", m.group(1))
    out: list[str] = []
    for w in reversed(words):
        if len(out) >= 5 or (w.lower() in _NOT_THING and w.lower() not in ("and", "of")):
            break
        out.append(w)
    while out and out[-1].lower() in ("and", "of"):
        out.pop()
    phrase = " ".join(reversed(out))
    return "" if not phrase or phrase.split()[-1].lower() in _UNIT_LAST else phrase
