"""Errors raised by storylens.  Each message says what went wrong and how to fix it."""

from __future__ import annotations


class StorylensError(Exception):
    """Base class: a problem with the user's input or settings, never a bug."""


class InputError(StorylensError):
    """An input path or file cannot be read as articles."""

    def __init__(self, path: str, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class LimitError(InputError):
    """An input goes past one of the limits in :class:`storylens.limits.Limits`; the message names
    the limit and its CLI flag."""

    def __init__(self, path: str, problem: str, limit: str):
        super().__init__(path, problem)
        self.limit = limit


class NoArticlesError(StorylensError):
    """Nothing usable was found in what the user gave."""


class ArticleError(StorylensError, ValueError):
    """An Article built by hand has a field of the wrong kind (a number for a title, a date that is not ISO)."""


class EmptyDigestError(StorylensError):
    """A digest came out with nothing in it (no summary sentence)."""


class ConfigError(StorylensError, ValueError):
    """An option has a value outside the allowed ones."""


class MissingExtraError(StorylensError, ImportError):
    """An optional dependency is not installed."""

    def __init__(self, module: str, extra: str, purpose: str = ""):
        what = f" for {purpose}" if purpose else ""
        super().__init__(
            f"{module} is needed{what} but is not installed: "
            f"pip install 'storylens[{extra}]'"
        )
        self.module = module
        self.extra = extra


class DatasetError(StorylensError):
    """A benchmark dataset is missing or malformed."""
