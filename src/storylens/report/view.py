"""The one evidence model every renderer reads.

:func:`digest_view` turns a :class:`~storylens.models.Digest` into what a
reader is shown: each figure's amount in words, each quote's speaker or why
there is none, 1-based source numbers instead of article ids, what is folded
and how much.  The Markdown renderer and the HTML templates (also used by the
web app) lay out the same view; the JSON report writes the Digest's models
themselves, with the same source numbers.  The view holds plain strings: each
renderer escapes them for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Generic, Sequence, TypeVar

from ..models import Article, Citation, Claim, Digest, FactGroup, Quote, SummarySentence
from .common import (balanced_quote, copy_note, date_span, display_title, mixed_note, quoted_speaker,
                     source_line, source_numbers)

MAX_SINGLE_FACTS = 12  # single-source figures the HTML page lists (the Markdown digest folds them)
MAX_QUOTES = 10  # quotes the Markdown digest lists before "N more"
MAX_EVENTS = 30
MAX_ENTITIES = 20
MAX_ONLY_HERE = 2  # sentences shown per source under "what only one source reports"


#: what a view's ``sources`` hold: source numbers in the report, the web page's markers (links to the span)
S = TypeVar("S")


@dataclass(frozen=True)
class ClaimView(Generic[S]):
    amount: str  # "more than 250,000"
    attributed_to: str
    date: str | None
    sources: tuple[S, ...]


@dataclass(frozen=True)
class FigureView(Generic[S]):
    what: str
    status: str  # agree | differ | updated | single
    claims: tuple[ClaimView[S], ...]


@dataclass(frozen=True)
class UpdateView:
    """An update digest's own part: the day it counts from, the new sources, the figures they change."""

    since: str
    new_sources: tuple[int, ...]
    changed_figures: tuple[FigureView[int], ...]


@dataclass(frozen=True)
class QuoteView(Generic[S]):
    text: str
    speaker: str | None
    role: str
    mention: str
    sources: tuple[S, ...]


@dataclass(frozen=True)
class EventView(Generic[S]):
    date: str
    text: str
    inferred: bool
    sources: tuple[S, ...]


@dataclass(frozen=True)
class EntityView:
    name: str
    label: str
    mentions: tuple[tuple[int, int], ...]  # (source number, count)


@dataclass(frozen=True)
class OnlyHereView:
    source: int
    texts: tuple[str, ...]
    lang: str = ""  # the source's language, as in SourceView


@dataclass(frozen=True)
class CiteView:
    """One cited (or conflicting) source of a summary sentence and the span of it that is meant."""

    n: int  # the 1-based source number
    article_id: str
    start: int | None  # character offsets into the article's cleaned text; None when no span is known
    end: int | None
    text: str  # the span's text ("" when no span is known)


@dataclass(frozen=True)
class SentenceView:
    text: str  # as shown: a quotation cut by the sentence split gets its missing quote mark
    speaker: str  # who speaks it, when it lies inside a quotation with a known speaker
    sources: tuple[int, ...]
    cites: tuple[CiteView, ...] = ()  # one per source in ``sources``, with its supporting span
    conflicts: tuple[CiteView, ...] = ()  # sources whose matching sentence gives a different figure


@dataclass(frozen=True)
class SourceView:
    n: int
    name: str  # "Outlet (via Agency)"
    title: str
    published: str | None
    published_inferred: bool
    url: str
    copy_note: str
    lang: str = ""  # its language (ISO 639-1), shown when the story's sources are in several


@dataclass(frozen=True)
class SvgDot:
    x: float
    y: int
    inferred: bool
    tip: str


@dataclass(frozen=True)
class SvgTick:
    x: float
    label: str


@dataclass(frozen=True)
class TimelineSvg:
    width: int
    height: int
    pad: int
    axis: int
    dots: tuple[SvgDot, ...]
    ticks: tuple[SvgTick, ...]


