"""A Digest as one self-contained HTML page: inline CSS, no scripts, no
external assets.  Every piece of article-derived text is escaped."""

from __future__ import annotations

import re
from html import escape

from ..models import Digest
from .common import (balanced_quote, copy_note, date_span, display_title, mixed_note, quoted_speaker,
                     source_line, source_numbers)

CSS = """
body{font:16px/1.55 Georgia,'Times New Roman',serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.7rem;line-height:1.25;margin-bottom:.2rem}h2{font:600 1.05rem system-ui,sans-serif;
text-transform:uppercase;letter-spacing:.04em;color:#555;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
.meta{color:#666;font:.9rem system-ui,sans-serif}.note{background:#fff6e0;border-left:4px solid #e0a800;padding:.5rem .75rem;font:.95rem system-ui,sans-serif}.summary p{margin:.5rem 0}
sup a{font:600 .7rem system-ui,sans-serif;text-decoration:none;color:#0b57d0;margin-left:1px}
ol.sources li{margin:.35rem 0}.outlet{font-weight:600}.muted{color:#777;font-size:.9rem}
table{border-collapse:collapse;width:100%;font:.9rem system-ui,sans-serif}td,th{border-bottom:1px solid #eee;
padding:.3rem .4rem;text-align:left;vertical-align:top}.differ{background:#fff4e5}.updated{background:#eef6ff}
.agree{background:#eefaf0}.tag{display:inline-block;font:600 .7rem system-ui,sans-serif;padding:.05rem .35rem;
border-radius:.25rem;background:#eee}
"""


def _cites(d: Digest, doc_indices) -> str:
    return "".join(f'<sup><a href="#src-{n}" title="source {n}">[{n}]</a></sup>'
                   for n in source_numbers(d, doc_indices))


def to_html(d: Digest) -> str:
    e = escape
    span = date_span(d)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # A policy that forbids every script and remote load, in case of a renderer bug.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        f"<title>{e(d.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{e(d.title)}</h1>",
        f'<p class="meta">{len(d.articles)} sources{(" &middot; " + e(span)) if span else ""}</p>',
    ]
    if mixed_note(d):
        note = re.sub(r"`([^`]+)`", r"<code>\1</code>", e(mixed_note(d)))
        parts.append(f'<p class="note"><strong>Note:</strong> {note}</p>')
    parts.append('<h2>Summary</h2><div class="summary">')
    for s in d.summary.sentences:
        who = quoted_speaker(d, s)
        said = f' <span class="muted">&mdash; {e(who)}</span>' if who else ""
        parts.append(f"<p>{e(balanced_quote(s.text))}{said}{_cites(d, s.citations)}</p>")
    parts.append("</div>")
    # -- evidence sections (issue 4) go here --
    from .evidence import evidence_html

    parts += evidence_html(d)
    parts.append('<h2>Sources</h2><ol class="sources">')
    for n, a in enumerate(d.articles, 1):
        bits = [f'<span class="outlet">{e(source_line(a))}</span>']
        if display_title(a):
            bits.append(e(display_title(a)))
        if a.published:
            bits.append(f'<span class="muted">{e(a.published)}{" (inferred)" if a.published_inferred else ""}</span>')
        if a.url and a.url.lower().startswith(("http://", "https://")):
            bits.append(f'<a href="{e(a.url, quote=True)}" rel="noopener noreferrer">{e(a.url)}</a>')
        if copy_note(d, a):
            bits.append(f'<span class="muted">{e(copy_note(d, a))}</span>')
        parts.append(f'<li id="src-{n}">' + " &mdash; ".join(bits) + "</li>")
    parts.append("</ol>")
    if d.skipped:
        parts.append("<h2>Skipped inputs</h2><ul>")
        parts += [f"<li>{e(s.path)}: {e(s.reason)}</li>" for s in d.skipped]
        parts.append("</ul>")
    parts.append('<p class="muted">Made by storylens: every summary sentence cites the sources that carry it.</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
