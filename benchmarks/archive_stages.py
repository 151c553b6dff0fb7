"""CPU seconds of each stage of the archive path on the scale benchmark's stream, one size per process.

    nice .venv/bin/python benchmarks/archive_stages.py 40000 [--postings 500]

The stream is ``benchmarks/scale.py``'s (resampled Multi-News, planted copies), given at once as
``storylens cluster FILES`` would: language identification, dedup, the feature vectors, the candidate
pairs, their scores and average link, each timed with ``time.process_time``; then B3 against the source
clusters and the peak resident memory so far after each stage.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def _peak_mb() -> int:
    """The process's peak resident memory so far, MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--postings", type=int, default=None, help="archive_postings (default: the option's)")
    args = ap.parse_args(argv)
    import scale
    from storylens.stories import archive as A
    from storylens.stories.dedup import Deduplicator
    from storylens.stories.options import ClusterOptions
    from storylens.text.language import identify

    if not scale.DATA.exists():
        print(f"skipped: {scale.DATA} not found")
        return 0
    arts, gold, _, _, _ = scale.stream_of(args.n)
    peak: dict[str, int] = {"stream": _peak_mb()}
    o = ClusterOptions() if args.postings is None else ClusterOptions(archive_postings=args.postings)
    cpu: dict[str, float] = {}

    def timed(name, f):
        c = time.process_time()
        out = f()
        cpu[name] = round(time.process_time() - c, 1)
        peak[name] = _peak_mb()
        return out

    arts = timed("language id", lambda: identify(arts))
    dups = timed("dedup", lambda: {r.article_id: r.duplicate_of for r in Deduplicator().add_batch(list(arts))})
    order = A._order(arts)
    main_ = [i for i in order if not dups.get(arts[i].id)]
    sub = [arts[i] for i in main_]
    lex = timed("vectors", lambda: A.lexical_vectors(sub, o))
    days = [A._day(a.published) for a in sub]
    cand = timed("candidates", lambda: A.candidate_pairs(lex, o, days, None))
    pairs = timed("pair scores", lambda: A.PairGraph(cand[:, 0].copy(), cand[:, 1].copy(),
                                                     A.pair_similarities(lex, cand, o)))
    labels = timed("average link", lambda: A.average_link(len(sub), pairs, o.archive_threshold))
    res = A._result(arts, order, main_, labels, pairs, dups)
    p, r, f = scale.bcubed_f1(gold, {x.article_id: x.story_id for x in res.assignments})
    print(json.dumps({"n": args.n, "archive_postings": o.archive_postings, "cpu_s": cpu,
                      "bcubed": [round(p, 4), round(r, 4), round(f, 4)],
                      "peak_rss_mb": _peak_mb(),
                      "peak_mb_after": peak}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
