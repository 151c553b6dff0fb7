"""The paragraphs quotations are read in: a line, or lines joined where one quotation runs across them.

Web news is often stored one sentence to a line (ECB+, text scraped from a page's sentence markup), so a
quotation of several sentences opens on one line and closes on another, its attribution after the closing
mark: ``"It's hard to say.`` / ``Everything is just speculation, " he said.``  Read line by line, the first
line's quotation has no speaker and the last line's closing mark opens a false quotation ("he said.").

A line whose quotation is left open is joined with the lines after it up to the one that closes it, when
that comes within :data:`MAX_JOINED` lines, no line in between opens a quotation of its own (the convention
of a quotation over several paragraphs: each opens again, only the last closes), and the closing mark is a
closing one: a curly one, or a straight one that ends its line or is followed by the attribution.  Each
newline of a joined paragraph is read as a space, so offsets into the article stay the same.
"""

from __future__ import annotations

import re
from typing import Iterator

from .quote_attribution import CREDIT, CREDIT_AT_END, phrase_after

MAX_JOINED = 10  # lines one quotation may run over (a sentence to a line)

_MARK = re.compile(r"[\"\u201c\u201d]")


def _open_after(line: str, is_open: bool = False) -> bool:
    """Whether a quotation is open at the end of ``line`` (open at its start when ``is_open``)."""
    for m in _MARK.finditer(line):
        ch = m.group(0)
        is_open = True if ch == "\u201c" else False if ch == "\u201d" else not is_open
    return is_open


def _closes(line: str) -> bool | None:
    """For a line after one whose quotation is open: True when its first mark closes that quotation, False
    when it opens one (or no closing can be told), None when it holds no mark (the quotation may go on)."""
    m = _MARK.search(line)
    if m is None:
        return None
    if m.group(0) == "\u201d":
        return True
    if m.group(0) == "\u201c" or not line[:m.start()].strip():
        return False  # an opening mark: a curly one, or a straight one that opens the line
    rest = line[m.end():]
    return not rest.strip(" \t.,;:!?'\u2019") or bool(phrase_after(rest, "...,", True) or CREDIT.match(rest))


def quotation_paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """``(start, paragraph)`` for each line of ``text``, or each run of lines one quotation runs across
    (their newlines read as spaces), in text order."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        j = _closing_line(lines, i)
        yield starts[i], text[starts[i]:starts[j] + len(lines[j])].replace("\n", " ")
        i = j + 1


def _closing_line(lines: list[str], i: int) -> int:
    """The last line of the paragraph that starts at line ``i``: the line that closes a quotation ``i``
    leaves open, else ``i``."""
    if not _open_after(lines[i]):
        return i
    for j in range(i + 1, min(len(lines), i + MAX_JOINED)):
        if not lines[j].strip():
            return i
        closes = _closes(lines[j])
        if closes is not None:
            return j if closes else i
        if CREDIT_AT_END.search(lines[j]):
            return j  # a pasted passage credited to its outlet, its closing mark missing
    return i


def without_credit(line: str, start: int, end: int) -> int:
    """The end of the quotation ``line[start:end]`` without the credit a pasted passage ends with when its
    closing mark is missing ("... north of Detroit. (CNN News Article)")."""
    m = CREDIT_AT_END.search(line, start, end)
    return m.start() if m else end


#: a line that introduces the quotation opening the next one: "..., was blunt:", "he replied:", "Wetzler
#: commented,"
_INTRO_END = re.compile(r"(?::|\b(?:said|says|added|commented|replied|wrote|stated|declared|continued),)\s*$")
# the name that opens a sentence ending in a colon, before its verb: "Andrew Wetzler, director of the
# program, was blunt:"
_COLON_SUBJECT = re.compile(r"^\W*(?P<np>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3})(?:,[^,:]{2,120},)?\s+"
                            r"(?:was|were|is|are|had|has|seemed|sounded|remained|[a-z]+ed)\b[^.!?:]*:\s*$")


def intro_line(text: str, line_start: int) -> str:
    """The line before ``line_start`` when it introduces a quotation that opens the next line (it ends in a
    colon, or in a comma after a speech verb), else ""."""
    if line_start < 2 or text[line_start - 1] != "\n":
        return ""
    prev = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1]
    return prev.rstrip() if _INTRO_END.search(prev) else ""


def colon_subject(left: str) -> str:
    """The name that opens the sentence ``left`` when it ends in a colon ("Wetzler was blunt:"), else ""."""
    m = _COLON_SUBJECT.match(left)
    return m.group("np") if m and "'" not in m.group("np") and "\u2019" not in m.group("np") else ""
