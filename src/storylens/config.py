"""One validated, keyword-only options object; every default lives here.

The allowed values of every field are one declarative table,
``OPTIONS_CONSTRAINTS`` (see :mod:`storylens.constraints`), checked at
construction.  The input limits are a nested section, ``Options(limits=Limits(...))``.
This module imports no stage: the summarizers check that their registry holds
the methods named in :data:`METHODS`.
"""

from __future__ import annotations

from dataclasses import InitVar, dataclass, field, replace
from typing import Any

from .constraints import Constraint, Flag, InstanceOf, Interval, OneOf, check_all
from .limits import Limits
from .digest_language import LanguageCode

FORMATS = ("markdown", "json", "html", "csv")
# the built-in summarizers (storylens.summarizers registers one class under each name)
METHODS = ("centroid", "coverage", "scored", "storylens")
DEFAULT_METHOD = "storylens"
DEFAULT_WORDS = 250
# the order a summary is read in (storylens.summarizers.order says what each does)
ORDERS = ("auto", "chronological", "reading", "salience")
DEFAULT_ORDER = "auto"


@dataclass(frozen=True, kw_only=True)
class Options:
    """Settings of the digest pipeline.

    >>> Options(max_words=100).max_words
    100
    >>> Options(limits=Limits(max_records=10)).limits.max_records
    10
    >>> Options(method="bert")
    Traceback (most recent call last):
    ...
    storylens.errors.ConfigError: unknown method 'bert'; choose one of: centroid, coverage, scored, storylens
    """

    max_words: int = DEFAULT_WORDS
    method: str = DEFAULT_METHOD
    order: str = DEFAULT_ORDER
    # Two sentences from different articles whose content-word similarity is at
    # least this carry the same content unit (and so cite each other's source).
    support_threshold: float = 0.5
    min_sentence_words: int = 5
    max_sentence_words: int = 70
    extract_facts: bool = True
    use_spacy: bool | None = None  # None: use it when installed
    lang: str | None = None  # the summary's language (ISO 639-1); None: English when a source is, else the most common
    limits: Limits = field(default_factory=Limits)
    # a shorthand kept from before the limits had their own section: Options(max_input_bytes=N)
    # is Options(limits=Limits(max_input_bytes=N)); read it back as options.max_input_bytes
    max_input_bytes: InitVar[int | None] = None

    def __post_init__(self, max_input_bytes: int | None) -> None:
        if max_input_bytes is not None:
            check_all(self, {"limits": OPTIONS_CONSTRAINTS["limits"]})
            object.__setattr__(self, "limits", replace(self.limits, max_input_bytes=max_input_bytes))
        check_all(self, OPTIONS_CONSTRAINTS)

    def with_(self, **changes: Any) -> "Options":
        """A copy with some fields changed (validated again)."""
        return replace(self, **{"max_input_bytes": None, **changes})


OPTIONS_CONSTRAINTS: dict[str, Constraint] = {
    "max_words": Interval(int, 1, 100_000),
    "min_sentence_words": Interval(int, 1, 1000),
    "max_sentence_words": Interval(int, "min_sentence_words", 10_000),
    "support_threshold": Interval(float, 0.0, 1.0, closed="right"),
    "method": OneOf(METHODS),
    "order": OneOf(ORDERS),
    "extract_facts": Flag(),
    "use_spacy": Flag(none_ok=True),
    "lang": LanguageCode(),
    "limits": InstanceOf(Limits),
}
# options.max_input_bytes reads the nested limit (the InitVar above only writes it); set once the
# dataclass is made, which mypy cannot follow through an assignment
setattr(Options, "max_input_bytes", property(lambda self: self.limits.max_input_bytes))  # noqa: B010