@dataclass(frozen=True)
class DigestView:
    title: str
    n_sources: int
    date_span: str
    mixed_note: str
    summary: tuple[SentenceView, ...]
    figures_multi: tuple[FigureView[int], ...]  # reported by two or more sources, or updated
    figures_single: tuple[FigureView[int], ...]  # every single-source figure, in the digest's order
    quotes: tuple[QuoteView[int], ...]  # every quote, best ranked first
    timeline: tuple[EventView[int], ...]  # the dated events, at most MAX_EVENTS
    unresolved_events: int
    timeline_svg: TimelineSvg | None
    entities: tuple[EntityView, ...]  # at most MAX_ENTITIES
    entities_backend: str
    only_here: tuple[OnlyHereView, ...]
    sources: tuple[SourceView, ...]
    skipped: tuple[tuple[str, str], ...]  # (path, reason)
    update: UpdateView | None = None  # an update digest's "new since" part

    @property
    def figures_shown(self) -> tuple[FigureView[int], ...]:
        """The figures a page lists: every multi-source group, then the first single-source ones."""
        return self.figures_multi + self.figures_single[:MAX_SINGLE_FACTS]


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def amount(c: Claim) -> str:
    """"more than 250,000"; a vague count by its words alone ("hundreds of thousands")."""
    if c.qualifier.endswith(" of"):
        return c.qualifier[:-3]
    return (c.qualifier + " " if c.qualifier else "") + _fmt(c.value) + (c.unit if c.unit == "%" else "")


def _sources(nums: dict[str, int], ids: Sequence[str]) -> tuple[int, ...]:
    return tuple(nums[i] for i in dict.fromkeys(ids) if i in nums)


def _figure(g: FactGroup, nums: dict[str, int]) -> FigureView[int]:
    return FigureView(g.what or "figure", g.status, tuple(
        ClaimView(amount(c), c.attributed_to, c.date, _sources(nums, [c.article_id])) for c in g.claims))


def digest_view(d: Digest) -> DigestView:
    """What a reader of ``d`` is shown, in every format."""
    nums = {a.id: n for n, a in enumerate(d.articles, 1)}
    dated = [e for e in d.timeline if e.date][:MAX_EVENTS]
    return DigestView(
        title=d.title,
        n_sources=len(d.articles),
        date_span=date_span(d),
        mixed_note=mixed_note(d),
        summary=tuple(_sentence(d, s, nums) for s in d.summary.sentences),
        figures_multi=tuple(_figure(g, nums) for g in d.facts if g.status != "single"),
        figures_single=tuple(_figure(g, nums) for g in d.facts if g.status == "single"),
        quotes=tuple(QuoteView(q.text, q.speaker, q.role, q.mention, _sources(nums, q.article_ids))
                     for q in _ranked(d.quotes) if not q.in_summary),
        timeline=tuple(EventView(e.date or "", e.text, e.inferred, _sources(nums, e.article_ids)) for e in dated),
        unresolved_events=sum(1 for e in d.timeline if not e.date),
        timeline_svg=timeline_svg(d, nums),
        entities=tuple(EntityView(e.name, e.label, tuple((nums[a], n) for a, n in e.mentions.items() if a in nums))
                       for e in d.entities[:MAX_ENTITIES]),
        entities_backend=d.meta.entities_backend or "",
        only_here=_only_here(d, nums),
        sources=tuple(SourceView(n, source_line(a), display_title(a), a.published, a.published_inferred, a.url,
                                 copy_note(d, a), shown_lang(d, a)) for n, a in enumerate(d.articles, 1)),
        skipped=tuple((s.path, s.reason) for s in d.skipped),
        update=_update(d, nums),
    )


