"""Which sources carry what: per summary sentence, per figure, and what only one source reports."""

from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

from ..models import Article, FactGroup, Quote, Summary
from ..prepare import PreparedDocument, prepare_documents
from ..text.segment import word_count
from ..text.tfidf import STOPWORDS, TfidfSpace, stem

UNIQUE_BELOW = 0.3  # a sentence whose best match in any other source is below this is reported only there
MAX_UNIQUE = 3
MIN_WORDS = 8
#: an article's sentences compared, its first ones of MIN_WORDS words or more: a news article has far fewer,
#: and a few book-length articles stay bounded rather than every sentence against every other one
MAX_COMPARED = 400


def story_coverage(documents: Sequence[Article | PreparedDocument], summary: Summary | None,
                   groups: Sequence[FactGroup], quotes: Sequence[Quote] = ()) -> dict[str, Any]:
    """``{"summary": [...], "facts": [...], "sources": {article_id: {...}}}``."""
    docs = prepare_documents(documents)
    articles = [d.article for d in docs]
    ids = [a.id for a in articles]
    out: dict[str, Any] = {"summary": [], "facts": [], "sources": {}}
    if summary is not None:
        for i, s in enumerate(summary.sentences):
            cited = [ids[c] for c in s.citations if 0 <= c < len(ids)]
            out["summary"].append({"index": i, "text": s.text, "article_ids": list(dict.fromkeys(cited))})
    for g in groups:
        out["facts"].append({"what": g.what, "status": g.status,
                             "article_ids": list(dict.fromkeys(c.article_id for c in g.claims))})
    unique = _unique_sentences(docs)
    # what one source alone carries, gathered in one pass
    facts_alone: dict[str, list[str]] = {}
    for g in groups:
        sources = {c.article_id for c in g.claims}
        if len(sources) == 1 and g.what:
            facts_alone.setdefault(next(iter(sources)), []).append(g.what)
    quotes_alone = Counter(q.article_ids[0] for q in quotes if len(q.article_ids) == 1)
    for a in articles:
        out["sources"][a.id] = {
            "label": a.label,
            "only_here": unique.get(a.id, []),
            "facts_only_here": facts_alone.get(a.id, [])[:5],
            "quotes_only_here": quotes_alone[a.id],
            "lang": a.lang,
        }
    return out


def _unique_sentences(docs: Sequence[PreparedDocument]) -> dict[str, list[dict[str, Any]]]:
    if len(docs) < 2:
        return {}
    articles = [doc.article for doc in docs]
    rows: list[tuple[int, int, int, str]] = []
    terms: list[list[str]] = []
    for d, doc in enumerate(docs):
        taken = 0
        for i, sent in enumerate(doc.sentences):
            if taken >= MAX_COMPARED:
                break
            if word_count(sent.text) >= MIN_WORDS:
                taken += 1
                rows.append((d, sent.start, sent.end, sent.text))
                terms.append([stem(w) for w in doc.words(i, keep=False) if w not in STOPWORDS and len(w) > 1])
    if not rows:
        return {}
    space = TfidfSpace(terms)
    best = space.max_other([r[0] for r in rows])
    out: dict[str, list[dict[str, Any]]] = {}
    for i, (d, s, e, text) in enumerate(rows):
        if best[i] < UNIQUE_BELOW:
            lst = out.setdefault(articles[d].id, [])
            if len(lst) < MAX_UNIQUE:
                lst.append({"text": text, "start": s, "end": e})
    return out
