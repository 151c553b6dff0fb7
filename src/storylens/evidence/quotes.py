"""Direct quotations, who said them, and the outlets that carry them.

The speaker is read from the words beside the quote ('..., said Kremlin
spokesman Dmitry Peskov', 'Lavrov simply said: "..."'); a name is split from
its role ("US ambassador to the United Nations" / "Samantha Power").  A
pronoun ("he said") or a bare title ("the spokesman") is resolved from the
sentences before when they name exactly one candidate; otherwise the quote
is marked unresolved (speaker ``None``), never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Sequence

from ..models import Article, Citation, Quote
from ..prepare import PreparedDocument, prepare_documents
from ..text.lexicon import (CALENDAR_WORDS, DEMONYMS, GAZETTEER, ORG_WORDS, SPEECH_VERBS, TITLES,
                            WEEKDAY_PATTERN)
from ..text.segment import ABBREVIATIONS, token_before, words
from ..text.tfidf import STOPWORDS

MIN_WORDS = 3  # "a watershed event": a short quoted phrase is still somebody's words
_OPEN = "\u201c\u2018\"'`"
_SPEECH = SPEECH_VERBS
_PRONOUNS = {"he", "she", "they", "i", "we", "it"}
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|al-[A-Z][\w'-]*|el-[A-Z][\w'-]*|de|da|di|van|von|der|bin|ibn|"
                         r"du|del|la|le)$")
_PARTICLES = {"de", "da", "di", "van", "von", "der", "bin", "ibn", "du", "del", "la", "le"}


@dataclass(frozen=True)
class _Found:
    article: Article
    start: int
    end: int
    text: str
    speaker: str | None
    role: str
    resolution: str
    mention: str
    line_end: int  # where the quotation's paragraph ends


_SPAN_PATTERNS = (
    re.compile(r"\u201c([^\u201c\u201d]+)(?:\u201d|$)"),  # \u201ccurly\u201d
    re.compile(r"(?<![\w])\"([^\"]+)(?:\"|$)"),  # "straight"
    re.compile(r"``(.+?)(?:''|$)"),  # wire copy: ``quoted''
    # wire copy that opens with two apostrophes: ''You can never be too safe,'' said Linda Batz
    re.compile(r"(?:^|(?<=[\s(\[\u2014-]))''(?=[^\s'])(.+?)(?:''(?![\w])|$)"),
    # single quotation marks, curly or straight, closed after a stop or a comma: \u2018We will fight,\u2019 he said
    re.compile(r"(?:^|(?<=[\s(\[\u2014]))\u2018(?=[A-Z])(.+?[,.!?])\u2019(?![\w])"),
    re.compile(r"(?:^|(?<=[\s(\[\u2014]))'(?=[A-Z])([^']+?[,.!?])'(?![\w'])"),
)
# a title of a work in quotation marks: the film "The Bridges of Madison County", a book called "..."
_WORK_BEFORE = re.compile(r"\b(?:film|movie|book|novel|song|album|play|musical|opera|series|show|program|"
                          r"programme|documentary|poem|painting|titled|entitled|dubbed|headlined|called|named|"
                          r"exhibit|exhibition|single|episode|column|article|headline|slogan)\s*(?:,\s*)?$",
                          re.IGNORECASE)


# a name at the end of a quotation that ran on in the narrator's words (", Buss")
_RUN_ON_SPEAKER = re.compile(r",\s*((?:[A-Z][\w'\u2019.-]*\s*){1,3})$")

def _quote_spans(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the inside of each quotation in one paragraph (a quotation nested inside another
    is part of it, not a quotation of its own)."""
    spans = sorted({(m.start(1), m.end(1)) for pat in _SPAN_PATTERNS for m in pat.finditer(line)})
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1] and e <= out[-1][1] + 2 and _nested_pattern(line, s):
            continue
        out.append((s, e))
    return out


def _nested_pattern(line: str, start: int) -> bool:
    """Whether the quotation opening at ``start`` opens with single marks (then it sits inside another)."""
    return line[start - 1: start] in ("\u2018", "'") and line[start - 2: start] != "''"


