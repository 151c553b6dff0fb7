"""Where the quotations of a paragraph are: the marks of each convention, nesting, titles of works.

Both English conventions of wire copy (``...'' and ''...'', straight and curly, single and double) are read;
a quotation nested inside another is part of it, and a title in quotation marks ("The Bridges of Madison
County") is no speech.
"""

from __future__ import annotations

import re

from ..text.lexicon import SPEECH_VERBS
from ..text.segment import ABBREVIATIONS

#: an adverb between a speaker and the verb ("Lavrov simply said"): a lower-case word in -ly that is no noun
#: ("the Kennedy family said": "family" is part of the speaker)
ADVERB = r"(?:(?!(?:family|assembly|ally|rally|supply|belly|bully)\s)[a-z]+ly\s+)"

#: the characters that may open a quotation (a paragraph that opens with one continues a quoted speaker)
OPENING_MARKS = "\u201c\u2018\"'`\u00ab\u201e\u00bb\u2039\u203a\u300c\u300e"

_SPAN_PATTERNS = (
    # \u201ccurly\u201d, or closed with a straight mark after its stop (\u201cfor a period of time.")
    re.compile(r"\u201c([^\u201c\u201d]+?)(?:\u201d|(?<=[.,!?])\"(?!\w)|$)"),
    re.compile(r"``(.+?)(?:''|$)"),  # wire copy: ``quoted''
    # wire copy that opens with two apostrophes: ''You can never be too safe,'' said Linda Batz
    re.compile(r"(?:^|(?<=[\s(\[\u2014-]))''(?=[^\s'])(.+?)(?:''(?![\w])|$)"),
    # single quotation marks, curly or straight, closed after a stop or a comma: \u2018We will fight,\u2019 he said
    re.compile(r"(?:^|(?<=[\s(\[\u2014]))\u2018(?=\s?[A-Z])(.+?[,.!?])\s?\u2019(?![\w])"),
    re.compile(r"(?:^|(?<=[\s(\[\u2014]))'(?=[A-Z])([^']+?[,.!?])'(?![\w'])"),
)
# "straight" quotations (read by _straight_spans): where one may open, where the next mark is, and the attribution
# that may follow a closing mark set off by a space (the ECB+ texts write '... second time, "DeGeneres said')
_STRAIGHT_OPEN = re.compile(r"(?<![\w.,!?;])\"")
_NEXT_MARK = re.compile(r"[\"\u201d]|''")
_ATTRIBUTION_AFTER = re.compile(rf"[^\W\d][^.!?\"\u201c\u201d]{{0,60}}?\b(?:{SPEECH_VERBS})\b")
_SPACE = r"[\s\u00a0\u202f]*"  # French sets its guillemets off with a (thin) no-break space
# the marks of the other supported languages: « ... » (French, Italian, Spanish), „ ... “ and „ ... ” (German),
# » ... « (German alternate), ‹ ... › and › ... ‹, 「 ... 」 and 『 ... 』 (Chinese, Japanese)
_GUILLEMETS = re.compile(rf"\u00ab{_SPACE}([^\u00ab\u00bb]*?[^\s\u00a0\u202f\u00ab\u00bb]){_SPACE}(?:\u00bb|$)")
_GUILLEMETS_REVERSED = re.compile(r"\u00bb([^\u00ab\u00bb]+?)(?:\u00ab|$)")
_SINGLE_GUILLEMETS = re.compile(rf"\u2039{_SPACE}([^\u2039\u203a]*?[^\s\u00a0\u202f\u2039\u203a]){_SPACE}\u203a")
_SINGLE_REVERSED = re.compile(r"\u203a([^\u2039\u203a]+?)\u2039")
_GERMAN = re.compile(r"\u201e([^\u201e\u201c\u201d]+)(?:[\u201c\u201d]|$)")
_CORNER = (re.compile(r"\u300c([^\u300c\u300d]+)(?:\u300d|$)"), re.compile(r"\u300e([^\u300e\u300f]+)(?:\u300f|$)"))
FOREIGN_MARKS = re.compile(r"[\u00ab\u00bb\u2039\u203a\u201e\u300c\u300e]")
#: the marks a nested quotation opens with (it is part of the one around it)
_NESTED_OPENERS = ("\u2018", "'", "\u300e", "\u2039", "\u203a")

# a title of a work in quotation marks: the film "The Bridges of Madison County", a book called "..."
_WORK_BEFORE = re.compile(r"\b(?:film|movie|book|novel|song|album|play|musical|opera|series|show|program|"
                          r"programme|documentary|poem|painting|titled|entitled|dubbed|headlined|called|named|"
                          r"exhibit|exhibition|single|episode|column|article|headline|slogan)\s*(?:,\s*)?$",
                          re.IGNORECASE)

#: earlier quotations in the words before a quotation: not the narrator's words
EARLIER_QUOTES = re.compile(r"``.*?''|(?<![\w.,!?;:])''.*?''|\u201c[^\u201d]*\u201d|\"[^\"]*\"")
#: a closing mark at the start of the words after a quotation, an opening one at the end of those before
CLOSING_AT_START = re.compile(r"^(?:''|[\u201d\u2019'\"]|"
                              r"[\s\u00a0\u202f]*[\u201c\u00bb\u00ab\u203a\u2039\u300d\u300f])")
