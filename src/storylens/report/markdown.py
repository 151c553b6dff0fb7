"""A Digest as Markdown, for the terminal (laid out from :func:`~storylens.report.view.digest_view`).

Article-derived text is inert (:func:`~storylens.report.escape.md_text`: no raw HTML, entity, link
or emphasis from an article, no control character or terminal escape).  Long lists fold: the figures
that two or more sources report come first and the single-source ones are counted, not listed; the
first ``MAX_QUOTES`` quotes are shown, then how many more there are.
"""

from __future__ import annotations

from ..models import Digest
from .escape import md_text, md_url
from .view import MAX_QUOTES, DigestView, FigureView, SentenceView, digest_view

ALL_OF_IT = "`--format json`, `html` or `csv` lists them all"


def _marks(sources) -> str:
    return "".join(f"[{n}]" for n in sources)


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def to_markdown(d: Digest) -> str:
    v = digest_view(d)
    lines = [f"# {md_text(v.title)}", ""]
    meta = _n(v.n_sources, "source", "sources") + (f" \u00b7 {v.date_span}" if v.date_span else "")
    lines += [f"_{meta}_", ""]
    if v.mixed_note:
        lines += [f"> **Note:** {v.mixed_note}", ""]
    lines += ["## Summary", ""]
    if v.update:
        lines += [f"_What is new since {v.update.since}, from {_n(len(v.update.new_sources), 'source', 'sources')} "
                  f"{_marks(v.update.new_sources)}._", ""]
    for s in v.summary:
        said = f" \u2014 {md_text(s.speaker)}" if s.speaker else ""
        lines.append(f"{md_text(s.text)}{said} {_marks(s.sources)}")
        lines.append("")
        if s.conflicts:  # sources that give another figure for the same claim: not cited, shown to compare
            lines += [_conflicts_line(s), ""]
    if v.update and v.update.changed_figures:
        lines += ["## Changed figures", ""] + [_figure_line(g) for g in v.update.changed_figures] + [""]
    evidence = evidence_markdown(v)  # figures, quotes, timeline, entities, coverage
    if evidence:
        lines += evidence + [""]
    lines += ["## Sources", ""]
    for src in v.sources:
        parts = [f"**{md_text(src.name)}**"]
        if src.title:
            parts.append(md_text(src.title))
        if src.published:
            parts.append(src.published + (" (inferred)" if src.published_inferred else ""))
        if src.url:
            parts.append(md_url(src.url))
        if src.copy_note:
            parts.append(src.copy_note)
        if src.lang:
            parts.append(f"language: {src.lang}")
        lines.append(f"{src.n}. " + " \u2014 ".join(parts))
    if v.skipped:
        lines += ["", "## Skipped inputs", ""]
        lines += [f"- {md_text(path)}: {md_text(reason)}" for path, reason in v.skipped]
    return "\n".join(lines).rstrip() + "\n"


def _conflicts_line(s: SentenceView) -> str:
    said = "; ".join(f"[{c.n}]" + (f" says \u201c{md_text(c.text)}\u201d" if c.text else "") for c in s.conflicts)
    return f"_differs: {said}_"


def _figure_line(g: FigureView) -> str:
    claims = "; ".join(
        f"{md_text(c.amount)}"
        f"{(' (' + md_text(c.attributed_to) + ')') if c.attributed_to else ''}"
        f"{(' as of ' + md_text(c.date)) if c.date else ''} {_marks(c.sources)}"
        for c in g.claims)
    tag = "" if g.status == "single" else f" **{g.status}**"
    return f"- {md_text(g.what)}{tag}: {claims}"


def _figures(v: DigestView) -> list[str]:
    if not (v.figures_multi or v.figures_single):
        return []
    lines = ["## Figures", ""]
    lines += [_figure_line(g) for g in v.figures_multi]
    if v.figures_single:
        if not v.figures_multi:  # nothing to compare: the figures are listed as they are
            lines += [_figure_line(g) for g in v.figures_single[:MAX_QUOTES]]
            left = len(v.figures_single) - MAX_QUOTES
        else:
            left = len(v.figures_single)
        if left > 0:
            more = "more " if not v.figures_multi else ""
            lines.append(f"- _{_n(left, more + 'figure', more + 'figures')} reported by one source only "
                         f"({ALL_OF_IT})._")
    return lines + [""]


def _quotes(v: DigestView) -> list[str]:
    if not v.quotes:
        return []
    lines = ["## Quotes", ""]
    for q in v.quotes[:MAX_QUOTES]:
        who = q.speaker or ("unresolved" + (f" ({q.mention})" if q.mention else ""))
        role = f", {q.role}" if q.role and q.speaker else ""
        lines.append(f"- \u201c{md_text(q.text)}\u201d \u2014 {md_text(who)}{md_text(role)} {_marks(q.sources)}")
    left = len(v.quotes) - MAX_QUOTES
    if left > 0:
        lines.append(f"- _{_n(left, 'more quote', 'more quotes')} ({ALL_OF_IT})._")
    return lines + [""]


def evidence_markdown(v: DigestView) -> list[str]:
    """Markdown lines of the evidence sections (empty when there is no evidence)."""
    lines = _figures(v) + _quotes(v)
    if v.timeline or v.unresolved_events:
        lines += ["## Timeline", ""]
        for e in v.timeline:
            inf = " (from an inferred publication date)" if e.inferred else ""
            lines.append(f"- **{md_text(e.date)}**{inf}: {md_text(e.text)} {_marks(e.sources)}")
        if v.unresolved_events:
            lines.append(f"- _{v.unresolved_events} more dated expressions could not be resolved "
                         "(no publication date)._")
        lines.append("")
    if v.entities:
        lines += ["## People, organisations, places", ""]
        if v.entities_backend:
            lines.append(f"_Recognised with {v.entities_backend}._")  # our own name, not article text
            lines.append("")
        for ent in v.entities:
            per = ", ".join(f"[{n}]\u00d7{k}" for n, k in ent.mentions)
            lines.append(f"- {md_text(ent.name)} ({ent.label}): {per}")
        lines.append("")
    if v.only_here:
        lines += ["## What only one source reports", ""]
        for row in v.only_here:
            lang = f" ({row.lang})" if row.lang else ""
            lines.append(f"- [{row.source}]{lang} " + " / ".join(md_text(t) for t in row.texts))
        lines.append("")
    return lines