def is_title_of_work(line: str, start: int, end: int) -> bool:
    """A quoted title ("The Bridges of Madison County"), not speech: named as a work just before, or every
    word capitalised with no stop, no comma and no verb of its own."""
    inner = line[start:end].strip()
    if _WORK_BEFORE.search(line[max(0, start - 30): max(0, start - 1)]):
        return not re.search(r"[.!?,]$", inner) or len(inner.split()) <= 8
    long_words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", inner) if len(w) > 3]
    return bool(long_words) and all(w[0].isupper() for w in long_words) and not re.search(r"[.!?,;:]", inner)


def _first_sentence(text: str) -> str:
    """``text`` up to its first sentence end (not after "Rev.", "Dr.", "U.S.", an initial)."""
    for m in re.finditer(r"[.!?](?=\s+[A-Z\u201c\"`])", text):
        word = re.search(r"([\w.]+)$", text[: m.start()])
        token = (word.group(1) if word else "").lower().rstrip(".")
        if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        return text[: m.start() + 1]
    return text


def split_name_role(np: str) -> tuple[str, str]:
    """``"Russian UN ambassador Vitaly Churkin"`` -> ``("Vitaly Churkin", "Russian UN ambassador")``.

    The name is "" when the phrase names nobody ("a military source").
    """
    np = re.sub(r"^(?:But|And|So|Then|Meanwhile|However)\s+", "", np.strip()).strip(" ,")
    m = re.search(r"who gave (?:his|her) name as ([A-Z][\w'-]*(?:\s+(?:al-)?[A-Z][\w'-]*)*)", np)
    if m:
        return m.group(1), re.sub(r",?\s*who gave.*$", "", np).strip()
    parts = [p.strip() for p in re.split(r",\s*", np) if p.strip()]
    best_name, best_role = "", ""
    for i, part in enumerate(parts):
        # an affiliation after the name: "Douglas Meinecke of the National Institute of Mental Health"
        aff = re.match(r"(.+?)\s+(?:of|at|from|with)\s+\S", part)
        name, role = _name_in(aff.group(1)) if aff else ("", "")
        if aff and name:
            role = " ".join(x for x in (role, part[aff.end(1):].strip()) if x)
        else:
            name, role = _name_in(part)
        if name:
            rest = [p for j, p in enumerate(parts) if j != i]
            role = ", ".join(x for x in [role] + rest if x)
            return name, _clean_role(role)
        if not best_role:
            best_role = part
    return best_name, _clean_role(np)


def _clean_role(role: str) -> str:
    role = re.sub(r"\s+(?:that|who|which)\s+.*$", "", role).strip(" ,")
    return role


def _is_name_word(tok: str) -> bool:
    low = tok.lower().rstrip(".").strip("’'")
    return bool(_NAME_TOKEN.match(tok)) and tok[:1].isupper() and low not in TITLES and low not in DEMONYMS \
        and low not in ORG_WORDS


def _surname_like(toks: list[str], i: int) -> bool:
    """A last word that is also a title ("King", "Bishop", "Major") is a surname after a given name:
    "attorney Howard King"."""
    return i == len(toks) - 1 and i > 0 and toks[i][:1].isupper() and _is_name_word(toks[i - 1]) \
        and not toks[i - 1].endswith(".")


def _name_in(part: str) -> tuple[str, str]:
    toks = part.split()
    name: list[str] = []
    i = len(toks) - 1
    while i >= 0 and _NAME_TOKEN.match(toks[i]):
        low = toks[i].lower().rstrip(".").strip("’'")
        if (low in TITLES and (name or not _surname_like(toks, i))) or low in DEMONYMS or low in ORG_WORDS:
            break
        name.insert(0, toks[i])
        i -= 1
    while name and name[0].lower() in _PARTICLES:
        name.pop(0)
        i += 1
    if not name or not any(t[:1].isupper() for t in name):
        return "", part
    if len(name) == 1 and i >= 0 and toks[i][:1].isupper() is False and toks[i].lower() in ("the", "a", "an"):
        return "", part  # "the Kremlin" style phrases are not people
    role = " ".join(toks[: i + 1]).strip(" ,")
    return " ".join(name), role


