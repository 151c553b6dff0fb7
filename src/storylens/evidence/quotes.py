"""Direct quotations, who said them, and the outlets that carry them.

The speaker is read from the words beside the quote ('..., said Kremlin
spokesman Dmitry Peskov', 'Lavrov simply said: "..."'); a name is split from
its role ("US ambassador to the United Nations" / "Samantha Power").  A
pronoun ("he said") or a bare title ("the spokesman") is resolved from the
sentences before when they name exactly one candidate; otherwise the quote
is marked unresolved (speaker ``None``), never guessed.

The parts: :mod:`.quote_spans` (where quotations are), :mod:`.quote_attribution` (the speaker phrase beside one),
:mod:`.speakers` (who a phrase names), :mod:`.speaker_context` ("he said") and :mod:`.quote_rank` (one entry
per quotation across reports, and their order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from ..models import Article, Citation, Quote
from ..prepare import PreparedDocument, prepare_documents
from ..text.language import detect_language
from ..text.lexicon import ORG_WORDS
from ..text.segment import words
from .quote_attribution import CREDIT, PRONOUNS, Verbs, passive_agent, phrase_after, phrase_before, \
    speaker_before_verb, verbs_for
from .quote_lines import colon_subject, intro_line, quotation_paragraphs, without_credit
from .quote_rank import KeyIndex, QuoteKey, rank_quotes
from .quote_spans import ADVERB, CLOSING_AT_START, EARLIER_QUOTES, FOREIGN_MARKS, OPENING_AT_END, OPENING_MARKS, \
    first_sentence, is_title_of_work, quote_spans
from .speaker_bodies import DOCUMENT_NOUNS, body_before, body_speaking, document_author, the_one_named
from .speaker_context import NEAREST_WITHIN, FirstSeen, Found, Pronoun, continued_speaker, from_context, \
    named_in, nearest_speaker, one_person, person_like, speech_subject
from .speaker_gender import Genders
from .speakers import DESCRIPTORS, body_name, can_speak, clean_role, epithet_head, epithet_pronoun, fits_trade, \
    headline_glued, person_roles, resolve_speaker, split_name_role, untitled

MIN_WORDS = 3  # "a watershed event": a short quoted phrase is still somebody's words


@dataclass
class _Reading:
    """One article read for its quotations: the story's people, roles and bodies, and the quotations so far."""

    doc: PreparedDocument
    persons: dict[str, str]
    roles: dict[str, str]
    orgs: dict[str, str]
    seen: FirstSeen
    genders: Genders
    verbs: Verbs
    found: list[Found] = field(default_factory=list)
    surnames: dict[str, str] | None = None  # a surname -> the one person this article names in full with it


def find_quotes(doc: PreparedDocument, persons: dict[str, str], roles: dict[str, str],
                orgs: dict[str, str] | None = None) -> list[Found]:
    """Quotations of one prepared article with their speakers, in text order."""
    orgs = orgs or {}
    r = _Reading(doc, persons, roles, orgs, FirstSeen(doc.text, persons, orgs), Genders(doc.text, persons),
                 verbs_for(_language(doc)))
    prev_line_quote: Found | None = None
    for line_start, line in quotation_paragraphs(doc.text):
        this_line_quote: Found | None = None
        title_end = -1
        for qs, qe in quote_spans(line):
            qe = without_credit(line, qs, qe)
            if qs < title_end:
                continue  # marks inside a title are part of it
            if is_title_of_work(line, qs, qe) and not _attributed(line, qs, qe):
                title_end = qe
                continue
            qtext = line[qs:qe].strip().rstrip(",").strip()
            if not _long_enough(qtext):
                if qs <= 2 and this_line_quote is None and \
                        (short := _quotation(r, line, line_start, (qs, qe), qtext, None, None)).resolution == "named":
                    this_line_quote = short  # '"Absolutely not," O'Connor said.' is no quotation, but names who
                continue  # goes on speaking in the paragraph after
            f = _quotation(r, line, line_start, (qs, qe), qtext, this_line_quote, prev_line_quote)
            r.found.append(f)
            this_line_quote = f
        prev_line_quote = this_line_quote
    return r.found


