"""ROUGE evaluation of storylens against the classic baselines, side by side.

The rules (the same for every system):

- **Clusters** are read from JSONL (optionally gzip) lines of the form
  ``{"id", "documents": [...], "summaries": [...]}``; a malformed line is
  skipped and counted, a missing or unreadable dataset raises
  :class:`~storylens.errors.DatasetError`.
- **Candidates** for the baselines: each document split into lines and
  sentences (:mod:`storylens.segment`); heading-like lines (all capitals, or
  under 8 words without final punctuation) dropped; exact duplicate sentences
  across the cluster kept once.  storylens prepares its own candidates.
- **Budget**: whole sentences in the system's order while the total stays
  within the budget: the first sentence that would take it over ends the
  summary.
- **Scores**: ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (rouge-score, Porter stemming,
  Lsum with one sentence a line), the maximum over the references; with
  ``recall``, ROUGE-1/2 recall of the summary cut at the budget, with n-gram
  hits pooled over all references (ROUGE-1.5.5's default).
- **Timing** covers reading the raw documents to the ordered sentences
  (candidate preparation included for the baselines), never the scoring.
"""

from __future__ import annotations

import gzip
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..errors import DatasetError
from ..text.segment import split_sentences
from .baselines import Candidate, SumyRanker, lead_order, ngrams, oracle_order, random_order
from ..summarizers.pool import is_heading

SYSTEMS = ("storylens", "digest", "lead", "lexrank", "textrank", "lsa", "random", "oracle")
CLASSIC = ("lead", "lexrank", "textrank", "lsa")
DEFAULT_SYSTEMS = ("storylens", "digest", "lead", "lexrank", "textrank", "lsa", "oracle")
DEFAULT_WORDS = 300


@dataclass(frozen=True)
class Cluster:
    id: str
    documents: tuple[str, ...]
    summaries: tuple[str, ...]
    meta: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Dataset:
    path: str
    clusters: list[Cluster]
    skipped: int = 0  # malformed lines


# -- reading ---------------------------------------------------------------

def _open_lines(path: Path) -> Iterator[str]:
    gz = path.suffix == ".gz"
    try:
        with (gzip.open(path, "rt", encoding="utf-8") if gz else open(path, encoding="utf-8")) as fh:
            yield from fh
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: cannot be read as {'gzip ' if gz else ''}JSONL text ({exc})") from None


def _cluster(obj: Any, n: int) -> Cluster | None:
    if not isinstance(obj, dict):
        return None
    docs, sums = obj.get("documents"), obj.get("summaries")
    if isinstance(sums, str):
        sums = [sums]
    if not isinstance(docs, list) or not isinstance(sums, list):
        return None
    docs = [d for d in docs if isinstance(d, str) and d.strip()]
    sums = [s for s in sums if isinstance(s, str) and s.strip()]
    if not docs or not sums:
        return None
    raw_meta = obj.get("meta")
    meta: dict = raw_meta if isinstance(raw_meta, dict) else {}
    return Cluster(str(obj.get("id", f"line-{n}")), tuple(docs), tuple(sums), meta)


def read_dataset(path: str | Path, limit: int | None = None) -> Dataset:
    """Read summarization clusters from a JSONL(.gz) file (see the module doc)."""
    p = Path(path)
    if not p.exists():
        raise DatasetError(f"{p}: no such dataset file (expected JSONL or JSONL.gz clusters)")
    if p.is_dir():
        raise DatasetError(f"{p}: is a folder; give a .jsonl or .jsonl.gz file of clusters")
    clusters: list[Cluster] = []
    skipped = 0
    for n, line in enumerate(_open_lines(p), 1):
        if limit is not None and len(clusters) >= limit:
            break
        if not line.strip():
            continue
        try:
            c = _cluster(json.loads(line), n)
        except ValueError:
            c = None
        if c is None:
            skipped += 1
        else:
            clusters.append(c)
    if not clusters:
        raise DatasetError(
            f"{p}: no valid clusters ({skipped} malformed lines); each line must be a JSON object "
            'with "documents" and "summaries" lists')
    return Dataset(str(p), clusters, skipped)


# -- candidates and the budget -----------------------------------------------

def candidates(documents: Sequence[str]) -> list[Candidate]:
    """Candidate sentences of a cluster for the baselines (see the module doc)."""
    out: list[Candidate] = []
    seen: set[str] = set()
    for d, doc in enumerate(documents):
        pos = 0
        for sent in split_sentences(doc):
            if is_heading(sent):
                continue
            key = " ".join(sent.split())
            if key in seen:
                continue
            seen.add(key)
            out.append(Candidate(d, pos, key))
            pos += 1
    return out


