"""Who "he said" is: the speaker of the quotation just before, or the one person the sentences before name.

A pronoun is resolved only when the text leaves one candidate the pronoun fits (the previous quotation's
speaker, the person who speaks in the sentence before or the only one it names as a subject, the only person
the article has speak); otherwise it stays unresolved. "she" never goes to a man the text calls a man
(:mod:`.speaker_gender`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from ..models import Article
from ..prepare import PreparedDocument
from ..text.tfidf import STOPWORDS
from ..text.lexicon import DEMONYMS, ORG_WORDS, SPEECH_VERBS, TITLES
from .quote_spans import ADVERB
from .speaker_gender import Genders
from .speakers import EPITHETS, split_name_role

_SPEECH = SPEECH_VERBS
NEAREST_WITHIN = 2000  # characters back to the last quotation whose speaker a "he said" may continue


@dataclass(frozen=True)
class Found:
    """One quotation found in one article, with its speaker as far as it is known."""

    article: Article
    start: int
    end: int
    text: str
    speaker: str | None
    role: str
    resolution: str
    mention: str
    line_end: int  # where the quotation's paragraph ends


@dataclass(frozen=True)
class Pronoun:
    """The pronoun a quotation's speaker is given ("he", "she", "they"), where the quotation starts, and the
    sexes the article's text gives its people."""

    word: str
    at: int
    genders: Genders

    def fits(self, full: str) -> bool:
        return self.genders.compatible(full, self.word)


def word_spans(text: str, key: str) -> Iterator[tuple[int, int]]:
    r"""The spans where ``key`` stands in ``text`` as a whole word (no word character or hyphen touching
    it), left to right: ``re.finditer(r"(?<![\w-])KEY(?![\w-])")`` without compiling a pattern for every
    name (that evicts the ``re`` module's cache of the fixed patterns, which are then compiled again)."""
    at = text.find(key)
    while at >= 0:
        end = at + len(key)
        if not (at and _touches(text[at - 1])) and not (end < len(text) and _touches(text[end])):
            yield at, end
            at = text.find(key, end)
        else:
            at = text.find(key, at + 1)