def _quotation(r: _Reading, line: str, line_start: int, span: tuple[int, int], qtext: str,
               this_line_quote: Found | None, prev_line_quote: Found | None) -> Found:
    """One quotation of a paragraph with its speaker: named beside it, or continued from the paragraph's
    earlier quotation or the previous paragraph's."""
    doc, text = r.doc, r.doc.text
    qs, qe = span
    abs_s, abs_e = line_start + qs, line_start + qe
    at = doc.sentence_at(abs_s)
    sent_start = doc.sentences[at].start if at is not None else line_start
    s_start = min(sent_start, max(abs_s - 2, line_start))
    left = OPENING_AT_END.sub("", text[s_start:abs_s]).rstrip()
    if not left and qs <= 2:
        left = intro_line(text, line_start)
    after = CLOSING_AT_START.sub("", text[abs_e: line_start + len(line)])
    right = after if CREDIT.match(after) else first_sentence(after)  # "(Yahoo! News article)" is one credit
    np = passive_agent(left, right) or phrase_after(right, qtext, line[qs:qe].strip().endswith(","), r.verbs) or \
        phrase_before(left, r.verbs, right)
    np = np.strip(" ,")
    if not np and (opener := colon_subject(left)) and \
            (_speaker_for(r, opener, sent_start, abs_s)[0] or "") in r.persons.values():
        np = opener  # "Andrew Wetzler, director of the program, was blunt: ``We will see them in court.''"
    if not np and (colon := _NAME_COLON.search(left)) and colon.group("np") in r.persons:
        np = colon.group("np")  # a transcript: "Roseanne: ``...'' Flowers: ``With me, he had it all!''"
    speaker, role, resolution, mention = None, "", "unresolved", ""
    if np:
        speaker, role, resolution, mention = _speaker_for(r, np, sent_start, abs_s)
    elif (far := _far_subject(r, left, right, sent_start, abs_s)) is not None:
        speaker, role, resolution, mention = far
    elif this_line_quote is not None and this_line_quote.speaker and \
            not _someone_else(r, this_line_quote, abs_s):
        # a second quotation in the same paragraph, with no speaker of its own, goes on the first's
        speaker, role, resolution = this_line_quote.speaker, this_line_quote.role, "context"
    elif prev_line_quote is not None and line.lstrip()[:1] in OPENING_MARKS and qs <= 2:
        # a paragraph that is all quotation continues the previous paragraph's speaker
        speaker, role = prev_line_quote.speaker, prev_line_quote.role
        resolution = "context" if speaker else "unresolved"
        mention = prev_line_quote.mention
    elif line.lstrip()[:1] in OPENING_MARKS and qs <= 2 and _all_quotation(line[qe:]) and \
            (last := continued_speaker(r.found, doc, abs_s, r.persons)) is not None:
        # a paragraph that is all quotation after narration that names nobody else: the last speaker goes on
        speaker, role, resolution = last.speaker, last.role, "context"
    elif (subject := _subject_before(r, left, sent_start, qtext)) is not None:
        speaker, role, resolution = subject, r.roles.get(subject, ""), "context"
    elif not left.strip() and (issuer := _statement_issuer(r, sent_start, abs_s)) is not None:
        speaker, role, resolution = issuer, r.roles.get(issuer, ""), "context"
    elif (before := phrase_before(left, r.verbs, right, across_end=True).strip(" ,")):
        # the speaker of the sentence the quotation follows, when nothing closer names one
        speaker, role, resolution, mention = _speaker_for(r, before, sent_start, abs_s)
    return Found(doc.article, abs_s, abs_e, qtext, speaker, role, resolution, mention, line_start + len(line))


