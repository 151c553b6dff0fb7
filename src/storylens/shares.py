"""A story-wide budget shared across its articles, as a round-robin over each article's earliest items.

The summary pool keeps at most so many candidate sentences in a story, and coverage compares at most so many
sentences: both take every article's first item, then every article's second, and so on while the budget
lasts, so that a story of many articles is bounded by the budget and not by its size.
"""

from __future__ import annotations

from typing import Sequence


def round_robin_shares(counts: Sequence[int], budget: int) -> list[int]:
    """How many of its earliest items each article keeps when the story keeps at most ``budget``: all of
    them while the total fits; past it the same number k from each article (or all of a shorter one's),
    the largest k that fits, and one more for the first articles while budget is left (water-filling:
    what a round-robin over the articles' earliest items takes, from the counts alone).

    >>> round_robin_shares([5, 2, 9], 10)
    [4, 2, 4]
    >>> round_robin_shares([5, 2, 9], 100)
    [5, 2, 9]
    """
    budget = max(budget, 0)
    if sum(counts) <= budget:
        return list(counts)
    low, high = 0, max(counts)  # the largest k whose shares fit: sum(min(c, low)) <= budget < sum(min(c, high))
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if sum(min(c, mid) for c in counts) <= budget else (low, mid)
    shares = [min(c, low) for c in counts]
    left = budget - sum(shares)
    for d, c in enumerate(counts):
        if left and c > low:
            shares[d] += 1
            left -= 1
    return shares
