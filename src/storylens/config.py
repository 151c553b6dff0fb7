"""One validated, keyword-only options object; every default lives here."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .errors import ConfigError

FORMATS = ("markdown", "json", "html")


@dataclass(frozen=True, kw_only=True)
class Options:
    """Settings of the digest pipeline.

    >>> Options(max_words=100).max_words
    100
    """

    max_words: int = 250
    method: str = "storylens"
    # Two sentences from different articles whose content-word similarity is at
    # least this carry the same content unit (and so cite each other's source).
    support_threshold: float = 0.5
    min_sentence_words: int = 5
    max_sentence_words: int = 70
    max_input_bytes: int = 50_000_000
    extract_facts: bool = True
    use_spacy: bool | None = None  # None: use it when installed

    def __post_init__(self) -> None:
        _check_int("max_words", self.max_words, 1, 100_000)
        _check_int("min_sentence_words", self.min_sentence_words, 1, 1000)
        _check_int("max_sentence_words", self.max_sentence_words, self.min_sentence_words, 10_000)
        _check_int("max_input_bytes", self.max_input_bytes, 1, 10**12)
        if not isinstance(self.support_threshold, (int, float)) or not 0.0 < self.support_threshold <= 1.0:
            raise ConfigError(f"support_threshold must be in (0, 1], got {self.support_threshold!r}")
        from .summarizers import available_methods  # late: summarize imports config

        methods = available_methods()
        if self.method not in methods:
            raise ConfigError(f"unknown method {self.method!r}; choose one of: {', '.join(methods)}")

    def with_(self, **changes: Any) -> "Options":
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)


def _check_int(name: str, value: Any, lo: int, hi: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ConfigError(f"{name} must be an integer from {lo} to {hi}, got {value!r}")
