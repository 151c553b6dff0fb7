"""A Digest as JSON.  The schema is stable: keys are added, never renamed.

Top level: ``schema``, ``title``, ``summary`` (list of {``text``,
``citations`` (article ids), ``sources`` (1-based source numbers),
``evidence`` ([{article_id, start, end}])}), ``articles`` (list of {``id``,
``n``, ``title``, ``outlet``, ``agency``, ``url``, ``published``,
``published_inferred``, ``title_inferred``, ``dateline``}), ``skipped`` and ``meta``.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import Digest
from .common import source_numbers

SCHEMA = "storylens.digest/1"


def to_dict(d: Digest) -> dict[str, Any]:
    arts = d.articles
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "title": d.title,
        "summary": [
            {
                "text": s.text,
                "citations": [arts[n - 1].id for n in source_numbers(d, s.citations)],
                "sources": source_numbers(d, s.citations),
                "evidence": [{"article_id": c.article_id, "start": c.start, "end": c.end} for c in s.evidence],
            }
            for s in d.summary.sentences
        ],
        "articles": [
            {
                "id": a.id, "n": n, "title": a.title, "outlet": a.outlet, "agency": a.agency, "url": a.url,
                "published": a.published, "published_inferred": a.published_inferred,
                "title_inferred": a.title_inferred, "dateline": a.dateline,
                "duplicate_of": d.meta.get("copies", {}).get(a.id),
            }
            for n, a in enumerate(arts, 1)
        ],
    }
    # -- evidence keys (issue 4): facts, quotes, timeline, entities, coverage --
    from .evidence import evidence_dict

    out.update(evidence_dict(d))
    out["skipped"] = [{"path": s.path, "reason": s.reason} for s in d.skipped]
    out["meta"] = dict(d.meta)
    return out


def to_json(d: Digest, indent: int | None = 2) -> str:
    return json.dumps(to_dict(d), ensure_ascii=False, indent=indent) + "\n"