def _speaker_before_verb(left: str) -> str:
    """The noun phrase that ends ``left`` (the subject of a following speech verb)."""
    left = left.rstrip()
    # a relative clause between subject and verb: "The former senator, who grew up in Washington, said"
    left = re.sub(r",\s*(?:who|which|whose)\b[^,\u201c\u201d\"]*,?$", "", left).rstrip()
    # skip a time or place adjunct between subject and verb: "Lavrov simply said", "the Kremlin Tuesday said"
    left = re.sub(r"\s+(?:simply|also|later|then|again|earlier|meanwhile|once|had|has|have|was|is|"
                  rf"{WEEKDAY_PATTERN})$", "", left)
    left = re.sub(r"\s+(?:simply|also|later|then|again|earlier)$", "", left)
    # an appositive: "Ibrahim Abu Leith, spokesman for the Syrian Civil Defence in Aleppo," -> keep both parts
    m = re.search(r"((?:[A-Z][\w'’.-]*|al-\w+|de|the|The|a|A|an|An|[a-z][\w'’-]*)"
                  r"(?:[ \t]+(?:[A-Z][\w'’.-]*|al-\w+|[a-z][\w'’-]*|the|of|for|to|in))*"
                  r"(?:,[^,\u201c\u201d\"]{2,80},)?)$", left)
    if not m:
        return ""
    np = m.group(1).strip()
    # keep from the last clause start: drop leading words up to a preposition-free noun phrase start
    toks = np.split()
    # cut at the last verb-like lowercase word that cannot be inside a speaker phrase
    cut = 0
    for j, t in enumerate(toks):
        if t.lower() in ("and", "but", "that", "as", "while", "because", "after", "before", "when", "if",
                         "said", "says", "told", "since", "where", "which", "what", "whether"):
            cut = j + 1
    toks = toks[cut:]
    # the subject starts at a determiner or a capitalised word after any lowercase predicate words
    start = 0
    for j, t in enumerate(toks):
        if t[:1].isupper() or t.lower() in ("a", "an", "the", "he", "she", "they", "i", "we", "it"):
            start = j
            break
    else:
        return ""
    # lowercase verbs in between ("Asked at the UN earlier whether the truce could be reinstated, Lavrov")
    joined = " ".join(toks[start:])
    if "," in joined and not re.search(r",[^,]{2,80},$", joined):
        joined = joined.rsplit(",", 1)[1].strip()
    return joined


_NOT_SPEAKERS = frozenset("""instead meanwhile however also still later then now here there today yesterday
    tomorrow tonight earlier again once often never always yet even only officials""".split())


def can_speak(name: str) -> bool:
    """Whether ``name`` may be a speaker: not a title ("Dr", "Sen"), a weekday or month, a place, or a word
    that is capitalised only because it opens the sentence ("Instead")."""
    toks = [t.lower().rstrip(".") for t in name.split()]
    if not toks:
        return False
    if all(t in TITLES or t in ABBREVIATIONS for t in toks):
        return False
    low = " ".join(toks)
    if low in CALENDAR_WORDS or low in GAZETTEER:
        return False
    return not (len(toks) == 1 and (toks[0] in _NOT_SPEAKERS or toks[0] in STOPWORDS or toks[0].endswith("ly")))


def _resolve_speaker(np: str, persons: dict[str, str], roles: dict[str, str]) -> tuple[str | None, str, str]:
    """``(speaker, role, resolution)`` for a speaker phrase; pronouns are left to the caller."""
    speaker, role, resolution = _speaker_of(np, persons, roles)
    if speaker is not None and speaker not in persons.values() and not can_speak(speaker):
        return None, "", "unresolved"
    return speaker, role, resolution


def _speaker_of(np: str, persons: dict[str, str], roles: dict[str, str]) -> tuple[str | None, str, str]:
    if np.strip() in persons:  # a person the story names in full, even when the name is a title word ("King")
        full = persons[np.strip()]
        return full, roles.get(full, ""), "named"
    name, role = split_name_role(np)
    if name:
        full = persons.get(name, name)  # "Kerry" -> "John Kerry" when the story names him in full
        return full, role or roles.get(full, ""), "named"
    low = np.lower().strip()
    proper = all(t[:1].isupper() or t.lower() in ("the", "of", "for", "and", "de", "al") for t in np.split())
    if proper and re.match(r"^(?:the\s+)?[A-Z]", np) and re.search(r"[A-Z]", np.split()[-1][:1] or "") \
            and not low.startswith(("a ", "an ")):
        # a named organisation or country speaking: "the Kremlin", "the French foreign ministry"
        return re.sub(r"^(?:the|The)\s+", "", np), "", "named"
    if proper and re.match(r"^(?:the|The)\s+[A-Z]", np):
        return re.sub(r"^(?:the|The)\s+", "", np), "", "named"
    return None, "", "unresolved"


