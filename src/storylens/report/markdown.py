"""A Digest as Markdown, for the terminal (laid out from :func:`~storylens.report.view.digest_view`)."""

from __future__ import annotations

from ..models import Digest
from .view import MAX_SINGLE_FACTS, DigestView, FigureView, digest_view


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _md(text: str) -> str:
    return _md_escape(text).replace("\n", " ")


def _marks(sources) -> str:
    return "".join(f"[{n}]" for n in sources)


def to_markdown(d: Digest) -> str:
    v = digest_view(d)
    lines = [f"# {_md_escape(v.title)}", ""]
    meta = f"{v.n_sources} sources" + (f" \u00b7 {v.date_span}" if v.date_span else "")
    lines += [f"_{meta}_", ""]
    if v.mixed_note:
        lines += [f"> **Note:** {v.mixed_note}", ""]
    lines += ["## Summary", ""]
    for s in v.summary:
        said = f" \u2014 {_md_escape(s.speaker)}" if s.speaker else ""
        lines.append(f"{_md_escape(s.text)}{said} {_marks(s.sources)}")
        lines.append("")
    evidence = evidence_markdown(v)  # figures, quotes, timeline, entities, coverage
    if evidence:
        lines += evidence + [""]
    lines += ["## Sources", ""]
    for src in v.sources:
        parts = [f"**{_md_escape(src.name)}**"]
        if src.title:
            parts.append(_md_escape(src.title))
        if src.published:
            parts.append(src.published + (" (inferred)" if src.published_inferred else ""))
        if src.url:
            parts.append(f"<{src.url}>")
        if src.copy_note:
            parts.append(src.copy_note)
        lines.append(f"{src.n}. " + " \u2014 ".join(parts))
    if v.skipped:
        lines += ["", "## Skipped inputs", ""]
        lines += [f"- {path}: {reason}" for path, reason in v.skipped]
    return "\n".join(lines).rstrip() + "\n"


def _figure_line(g: FigureView) -> str:
    claims = "; ".join(
        f"{_md(c.amount)}"
        f"{(' (' + _md(c.attributed_to) + ')') if c.attributed_to else ''}"
        f"{(' as of ' + c.date) if c.date else ''} {_marks(c.sources)}"
        for c in g.claims)
    tag = "" if g.status == "single" else f" **{g.status}**"
    return f"- {_md(g.what)}{tag}: {claims}"


def evidence_markdown(v: DigestView) -> list[str]:
    """Markdown lines of the evidence sections (empty when there is no evidence)."""
    lines: list[str] = []
    shown = v.figures_multi + v.figures_single[:MAX_SINGLE_FACTS]
    if shown:
        lines += ["## Figures", ""]
        lines += [_figure_line(g) for g in shown]
        lines.append("")
    if v.quotes:
        lines += ["## Quotes", ""]
        for q in v.quotes:
            who = q.speaker or ("unresolved" + (f" ({q.mention})" if q.mention else ""))
            role = f", {q.role}" if q.role and q.speaker else ""
            lines.append(f"- \u201c{_md(q.text)}\u201d \u2014 {_md(who)}{_md(role)} {_marks(q.sources)}")
        lines.append("")
    if v.timeline or v.unresolved_events:
        lines += ["## Timeline", ""]
        for e in v.timeline:
            inf = " (from an inferred publication date)" if e.inferred else ""
            lines.append(f"- **{e.date}**{inf}: {_md(e.text)} {_marks(e.sources)}")
        if v.unresolved_events:
            lines.append(f"- _{v.unresolved_events} more dated expressions could not be resolved "
                         "(no publication date)._")
        lines.append("")
    if v.entities:
        lines += ["## People, organisations, places", ""]
        if v.entities_backend:
            lines.append(f"_Recognised with {v.entities_backend}._")
            lines.append("")
        for ent in v.entities:
            per = ", ".join(f"[{n}]\u00d7{k}" for n, k in ent.mentions)
            lines.append(f"- {_md(ent.name)} ({ent.label}): {per}")
        lines.append("")
    if v.only_here:
        lines += ["## What only one source reports", ""]
        for row in v.only_here:
            lines.append(f"- [{row.source}] " + " / ".join(_md(t) for t in row.texts))
        lines.append("")
    return lines
