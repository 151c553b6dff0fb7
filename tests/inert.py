"""Checks that rendered output is inert: no executable tag, no event-handler attribute, no
``javascript:``/``data:`` URL, no raw HTML in Markdown, no terminal escape.  Shared by the fuzzing suite
and the hostile-input catalogue."""

from __future__ import annotations

import re

_EXECUTABLE_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "frame", "frameset", "applet", "base",
                    "form", "meta", "link"}
_BAD_URL = re.compile(r"^\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)


def assert_inert_html(html: str, baseline_tags: set[str]) -> None:
    from lxml import html as lh

    root = lh.document_fromstring(html)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        assert tag not in _EXECUTABLE_TAGS or tag in baseline_tags, f"<{tag}> in the HTML output"
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), f"{name}= on <{tag}>"
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href", "srcdoc"):
                assert not _BAD_URL.match(value), f'{name}="{value}"'


_MD_TAG = re.compile(r"<(?!https?://[^\s>]*>)[A-Za-z!/?]")
_MD_LINK = re.compile(r"(?<!\\)\]\(\s*<?\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)
_MD_AUTOLINK = re.compile(r"<\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)


def assert_inert_markdown(md: str) -> None:
    m = _MD_TAG.search(md)
    assert m is None, f"raw HTML in the Markdown: {md[max(0, m.start() - 20): m.start() + 40]!r}"
    assert not _MD_LINK.search(md) and not _MD_AUTOLINK.search(md), "a javascript:/data: link in the Markdown"
    assert "\x1b" not in md


def markdown_escaping_landed() -> bool:
    """Whether the Markdown renderer escapes article text (storylens.report.escape, landing from the CLI work):
    until then a Markdown check that fails is an expected failure, not a pass."""
    import importlib.util

    return importlib.util.find_spec("storylens.report.escape") is not None