def _speaker_for(r: _Reading, np: str, sent_start: int, at: int) -> tuple[str | None, str, str, str]:
    """``(speaker, role, resolution, mention)`` for the speaker phrase ``np`` of a quotation at ``at``."""
    first = np.split()[0].lower()
    if first in PRONOUNS and len(np.split()) <= 2:
        mention = np.split()[0]
        if first == "it" and _IT_NEARER.search(r.doc.text, sent_start, at):
            return None, "", "unresolved", mention
        speaker, role, resolution = _in_context(r, first, sent_start, at)
        if speaker is None and first == "it":
            if _SENTENCE_BEFORE.search(r.doc.text, sent_start, at):  # the splitter joined it to the sentence
                speaker = body_speaking(r.doc, sent_start, at, r.persons, r.orgs, r.roles, r.seen)
            speaker = speaker or body_before(r.doc, sent_start, r.persons, r.orgs, r.roles, r.seen)
            if speaker:
                return _full_name(r, speaker), "", "context", mention
        if speaker is not None and not person_like(speaker):
            speaker, role, resolution = None, "", "unresolved"
        if speaker is None and resolution.startswith("mention:"):
            mention = resolution.split(":", 1)[1]
            resolution = "unresolved"
        return speaker, role, resolution, mention
    if _CJK_NAME.fullmatch(np):
        return np, "", "named", ""  # a name in Chinese or Japanese script: no capitals to split a role by
    if headline_glued(np):  # "Heidi Is Separated From Her Husband Due To Coronavirus Heidi wrote": Heidi Klum
        full = _the_one_given_name(r, np.split()[-1])
        return (full, r.roles.get(full, ""), "named", "") if " " in full else (None, "", "unresolved", np)
    surname = _the_one_surname(r, np)
    if surname:
        return surname, r.roles.get(surname, ""), "named", ""
    speaker, role, resolution = resolve_speaker(np, r.persons, r.roles)
    if speaker is not None:
        return _full_name(r, _the_one_given_name(r, speaker)), role, resolution, ""
    role = clean_role(np)
    speaker = document_author(role, r.doc, at, r.persons, r.orgs, r.roles, r.seen)
    if speaker is None and role.lower().startswith(("the ", "her ", "his ", "their ")):
        # "said the prime minister, without elaborating": the role before any comma, in full, then its noun;
        # "her rep told Us": the one rep the article names
        words = role.split(",")[0].lower().split()[1:]
        for head in dict.fromkeys([" ".join(words), words[-1]] if words else []):
            speaker = speaker or the_one_named(head, at, r.roles, r.orgs, r.seen)
        if speaker and words and words[-1] in DESCRIPTORS and not _just_named(r, speaker, sent_start):
            speaker = None  # "the actor tweeted": one the article has just named, not any actor it named
    if speaker is None:
        speaker = _referred_back(r, role, at)
    if speaker is None and (word := epithet_pronoun(role)) is not None:
        # "the Taradise star said": the one the sentences before name, as "she said" would be
        speaker = _in_context(r, word, sent_start, at)[0]
        speaker = speaker if speaker and person_like(speaker) and not _a_body(r, speaker, by_name=True) and \
            fits_trade(epithet_head(role) or "", r.roles.get(speaker, "")) else None
    speaker = _full_name(r, speaker) if speaker else None
    return speaker, role, "context" if speaker else "unresolved", np


def _in_context(r: _Reading, word: str, sent_start: int, at: int) -> tuple[str | None, str, str]:
    """``(speaker, role, resolution)`` for a pronoun (or an epithet read as one) whose quotation is at ``at``: the
    speaker of the sentences before, or the last one before who spoke that it fits."""
    pronoun = Pronoun(word, at, r.genders)
    persons = _with_speakers(r, r.found)
    speaker, role, resolution = from_context(r.found, r.doc, sent_start, persons, r.roles, pronoun,
                                             subjects=_with_surnames(r, persons))
    if speaker is None and resolution == "unresolved" and word in ("he", "she", "one"):
        speaker, role, resolution = nearest_speaker(r.found, r.doc, sent_start, persons, r.roles, r.seen, pronoun)
    return speaker, role, resolution


#: a thing of its own sentence that "it" stands for: "Though the newspaper doesn't cite its source, it stated
#: that ...": not the body the sentence before names
_IT_NEARER = re.compile(r"\b[Tt]he\s+(?:newspaper|paper|magazine|report|study|survey|agency|website|site|station|"
                        r"network|channel|letter|document|statement|company|firm)\b[^.!?]*\bit\s+\w+")


def _just_named(r: _Reading, full: str, sent_start: int) -> bool:
    """Whether ``full`` spoke in the quotation just before or is named in the sentence before ``sent_start``."""
    last = r.found[-1] if r.found else None
    if last and last.speaker and last.speaker.split()[-1] == full.split()[-1] and \
            sent_start - last.end < NEAREST_WITHIN // 4:
        return True
    k = r.doc.sentences_ending_by(sent_start)
    return bool(k) and full in named_in(r.doc.text[r.doc.sentences[k - 1].start:sent_start], r.persons)


def _with_surnames(r: _Reading, persons: dict[str, str]) -> dict[str, str]:
    """``persons`` with the surnames that only one person this article names in full has (the story has Al
    and Tipper Gore, this article only Al): who "Gore said" is, as the subject of a speech verb."""
    if r.surnames is None:
        by_surname: dict[str, set[str]] = {}
        for p in r.seen.people(r.persons):
            if len(p.split()) > 1:
                by_surname.setdefault(p.split()[-1], set()).add(p)
        r.surnames = {k: next(iter(v)) for k, v in by_surname.items() if len(v) == 1 and k not in r.persons}
    return {**r.surnames, **persons}


