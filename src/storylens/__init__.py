"""storylens: many news reports in, one cited story out."""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Options
from .errors import StorylensError
from .models import Article, Digest, Summary, SummarySentence


def summarize(documents, max_words: int = 250, **kwargs):
    """Summarize a list of strings or Articles; see :func:`storylens.summarize.summarize`."""
    from .summarize import summarize as _summarize

    return _summarize(documents, max_words, **kwargs)


__all__ = ["__version__", "Options", "StorylensError", "Article", "Digest", "Summary", "SummarySentence",
           "summarize"]
