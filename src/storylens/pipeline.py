"""The digest of one story: summarize, then lay out the evidence."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .ingest.clean import headline_titles
from .config import Options
from .errors import NoArticlesError
from .models import Article, Citation, Digest, Skipped, Summary, SummarySentence
from .prepare import prepare_documents
from .summarizers import get_summarizer
from .text.tfidf import TfidfSpace, content_terms


def digest(articles: Sequence[Article], max_words: int | None = None, *, options: Options | None = None,
           skipped: Sequence[Skipped] = (), check_mixed: bool = True) -> Digest:
    """Everything storylens says about the story told by ``articles``.

    With ``check_mixed``, the articles are also clustered (as ``storylens cluster`` would, without its time
    window): when they tell several stories of two or more articles each, ``meta["stories_in_input"]`` lists
    the stories' article ids, largest first, so that a caller can say the digest mixes them.
    """
    opts = options or Options()
    if max_words is not None and max_words != opts.max_words:
        opts = opts.with_(max_words=max_words)
    articles = [a for a in articles if a.text.strip()]
    if not articles:
        raise NoArticlesError("no article with text to digest")
    copies = find_copies(articles)
    originals = [i for i in range(len(articles)) if i not in copies]
    docs = prepare_documents(articles)  # sentences and dates, once: the summarizer and the evidence read them
    summary = get_summarizer(opts.method).summarize([docs[i] for i in originals], opts.max_words, options=opts)
    summary = cite_copies(summary, articles, originals, copies)
    extra: dict = {}
    # -- evidence: figures, quotes, timeline, entities, coverage (issue 4) --
    analysis_meta: dict = {}
    if opts.extract_facts:
        from .evidence import DIGEST_FIELDS, analyze

        found = analyze(docs, summary, opts)
        extra = {k: found[k] for k in DIGEST_FIELDS}
        analysis_meta = found["meta"]
    return Digest(
        title=story_title(articles, summary),
        summary=summary,
        articles=tuple(articles),
        skipped=tuple(skipped),
        meta={"method": summary.method, "max_words": opts.max_words,
              "copies": {articles[c].id: articles[o].id for c, o in sorted(copies.items())}, **analysis_meta,
              **({"stories_in_input": mixed} if check_mixed and (mixed := mixed_stories(articles)) else {})},
        **extra,
    )


def mixed_stories(articles: Sequence[Article]) -> list[list[str]]:
    """The stories ``articles`` fall into (article ids, largest story first) when two or more of them
    have two or more articles; else ``[]`` (one story, perhaps with a few strays)."""
    if len(articles) < 4:
        return []
    from .stories.clusterer import NO_WINDOW, ClusterOptions, cluster

    stories = cluster(articles, ClusterOptions(window_days=NO_WINDOW), dedup=False)  # copies join by similarity
    groups = sorted((list(s.article_ids) for s in stories), key=lambda ids: (-len(ids), ids[0]))
    return groups if sum(1 for g in groups if len(g) >= 2) >= 2 else []


def find_copies(articles: Sequence[Article]) -> dict[int, int]:
    """``{index of a copy: index of its original}``: syndicated copies (the same
    wire story under another masthead), as marked by the store
    (``meta["duplicate_of"]``) or found here by MinHash; chains resolve to
    the earliest copy."""
    index = {a.id: i for i, a in enumerate(articles)}
    parent: dict[int, int] = {}
    for i, a in enumerate(articles):
        orig = a.meta.get("duplicate_of") if a.meta else None
        if orig in index and index[orig] != i:
            parent[i] = index[orig]
    rest = [a for i, a in enumerate(articles) if i not in parent]
    if len(rest) > 1:
        from .stories.dedup import find_duplicates

        for aid, orig in find_duplicates(rest).items():
            if orig and orig in index and orig != aid:
                parent[index[aid]] = index[orig]
    roots = {}
    for i in parent:
        j, seen = i, {i}
        while j in parent and parent[j] not in seen:
            j = parent[j]
            seen.add(j)
        if j != i:
            roots[i] = j
    return roots


def cite_copies(summary: Summary, articles: Sequence[Article], originals: Sequence[int],
                copies: dict[int, int]) -> Summary:
    """Map a summary of ``originals`` back to indices of ``articles`` and let each
    sentence cite every copy of the articles it cites (one report, several outlets)."""
    copies_of: dict[int, list[int]] = {}
    for c, o in sorted(copies.items()):
        copies_of.setdefault(o, []).append(c)
    out = []
    for s in summary.sentences:
        cites: list[int] = []
        evidence: list[Citation] = []
        for c in s.evidence:
            i = originals[c.doc_index]
            evidence.append(Citation(c.article_id, i, c.start, c.end))
        for d in s.citations:
            i = originals[d]
            for j in [i] + copies_of.get(i, []):
                if j not in cites:
                    cites.append(j)
                if j != i:
                    at = articles[j].text.find(s.text)
                    if at >= 0:
                        evidence.append(Citation(articles[j].id, j, at, at + len(s.text)))
        conflicts = tuple(Citation(c.article_id, originals[c.doc_index], c.start, c.end) for c in s.conflicts)
        out.append(SummarySentence(s.text, tuple(cites), tuple(evidence), s.score, conflicts))
    return Summary(tuple(out), method=summary.method, max_words=summary.max_words)


def story_title(articles: Sequence[Article], summary: Summary) -> str:
    """The article headline closest to the summary's content (a title made
    from a URL only when no article has a headline); else the first summary
    sentence, shortened."""
    titles = headline_titles(articles)
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
