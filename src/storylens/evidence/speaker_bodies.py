"""Bodies as speakers: "the council said", a body's document ("the submission said": the council that made
it), and "it said" after a body spoke.

A document's author is the body (or person) its phrase names ("the Amnesty statement", "a statement issued by
the Turkish Foreign Ministry"), or the one the sentence that last mentions the document names ("In a submission
to the U.N. team, the council said ..."); when that is not one body, the quotation stays unresolved.
"""

from __future__ import annotations

import re

from ..prepare import PreparedDocument
from ..text.lexicon import AGENCIES, DEMONYMS, ORG_WORDS, SPEECH_VERBS
from .quote_spans import ADVERB
from .speaker_context import FirstSeen, as_object, named_in
from .speakers import can_speak, resolve_speaker

#: what a body speaks through: "the report said", "the statement added"
DOCUMENT_NOUNS = ("statement", "report", "submission", "resolution", "letter", "study", "commentary", "document",
                  "communique", "declaration", "memo", "memorandum", "editorial", "release", "ruling",
                  "complaint", "petition", "filing", "notice", "proposal", "recommendation", "survey")
_NOUN = "|".join(DOCUMENT_NOUNS)
_DOCUMENT_PHRASE = re.compile(
    rf"^(?:(?:the|a|an|its|their|his|her)\s+|(?=[A-Z][\w'’.&-]*['’]s?\s))(?:(?P<owner>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){{0,4}}?)(?:['’]s)?\s+)?"
    rf"(?:[a-z]+\s+)?(?P<noun>{_NOUN})s?(?:,?\s+(?:(?:issued|released|signed|published|sent|faxed|made)\s+)?"
    r"(?:by|from)\s+(?P<by>[^,]{2,80}))?$", re.IGNORECASE)


def the_one_named(head: str, at: int, roles: dict[str, str], orgs: dict[str, str], seen: FirstSeen) -> str | None:
    """"the spokesman": the one person named with that role before ``at`` (``head`` may be several words:
    "prime minister"); "the council": the one body of that kind named before; else None."""
    cands = sorted({p for p, role in roles.items() if f" {head} " in f" {role.lower()} " and seen.first(p) < at})
    if not cands and head in ORG_WORDS:
        cands = sorted({o for o in set(orgs.values()) if head in o.lower().split() and seen.first(o) < at})
    return cands[0] if len(cands) == 1 else None


def document_author(np: str, doc: PreparedDocument, at: int, persons: dict[str, str], orgs: dict[str, str],
                    roles: dict[str, str], seen: FirstSeen) -> str | None:
    """Who speaks through the document ``np`` names ("the submission"), or None (not a document, or no
    single author in the text before ``at``)."""
    m = _DOCUMENT_PHRASE.match(np.strip())
    if not m:
        return None
    owner = m.group("owner") if m.group("owner") and m.group("owner").lower() not in DEMONYMS else None
    for part in (m.group("by"), owner):
        if part:
            named = _named_speaker(re.sub(r"['’]s?$", "", part), persons, orgs, roles, at, seen)
            if named:
                return named
    if owner or m.group("by"):
        return None  # it names someone we cannot resolve: "a statement from the parents"
    # "the Indian statement": a nationality is no author; the mention before names who made it
    return _author_in_mention(m.group("noun").lower(), doc, at, persons, orgs, roles, seen)


def _named_speaker(part: str, persons: dict[str, str], orgs: dict[str, str], roles: dict[str, str], at: int,
                   seen: FirstSeen) -> str | None:
    """Who ``part`` names: a body by its name ("the Turkish Foreign Ministry", "Amnesty"), "the council"
    (the one the article names before), or a person."""
    part = part.strip()
    bare = re.sub(r"^(?:the|The)\s+", "", part)
    if bare[:1].isupper():
        if bare in orgs:
            return _as_written(bare, orgs, seen.text) or orgs[bare]
        ending = [k for k in orgs if len(k.split()) > 1 and bare.endswith(" " + k)
                  and any(w.islower() for w in bare[:-len(k)].split())]
        if ending:  # a body after its description: "UK chip designer Imagination Technologies Group Plc"
            return orgs[max(ending, key=len)]
        longer = _as_written(bare, {**persons, **orgs}, seen.text, bare + " ")
        if longer:  # "the Amnesty statement" where the article names Amnesty International
            return longer
        tail = bare.split(" ", 1)[1] if " " in bare else ""
        if tail in orgs and orgs[tail] == tail and len(tail.split()) > 1:
            return bare  # one word the entities cut: "the All Burma Students Democratic Front"
        speaker, _, _ = resolve_speaker(bare, persons, roles)
        if speaker:
            return speaker
    low = part.lower()
    if low.startswith("the ") and low.split()[-1] in ORG_WORDS:
        return the_one_named(low.split()[-1], at, roles, orgs, seen)
    return resolve_speaker(part, persons, roles)[0]