def _sentence(d: Digest, s: SummarySentence, nums: dict[str, int]) -> SentenceView:
    srcs = tuple(source_numbers(d, s.citations))
    spans = {c.article_id: c for c in reversed(s.evidence)}  # the first span of each article
    cites = tuple(_cite(d.articles[n - 1], spans.get(d.articles[n - 1].id), n) for n in srcs)
    by_id = {a.id: a for a in d.articles}
    conflicts = tuple(_cite(by_id[c.article_id], c, nums[c.article_id]) for c in s.conflicts if c.article_id in nums)
    return SentenceView(balanced_quote(s.text), quoted_speaker(d, s), srcs, cites, conflicts)


def _cite(a: Article, span: Citation | None, n: int) -> CiteView:
    if span is None or not 0 <= span.start < span.end <= len(a.text):
        return CiteView(n, a.id, None, None, "")
    return CiteView(n, a.id, span.start, span.end, a.text[span.start:span.end])


def _update(d: Digest, nums: dict[str, int]) -> UpdateView | None:
    if d.update is None:
        return None
    return UpdateView(d.update.since, _sources(nums, d.update.new_article_ids),
                      tuple(_figure(d.facts[k], nums) for k in d.update.changed_figures if k < len(d.facts)))


def _ranked(quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes by their ``rank`` (1 first) where the evidence stage ranked them; unranked ones (rank 0)
    after, in the digest's order."""
    return sorted(quotes, key=lambda q: (q.rank == 0, q.rank))


def _only_here(d: Digest, nums: dict[str, int]) -> tuple[OnlyHereView, ...]:
    """The sources that report something no other source does, with (up to two of) those sentences."""
    by_id = {a.id: a for a in d.articles}
    return tuple(OnlyHereView(nums[aid], tuple(s.text for s in info.only_here[:MAX_ONLY_HERE]),
                              shown_lang(d, by_id[aid]))
                 for aid, info in d.coverage.sources.items() if aid in nums and info.only_here)


def shown_lang(d: Digest, a: Article) -> str:
    """``a``'s language as the report shows it: its code when the story's sources are in several
    languages, else "" (a story in one language needs no language on every line)."""
    return (a.lang or "") if len({x.lang for x in d.articles if x.lang}) > 1 else ""


def _day(iso: str) -> date | None:
    try:
        parts = [int(x) for x in iso.split("-")]
        while len(parts) < 3:
            parts.append(15 if len(parts) == 2 else 7)
        return date(*parts)
    except (ValueError, TypeError):
        return None


def timeline_svg(d: Digest, nums: dict[str, int], width: int = 640) -> TimelineSvg | None:
    """The dated events (day and week precision) placed on a time axis: one dot per event, stacked
    on a shared day; ticks at least 48 units apart.  None when no event has such a date."""
    pts = [(e, _day(e.date)) for e in d.timeline if e.date and e.date_precision in ("day", "week")]
    found = [(e, dt) for e, dt in pts if dt]
    if not found:
        return None
    lo, hi = min(dt for _, dt in found), max(dt for _, dt in found)
    span = max((hi - lo).days, 1)
    pad, height, axis = 30, 90, 60

    def x(dt: date) -> float:
        return pad + (width - 2 * pad) * (dt - lo).days / span

    dots = []
    stack: dict[date, int] = {}
    for e, dt in found:
        k = stack.get(dt, 0)
        stack[dt] = k + 1
        srcs = ", ".join(str(nums[i]) for i in e.article_ids if i in nums)
        tip = f"{e.date}: {e.text} [sources {srcs}]" + (" (date inferred)" if e.inferred else "")
        dots.append(SvgDot(x(dt), axis - 8 - 9 * min(k, 4), e.inferred, tip))
    ticks = []
    last_x = -100.0
    for dt in sorted(set(dt for _, dt in found)):
        if x(dt) - last_x < 48:
            continue
        last_x = x(dt)
        ticks.append(SvgTick(x(dt), dt.strftime("%b %d")))
    return TimelineSvg(width, height, pad, axis, tuple(dots), tuple(ticks))
