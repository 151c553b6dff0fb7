"""The digest path against sumy's LexRank, end to end, alternating set by set in one run.

``digest``: what ``storylens digest FILE.jsonl`` does for one story with its defaults, from the articles the
JSONL reader gives (reading and cleaning are timed apart, in the ``read`` column): syndicated copies folded,
the documents prepared, the default summarizer and order at the set's budget (``--words``), citations,
the check for mixed stories, the evidence (figures, quotes, timeline, entities, coverage) and the Markdown
rendering.  Entities by the rules unless ``--entities spacy`` (the CLI's ``auto`` takes spaCy when it is
installed).  ``summary``: the same without the evidence (``Options(extract_facts=False)``), what the
``digest`` row of ``benchmarks/quality.py`` times.  ``lexrank``: as ``benchmarks/quality.py`` runs it
(the baselines' candidates from the raw documents, sumy's LexRank, the budget).  CPU seconds of this
process (``time.process_time``) per set, with wall seconds and the load average.

    nice .venv/bin/python benchmarks/digest_speed.py                    # DUC 2007 update and main
    nice .venv/bin/python benchmarks/digest_speed.py --dump /tmp/before  # also write every digest (JSON, Markdown)

``--dump DIR`` writes each set's digest as JSON and Markdown (and the bundled example's), so that two
versions of the code can be compared byte for byte (``diff -r``).  ``--stages`` adds, after the timed runs,
one more pass of the digest over every set with each stage's CPU time (the functions named in
:data:`STAGES`, wrapped for that pass only; "summary: claim index" is part of "summary").
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storylens import ingest  # noqa: E402
from storylens.config import Options  # noqa: E402
from storylens.evaluation.baselines import SumyRanker  # noqa: E402
from storylens.evaluation.run import apply_budget, candidates  # noqa: E402
from storylens.models import Article  # noqa: E402
from storylens.pipeline import digest  # noqa: E402
from storylens.report import render  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SETS = {"update": "duc2007_update.jsonl", "main": "duc2007_main_pyr23.jsonl"}
EXAMPLE = ROOT / "examples" / "aleppo-2016"
EXAMPLE_SINCE = "2016-10-06"  # the README's update summary: the last report against the first four


def read_sets(path: Path, limit: int | None) -> list[tuple[str, list[Article], list[str], int]]:
    """(id, the reader's articles, the raw documents, the budget) of each set, with the reader's CPU time."""
    import json

    raw: dict[str, tuple[list[str], int]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            raw[rec["id"]] = (rec["documents"], int(rec["meta"]["summary_length_limit_words"]))
            if limit and len(raw) >= limit:
                break
    arts: dict[str, list[Article]] = defaultdict(list)
    for a in ingest.load(path).articles:
        arts[a.meta["cluster"]].append(a)
    return [(cid, arts[cid], docs, words) for cid, (docs, words) in raw.items()]


def lexrank(ranker: SumyRanker, documents: list[str], words: int) -> list[str]:
    """LexRank's summary as ``benchmarks/quality.py`` makes it: the baselines' candidates, ranked, cut."""
    cands = candidates(documents)
    return apply_budget([cands[i].text for i in ranker([c.text for c in cands])], words)


#: (module, function, label) of the stages ``--stages`` times; "summary: ..." is part of "summary"
STAGES = [("storylens.pipeline", "with_languages", "languages"), ("storylens.pipeline", "find_copies", "copies"),
          ("storylens.pipeline", "prepare_documents", "prepare"), ("storylens.pipeline", "_summary", "summary"),
          ("storylens.summarizers.support", "claim_index", "summary: claim index"),
          ("storylens.summarizers.pool", "display_positions", "summary: display lines"),
          ("storylens.pipeline", "_evidence", "evidence"), ("storylens.evidence", "recognise", "evidence: entities"),
          ("storylens.evidence", "story_facts", "evidence: figures (and the dates, read first here)"),
          ("storylens.prepare", "PreparedDocument.times", "dates (on first use, mostly in the figures)"),
          ("storylens.evidence", "story_quotes", "evidence: quotes"),
          ("storylens.evidence", "story_timeline", "evidence: timeline"),
          ("storylens.evidence", "story_coverage", "evidence: coverage"),
          ("storylens.pipeline", "mixed_stories", "mixed-story check"), ("storylens.pipeline", "story_title", "title"),
          ("storylens.report", "render", "render")]


def stage_times(run: Callable[[], object]) -> dict[str, float]:
    """CPU seconds of each of :data:`STAGES` during ``run()`` (the functions wrapped meanwhile, then restored)."""
    import importlib

    spent: dict[str, float] = defaultdict(float)
    saved = []

    inside: dict[str, int] = defaultdict(int)

    def timed(fn: Callable, label: str) -> Callable:
        def wrapper(*args, **kwargs):
            if inside[label]:  # a call within a call of the same stage (a reindexed copy's dates) counts once
                return fn(*args, **kwargs)
            inside[label] += 1
            c0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - c0
                inside[label] -= 1
        return wrapper

    for module, name, label in STAGES:
        owner: object = importlib.import_module(module)
        for part in name.split(".")[:-1]:  # a class's attribute: "PreparedDocument.times"
            owner = getattr(owner, part)
        name = name.rsplit(".", 1)[-1]
        fn = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
        saved.append((owner, name, fn))
        if isinstance(fn, property) and fn.fget is not None:
            setattr(owner, name, property(timed(fn.fget, label)))
        else:
            setattr(owner, name, timed(fn, label))
    try:
        c0 = time.process_time()
        run()
        spent["all"] = time.process_time() - c0
    finally:
        for mod, name, fn in saved:
            setattr(mod, name, fn)
    return spent


def cpu_wall(fn: Callable[[], object]) -> tuple[float, float, object]:
    c0, w0 = time.process_time(), time.perf_counter()
    out = fn()
    return time.process_time() - c0, time.perf_counter() - w0, out


def run_set(name: str, path: Path, args, dump: Path | None) -> dict[str, float]:
    """Time the systems on every set of ``path``, alternating; returns the CPU seconds per set of each."""
    c0 = time.process_time()
    sets = read_sets(path, args.limit)
    read_cpu = (time.process_time() - c0) / len(sets)
    ranker = SumyRanker("lexrank")
    use_spacy = args.entities == "spacy"
    cpu: dict[str, float] = defaultdict(float)
    wall: dict[str, float] = defaultdict(float)
    def systems(arts: list[Article], docs: list[str], words: int) -> dict[str, Callable[[], object]]:
        full = Options(max_words=words, use_spacy=use_spacy)
        return {"digest": lambda: render(digest(arts, options=full), "markdown"),
                "summary": lambda: digest(arts, options=full.with_(extract_facts=False)),
                "lexrank": lambda: lexrank(ranker, docs, words)}

    names = args.systems.split(",")
    first = systems(*sets[0][1:])
    for system in names:  # once, untimed: imports and first-call caches
        first[system]()
    for cid, arts, docs, words in sets:
        fns = systems(arts, docs, words)
        for system in names:
            c, w, _ = cpu_wall(fns[system])
            cpu[system] += c
            wall[system] += w
        if dump is not None:
            d = digest(arts, options=Options(max_words=words, use_spacy=use_spacy))
            stem = dump / name / cid.replace("/", "_")
            stem.parent.mkdir(parents=True, exist_ok=True)
            stem.with_suffix(".json").write_text(render(d, "json"), encoding="utf-8")
            stem.with_suffix(".md").write_text(render(d, "markdown"), encoding="utf-8")
    n = len(sets)
    if args.stages:
        import storylens.report as report

        full = [Options(max_words=words, use_spacy=use_spacy) for _, _, _, words in sets]
        spent = stage_times(lambda: [report.render(digest(arts, options=o), "markdown")
                                     for (_, arts, _, _), o in zip(sets, full)])
    print(f"\n{path.name}: {n} sets, load average {os.getloadavg()[0]:.2f}; reading (JSONL reader, cleaning) "
          f"{1000 * read_cpu:.1f} ms CPU a set, not in the figures below\n")
    print("| system | CPU ms per set | wall ms per set | LexRank / system (CPU) |\n|---|---|---|---|")
    out = {}
    for system in names:
        out[system] = cpu[system] / n
        ratio = cpu["lexrank"] / cpu[system] if "lexrank" in cpu and cpu[system] else float("nan")
        print(f"| {system} | {1000 * cpu[system] / n:.1f} | {1000 * wall[system] / n:.1f} | {ratio:.1f}x |")
    if args.stages:
        print("\n| digest stage (one more pass) | CPU ms per set | share |\n|---|---|---|")
        for _, _, label in STAGES:
            print(f"| {label} | {1000 * spent[label] / n:.2f} | {spent[label] / spent['all']:.0%} |")
        print(f"| the whole digest | {1000 * spent['all'] / n:.2f} | 100% |")
    return out


def dump_example(dump: Path, use_spacy: bool) -> None:
    loaded = ingest.load(EXAMPLE)
    d = digest(loaded.articles, options=Options(use_spacy=use_spacy), skipped=loaded.skipped)
    (dump / "example.json").write_text(render(d, "json"), encoding="utf-8")
    (dump / "example.md").write_text(render(d, "markdown"), encoding="utf-8")
    d = digest(loaded.articles, options=Options(use_spacy=use_spacy), skipped=loaded.skipped, since=EXAMPLE_SINCE)
    (dump / "example_since.json").write_text(render(d, "json"), encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="update,main", help="which DUC 2007 sets: update, main")
    ap.add_argument("--limit", type=int, default=None, help="only the first K sets of each")
    ap.add_argument("--systems", default="digest,summary,lexrank")
    ap.add_argument("--entities", choices=("rules", "spacy"), default="rules")
    ap.add_argument("--dump", metavar="DIR", help="also write every digest there (JSON, Markdown)")
    ap.add_argument("--stages", action="store_true", help="also time each stage of the digest (one more pass)")
    args = ap.parse_args(argv)
    dump = Path(args.dump) if args.dump else None
    if dump is not None:
        dump.mkdir(parents=True, exist_ok=True)
        dump_example(dump, args.entities == "spacy")
    t0, c0 = time.perf_counter(), time.process_time()
    for key in args.sets.split(","):
        path = DATA / SETS[key]
        if not path.exists():
            print(f"{path} not found (see ../shared/data/README.md); {key} skipped")
            continue
        run_set(key, path, args, dump)
    print(f"\n({time.perf_counter() - t0:.0f} s wall, {time.process_time() - c0:.0f} s CPU)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