def _with_speakers(r: _Reading, found: Sequence[Found]) -> dict[str, str]:
    """The story's people and the people this article's quotations were already given, with their surnames
    ("said Lt. Mike Stevens of the North Carolina Wildlife Commission" makes "Stevens said" a person the
    entities may have missed); a name the story already gives someone else is left to them."""
    out = dict(r.persons)
    for f in found:
        if f.speaker and f.speaker not in out and person_like(f.speaker) and \
                not any(t in ORG_WORDS for t in f.speaker.lower().split()):
            out[f.speaker] = f.speaker
            if len(f.speaker.split()) > 1:
                out.setdefault(f.speaker.split()[-1], f.speaker)
    return out


def _subject_before(r: _Reading, left: str, sent_start: int, qtext: str) -> str | None:
    """A whole sentence of quotation with no attribution right after a sentence whose subject, a person the
    story names, speaks ("Lars Ulrich said the band would sue. ``We take our craft seriously.''"): that person."""
    before = left.strip()
    if not re.search(r"[.!?]$", qtext.strip()):
        return None
    if before and re.search(r"[.!?]['\"\u201d\u2019)]*$", before):
        prev = before  # the splitter joined the quotation to the sentence before
    elif not before:
        k = r.doc.sentences_ending_by(sent_start)
        prev = r.doc.text[r.doc.sentences[k - 1].start:r.doc.sentences[k - 1].end] if k else ""
    else:
        return None
    if EARLIER_QUOTES.search(prev):
        return None  # the sentence before holds quotations of its own: their attribution is read there
    if (doc_end := _DOCUMENT_AT_END.search(prev)) is not None:
        return document_author(doc_end.group("np"), r.doc, sent_start, r.persons, r.orgs, r.roles, r.seen)
    return speech_subject(prev, r.persons)


# a named body's document that ends the sentence before: "..., a Defence Ministry statement said."
_DOCUMENT_AT_END = re.compile(r",\s+(?P<np>(?:a|an|the)\s+(?:[A-Z][\w'’.&-]*\s+){1,4}(?:statement|report|communique|"
                              r"release|letter))\s+(?:said|says|added|stated)\.?['\"\u201d\u2019]*\s*$")



_NAME_COLON = re.compile(r"(?:^|[.!?]['\"\u201d\u2019]*\s+)\W*(?P<np>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\s*:\s*$")
_RELEASED = re.compile(rf"\s+{ADVERB}?(?:released|issued|put\s+out|read\s+out|sent\s+out)\s+(?:a|an)\s+"
                       r"(?:[\w-]+\s+){0,2}?(?:statement|communique)(?:\s+(?:on|late|early)\s+[\w\s]{2,30}?)?"
                       r"\s*[.:]['\"\u201d\u2019]*\s*$")


def _statement_issuer(r: _Reading, sent_start: int, at: int) -> str | None:
    """A quotation that opens its sentence right after "the Kennedy family released a statement.": the one
    who released it, when a person or body the story names (or a family)."""
    k = r.doc.sentences_ending_by(sent_start)
    if not k:
        return None
    prev = r.doc.text[r.doc.sentences[k - 1].start:r.doc.sentences[k - 1].end]
    m = _RELEASED.search(prev)
    if not m or EARLIER_QUOTES.search(prev):
        return None
    np = speaker_before_verb(prev[:m.start()])
    if not np or np.split()[0].lower() in PRONOUNS:
        return None
    speaker, _, resolution, _ = _speaker_for(r, np, sent_start, at)
    return speaker if resolution == "named" else None


FAR_REACH = 320  # characters a speech verb may stand before a partial quotation of the person it names


def _far_subject(r: _Reading, left: str, right: str, sent_start: int,
                 at: int) -> tuple[str | None, str, str, str] | None:
    """A partial quotation far into its sentence ('Lessig noted that the court was ruling on ..., so there was
    ``no reason ...``'): the sentence's speaking subject, only when that is a person the story names or a name
    that opens the sentence ("Amnesty called on the authorities ... to release anyone detained for ``...``")."""
    far = phrase_before(left, r.verbs, right, reach=FAR_REACH).strip(" ,")
    if not far:
        return None
    speaker, role, resolution, mention = _speaker_for(r, far, sent_start, at)
    opens = re.match(rf"^\W*(?:But\s+|And\s+)?(?:the\s+|The\s+)?{re.escape(far.split()[0])}", left) and \
        far[:1].isupper() and len(speaker or "") > 1
    return (speaker, role, resolution, mention) if speaker in r.persons.values() or (speaker and opens) else None


