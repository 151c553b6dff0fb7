"""Which files to read: the walk of a folder, the files named by hand, and what is refused by name.

In a folder only regular files are read: a FIFO, a socket or a device is skipped with a warning (reading
one would block or never end), a symbolic link that leads out of the folder or into a loop is reported
and not followed, and a file reached twice (through a link) is read once.  A FIFO named directly is
read as ``cat`` reads it (process substitution relies on that).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, LimitError
from ..limits import Limits, over
from ..models import Skipped
from .boundary import display

# Formats people try that storylens does not read, and what to do instead.
REFUSED = {
    ".pdf": "convert it to text or HTML first (e.g. pdftotext FILE.pdf)",
    ".doc": "convert it to text or HTML first (e.g. pandoc, or save as .txt)",
    ".docx": "convert it to text or HTML first (e.g. pandoc FILE.docx -o FILE.html)",
    ".odt": "convert it to text or HTML first (e.g. pandoc FILE.odt -o FILE.html)",
    ".rtf": "convert it to text first (save as .txt)",
    ".json": "write one JSON object a line, with a 'text' field, as .jsonl",
    ".csv": "write one article a line as .jsonl, with a 'text' field",
    ".tsv": "write one article a line as .jsonl, with a 'text' field",
    ".xlsx": "export the articles as .jsonl, one a line with a 'text' field",
    ".zip": "unpack it first",
    ".gz": "only .jsonl.gz and .warc.gz are read compressed: unpack it or rename it",
}
_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"))


def refusal(path: Path, supported: list[str]) -> str:
    """Why a file with an extension storylens does not read is refused, and what it does read."""
    ext = path.suffix.lower()
    hint = REFUSED.get(ext)
    reads = ", ".join(supported)
    if hint:
        return f"{ext} files are not read: {hint} (storylens reads {reads})"
    return f"{ext or 'this kind of'} files are not read (storylens reads {reads})"


def special_kind(mode: int) -> str | None:
    """ "a FIFO", "a socket", ... for a file that is not a regular file, else None."""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return None


@dataclass
class Walk:
    """What a folder holds: the files to read, the number passed over, what is reported."""

    files: list[Path] = field(default_factory=list)
    ignored: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def walk(root: Path, wanted, limits: Limits) -> Walk:
    """The files under ``root`` that ``wanted(path)`` accepts, sorted by path; hidden ones are passed over."""
    out = Walk()
    real_root = os.path.realpath(root)
    seen_dirs = {_key(os.stat(root))}
    seen_files: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            out.skipped.append(Skipped(display(folder), f"cannot list folder ({exc.strerror or exc})"))
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            p = Path(entry.path)
            sub = _entry(entry, p, real_root, wanted, seen_dirs, seen_files, out)
            if sub is not None:
                subdirs.append(sub)
            if len(out.files) > limits.max_files:
                raise LimitError(display(root), over("max_files", limits, f"more than {limits.max_files:,} files"),
                                 "max_files")
        stack.extend(reversed(subdirs))
    out.files.sort()
    return out


def _key(st: os.stat_result) -> tuple[int, int]:
    return st.st_dev, st.st_ino


def _entry(entry: os.DirEntry, p: Path, real_root: str, wanted, seen_dirs: set, seen_files: set,
           out: Walk) -> Path | None:
    """Take one folder entry into ``out``; a folder to descend into is returned."""
    link = entry.is_symlink()
    try:
        st = os.stat(p)  # follows a link
    except OSError as exc:
        if link:
            why = "a link that loops" if exc.errno == 40 else "a link to a file that does not exist"
            if wanted(p) or exc.errno == 40:
                out.skipped.append(Skipped(display(p), why))
        return None
    if link and not _inside(os.path.realpath(p), real_root):
        out.skipped.append(Skipped(display(p), "a link out of the folder, not followed"))
        return None
    if stat.S_ISDIR(st.st_mode):
        if _key(st) in seen_dirs:
            out.skipped.append(Skipped(display(p), "a link back to a folder already read (a loop), not followed"))
            return None
        seen_dirs.add(_key(st))
        return p
    kind = special_kind(st.st_mode)
    if kind:
        out.skipped.append(Skipped(display(p), f"not a regular file ({kind}), not read"))
        return None
    if not wanted(p):
        out.ignored += 1
        return None
    if _key(st) in seen_files:
        return None  # the same file reached through a link: read once
    seen_files.add(_key(st))
    out.files.append(p)
    return None


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def read_input_list(path: str | Path, limits: Limits | None = None) -> list[str]:
    """The paths listed in a file (``--input-list FILE``), one a line; blank lines and lines that start
    with ``#`` are passed over; ``-`` reads the list from standard input."""
    import sys

    limits = limits or Limits()
    where = display(path)
    try:
        if str(path) == "-":
            text = sys.stdin.buffer.read(limits.max_input_bytes + 1)
        else:
            with open(path, "rb") as fh:
                text = fh.read(limits.max_input_bytes + 1)
    except OSError as exc:
        raise InputError(where, f"cannot read the input list ({exc.strerror or exc})") from None
    if len(text) > limits.max_input_bytes:
        raise LimitError(where, over("max_input_bytes", limits, "the input list is larger"), "max_input_bytes")
    names = [os.fsdecode(ln).strip() for ln in text.split(b"\n")]
    names = [n for n in names if n and not n.startswith("#")]
    if len(names) > limits.max_files:
        raise LimitError(where, over("max_files", limits, f"the input list names {len(names):,} files"), "max_files")
    if not names:
        raise InputError(where, "the input list names no files (one path a line)")
    return names