def _as_written(name: str, names: dict[str, str], text: str, prefix: str = "") -> str | None:
    """The longest name of the body the article writes that starts with ``name`` ("Amnesty" -> "Amnesty
    International" where the entities know "Amnesty International Charity Ltd"), or None. With ``prefix``,
    any entity's name that starts with it."""
    cands = [k for k in names if (k.startswith(prefix) if prefix else k.startswith(name) and names[k] == names[name])
             and k in text and re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", text)]
    return max(cands, key=lambda k: (len(k.split()), k)) if cands else None


# where the author's phrase after "a report by" ends: a verb or a clause
_BY_END = r"(?=\s+(?:was|were|is|are|has|have|had|said|says|that|which|who|to|on|in|at|describes|accuses)\b|[,.;]|$)"
_DETERMINERS = ("The", "A", "An", "In", "Its", "Their", "His", "Her")


def _author_in_mention(noun: str, doc: PreparedDocument, at: int, persons: dict[str, str], orgs: dict[str, str],
                       roles: dict[str, str], seen: FirstSeen) -> str | None:
    """The author the text gives the document where it last introduces it before ``at``: "a Turkish Foreign
    Ministry statement", "a report by ...", or the one body or person named as a subject in the sentence
    ("In a submission to the U.N. team, the council said ..."). A sentence that only refers back to it ("the
    statement added") is passed over."""
    k = doc.sentences_ending_by(at)
    spans = [(s.start, s.end) for s in doc.sentences[max(0, k - 8):k]]
    here = doc.sentence_at(at)
    if here is not None:
        spans.append((doc.sentences[here].start, at))  # the quotation's own sentence, up to it
    mention = re.compile(rf"\b(?:(?P<owner>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){{0,4}})(?:['’]s)?\s+|"
                         rf"(?P<det>\w+)\s+)(?:[a-z]+\s+)?(?i:{noun})s?\b(?!\s+(?:that|which)\b)(?:,?\s+(?:(?:issued|released|signed|"
                         r"published|sent|faxed|made)\s+)?(?:by|from)\s+(?P<by>[^,.;]{2,60}?)" + _BY_END + ")?")
    for start, end in reversed(spans):
        sentence = doc.text[start:end]
        found = list(mention.finditer(sentence))
        if not found:
            continue
        for m in found:
            owner = m.group("by") or _owner(m.group("owner"))
            if owner:
                return _named_speaker(owner, persons, orgs, roles, at, seen)
        if all((m.group("det") or m.group("owner") or "").lower() == "the" or
               (not m.group("by") and _nationality(m.group("owner"))) for m in found):
            # "The statement added that ...", "the Indian statement said": a reference back, not where it is
            # introduced
            continue
        authors = set(bodies_in(sentence, orgs, at, roles, seen))
        authors.update(p for p in named_in(sentence, persons) if not as_object(sentence, p, persons))
        return authors.pop() if len(authors) == 1 else None
    return None


def _written(full: str, orgs: dict[str, str], text: str) -> str:
    """A body's name as the article writes it: its full name, or where the article never writes that (the
    entities met "Amnesty International Charity Ltd" in another report), the longest of its names it does."""
    if re.search(rf"(?<![\w-]){re.escape(full)}(?![\w-])", text):
        return full
    return _as_written(next((k for k, v in orgs.items() if v == full and k in text), full), orgs, text) or full


def _owner(words: str | None) -> str | None:
    """The owner a document's mention names ("the Amnesty statement"): none for a determiner or a nationality
    ("The Indian statement")."""
    owner = re.sub(rf"^(?:{'|'.join(_DETERMINERS)})\s+", "", words or "")
    return owner if owner and owner not in _DETERMINERS and not _nationality(owner) else None


def _nationality(words: str | None) -> bool:
    """Whether ``words`` are a nationality alone, after any determiner ("The Indian")."""
    return re.sub(rf"^(?:{'|'.join(_DETERMINERS)})\s+", "", words or "").lower() in DEMONYMS


def bodies_in(sentence: str, orgs: dict[str, str], at: int, roles: dict[str, str], seen: FirstSeen) -> list[str]:
    """The bodies ``sentence`` names (news agencies aside): by name, or as "the council" where the article
    names one council before ``at``."""
    found = {_written(full, orgs, seen.text) for key, full in orgs.items() if key in sentence and not _agency(full)
             and any(not _after_preposition(sentence, m.start())
                     for m in re.finditer(rf"(?<![\w-]){re.escape(key)}(?![\w-]|\s+[A-Z])", sentence)
                     if not re.search(r"[A-Z][\w'’.-]*\s+$", sentence[max(0, m.start() - 30):m.start()]))}
    for m in re.finditer(r"\bthe\s+([a-z]+)\b", sentence, re.IGNORECASE):
        if m.group(1).lower() in ORG_WORDS and not _after_preposition(sentence, m.start()):
            one = the_one_named(m.group(1).lower(), at, roles, orgs, seen)
            if one:
                found.add(one)
    # a body named inside a longer one counts once: "Council" and "International Council"
    return sorted(b for b in found if not any(b != o and b in o for o in found))


_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|to|by|for|with|from|at|on|into|against|about|over|under|"
                                 r"between|through|across)\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}$",
                                 re.IGNORECASE)


