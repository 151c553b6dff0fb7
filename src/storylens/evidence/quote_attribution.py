"""The speaker phrase beside a quotation: after it ('..., said Kremlin spokesman Dmitry Peskov', '..., Buss
said', '... was quoted as saying') or before it ('Lavrov simply said: "..."', 'Said Evans: ``...'''').

These functions return the words that name the speaker; who they name is for :mod:`.speakers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text.lexicon import FOREIGN_SPEAKER_ENDS, FOREIGN_SPEECH_VERBS, QUOTE_INTRO_VERBS, QUOTE_JUDGING_VERBS, \
    SPEECH_MANNER_VERBS, SPEECH_VERBS, TITLE_ABBREVIATIONS, TITLES, WEEKDAY_PATTERN
from ..text.segment import ABBREVIATIONS
from .quote_spans import ADVERB, EARLIER_QUOTES
from .speakers import WHAT_ONE_DOES

PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})

#: the outlet a pasted passage is credited to after its closing mark: '... the building. "(Yahoo! News article)'
_CREDIT = r"\(\s*(?P<np>[A-Z][^()\n]{1,40}?)\s+(?:[Aa]rticle|[Rr]eport|[Ss]tory)\s*\)"
CREDIT = re.compile(rf"^\s*{_CREDIT}")
#: the credit that ends a pasted passage whose closing mark is missing: "... north of Detroit. (CNN News Article)"
CREDIT_AT_END = re.compile(rf"(?<=[.!?])\s*{_CREDIT}\s*$")

#: a legislator's party and state after the name: "Rep. Edward Markey (D-Mass.) said", "Nick J. Rahall II
#: (D-W.Va.), who"
_PARTY = re.compile(r"\s*\((?:D|R|I|Dem|Rep|Ind)\s*-\s*[A-Z][\w.\s-]{1,16}\)")

# a name at the end of a quotation that ran on in the narrator's words (", Buss")
_RUN_ON_SPEAKER = re.compile(r",\s*((?:[A-Z][\w'\u2019.-]*\s*){1,3})$")
_AFTER_VERB_END = re.compile(r"[.;](?=\s)|[.;]?$|\s+(?:in|on|at|during|after|before|when|while|adding|"
                             r"according)\s")
_ADJUNCT = r"(?:[^,\u201c\u201d\"]{0,25},)?"
_WAS_QUOTED = re.compile(r"^\s*[,.]?\s*(?P<np>[^\u201c\u201d\"]{1,80}?)\s+(?:was|were)\s+quoted\b")
_QUOTED_AS = re.compile(r"^\s*[,.]?\s*[^\u201c\u201d\"]{1,60}?\s+quoted\s+"
                        r"(?P<np>(?:(?!by\b)[a-z]+\s+){0,3}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’.-]*)*)\s+as\s+saying\b")
_NAME_ED = re.compile(r"^\s*,?\s*(?P<np>(?:[A-Z][\w'’.-]*\s+){1,4}(?:of\s+[A-Z][\w'’-]*\s+)?)[a-z]+ed\b")
_PRONOUN_ED = re.compile(r"^\s*,?\s*(?P<np>[Hh]e|[Ss]he)\s+(?:\w+ly\s+)?[a-z]{3,}(?:ed|es|s)\b(?!\s+(?:that|to)\b)")
_INVERTED = re.compile(r"^\W*(?:Said|Added|Says|Adds)\s+(?P<np>[^,:]{2,80}?)\s*"
                       r"(?:,[^,:\u201c\u201d\"]{2,120})?[,:]?\s*$")
# a subject shared with an earlier verb: "Gore did not embrace the action, but said then that ``...''"
_SHARED_SUBJECT = re.compile(r",?\s+(?:and|but)\s+(?:\w+ly\s+|then\s+|also\s+)?$")
_OPENING_NAME = re.compile(r"^\W*(?:(?:the|The)\s+(?=[A-Z]))?((?:[A-Z][\w'’.-]*|al-\w+|de)"
                           r"(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|de|of|the|to|for))*)")
# a time or place adverbial that opens the sentence is no subject: "Last Wednesday, the Justice Department"
_OPENING_ADVERBIAL = re.compile(rf"^\W*(?:(?:Last|This|Next|Early|Late|Earlier|Later|On|In|At|During|After|"
                                rf"Before|Since)\b[^,]{{0,40}}|(?:{WEEKDAY_PATTERN})\b[^,]{{0,20}}),\s+")
# "The report quoted Amir Khan Muttaqi, minister of ..., as saying, ``...''"
_QUOTED_BEFORE = re.compile(r"\bquoted\s+(?P<np>[^\u201c\u201d\"]{2,140}?),?\s+as\s+(?:saying|telling)\b[^\w]*$")
# "Joe Sims agreed: ``...''": a name, one verb and a colon introduce the quotation
_COLON_INTRO = re.compile(r"(?:^|[.;!?]\s+|^\W*(?:But|And|So)\s+)(?P<np>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
                          r"\s+(?:[a-z]+ly\s+)?[a-z]{3,}(?:ed|es)\s*:\s*$")
_NAME = r"(?P<np>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
# the verb, then its speaker and a colon, inside the sentence: "Not true, said Mr Trump: ``we took action ...''"
_SAID_NAME_COLON = re.compile(rf"(?:^|[,;]\s*)(?:said|says|added|adds|wrote|writes|replied)\s+{_NAME}\s*:\s*$")
# "..., with Lagae stressing that ``every mask does count''": the one the participle's "with" names
_WITH_SAYING = re.compile(rf"\bwith\s+{_NAME}\s+(?:saying|stressing|adding|noting|insisting|warning|arguing|"
                          r"explaining|claiming)\b[^,;\u201c\u201d\"]{0,40}$")
# "As Bocelli put it, ``...''"
_PUT_IT = re.compile(rf"\b[Aa]s\s+{_NAME}\s+(?:once\s+|has\s+|had\s+)?(?:put|puts)\s+it\b[^\u201c\u201d\"]{{0,30}}$")
# "According to Amnesty International, ...": the source of what the sentence reports
_ACCORDING_BEFORE = re.compile(r"^\W*(?:But\s+|And\s+)?[Aa]ccording\s+to\s+(?P<np>[^,\u201c\u201d\"]{2,80}),")
# a title's period does not end the source: "according to Troy police Lt. Gerry Scherlinck."
_TITLE_DOT = rf"(?<![\w.])(?:{'|'.join(TITLE_ABBREVIATIONS)})\."
# the sentence going on after the source: '"..." according to the Associated Press and was battled for hours'
_CLAUSE_GOES_ON = r"\s+(?:and|but)\s+(?:was|were|is|are|has|had|have|will|would|could|can|[a-z]+ed)\b"
_ACCORDING_AFTER = re.compile(rf"^\s*,?\s*according\s+to\s+(?P<np>(?:{_TITLE_DOT}|[^,.;\u201c\u201d\"]){{2,80}}?)"
                              rf"(?:[,.;]|$|{_CLAUSE_GOES_ON})")
# a document that "reads": '..., " the letter read.', '..., " Willoughby's letter continued.'
_DOCUMENT_READ = re.compile(r"^\s*[,.]?\s*(?P<np>(?:the|a|an|his|her|its|their|[A-Z][\w'\u2019.-]*['\u2019]s?)\s+"
                            r"(?:[\w-]+\s+){0,2}?(?:statement|letter|note|message|release|notice|e-?mail|post|"
                            r"tweet|sign|banner|placard))\s+(?:read|reads|continued|went\s+on)\b")
#: words a speaker phrase after a quotation never opens with ('"the compressed time frame" in which the agency
#: pushed ... but he added': "in which ..." is the narration, not who speaks)
_NOT_SPEAKER_START = frozenset("""in on at by for with from of as into over under after before since until
    during while when where which who whom whose because if though although than like""".split())
_INTRO_WORD = re.compile(rf"(?i:{QUOTE_INTRO_VERBS}|{QUOTE_JUDGING_VERBS})")
_JUDGING_WORD = re.compile(rf"(?i:{QUOTE_JUDGING_VERBS})")
_PASSIVE_BEFORE = re.compile(r"\b(?:been|being|be|are|were|is|was)\s+$")
_WHO_AT_END = re.compile(r",?\s+who\s+$")
# the attribution as an aside just before the quotation: "..., he said, ``...''"
_PRONOUN_ASIDE = re.compile(r",\s*(?P<np>he|she|they|we)\s+(?P<v>[a-z]+)\s*,\s*$")
_CJK = r"[\u3040-\u30ff\u3400-\u9fff\u00b7\u30fb]"
# a verb before "to say" is no part of the speaker: "..., Tekin managed to say", "he went on to say"
_TO_SAY = r"(?:managed|went\s+on|began|tried|wanted|continued|hastened|paused|stopped)\s+to\s+"


@dataclass(frozen=True)
class Verbs:
    """The speech verbs of one language (English always among them), compiled as the patterns use them."""

    np_verb: re.Pattern
    verb_np: re.Pattern
    word: re.Pattern
    at_start: re.Pattern
    after_end: re.Pattern = _AFTER_VERB_END
    cjk_after: re.Pattern | None = None
    cjk_before: re.Pattern | None = None


@lru_cache(maxsize=None)
def verbs_for(lang: str | None) -> Verbs:
    """The patterns for an article in ``lang`` (its own verbs with the English ones; English alone for English,
    unknown or other languages)."""
    own = FOREIGN_SPEECH_VERBS.get(lang or "")
    english = f"{SPEECH_VERBS}|{SPEECH_MANNER_VERBS}"
    speech = f"{english}|{own}" if own and lang not in ("zh", "ja") else english
    cjk_after = cjk_before = None
    ends = FOREIGN_SPEAKER_ENDS.get(lang or "")
    after_end = re.compile(rf"{_AFTER_VERB_END.pattern}|\s+(?:{ends})\s") if ends else _AFTER_VERB_END
    if own and lang == "zh":  # 「...」李明说 / 李明表示：「...」
        cjk_after = re.compile(rf"^\s*[，,]?\s*(?P<np>{_CJK}{{2,8}}?)(?:{own})")
        cjk_before = re.compile(rf"(?P<np>{_CJK}{{2,8}}?)(?:{own})\s*[：:，,]?\s*$")
    elif own:  # 「...」と田中氏は述べた / 田中氏は「...」と述べた
        cjk_after = re.compile(rf"^\s*と(?P<np>{_CJK}{{1,10}}?)(?:氏|首相|大統領|社長|長官)?は(?:{own})")
        cjk_before = re.compile(rf"(?P<np>{_CJK}{{1,10}}?)(?:氏|首相|大統領|社長|長官)?は\s*[、,]?\s*$")
    return Verbs(
        np_verb=re.compile(rf"^\s*[,.]?\s*(?P<np>[^\u201c\u201d\"]{{1,160}}?)\s+{ADVERB}?"
                           rf"(?:(?:has|have|had|is|was)\s+|{_TO_SAY})?(?:{speech})\b"),
        verb_np=re.compile(rf"^\s*[,.]?\s*{_ADJUNCT}\s*(?P<v>{speech})\s"),
        word=re.compile(rf"\b(?i:{speech}|{QUOTE_INTRO_VERBS}|{QUOTE_JUDGING_VERBS})\b"),
        at_start=re.compile(rf"^\s*(?i:{speech})\s+"), after_end=after_end,
        cjk_after=cjk_after, cjk_before=cjk_before)


ENGLISH = verbs_for(None)


def phrase_after(right: str, qtext: str, closes_on_comma: bool, verbs: Verbs = ENGLISH) -> str:
    """The speaker phrase in the words after a quotation (up to their first sentence end), or ""
    (``closes_on_comma``: the quotation's last mark follows a comma, as before a speaker)."""
    if verbs.cjk_after is not None and (cjk := verbs.cjk_after.match(right)):
        return cjk.group("np")
    right = _PARTY.sub("", right)
    if credit := CREDIT.match(right):  # a passage pasted from another outlet's report: "(Fox News article)"
        return re.sub(r"^([A-Z]{2,})\s+News$", r"\1", credit.group("np"))  # "(CNN News Article)": CNN
    if re.search(r"[.!?]$", qtext) and not re.match(r"^\s*[,a-z]", right):
        return ""  # the quotation ends its sentence: what follows is another sentence
    m4 = _QUOTED_AS.match(right) or _ACCORDING_AFTER.match(right) or _DOCUMENT_READ.match(right)
    if m4:
        return m4.group("np")
    m2 = verbs.verb_np.match(right)
    if m2:
        return np_after_verb(right[m2.start("v"):], verbs)
    m3 = _WAS_QUOTED.match(right)
    if m3:
        return m3.group("np")
    m = verbs.np_verb.match(right)
    if m and (np := _speaker_np(m.group("np"))):
        return np
    if m and (tail := _RUN_ON_SPEAKER.search(m.group("np"))):
        # the quotation runs on in the narrator's words: "...e-mail'' and other uses, Buss said."
        return tail.group(1)
    m6 = _PRONOUN_ED.match(right)
    if m6 and closes_on_comma:
        return m6.group("np")  # '..., he murmured': a pronoun, then a verb of saying we do not list
    m5 = _NAME_ED.match(right)
    if m5 and closes_on_comma:
        # '..., Brian Jones of England deadpanned': a name, then a verb of saying we do not list
        return re.sub(r"\s+of\s+[A-Z][\w'’-]*\s*$", "", m5.group("np").strip())
    later = _SAID_LATER.match(right)
    if later and closes_on_comma:
        # '"We heard pop, pop, pop," smelled gunpowder and heard yelling, said Jean Larson'
        return np_after_verb(right[later.end():], verbs)
    return ""


# the narration goes on after the quotation, then its speaker: ", smelled gunpowder ..., said Jean Larson"
_SAID_LATER = re.compile(r"^\s*[a-z][^,.;:\u201c\u201d\"]{2,100},\s+(?=(?:said|says|added)\s+[A-Z])")


def _speaker_np(np: str) -> str:
    """The speaker phrase before the verb after a quotation, or "" when it is narration: '"..." than in New
    York, consultant Hank Sheinkopf said' keeps what follows the narration's comma."""
    if _narration_word(np.split()[0]) and "," in np:
        np = np.rsplit(",", 1)[1].strip()
        if re.search(r"``|''|[\"\u201c\u201d]", np):
            return ""  # another quotation's words, not a speaker
    toks = np.split()
    if not toks or len(toks) > 16 or toks[0].lower() in ("and", "but", "or", "to", "that", "which") or \
            _narration_word(toks[0]) or (np.rstrip().endswith(",") and toks[0].islower() and toks[0].endswith("ed")):
        return ""  # (the narration going on in a verb and a comma comes before ", said X")
    return np


def _narration_word(word: str) -> bool:
    """A word no speaker phrase opens with: a preposition or conjunction ("in which"), a participle
    ("including seven rifles, the statement said")."""
    return word in _NOT_SPEAKER_START or (word.islower() and word.endswith("ing") and word not in TITLES)


def phrase_before(left: str, verbs: Verbs = ENGLISH, right: str = "", reach: int = 150,
                  across_end: bool = False) -> str:
    """The speaker phrase in the words before a quotation ('Lavrov simply said: "..."'), or "" (a pronoun
    only when no name is found). ``right``: the words after it (a Japanese verb comes after the quotation);
    ``reach``: how many characters a speech verb may stand before the quotation; ``across_end``: the verb's
    sentence may end right before the quotation ("Lorenzo said Kennedy could fly. ``If he could walk ...''")."""
    # words inside earlier quotations are not the narrator's
    left = _PARTY.sub("", EARLIER_QUOTES.sub(lambda mm: " " * len(mm.group(0)), left))
    if verbs.cjk_before is not None and (cjk := verbs.cjk_before.search(left)) and \
            (verbs.cjk_after is None or "は" not in cjk.group(0) or re.match(r"^\s*と", right)):
        return cjk.group("np")
    if (part := _PARTICIPLE.search(left)) and (np := participle_subject(left[:part.start()])):
        return np  # "..., but LaSalle refused to comply, saying officers ``would need to kill'' him"
    inverted = _INVERTED.match(left) or _QUOTED_BEFORE.search(left) or _COLON_INTRO.search(left) or \
        _ACCORDING_BEFORE.match(left) or _SAID_NAME_COLON.search(left) or _WITH_SAYING.search(left) or \
        _PUT_IT.search(left)
    if inverted:  # "Said Evans: ``We want to get this case resolved.''"
        return inverted.group("np")
    aside = _PRONOUN_ASIDE.search(left)
    if aside and verbs.word.fullmatch(aside.group("v")):
        return aside.group("np")  # "With the impetus of this quake, he said, ``we'll push on with it.''"
    pronoun = ""
    for vm in list(reversed(list(verbs.word.finditer(left))))[:2]:
        if len(left) - vm.end() > reach:
            break  # too far from the quotation to introduce it
        if _after_sentence_end(left[vm.end():]) != left[vm.end():] or \
                (not across_end and _ends_sentence(left[vm.end():])):
            break  # a sentence ends between the verb and the quotation
        progressive = vm.group(0).endswith("ing") and _PASSIVE_BEFORE.search(left, max(0, vm.start() - 12),
                                                                              vm.start())
        if progressive:  # "SI.com is reporting that, ``...''": the subject before the auxiliary
            cand = re.sub(r"^[Tt]he\s+(?=[A-Z])", "", speaker_before_verb(_PASSIVE_BEFORE.sub("", left[: vm.start()])))
            if cand and cand.split()[0].lower() not in PRONOUNS:
                return cand
            continue
        if _PASSIVE_BEFORE.search(left, max(0, vm.start() - 12), vm.start()):
            continue  # "the two Israelis who have been described as ...": nobody speaks
        if vm.group(0).endswith("ing") and _INTRO_WORD.fullmatch(vm.group(0)) and \
                not re.search(r"(?:,|\bby)\s*$", left[: vm.start()]) and \
                not (_JUDGING_WORD.fullmatch(vm.group(0)) and re.search(r"\band\s*$", left[: vm.start()])):
            # "a research memo suggesting that ...": the memo's, not the sentence subject's words ("issued a
            # statement ... and urging the nation to ``...''" is the subject's)
            continue
        if vm.group(0).endswith("ing"):
            cand = _opening_subject(left)
        elif _WHO_AT_END.search(left[: vm.start()]):
            # "..., a female deputy, Reggie Fluty, who told the victim, ``...''"
            cand = speaker_before_verb(_WHO_AT_END.sub("", left[: vm.start()]))
        else:
            cand = speaker_before_verb(left[: vm.start()])
        if not cand and _SHARED_SUBJECT.search(left[: vm.start()]):
            cand = _opening_subject(left)
        if not cand:
            continue
        if cand.split()[0].lower() in PRONOUNS:
            pronoun = pronoun or cand
            continue
        return cand
    return pronoun


# a name that opens the sentence as a modifier of what someone is: "The Late Show host", "Bar owner and friend Mike
# Cooperman"
_OPENING_ROLE = re.compile(r"(?P<np>(?:(?:the|The)\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?P<role>[a-z]+)(?:\s+and\s+[a-z]+)?"
                           r"(?:\s+(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*)?)")


def _opening_subject(left: str) -> str:
    """The name that opens the sentence ``left``, with the role it modifies when it is one ("The Late Show host"
    is an epithet, not the show; "Bar owner and friend Mike Cooperman" is Mike Cooperman), or ""."""
    opening = _OPENING_ADVERBIAL.sub("", left, count=1)
    role = _OPENING_ROLE.match(opening, len(opening) - len(opening.lstrip(" \t\"'\u201c\u2018(")))
    if role and (role.group("role") in TITLES or role.group("role") in WHAT_ONE_DOES):
        return role.group("np")
    sm = _OPENING_NAME.match(opening)
    return sm.group(1) if sm else ""


# a participle of saying after a comma, close before the quotation: its subject is the clause's it hangs on
_PARTICIPLE = re.compile(r",\s+(?:saying|adding|describing|calling|telling)\b[^,;:\u201c\u201d\"]{0,80}$")
_NAME_NP = r"(?P<np>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
# the reported speech's speaker: "LaCalamita said nothing, Pickell said, describing the suspect as ``...''"
_SAID_TAG = re.compile(rf"(?:^|[,\s])\s*{_NAME_NP}\s+(?:said|says|added|told\s+[\w.]+)\s*$")
# the last clause's subject: "..., but LaSalle refused to comply, saying"
_CLAUSE_SUBJECT = re.compile(rf"(?:,\s+(?:but|and|while)\s+|^\W*(?:But\s+|And\s+)?){_NAME_NP}\s+(?:\w+ly\s+)?"
                             r"[a-z][^,;:\u201c\u201d\"]*$")


def participle_subject(before: str) -> str:
    """Who a participle of saying after ``before`` has speak: the speaker of the reported speech it follows
    ("..., Pickell said, describing"), else the subject of the clause it hangs on ("but LaSalle refused to
    comply, saying"); "" when neither is a name (a pronoun or a common noun is left to the other rules)."""
    before = before.rstrip()
    m = _SAID_TAG.search(before) or _CLAUSE_SUBJECT.search(before)
    if not m or m.group("np").split()[0].lower() in PRONOUNS or m.group("np").split()[0] in ("The", "A", "An"):
        return ""
    return m.group("np")


# a passive verb and its agent: "was anointed a ``symbol of American style'' by Liz Tilberis", "was cited by
# the Nobel Committee as ``one of the most extraordinary examples ...''"
_PASSIVE_LEFT = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\b"
                           r"(?:\s+(?:as|a|an|the|his|her|its|their))*\s*$")