_OBJECT_BEFORE = set("""by against with to for of on about from at into arrested charged accused killed met named
    visited told asked called thanked blamed criticized criticised interviewed saw sued fired hired replaced
    defeated beat attacked shot convicted sentenced""".split())


def _as_object(sentence: str, full: str, persons: dict[str, str]) -> bool:
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


def _named_in(sentence: str, persons: dict[str, str]) -> list[str]:
    found = []
    for key, full in persons.items():
        # the plain substring test first: most names are nowhere in the sentence
        if key in sentence and full not in found and re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", sentence):
            found.append(full)
    # "Bashar al-Assad" and "Assad" are one person
    return sorted(set(found))


# earlier quotations in the words before a quotation: not the narrator's words
_EARLIER_QUOTES = re.compile(r"``.*?''|(?<![\w.,!?;:])''.*?''|\u201c[^\u201d]*\u201d|\"[^\"]*\"")
_AFTER_VERB_END = re.compile(r"[.;](?=\s)|[.;]?$|\s+(?:in|on|at|during|after|before|when|while|adding|"
                             r"according)\s")


def _np_after_verb(right: str) -> str:
    """The speaker after a speech verb: '..., said Dr. Dan Geschwind, a neurologist' -> "Dr. Dan
    Geschwind, a neurologist" (a title's or an initial's period does not end it)."""
    m = re.match(rf"^\s*(?i:{_SPEECH})\s+", right)
    if not m:
        return ""
    for stop in _AFTER_VERB_END.finditer(right, m.end()):
        if stop.group(0) == ".":
            token = token_before(right, stop.start()).lower().rstrip(".")
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        return right[m.end():stop.start()].strip(" ,")
    return ""


class _FirstSeen:
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


