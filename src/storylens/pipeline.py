"""The digest of one story: summarize, then lay out the evidence."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .config import Options
from .errors import NoArticlesError
from .models import Article, Digest, Skipped, Summary
from .summarize import get_summarizer
from .vectors import TfidfSpace, content_terms


def digest(articles: Sequence[Article], max_words: int | None = None, *, options: Options | None = None,
           skipped: Sequence[Skipped] = ()) -> Digest:
    """Everything storylens says about the story told by ``articles``."""
    opts = options or Options()
    if max_words is not None and max_words != opts.max_words:
        opts = opts.with_(max_words=max_words)
    articles = [a for a in articles if a.text.strip()]
    if not articles:
        raise NoArticlesError("no article with text to digest")
    summary = get_summarizer(opts.method).summarize(articles, opts.max_words, options=opts)
    extra: dict = {}
    # -- evidence: figures, quotes, timeline, entities, coverage (issue 4) --
    analysis_meta: dict = {}
    if opts.extract_facts:
        from .analysis import DIGEST_FIELDS, analyze

        found = analyze(articles, summary, opts)
        extra = {k: found[k] for k in DIGEST_FIELDS}
        analysis_meta = found["meta"]
    return Digest(
        title=story_title(articles, summary),
        summary=summary,
        articles=tuple(articles),
        skipped=tuple(skipped),
        meta={"method": summary.method, "max_words": opts.max_words, **analysis_meta},
        **extra,
    )


def story_title(articles: Sequence[Article], summary: Summary) -> str:
    """The article title closest to the summary's content; else the first
    summary sentence, shortened."""
    titles = [a.title for a in articles if a.title]
    if titles and summary.sentences:
        terms = [content_terms(t) for t in titles] + [content_terms(summary.text)]
        space = TfidfSpace(terms)
        sims = (space.matrix[:-1] @ space.matrix[-1].T).toarray().ravel()
        return titles[int(np.argmax(sims))]
    if titles:
        return titles[0]
    if summary.sentences:
        words = summary.sentences[0].text.split()
        return " ".join(words[:12]) + ("\u2026" if len(words) > 12 else "")
    return "Untitled story"
