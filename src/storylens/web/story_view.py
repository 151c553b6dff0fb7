"""The story page's model: the JSON digest with a link on every citation marker.

Every marker ``[n]`` points at ``/articles/ID?start=A&end=B#hl``: the
cited source's text with the exact evidence span (the digest's ``evidence``
offsets) highlighted.  Built from the JSON digest (schema
``storylens.digest/1``), so the page shows what the API returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable
from urllib.parse import quote

from ..report.common import balanced_quote
from ..models import Claim
from ..report.view import CiteView, ClaimView, EventView, FigureView, QuoteView, SentenceView, UpdateView, amount
from .security import safe_href

MAX_SINGLE_FIGURES = 12
MAX_EVENTS = 40
MAX_ENTITIES = 20


@dataclass(frozen=True)
class Mark:
    n: int
    href: str
    spanned: bool  # the link highlights an exact span (else it opens the source's text)


@dataclass
class Source:
    n: int
    id: str
    title: str
    outlet: str
    published: str | None
    url: str
    href: str | None  # the URL when it may be a live link
    copy_of: int | None
    page: str


@dataclass
class Item:
    text: str
    marks: list[Mark] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EvidenceView:
    """What the report's evidence partials read from their ``view`` (of :class:`~storylens.report.view.DigestView`):
    one template for the report and the story page.  No timeline chart on the page (the JSON digest
    does not carry it)."""

    figures_shown: tuple[FigureView[Mark], ...]
    quotes: tuple[QuoteView[Mark], ...]
    timeline: tuple[EventView[Mark], ...]
    timeline_svg: None = None


def article_link(article_id: str, start: int | None = None, end: int | None = None) -> str:
    """``/articles/ID``, with ``?start=A&end=B#hl`` (the span to highlight) when both are given."""
    path = f"/articles/{quote(article_id, safe='')}"
    if start is None or end is None:
        return path
    return f"{path}?start={int(start)}&end={int(end)}#hl"


Span = tuple[str, int, int]  # (article id, start, end): a cited span of an article's cleaned text


def story_link(story_id: str, since_version: int | None = None) -> str:
    """``/stories/ID``, with ``?since_version=N`` (what is new since version N) when given."""
    path = f"/stories/{quote(story_id, safe='')}"
    return path if since_version is None else f"{path}?since_version={int(since_version)}"


@dataclass(frozen=True)
class SummaryView:
    """What the report's ``_summary.html`` reads from its ``view``; ``update`` for an update digest."""

    summary: tuple[SentenceView, ...]
    update: UpdateView | None = None


def _span(span: dict) -> Span:
    return str(span["article_id"]), int(span["start"]), int(span["end"])


def _cite(n: int, article_id: str, span: dict | None, texts: dict[Span, str]) -> CiteView:
    """A marker of the summary with its span's words when ``texts`` has them (the JSON digest carries
    offsets, not texts: the page reads the spans' texts from the store; without one the hover says
    "source n")."""
    if span is None:
        return CiteView(n, article_id, None, None, "")
    start, end = int(span["start"]), int(span["end"])
    return CiteView(n, article_id, start, end, texts.get((article_id, start, end), ""))


def _claim(c: dict) -> Claim:
    """A figure's claim of the JSON digest, as the report's view reads it (its amount in words)."""
    return Claim(value=float(c["value"]), qualifier=c.get("qualifier") or "", text=c.get("text") or "",
                 what=c.get("what") or "", attributed_to=c.get("attributed_to") or "", date=c.get("date"),
                 article_id=c["article_id"], start=int(c.get("start") or 0), end=int(c.get("end") or 0),
                 unit=c.get("unit") or "")


