"""Turn a file's bytes into text, or say clearly why that is not possible; read streams within limits."""

from __future__ import annotations

import codecs
import io
import re
import stat
import zlib
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator

from ..errors import InputError, LimitError
from ..limits import Limits, over
from .boundary import display, mapped

_TEXT_CONTROL = {9, 10, 12, 13, 27}
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20


def _stat_size(path: Path) -> int | None:
    """The size of a regular file; None for a FIFO named by hand (its size is known once read)."""
    try:
        st = path.stat()
    except OSError as exc:
        raise InputError(display(path), f"cannot read file ({exc.strerror or exc})") from None
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The whole file, refused before it is read when it is over ``max_input_bytes``."""
    size = _stat_size(path)
    if size is None:
        size = len(data := read_upto(path, limits.max_input_bytes + 1))
        if size > limits.max_input_bytes:
            raise LimitError(display(path), over("max_input_bytes", limits, "input is larger"), "max_input_bytes")
        if size == 0:
            raise InputError(display(path), "file is empty")
        return data
    if size == 0:
        raise InputError(display(path), "file is empty")
    if size > limits.max_input_bytes:
        raise LimitError(display(path), over("max_input_bytes", limits, f"file is {size:,} bytes"),
                         "max_input_bytes")
    data = read_upto(path, limits.max_input_bytes + 1)  # the file may have grown since stat()
    if len(data) > limits.max_input_bytes:
        raise LimitError(display(path), over("max_input_bytes", limits, "file grew while read"), "max_input_bytes")
    return data


def read_upto(path: Path, n: int) -> bytes:
    """At most ``n`` bytes of the file, read in steps (never a buffer of ``n`` asked for at once)."""
    parts: list[bytes] = []
    try:
        with path.open("rb") as fh:
            while n > 0 and (chunk := fh.read(min(n, _CHUNK))):
                parts.append(chunk)
                n -= len(chunk)
        return b"".join(parts)
    except OSError as exc:
        raise InputError(display(path), f"cannot read file ({exc.strerror or exc})") from None


class Gunzip:
    """What gzip members expand to, read in bounded steps: a member cut short gives what it holds and
    then ends (``truncated`` says so), where GzipFile would lose its last block in an EOFError."""

    def __init__(self, raw: BinaryIO):
        self.raw = raw
        self._d = zlib.decompressobj(31)
        self._buf = bytearray()
        self._pos = 0
        self._in = b""
        self._eof = False
        self._started = False
        self.truncated = False

    def _fill(self, want: int) -> None:
        """Until ``want`` bytes are buffered past the read position (or the stream ends)."""
        if self._pos:  # drop what was read: the buffer never holds more than a step past the position
            del self._buf[:self._pos]
            self._pos = 0
        while len(self._buf) < want and not self._eof:
            if not self._in:
                self._in = self.raw.read(_CHUNK)
                if not self._in:
                    self._eof = True
                    self.truncated = self._started and not self._d.eof
                    return
            if self._d.eof:  # the next member
                self._d = zlib.decompressobj(31)
            self._started = True
            self._buf += self._d.decompress(self._in, max(want - len(self._buf), 1 << 16))
            self._in = self._d.unused_data if self._d.eof else self._d.unconsumed_tail

    def read(self, n: int = -1) -> bytes:
        n = n if n is not None and n >= 0 else 1 << 62
        if len(self._buf) - self._pos < n:
            self._fill(n)
        out = bytes(self._buf[self._pos:self._pos + n])
        self._pos += len(out)
        return out

    def readline(self, limit: int = -1) -> bytes:
        limit = limit if limit is not None and limit >= 0 else 1 << 62
        scanned = 0  # bytes past the position already known to hold no newline
        while True:
            stop = min(len(self._buf), self._pos + limit)
            i = self._buf.find(b"\n", self._pos + scanned, stop)
            if i >= 0 or stop - self._pos >= limit or self._eof:
                end = i + 1 if i >= 0 else stop
                out = bytes(self._buf[self._pos:end])
                self._pos = end
                return out
            scanned = stop - self._pos
            self._fill(scanned + _CHUNK)

    def close(self) -> None:
        self._buf, self._pos = bytearray(), 0


class Stream:
    """A file read as a stream (gzip or not), never past ``max_expanded_bytes`` of what it expands to,
    nor a line past ``max_line_bytes``."""

    def __init__(self, raw: BinaryIO, where: str, limits: Limits):
        head = raw.read(2)
        raw.seek(0)
        self.compressed = head == _GZIP_MAGIC
        self.fh: Any = Gunzip(raw) if self.compressed else raw
        self.where = where
        self.limits = limits
        self.read_so_far = 0
        self._raw = raw

    @property
    def truncated(self) -> bool:
        """Whether the gzip stream ended inside a member (the file was cut short)."""
        return bool(getattr(self.fh, "truncated", False))

    def __enter__(self) -> "Stream":
        return self

    def __exit__(self, *exc: object) -> None:
        self.fh.close()
        self._raw.close()

    def _count(self, n: int) -> None:
        self.read_so_far += n
        if self.read_so_far > self.limits.max_expanded_bytes:
            what = "expands to more than that" if self.compressed else "is larger than that"
            raise LimitError(self.where, over("max_expanded_bytes", self.limits, f"stream {what}"),
                             "max_expanded_bytes")

    def read(self, n: int) -> bytes:
        with mapped(self.where, "cannot decompress or read the file"):
            data = self.fh.read(n)
        self._count(len(data))
        return data

    def lines(self) -> Iterator[tuple[int, bytes]]:
        """(line number, line) pairs; a line past ``max_line_bytes`` stops reading with a LimitError."""
        cap = self.limits.max_line_bytes
        ln = 0
        while True:
            with mapped(self.where, "cannot decompress or read the file"):
                line = self.fh.readline(cap + 1)
            if not line:
                return
            ln += 1
            self._count(len(line))
            if len(line) > cap:
                raise LimitError(f"{self.where}:{ln}", over("max_line_bytes", self.limits, "line is longer"),
                                 "max_line_bytes")
            yield ln, line


def stream_opener(path: Path, limits: Limits) -> Callable[[], Stream]:
    """A function that opens the file as a :class:`Stream` (each call from its start)."""
    if _stat_size(path) is None:  # a FIFO is read once: keep what it gives (within the limit) to read it again
        data = read_upto(path, limits.max_expanded_bytes + 1)
        return lambda: bytes_stream(data, display(path), limits)

    def open_() -> Stream:
        try:
            raw = path.open("rb")
        except OSError as exc:
            raise InputError(display(path), f"cannot read file ({exc.strerror or exc})") from None
        return Stream(raw, display(path), limits)

    return open_


def bytes_stream(data: bytes, where: str, limits: Limits) -> Stream:
    return Stream(io.BytesIO(data), where, limits)


def count_lines(stream: Stream) -> int:
    """Lines in the stream, read once within the limits; more than ``max_records`` is an error, found
    before any line is parsed (a million-line file stops at once)."""
    n = 0
    for n, _ in stream.lines():
        if n > stream.limits.max_records:
            raise LimitError(stream.where, over("max_records", stream.limits, f"more than {n - 1:,} lines"),
                             "max_records")
    return n


# -- text -----------------------------------------------------------------------------------------------
def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when ``head`` looks like UTF-16 text written without a BOM."""
    sample = head[: len(head) // 2 * 2]
    if len(sample) < 8:
        return None
    even_nul, odd_nul = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for codec, nuls, other in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if nuls > half * 0.6 and other < half * 0.05:
            try:
                text = sample.decode(codec)
            except UnicodeDecodeError:
                continue
            # text in the first 256 code points (what a NUL half says) is mostly ASCII letters and spaces
            ascii_text = sum(" " <= ch <= "~" or ch in "\n\r\t" for ch in text)
            spaces = sum(ch.isspace() for ch in text)
            if ascii_text > 0.8 * len(text) and spaces > 0.02 * len(text):
                return codec
    return None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head):
        return False
    # a stray NUL or two in a text (a bad copy and paste) is dropped by decode(); many are a binary file
    nuls = head.count(b"\x00")
    if nuls > len(head) // 100 and (nuls > 4 or nuls * 4 > len(head)):
        return True
    control = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROL)
    return control > max(4, len(head) // 100)


_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_:.-]{1,40})""")


def declared_charset(data: bytes) -> str | None:
    """The codec an HTML page (``<meta charset>``, ``http-equiv``) or XML declaration names, if Python
    knows it."""
    head = data[:4096]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode(data: bytes, path: str, *, charset: str | None = None) -> str:
    """UTF-16 (with a BOM or without), the declared ``charset`` (an HTML page's own), UTF-8 (with or
    without BOM), else Windows-1252; anything else is an error that names the file."""
    if looks_binary(data):
        raise InputError(path, "looks like a binary file, not text (expected .txt, .html or .jsonl articles)")
    text = _decode_text(data, path, charset)
    text = text.replace("\x00", "")
    if not text.strip():
        raise InputError(path, "file has no text (only whitespace)")
    return text


def _decode_text(data: bytes, path: str, charset: str | None) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return data[: len(data) // 2 * 2].decode(utf16, errors="replace")
    if charset and charset not in ("utf-8", "ascii") and not _strong_utf8(data):
        # a page that declares windows-1251, koi8-r, ... is read so (unless its bytes are plainly UTF-8:
        # a page saved as UTF-8 that kept its old declaration)
        return data.decode(charset, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    text = data.decode("utf-8", errors="replace")  # UTF-8 with a few damaged bytes: they become U+FFFD
    if text.count("\ufffd") * 50 > len(text):  # more than one character in fifty: not a damaged text
        raise InputError(path, "cannot decode the text: not UTF-8 or Windows-1252 (convert it to UTF-8 first)")
    return text


def _strong_utf8(data: bytes) -> bool:
    """Valid UTF-8 with multi-byte sequences in it (text in another 8-bit charset almost never is)."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
