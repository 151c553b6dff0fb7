"""Who a speaker phrase names: a person's name split from their role, or a named body; never a title.

``"Russian UN ambassador Vitaly Churkin"`` is Vitaly Churkin with the role "Russian UN ambassador"; "said Dr.
Dan Geschwind" is Dan Geschwind (the title goes to the role, a middle initial stays); "Douglas Meinecke of the
National Institute of Mental Health" is Douglas Meinecke with that affiliation as his role; "the Kremlin" is a
body speaking. A title, weekday, month, place or sentence-opening word is never a speaker (:func:`can_speak`).
"""

from __future__ import annotations

import re
from typing import Sequence

from ..models import Article
from ..text.lexicon import CALENDAR_WORDS, DEMONYMS, FEMALE_WORDS, GAZETTEER, MALE_WORDS, OFFICE_TITLES, ORG_WORDS, \
    TITLES
from ..text.segment import ABBREVIATIONS
from ..text.tfidf import STOPWORDS

_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|al-[A-Z][\w'-]*|el-[A-Z][\w'-]*|de|da|di|van|von|der|den|ter|dos|"
                         r"bin|ibn|du|del|la|le)$")
_PARTICLES = {"de", "da", "di", "van", "von", "der", "den", "ter", "dos", "bin", "ibn", "du", "del", "la", "le"}


def split_name_role(np: str) -> tuple[str, str]:
    """``"Russian UN ambassador Vitaly Churkin"`` -> ``("Vitaly Churkin", "Russian UN ambassador")``.

    The name is "" when the phrase names nobody ("a military source").
    """
    np = re.sub(r"^(?:But|And|So|Then|Meanwhile|However)\s+", "", np.strip()).strip(" ,")
    m = re.search(r"who gave (?:his|her) name as ([A-Z][\w'-]*(?:\s+(?:al-)?[A-Z][\w'-]*)*)", np)
    if m:
        return m.group(1), re.sub(r",?\s*who gave.*$", "", np).strip()
    # a name and a relative clause with no comma: "said Veronica Vallejos who handed in a letter"
    np = re.sub(r"^((?:[A-Z][\w'’.-]*\s+){0,4}?[A-Z][\w'’-]*)\s+(?:who|whose)\s+[a-z].*$", r"\1", np)
    parts = [p.strip() for p in re.split(r",\s*", np) if p.strip()]
    for i, part in enumerate(parts):
        if i and _DONE_BY.match(part):
            continue  # "The papers, filed by his attorney J. Randolph Evans,": the attorney did not speak
        name, role = _name_and_role(part)
        if name:
            if i and len(name.split()) == 1 and (kin := _KIN_BEFORE.match(parts[i - 1])):
                name = f"{name} {kin.group(1)}"  # "Jones' wife, Joanna" -> Joanna Jones
            rest = [p for j, p in enumerate(parts) if j != i]
            role = ", ".join(x for x in [role] + rest if x)
            return name, clean_role(role)
    return "", clean_role(np)


_DONE_BY = re.compile(r"^(?:[a-z]+ed|written|made|sent|drawn up)\s+by\b")
_KIN_BEFORE = re.compile(r"^([A-Z][\w'-]*?)['’]s?\s+(?:wife|husband|son|daughter|mother|father|brother|sister|"
                         r"widow|widower)$")


def _name_and_role(part: str) -> tuple[str, str]:
    """The name in one comma-separated part of a speaker phrase and the rest of it as the role; a place
    ("the EU ambassador to Turkey") is no name."""
    # an affiliation after the name: "Douglas Meinecke of the National Institute of Mental Health"
    aff = re.match(r"(.+?)\s+(?:of|at|from|with)\s+\S", part)
    name, role = name_in(aff.group(1)) if aff else ("", "")
    if aff and name:
        role = " ".join(x for x in (role, part[aff.end(1):].strip()) if x)
    else:
        name, role = name_in(part)
    if name and " ".join(t.lower().rstrip(".") for t in name.split()) in GAZETTEER:
        return "", part
    return name, role


def clean_role(role: str) -> str:
    """A role without the relative clause that may follow it ("the man who ...")."""
    return re.sub(r"\s+(?:that|who|which)\s+.*$", "", role).strip(" ,")


