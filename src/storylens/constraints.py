"""Allowed values of options, stated as data, and the one check that reads them.

An options class lists its constraints in one table, ``field -> constraint``
(as scikit-learn's ``_parameter_constraints`` does), and calls
:func:`check_all` from ``__post_init__``.  A bad value raises
:class:`~storylens.errors.ConfigError` at construction, with the field, the
allowed values and the value given::

    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True, kw_only=True)
    ... class Demo:
    ...     CONSTRAINTS = {"n": Interval(int, 1, 10), "mode": OneOf(("fast", "exact"))}
    ...     n: int = 3
    ...     mode: str = "fast"
    ...     def __post_init__(self):
    ...         check_all(self, self.CONSTRAINTS)
    >>> Demo(n=0)
    Traceback (most recent call last):
    ...
    storylens.errors.ConfigError: n must be an integer from 1 to 10, got 0
    >>> Demo(mode="slow")
    Traceback (most recent call last):
    ...
    storylens.errors.ConfigError: unknown mode 'slow'; choose one of: fast, exact

Imports nothing of storylens but its errors, so that every options class
(``Options``, ``Limits``, ``ClusterOptions``, ...) can use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from .errors import ConfigError


@dataclass(frozen=True)
class Interval:
    """A number of ``kind`` (int or float) in a range.

    ``lo``/``hi`` are numbers, or the name of another field of the same object
    (``Interval(int, "min_sentence_words", 10_000)``); ``closed`` says which
    ends are allowed: "both", "left", "right" or "neither".  An int is
    accepted for a float, a bool never.
    """

    kind: type
    lo: float | str | None = None
    hi: float | str | None = None
    closed: str = "both"

    def check(self, name: str, value: Any, obj: Any = None) -> None:
        lo, hi = (getattr(obj, b) if isinstance(b, str) else b for b in (self.lo, self.hi))
        kinds = (int, float) if self.kind is float else (int,)
        ok = not isinstance(value, bool) and isinstance(value, kinds)
        if ok and lo is not None:
            ok = value >= lo if self.closed in ("both", "left") else value > lo
        if ok and hi is not None:
            ok = value <= hi if self.closed in ("both", "right") else value < hi
        if not ok:
            raise ConfigError(f"{name} must be {self.describe(lo, hi)}, got {value!r}")

    def describe(self, lo: Any, hi: Any) -> str:
        if self.kind is int and self.closed == "both" and lo is not None and hi is not None:
            return f"an integer from {lo} to {hi}"
        left = "[" if self.closed in ("both", "left") else "("
        right = "]" if self.closed in ("both", "right") else ")"
        what = "an integer" if self.kind is int else "a number"
        return f"{what} in {left}{'-inf' if lo is None else lo}, {'inf' if hi is None else hi}{right}"


@dataclass(frozen=True)
class OneOf:
    """One of a fixed set of values (the message lists them in the table's order)."""

    values: tuple[Any, ...]

    def check(self, name: str, value: Any, obj: Any = None) -> None:
        if value not in self.values:
            shown = ", ".join(str(v) for v in self.values)
            raise ConfigError(f"unknown {name} {value!r}; choose one of: {shown}")


@dataclass(frozen=True)
class Flag:
    """True or False; with ``none_ok``, also None ("decide for me")."""

    none_ok: bool = False

    def check(self, name: str, value: Any, obj: Any = None) -> None:
        if not (isinstance(value, bool) or (self.none_ok and value is None)):
            allowed = "True, False or None" if self.none_ok else "True or False"
            raise ConfigError(f"{name} must be {allowed}, got {value!r}")


@dataclass(frozen=True)
class InstanceOf:
    """An instance of ``kind`` (a nested options section)."""

    kind: type

    def check(self, name: str, value: Any, obj: Any = None) -> None:
        if not isinstance(value, self.kind):
            raise ConfigError(f"{name} must be a {self.kind.__name__}, got {value!r}")


Constraint = Interval | OneOf | Flag | InstanceOf


def check(name: str, value: Any, constraint: Constraint, obj: Any = None) -> None:
    """Raise ConfigError unless ``value`` satisfies ``constraint``."""
    constraint.check(name, value, obj)


def check_all(obj: Any, table: Mapping[str, Constraint]) -> None:
    """Check every field of ``obj`` named in ``table``, in the table's order."""
    for name, constraint in table.items():
        constraint.check(name, getattr(obj, name), obj)


__all__ = ["Interval", "OneOf", "Flag", "InstanceOf", "Constraint", "check", "check_all"]
