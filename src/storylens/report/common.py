"""Small helpers shared by the renderers."""

from __future__ import annotations

from ..models import Article, Digest


def source_numbers(d: Digest, doc_indices) -> list[int]:
    """1-based source numbers for 0-based document indices, in order, once each."""
    seen: list[int] = []
    for i in doc_indices:
        if 0 <= i < len(d.articles) and i + 1 not in seen:
            seen.append(i + 1)
    return seen


def source_line(a: Article) -> str:
    """"Outlet (via Agency)" for a source list."""
    name = a.outlet or a.agency or "Unknown outlet"
    if a.agency and a.agency != name:
        name += f" (via {a.agency})"
    return name


def date_span(d: Digest) -> str:
    dates = sorted(a.published for a in d.articles if a.published)
    if not dates:
        return ""
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"


def display_title(a: Article, words: int = 12) -> str:
    """The article's title, or its opening words when it has none."""
    if a.title:
        return a.title
    opening = a.text.split("\n", 1)[0].split()
    if not opening:
        return ""
    return " ".join(opening[:words]) + ("\u2026" if len(opening) > words else "")


def copy_note(d: Digest, a: Article) -> str:
    """"copy of [n]" for a syndicated copy, else ""."""
    orig = d.meta.get("copies", {}).get(a.id) if d.meta else None
    if not orig:
        return ""
    for n, o in enumerate(d.articles, 1):
        if o.id == orig:
            return f"copy of [{n}]"
    return ""