#: what a body is called when it is referred back to ("the organization added", "the group said")
_BODY_NOUNS = frozenset("""organization organisation group agency company firm party ministry department
    government office union federation association alliance movement front council committee commission""".split())
_REFERENCE = re.compile(r"^the\s+(?:[\w-]+\s+){0,4}?(?P<noun>[a-z]+)$", re.IGNORECASE)


def _referred_back(r: _Reading, role: str, at: int) -> str | None:
    """"the organization added", "the statement said": the speaker of the quotation just before (within the
    sentence before), when that is a body (for a body noun), or when its attribution names the document (for a
    document noun: 'Amnesty said in a statement'), and nobody else is named in between; else None."""
    m = _REFERENCE.match(role.strip())
    if not m:
        return None
    noun = m.group("noun").lower()
    last = r.found[-1] if r.found else None
    k = r.doc.sentences_ending_by(at)
    since = r.doc.sentences[k - 2].start if k >= 2 else 0
    if last is None or not last.speaker or last.end < since:
        return _body_spoke_before(r, noun, at)
    if _someone_else(r, last, at):
        return None
    if noun in _BODY_NOUNS:
        return last.speaker if _a_body(r, last.speaker) else None
    if noun in DOCUMENT_NOUNS:
        return last.speaker if _through_document(r.doc.text[max(0, last.start - 200):at], noun) else None
    return None


def _body_spoke_before(r: _Reading, noun: str, at: int) -> str | None:
    """"``...'' the group said." after a sentence with no quotation whose speaking subject is a body ("the All
    Burma Students Democratic Front, an exiles group, said the junta had arrested ..."): that body; for a
    document noun only when that sentence says it spoke through one ("The United States said in a
    statement ...")."""
    here = r.doc.sentence_at(at)
    start = r.doc.sentences[here].start if here is not None else at
    if _SENTENCE_BEFORE.search(r.doc.text, start, at):
        span = (start, at)  # the splitter joined the quotation to the sentence before
    elif (k := r.doc.sentences_ending_by(at)):
        span = (r.doc.sentences[k - 1].start, r.doc.sentences[k - 1].end)
    else:
        return None
    prev = r.doc.text[span[0]:span[1]]
    if EARLIER_QUOTES.search(prev) or not (noun in _BODY_NOUNS or noun in _ISSUED or _through_document(prev, noun)):
        return None
    return body_speaking(r.doc, *span, r.persons, r.orgs, r.roles, r.seen)


#: what a body (not a person) speaks through without the sentence saying so: "But the Foreign Ministry said it
#: would work to keep good relations. ``...'' the statement said."
_ISSUED = ("statement", "communique")


_SENTENCE_BEFORE = re.compile(r"\w[.!?]['\"\u201d\u2019)]*\s+(?:``|''|[\"\u201c\u2018'])?$")


def _through_document(said: str, noun: str) -> bool:
    """Whether ``said`` has its subject speak through a document called ``noun`` ("said in a statement")."""
    return noun in DOCUMENT_NOUNS and bool(
        re.search(rf"\b(?:in|through)\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}{noun}\b", said))


def _a_body(r: _Reading, name: str, by_name: bool = False) -> bool:
    """Whether ``name`` may be a body: an entity of that kind, a name with an organisation word, or (unless
    ``by_name``) one the text gives neither a sex nor a title (the rule-based entities take "Amnesty
    International" for a person)."""
    if name in r.orgs.values() or any(t in ORG_WORDS for t in name.lower().split()):
        return True
    return not by_name and (name not in r.persons.values() or (r.genders.of(name) == "unknown" and name not in r.roles))


