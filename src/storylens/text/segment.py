"""Sentences and words, with character offsets, and no downloaded data.

A rule-based splitter tuned for news copy: it never splits inside a line
break-free abbreviation ("U.S.", "Lt. Gen.", "Oct. 6", "a.m."), an initial
("John F. Kennedy"), a decimal or a quotation that continues in lower case
("... the Americans," he said).  A line break always ends a sentence: news
text puts one paragraph a line.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from ..models import Article, Sentence
from .lexicon import CALENDAR_WORDS, MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS

# Abbreviations that are followed by a period but rarely end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft lt gen col maj capt cpt sgt cpl adm cmdr
    rev gov sen rep pres supt insp det atty messrs mme hon brig
    inc corp co ltd llc plc bros dept univ assn est approx govt
    no nos vol vols fig figs pp p op ed eds
    vs etc cf al ca
    u.s u.k u.n e.u u.s.a a.m p.m e.g i.e d.c n.y l.a
    """.split()
) | {m.lower() for m in MONTH_ABBREVIATIONS} | set(WEEKDAY_ABBREVIATIONS)
# Abbreviations after which a following number does not start a sentence.
_BEFORE_NUMBER = frozenset("no nos vol vols fig figs pp p art sec ch".split()) | {m.lower()
                                                                                   for m in MONTH_ABBREVIATIONS}

_BOUNDARY = re.compile(
    r"""(?P<stop>[.!?]+|\u2026)          # the stop
        (?P<close>[\"'\u201d\u2019)\]]*)  # closing quotes or brackets
        (?P<space>\s+)                     # then space (never a newline: lines are split first)
        (?=(?P<next>[\"'\u201c\u2018(\[]*[A-Z0-9\u00C0-\u00DE]))""",
    re.VERBOSE,
)
# words after "a.m."/"p.m." that continue the sentence ("at 3 a.m. Tuesday", "at 5 p.m. EST")
_AFTER_TIME = CALENDAR_WORDS | frozenset("et est edt ct cst cdt pt pst pdt gmt utc bst cet local".split())
_NEXT_WORD = re.compile(r"[\"'\u201c\u2018(\[]*(\w+)")
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")  # _WORD on lower-cased ASCII text
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
# a line without any of these has no candidate boundary (the fast path of _line_spans)
_STOP_CHARS = re.compile("[.!?\u2026]")


def token_before(line: str, end: int) -> str:
    """The word that ends at ``line[end]``: a letter, then letters and periods
    (``"U.S."`` in ``"in the U.S. The"``), or "" (found by walking back from
    ``end``, never scanning the line from its start)."""
    k = end
    while k > 0 and line[k - 1] in _TOKEN_CHARS:
        k -= 1
    while k < end and line[k] == ".":
        k += 1
    return line[k:end]


def _is_abbreviation(line: str, stop_at: int, next_char: str, next_word: str = "", next_at: int = -1) -> bool:
    """Whether the period at ``line[stop_at]`` belongs to an abbreviation
    (``next_at``: where the next sentence would start, to read its first word
    only when it matters)."""
    token = token_before(line, stop_at)
    if not token:
        return False
    low = token.lower().rstrip(".")
    if low in ABBREVIATIONS:
        if next_char.isdigit():
            return low in _BEFORE_NUMBER or low in {"u.s", "a.m", "p.m"}
        if low in {"a.m", "p.m"}:  # "at 3 a.m. Tuesday" goes on; "at 3 a.m. The" ends
            if next_at >= 0:
                nw = _NEXT_WORD.match(line, next_at)
                next_word = nw.group(1) if nw else ""
            return next_word.lower() in _AFTER_TIME
        # "in the U.S. The next ..." is ambiguous; keep together.
        return low != "etc"
    if len(token) == 1 and token.isupper():
        return True  # an initial: "John F. Kennedy"
    if "." in token and len(token.replace(".", "")) <= 4:
        return True  # an acronym with periods: "U.N.", "N.A.T.O."
    return False


def _split_decimal(line: str, m: re.Match) -> bool:
    """A decimal that a tokeniser split at its point ("$103. 1 million", "a 14. 1 rating": ECB+ text):
    a digit, the period, one space, a digit, and no closing quote or bracket between."""
    at = m.start("stop")
    return (at > 0 and line[at - 1].isdigit() and m.end("stop") == at + 1 and not m.group("close")
            and m.group("space") == " " and m.group("next").isdigit())


def _line_spans(line: str, offset: int) -> Iterator[tuple[int, int]]:
    if _STOP_CHARS.search(line) is None:  # no stop: the whole line is one sentence
        if line.strip():
            yield offset, len(line) + offset
        return
    start = 0
    for m in _BOUNDARY.finditer(line):
        if m.group("stop") == "." and (_split_decimal(line, m) or _is_abbreviation(
                line, m.start("stop"), m.group("next")[-1], next_at=m.end("space"))):
            continue
        end = m.end("close")
        if line[start:end].strip():
            yield start + offset, end + offset
        start = m.end("space")
    if line[start:].strip():
        yield start + offset, len(line) + offset


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        for s, e in _line_spans(line, pos):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
        pos += len(line) + 1
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[s:e] for s, e in split_spans(text)]


def sentences(article: Article, doc_index: int = 0) -> list[Sentence]:
    """The sentences of one article, each with its offsets and paragraph."""
    out: list[Sentence] = []
    text = article.text
    para = 0
    last_end = 0
    for i, (s, e) in enumerate(split_spans(text)):
        if "\n" in text[last_end:s] and out:
            para += 1
        out.append(Sentence(doc_index, article.id, s, e, text[s:e], i, para))
        last_end = e
    return out


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits, inner apostrophes kept)."""
    if text.isascii():  # lower-cased ASCII: the same tokens, one pass, a cheaper character class
        return _ASCII_WORD.findall(text.lower())
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


def word_count(text: str) -> int:
    return len(text.split())


class SumyTokenizer:
    """A tokenizer object for sumy that needs no NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


__all__: Sequence[str] = [
    "split_spans",
    "split_sentences",
    "sentences",
    "words",
    "word_count",
    "SumyTokenizer",
    "token_before",
    "ABBREVIATIONS",
]
