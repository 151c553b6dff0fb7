"""How deep an input nests: JSON arrays and objects, HTML and XML elements (the ``max_depth`` limit).

Measured on the text before any parser sees it, in one pass that stops as soon as the depth passes the
bound, so a file nested a million levels deep costs no more than reading it.  The HTML measure follows
what a browser's parser builds, not the count of start tags: void elements (``<br>``, ``<img>``) and
self-closed tags open nothing, a ``<p>`` or ``<li>`` left open is closed by the next one of its kind
(as HTML allows), an end tag closes what it names and what is open inside it, and the text of
``<script>``, ``<style>`` and comments is not markup.  XML is exact: every element is closed.
"""

from __future__ import annotations

import re

_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")

# a comment, a CDATA section, the text of a raw-text element (script, style: not markup), a declaration or
# processing instruction, or a start or end tag; no part runs past the next "<" (or, for the first three,
# past their end or the end of the text), so a file of unclosed tags is still read in one pass
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<[!?][^<>]*>"
                     r"|<(/?)([A-Za-z][^\s/<>]*)([^<>]*)>", re.DOTALL)
# elements that have no content, so no end tag (the HTML standard's void elements)
_VOID = frozenset("area base basefont bgsound br col embed frame hr img input keygen link meta param source "
                  "track wbr".split())
# elements whose text is not markup: what follows up to their end tag is skipped
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                       "plaintext"})
# elements whose end tag may be left out: a start tag of the same group closes an open one
_GROUPS = {"p": "p", "li": "li", "dt": "d", "dd": "d", "option": "option", "optgroup": "optgroup",
           "tr": "tr", "td": "cell", "th": "cell", "thead": "section", "tbody": "section",
           "tfoot": "section", "rb": "ruby", "rt": "ruby", "rtc": "ruby", "rp": "ruby"}


def json_depth(line: str) -> int:
    """How deep the arrays and objects of one JSON text nest (strings do not count).

    >>> json_depth('{"a": [1, {"b": "[[["}]}')
    3
    """
    if line.count("[") + line.count("{") < 2:
        return line.count("[") + line.count("{")
    deepest = level = 0
    for ch in _BRACKETS.findall(_STRINGS.sub("", line)):
        level += 1 if ch in "[{" else -1
        deepest = max(deepest, level)
    return deepest


def markup_depth(text: str, *, html: bool = True, bound: int | None = None) -> int:
    """How many elements of ``text`` (HTML, or XML with ``html=False``) are open at the deepest point;
    once past ``bound``, ``bound + 1`` (the scan stops there).

    >>> markup_depth("<div><p>one<p>two<br><b>three</b></div>")
    3
    >>> markup_depth("<a><b><c/></b></a>", html=False)
    3
    >>> markup_depth("<div>" * 10_000, bound=100)
    101
    """
    if text.count("<") <= 1:
        return text.count("<")
    stack: list[str] = []
    deepest = 0
    raw = None  # the end tag that ends the raw text being skipped
    for m in _MARKUP.finditer(text):
        name = m.group(2)
        if name is None:  # a comment, CDATA, a declaration or a processing instruction
            continue
        if html:
            name = name.lower()
        if raw is not None:
            if m.group(1) and name == raw:
                raw = None
                stack.pop()
            continue
        if m.group(1):
            _close(stack, name)
            continue
        if (html and name in _VOID) or m.group(3).endswith("/"):
            deepest = max(deepest, len(stack) + 1)
            continue
        if html and name in _GROUPS:
            _close_open_sibling(stack, _GROUPS[name])
        stack.append(name)
        deepest = max(deepest, len(stack))
        if bound is not None and deepest > bound:
            return bound + 1
        if html and name in _RAW_TEXT:
            raw = name
    return deepest


def _close(stack: list[str], name: str) -> None:
    """An end tag: ``name`` and everything opened inside it are closed (a stray end tag closes nothing)."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k] == name:
            del stack[k:]
            return


def _close_open_sibling(stack: list[str], group: str) -> None:
    """A start tag whose group's open element (a ``<p>``, an ``<li>``) is closed by it, as HTML's parser
    does: looked for down the stack through elements that may be left open, not past a container."""
    for k in range(len(stack) - 1, -1, -1):
        other = _GROUPS.get(stack[k])
        if other == group:
            del stack[k:]
            return
        if other is None:
            return
