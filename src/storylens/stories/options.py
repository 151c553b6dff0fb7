"""The story clusterer's settings, both paths (stream: :mod:`storylens.stories.clusterer`; archive:
:mod:`storylens.stories.archive`; cross-lingual: :mod:`storylens.stories.crosslingual`): one frozen,
keyword-only object, validated at construction against one table of allowed values."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Mapping

from ..constraints import Constraint, Flag, Interval, check_all

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
    # the most postings of its candidate index an article reads (rarest feature first; a list keeps its
    # latest this many), which keeps the cost per article flat however large the collection
    archive_threshold: float = 0.12  # chosen on ECB+ by the plateau rule (LOTO in BENCHMARKS.md)
    archive_candidates: int = 30
    archive_postings: int = 500
    # cross-lingual pairs (storylens.stories.crosslingual, extra: multilingual): the lead-embedding cosine
    # that sits at the merge bar, and what a pair loses when both leads state numbers and share none
    multilingual: bool = False  # the stream path's cross-lingual side (extra: multilingual)
    crosslingual_threshold: float = 0.4  # chosen on the SemEval dev pairs (BENCHMARKS.md "Languages")
    number_penalty: float = 0.05

    def __post_init__(self) -> None:
        check_all(self, CLUSTER_CONSTRAINTS)


# every allowed value of ClusterOptions, once (storylens.constraints, the table style of storylens.config)
_SHARE = Interval(float, 0.0, 1.0, closed="neither")
CLUSTER_CONSTRAINTS: dict[str, Constraint] = {
    "threshold": _SHARE, "archive_threshold": _SHARE,
    "window_days": Interval(int, 0), "year_gap": Interval(int, 0), "vector_terms": Interval(int, 0),
    "entity_weight": Interval(float, 0), "number_weight": Interval(float, 0),
    "year_penalty": Interval(float, 0), "place_penalty": Interval(float, 0),
    "centroid_terms": Interval(int, 1), "index_terms": Interval(int, 1),
    "max_candidates": Interval(int, 1), "archive_candidates": Interval(int, 1),
    "archive_postings": Interval(int, 1), "crosslingual_threshold": Interval(float, -1.0, 1.0, closed="neither"),
    "number_penalty": Interval(float, 0), "multilingual": Flag(),
}
