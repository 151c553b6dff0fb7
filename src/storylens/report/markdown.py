"""A Digest as Markdown, for the terminal."""

from __future__ import annotations

from ..models import Digest
from .common import (balanced_quote, copy_note, date_span, display_title, mixed_note, quoted_speaker,
                     source_line, source_numbers)
from .evidence import evidence_markdown


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def to_markdown(d: Digest) -> str:
    lines = [f"# {_md_escape(d.title)}", ""]
    span = date_span(d)
    meta = f"{len(d.articles)} sources" + (f" \u00b7 {span}" if span else "")
    lines += [f"_{meta}_", ""]
    if mixed_note(d):
        lines += [f"> **Note:** {mixed_note(d)}", ""]
    lines += ["## Summary", ""]
    for s in d.summary.sentences:
        marks = "".join(f"[{n}]" for n in source_numbers(d, s.citations))
        who = quoted_speaker(d, s)
        said = f" \u2014 {_md_escape(who)}" if who else ""
        lines.append(f"{_md_escape(balanced_quote(s.text))}{said} {marks}")
        lines.append("")
    evidence = evidence_markdown(d)  # figures, quotes, timeline, entities, coverage
    if evidence:
        lines += evidence + [""]
    lines += ["## Sources", ""]
    for n, a in enumerate(d.articles, 1):
        parts = [f"**{_md_escape(source_line(a))}**"]
        if display_title(a):
            parts.append(_md_escape(display_title(a)))
        if a.published:
            parts.append(a.published + (" (inferred)" if a.published_inferred else ""))
        if a.url:
            parts.append(f"<{a.url}>")
        if copy_note(d, a):
            parts.append(copy_note(d, a))
        lines.append(f"{n}. " + " \u2014 ".join(parts))
    if d.skipped:
        lines += ["", "## Skipped inputs", ""]
        lines += [f"- {s.path}: {s.reason}" for s in d.skipped]
    return "\n".join(lines).rstrip() + "\n"
