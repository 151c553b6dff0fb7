"""Renderers of a Digest: Markdown, JSON and a self-contained HTML page."""

from __future__ import annotations

from ..config import FORMATS
from ..errors import ConfigError
from ..models import Digest
from .html import to_html
from .json_ import to_dict, to_json
from .markdown import to_markdown


def render(d: Digest, fmt: str = "markdown") -> str:
    if fmt == "markdown":
        return to_markdown(d)
    if fmt == "json":
        return to_json(d)
    if fmt == "html":
        return to_html(d)
    raise ConfigError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


__all__ = ["render", "to_markdown", "to_json", "to_dict", "to_html"]
