"""Whether the text says a person is a woman or a man, so that "she said" never goes to a man.

Only what the text itself says counts: "Mrs."/"Mr." before the surname, a word beside the name
("spokeswoman Kate Lecchi", "Jones' wife, Joanna"); else a given name that is almost always one sex's; else
"she"/"his" right after the name says something ("Cal Rerucha said his case"). Nothing known is "unknown", and an
unknown person is compatible with either pronoun; the text contradicting itself is also "unknown".
"""

from __future__ import annotations

import re

from ..text.lexicon import FEMALE_NAMES, FEMALE_WORDS, MALE_NAMES, MALE_WORDS, ORG_WORDS, SPEECH_VERBS

_PRONOUN_SEX = {"she": "f", "her": "f", "hers": "f", "herself": "f", "he": "m", "him": "m", "his": "m",
                "himself": "m"}


class Genders:
    """The sex the text gives each person of one article (looked up once per person)."""

    def __init__(self, text: str, persons: dict[str, str]) -> None:
        self.text = text
        self.keys: dict[str, list[str]] = {}
        for key, full in persons.items():
            self.keys.setdefault(full, []).append(key)
        self.known: dict[str, str] = {}

    def of(self, full: str) -> str:
        """"f", "m" or "unknown" for the person named ``full``."""
        if full not in self.known:
            self.known[full] = self._read(full)
        return self.known[full]

    def compatible(self, full: str, pronoun: str) -> bool:
        """Whether ``pronoun`` ("she", "he"; anything else fits everyone) may stand for ``full``."""
        want = _PRONOUN_SEX.get(pronoun.lower())
        if want is not None and any(t in ORG_WORDS for t in full.lower().split()):
            return False  # a body is no "he" or "she": "Amnesty International"
        got = self.of(full)
        return want is None or got == "unknown" or got == want

    def _read(self, full: str) -> str:
        """What the words around the person's mentions say; only when they say nothing, the given name."""
        votes: set[str] = set()
        own: set[str] = set()
        keys = sorted(set(self.keys.get(full, []) + [full]), key=len, reverse=True)
        names = "|".join(re.escape(k) for k in keys)
        for m in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", self.text):
            votes.update(_words_beside(self.text, m.start(), m.end()))
            own.update(_own_pronoun(self.text, m.end()))
        if votes:
            return votes.pop() if len(votes) == 1 else "unknown"
        toks = full.split()
        given = toks[0].lower().rstrip(".") if len(toks) > 1 else ""
        if given in FEMALE_NAMES or given in MALE_NAMES:
            # before "said she ...", which may be someone else: "attorney Charles Babcock said she would testify"
            return "f" if given in FEMALE_NAMES else "m"
        return own.pop() if len(own) == 1 else "unknown"


_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
_APPOSITIVE = re.compile(r"^,\s+(?:a|an|the|his|her|its|their)\s+(?:[\w'’-]+\s+){0,3}?([a-z]+)\b")
_OWN_PRONOUN = re.compile(rf"^(?:,[^,]{{2,80}},)?\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS}|admitted|denied)\s+"
                          r"(?:that\s+)?(she|he|her|his)\b")


def _words_beside(text: str, start: int, end: int) -> set[str]:
    """What the words right around one mention of a name say of the person's sex."""
    out = set()
    before = _BEFORE.search(text[max(0, start - 40):start])
    after = text[end:end + 120]
    for word in ([before.group(1)] if before else []) + [m.group(1) for m in [_APPOSITIVE.match(after)] if m]:
        low = word.lower()
        if low in FEMALE_WORDS:
            out.add("f")
        elif low in MALE_WORDS:
            out.add("m")
    return out


def _own_pronoun(text: str, end: int) -> set[str]:
    """The sex a pronoun right after the name's speech verb gives ("Cal Rerucha said his case ...")."""
    own = _OWN_PRONOUN.match(text[end:end + 120])
    return {_PRONOUN_SEX[own.group(1).lower()]} if own else set()
