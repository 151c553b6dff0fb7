"""Dates written out in full, as metadata, page headers and our own output write them.

:func:`parse_date` and :func:`parse_numeric_date` read a date written out in full ("13 Oct 2016",
"October 6, 2016", "2016-10-13", "11/27/2005"); :func:`parse_iso` reads our own ISO strings back and
:func:`sort_key` orders them.  :mod:`storylens.text.dates` re-exports them with the time expressions of text.
"""

from __future__ import annotations

import re
from datetime import date

from .lexicon import MONTHS


def parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def sort_key(iso: str | None) -> tuple:
    """Order ISO dates of any precision; unresolved last."""
    if not iso:
        return (1, "9999")
    return (0, iso)


# -- absolute dates, as metadata and page headers write them ------------------------------------
_DATE_DMY = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b")
_DATE_MDY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def parse_date(text: str) -> str | None:
    """An ISO date from a string like "13 Oct 2016", "October 6, 2016" or "2016-10-13" (or "2016-13-10", a
    year, day and month, when the middle number cannot be a month)."""
    m = _ISO_DATE.search(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if mo > 12 >= d:  # year, day, month: "1998-30-06" (a wire's metadata) is 30 June, never no date
            mo, d = d, mo
        return iso_date(y, mo, d)
    m = _DATE_DMY.search(text)
    if m and month_number(m.group(2)):
        return iso_date(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
    m = _DATE_MDY.search(text)
    if m and month_number(m.group(1)):
        return iso_date(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))
    return None


def parse_numeric_date(text: str) -> str | None:
    """ "11/27/2005", "04/28/09", "27/09/2013": month first, as US pages write it, unless the first
    number cannot be a month (then day first)."""
    m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b", text)
    if not m:
        return None
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 100:
        y += 2000 if y < 50 else 1900
    return iso_date(y, b, a) if a > 12 else iso_date(y, a, b)


def month_number(name: str) -> int:
    """``"Sept."`` -> 9, ``"Octobre"`` -> 10 (read on its first three letters); 0 when no month."""
    low = name.lower().rstrip(".")
    return MONTHS.get(low) or MONTHS.get(low[:3], 0)


def iso_date(y: int, m: int, d: int) -> str | None:
    """``date(y, m, d).isoformat()``, or None when there is no such day."""
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
