"""Extractive multi-document summarizers behind one base class."""

from __future__ import annotations

from typing import Sequence

from ..models import Article, Summary
from .base import Summarizer, available_methods, get_summarizer, register
from .pool import SentencePool


def summarize(documents: Sequence[Article | str] | Article | str, max_words: int | None = None, *,
              method: str | None = None, options=None) -> Summary:
    """Summarize ``documents`` (strings or Articles; one string is one document, split into its
    sentences) in at most ``max_words``
    words (default: ``options.max_words``).

    Every sentence of the result cites, as 0-based document indices, each
    document that carries its content.
    """
    from ..config import Options

    if isinstance(documents, (str, Article)):  # one document, not a sequence of characters
        documents = [documents]
    opts = options or Options()
    if max_words is not None:
        opts = opts.with_(max_words=max_words)
    if method:
        opts = opts.with_(method=method)
    return get_summarizer(opts.method).summarize(documents, opts.max_words, options=opts)


__all__ = ["summarize", "Summarizer", "SentencePool", "available_methods", "get_summarizer", "register"]
