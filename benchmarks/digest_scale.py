"""How `digest` (summary + evidence) grows with its input: many articles, or one huge article.

    nice .venv/bin/python benchmarks/digest_scale.py [--articles 500 1000 2000 4000] [--megabytes 1 2 4 8]
        [--quoted-megabytes 1 2 4 8]
    nice .venv/bin/python benchmarks/digest_scale.py --evidence-only     # extraction per 25-article story

* Evidence alone: ``prepare_documents`` + ``analyze`` (rules entities, no spaCy) on each of the 23 DUC 2007
  main stories (about 25 articles each), after one warm-up story: CPU seconds of the process per story
  (mean and slowest, the target is under 1 s) beside wall seconds and the load average, and where the
  slowest story's CPU time goes (its own time per module, under the profiler).  CPU seconds hold on a loaded machine;
  the wall figure is the one to re-run on a quiet one.

* Many articles: the first N source documents of ``../shared/data/multinews_val.jsonl.gz``
  (many stories mixed: a worst case for the evidence stage, which compares sentences across sources).
* One huge article: a synthetic text of N megabytes of news-like sentences with figures and dates
  (a seeded generator), as a user might pass a dump by mistake.
* One huge quote-heavy article: a real report of the bundled example (``QUOTED``: quotations, "he
  said", figures and dates) repeated to N megabytes.  The synthetic text has no quotation marks, so
  only this case shows the cost of finding quotes and their speakers.

Each size runs in a fresh process (peak memory is that process's maximum resident set); the table
gives seconds, seconds per 1,000 articles or per MB, and peak MB.  Linear growth shows as a flat
"per unit" column.  Rules entities (no spaCy), the default summary budget.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews_val.jsonl.gz"
QUOTED = ROOT / "examples" / "aleppo-2016" / "003_7bc8ab39567d527b.txt"
DUC_MAIN = ROOT.parent / "shared" / "data" / "duc2007_main_pyr23.jsonl"

EVIDENCE = r"""
import cProfile, json, os, pstats, sys, time
sys.path.insert(0, sys.argv[1])
from storylens.config import Options
from storylens.evidence import analyze
from storylens.ingest import article_from_text
from storylens.prepare import prepare_documents
stories = []
for line in list(open(sys.argv[2], encoding="utf-8"))[: int(sys.argv[3])]:
    rec = json.loads(line)
    dates = rec["meta"].get("doc_dates") or []
    stories.append((rec["id"], [article_from_text(t, id=str(i), published=(dates[i][:10] if i < len(dates) else None))
                                for i, t in enumerate(rec["documents"])]))
analyze(prepare_documents(stories[0][1]), None, Options(use_spacy=False))  # imports and first-use costs
cpu, wall, sizes = [], [], []
for _, arts in stories:
    c, t = time.process_time(), time.perf_counter()
    analyze(prepare_documents(arts), None, Options(use_spacy=False))
    cpu.append(time.process_time() - c)
    wall.append(time.perf_counter() - t)
    sizes.append(len(arts))
slow = max(range(len(cpu)), key=cpu.__getitem__)
prof = cProfile.Profile()  # the slowest story again, its own CPU time per module (profiled: slower)
prof.runcall(lambda: analyze(prepare_documents(stories[slow][1]), None, Options(use_spacy=False)))
stages = {}
for (path, _line, _fn), (_cc, _nc, own, _cum, _callers) in pstats.Stats(prof).stats.items():
    name = path.split("storylens/")[-1] if "storylens/" in path else "other"
    stages[name] = stages.get(name, 0.0) + own
stages = {k: round(v, 3) for k, v in sorted(stages.items(), key=lambda kv: -kv[1])[:6]}
print(json.dumps({"stories": len(cpu), "articles": sum(sizes) / len(sizes), "cpu_mean": sum(cpu) / len(cpu),
                  "cpu_max": cpu[slow], "slowest": stories[slow][0], "wall_mean": sum(wall) / len(wall),
                  "wall_max": max(wall), "load": os.getloadavg()[0], "stages": stages}))
"""

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import storylens
from storylens.config import Options
arts = storylens.load_articles([sys.argv[2]])
t = time.perf_counter()
d = storylens.digest(arts, options=Options(use_spacy=False))
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "articles": len(arts), "summary_words": d.summary.word_count}))
"""

