"""storylens: many news reports in, one cited story out.

>>> import storylens
>>> arts = storylens.load_articles(["examples/aleppo-2016"])      # doctest: +SKIP
>>> d = storylens.digest(arts, max_words=150)                    # doctest: +SKIP
>>> print(storylens.summarize(["text one ...", "text two ..."]))  # doctest: +SKIP

Importing storylens loads no model, reads no file and imports none of numpy,
scipy or ftfy: each public name is imported on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> (module, attribute); modules are named apart from the functions they export
_EXPORTS = {
    "Options": ("storylens.config", "Options"),
    "StorylensError": ("storylens.errors", "StorylensError"),
    "Article": ("storylens.models", "Article"),
    "Digest": ("storylens.models", "Digest"),
    "Summary": ("storylens.models", "Summary"),
    "SummarySentence": ("storylens.models", "SummarySentence"),
    "load": ("storylens.ingest", "load"),
    "load_articles": ("storylens.ingest", "load_articles"),
    "digest": ("storylens.pipeline", "digest"),
    "summarize": ("storylens.summarizers", "summarize"),
    "cluster": ("storylens.stories.clusterer", "cluster"),
    "render": ("storylens.report", "render"),
    "open_store": ("storylens.stories.store", "open_store"),
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    try:
        module, attr = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'storylens' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
