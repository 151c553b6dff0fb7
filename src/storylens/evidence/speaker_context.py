"""Who "he said" is: the speaker of the quotation just before, or the one person the sentences before name.

A pronoun is resolved only when the text leaves one candidate (the previous quotation's speaker, the only person
the sentences before name as a subject, the only person the article has speak); otherwise it stays unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..models import Article
from ..prepare import PreparedDocument
from ..text.lexicon import DEMONYMS, SPEECH_VERBS, TITLES

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
            hits = [m.start() for k in self.keys.get(full, [full]) if k in self.text
                    for m in [re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", self.text)] if m]
            self.found[full] = min(hits, default=len(self.text) + 1)
        return self.found[full]

    def people(self, persons: dict[str, str]) -> list[str]:
        """The people the article names."""
        return sorted(p for p in set(persons.values()) if self.first(p) <= len(self.text))


_OBJECT_BEFORE = set("""by against with to for of on about from at into arrested charged accused killed met named
    visited told asked called thanked blamed criticized criticised interviewed saw sued fired hired replaced
    defeated beat attacked shot convicted sentenced""".split())


def as_object(sentence: str, full: str, persons: dict[str, str]) -> bool:
    """Whether every mention of the person in ``sentence`` is an object ("police arrested John Smith"),
    so that a following "he said" cannot be read as that person speaking."""
    keys = [k for k, v in persons.items() if v == full]
    seen = False
    for k in keys:
        for m in re.finditer(rf"(?<![\w-]){re.escape(k)}(?![\w-])", sentence):
            seen = True
            if re.search(r"(?:^|[,;:])\s*(?:[A-Z][\w'’.-]*\s+){0,6}$", sentence[: m.start()]):
                return False  # the name opens a clause: "At a speech on Tuesday, Kerry vowed"
            before = re.findall(r"[\w'’.-]+", sentence[: m.start()])
            while before and (before[-1].lower().rstrip(".") in TITLES or before[-1].lower() in DEMONYMS
                              or before[-1][:1].isupper() and before[-1] not in ("The", "A", "An")):
                before.pop()  # role words: "US Secretary of State John Kerry"
            if not before or before[-1].lower() not in _OBJECT_BEFORE:
                return False
    return seen


def named_in(sentence: str, persons: dict[str, str]) -> list[str]:
    """The people ``sentence`` names, by full name ("Bashar al-Assad" and "Assad" are one person)."""
    found = []
    for key, full in persons.items():
        # the plain substring test first: most names are nowhere in the sentence
        if key in sentence and full not in found and re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", sentence):
            found.append(full)
    return sorted(set(found))


_SUBJECT_NOUN = re.compile(r"^((?:An?|The)\s+[a-z][\w\s-]{2,60}?)\s+(?:confirmed|said|told|added|spoke|"
                           r"was|has|had|described|warned)\b")
_PRONOUN_SAID = re.compile(rf"\b(?:he|she)\s+(?:{_SPEECH})\b")


def from_context(found: Sequence[Found], doc: PreparedDocument, sent_start: int, persons: dict[str, str],
                 roles: dict[str, str]) -> tuple[str | None, str, str]:
    """Resolve "he said": the previous sentence's quote speaker, or its only named person. The resolution
    is "mention:<words>" when the sentence before names the speaker only by a common noun."""
    text = doc.text
    k = doc.sentences_ending_by(sent_start)
    if not k:
        return None, "", "unresolved"
    spans = [(s.start, s.end) for s in doc.sentences[max(0, k - 3):k]]
    # look back sentence by sentence while they only say "he said" (at most three)
    for prev in reversed(spans):
        for f in reversed(found):
            if f.line_end < prev[0]:
                break  # this quotation and every earlier one end before the sentence
            if prev[0] <= f.start < prev[1] or (f.start < sent_start and f.end >= prev[0] and f.start < prev[0]):
                if f.speaker:
                    return f.speaker, f.role, "context"
                return None, "", "mention:" + (f.mention or "")
        prev_text = text[prev[0]:prev[1]]
        named = named_in(prev_text, persons)
        if len(named) == 1 and not as_object(prev_text, named[0], persons):
            return named[0], roles.get(named[0], ""), "context"
        if named:
            break
        m = _SUBJECT_NOUN.match(prev_text)
        if m:
            return None, "", "mention:" + m.group(1)
        if not _PRONOUN_SAID.search(prev_text):
            break
    return None, "", "unresolved"


def nearest_speaker(found: Sequence[Found], doc: PreparedDocument, sent_start: int, persons: dict[str, str],
                    roles: dict[str, str], seen: FirstSeen) -> tuple[str | None, str, str]:
    """"he said" further back: the only person an article names, or the speaker of the last quotation
    before when nobody else is named in between (within a few paragraphs); else unresolved."""
    people = seen.people(persons)
    if len(people) == 1 and seen.first(people[0]) < sent_start and speaks(people[0], found, doc.text, persons):
        return people[0], roles.get(people[0], ""), "context"
    last = None
    for f in reversed(found):
        if sent_start - f.end > NEAREST_WITHIN:
            break
        if f.speaker and f.speaker in people:
            last = f
            break
    if last is None:
        return None, "", "unresolved"
    between = doc.text[last.end:sent_start]
    if any(p != last.speaker for p in named_in(between, persons)):
        return None, "", "unresolved"
    return last.speaker, last.role, "context"


def speaks(full: str, found: Sequence[Found], text: str, persons: dict[str, str]) -> bool:
    """Whether the article has ``full`` speak somewhere: a quotation of theirs, or a name before a speech
    verb ("Smith said"); a person only ever arrested, met or named is no speaker."""
    if any(f.speaker == full for f in found):
        return True
    keys = [re.escape(k) for k, v in persons.items() if v == full] or [re.escape(full)]
    return bool(re.search(rf"(?<![\w-])(?:{'|'.join(keys)})(?:,[^,]{{2,80}},)?\s+(?:\w+ly\s+)?(?:{_SPEECH})\b",
                          text))