def _is_name_word(tok: str) -> bool:
    low = tok.lower().rstrip(".").strip("’'")
    return bool(_NAME_TOKEN.match(tok)) and tok[:1].isupper() and low not in TITLES and low not in DEMONYMS \
        and low not in ORG_WORDS


def _surname_like(toks: list[str], i: int) -> bool:
    """A last word that is also a title ("King", "Bishop", "Major") is a surname after a given name:
    "attorney Howard King"."""
    return i == len(toks) - 1 and i > 0 and toks[i][:1].isupper() and _is_name_word(toks[i - 1]) \
        and not toks[i - 1].endswith(".") and toks[i].lower().rstrip(".") not in OFFICE_TITLES


def name_in(part: str) -> tuple[str, str]:
    """``(name, role)`` of a phrase whose last words are a name ("attorney Howard King"); ``("", part)``
    when they are not."""
    toks = part.split()
    name: list[str] = []
    i = len(toks) - 1
    while i >= 0 and _NAME_TOKEN.match(toks[i]):
        low = toks[i].lower().rstrip(".").strip("’'")
        if "-" in low and all(part in TITLES for part in low.split("-")):
            break  # "Vice-President"
        if ((low in TITLES or low in WHAT_ONE_DOES) and (name or not _surname_like(toks, i))) or low in DEMONYMS \
                or low in ORG_WORDS:
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
    if role.split() and role.split()[-1].lower() in _OBJECT_OF:
        return "", part  # "lawyers for Marianne Gingrich": the lawyers speak, not the person named
    return " ".join(name), role


def untitled(full: str) -> str:
    """A name without the titles the entity list kept before it ("Vice-President Joseph Karanja")."""
    toks = full.split()
    if any(t.lower() in ORG_WORDS for t in toks):
        return full  # a body: "Turkish Foreign Ministry"
    k = 0
    while k < len(toks) - 2 and _title_word(toks[k]):
        k += 1
    return " ".join(toks[k:]) if any(t.lower().rstrip(".") not in DEMONYMS for t in toks[:k]) else full


def _title_word(tok: str) -> bool:
    low = tok.lower().rstrip(".")
    return low in TITLES or low in DEMONYMS or all(part in TITLES for part in low.split("-"))


_OBJECT_OF = frozenset("for of to by with from against representing behalf".split())


_NOT_SPEAKERS = frozenset("""instead meanwhile however also still later then now here there today yesterday
    tomorrow tonight earlier again once often never always yet even only officials authorities police witnesses
    investigators residents experts sources prosecutors firefighters officers doctors critics environmentalists
    activists protesters protestors neighbors neighbours analysts observers organizers organisers another
    someone somebody anyone everyone everybody others many several none nobody democrat republican""".split())
#: a word that opens a title of a work, not a name ("Titled Christus Vivit, it urged ..."); a contraction
#: ("I’m so old"); an abstract noun ("Homelessness is ...")
_NOT_NAME_FIRST = frozenset("titled entitled dubbed called named".split())
_CONTRACTION = re.compile(r"['’](?:m|re|ve|ll|d)$", re.IGNORECASE)
_ABSTRACT = re.compile(r"(?:ness|tion|sion|ism)$")


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
    if toks[0] in _NOT_NAME_FIRST or any(_CONTRACTION.search(t) for t in toks) or headline_glued(name):
        return False
    return not (len(toks) == 1 and (toks[0] in _NOT_SPEAKERS or toks[0] in STOPWORDS or toks[0].endswith("ly")
                                    or _ABSTRACT.search(toks[0])))


#: words a title-case headline capitalises that no name holds ("Heidi Is Separated From Her Husband Due To ...")
_HEADLINE_WORDS = frozenset("Is Are Was Were Has Have From Her His Their To Due Into After Says Said".split())


def headline_glued(np: str) -> bool:
    """Whether the capitalised run ``np`` is a title-case headline glued before its sentence's subject."""
    toks = np.split()
    return len(toks) > 2 and any(t in _HEADLINE_WORDS for t in toks[1:-1]) and all(t[:1].isupper() for t in toks)


