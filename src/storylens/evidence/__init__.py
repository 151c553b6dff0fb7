"""The evidence behind a digest: figures, quotes, timeline, entities, coverage.

One call, :func:`analyze`, returns the Digest fields, so the pipeline makes
exactly one call::

    fields = analyze(articles, summary, options)
    Digest(..., **{k: fields[k] for k in DIGEST_FIELDS}, meta={..., **fields["meta"]})
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

from ..models import Article, Summary
from ..prepare import PreparedDocument, prepare_documents
from .coverage import story_coverage
from .entities import org_index, person_index, recognise
from .facts import story_facts
from .quotes import story_quotes
from .timeline import story_timeline

DIGEST_FIELDS = ("facts", "quotes", "timeline", "entities", "coverage")


def analyze(documents: Sequence[Article | PreparedDocument], summary: Summary | None = None,
            options=None) -> dict[str, Any]:
    """Figures, quotes, timeline, entities and coverage of one story.

    Returns a dict with the Digest fields ``facts`` (FactGroups), ``quotes``,
    ``timeline`` (Events), ``entities`` (tuples of models) and ``coverage``
    (a mapping), plus ``meta`` (the entity backend used and the time taken).
    ``options.use_spacy``: None uses spaCy when installed, False never, True
    requires it (an error names the ``spacy`` extra when missing).  The articles may come prepared
    (:func:`storylens.prepare.prepare_documents`); they are prepared here otherwise.
    """
    use_spacy = getattr(options, "use_spacy", None) if options is not None else None
    docs = prepare_documents(documents)
    articles = [d.article for d in docs]
    anchors = {d.id: (d.anchor, d.anchor_inferred) for d in docs}
    entities, backend = recognise(articles, use_spacy)
    persons = person_index(entities)
    if backend != "rules":
        # the rule-based pass knows the speakers' titles; add its people the model missed
        rule_entities, _ = recognise(articles, False)
        for k, v in person_index(rule_entities).items():
            persons.setdefault(k, v)
    _, groups = story_facts(docs)
    groups = _canonical_sources(groups, org_index(entities), persons)
    orgs = org_index(entities)
    qs = story_quotes(docs, persons, orgs)
    events = story_timeline(docs)
    cov = story_coverage(docs, summary, groups, qs)
    return {
        "facts": tuple(groups),
        "quotes": tuple(qs),
        "timeline": tuple(events),
        "entities": tuple(entities),
        "coverage": cov,
        "meta": {
            "entities_backend": backend,
            "inferred_dates": {aid: d.isoformat() for aid, (d, inf) in sorted(anchors.items()) if d and inf},
        },
    }


def _canonical_sources(groups, orgs: dict[str, str], persons: dict[str, str]):
    """Name each claim's source as the entity list does: "the Observatory" -> "Syrian Observatory for Human Rights"."""
    out = []
    for g in groups:
        claims = []
        for c in g.claims:
            src = c.attributed_to
            full = persons.get(src) or orgs.get(src) or orgs.get(src.replace("the ", "", 1))
            claims.append(replace(c, attributed_to=full) if full and full != src else c)
        out.append(replace(g, claims=tuple(claims)))
    return out


__all__ = ["analyze", "DIGEST_FIELDS"]