def _someone_else(r: _Reading, last: Found, at: int) -> bool:
    """Whether the narration between ``last``'s attribution and ``at`` names a person or body other than its
    speaker (who may then be the one speaking)."""
    after = r.doc.text[last.end:at]
    rest = CLOSING_AT_START.sub("", after)
    between = after[len(after) - len(rest) + len(first_sentence(rest)):]
    if any(p != last.speaker for p in named_in(between, r.persons)):
        return True
    own = last.speaker or ""
    return any(full != own and key not in own and key in between
               and re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", between) for key, full in r.orgs.items())


def _attributed(line: str, qs: int, qe: int) -> bool:
    """Whether a quotation that looks like a title closes on a comma before its speaker ("He Is the Velcro to
    Clinton's Teflon," said Alex Castellanos): then it is speech."""
    if not line[qs:qe].rstrip().endswith(","):
        return False
    np = phrase_after(first_sentence(CLOSING_AT_START.sub("", line[qe:])), line[qs:qe], True)
    return bool(re.search(r"[A-Z]", np)) or np.lower() in ("he", "she")


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_CJK_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u00b7\u30fb]{1,10}")
MIN_CJK_CHARS = 4  # Chinese and Japanese write no spaces: a quotation of four characters or more


def _long_enough(qtext: str) -> bool:
    if _CJK_CHAR.search(qtext):
        return len(_CJK_CHAR.findall(qtext)) >= MIN_CJK_CHARS
    return len(words(qtext)) >= MIN_WORDS


def _language(doc: PreparedDocument) -> str | None:
    """The article's language where its quotation marks are another language's (English needs no test)."""
    if doc.article.lang or not FOREIGN_MARKS.search(doc.text):
        return doc.article.lang
    return detect_language(doc.text, doc.article.title)


def _the_one_surname(r: _Reading, np: str) -> str | None:
    """A bare surname that the story gives two people ("King") but this article only one of them."""
    if " " in np.strip() or not np[:1].isupper() or np.strip() in r.persons:
        return None
    cands = [p for p in r.seen.people(r.persons) if len(p.split()) > 1 and p.split()[-1] == np.strip()]
    return cands[0] if len(cands) == 1 else None


def _the_one_given_name(r: _Reading, name: str) -> str:
    """A given name alone ("Jason wanted to share his passion") that opens the full name of one person this
    article names ("Jason Townsend"): that person; else ``name``."""
    if " " in name or r.persons.get(name, name) != name or name in r.orgs:
        return name
    known = set(r.seen.people(r.persons)) | {f.speaker for f in r.found if f.speaker}  # "Kim Jong Un" spoke
    cands = one_person(sorted(p for p in known if len(untitled(p).split()) > 1 and untitled(p).split()[0] == name))
    return cands[0] if len(cands) == 1 else name


def _full_name(r: _Reading, speaker: str) -> str:
    """A body's name (one with an organisation word) as the article gives it in full ("International
    Council on Monuments and Sites" where the entities have "International Council"); others as they are."""
    if speaker in r.persons.values() or not any(t in ORG_WORDS for t in speaker.lower().split()):
        return speaker
    return body_name(speaker, r.doc.text)


def _all_quotation(rest: str) -> bool:
    """Whether what follows a quotation's inside in its paragraph is only its closing marks."""
    return not rest.strip(" \t.,!?'\"\u201d\u2019")


def story_quotes(documents: Sequence[Article | PreparedDocument], persons: dict[str, str],
                 orgs: dict[str, str] | None = None) -> list[Quote]:
    """Quotations across the story's articles, one entry per distinct quotation with all its sources."""
    docs = prepare_documents(documents)
    roles = person_roles([d.article for d in docs], persons)
    groups: list[list[Found]] = []
    index = KeyIndex()
    for doc in docs:
        for f in find_quotes(doc, persons, roles, orgs):
            k = QuoteKey(f.text)
            i = index.find(k)
            if i is None:
                index.add(k)
                groups.append([f])
            else:
                groups[i].append(f)
    return rank_quotes([_one_entry(g) for g in groups])


def _one_entry(g: Sequence[Found]) -> Quote:
    """One quotation found in several reports: its longest text, its best-named speaker, all its sources."""
    named = [f for f in g if f.speaker]
    best = max(named, key=lambda f: (f.resolution == "named", len(f.role)), default=g[0])
    ids: list[str] = []
    for f in g:
        if f.article.id not in ids:
            ids.append(f.article.id)
    return Quote(
        text=max((f.text for f in g), key=len), speaker=untitled(best.speaker) if best.speaker else None,
        role=best.role, article_ids=tuple(ids),
        evidence=tuple(Citation(f.article.id, -1, f.start, f.end) for f in g),
        resolution=best.resolution if best.speaker else "unresolved",
        mention=best.mention if not best.speaker else "",
    )


__all__ = ["MIN_WORDS", "can_speak", "find_quotes", "is_title_of_work", "person_roles", "rank_quotes",
           "split_name_role", "story_quotes"]