def find_quotes(doc: PreparedDocument, persons: dict[str, str], roles: dict[str, str],
                orgs: dict[str, str] | None = None) -> list[_Found]:
    """Quotations of one prepared article with their speakers, in text order."""
    article, text = doc.article, doc.text
    orgs = orgs or {}
    seen = _FirstSeen(text, persons, orgs)
    out: list[_Found] = []
    pos = 0
    prev_line_quote: _Found | None = None
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        this_line_quote: _Found | None = None
        for qs, qe in _quote_spans(line):
            qtext = line[qs:qe].strip().rstrip(",").strip()
            if len(words(qtext)) < MIN_WORDS or is_title_of_work(line, qs, qe):
                continue
            abs_s, abs_e = line_start + qs, line_start + qe
            at = doc.sentence_at(abs_s)
            sent = ((doc.sentences[at].start, doc.sentences[at].end) if at is not None
                    else (line_start, line_start + len(line)))
            s_start = min(sent[0], max(abs_s - 2, line_start))
            left = re.sub(r"(?:``|''|[\u201c\u2018'\"])$", "", text[s_start:abs_s]).rstrip()
            right_full = re.sub(r"^(?:''|[\u201d\u2019'\"])", "", text[abs_e: line_start + len(line)])
            right = _first_sentence(right_full)
            speaker, role, resolution, mention = None, "", "unresolved", ""
            np = ""
            # 1. after the quote: '..., X said' / '..., said X' / 'X was quoted ... as saying'
            ends_sentence = bool(re.search(r"[.!?]$", qtext)) and not re.match(r"^\s*[,a-z]", right)
            adj = r"(?:[^,\u201c\u201d\"]{0,25},)?"
            m = re.match(rf"^\s*[,.]?\s*(?P<np>[^\u201c\u201d\"]{{1,160}}?)\s+(?:\w+ly\s+)?"
                         rf"(?:(?:has|have|had|is|was)\s+)?(?:{_SPEECH})\b", right)
            m2 = re.match(rf"^\s*[,.]?\s*{adj}\s*(?P<v>{_SPEECH})\s", right)
            m3 = re.match(r"^\s*[,.]?\s*(?P<np>[^\u201c\u201d\"]{1,80}?)\s+(?:was|were)\s+quoted\b", right)
            m4 = re.match(r"^\s*[,.]?\s*[^\u201c\u201d\"]{1,60}?\s+quoted\s+(?P<np>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
                          r"\s+as\s+saying\b", right)
            m5 = re.match(r"^\s*,?\s*(?P<np>(?:[A-Z][\w'’.-]*\s+){1,4}(?:of\s+[A-Z][\w'’-]*\s+)?)[a-z]+ed\b", right)
            if not ends_sentence:
                if m4:
                    np = m4.group("np")
                elif m2:
                    np = _np_after_verb(right[m2.start("v"):])
                elif m3:
                    np = m3.group("np")
                elif m and len(m.group("np").split()) <= 16 and \
                        m.group("np").split()[0].lower() not in ("and", "but", "or", "to", "that", "which"):
                    np = m.group("np")
                elif m and (tail := _RUN_ON_SPEAKER.search(m.group("np"))):
                    # the quotation runs on in the narrator's words: "...e-mail'' and other uses, Buss said."
                    np = tail.group(1)
                elif m5 and line[qs:qe].strip().endswith(","):
                    # '..., Brian Jones of England deadpanned': a name, then a verb of saying we do not list
                    np = re.sub(r"\s+of\s+[A-Z][\w'’-]*\s*$", "", m5.group("np").strip())
            # 2. before the quote: 'Lavrov simply said: "..."' / 'Johnson said the "..."'
            if not np:
                # words inside earlier quotations are not the narrator's
                left = _EARLIER_QUOTES.sub(lambda mm: " " * len(mm.group(0)), left)
                verbs = list(re.finditer(rf"\b(?i:{_SPEECH})\b", left))
                pronoun = ""
                inverted = re.match(r"^\W*Said\s+(?P<np>[^,:]{2,80}?)\s*[,:]?\s*$", left)
                if inverted:  # "Said Evans: ``We want to get this case resolved.''"
                    np, verbs = inverted.group("np"), []
                for vm in list(reversed(verbs))[:2]:
                    if len(left) - vm.end() > 150:
                        break  # too far from the quotation to introduce it
                    if vm.group(0).endswith("ing"):
                        sm = re.match(r"^\W*((?:[A-Z][\w'’.-]*|al-\w+|de)(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|de|of|"
                                      r"the|to|for))*)", left)
                        cand = sm.group(1) if sm else ""
                    elif re.search(r",?\s+who\s+$", left[: vm.start()]):
                        # "..., a female deputy, Reggie Fluty, who told the victim, ``...''"
                        cand = _speaker_before_verb(re.sub(r",?\s+who\s+$", "", left[: vm.start()]))
                    else:
                        cand = _speaker_before_verb(left[: vm.start()])
                    if not cand:
                        continue
                    if cand.split()[0].lower() in _PRONOUNS:
                        pronoun = pronoun or cand
                        continue
                    np = cand
                    break
                if not np and pronoun:
                    np = pronoun
            np = np.strip(" ,")
            if np:
                first = np.split()[0].lower()
                if first in _PRONOUNS and len(np.split()) <= 2:
                    mention = np.split()[0]
                    speaker, role, resolution = _from_context(out, doc, sent[0], persons, roles)
                    if speaker is None and resolution == "unresolved" and first in ("he", "she"):
                        speaker, role, resolution = _nearest_speaker(out, doc, sent[0], persons, roles, seen)
                    if speaker is None and resolution.startswith("mention:"):
                        mention = resolution.split(":", 1)[1]
                        resolution = "unresolved"
                else:
                    speaker, role, resolution = _resolve_speaker(np, persons, roles)
                    if speaker is None:
                        mention = np
                        role = _clean_role(np)
                        # "the spokesman": the one person named with that role earlier in the article
                        head = np.split()[-1].lower()
                        if np.lower().startswith("the "):
                            cands = sorted({p for p, r in roles.items() if head in r.lower().split()
                                            and seen.first(p) < abs_s})
                            if not cands and head in ORG_WORDS:
                                # "the council said": the one body of that kind the article names before
                                cands = sorted({o for o in set(orgs.values()) if head in o.lower().split()
                                                and seen.first(o) < abs_s})
                            if len(cands) == 1:
                                speaker, resolution = cands[0], "context"
            elif this_line_quote is not None and this_line_quote.speaker:
                # a second quotation in the same paragraph, with no speaker of its own, goes on the first's
                speaker, role, resolution = this_line_quote.speaker, this_line_quote.role, "context"
            elif prev_line_quote is not None and line.lstrip()[:1] in _OPEN and qs <= 2:
                # a paragraph that is all quotation continues the previous paragraph's speaker
                speaker, role = prev_line_quote.speaker, prev_line_quote.role
                resolution = "context" if speaker else "unresolved"
                mention = prev_line_quote.mention
            f = _Found(article, abs_s, abs_e, qtext, speaker, role, resolution, mention, line_start + len(line))
            out.append(f)
            this_line_quote = f
        prev_line_quote = this_line_quote
    return out