def resolve_speaker(np: str, persons: dict[str, str], roles: dict[str, str]) -> tuple[str | None, str, str]:
    """``(speaker, role, resolution)`` for a speaker phrase; pronouns are left to the caller."""
    speaker, role, resolution = _speaker_of(np, persons, roles)
    if speaker is not None and speaker not in persons.values() and not can_speak(speaker):
        return None, "", "unresolved"
    return speaker, role, resolution


def _speaker_of(np: str, persons: dict[str, str], roles: dict[str, str]) -> tuple[str | None, str, str]:
    if np.strip() in persons:  # a person the story names in full, even when the name is a title word ("King")
        full = persons[np.strip()]
        return full, roles.get(full, ""), "named"
    national = _NATIONAL_BODY.match(np.strip())
    if national:  # "Cyprus government said", "Chinese authorities said", "the Kennedy family": a named body
        return national.group("body"), "", "named"
    name, role = split_name_role(np)
    if name:
        full = persons.get(name, name)  # "Kerry" -> "John Kerry" when the story names him in full
        return full, role or roles.get(full, ""), "named"
    low = np.lower().strip()
    if low.split()[-1].rstrip(".") in OFFICE_TITLES and not any(t in ORG_WORDS for t in low.split()):
        return None, "", "unresolved"  # "the Alaska Governor": an office, its holder found from the role
    proper = all(t[:1].isupper() or t.lower() in ("the", "of", "for", "and", "de", "al") for t in np.split())
    if proper and re.match(r"^(?:the\s+)?[A-Z]", np) and re.search(r"[A-Z]", np.split()[-1][:1] or "") \
            and not low.startswith(("a ", "an ")):
        # a named organisation or country speaking: "the Kremlin", "the French foreign ministry"
        return re.sub(r"^(?:the|The)\s+", "", np), "", "named"
    if proper and re.match(r"^(?:the|The)\s+[A-Z]", np):
        return re.sub(r"^(?:the|The)\s+", "", np), "", "named"
    group = _BODY_GROUP.match(np.strip())
    if group and group.group("body").lower() not in DEMONYMS and group.group("body").lower() not in _COMMON_BODIES \
            and can_speak(group.group("body")):
        # "Napster officials said": the body speaks through them
        return group.group("body"), np.strip(), "named"
    return None, "", "unresolved"


#: what is capitalised only because it opens the sentence: "Police sources told the News" names no body
_COMMON_BODIES = frozenset("""police military government security intelligence army navy hospital company church
    school court fire rescue health defense defence administration state federal city county campaign team club
    party union industry diplomatic western prison jail airline bank""".split())
_BODY_GROUP = re.compile(r"^(?:the\s+)?(?P<body>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})\s+"
                         r"(?:officials|spokesmen|executives|authorities|representatives|leaders|sources|lawyers)$")
_NATIONAL_BODY = re.compile(r"^(?:the\s+|The\s+)?(?P<body>(?:(?!(?:The|A|An|This|That|Its)\s)[A-Z][\w'’.-]*\s+){1,2}"
                            r"(?:government|authorities|cabinet|"
                            r"parliament|military|army|navy|police|embassy|junta|regime|family))$")
_BODY_TAIL = re.compile(r"(?:\s+(?:on|of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
                        r"(?:\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?)+")


def body_name(name: str, text: str) -> str:
    """``name`` with the words that complete it where ``text`` first gives it in full: "International
    Council" -> "International Council on Monuments and Sites"."""
    m = re.search(rf"(?<![\w-]){re.escape(name)}(?=\s+(?:on|of|for)\s)", text)
    tail = _BODY_TAIL.match(text, m.end()) if m else None
    if not tail or len(tail.group(0).split()) > 8 or any(w.lower() in CALENDAR_WORDS for w in tail.group(0).split()):
        return name
    return name + tail.group(0)


_ROLE_BEFORE = re.compile(r"((?:[A-Z]{2,}|[A-Z][a-z]+|of|the|to|for)(?:\s+(?:[A-Z]{2,}|[A-Z][a-z]+|[a-z]+|of|"
                          r"the|to|for)){0,6})\s+$")


