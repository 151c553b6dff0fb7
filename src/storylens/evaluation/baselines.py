"""The classic baselines that ``storylens evaluate`` puts side by side.

Each baseline takes the prepared candidate sentences of a cluster (see
:func:`storylens.evaluate.candidates`) and returns candidate indices in its
order of priority; the evaluator applies the same budget rule to every system.

- ``lead``: the first sentence of each document, then the second of each, ...
- ``random``: a seeded shuffle (the seed and the cluster id fix the order).
- ``lexrank`` / ``textrank`` / ``lsa``: sumy's implementations (``eval`` extra),
  given the candidates as sentences and an offline tokenizer.
- ``oracle``: greedy extractive upper bound against the references.
"""

from __future__ import annotations

import random as _random
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from .._optional import require


@dataclass(frozen=True)
class Candidate:
    """One candidate sentence: its document, its position there, its text."""

    doc: int
    position: int
    text: str


def lead_order(cands: Sequence[Candidate]) -> list[int]:
    """Round robin over documents: every document's first sentence, then every second ..."""
    return sorted(range(len(cands)), key=lambda i: (cands[i].position, cands[i].doc, i))


def random_order(cands: Sequence[Candidate], key: str = "", seed: int = 0) -> list[int]:
    """A shuffle fixed by ``seed`` and ``key`` (the cluster id)."""
    rng = _random.Random(zlib.crc32(key.encode("utf-8")) ^ seed)
    order = list(range(len(cands)))
    rng.shuffle(order)
    return order


_SUMY = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
}


class SumyRanker:
    """Rank candidates with one of sumy's summarizers (no NLTK data needed)."""

    def __init__(self, name: str):
        if name not in _SUMY:
            raise ValueError(f"unknown sumy method {name!r}; choose one of: {', '.join(sorted(_SUMY))}")
        module, cls = _SUMY[name]
        mod = require(module, "eval", f"the {name} baseline")
        stemmers = require("sumy.nlp.stemmers", "eval", f"the {name} baseline")
        utils = require("sumy.utils", "eval", f"the {name} baseline")
        self._dom = require("sumy.models.dom", "eval", f"the {name} baseline")
        from ..text.segment import SumyTokenizer

        self.name = name
        self.tokenizer = SumyTokenizer()
        self.summarizer = getattr(mod, cls)(stemmers.Stemmer("english"))
        self.summarizer.stop_words = utils.get_stop_words("english")

    def __call__(self, texts: Sequence[str]) -> list[int]:
        """Indices of ``texts`` from the highest rated down (ties: text order)."""
        if not texts:
            return []
        dom = self._dom
        sents = [dom.Sentence(t, self.tokenizer) for t in texts]
        document = dom.ObjectDocumentModel([dom.Paragraph(sents)])
        order: list[int] = []

        def take_all(infos):  # sumy calls this with the infos sorted by rating, best first
            infos = list(infos)
            order.extend(i.order for i in infos)
            return infos

        self.summarizer(document, take_all)
        seen = set(order)
        return order + [i for i in range(len(texts)) if i not in seen]


# -- the oracle --------------------------------------------------------------

def ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def oracle_order(cand_tokens: Sequence[Sequence[str]], ref_tokens: Sequence[Sequence[str]], max_words: int,
                 word_counts: Sequence[int], recall: bool = False) -> list[int]:
    """Greedy extractive oracle: repeatedly add the candidate that most raises
    ROUGE-1 + ROUGE-2 F1 (averaged over references) or, when ``recall``,
    pooled ROUGE-2 recall (+ 0.1 x ROUGE-1 recall), while it fits in
    ``max_words``; stop when nothing helps."""
    refs = [(ngrams(r, 1), ngrams(r, 2)) for r in ref_tokens]
    if not refs:
        return []
    cands = [(ngrams(t, 1), ngrams(t, 2)) for t in cand_tokens]
    cur: list[Counter[tuple[str, ...]]] = [Counter(), Counter()]
    hits = [[0, 0] for _ in refs]  # per reference, per n
    ref_tot = [[sum(r[0].values()), sum(r[1].values())] for r in refs]
    sys_tot = [0, 0]

    def value(h, s) -> float:
        if recall:  # ROUGE-2 first, ROUGE-1 to break ties
            return sum(w * sum(h[r][n] for r in range(len(refs))) / max(sum(rt[n] for rt in ref_tot), 1)
                       for n, w in ((0, 0.1), (1, 1.0)))
        total = 0.0
        for r in range(len(refs)):
            for n in (0, 1):
                if h[r][n] and s[n]:
                    p, rc = h[r][n] / s[n], h[r][n] / max(ref_tot[r][n], 1)
                    total += 2 * p * rc / (p + rc)
        return total / len(refs)

    chosen: list[int] = []
    used = 0
    best_val = 0.0
    alive = set(range(len(cands)))
    while alive:
        best = None
        for i in sorted(alive):
            if used + word_counts[i] > max_words:
                continue
            h = [row[:] for row in hits]
            for n in (0, 1):
                for g, c in cands[i][n].items():
                    have = cur[n][g]
                    for r, ref in enumerate(refs):
                        want = ref[n].get(g, 0)
                        if want > have:
                            h[r][n] += min(want - have, c)
            s = [sys_tot[0] + sum(cands[i][0].values()), sys_tot[1] + sum(cands[i][1].values())]
            v = value(h, s)
            if v > best_val + 1e-12 and (best is None or v > best[0]):
                best = (v, i, h, s)
        if best is None:
            break
        best_val, i, hits, sys_tot = best
        for n in (0, 1):
            cur[n].update(cands[i][n])
        chosen.append(i)
        used += word_counts[i]
        alive.discard(i)
        alive = {j for j in alive if used + word_counts[j] <= max_words}
    return chosen


BaselineFn = Callable[..., list[int]]

__all__ = ["Candidate", "lead_order", "random_order", "SumyRanker", "oracle_order", "ngrams"]
