"""Who gives a figure: the source a sentence attributes its content to.

"according to the Syrian Observatory for Human Rights", "..., the Observatory said", "SANA reported",
"..., said the ministry": the noun phrase next to an attribution verb, without its generic tail ("the
toll", "figures") and its article.
"""

from __future__ import annotations

import re

from ..text.lexicon import ATTRIBUTION_VERBS

#: a word of a news sentence: a word (with inner apostrophes, hyphens and dotted abbreviations), a number
#: or one mark
TOKEN = re.compile(r"[A-Za-z](?:[\w'’-]|\.(?=\w))*\.?(?<!\.)|\d[\d,.]*\d|\d|[^\sA-Za-z\d]")
_ATTR_VERBS = rf"(?:{ATTRIBUTION_VERBS})"
_NP_WORD = set("""the a an state news agency monitor monitoring group groups officials official ministry spokesman
    spokeswoman police army source sources media television tv rescuers activists residents rebels witnesses
    medics observers doctors hospital government authorities military agencies organisation organization
    body watchdog rights human for of civil defence defense local health interior foreign emergency
    opposition department office charity coalition commission council committee""".split())
_GENERIC_TAIL = {"toll", "tolls", "figures", "figure", "report", "reports", "statement", "count", "tally",
                 "estimate", "estimates", "data", "reporting"}


def _np_left(tokens: list[str]) -> str:
    """The noun phrase that ends ``tokens`` (the subject of a following verb)."""
    out: list[str] = []
    for t in reversed(tokens):
        if t[:1].isupper() or t.lower() in _NP_WORD or t.startswith("al-") or "-based" in t:
            out.append(t)
            continue
        break
    while out and out[-1].lower() in ("the", "a", "an", "of", "for"):
        out.pop()
    phrase = " ".join(reversed(out)).strip()
    return phrase


def _np_right(text: str) -> str:
    toks = TOKEN.findall(text[:120])
    out: list[str] = []
    for t in toks:
        if t in (",", ".", ";", ":", "(", ")", "\u201d", '"') or t.lower() in ("on", "in", "at", "that", "which",
                                                                           "who", "late", "early", "earlier"):
            break
        if t[:1].isupper() or t.lower() in _NP_WORD or t.startswith("al-") or "-based" in t:
            out.append(t)
            continue
        break
    return " ".join(out)


def _clean_source(phrase: str) -> str:
    words = phrase.split()
    while words and words[-1].lower() in _GENERIC_TAIL:
        words.pop()
    while words and words[0].lower() in ("the", "a", "an", "and", "but", "as", "with"):
        words.pop(0)
    if words and words[0] in ("The", "A", "An"):
        words.pop(0)
    return " ".join(words)


def attribution(sentence: str) -> str:
    """Who a sentence attributes its content to ("the Syrian Observatory for Human Rights"), or ""."""
    m = re.search(r"\baccording to\s+(?:an?\s+|the\s+)?([^,.;]+)", sentence)
    if m:
        src = _clean_source(_np_right(m.group(1)) or m.group(1))
        if src:
            return src
    for m in re.finditer(rf"\b{_ATTR_VERBS}\b", sentence):
        left = sentence[: m.start()].rstrip()
        right = sentence[m.end():]
        # "..., the Observatory said" / "a monitor said" / "SANA reported"
        toks = TOKEN.findall(left)
        np = _np_left(toks)
        if np and np.lower() not in ("it", "he", "she", "they"):
            return _clean_source(np)
        if left.endswith(","):
            # "X, a Britain-based monitoring group, said": skip back over the appositive
            inner = left[:-1]
            cut = inner.rfind(",")
            if cut > 0:
                np = _np_left(TOKEN.findall(inner[:cut]))
                if np:
                    return _clean_source(np)
            np = _np_left(TOKEN.findall(inner))
            if np and not np[:1].islower():
                return _clean_source(np)
        if left.endswith((",", "\u201d", '"')) or not left:
            np = _np_right(right)  # inversion: '..., said the Observatory'
            if np:
                return _clean_source(np)
    m = re.search(r"\b([^,.;]*?)\s+(?:reporting|saying)\b", sentence)
    if m:
        np = _np_left(TOKEN.findall(m.group(1)))
        if np:
            return _clean_source(np)
    return ""
