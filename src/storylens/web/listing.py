"""The Stories list: search, filters, pagination, "new since", each story's one-line lead.

One function, :func:`list_stories`, serves the page and the API, so the two
show the same stories in the same order (the store's: newest first).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..errors import StorylensError
from ..stories.store import StoredStory, StoryFilter
from .access import StoreAccess

PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_SEARCH_HITS = 1000  # articles a query may pull stories from
MAX_QUERY_CHARS = 500
LEAD_CHARS = 220


class BadQuery(StorylensError):
    """A parameter of the list is malformed (a 422 with this message)."""


class PageOutOfRange(StorylensError):
    """A page past the last one (a 404 with this message)."""


@dataclass(frozen=True)
class StoryQuery:
    q: str = ""
    outlet: str = ""
    date_from: str = ""
    date_to: str = ""
    since: str = ""  # "new since your last visit": stories with an article dated on or after this day
    page: int = 1
    per_page: int = PER_PAGE

    def __post_init__(self) -> None:
        if len(self.q) > MAX_QUERY_CHARS:
            raise BadQuery(f"the search query is over {MAX_QUERY_CHARS} characters")
        for name, param in (("date_from", "from"), ("date_to", "to"), ("since", "since")):
            value = getattr(self, name)
            if value and not _is_date(value):
                raise BadQuery(f"{param} must be a date as YYYY-MM-DD, got {value[:40]!r}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise BadQuery(f"from {self.date_from} is after to {self.date_to}")

    def params(self, **changes: Any) -> dict[str, Any]:
        """The query's non-default parameters (for links to other pages of the same list)."""
        out: dict[str, Any] = {k: v for k, v in (("q", self.q), ("outlet", self.outlet), ("from", self.date_from),
                                 ("to", self.date_to), ("since", self.since)) if v}
        if self.per_page != PER_PAGE:
            out["per_page"] = self.per_page
        out.update({k: v for k, v in changes.items() if v})
        return out


def _is_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass
class StoryRow:
    story: StoredStory
    lead: str
    new: bool

    def to_dict(self) -> dict[str, Any]:
        s = self.story
        return {"id": s.id, "title": s.title, "size": s.size, "outlets": list(s.outlets),
                "first_seen": s.first_seen, "last_seen": s.last_seen, "lead": self.lead, "new": self.new}


@dataclass
class StoryPage:
    rows: list[StoryRow]
    total: int
    page: int
    pages: int
    outlets: list[str]  # the outlets of the stories shown (suggestions for the outlet filter)

    def to_dict(self) -> dict[str, Any]:
        return {"stories": [r.to_dict() for r in self.rows], "total": self.total, "page": self.page,
                "pages": self.pages}


def list_stories(access: StoreAccess, q: StoryQuery) -> StoryPage:
    """One page of the stories ``q`` asks for: the filters are the database's (only the page's stories are
    read); a search orders its stories by their best hit."""
    where = StoryFilter(outlet=q.outlet, date_from=q.date_from, date_to=q.date_to)
    if not q.q.strip():
        total = access.count_stories(where)
        _check_page(q, total)
        shown = access.stories(limit=q.per_page, offset=(q.page - 1) * q.per_page, where=where)
        return _page(access, q, shown, total, _pages(q, total))
    rank: dict[str, int] = {}
    for i, h in enumerate(access.search(q.q, limit=MAX_SEARCH_HITS)):
        rank.setdefault(h.story_id, i)  # in the order of each story's best hit
    kept = set(access.story_ids(replace(where, ids=tuple(rank))))
    ranked = [sid for sid in rank if sid in kept]
    _check_page(q, len(ranked))
    ids = ranked[(q.page - 1) * q.per_page: q.page * q.per_page]
    by_id = {s.id: s for s in access.stories(where=StoryFilter(ids=tuple(ids)))} if ids else {}
    return _page(access, q, [by_id[i] for i in ids if i in by_id], len(ranked), _pages(q, len(ranked)))


def _pages(q: StoryQuery, total: int) -> int:
    return max(1, math.ceil(total / q.per_page))


def _check_page(q: StoryQuery, total: int) -> None:
    pages = _pages(q, total)
    if q.page > pages:
        raise PageOutOfRange(f"page {q.page} of {pages}: the list has {total} stories")


def _page(access: StoreAccess, q: StoryQuery, shown: list[StoredStory], total: int, pages: int) -> StoryPage:
    rows = [StoryRow(s, _lead(access, s), bool(q.since and s.last_seen and s.last_seen >= q.since)) for s in shown]
    return StoryPage(rows, total, q.page, pages, sorted({o for s in shown for o in s.outlets}))


def _lead(access: StoreAccess, s: StoredStory) -> str:
    """The story's first article's opening sentence (or words), cut to one line."""
    if not s.article_ids:
        return ""
    first = access.plain_article(s.article_ids[0])  # the oldest member (the store lists them oldest first)
    if first is None:
        return ""
    text = " ".join(first.text.split())
    m = re.search(r"(?<=[.!?])\s", text[40:])
    lead = text[: 40 + m.start()] if m else text
    if len(lead) > LEAD_CHARS:
        lead = lead[:LEAD_CHARS].rsplit(" ", 1)[0] + "\u2026"
    return lead