def _from_context(found: Sequence[_Found], doc: PreparedDocument, sent_start: int, persons: dict[str, str],
                  roles: dict[str, str]) -> tuple[str | None, str, str]:
    """Resolve "he said": the previous sentence's quote speaker, or its only named person."""
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
        named = _named_in(prev_text, persons)
        if len(named) == 1 and not _as_object(prev_text, named[0], persons):
            return named[0], roles.get(named[0], ""), "context"
        if named:
            break
        m = re.match(r"^((?:An?|The)\s+[a-z][\w\s-]{2,60}?)\s+(?:confirmed|said|told|added|spoke|"
                     r"was|has|had|described|warned)\b", prev_text)
        if m:
            return None, "", "mention:" + m.group(1)
        if not re.search(rf"\b(?:he|she)\s+(?:{_SPEECH})\b", prev_text):
            break
    return None, "", "unresolved"


NEAREST_WITHIN = 2000  # characters back to the last quotation whose speaker a "he said" may continue


def _nearest_speaker(found: Sequence[_Found], doc: PreparedDocument, sent_start: int, persons: dict[str, str],
                     roles: dict[str, str], seen: _FirstSeen) -> tuple[str | None, str, str]:
    """"he said" further back: the only person an article names, or the speaker of the last quotation
    before when nobody else is named in between (within a few paragraphs); else unresolved."""
    people = seen.people(persons)
    if len(people) == 1 and seen.first(people[0]) < sent_start and _speaks(people[0], found, doc.text, persons):
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
    if any(p != last.speaker for p in _named_in(between, persons)):
        return None, "", "unresolved"
    return last.speaker, last.role, "context"


def _speaks(full: str, found: Sequence[_Found], text: str, persons: dict[str, str]) -> bool:
    """Whether the article has ``full`` speak somewhere: a quotation of theirs, or a name before a speech
    verb ("Smith said"); a person only ever arrested, met or named is no speaker."""
    if any(f.speaker == full for f in found):
        return True
    keys = [re.escape(k) for k, v in persons.items() if v == full] or [re.escape(full)]
    return bool(re.search(rf"(?<![\w-])(?:{'|'.join(keys)})(?:,[^,]{{2,80}},)?\s+(?:\w+ly\s+)?(?:{_SPEECH})\b",
                          text))


def _norm(text: str) -> tuple[str, ...]:
    return tuple(words(text))


class _Key:
    """A quotation's words, ready for comparison and indexing (``content``: its words that are no stopword)."""

    __slots__ = ("words", "joined", "set", "content")

    def __init__(self, toks: tuple[str, ...]):
        self.words, self.joined, self.set = toks, " " + " ".join(toks) + " ", frozenset(toks)
        self.content = sorted(w for w in self.set if w not in STOPWORDS)


def _same(a: _Key, b: _Key) -> bool:
    """One quotation inside the other (whole words), or 80% of their words shared."""
    if not a.words or not b.words:
        return False
    if len(a.words) > len(b.words):
        a, b = b, a
    if a.joined in b.joined:
        return True
    return len(a.set & b.set) / len(a.set | b.set) >= 0.8


class _KeyIndex:
    """The distinct quotations so far, found again through the content words they share: the same
    quotation in many reports is matched without comparing every pair."""

    def __init__(self) -> None:
        self.keys: list[_Key] = []
        self.postings: dict[str, list[int]] = {}
        self.plain: list[int] = []  # keys of stopwords only: compared with every new quotation

    def find(self, k: _Key) -> int | None:
        if k.content:
            cand: set[int] = set(self.plain)
            for w in k.content:
                cand.update(self.postings.get(w, ()))
            order: Sequence[int] = sorted(cand)
        else:
            order = range(len(self.keys))
        return next((i for i in order if _same(k, self.keys[i])), None)

    def add(self, k: _Key) -> int:
        i = len(self.keys)
        self.keys.append(k)
        for w in k.content:
            self.postings.setdefault(w, []).append(i)
        if not k.content:
            self.plain.append(i)
        return i


