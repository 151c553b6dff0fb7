"""Dated events across the sources of a story, in order.

Each sentence that carries a time expression becomes an event dated by that
expression, read against its article's publication date (or a date inferred
from the text, flagged ``inferred``).  The same event told by several
sources (same date, much the same words) appears once with all its sources;
what cannot be dated is kept, marked ``unresolved``, at the end.
"""

from __future__ import annotations

from datetime import date
from typing import Sequence

from ..models import Article, Citation, Event
from ..text.segment import split_spans
from ..text.tfidf import content_terms
from .dates import find_times, is_future, parse_iso, resolve, sort_key

MAX_EVENT_CHARS = 320
SAME_EVENT = 0.4  # content-word overlap (Jaccard) above which two dated sentences tell one event


def resolve_all(article: Article, anchor: date | None):
    """Yield ``(sentence_start, sentence_end, [(TimeExpr, Resolved), ...])`` for each sentence with a date."""
    text = article.text
    previous: date | None = None
    for s, e in split_spans(text):
        sent = text[s:e]
        times = find_times(sent, s)
        if not times:
            continue
        fut = is_future(sent)
        got = []
        for t in times:
            r = resolve(t, anchor, future=fut, previous=previous)
            got.append((t, r))
            if r.precision == "day":
                previous = parse_iso(r.date)
        yield s, e, got


def article_events(article: Article, anchor: date | None, inferred: bool = False) -> list[Event]:
    """The dated (and undatable) events of one article, in text order."""
    text = article.text
    out: list[Event] = []
    for s, e, got in resolve_all(article, anchor):
        sent = text[s:e]
        t, r = next(((t, r) for t, r in got if r.resolved), got[0])
        relative = t.kind not in ("md", "dm", "year") and not (t.kind == "month" and t.get("year"))
        out.append(Event(
            date=r.date, date_precision=r.precision,
            text=sent if len(sent) <= MAX_EVENT_CHARS else sent[:MAX_EVENT_CHARS].rsplit(" ", 1)[0] + "\u2026",
            article_ids=(article.id,), evidence=(Citation(article.id, -1, s, e),),
            expression=t.text.strip(), inferred=bool(inferred and relative and r.resolved),
        ))
    return out


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def story_timeline(articles: Sequence[Article], anchors: dict[str, tuple[date | None, bool]]) -> list[Event]:
    """Events of all ``articles``, merged across sources and ordered by date (unresolved last)."""
    merged: list[tuple[Event, set[str]]] = []
    for a in articles:
        anchor, inferred = anchors.get(a.id, (None, False))
        for ev in article_events(a, anchor, inferred):
            terms = set(content_terms(ev.text))
            for i, (other, oterms) in enumerate(merged):
                if other.date and other.date == ev.date and a.id not in other.article_ids \
                        and _jaccard(terms, oterms) >= SAME_EVENT:
                    merged[i] = (Event(other.date, other.date_precision, other.text,
                                       other.article_ids + (a.id,), other.evidence + ev.evidence,
                                       other.expression, other.inferred and ev.inferred), oterms | terms)
                    break
            else:
                merged.append((ev, terms))
    order = {a.id: i for i, a in enumerate(articles)}
    events = [ev for ev, _ in merged]
    events.sort(key=lambda ev: (sort_key(ev.date), order.get(ev.article_ids[0], 0),
                                ev.evidence[0].start if ev.evidence else 0))
    return events
