"""Cross-lingual citations on SemEval-2022 Task 8: how often a summary sentence cites the other-language
article of a same-story pair, with and without the multilingual embedding, and the citations to read.

    nice .venv/bin/python benchmarks/crosslingual_citations.py            # counts
    nice .venv/bin/python benchmarks/crosslingual_citations.py --show 15  # and the first 15 to read

The pairs: original-language (not machine-translated) cross-lingual pairs judged the same story
(``overall`` <= 2), each digested as a two-article story (the summary in English when one side is English,
else in the first article's language).  Every cross-lingual citation gives every number of its sentence by
construction; whether it carries the claim is for a reader (BENCHMARKS.md, "Citations both ways").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def pairs(limit: int) -> list[dict]:
    rows = [json.loads(line) for line in (DATA / "semeval8_train_pairs.jsonl").open(encoding="utf-8")]
    rows = [p for p in rows if p["crosslingual"] and not p["synthetic_mt"] and p["overall"] <= 2]
    return sorted(rows, key=lambda p: p["pair_id"])[:limit]


def run(limit: int, show: int) -> dict:
    from storylens import Article, Options, digest

    texts = {r["id"]: r for r in map(json.loads, (DATA / "semeval8_train_articles.jsonl").open(encoding="utf-8"))}
    out: dict = {}
    shown = 0
    for embed in (False, True):
        import storylens.digest_language as dl

        saved = dl._encoder
        if not embed:
            dl._encoder = lambda: None  # names and numbers only: as without the multilingual extra
        n_pairs = n_sent = n_cross = 0
        t0 = time.process_time()
        try:
            for p in pairs(limit):
                if p["id1"] not in texts or p["id2"] not in texts:
                    continue
                arts = [Article.from_text(texts[k]["text"], id=k) for k in (p["id1"], p["id2"])]  # languages identified
                d = digest(arts, options=Options(extract_facts=False), check_mixed=False)
                n_pairs += 1
                for s in d.summary.sentences:
                    n_sent += 1
                    other = [e for e in s.evidence if d.articles[e.doc_index].lang != d.articles[s.citations[0]].lang]
                    n_cross += bool(other)
                    if other and shown < show:
                        shown += 1
                        o, mode = other[0], "embedding" if embed else "names, numbers"
                        print(f"[{p['pair_id']}] ({mode}) {s.text}\n    -> ({d.articles[o.doc_index].lang}) "
                              f"{d.articles[o.doc_index].text[o.start:o.end]}\n")
        finally:
            dl._encoder = saved
        out["with_embedding" if embed else "names_and_numbers"] = {
            "pairs": n_pairs, "summary_sentences": n_sent, "citing_the_other_language": n_cross,
            "cpu_s": round(time.process_time() - t0, 1)}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=60, help="at most this many pairs")
    ap.add_argument("--show", type=int, default=0, help="print this many cross-lingual citations to read")
    args = ap.parse_args(argv)
    if not (DATA / "semeval8_train_pairs.jsonl").exists():
        print(f"skipped: {DATA / 'semeval8_train_pairs.jsonl'} not found (see ../shared/data/README.md)")
        return 0
    print(json.dumps(run(args.limit, args.show), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
