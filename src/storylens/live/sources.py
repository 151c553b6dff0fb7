"""What to follow: feed URLs, page URLs, OPML files (nested outlines) and text files of URLs.

A URL given on its own, or in a text file, is of kind ``auto`` (the first
fetch tells a feed from a page); an OPML outline's ``xmlUrl`` is a ``feed``.
A bad line or outline is skipped with its reason; an argument that is neither
a readable file nor an http(s) URL is an error.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..ingest._decode import decode
from ..limits import Limits, flag
from ..models import Skipped
from .urls import check_url

KINDS = ("auto", "feed", "page")


@dataclass(frozen=True)
class Source:
    url: str
    kind: str = "auto"
    title: str = ""
    added_from: str = ""


def _looks_like_url(text: str) -> bool:
    return "://" in text[:16]


def read_sources(args: Iterable[str], limits: Limits | None = None) -> tuple[list[Source], list[Skipped]]:
    """The sources named by command-line arguments (URLs and files), in order, each once."""
    limits = limits or Limits()
    found: list[Source] = []
    skipped: list[Skipped] = []
    for arg in args:
        if _looks_like_url(arg):
            found.append(Source(check_url(arg), "auto", added_from="command line"))
            continue
        path = Path(arg)
        if not path.is_file():
            raise InputError(arg, "not a file, nor an http:// or https:// URL")
        data = _read(path, limits)
        if b"<opml" in data[:4096].lower():
            got, bad = parse_opml(data, str(path))
        else:
            got, bad = parse_url_list(decode(data, str(path)), str(path))
        found.extend(got)
        skipped.extend(bad)
    first: dict[str, Source] = {}
    for s in found:
        first.setdefault(s.url, s)  # the first mention of a URL wins
    unique = list(first.values())
    if len(unique) > limits.max_records:
        raise InputError(", ".join(args), f"{len(unique):,} sources, over the limit of {limits.max_records:,} "
                                          f"(raise it with {flag('max_records')})")
    return unique, skipped


def _read(path: Path, limits: Limits) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(limits.max_input_bytes + 1)
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > limits.max_input_bytes:
        raise InputError(str(path), f"file over the {limits.max_input_bytes:,}-byte limit "
                                    f"(raise it with {flag('max_input_bytes')})")
    return data


def parse_url_list(text: str, where: str) -> tuple[list[Source], list[Skipped]]:
    """One URL a line; blank lines and lines starting with # are ignored."""
    found, skipped = [], []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            found.append(Source(check_url(line), "auto", added_from=where))
        except InputError as exc:
            skipped.append(Skipped(f"{where}:{n}", exc.problem))
    return found, skipped


def parse_opml(data: bytes, where: str) -> tuple[list[Source], list[Skipped]]:
    """Every outline with an ``xmlUrl``, however deeply nested (categories are folders of outlines)."""
    if b"<!entity" in data.lower():
        raise InputError(where, "OPML with entity declarations is refused (they can expand without bound)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(where, f"malformed OPML ({exc})") from None
    if root.tag.lower() != "opml":
        raise InputError(where, f"not an OPML file (its root element is <{root.tag}>)")
    found, skipped = [], []
    for i, node in enumerate(root.iter("outline"), 1):
        attrs = {k.lower(): v for k, v in node.attrib.items()}
        url = attrs.get("xmlurl") or (attrs.get("url") if attrs.get("type", "").lower() == "link" else None)
        if not url:
            continue
        kind = "feed" if attrs.get("xmlurl") else "auto"
        try:
            found.append(Source(check_url(url), kind, (attrs.get("title") or attrs.get("text") or "").strip(),
                                added_from=where))
        except InputError as exc:
            skipped.append(Skipped(f"{where}: outline {i}", exc.problem))
    if not found and not skipped:
        raise InputError(where, "OPML file without any feed (no outline has an xmlUrl)")
    return found, skipped