_BY_AFTER = re.compile(r"^\s*,?\s*by\s+(?P<np>(?:the\s+)?[A-Z][^,.;:\u201c\u201d\"]{1,60}?)"
                       r"(?=\s*(?:[,.;:]|$)|\s+(?:in|on|at|who|during|after|before|when|and)\b)")
_BY_BEFORE = re.compile(r"\b(?:was|were|is|are|been)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)\s+by\s+"
                        r"(?P<np>(?:the\s+)?[A-Z][^,\u201c\u201d\"]{1,60}?)\s+as(?:\s+(?:a|an|the))?\s*$")


def passive_agent(left: str, right: str) -> str:
    """The agent of a passive verb that introduces the quotation ("... by Liz Tilberis"), or ""."""
    m = _BY_AFTER.match(right) if _PASSIVE_LEFT.search(left) else None
    m = m or _BY_BEFORE.search(left)
    return m.group("np") if m else ""


def np_after_verb(right: str, verbs: Verbs = ENGLISH) -> str:
    """The speaker after a speech verb: '..., said Dr. Dan Geschwind, a neurologist' -> "Dr. Dan
    Geschwind, a neurologist" (a title's or an initial's period does not end it)."""
    m = verbs.at_start.match(right)
    if not m:
        return ""
    for stop in verbs.after_end.finditer(right, m.end()):
        if stop.group(0) == ".":
            token = _token_before(right, stop.start()).lower().rstrip(".")
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        return right[m.end():stop.start()].strip(" ,")
    return ""