def apply_budget(sentences: Iterable[str], max_words: int) -> list[str]:
    """Whole sentences in the given order while the total stays within ``max_words``
    (the first one that would overflow ends the summary)."""
    out: list[str] = []
    total = 0
    for s in sentences:
        n = len(s.split())
        if total + n > max_words:
            break
        out.append(s)
        total += n
    return out


def cut_words(text: str, max_words: int) -> str:
    return " ".join(text.split()[:max_words])


# -- scoring -----------------------------------------------------------------

class Scorer:
    """ROUGE-1/2/Lsum F1 (max over references) and pooled ROUGE-1/2 recall."""

    def __init__(self):
        from .._optional import require

        rs = require("rouge_score.rouge_scorer", "eval", "ROUGE scoring")
        self.rouge = rs.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
        self.tokenize = self.rouge._tokenizer.tokenize

    @staticmethod
    def lines(text_or_sents: str | Sequence[str]) -> str:
        sents = split_sentences(text_or_sents) if isinstance(text_or_sents, str) else text_or_sents
        return "\n".join(" ".join(s.split()) for s in sents if s.strip())

    def f1(self, summary: Sequence[str], references: Sequence[str]) -> dict[str, float]:
        pred = self.lines(summary)
        best = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
        for ref in references:
            sc = self.rouge.score(self.lines(ref), pred)
            for k in best:
                best[k] = max(best[k], sc[k].fmeasure)
        return best

    def recall(self, summary: Sequence[str], references: Sequence[str], max_words: int) -> dict[str, float]:
        toks = self.tokenize(cut_words(" ".join(summary), max_words))
        out = {}
        for n in (1, 2):
            sys_ng = ngrams(toks, n)
            hits = total = 0
            for ref in references:
                ref_ng = ngrams(self.tokenize(ref), n)
                hits += sum(min(c, sys_ng.get(g, 0)) for g, c in ref_ng.items())
                total += sum(ref_ng.values())
            out[f"rouge{n}_recall"] = hits / total if total else 0.0
        return out


# -- the systems ---------------------------------------------------------------

SystemFn = Callable[[Cluster, list[Candidate], int], list[str]]


def _storylens(cluster: Cluster, cands: list[Candidate], max_words: int) -> list[str]:
    from ..summarizers import summarize

    return [s.text for s in summarize(list(cluster.documents), max_words).sentences]


def _digest(cluster: Cluster, cands: list[Candidate], max_words: int) -> list[str]:
    """The summary ``storylens digest`` gives with its defaults but the budget: each document made an
    article as a file's text is (:meth:`Article.from_text`: datelines and credits moved out), syndicated
    copies folded, the documents prepared once, the default method; the evidence is not extracted (the
    summary does not depend on it).  A cluster with nothing to summarize gives no sentence."""
    from ..config import Options
    from ..errors import EmptyDigestError, NoArticlesError
    from ..models import Article
    from ..pipeline import digest

    arts = [Article.from_text(d, id=f"{cluster.id}-{i}") for i, d in enumerate(cluster.documents)]
    try:
        found = digest(arts, options=Options(max_words=max_words, extract_facts=False))
    except (EmptyDigestError, NoArticlesError):
        return []
    return [s.text for s in found.summary.sentences]


def make_system(name: str, scorer: Scorer | None = None, recall: bool = False) -> SystemFn:
    """The function that produces ``name``'s ordered sentences for a cluster."""
    if name == "storylens" or name.startswith("storylens:"):
        if ":" in name:
            from ..summarizers import summarize

            method = name.split(":", 1)[1]
            return lambda c, cands, w: [s.text for s in summarize(list(c.documents), w, method=method).sentences]
        return _storylens
    if name == "digest":
        return _digest
    if name == "lead":
        return lambda c, cands, w: [cands[i].text for i in lead_order(cands)]
    if name == "random":
        return lambda c, cands, w: [cands[i].text for i in random_order(cands, c.id)]
    if name in ("lexrank", "textrank", "lsa"):
        ranker = SumyRanker(name)
        return lambda c, cands, w: [cands[i].text for i in ranker([x.text for x in cands])]
    if name == "oracle":
        sc = scorer or Scorer()

        def oracle(c: Cluster, cands: list[Candidate], w: int) -> list[str]:
            toks = [sc.tokenize(x.text) for x in cands]
            refs = [sc.tokenize(r) for r in c.summaries]
            counts = [len(x.text.split()) for x in cands]
            return [cands[i].text for i in oracle_order(toks, refs, w, counts, recall=recall)]

        return oracle
    from ..errors import ConfigError

    raise ConfigError(f"unknown system {name!r}; choose from: {', '.join(SYSTEMS)} (or storylens:METHOD)")


