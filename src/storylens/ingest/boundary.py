"""Where outside input meets storylens: foreign exceptions mapped to ours, text made valid Unicode,
file names made safe to print.

Every parser storylens calls (the JSON decoder, zlib and gzip, lxml and trafilatura, feedparser,
warcio) raises its own exceptions on hostile input.  They are turned into :class:`InputError` here
and only here, by :func:`mapped`; the readers use it instead of catching exceptions themselves.
"""

from __future__ import annotations

import os
import re
import zlib
from contextlib import contextmanager
from typing import Any, Iterator

from ..errors import InputError
from ..printable import one_line

# What the parsers raise on input they cannot use.  ValueError covers json.JSONDecodeError,
# UnicodeError and lxml's ParserError; OSError covers gzip.BadGzipFile; EOFError a stream cut short;
# RecursionError a document nested past the parser's stack; LookupError an unknown charset; TypeError and
# AssertionError what trafilatura and feedparser raise on malformed trees; MemoryError an allocation a
# hostile header asked for.
FOREIGN: tuple[type[BaseException], ...] = (
    ValueError, OSError, EOFError, zlib.error, RecursionError, LookupError, OverflowError, TypeError,
    AssertionError, MemoryError,
)


def _parser_errors() -> tuple[type[BaseException], ...]:
    """The parsers' own exception classes (lxml's, warcio's), those that are loaded."""
    import sys

    found: list[type[BaseException]] = []
    if "lxml.etree" in sys.modules:
        found.append(sys.modules["lxml.etree"].LxmlError)
    if "warcio.exceptions" in sys.modules:
        found.append(sys.modules["warcio.exceptions"].ArchiveLoadFailed)
    return tuple(found)


def describe(exc: BaseException) -> str:
    """A short, one-line, printable account of a foreign exception."""
    if isinstance(exc, RecursionError):
        return "nested too deeply to parse"
    if isinstance(exc, MemoryError):
        return "needs more memory than is available"
    text = safe_line(str(exc))
    text = text if len(text) <= 120 else text[:117] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


@contextmanager
def mapped(where: str, what: str) -> Iterator[None]:
    """Run a parser; a foreign exception becomes ``InputError(where, "<what> (<why>)")``.

    Our own errors pass through unchanged.
    """
    try:
        yield
    except InputError:
        raise
    except FOREIGN + _parser_errors() as exc:  # the one place foreign exceptions are mapped
        raise InputError(where, f"{what} ({describe(exc)})") from None


# -- valid text ------------------------------------------------------------------------------------------
# Lone surrogates, C0/C1 controls other than tab, newline, carriage return and form feed (ESC among them:
# a title must never drive a terminal), DEL, and the Unicode non-characters.
_BAD_CHARS = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "]"
)
# ANSI escape sequences (CSI ... final byte, OSC ... BEL/ST): dropped whole, not only their ESC
_ANSI = re.compile("\x1b(?:\\[[0-?]*[ -/]*[@-~]|\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?|[@-Z\\\\-_])")


def clean_str(text: str) -> str:
    """``text`` as valid, printable Unicode: escape sequences, controls, lone surrogates and
    non-characters dropped (tab, newline and form feed kept).

    >>> clean_str("a\\ud800b\\x1b[31mc\\x00d\\ufffe")
    'abcd'
    """
    if text.isascii() and text.isprintable():
        return text
    return _BAD_CHARS.sub("", _ANSI.sub("", text))


def clean_value(value: Any, depth: int = 0) -> Any:
    """Strings inside a JSON-like value cleaned with :func:`clean_str`."""
    if isinstance(value, str):
        return clean_str(value)
    if depth > 20:
        return None
    if isinstance(value, dict):
        return {clean_str(str(k)): clean_value(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_value(v, depth + 1) for v in value]
    return value


# one printable line (a newline, a control, a byte that was not UTF-8 written as an escape): the one
# helper every message and terminal output uses, in storylens.printable
safe_line = one_line


def display(path: str | os.PathLike[str]) -> str:
    """A file name fit for a one-line message: a newline or a byte that is not UTF-8 in it is escaped.

    >>> display("a\\nb\\udcff.txt")
    'a\\\\nb\\\\xff.txt'
    """
    return safe_line(os.fspath(path))


# -- XML before it is parsed ---------------------------------------------------------------------------
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>]|\[(?:[^\]]|\](?!\s*>))*\])*>", re.IGNORECASE)
_DOCTYPE_START = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY_DECL = re.compile(rb"<!ENTITY\s+(?:%\s+)?([A-Za-z_][\w.:-]{0,60})")


def _charref(m: re.Match[bytes]) -> bytes:
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    if code > 0x10FFFF or code in (0x9, 0xA, 0xD):
        return m.group(0) if code <= 0x10FFFF else b"&#xFFFD;"
    if code < 0x20 or 0xD800 <= code <= 0xDFFF or 0x7F <= code <= 0x9F:
        return b"&#xFFFD;"
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return b"&#xFFFD;"
    return m.group(0)


def defuse_xml(data: bytes, where: str) -> bytes:
    """A feed as bytes the XML parsers can take safely: a DOCTYPE (where entities are declared: billion
    laughs, external files) is removed, so no entity is ever expanded or fetched; character references
    to what is not a character (a lone surrogate, a code past U+10FFFF, a control) become U+FFFD."""
    for _ in range(4):  # what is left of a DOCTYPE cut short by a "]>" inside it may hold another
        start = _DOCTYPE_START.search(data)
        if not start:
            break
        m = _DOCTYPE.match(data, start.start())
        if not m:
            raise InputError(where, "feed has a DOCTYPE that does not end (its entity declarations are not read)")
        declared = _ENTITY_DECL.findall(m.group(0))[:1000]
        data = data[: m.start()] + data[m.end():]
        if declared:  # a reference to a removed entity is dropped, not left as text
            names = b"|".join(re.escape(n) for n in sorted(set(declared), key=len, reverse=True))
            data = re.sub(rb"&(?:" + names + rb");", b"", data)
    else:
        raise InputError(where, "feed has several DOCTYPE declarations (entity declarations are not read)")
    if b"&#" in data:
        data = _CHARREF.sub(_charref, data)
    return data