def _token_before(text: str, end: int) -> str:
    """The word that ends at ``text[end]`` (letters and periods, as :func:`storylens.text.segment.token_before`
    reads them) in any script: "Calviño." is a word, not the initial "o."."""
    k = end
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    return text[k:end].lstrip(".")


_CLAUSE_WORDS = frozenset({"and", "but", "that", "as", "while", "because", "after", "before", "when", "if", "said",
                           "says", "told", "since", "where", "which", "what", "whether"})
# a name that opens the sentence, then two or three appositives in commas, then the verb
_NAME_WITH_APPOSITIVES = re.compile(r"(?:^|[.;!?]\s+)\W*(?:But\s+|And\s+)?"
                                    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,3})(?:,[^,\u201c\u201d\"]{2,80}){2,3},$")
_SUBJECT_STARTS = frozenset({"a", "an", "the", "he", "she", "they", "i", "we", "it"})


# the words that end a text, with an appositive after them: each word one way only (a capitalised or a lower-case
# one, taken whole, possessive), so that a text that ends otherwise fails in linear time.  "al-Assad", "the",
# "of", "a" were alternatives of their own too: every match they gave, the lower-case word gave first, and a run of
# such words backtracked through each of their combinations (200 us a call on DUC text)
_WORDS_AT_END = re.compile(r"((?:[A-Z][\w'’.-]*+|[a-z][\w'’-]*+)(?:[ \t]++(?:[A-Z][\w'’.-]*+|[a-z][\w'’-]*+))*+)"
                           r"(?P<app>,[^,\u201c\u201d\"]{2,120},)?$")


def speaker_before_verb(left: str) -> str:
    """The noun phrase that ends ``left`` (the subject of a following speech verb)."""
    left = left.rstrip()
    opening = _NAME_WITH_APPOSITIVES.search(left)
    if opening:  # "Jonathan Zuck, director of the Association ..., a trade group that includes Microsoft, said"
        return opening.group("name")
    # a relative clause whose subject is a pronoun: "the church, which he described as": he describes it
    rel = re.search(r"\b(?:which|that|whom)\s+(he|she|they|we)$", left)
    if rel:
        return rel.group(1)
    # a relative clause between subject and verb: "The former senator, who grew up in Washington, said"
    left = re.sub(r",\s*(?:who|which|whose)\b[^,\u201c\u201d\"]*,?$", "", left).rstrip()
    # skip a time or place adjunct between subject and verb: "Lavrov simply said", "the Kremlin Tuesday said"
    left = re.sub(r"\s+(?:simply|also|later|then|again|earlier|meanwhile|once|had|has|have|was|is|"
                  rf"today|yesterday|tonight|{WEEKDAY_PATTERN})$", "", left)
    left = re.sub(r"\s+(?:simply|also|later|then|again|earlier)$", "", left)
    # an appositive: "Ibrahim Abu Leith, spokesman for the Syrian Civil Defence in Aleppo," -> keep both parts
    m = _WORDS_AT_END.search(left)
    if not m:
        return ""
    toks = m.group(1).strip().split()
    # cut at the last clause word that cannot be inside a speaker phrase (an appositive's own words aside:
    # "Freeh, testifying before the panel, said")
    cut = 0
    for j, t in enumerate(toks):
        if t.lower() in _CLAUSE_WORDS:
            cut = j + 1
    toks = toks[cut:]
    if m.group("app") and toks:
        toks[-1] += m.group("app")[:1]
        toks += m.group("app")[1:].split()
    # the subject starts at a determiner or a capitalised word after any lowercase predicate words
    start = next((j for j, t in enumerate(toks) if t[:1].isupper() or t.lower() in _SUBJECT_STARTS), None)
    if start is None:
        return ""
    if start and toks[start - 1].lower() in ("for", "of", "representing") and toks[start - 1].islower():
        start = 0  # "lawyers for Marianne Gingrich charged": the lawyers speak
    # lowercase verbs in between ("Asked at the UN earlier whether the truce could be reinstated, Lavrov")
    joined = " ".join(toks[start:])
    if "," in joined and not re.search(r",[^,]{2,120},$", joined):
        joined = joined.rsplit(",", 1)[1].strip()
    return _after_sentence_end(joined)


def _ends_sentence(tail: str) -> bool:
    """Whether ``tail`` (the words between a speech verb and the quotation) ends a sentence: "Villarreal said
    in an interview Monday. ``...''" (not after "Dr." or an initial)."""
    m = re.search(r"\w([.!?])['\"\u201d\u2019)]*\s*$", tail)
    if not m:
        return False
    token = _token_before(tail, m.start(1) + 1).lower().rstrip(".")
    return m.group(1) != "." or (token not in ABBREVIATIONS and not (len(token) == 1 and token.isalpha()))


def _after_sentence_end(phrase: str) -> str:
    """The part of ``phrase`` after a sentence end the splitter missed ("Myanmar. Fatchett" -> "Fatchett"; not
    after "Dr." or an initial)."""
    cut = 0
    for m in re.finditer(r"[.!?]\s+(?=\w)", phrase):
        token = _token_before(phrase, m.start()).lower()
        if token not in ABBREVIATIONS and not (len(token) == 1 and token.isalpha()):
            cut = m.end()
    return phrase[cut:]
