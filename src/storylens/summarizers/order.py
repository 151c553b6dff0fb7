"""The order a summary is read in.

* ``chronological``: each sentence placed by the date of the event it reports (a day-precise date its text
  gives, resolved against its article's date, not after it) or else its article's date; then as ``reading``.
* ``reading``: earlier in its article first (leads lead), then by publication date and input order.
* ``salience``: the order the method ranked them in (most important first).
* ``auto`` (the default): ``chronological`` when the story's articles span several days, else ``reading``.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from ..config import ORDERS
from ..text.dates import parse_iso

# a story whose dated articles lie this many days apart or more is read in time order by default
SPAN_DAYS = 2
# an event date a sentence gives counts only within this many days before its article (older is background)
EVENT_LOOKBACK_DAYS = 31


def _anchor(pool, doc: int) -> date | None:
    docs = pool.documents
    if len(docs) > doc and docs[doc].anchor is not None:
        return docs[doc].anchor
    return parse_iso(pool.articles[doc].published)


def spans_several_days(pool) -> bool:
    """Whether the dated articles of ``pool`` lie at least :data:`SPAN_DAYS` days apart."""
    days = [d for d in (_anchor(pool, i) for i in range(len(pool.articles))) if d is not None]
    return bool(days) and (max(days) - min(days)).days >= SPAN_DAYS


def event_date(pool, i: int) -> date | None:
    """The day candidate ``i`` reports: the first day-precise past date its text gives near its article's
    date, else the article's date (None when neither is known)."""
    s = pool.sentences[i]
    anchor = _anchor(pool, s.doc_index)
    docs = pool.documents
    if anchor is not None and len(docs) > s.doc_index:
        times = docs[s.doc_index].times
        for _expr, resolved in (times[s.position] if s.position < len(times) else ()):
            day = parse_iso(resolved.date) if resolved.precision == "day" else None
            if day is not None and 0 <= (anchor - day).days <= EVENT_LOOKBACK_DAYS:
                return day
    return anchor


def order_for_reading(pool, chosen: Sequence[int], order: str = "auto") -> list[int]:
    """``chosen`` (candidate indices in rank order) in the order a reader gets them (see the module doc)."""
    if order not in ORDERS:
        from ..errors import ConfigError

        raise ConfigError(f"unknown order {order!r}; choose one of: {', '.join(ORDERS)}")
    if order == "salience":
        return list(chosen)
    reading = pool.reading_order(chosen)
    if order == "reading" or (order == "auto" and not spans_several_days(pool)):
        return reading
    place = {i: k for k, i in enumerate(reading)}
    # undated sentences keep their reading place after the dated ones
    return sorted(reading, key=lambda i: (event_date(pool, i) or date.max, place[i]))


__all__ = ["ORDERS", "order_for_reading", "event_date", "spans_several_days"]
