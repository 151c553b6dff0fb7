"""A story's digest as the store keeps it: the JSON of ``storylens digest --store DB --story ID --format json``.

The store computes a story's digest when the story changes (after the batch
that changed it commits) and keeps it with the story's version and the
settings it was made with; a reader only ever reads it
(:meth:`~storylens.stories.store.Store.cached_digest`).
"""

from __future__ import annotations

import json
from typing import Any, Sequence

import logging

from ...config import DEFAULT_METHOD, DEFAULT_WORDS, Options
from ...errors import ConfigError, LimitError, StorylensError
from ...limits import STORY_LIMITS, Limits
from ...models import Article

log = logging.getLogger(__name__)

# rules-only entities by default: a digest per changed story must be cheap; a store may choose spaCy
DEFAULT_DIGEST_SETTINGS: dict[str, Any] = {"max_words": DEFAULT_WORDS, "method": DEFAULT_METHOD, "use_spacy": False}
# settings a store may also set: the story limits (absent, the Limits defaults, and the settings' key
# stays what it was, so a store that sets none keeps its digests)
OPTIONAL_SETTINGS = STORY_LIMITS


def digest_options(settings: dict[str, Any]) -> Options:
    """The pipeline options of ``settings`` (validated: a bad value raises ConfigError)."""
    limits = Limits(**{k: settings[k] for k in OPTIONAL_SETTINGS if k in settings})
    return Options(max_words=settings["max_words"], method=settings["method"], use_spacy=settings["use_spacy"],
                   limits=limits)


def checked_settings(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """``current`` with ``changes``, every key known and every value valid."""
    known = (*DEFAULT_DIGEST_SETTINGS, *OPTIONAL_SETTINGS)
    unknown = sorted(set(changes) - set(known))
    if unknown:
        raise ConfigError(f"unknown digest setting(s) {', '.join(unknown)}; known: {', '.join(known)}")
    out = {**DEFAULT_DIGEST_SETTINGS, **current, **changes}
    digest_options(out)
    return out


def settings_key(settings: dict[str, Any]) -> str:
    return json.dumps(settings, sort_keys=True)


def compute_digest(articles: Sequence[Article], settings: dict[str, Any]) -> tuple[str | None, str | None]:
    """``(digest JSON, None)``, or ``(None, why)`` when the story cannot be digested (no text, ...).

    A story over a story limit (``max_story_articles``, ``max_story_chars`` of the settings, else the
    defaults) is not digested: ``why`` names the limit (the store records it as the story's digest
    error, for its current version, and logs a warning); its articles stay stored."""
    from ...pipeline import digest
    from ...report.json_ import to_dict

    try:
        d = digest(articles, options=digest_options(settings), check_mixed=False)
    except LimitError as exc:
        log.warning("story not digested: %s", exc)
        return None, str(exc)
    except StorylensError as exc:
        return None, str(exc)
    # ASCII escapes: the JSON stays storable whatever the articles hold
    return json.dumps(to_dict(d), ensure_ascii=True, separators=(",", ":")), None
