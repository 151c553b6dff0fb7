"""Renderers of a Digest: Markdown, JSON (``schema.json``), a self-contained HTML page, CSV."""

from __future__ import annotations

from ..config import FORMATS
from ..errors import ConfigError
from ..models import Digest
from .html import to_html
from .json_ import to_dict, to_json
from .markdown import to_markdown
from .tables import to_csv


def render(d: Digest, fmt: str = "markdown", *, include_text: bool = False) -> str:
    """``d`` as ``fmt`` (one of ``FORMATS``); ``include_text`` puts each article's cleaned text in the JSON."""
    if fmt == "markdown":
        return to_markdown(d)
    if fmt == "json":
        return to_json(d, include_text=include_text)
    if fmt == "html":
        return to_html(d)
    if fmt == "csv":
        return to_csv(d)
    raise ConfigError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


__all__ = ["render", "to_markdown", "to_json", "to_dict", "to_html", "to_csv"]
