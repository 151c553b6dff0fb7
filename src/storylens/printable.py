"""Text for a terminal: no control character or escape sequence from an article or a file name.

The one place that makes untrusted text safe to print: :func:`printable` drops escape sequences and
control characters (keeping newlines and tabs), :func:`one_line` writes them as visible escapes on one
line (for messages naming a file).  The Markdown renderer, ``storylens stories``/``search``, the CLI's
warnings and errors, and ingest's messages about files all use these two.  Imports nothing.
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
    """One printable line for a message: a newline, a tab, an escape or any other character that is not
    printable is written as its escape (``\\n``, ``\\x1b``), a byte of a file name that was not UTF-8 as
    ``\\xff``, so that a name cannot split a warning or drive the terminal.

    >>> one_line("a\\nb\\udcff\\x1b[31m.txt")
    'a\\\\nb\\\\xff\\\\x1b[31m.txt'
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif "\udc80" <= ch <= "\udcff":  # a byte of a file name that was not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)
