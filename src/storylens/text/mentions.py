"""Where a name stands alone in a text, found by substring search rather than a pattern made for the name.

A name "stands alone" where no word character (what ``\\w`` matches: a letter, a digit, "_") or hyphen touches
it on either side: "Kerry" in "said Kerry." but not in "Kerry-Edwards" or "Kerryville".  The readers of
quotations ask this of every person of a story in every article; a regular expression per name (or per set of
a person's names) is compiled each time, as such patterns rarely repeat (and they push the patterns that do out
of :mod:`re`'s cache).  These functions give the same answers with ``str.find`` and a look at the neighbours.
"""

from __future__ import annotations

from typing import Iterable


def joins(c: str) -> bool:
    """Whether the character ``c`` continues a word for a name's bounds: a word character (``\\w``: alphanumeric
    or "_") or a hyphen."""
    return c.isalnum() or c == "_" or c == "-"


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has no word character or hyphen right before or right after it: the
    test of ``(?<![\\w-])`` at ``start`` and ``(?![\\w-])`` at ``end``."""
    return (start == 0 or not joins(text[start - 1])) and (end >= len(text) or not joins(text[end]))


def standalone(text: str, keys: Iterable[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of each place one of ``keys`` stands alone in ``text`` (:func:`stands_alone`), left to
    right and not overlapping, the longest key where several stand alone at one place: what
    ``re.finditer(r"(?<![\\w-])(?:K1|K2|...)(?![\\w-])", text)`` finds with the keys escaped and longest first.
    Empty keys are ignored."""
    longest: dict[int, int] = {}
    for key in set(keys):
        n = len(key)
        if not n:
            continue
        i = text.find(key)
        while i >= 0:
            if n > longest.get(i, 0) and stands_alone(text, i, i + n):
                longest[i] = n
            i = text.find(key, i + 1)
    out: list[tuple[int, int]] = []
    pos = 0
    for i in sorted(longest):
        if i >= pos:
            out.append((i, i + longest[i]))
            pos = i + longest[i]
    return out


__all__ = ["joins", "stands_alone", "standalone"]
