"""The evidence sections of a digest (figures, quotes, timeline, entities,
coverage) for the JSON, Markdown and HTML renderers.

JSON keys: ``facts`` (groups {``what``, ``status``, ``claims`` [{``value``,
``qualifier``, ``text``, ``attributed_to``, ``date``, ``article_id``,
``start``, ``end``, ...}]}), ``quotes`` [{``text``, ``speaker``, ``role``,
``article_ids``, ...}], ``timeline`` [{``date``, ``date_precision``,
``text``, ``article_ids``, ...}], ``entities`` and ``coverage``.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from ..models import Digest

MAX_SINGLE_FACTS = 12
MAX_EVENTS = 30
MAX_ENTITIES = 20


def _numbers(d: Digest) -> dict[str, int]:
    return {a.id: n for n, a in enumerate(d.articles, 1)}


def _value(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def _fmt(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def _amount(c) -> str:
    """"more than 250,000"; a vague count by its words alone ("hundreds of thousands")."""
    if c.qualifier.endswith(" of"):
        return c.qualifier[:-3]
    return (c.qualifier + " " if c.qualifier else "") + _fmt(c.value) + (c.unit if c.unit == "%" else "")


def evidence_dict(d: Digest) -> dict[str, Any]:
    """The evidence keys of the JSON digest."""
    return {
        "facts": [
            {"what": g.what, "status": g.status, "claims": [
                {"value": _value(c.value), "qualifier": c.qualifier, "text": c.text, "attributed_to": c.attributed_to,
                 "date": c.date, "article_id": c.article_id, "start": c.start, "end": c.end, "what": c.what,
                 "unit": c.unit}
                for c in g.claims]}
            for g in d.facts
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "role": q.role, "article_ids": list(q.article_ids),
             "resolution": q.resolution, "mention": q.mention,
             "evidence": [{"article_id": c.article_id, "start": c.start, "end": c.end} for c in q.evidence]}
            for q in d.quotes
        ],
        "timeline": [
            {"date": e.date, "date_precision": e.date_precision, "text": e.text, "article_ids": list(e.article_ids),
             "expression": e.expression, "inferred": e.inferred,
             "evidence": [{"article_id": c.article_id, "start": c.start, "end": c.end} for c in e.evidence]}
            for e in d.timeline
        ],
        "entities": [
            {"name": e.name, "label": e.label, "mentions": dict(e.mentions), "total": sum(e.mentions.values())}
            for e in d.entities
        ],
        "coverage": dict(d.coverage),
    }


# --- Markdown -----------------------------------------------------------------------------------

def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("\n", " ")


def _marks(nums: dict[str, int], ids) -> str:
    return "".join(f"[{nums[i]}]" for i in dict.fromkeys(ids) if i in nums)


def _shown_facts(d: Digest):
    multi = [g for g in d.facts if g.status != "single"]
    single = [g for g in d.facts if g.status == "single"][:MAX_SINGLE_FACTS]
    return multi, single


def evidence_markdown(d: Digest) -> list[str]:
    """Markdown lines of the evidence sections (empty when there is no evidence)."""
    nums = _numbers(d)
    lines: list[str] = []
    multi, single = _shown_facts(d)
    if multi or single:
        lines += ["## Figures", ""]
        for g in multi + single:
            claims = "; ".join(
                f"{_md(_amount(c))}"
                f"{(' (' + _md(c.attributed_to) + ')') if c.attributed_to else ''}"
                f"{(' as of ' + c.date) if c.date else ''} {_marks(nums, [c.article_id])}"
                for c in g.claims)
            tag = "" if g.status == "single" else f" **{g.status}**"
            lines.append(f"- {_md(g.what or 'figure')}{tag}: {claims}")
        lines.append("")
    if d.quotes:
        lines += ["## Quotes", ""]
        for q in d.quotes:
            who = q.speaker or ("unresolved" + (f" ({q.mention})" if q.mention else ""))
            role = f", {q.role}" if q.role and q.speaker else ""
            lines.append(f"- \u201c{_md(q.text)}\u201d \u2014 {_md(who)}{_md(role)} {_marks(nums, q.article_ids)}")
        lines.append("")
    if d.timeline:
        dated = [e for e in d.timeline if e.date][:MAX_EVENTS]
        lines += ["## Timeline", ""]
        for e in dated:
            inf = " (from an inferred publication date)" if e.inferred else ""
            lines.append(f"- **{e.date}**{inf}: {_md(e.text)} {_marks(nums, e.article_ids)}")
        left = sum(1 for e in d.timeline if not e.date)
        if left:
            lines.append(f"- _{left} more dated expressions could not be resolved (no publication date)._")
        lines.append("")
    if d.entities:
        backend = d.meta.get("entities_backend", "") if d.meta else ""
        lines += ["## People, organisations, places", ""]
        if backend:
            lines.append(f"_Recognised with {backend}._")
            lines.append("")
        for e in d.entities[:MAX_ENTITIES]:
            per = ", ".join(f"[{nums[a]}]\u00d7{n}" for a, n in e.mentions.items() if a in nums)
            lines.append(f"- {_md(e.name)} ({e.label}): {per}")
        lines.append("")
    rows = _only_here_rows(d, nums)
    if rows:
        lines += ["## What only one source reports", ""]
        for aid, info in rows:
            lines.append(f"- [{nums[aid]}] " + " / ".join(_md(s["text"]) for s in info["only_here"][:2]))
        lines.append("")
    return lines


# --- HTML ---------------------------------------------------------------------------------------

CSS = """
.fig td.v{white-space:nowrap}.fig .st{font:600 .7rem system-ui,sans-serif;padding:.05rem .35rem;border-radius:.25rem}
.fig tr.differ .st{background:#f9c27a}.fig tr.updated .st{background:#a9cdf7}.fig tr.agree .st{background:#b5e3bf}
.tl svg{width:100%;height:auto;font:11px system-ui,sans-serif}.tl ol{font-size:.92rem}.tl .d{font-weight:600}
.q blockquote{margin:.6rem 0;padding-left:.8rem;border-left:3px solid #ddd}.q .who{font:.85rem system-ui,sans-serif;color:#555}
"""


def _cites(nums: dict[str, int], ids) -> str:
    return "".join(f'<sup><a href="#src-{nums[i]}">[{nums[i]}]</a></sup>' for i in dict.fromkeys(ids) if i in nums)


def _day(iso: str) -> date | None:
    try:
        parts = [int(x) for x in iso.split("-")]
        while len(parts) < 3:
            parts.append(15 if len(parts) == 2 else 7)
        return date(*parts)
    except (ValueError, TypeError):
        return None


def timeline_svg(d: Digest, width: int = 640) -> str:
    """An inline SVG of the dated events (day and week precision): one dot per event on a time axis."""
    pts = [(e, _day(e.date)) for e in d.timeline if e.date and e.date_precision in ("day", "week")]
    pts = [(e, dt) for e, dt in pts if dt]
    if not pts:
        return ""
    lo, hi = min(dt for _, dt in pts), max(dt for _, dt in pts)
    span = max((hi - lo).days, 1)
    pad, height, axis = 30, 90, 60
    nums = _numbers(d)

    def x(dt: date) -> float:
        return pad + (width - 2 * pad) * (dt - lo).days / span

    out = [f'<svg viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="timeline of dated events">',
           f'<line x1="{pad}" y1="{axis}" x2="{width - pad}" y2="{axis}" stroke="#999"/>']
    stack: dict[date, int] = {}
    for e, dt in pts:
        k = stack.get(dt, 0)
        stack[dt] = k + 1
        srcs = ", ".join(str(nums[i]) for i in e.article_ids if i in nums)
        tip = escape(f"{e.date}: {e.text} [sources {srcs}]")
        # an event dated against an inferred publication date is drawn hollow
        fill = 'fill="#fff" stroke="#0b57d0"' if e.inferred else 'fill="#0b57d0" fill-opacity="0.75"'
        out.append(f'<circle cx="{x(dt):.1f}" cy="{axis - 8 - 9 * min(k, 4)}" r="4" {fill}>'
                   f'<title>{tip}{" (date inferred)" if e.inferred else ""}</title></circle>')
    ticks = sorted(set(dt for _, dt in pts))
    last_x = -100.0
    for dt in ticks:
        if x(dt) - last_x < 48:
            continue
        last_x = x(dt)
        out.append(f'<line x1="{x(dt):.1f}" y1="{axis}" x2="{x(dt):.1f}" y2="{axis + 4}" stroke="#999"/>')
        out.append(f'<text x="{x(dt):.1f}" y="{axis + 16}" text-anchor="middle" fill="#555">'
                   f'{escape(dt.strftime("%b %d"))}</text>')
    out.append("</svg>")
    return "".join(out)


def evidence_html(d: Digest) -> list[str]:
    """HTML fragments of the evidence sections; all article text escaped."""
    e = escape
    nums = _numbers(d)
    parts: list[str] = [f"<style>{CSS}</style>"]
    multi, single = _shown_facts(d)
    if multi or single:
        parts.append('<h2>Figures</h2><table class="fig"><tr><th>What</th><th>Status</th><th>Reported</th></tr>')
        for g in multi + single:
            cells = "<br>".join(
                f'<span class="v"><b>{e(_amount(c))}</b></span>'
                f'{(" &middot; " + e(c.attributed_to)) if c.attributed_to else ""}'
                f'{(" &middot; " + e(c.date)) if c.date else ""} {_cites(nums, [c.article_id])}'
                for c in g.claims)
            parts.append(f'<tr class="{e(g.status)}"><td>{e(g.what or "figure")}</td>'
                         f'<td><span class="st">{e(g.status)}</span></td><td>{cells}</td></tr>')
        parts.append("</table>")
    if d.quotes:
        parts.append('<h2>Quotes</h2><div class="q">')
        for q in d.quotes:
            if q.speaker:
                who = e(q.speaker) + (f", {e(q.role)}" if q.role else "")
            else:
                who = "speaker unresolved" + (f" ({e(q.mention)})" if q.mention else "")
            parts.append(f"<blockquote>\u201c{e(q.text)}\u201d<div class=\"who\">\u2014 {who} "
                         f"{_cites(nums, q.article_ids)}</div></blockquote>")
        parts.append("</div>")
    dated = [ev for ev in d.timeline if ev.date][:MAX_EVENTS]
    if dated:
        parts.append('<h2>Timeline</h2><div class="tl">')
        parts.append(timeline_svg(d))
        parts.append("<ol>")
        for ev in dated:
            inf = ' <span class="muted">(inferred publication date)</span>' if ev.inferred else ""
            parts.append(f'<li><span class="d">{e(ev.date)}</span>{inf} {e(ev.text)} {_cites(nums, ev.article_ids)}</li>')
        parts.append("</ol></div>")
    if d.entities:
        backend = d.meta.get("entities_backend", "") if d.meta else ""
        parts.append("<h2>People, organisations, places</h2>")
        if backend:
            parts.append(f'<p class="muted">Recognised with {e(backend)}.</p>')
        parts.append("<table><tr><th>Name</th><th>Kind</th><th>Mentions by source</th></tr>")
        for ent in d.entities[:MAX_ENTITIES]:
            per = ", ".join(f"[{nums[a]}]&times;{n}" for a, n in ent.mentions.items() if a in nums)
            parts.append(f"<tr><td>{e(ent.name)}</td><td>{e(ent.label)}</td><td>{per}</td></tr>")
        parts.append("</table>")
    rows = _only_here_rows(d, nums)
    if rows:
        parts.append("<h2>What only one source reports</h2><ul>")
        for aid, info in rows:
            parts.append(f'<li><a href="#src-{nums[aid]}">[{nums[aid]}]</a> '
                         + " / ".join(e(s["text"]) for s in info["only_here"][:2]) + "</li>")
        parts.append("</ul>")
    return parts if len(parts) > 1 else []


def _only_here_rows(d: Digest, nums) -> list:
    """(article id, coverage info) of the sources that report something no other source does."""
    sources = (d.coverage or {}).get("sources", {})
    return [(aid, info) for aid, info in sources.items() if aid in nums and info.get("only_here")]
