"""storylens: many news reports in, one cited story out.

>>> import storylens
>>> arts = storylens.load_articles(["examples/aleppo-2016"])      # doctest: +SKIP
>>> d = storylens.digest(arts, max_words=150)                    # doctest: +SKIP
>>> print(storylens.summarize(["text one ...", "text two ..."]))  # doctest: +SKIP

Importing storylens loads no model and reads no file.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Options
from .errors import StorylensError
from .ingest import load, load_articles
from .models import Article, Digest, Summary, SummarySentence
from .pipeline import digest
from . import summarize as _summarize_pkg  # noqa: E402  (binds the subpackage before we shadow its name)

from . import cluster as _cluster_mod  # noqa: E402
from .store import open_store  # noqa: E402

# The public functions shadow the subpackage's name on purpose: ``storylens.summarize(...)``
# is the API; the methods live in ``storylens.summarize.*`` modules, still importable.
summarize = _summarize_pkg.summarize
cluster = _cluster_mod.cluster

__all__ = ["__version__", "Options", "StorylensError", "Article", "Digest", "Summary", "SummarySentence",
           "summarize", "digest", "cluster", "open_store", "load", "load_articles"]