_ROLE_BEFORE = re.compile(r"((?:[A-Z]{2,}|[A-Z][a-z]+|of|the|to|for)(?:\s+(?:[A-Z]{2,}|[A-Z][a-z]+|[a-z]+|of|"
                          r"the|to|for)){0,6})\s+$")


def person_roles(articles: Sequence[Article], persons: dict[str, str]) -> dict[str, str]:
    """Full name -> the role the text gives it ("Kremlin spokesman"), from "<role> <Name>" mentions."""
    roles: dict[str, str] = {}
    for a in articles:
        for full in sorted(set(persons.values())):
            if full in roles:
                continue
            m = None
            idx = a.text.find(full)
            while idx > 0 and m is None:
                end = idx + len(full)
                if end >= len(a.text) or not (a.text[end].isalnum() or a.text[end] == "_"):
                    m = _ROLE_BEFORE.search(a.text[max(0, idx - 90):idx])
                idx = a.text.find(full, idx + 1)
            if m:
                _, role = _name_in(m.group(1) + " " + full)
                role = role.strip()
                toks = role.split()
                # keep only the title words right before the name
                keep: list[str] = []
                for t in reversed(toks):
                    if t.lower() in TITLES or t.lower() in DEMONYMS or t[:1].isupper() or t.lower() in (
                            "of", "to", "the", "for"):
                        keep.insert(0, t)
                    else:
                        break
                while keep and keep[0].lower() in ("of", "to", "the", "for"):
                    keep.pop(0)
                if keep and any(t.lower() in TITLES for t in keep):
                    roles[full] = " ".join(keep)
    return roles


def story_quotes(documents: Sequence[Article | PreparedDocument], persons: dict[str, str],
                 orgs: dict[str, str] | None = None) -> list[Quote]:
    """Quotations across the story's articles, one entry per distinct quotation with all its sources."""
    docs = prepare_documents(documents)
    roles = person_roles([d.article for d in docs], persons)
    groups: list[list[_Found]] = []
    index = _KeyIndex()
    for doc in docs:
        for f in find_quotes(doc, persons, roles, orgs):
            k = _Key(_norm(f.text))
            i = index.find(k)
            if i is None:
                index.add(k)
                groups.append([f])
            else:
                groups[i].append(f)
    out = []
    for g in groups:
        named = [f for f in g if f.speaker]
        best = max(named, key=lambda f: (f.resolution == "named", len(f.role)), default=g[0])
        text = max((f.text for f in g), key=len)
        ids: list[str] = []
        for f in g:
            if f.article.id not in ids:
                ids.append(f.article.id)
        out.append(Quote(
            text=text, speaker=best.speaker, role=best.role, article_ids=tuple(ids),
            evidence=tuple(Citation(f.article.id, -1, f.start, f.end) for f in g),
            resolution=best.resolution if best.speaker else "unresolved",
            mention=best.mention if not best.speaker else "",
        ))
    return rank_quotes(out)


FRAGMENT_WORDS = 6  # a quotation shorter than this is a fragment of a sentence, shown after whole statements


def rank_quotes(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotations most worth showing first, each with its ``rank`` (1 is the first): carried by more
    outlets, then whole statements before quoted fragments ("a little bit of progress"), then said by a more
    prominent speaker (one the story quotes more often), then with a named speaker; ties keep text order.
    A report shows the first ten and the rest behind "N more"."""
    said = Counter(q.speaker for q in quotes if q.speaker)

    def key(iq: tuple[int, Quote]) -> tuple:
        i, q = iq
        return (-len(q.article_ids), len(q.text.split()) < FRAGMENT_WORDS,
                -min(said[q.speaker], 5) if q.speaker else 0, q.resolution != "named", i)

    ordered = [q for _, q in sorted(enumerate(quotes), key=key)]
    return [replace(q, rank=r) for r, q in enumerate(ordered, 1)]