class StoryView:
    """Sources, summary, figures, quotes, timeline and coverage of one digest, ready for the template."""

    def __init__(self, story_id: str, digest: dict):
        self.story_id = story_id
        self.d = digest
        self.nums = {a["id"]: a["n"] for a in digest.get("articles", [])}
        self.sources = [self._source(a) for a in digest.get("articles", [])]

    def _source(self, a: dict) -> Source:
        dup = a.get("duplicate_of")
        return Source(n=a["n"], id=a["id"], title=a.get("title") or "", outlet=a.get("outlet") or a.get("agency") or "",
                      published=a.get("published"), url=a.get("url") or "", href=safe_href(a.get("url")),
                      copy_of=self.nums.get(dup) if dup else None, page=article_link(a["id"]))

    def marks(self, article_ids: Iterable[str], evidence: Iterable[dict] = ()) -> list[Mark]:
        """One marker per cited source, in order; each links to its evidence span when the digest gives one."""
        spans: dict[str, dict] = {}
        order: list[str] = []
        for e in evidence:
            spans.setdefault(e["article_id"], e)
            order.append(e["article_id"])
        order += list(article_ids)
        out = []
        for aid in dict.fromkeys(order):
            if aid not in self.nums:
                continue
            span = spans.get(aid)
            href = (article_link(aid, span["start"], span["end"]) if span
                    else article_link(aid))
            out.append(Mark(self.nums[aid], href, span is not None))
        return out

    def _cited(self, s: dict) -> list[tuple[int, str, dict | None]]:
        """``(source number, article id, its first evidence span or None)`` of a summary sentence."""
        ids = {a["n"]: a["id"] for a in self.d.get("articles", [])}
        spans: dict[str, dict] = {}
        for e in s.get("evidence", []):
            spans.setdefault(e["article_id"], e)
        return [(n, ids[n], spans.get(ids[n])) for n in s.get("sources", []) if n in ids]

    def summary_spans(self) -> list[Span]:
        """The spans the summary's markers show on hover: each citation's, and each differing source's."""
        out: list[Span] = []
        for s in self.d.get("summary", []):
            out += [_span(span) for _, _, span in self._cited(s) if span is not None]
            out += [_span(c) for c in s.get("conflicts", []) if c["article_id"] in self.nums]
        return list(dict.fromkeys(out))

    def summary_view(self, texts: dict[Span, str] | None = None) -> SummaryView:
        """The summary as the report's ``_summary.html`` reads it: each citation with its evidence span
        (linked by the web's ``_macros.html``) and, when ``texts`` has it (:meth:`summary_spans`), the span's
        words on hover; the sources whose figure differs, with the differing sentence; and an update
        digest's own part (what it is new since, the new sources, the figures they change)."""
        texts = texts or {}
        out = []
        for s in self.d.get("summary", []):
            cited = self._cited(s)
            cites = tuple(_cite(n, aid, span, texts) for n, aid, span in cited)
            conflicts = tuple(_cite(self.nums[c["article_id"]], c["article_id"], c, texts)
                              for c in s.get("conflicts", []) if c["article_id"] in self.nums)
            out.append(SentenceView(balanced_quote(s["text"]), "", tuple(n for n, _, _ in cited), cites, conflicts))
        return SummaryView(tuple(out), self._update())

    def _update(self) -> UpdateView | None:
        u = self.d.get("update")
        if not u:
            return None
        facts = self.d.get("facts", [])
        changed = tuple(FigureView(facts[k].get("what") or "figure", facts[k]["status"], tuple(
            ClaimView(amount(_claim(c)), c.get("attributed_to") or "", c.get("date"),
                      (self.nums[c["article_id"]],) if c["article_id"] in self.nums else ())
            for c in facts[k]["claims"])) for k in u.get("changed_figures", []) if 0 <= k < len(facts))
        new = tuple(self.nums[i] for i in dict.fromkeys(u.get("new_article_ids", [])) if i in self.nums)
        return UpdateView(str(u.get("since") or ""), new, changed)

    def evidence_view(self) -> "EvidenceView":
        """The figures, quotes and timeline as the report's own partials (``_figures.html``,
        ``_quotes.html``, ``_timeline.html``) read them, each citation a :class:`Mark` to its span."""
        facts = self.d.get("facts", [])
        shown = [g for g in facts if g["status"] != "single"] + \
            [g for g in facts if g["status"] == "single"][:MAX_SINGLE_FIGURES]
        figures = tuple(FigureView(g.get("what") or "figure", g["status"], tuple(
            ClaimView(amount(_claim(c)), c.get("attributed_to") or "", c.get("date"),
                      tuple(self.marks([c["article_id"]], [c]))) for c in g["claims"])) for g in shown)
        quotes = tuple(QuoteView(q["text"], q.get("speaker") or None, (q.get("role") or "") if q.get("speaker")
                                 else "", q.get("mention") or "",
                                 tuple(self.marks(q.get("article_ids", []), q.get("evidence", []))))
                       for q in self.d.get("quotes", []) if not q.get("in_summary"))
        events = tuple(EventView(e["date"], e["text"], bool(e.get("inferred")),
                                 tuple(self.marks(e.get("article_ids", []), e.get("evidence", []))))
                       for e in [e for e in self.d.get("timeline", []) if e.get("date")][:MAX_EVENTS])
        return EvidenceView(figures, quotes, events)

    def entities(self) -> list[Item]:
        """People, organisations and places, with their mentions per source (each links to the source)."""
        out = []
        for e in self.d.get("entities", [])[:MAX_ENTITIES]:
            per = [(Mark(self.nums[aid], article_link(aid), False), n) for aid, n in (e.get("mentions") or {}).items()
                   if aid in self.nums]
            out.append(Item(e["name"], [m for m, _ in per], {"label": e.get("label") or "", "counts": per}))
        return out

    def undated_events(self) -> int:
        return sum(1 for e in self.d.get("timeline", []) if not e.get("date"))

    def coverage(self) -> dict[str, Any]:
        """Who reported what: per summary sentence, which sources carry it; per source, what only it reports."""
        cov = self.d.get("coverage") or {}
        rows = []
        for s in cov.get("summary", []):
            carried = set(s.get("article_ids", []))
            rows.append({"index": s.get("index", 0) + 1, "cells": [src.id in carried for src in self.sources]})
        alone = []
        for src in self.sources:
            info = (cov.get("sources") or {}).get(src.id) or {}
            spans = [Item(x["text"], [Mark(src.n, article_link(src.id, x["start"], x["end"]), True)])
                     for x in info.get("only_here", []) if "start" in x and "end" in x]
            if spans:
                alone.append({"source": src, "spans": spans})
        return {"rows": rows, "alone": alone}