WORDS = ("the army said on monday that rebels attacked the city killing 12 people and wounding 40 others "
         "officials reported 3,000 families fled since tuesday while aid groups warned of shortages").split()


def synthetic(path: Path, megabytes: float, seed: int = 1) -> None:
    rnd = random.Random(seed)
    target = int(megabytes * 1_000_000)
    with path.open("w", encoding="utf-8") as f:
        f.write("A very long report\n\n")
        written, i = 0, 0
        while written < target:
            s = " ".join(rnd.choice(WORDS) for _ in range(18)).capitalize() + ". "
            if i % 10 == 9:
                s += "\n\n"
            f.write(s)
            written += len(s)
            i += 1


def repeated(path: Path, megabytes: float, source: Path = QUOTED) -> None:
    """``source``'s text, paragraph by paragraph, over and over until ``megabytes``."""
    text = source.read_text(encoding="utf-8").strip() + "\n\n"
    target = int(megabytes * 1_000_000)
    with path.open("w", encoding="utf-8") as f:
        f.write(text * (target // len(text)) + text[: target % len(text)].rsplit("\n", 1)[0])


def multinews(path: Path, n: int) -> int:
    got = 0
    with gzip.open(DATA, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            for doc in json.loads(line).get("documents") or []:
                text = doc if isinstance(doc, str) else doc.get("text", "")
                if text.strip():
                    out.write(json.dumps({"id": f"mn{got}", "text": text}) + "\n")
                    got += 1
                    if got >= n:
                        return got
    return got


def run(path: Path) -> dict:
    res = subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "src"), str(path)],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, nargs="*", default=[500, 1000, 2000, 4000])
    ap.add_argument("--megabytes", type=float, nargs="*", default=[1, 2, 4, 8])
    ap.add_argument("--quoted-megabytes", type=float, nargs="*", default=[1, 2, 4, 8])
    ap.add_argument("--stories", type=int, default=23, help="DUC 2007 main stories timed for the evidence alone")
    ap.add_argument("--evidence-only", action="store_true", help="only the evidence per DUC 2007 story")
    args = ap.parse_args(argv)
    if args.evidence_only:
        args.articles, args.megabytes, args.quoted_megabytes = [], [], []
    print("| input | seconds | per unit | peak MB |\n|---|---|---|---|")
    if args.stories and DUC_MAIN.exists():
        res = subprocess.run([sys.executable, "-c", EVIDENCE, str(ROOT / "src"), str(DUC_MAIN), str(args.stories)],
                             capture_output=True, text=True)
        if res.returncode:
            sys.exit(f"the evidence run failed: {res.stderr.strip().splitlines()[-1]}")
        r = json.loads(res.stdout.strip().splitlines()[-1])
        print(f"| evidence only (prepare + analyze, rules), {r['stories']} DUC 2007 main stories of "
              f"{r['articles']:.0f} articles | CPU {r['cpu_mean']:.2f} s per story, slowest {r['cpu_max']:.2f} "
              f"({r['slowest']}); wall {r['wall_mean']:.2f}, slowest {r['wall_max']:.2f}; load {r['load']:.1f} | "
              f"slowest story's own CPU s by module, profiled: {r['stages']} | - |", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        if args.articles and DATA.exists():
            for n in args.articles:
                p = Path(tmp) / f"mn{n}.jsonl"
                got = multinews(p, n)
                r = run(p)
                print(f"| {got} Multi-News articles | {r['seconds']:.1f} | {r['seconds'] / got * 1000:.2f} s per "
                      f"1,000 articles | {r['peak_mb']:.0f} |", flush=True)
        elif args.articles:
            print(f"(skipped the article sizes: {DATA} not found)")
        for mb in args.megabytes:
            p = Path(tmp) / f"huge{mb}.txt"
            synthetic(p, mb)
            r = run(p)
            print(f"| one article of {mb:g} MB | {r['seconds']:.1f} | {r['seconds'] / mb:.2f} s per MB | "
                  f"{r['peak_mb']:.0f} |", flush=True)
        for mb in args.quoted_megabytes:
            p = Path(tmp) / f"quoted{mb}.txt"
            repeated(p, mb)
            r = run(p)
            print(f"| one quote-heavy article of {mb:g} MB | {r['seconds']:.1f} | {r['seconds'] / mb:.2f} s per MB | "
                  f"{r['peak_mb']:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
