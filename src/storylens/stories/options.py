"""The story clusterer's settings, both paths (stream: :mod:`storylens.stories.clusterer`; archive:
:mod:`storylens.stories.archive`; cross-lingual: :mod:`storylens.stories.crosslingual`): one frozen,
keyword-only object, validated at construction against one table of allowed values."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Mapping

from ..errors import ConfigError

__all__ = ["ClusterOptions", "MODES"]

# the clustering paths: a collection as a whole (storylens.stories.archive) or one article at a time
MODES = ("archive", "stream")


@dataclass(frozen=True, kw_only=True)
class ClusterOptions:
    """Settings of the story clusterer; validated at construction."""

    threshold: float = 0.2
    window_days: int = 7
    entity_weight: float = 1.5
    number_weight: float = 1.5
    centroid_terms: int = 300
    index_terms: int = 25
    max_candidates: int = 20
    vector_terms: int = 150  # keep only this many heaviest features of an article (0: all)
    size_boost: float = 0.0  # the join threshold rises by this times log(story size)
    small_boost: float = 0.0  # ... and by this divided by the story size (a higher bar to join a lone article)
    year_penalty: float = 0.1  # subtracted when the article's latest year is far from all of the story's
    year_gap: int = 1  # ... i.e. more than this many years from every member's latest year
    place_penalty: float = 0.05  # subtracted when a place the article's lead names is absent from the story
    idf: Mapping[str, float] | None = field(default=None, compare=False, hash=False)

    def with_(self, **changes) -> "ClusterOptions":
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """The settings as plain values (without a reference ``idf``), e.g. to keep in a store."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "idf"}

    @classmethod
    def from_dict(cls, values: Mapping) -> "ClusterOptions":
        """Settings from :meth:`to_dict`; keys this version does not know are ignored (a newer store)."""
        known = {f.name for f in fields(cls)} - {"idf"}
        return cls(**{k: v for k, v in values.items() if k in known})

    # the archive path (storylens.stories.archive): average-link threshold, candidates per article and
    # the length a posting list of its candidate index keeps
    archive_threshold: float = 0.12  # chosen on ECB+ (leave-one-topic-out in BENCHMARKS.md)
    archive_candidates: int = 30
    archive_postings: int = 2000
    # cross-lingual pairs (storylens.stories.crosslingual, extra: multilingual): the lead-embedding cosine
    # that sits at the merge bar, and what a pair loses when both leads state numbers and share none
    multilingual: bool = False  # the stream path's cross-lingual side (extra: multilingual)
    crosslingual_threshold: float = 0.4  # chosen on the SemEval dev pairs (BENCHMARKS.md "Languages")
    number_penalty: float = 0.05

    def __post_init__(self) -> None:
        _check(self)
        if not isinstance(self.multilingual, bool):
            raise ConfigError(f"multilingual must be True or False, got {self.multilingual!r}")


# field -> (kind, lowest, lowest allowed?, highest or None): every allowed value of ClusterOptions, once
_ALLOWED: dict[str, tuple[type, float, bool, float | None]] = {
    "threshold": (float, 0.0, False, 1.0), "archive_threshold": (float, 0.0, False, 1.0),
    "window_days": (int, 0, True, None), "year_gap": (int, 0, True, None), "vector_terms": (int, 0, True, None),
    "entity_weight": (float, 0, True, None), "number_weight": (float, 0, True, None),
    "year_penalty": (float, 0, True, None), "place_penalty": (float, 0, True, None),
    "centroid_terms": (int, 1, True, None), "index_terms": (int, 1, True, None),
    "max_candidates": (int, 1, True, None), "archive_candidates": (int, 1, True, None),
    "archive_postings": (int, 1, True, None), "crosslingual_threshold": (float, -1.0, False, 1.0),
    "number_penalty": (float, 0, True, None),
}


def _check(o: "ClusterOptions") -> None:
    """Raise ConfigError naming the field, the allowed values and the value given."""
    for name, (kind, lo, lo_ok, hi) in _ALLOWED.items():
        v = getattr(o, name)
        kinds = (int, float) if kind is float else (int,)
        ok = not isinstance(v, bool) and isinstance(v, kinds) and (v >= lo if lo_ok else v > lo) \
            and (hi is None or v < hi)
        if not ok:
            what = "an integer" if kind is int else "a number"
            rng = f"in ({lo}, {hi})" if hi is not None else (f">= {lo}" if lo_ok else f"> {lo}")
            raise ConfigError(f"{name} must be {what} {rng}, got {v!r}")
