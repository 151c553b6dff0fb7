"""A Digest as JSON, described by ``report/schema.json``.  Keys are added, never renamed.

Top level: ``schema``, ``title``, ``summary`` (list of {``text``,
``citations`` (article ids), ``sources`` (1-based source numbers),
``evidence`` ([{article_id, start, end}]), ``conflicts`` (the same spans in the
articles that give a different figure for the claim: not cited)}), ``articles`` (list of {``id``,
``n``, ``title``, ``outlet``, ``agency``, ``url``, ``published``,
``published_inferred``, ``title_inferred``, ``dateline``, ``duplicate_of``,
and ``text`` when asked for}), the evidence (``facts`` (the figures),
``quotes``, ``timeline``, ``entities``, ``coverage``), ``skipped`` and ``meta``.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import Citation, Coverage, Digest, DigestMeta
from .common import source_numbers

SCHEMA = "storylens.digest/1"


def to_dict(d: Digest, *, include_text: bool = False) -> dict[str, Any]:
    """The JSON report as a dict; ``include_text`` adds each article's cleaned text (``articles[].text``),
    the text that every ``start``/``end`` offset points into."""
    arts = d.articles
    copies = d.meta.copies
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "title": d.title,
        "summary": [
            {
                "text": s.text,
                "citations": [arts[n - 1].id for n in source_numbers(d, s.citations)],
                "sources": source_numbers(d, s.citations),
                "evidence": _spans(s.evidence),
                "conflicts": _spans(s.conflicts),
            }
            for s in d.summary.sentences
        ],
        "articles": [
            {
                "id": a.id, "n": n, "title": a.title, "outlet": a.outlet, "agency": a.agency, "url": a.url,
                "published": a.published, "published_inferred": a.published_inferred,
                "title_inferred": a.title_inferred, "dateline": a.dateline,
                "duplicate_of": copies.get(a.id), "lang": a.lang,
                **({"text": a.text} if include_text else {}),
            }
            for n, a in enumerate(arts, 1)
        ],
    }
    out.update(evidence_dict(d))
    out["skipped"] = [{"path": s.path, "reason": s.reason} for s in d.skipped]
    out["meta"] = meta_dict(d.meta)
    if d.update is not None:  # an update digest (since a date): what it counts as new
        out["update"] = {"since": d.update.since, "new_article_ids": list(d.update.new_article_ids),
                         "changed_figures": list(d.update.changed_figures)}
    return out


def to_json(d: Digest, indent: int | None = 2, *, include_text: bool = False) -> str:
    return json.dumps(to_dict(d, include_text=include_text), ensure_ascii=False, indent=indent) + "\n"


def _spans(evidence: tuple[Citation, ...]) -> list[dict[str, Any]]:
    return [{"article_id": c.article_id, "start": c.start, "end": c.end} for c in evidence]


def _value(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def evidence_dict(d: Digest) -> dict[str, Any]:
    """The evidence keys: ``facts`` (the figures), ``quotes``, ``timeline``, ``entities``, ``coverage``."""
    return {
        "facts": [
            {"what": g.what, "status": g.status, "claims": [
                {"value": _value(c.value), "qualifier": c.qualifier, "text": c.text, "attributed_to": c.attributed_to,
                 "date": c.date, "article_id": c.article_id, "start": c.start, "end": c.end, "what": c.what,
                 "unit": c.unit}
                for c in g.claims]}
            for g in d.facts
        ],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "role": q.role, "article_ids": list(q.article_ids),
             "resolution": q.resolution, "mention": q.mention, "in_summary": q.in_summary,
             "evidence": _spans(q.evidence)}
            for q in d.quotes
        ],
        "timeline": [
            {"date": e.date, "date_precision": e.date_precision, "text": e.text, "article_ids": list(e.article_ids),
             "expression": e.expression, "inferred": e.inferred, "evidence": _spans(e.evidence)}
            for e in d.timeline
        ],
        "entities": [
            {"name": e.name, "label": e.label, "mentions": dict(e.mentions), "total": sum(e.mentions.values())}
            for e in d.entities
        ],
        "coverage": coverage_dict(d.coverage),
    }


def coverage_dict(c: Coverage) -> dict[str, Any]:
    """``{"summary": [...], "facts": [...], "sources": {article_id: {...}}}`` (empty lists and map when the
    evidence was not extracted)."""
    if not (c.summary or c.facts or c.sources):
        return {}
    return {
        "summary": [{"index": s.index, "text": s.text, "article_ids": list(s.article_ids)} for s in c.summary],
        "facts": [{"what": f.what, "status": f.status, "article_ids": list(f.article_ids)} for f in c.facts],
        "sources": {aid: {"label": s.label, "lang": s.lang,
                          "only_here": [{"text": x.text, "start": x.start, "end": x.end} for x in s.only_here],
                          "facts_only_here": list(s.facts_only_here),
                          "quotes_only_here": s.quotes_only_here}
                    for aid, s in c.sources.items()},
    }


def meta_dict(m: DigestMeta) -> dict[str, Any]:
    out: dict[str, Any] = {"method": m.method, "max_words": m.max_words, "copies": dict(m.copies)}
    if m.entities_backend is not None:
        out["entities_backend"] = m.entities_backend
    if m.inferred_dates is not None:
        out["inferred_dates"] = dict(m.inferred_dates)
    out.update(m.extra)
    if m.stories_in_input:
        out["stories_in_input"] = [list(g) for g in m.stories_in_input]
    return out
