"""Turn a file's bytes into text, or say clearly why that is not possible."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import InputError

_TEXT_CONTROL = {9, 10, 12, 13, 27}


def read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    if size == 0:
        raise InputError(str(path), "file is empty")
    if size > max_bytes:
        raise InputError(
            str(path),
            f"file is {size:,} bytes, over the {max_bytes:,}-byte limit "
            "(split it, or raise Options(max_input_bytes=...))",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    # a stray NUL or two in a text (a bad copy and paste) is dropped by decode(); many are a binary file
    if head.count(b"\x00") > len(head) // 100:
        return True
    control = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROL)
    return control > max(4, len(head) // 100)


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252;
    anything else is an error that names the file."""
    if looks_binary(data):
        raise InputError(path, "looks like a binary file, not text (expected .txt, .html or .jsonl articles)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(
                path, "cannot decode the text: not UTF-8 or Windows-1252 (convert it to UTF-8 first)"
            ) from None
    text = text.replace("\x00", "")
    if not text.strip():
        raise InputError(path, "file has no text (only whitespace)")
    return text
