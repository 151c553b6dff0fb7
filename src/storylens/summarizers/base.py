"""The summarizer base class and the method registry.

A summarizer turns a list of articles into a :class:`~storylens.models.Summary`
under a word budget.  Subclasses implement :meth:`Summarizer.rank`, which orders
candidate sentences by priority; the base class fills the budget, orders the
chosen sentences for reading, and cites every source that carries each one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable, Sequence

from ..config import DEFAULT_ORDER
from ..models import Article, Summary
from ..prepare import PreparedDocument
from .order import order_for_reading
from .pool import SentencePool

_REGISTRY: dict[str, Callable[[], "Summarizer"]] = {}


def register(name: str) -> Callable[[type["Summarizer"]], type["Summarizer"]]:
    """Class decorator: make a summarizer available by ``name``."""

    def deco(cls: type["Summarizer"]) -> type["Summarizer"]:
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return deco


def available_methods() -> tuple[str, ...]:
    _load_builtin()
    return tuple(sorted(_REGISTRY))


def get_summarizer(name: str) -> "Summarizer":
    from ..errors import ConfigError

    _load_builtin()
    try:
        return _REGISTRY[name]()
    except KeyError:
        raise ConfigError(
            f"unknown method {name!r}; choose one of: {', '.join(sorted(_REGISTRY))}"
        ) from None


def _load_builtin() -> None:
    # Importing the modules registers their classes; cheap after the first call.
    from . import methods  # noqa: F401


class Summarizer(ABC):
    """Base class: ``summarize(articles, max_words)`` -> Summary."""

    name = "base"
    #: whether chosen sentences are re-ordered for reading (False keeps rank order)
    reorder = True

    @abstractmethod
    def rank(self, pool: SentencePool) -> Sequence[int]:
        """Candidate indices of ``pool.sentences`` in order of priority."""

    def summarize(self, articles: Sequence[Article | PreparedDocument | str], max_words: int | None = None, *,
                  options=None) -> Summary:
        from ..config import Options

        opts = options or (Options() if max_words is None else Options(max_words=max_words))
        pool = SentencePool.build(articles, opts)
        return self.summarize_pool(pool, opts.max_words if max_words is None else max_words, order=opts.order)

    def summarize_pool(self, pool: SentencePool, max_words: int, *, order: str = DEFAULT_ORDER) -> Summary:
        """The summary of ``pool`` in ``max_words``, read in ``order`` (see :mod:`.order`)."""
        ranked = self.rank(pool) if pool.sentences else []
        chosen = pool.fill_budget(ranked, max_words)
        if self.reorder:
            chosen = order_for_reading(pool, chosen, order)
        return pool.to_summary(chosen, method=self.name, max_words=max_words)
