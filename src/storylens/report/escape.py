"""Text from articles and file names made safe for a terminal and inert in Markdown, in one place.

Everything the Markdown digest, ``storylens stories``/``search`` and the CLI's warnings print passes
through here: no control character or ANSI escape sequence from an article or a file name reaches a
terminal (:func:`printable`, :func:`one_line`), and article text in Markdown cannot open an HTML tag,
an entity, a link, emphasis or a block (:func:`md_text`).
"""

from __future__ import annotations

import re

# ANSI/VT sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and two-character escapes
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
# C0 controls but tab and newline, DEL, C1 controls; bidirectional overrides that reorder what is shown
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` without escape sequences or control characters (newlines and tabs kept)."""
    if text.isprintable():
        return text
    return _CONTROL.sub("", _ANSI.sub("", text))


def one_line(text: str) -> str:
    """One line for a message: escape sequences dropped, a newline, tab or other control shown as an
    escape (``\\n``, ``\\x1b``) so that a file name cannot split a warning or drive the terminal."""
    if text.isprintable():
        return text
    text = _ANSI.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)
    out = []
    for ch in text:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif "\udc80" <= ch <= "\udcff":  # a byte of a file name that was not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


# what Markdown (CommonMark, GitHub) reads as markup inside a line: a backslash escapes it
_MD_PUNCT = re.compile(r"([\\`*_\[\]~|])")
# an entity reference ("&lt;", "&#60;") would be decoded: its ampersand is written as one
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# what opens a block when it starts a line: a heading, a quote, a list item, a rule, a table row
_MD_START = re.compile(r"^(\s*\d*)([#>+=.)-])")


def md_text(text: str) -> str:
    """Article-derived text as inert Markdown on one line: ``<``, ``>`` and an ampersand that would
    start an entity become entities (no raw HTML can open), Markdown's punctuation is escaped, and
    what would start a block at the start of the line is escaped.  Controls are dropped."""
    text = " ".join(printable(text).split("\n")) if "\n" in text else printable(text)
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_PUNCT.sub(r"\\\1", text)
    m = _MD_START.match(text)
    if m and (not m.group(1).strip() or m.group(2) in ".)"):  # "# x", "- x", "1. x", "3) x"
        text = m.group(1) + "\\" + text[m.end(1):]
    return text


def md_url(url: str) -> str:
    """A source's URL: an autolink when it is http(s), else inert text (never a ``javascript:`` link)."""
    url = printable(url)
    if url.lower().startswith(("http://", "https://")) and not re.search(r"[\s<>]", url):
        return f"<{url}>"
    return md_text(url)
