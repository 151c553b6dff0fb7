"""Dated events across the sources of a story, in order.

Each sentence that carries a time expression becomes an event dated by that
expression, read against its article's publication date (or a date inferred
from the text, flagged ``inferred``).  The same event told by several
sources (same date, much the same words) appears once with all its sources;
what cannot be dated is kept, marked ``unresolved``, at the end.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ..models import Article, Citation, Event
from ..prepare import PreparedDocument, prepare_documents
from ..text.dates import is_history, sort_key
from ..text.tfidf import content_terms

# newspaper schedule and service lines: "Story Filed By Cox Newspapers", "EDITORS: moved on Tuesday", "The Hearst
# News Service will file the following for Wednesday", "For Thursday:", "C. 1998 Cox News Service"; some are
# told by how the line opens, the others anywhere in it
_SCHEDULE_START = re.compile(r"\W*(?:(?:EDITORS?|ATTN|ATTENTION|NOTE TO EDITORS)\b|"
                             r"(?:c\.|\(c\)|\u00a9|copyright)\s*\d{4}\b|for\s+\w+day\W*$)", re.IGNORECASE)
_SCHEDULE_ANYWHERE = re.compile(r"\b(?:For Use By Clients|Story Filed By|for release (?:at|on)|scheduled to move|"
                                r"moved (?:on|at) the wire|Optional add|(?:BC|AM|PM)-[A-Z][\w-]+|"
                                r"(?:will|has filed or will) file the following)", re.IGNORECASE)
# what _SCHEDULE_ANYWHERE needs, lower-cased: in ASCII text a line without any is passed over at once
_SCHEDULE_WORDS = ("for use by clients", "story filed by", "for release", "scheduled to move", "the wire",
                   "optional add", "bc-", "am-", "pm-", "file the following")


def is_schedule_line(text: str) -> bool:
    """Whether ``text`` is a newspaper's schedule or service line, no event."""
    if _SCHEDULE_START.match(text):
        return True
    if text.isascii():
        low = text.lower()
        if not any(w in low for w in _SCHEDULE_WORDS):
            return False
    return _SCHEDULE_ANYWHERE.search(text) is not None


# a contributor's note in parentheses: "&UR; (Leslie Kean, who writes regularly on Burma, is co-author of ``Burma's
# Revolution of the Spirit'' ...)", "(Jane Doe is a staff writer for ...)": about the writer, no event
CONTRIBUTOR_LINE = re.compile(r"^\W*(?:&\w+;\s*)*\(\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},?\s+"
                              r"(?:who\s+(?:writes|reports|covers)\b|is\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?"
                              r"(?:writer|columnist|correspondent|editor|reporter|author)\b|is\s+co-?author\b)")
# what is left of a line that is only a date ("&UR; Tuesday, Sept. 19, 2000 &LR;", "1993:"): a header, no event
_MARKUP = re.compile(r"&\w+;")
MAX_EVENT_CHARS = 320
SAME_EVENT = 0.4  # content-word overlap (Jaccard) above which two dated sentences tell one event


def article_events(doc: PreparedDocument) -> list[Event]:
    """The dated (and undatable) events of one prepared article, in text order."""
    article, inferred = doc.article, doc.anchor_inferred
    out: list[Event] = []
    for sentence, got in zip(doc.sentences, doc.times):
        if not got or is_schedule_line(sentence.text) or CONTRIBUTOR_LINE.match(sentence.text):
            continue
        s, e, sent = sentence.start, sentence.end, sentence.text
        if _only_dates(sent, [(t.start - s, t.end - s) for t, _ in got]):
            continue
        own = [(t, r) for t, r in got if not is_history(sent, t.start - s)]
        if not own:
            continue  # only the past it is measured against: "the first strike since a strike in 1970"
        t, r = next(((t, r) for t, r in own if r.resolved), own[0])
        relative = t.kind not in ("md", "dm", "year") and not (t.kind == "month" and t.get("year"))
        out.append(Event(
            date=r.date, date_precision=r.precision,
            text=sent if len(sent) <= MAX_EVENT_CHARS else sent[:MAX_EVENT_CHARS].rsplit(" ", 1)[0] + "\u2026",
            article_ids=(article.id,), evidence=(Citation(article.id, -1, s, e),),
            expression=t.text.strip(), inferred=bool(inferred and relative and r.resolved),
        ))
    return out


def _only_dates(sentence: str, spans: list[tuple[int, int]]) -> bool:
    """Whether ``sentence`` holds nothing but its time expressions (and markup, punctuation)."""
    rest, at = [], 0
    for a, b in sorted(spans):
        rest.append(sentence[at:a])
        at = max(at, b)
    rest.append(sentence[at:])
    return not re.sub(r"[\W_]+", "", _MARKUP.sub("", "".join(rest)))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def story_timeline(documents: Sequence[Article | PreparedDocument]) -> list[Event]:
    """Events of all the story's articles, merged across sources and ordered by date (unresolved last)."""
    docs = prepare_documents(documents)
    merged: list[tuple[Event, set[str]]] = []
    on_date: dict[str, list[int]] = {}  # the merged events of each date, in order
    held: Counter[tuple[str, str]] = Counter()  # (date, article id) -> how many of the date's events it is in
    for doc in docs:
        aid = doc.id
        for ev in article_events(doc):
            terms = set(content_terms(ev.text))
            same_day = on_date.get(ev.date, []) if ev.date else []
            if held[(ev.date or "", aid)] == len(same_day):
                same_day = []  # every event of that day is already this article's: nothing to merge with
            for i in same_day:
                other, oterms = merged[i]
                if aid not in other.article_ids and _jaccard(terms, oterms) >= SAME_EVENT:
                    merged[i] = (Event(other.date, other.date_precision, other.text,
                                       other.article_ids + (aid,), other.evidence + ev.evidence,
                                       other.expression, other.inferred and ev.inferred), oterms | terms)
                    held[(ev.date or "", aid)] += 1
                    break
            else:
                if ev.date:
                    on_date.setdefault(ev.date, []).append(len(merged))
                    held[(ev.date, aid)] += 1
                merged.append((ev, terms))
    order = {doc.id: i for i, doc in enumerate(docs)}
    events = [ev for ev, _ in merged]
    events.sort(key=lambda ev: (sort_key(ev.date), order.get(ev.article_ids[0], 0),
                                ev.evidence[0].start if ev.evidence else 0))
    return events