def person_roles(articles: Sequence[Article], persons: dict[str, str]) -> dict[str, str]:
    """Full name -> the role the text gives it ("Kremlin spokesman"), from "<role> <Name>" mentions."""
    roles: dict[str, str] = {}
    for a in articles:
        for full in sorted(set(persons.values())):
            if full in roles:
                continue
            m = _role_mention(a.text, full)
            if m:
                role = _title_words(name_in(m.group(1) + " " + full)[1].strip().split())
                if role:
                    roles[full] = role
            elif (low := _LOWER_ROLE.search(a.text[:max(0, a.text.find(full + " "))][-40:])) and \
                    (low.group(1) in TITLES or low.group(1) in DESCRIPTORS):
                roles[full] = low.group(1)  # "the star's rep Jack Ketsoyan": rep
    return roles


_LOWER_ROLE = re.compile(r"(?<![\w'’-])([a-z]+)\s+$")


def _role_mention(text: str, full: str) -> re.Match | None:
    """The words before the first whole-word mention of ``full`` that may hold a role."""
    m = None
    idx = text.find(full)
    while idx > 0 and m is None:
        end = idx + len(full)
        if end >= len(text) or not (text[end].isalnum() or text[end] == "_"):
            m = _ROLE_BEFORE.search(text[max(0, idx - 90):idx])
        idx = text.find(full, idx + 1)
    return m


def _title_words(toks: list[str]) -> str:
    """Only the title words right before the name ("Kremlin spokesman", "Comedian"), or "" when none is a
    title or what the person does."""
    keep: list[str] = []
    for t in reversed(toks):
        if t.lower() in TITLES or t.lower() in DEMONYMS or t[:1].isupper() or t.lower() in (
                "of", "to", "the", "for") or (not keep and t.lower() in DESCRIPTORS):
            keep.insert(0, t)
        else:
            break
    while keep and keep[0].lower() in ("of", "to", "the", "for"):
        keep.pop(0)
    return " ".join(keep) if keep and any(t.lower() in TITLES or t.lower() in DESCRIPTORS for t in keep) else ""


#: what a person does, written before the name and used for them later: "Comedian Ellen DeGeneres ... the
#: comedian added on Twitter"
DESCRIPTORS = frozenset("""comedian comedienne actress actor singer rapper star model host presenter designer
    writer author novelist filmmaker poet artist musician dancer athlete quarterback pitcher slugger boxer swimmer
    golfer""".split())

#: what a story calls a person it has just named, in place of the name: "the Taradise star said", "the Ghanaian
#: theologian", "the gaming labour activist told GGRAsia", "the 33-year-old added"
EPITHETS = DESCRIPTORS | frozenset("""superstar legend icon activist campaigner theologian veteran boss mogul tycoon
    billionaire entrepreneur celebrity hitmaker frontman frontwoman crooner businessman businesswoman""".split())
#: what a person does, written before the name ("Resident Jo Locke", "Singer Afieq Shazwan"): a role, no name
WHAT_ONE_DOES = EPITHETS | frozenset("""producer resident owner student teacher nurse doctor chef farmer witness
    neighbour neighbor driver supremo""".split())
_EPITHET = re.compile(r"^(?i:the)\s+(?:[\w'’.-]+\s+){0,3}?(?P<head>[\da-z][\da-z-]*)$")


def epithet_head(role: str) -> str | None:
    """The noun of an epithet ("star" of "the Taradise star", "33-year-old"), or None when ``role`` is no epithet
    ("the spokesman" is someone of their own)."""
    m = _EPITHET.match(role.strip())
    head = m.group("head") if m else ""
    return head if head in EPITHETS or head.endswith("year-old") else None


def epithet_pronoun(role: str) -> str | None:
    """The pronoun an epithet stands like ("she" for "the actress", "he" for "the actor", "one" for "the star",
    who may be anyone), or None when ``role`` is no epithet."""
    head = epithet_head(role)
    if head is None:
        return None
    return "she" if head in FEMALE_WORDS else "he" if head in MALE_WORDS else "one"


#: epithets that fit whatever a person does ("the Taradise star" may be an actress)
_ANY_TRADE = frozenset("star superstar legend icon celebrity veteran".split())


def fits_trade(head: str, role: str) -> bool:
    """Whether an epithet's noun may name someone whose role the text gives as ``role`` ("the Late Show host" is
    not "Actor Jeff Daniels")."""
    trades = [w for w in role.lower().split() if w in DESCRIPTORS]
    return not trades or head in trades or head in _ANY_TRADE or head.endswith("year-old")