# -- the run -----------------------------------------------------------------

@dataclass
class Result:
    data: str
    clusters: int
    skipped: int
    words: int | None
    recall: bool
    systems: dict[str, dict[str, float]]

    def to_json(self) -> dict:
        return {"data": self.data, "clusters": self.clusters, "skipped_lines": self.skipped,
                "words": self.words, "recall": self.recall, "systems": self.systems}

    def table(self) -> str:
        cols = ["R1", "R2", "RLsum"] + (["R1 recall", "R2 recall"] if self.recall else []) + ["ms/cluster"]
        keys = ["rouge1", "rouge2", "rougeLsum"] + (["rouge1_recall", "rouge2_recall"] if self.recall else [])
        lines = ["| system | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
        for name, m in self.systems.items():
            vals = [f"{100 * m[k]:.2f}" for k in keys] + [f"{m['ms_per_cluster']:.1f}"]
            lines.append(f"| {name} | " + " | ".join(vals) + " |")
        return "\n".join(lines)


def budget_for(cluster: Cluster, words: int | None) -> int:
    if words is not None:
        return words
    limit = cluster.meta.get("summary_length_limit_words") if cluster.meta else None
    return int(limit) if isinstance(limit, (int, float)) and limit > 0 else DEFAULT_WORDS


def evaluate(dataset: Dataset, systems: Sequence[str] = DEFAULT_SYSTEMS, words: int | None = None,
             recall: bool = False, progress: bool | Callable[[int], None] = False) -> Result:
    """Score every system on every cluster of ``dataset`` (see the module doc).

    ``words=None`` takes each cluster's ``meta.summary_length_limit_words``,
    else 300.  ``progress``: True draws a bar on stderr (left on screen at the
    end); a callable is called with 1 after each cluster (the CLI's bar).
    """
    scorer = Scorer()
    fns = {name: make_system(name, scorer, recall) for name in systems}
    sums: dict[str, Counter] = {name: Counter() for name in systems}
    secs: dict[str, float] = {name: 0.0 for name in systems}
    clusters = dataset.clusters
    bar = None
    if progress is True:
        from tqdm import tqdm

        bar = tqdm(total=len(clusters), desc="evaluate", unit="cluster", leave=True, dynamic_ncols=True)
        progress = bar.update
    for c in clusters:
        w = budget_for(c, words)
        t0 = time.perf_counter()
        cands = candidates(c.documents)
        prep = time.perf_counter() - t0
        for name, fn in fns.items():
            t0 = time.perf_counter()
            chosen = apply_budget(fn(c, cands, w), w)
            secs[name] += time.perf_counter() - t0 + (0.0 if name.startswith("storylens") or name == "digest" else prep)
            sums[name].update(scorer.f1(chosen, c.summaries))
            if recall:
                sums[name].update(scorer.recall(chosen, c.summaries, w))
        if callable(progress):
            progress(1)
    if bar is not None:
        bar.close()
    n = max(len(clusters), 1)
    out = {}
    for name in systems:
        m = {k: v / n for k, v in sorted(sums[name].items())}
        m["ms_per_cluster"] = 1000 * secs[name] / n
        out[name] = m
    return Result(dataset.path, len(clusters), dataset.skipped, words, recall, out)


def parse_systems(spec: str) -> list[str]:
    names = [s.strip() for s in spec.split(",") if s.strip()]
    from ..errors import ConfigError

    if not names:
        raise ConfigError("--systems is empty; give a comma-separated list such as storylens,lead,lexrank")
    for s in names:
        if s not in SYSTEMS and not s.startswith("storylens:"):
            raise ConfigError(f"unknown system {s!r}; choose from: {', '.join(SYSTEMS)}")
    return list(dict.fromkeys(names))


__all__ = ["Cluster", "Dataset", "read_dataset", "candidates", "apply_budget", "Scorer", "make_system",
           "evaluate", "Result", "parse_systems", "SYSTEMS"]
