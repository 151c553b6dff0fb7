"""A Digest as one self-contained HTML page, rendered from the Jinja2 templates in ``templates/``.

Autoescape is on: every piece of article-derived text is escaped; only markup the templates build
is marked safe.  The section partials (``_summary.html``, ``_figures.html``, ...) read a ``view``; a page
served under a policy that refuses inline CSS extends ``base_plain.html`` (``base.html`` without its
style), and a page that links citations elsewhere provides its own ``_macros.html`` (the web app's story
page includes ``_summary.html`` so, linking each marker to the cited span in the source's text).
"""

from __future__ import annotations

import html
import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..models import Digest
from .view import digest_view


def _escape(value: Any) -> Any:
    """Escape as :func:`html.escape` does (``&quot;``, ``&#x27;``), leaving markup the templates made alone."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def _code_spans(text: str) -> Markup:
    """Escape ``text``, then show its `backticked` commands as code."""
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text)))


def environment() -> Environment:
    """A Jinja2 environment over storylens's templates (autoescape on, strict about undefined names)."""
    env = Environment(
        loader=PackageLoader("storylens.report", "templates"),
        autoescape=select_autoescape(("html", "css"), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=_escape,
    )
    env.filters["code_spans"] = _code_spans
    return env


def to_html(d: Digest) -> str:
    return environment().get_template("digest.html").render(view=digest_view(d))