def _touches(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


class FirstSeen:
    """Where an article first names each person or body (looked up once per name)."""

    def __init__(self, text: str, persons: dict[str, str], orgs: dict[str, str]) -> None:
        self.text = text
        self.keys: dict[str, list[str]] = {}
        for key, full in list(persons.items()) + list(orgs.items()):
            self.keys.setdefault(full, []).append(key)
        self.found: dict[str, int] = {}

    def first(self, full: str) -> int:
        if full not in self.found:
            hits = [span[0] for k in self.keys.get(full, [full]) if (span := next(word_spans(self.text, k), None))]
            self.found[full] = min(hits, default=len(self.text) + 1)
        return self.found[full]

    def people(self, persons: dict[str, str]) -> list[str]:
        """The people the article names."""
        return sorted(p for p in set(persons.values()) if self.first(p) <= len(self.text))


_OBJECT_BEFORE = set("""by against with to for of on about from at into over across in near under through
    between behind toward towards around inside outside beyond along arrested charged accused killed met named
    visited told asked called thanked blamed criticized criticised interviewed saw sued fired hired replaced
    defeated beat attacked shot convicted sentenced""".split())


def person_like(full: str) -> bool:
    """A "name" that opens with a function word ("Like David") is the entity list's mistake, not a person."""
    return bool(full.split()) and full.split()[0].lower() not in _NOT_NAME_STARTS


_NOT_NAME_STARTS = STOPWORDS | {"like", "unlike", "unless", "despite", "although", "though", "whether", "while",
                                "since", "without", "within", "upon", "toward", "towards", "across"}


def as_object(sentence: str, full: str, persons: dict[str, str]) -> bool:
    """Whether every mention of the person in ``sentence`` is an object ("police arrested John Smith"),
    so that a following "he said" cannot be read as that person speaking."""
    keys = [k for k, v in persons.items() if v == full]
    seen = False
    for k in keys:
        for start, end in word_spans(sentence, k):
            seen = True
            if re.search(r"(?:^|[,;:])\s*(?:[A-Z][\w'’.-]*\s+){0,6}$", sentence[:start]):
                return False  # the name opens a clause: "At a speech on Tuesday, Kerry vowed"
            if _WHO_AFTER.match(sentence, end):
                return False  # the subject of a clause of its own: "a surprise to Matthew O'Connor, who produced"
            before = re.findall(r"[\w'’.-]+", sentence[:start])
            while before and (before[-1].lower().rstrip(".") in TITLES or before[-1].lower() in DEMONYMS
                              or before[-1] in ("the", "a", "an")
                              or before[-1][:1].isupper() and before[-1] not in ("The", "A", "An")):
                before.pop()  # role words: "US Secretary of State John Kerry"
            if not before or before[-1].lower() not in _OBJECT_BEFORE:
                return False
    return seen


_WHO_AFTER = re.compile(r",\s+who\s+(?!(?:was|were|is|are|had\s+been|has\s+been)\b)")
# a name followed by an organisation word is part of a body's name: "a new Human Relations Commission"
_IN_BODY_NAME = re.compile(rf"\s+(?:{'|'.join(sorted(w.capitalize() for w in ORG_WORDS))})\b")


def named_in(sentence: str, persons: dict[str, str]) -> list[str]:
    """The people ``sentence`` names, by full name ("Bashar al-Assad" and "Assad" are one person); a name
    inside a body's name is not a mention of a person."""
    found = []
    for key, full in persons.items():
        # the plain substring test first: most names are nowhere in the sentence
        if key in sentence and full not in found and any(
                not _IN_BODY_NAME.match(sentence, end) for _, end in word_spans(sentence, key)):
            found.append(full)
    return sorted(set(found))


_SUBJECT_NOUN = re.compile(r"^((?:An?|The)\s+[a-z][\w\s-]{2,60}?)\s+(?:confirmed|said|told|added|spoke|"
                           r"was|has|had|described|warned)\b")
_ENDS_SENTENCE = re.compile(r"[.!?]['\"\u201d\u2019)]*\s+(?:``|''|[\"\u201c\u2018'])?$")
_PRONOUN_SAID = re.compile(rf"\b(?:he|she)\s+(?:{_SPEECH})\b")
_PRONOUN_SPEAKS = re.compile(rf"^\W*(?:[A-Z][^,]{{0,40}},\s+)?(?:He|She)\s+(?:\w+ly\s+)?(?:{_SPEECH})\b")
# reported speech with its speaker at the end: "..., the manhunt has had some results, Freeh told lawmakers."
_SPEAKER_AT_END = re.compile(rf",\s+(?P<np>(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*)\s+(?:{_SPEECH})\b"
                             r"[^,.;:\"\u201c\u201d]{0,40}[.!?]?['\"\u201d\u2019]*\s*$")
_SAYS_AT_END = re.compile(rf",\s+(?:{_SPEECH})\s+(?P<np>(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*)"
                          r"(?:,[^,.;:\"\u201c\u201d]{2,80})?[.!?]?['\"\u201d\u2019]*\s*$")
# a sentence whose subject is an epithet for someone named before: "The Pole, who ...", "The 35-year-old made"
_EPITHET_OPENS = re.compile(r"^\W*(?:[A-Z][^,]{0,40},\s+)?(?:The|the)\s+(?:[\w'’-]+\s+){0,2}?(?P<head>[\w-]+)"
                            r"(?:,|\s+(?:\w+ly\s+)?[a-z])")
#: a nationality as a noun, said of someone named before ("the Pole", "the Briton")
_NATIONALITY_NOUNS = frozenset("""pole briton frenchman frenchwoman englishman englishwoman scot welshman irishman
    dane swede finn spaniard dutchman norwegian german american australian canadian russian italian brazilian
    argentine argentinian mexican japanese spaniard portuguese belgian swiss austrian""".split())
_EPITHET_HEADS = EPITHETS | _NATIONALITY_NOUNS
_PRONOUN_OPENS = re.compile(r"^\W*(?:[A-Z][^,]{0,40},\s+)?(He|She)\s+(?:\w+ly\s+)?[a-z]")
# a sentence whose subject speaks: "Walton Ferrell, a spokesman for the museum, said the balloon ..."; one who
# "was asked" answers ("Epstein was asked if the team could sign him. ``I think so,'' he said.")
# (one or two appositives: "Roxanne Conlin, the party chairwoman in Iowa, where the caucuses are held, said")
_SPEECH_SUBJECT = re.compile(rf"^\W*(?:[A-Z][^,]{{0,40}},\s+)?"
                             rf"(?P<np>[A-Z][^,;:]{{1,60}}?(?:(?:,[^,]{{2,80}}){{1,2}},)?)"
                             rf"\s+{ADVERB}?(?:(?:was|were)\s+(?=asked\b))?(?:{_SPEECH})\b")


def speech_subject(sentence: str, persons: dict[str, str]) -> str | None:
    """The person of the story who is the subject of ``sentence``'s speech verb, or None: the sentence's
    subject, the speaker at its end, or else a person named right before a speech verb after an opening of
    several commas ("In a meeting with his counterpart, Wang Yi, in Beijing, Iran's Foreign Minister Mohammad
    Javad Zarif said ...")."""
    m = _SPEECH_SUBJECT.match(sentence) or _SPEAKER_AT_END.search(sentence) or _SAYS_AT_END.search(sentence)
    found = [m] if m else []
    if not m and "," in sentence:
        found = list(_NAME_SAID.finditer(sentence))[:1]
    for m in found:
        np = m.group("np").strip(" ,")
        name = persons.get(np) or persons.get(split_name_role(np)[0])
        if name and name in named_in(sentence, persons):
            return name
    return None


# a name right before a speech verb, after a comma: the verb's subject
_NAME_SAID = re.compile(rf",\s+(?:[^,]{{0,60}}?\s)?(?P<np>(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*)\s+{ADVERB}?"
                        rf"(?:{_SPEECH})\b")


def from_context(found: Sequence[Found], doc: PreparedDocument, sent_start: int, persons: dict[str, str],
                 roles: dict[str, str], pronoun: Pronoun,
                 subjects: dict[str, str] | None = None) -> tuple[str | None, str, str]:
    """Resolve "he said": the previous sentence's quote speaker, the person who speaks in it, or its only
    named person (one the pronoun fits), looking first at the words of the quotation's own sentence before
    it. The resolution is "mention:<words>" when the sentence before names the speaker only by a common
    noun. ``subjects``: the names a speaking subject may have (``persons`` when None)."""
    text = doc.text
    k = doc.sentences_ending_by(sent_start)
    spans = [(s.start, s.end) for s in doc.sentences[max(0, k - 3):k]] if k else []
    if pronoun.at - sent_start > 15 and _ENDS_SENTENCE.search(text, sent_start, pronoun.at):
        # the quotation opens a sentence the splitter did not cut: 'X said it would arrive. ``...,'' he said'
        spans.append((sent_start, pronoun.at))
    # look back sentence by sentence while they only say "he said" (at most three)
    for prev in reversed(spans):
        for f in reversed(found):
            if f.line_end < prev[0]:
                break  # this quotation and every earlier one end before the sentence
            if prev[0] <= f.start < prev[1] or (f.start < sent_start and f.end >= prev[0] and f.start < prev[0]):
                if not f.speaker:
                    return None, "", "mention:" + (f.mention or "")
                if pronoun.fits(f.speaker):
                    return f.speaker, f.role, "context"
                break  # a woman's quotation before "he said": look at whom the sentence names
        prev_text = text[prev[0]:prev[1]]
        if _PRONOUN_SPEAKS.match(prev_text):
            continue  # "He said Metallica had lost touch.": the same "he" speaks, the names are what he said
        opens = _PRONOUN_OPENS.match(prev_text)
        if opens and opens.group(1).lower() == pronoun.word:
            continue  # "He also criticized the policy outlined by Bush.": the same "he", Bush is no subject
        if (epithet := _EPITHET_OPENS.match(prev_text)) and epithet.group("head").lower() in _EPITHET_HEADS and \
                not named_in(prev_text, persons):
            continue  # "The Pole, who suffered a rally accident, made his comeback ...": the one named before
        subject = speech_subject(prev_text, subjects or persons)
        if subject and pronoun.fits(subject):
            return subject, roles.get(subject, ""), "context"
        named = [n for n in named_in(prev_text, persons) if not as_object(prev_text, n, persons)]
        fits = one_person([n for n in named if pronoun.fits(n) and person_like(n)])
        if len(fits) == 1:
            return fits[0], roles.get(fits[0], ""), "context"
        if named:
            break
        m = _SUBJECT_NOUN.match(prev_text)
        if m:
            return None, "", "mention:" + m.group(1)
        if not _PRONOUN_SAID.search(prev_text):
            break
    return None, "", "unresolved"


def one_person(names: list[str]) -> list[str]:
    """``names``, or the shortest full name among them when each is part of the longest: one person the entities
    read several ways ("Opoku Onyinah", "Apostle Opoku Onyinah", a title-case headline's "Apostle Opoku Onyinah
    Advise Christians")."""
    if len(names) < 2:
        return names
    longest = max(names, key=len)
    if not all(f" {n} " in f" {longest} " for n in names):
        return names
    return [min(names, key=lambda n: (len(n.split()) < 2, len(n), n))]


def nearest_speaker(found: Sequence[Found], doc: PreparedDocument, sent_start: int, persons: dict[str, str],
                    roles: dict[str, str], seen: FirstSeen, pronoun: Pronoun) -> tuple[str | None, str, str]:
    """"he said" further back: the only person an article names (that the pronoun fits), or the last one
    before who spoke (a quotation's speaker, or the subject of reported speech after it) that the pronoun fits,
    when nobody else it fits is named in between (within a few paragraphs); else unresolved."""
    k = doc.sentences_ending_by(sent_start)
    if _UNNAMED_SOURCE.search(doc.text, doc.sentences[k - 1].start if k else 0, max(sent_start, pronoun.at)):
        return None, "", "unresolved"  # "..., according to another person close to the case. ``...'' he said"
    people = [p for p in seen.people(persons) if pronoun.fits(p) and person_like(p)]
    if len(people) == 1 and seen.first(people[0]) < sent_start and speaks(people[0], found, doc.text, persons):
        return people[0], roles.get(people[0], ""), "context"
    last = next((f for f in reversed(found) if sent_start - f.end <= NEAREST_WITHIN and f.speaker in people), None)
    speaker, role, since = (last.speaker, last.role, last.end) if last else (None, "", sent_start - NEAREST_WITHIN)
    # reported speech after that quotation: "Mr Steele said the blaze was arson. Authorities did not know
    # whether Mrs Palin's ... ``It's hard to say,'' he said."
    for sent in reversed(doc.sentences[:k]):
        if sent.start < since:
            break
        subject = speech_subject(doc.text[sent.start:sent.end], persons)
        if subject in people:
            speaker, role, since = subject, roles.get(subject, ""), sent.end
            break
    if speaker is None:
        return None, "", "unresolved"
    between = doc.text[since:sent_start]
    if any(p != speaker and pronoun.fits(p) for p in named_in(between, persons)) or _NEWCOMER.search(between) or \
            _UNNAMED_SOURCE.search(doc.text, since, max(sent_start, pronoun.at)):
        return None, "", "unresolved"  # someone the pronoun may stand for is named or brought in between
    return speaker, role, "context"


# narration that brings in a source it does not name: "according to another person close to the case", "a
# diplomat said", "speaking on condition of anonymity"; a "he said" after it is that source's
_UNNAMED_SOURCE = re.compile(r"\b(?:according\s+to|said|told)\s+(?:a|an|another|one)\s+(?:[a-z][\w-]*\s+){0,3}?"
                             r"(?:person|source|official|officer|aide|diplomat|lawyer|spokesman|spokeswoman|"
                             r"witness|resident|analyst|executive|investigator|member|worker)s?\b|"
                             r"\b(?:A|An|Another|One)\s+(?:[a-z][\w-]*\s+){0,4}(?:said|says|told)\b|"
                             r"\bcondition\s+of\s+anonymity\b")


# a sentence that brings in someone new, unnamed: "A mom comes on stage, reaches over and slaps a guy."
_NEWCOMER = re.compile(r"(?:^|[.!?]['\"\u201d\u2019]*\s+)(?:A|An|Another)\s+[a-z]")


def continued_speaker(found: Sequence[Found], doc: PreparedDocument, at: int,
                      persons: dict[str, str]) -> Found | None:
    """The quotation whose speaker a paragraph that is all quotation, after a paragraph of narration, goes
    on: the last one before (within a few paragraphs), when the narration in between names nobody else."""
    last = found[-1] if found else None
    if last is None or not last.speaker or at - last.end > NEAREST_WITHIN:
        return None
    between = doc.text[last.end:at]
    if any(p != last.speaker for p in named_in(between, persons)) or _UNNAMED_SOURCE.search(between):
        return None
    return last


def speaks(full: str, found: Sequence[Found], text: str, persons: dict[str, str]) -> bool:
    """Whether the article has ``full`` speak somewhere: a quotation of theirs, or a name before a speech
    verb ("Smith said"); a person only ever arrested, met or named is no speaker."""
    if any(f.speaker == full for f in found):
        return True
    keys = [re.escape(k) for k, v in persons.items() if v == full] or [re.escape(full)]
    return bool(re.search(rf"(?<![\w-])(?:{'|'.join(keys)})(?:,[^,]{{2,80}},)?\s+(?:\w+ly\s+)?(?:{_SPEECH})\b",
                          text))
