"""Development and held-out halves of the summary sets, fixed once, by topic.

Whatever is tuned is tuned on the ``dev`` half; the ``heldout`` half is only
reported.  The halves are fixed here (not drawn at run time) so that every
benchmark and every session uses the same ones:

- **DUC 2007 update** (10 topics x sets A, B, C): the halves of
  ``benchmarks/update_eval.py``, which were fixed first: the topics in file
  order, even places dev, odd places held out.  All three sets of a topic
  fall in the same half.
- **DUC 2007 main** (23 topics): eight of its topics are update topics with
  the very same 25 articles, so each of them takes its update half (else the
  same text would sit on both sides); the other 15, sorted, are shuffled with
  :data:`SEED` and the first 7 go to dev, which makes 12 dev and 11 held out.
- **Multi-News validation**: clusters 0 to 999 are dev (earlier tuning used
  the first 1,000, never more); the held-out half is a sample of
  :data:`MULTINEWS_HELDOUT` clusters, drawn with :data:`SEED`, from the rest.
"""

from __future__ import annotations

import random
from typing import Iterable, Sequence

from ..errors import ConfigError

SEED = 2007
HALVES = ("dev", "heldout", "all")
#: the update topics in the order of ``duc2007_update.jsonl``: even places dev, odd held out
UPDATE_TOPICS = ("D0703", "D0706", "D0711", "D0716", "D0721", "D0726", "D0727", "D0736", "D0740", "D0743")
#: DUC main topics that are not update topics, in sorted order (shuffled with SEED)
MAIN_ONLY_TOPICS = ("D0701", "D0704", "D0705", "D0707", "D0710", "D0714", "D0718", "D0720", "D0724", "D0728",
                    "D0729", "D0730", "D0734", "D0739", "D0742")
MAIN_ONLY_DEV = 7
MULTINEWS_DEV = 1000
MULTINEWS_HELDOUT = 2000


def topic_of(cluster_id: str) -> str:
    """The DUC topic of a cluster id (``duc2007update-D0703A-B`` -> ``D0703``); else the id itself."""
    for part in cluster_id.split("-"):
        if len(part) >= 5 and part[0] == "D" and part[1:5].isdigit():
            return part[:5]
    return cluster_id


def duc_dev_topics() -> frozenset[str]:
    """The DUC 2007 topics (main and update) of the dev half."""
    dev = set(UPDATE_TOPICS[0::2])
    rest = list(MAIN_ONLY_TOPICS)
    random.Random(SEED).shuffle(rest)
    dev.update(rest[:MAIN_ONLY_DEV])
    return frozenset(dev)


def _multinews_index(cluster_id: str) -> int | None:
    tail = cluster_id.rsplit("-", 1)[-1]
    return int(tail) if cluster_id.startswith("multinews-val-") and tail.isdigit() else None


def multinews_heldout(indices: Iterable[int]) -> frozenset[int]:
    """The held-out sample among the validation cluster ``indices`` (those from :data:`MULTINEWS_DEV` on)."""
    rest = sorted(i for i in indices if i >= MULTINEWS_DEV)
    return frozenset(random.Random(SEED).sample(rest, min(MULTINEWS_HELDOUT, len(rest))))


def half_of(cluster_ids: Sequence[str]) -> list[str | None]:
    """``"dev"``, ``"heldout"`` or None (in neither: Multi-News clusters past the sample) for each id."""
    mn = {c: _multinews_index(c) for c in cluster_ids}
    held_mn = multinews_heldout(i for i in mn.values() if i is not None)
    dev_topics = duc_dev_topics()
    out: list[str | None] = []
    for c in cluster_ids:
        i = mn[c]
        if i is not None:
            out.append("dev" if i < MULTINEWS_DEV else "heldout" if i in held_mn else None)
        else:
            out.append("dev" if topic_of(c) in dev_topics else "heldout")
    return out


def select(items: Sequence, ids: Sequence[str], half: str) -> list:
    """The ``items`` (parallel to their cluster ``ids``) of ``half`` (``dev``, ``heldout``, or ``all``)."""
    if half not in HALVES:
        raise ConfigError(f"half must be one of {', '.join(HALVES)}, got {half!r}")
    if half == "all":
        return list(items)
    return [x for x, h in zip(items, half_of(ids)) if h == half]


__all__ = ["SEED", "HALVES", "topic_of", "duc_dev_topics", "multinews_heldout", "half_of", "select"]