def _after_preposition(sentence: str, at: int) -> bool:
    """Whether the name at ``at`` is the object of a preposition ("the obesity issue of JAMA"), not a subject."""
    return bool(_PREPOSITION_BEFORE.search(sentence, max(0, at - 60), at))


def _agency(name: str) -> bool:
    """A news agency ("Australian Associated Press", "Cyprus News Agency"): it reports what others say, it is
    not their author."""
    low = f" {name.lower()} "
    return any(f" {a} " in low for a in AGENCIES) or bool(re.search(r" (?:news|press) agency | press $", low))


_BODY_SPEAKS = re.compile(rf"^\W*(?:[A-Z][^,]{{0,40}},\s+)?(?P<np>[^,;:]{{2,80}}?)(?:,[^,;:]{{2,60}},)?\s+{ADVERB}?"
                          rf"(?:{SPEECH_VERBS}|reported|announced|found|concluded)\b")

# the body after what it reported, at the sentence's end: "Some 70,000 people have fled, Amnesty International said."
_BODY_AT_END = re.compile(rf",\s+(?P<np>(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){{0,5}})\s+(?:{SPEECH_VERBS})\b"
                          r"[^,.;:\"\u201c\u201d]{0,40}[.!?]?\s*['\"\u201d\u2019`]*\s*$")


#: a picture's credit in brackets glued before the sentence
_CREDIT_BEFORE = re.compile(r"^\s*\([^()]{2,80}\)\s*")


def body_before(doc: PreparedDocument, sent_start: int, persons: dict[str, str], orgs: dict[str, str],
                roles: dict[str, str], seen: FirstSeen) -> str | None:
    """"it said": the body (or document's author) that is the speaking subject of the sentence before."""
    k = doc.sentences_ending_by(sent_start)
    if not k:
        return None
    prev = doc.sentences[k - 1]
    return body_speaking(doc, prev.start, prev.end, persons, orgs, roles, seen)


def body_speaking(doc: PreparedDocument, start: int, end: int, persons: dict[str, str], orgs: dict[str, str],
                  roles: dict[str, str], seen: FirstSeen) -> str | None:
    """The body (or document's author) that is the speaking subject of the sentence ``doc.text[start:end]``."""
    sentence = _CREDIT_BEFORE.sub("", doc.text[start:end])  # "(Image source: Bloomberg) UK chip designer ..."
    for m in (_BODY_SPEAKS.match(sentence), _BODY_AT_END.search(sentence)):
        if not m:
            continue
        np = re.sub(r"^(?:But|And|So|Yet|Meanwhile|However),?\s+", "", m.group("np").strip())
        body = _named_speaker(np, persons, orgs, roles, end, seen)
        if body is None:
            body = document_author(np, doc, start, persons, orgs, roles, seen)
        if body and not can_speak(re.sub(r"^(?:the|The)\s+", "", body)):
            return None  # a place ("The United States said in a statement"): no speaker, as anywhere else
        if body:
            return body if body not in persons.values() else None
    return None