OPENING_AT_END = re.compile(r"(?:``|''|[\u201c\u2018'\"]|"
                            r"[\u201e\u00ab\u00bb\u2039\u203a\u300c\u300e][\s\u00a0\u202f]*)$")


def _patterns(line: str) -> list[re.Pattern]:
    """The patterns that apply to ``line``: the English ones, and the marks of other languages it holds (a
    German „...“ line does not read its closing “ as an English opening mark)."""
    if not FOREIGN_MARKS.search(line):
        return list(_SPAN_PATTERNS)
    pats = [p for p in _SPAN_PATTERNS if "\u201e" not in line or p is not _SPAN_PATTERNS[0]]
    first = re.search(r"[\u00ab\u00bb]", line)
    pats.append(_GUILLEMETS_REVERSED if first and first.group(0) == "\u00bb" else _GUILLEMETS)
    first = re.search(r"[\u2039\u203a]", line)
    pats.append(_SINGLE_REVERSED if first and first.group(0) == "\u203a" else _SINGLE_GUILLEMETS)
    return pats + [_GERMAN, *_CORNER]


def quote_spans(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the inside of each quotation in one paragraph (a quotation nested inside another
    is part of it, not a quotation of its own)."""
    spans = sorted({(m.start(1), m.end(1)) for pat in _patterns(line) for m in pat.finditer(line)} |
                   set(_straight_spans(line)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1] and e <= out[-1][1] + 2 and _nested_pattern(line, s):
            continue
        out.append((s, e))
    return out


def _straight_spans(line: str) -> list[tuple[int, int]]:
    """The insides of the "straight" quotations of ``line``, closed by a straight or curly mark or by ``''``.

    A mark right after a stop or a comma closes a quotation and never opens one (its opening mark was lost at a
    cut of the page: '... for evacuees," he was quoted as saying. The flash floods'). A mark after a stop and a
    space, before a capital, opens the next quotation unless an attribution follows it: the one before lost its
    closing mark ('"As you probably know, ... are writes. "When my team and I flew ...').  A quotation left open
    runs to the end."""
    out: list[tuple[int, int]] = []
    i = 0
    while (m := _STRAIGHT_OPEN.search(line, i)) is not None:
        start = m.end()
        c = _NEXT_MARK.search(line, start)
        if c is None:
            end = resume = len(line)
        elif c.group(0) == "''" and re.match(r"\w", line[c.end():c.end() + 1]):
            end = resume = start  # no quotation opens here
        elif c.group(0) == '"' and re.search(r"[.!?]\s$", line[max(0, c.start() - 2):c.start()]) and \
                line[c.end():c.end() + 1].isupper() and not _ATTRIBUTION_AFTER.match(line, c.end()):
            end = resume = c.start()
        else:
            end, resume = c.start(), c.end()
        if end > start:
            out.append((start, end))
        i = max(resume, m.end())
    return out


def _nested_pattern(line: str, start: int) -> bool:
    """Whether the quotation opening at ``start`` opens with single marks (then it sits inside another)."""
    opener = re.sub(r"[\s\u00a0\u202f]+$", "", line[max(0, start - 3): start])[-1:]
    return opener in _NESTED_OPENERS and line[start - 2: start] != "''"


def is_title_of_work(line: str, start: int, end: int) -> bool:
    """A quoted title ("The Bridges of Madison County"), not speech: named as a work just before, or every
    word capitalised with no stop, no comma and no verb of its own."""
    inner = line[start:end].strip().rstrip(",")  # "``The Laramie Project,'' a collaboration"
    if _WORK_BEFORE.search(line[max(0, start - 30): max(0, start - 1)]):
        return not re.search(r"[.!?,]$", inner) or len(inner.split()) <= 8
    if inner.endswith(".") and not line[end:].strip(" \t'\"\u201d\u2019") and len(inner.split()) <= 10:
        inner = inner[:-1]  # the sentence's stop inside the closing mark: 'starred in "The Big Lebowski."'
    found = re.findall(r"[^\W\d_][\w'\u2019-]*", inner)
    # every word capitalised but the small ones title case leaves alone ("Order in the Court"); a subtitle
    # after a colon is still a title: "Gross Indecency: The Three Trials of Oscar Wilde"
    return any(len(w) > 3 for w in found) and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in found) \
        and not re.search(r"[.!?,;]|:$", inner)


_TITLE_SMALL = frozenset("a an the of on in at to and or nor for but by as with from vs is".split())


def first_sentence(text: str) -> str:
    """``text`` up to its first sentence end (not after "Rev.", "Dr.", "U.S.", an initial)."""
    for m in re.finditer(r"[.!?](?=\s+[A-Z\u201c\"`])", text):
        word = re.search(r"([\w.]+)$", text[: m.start()])
        token = (word.group(1) if word else "").lower().rstrip(".")
        if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        return text[: m.start() + 1]
    return text
