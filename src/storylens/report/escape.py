"""Article text made inert in Markdown and safe for a terminal.

:func:`md_text`: article text in Markdown cannot open an HTML tag, an entity, a link, emphasis or a
block; :func:`printable` and :func:`one_line` (from :mod:`storylens.printable`, the one place that
makes untrusted text safe to print) keep control characters and terminal escapes off the terminal.
"""

from __future__ import annotations

import re

from ..printable import one_line, printable

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


__all__ = ["md_text", "md_url", "printable", "one_line"]
