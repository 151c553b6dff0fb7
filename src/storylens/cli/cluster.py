"""``storylens cluster | spark-cluster``: stories from a stream of articles."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import ConfigError, StorylensError
from ..stories.options import MODES


def register(sub) -> None:
    p = sub.add_parser("cluster", help="group articles into stories (dedup + clustering)",
                       description="Group articles into stories. Without --store the files are one collection, "
                                   "clustered as a whole (--mode archive); with --store the stories persist and "
                                   "grow one batch at a time (--mode stream), and adding the same files again "
                                   "changes nothing.")
    p.add_argument("paths", nargs="+", metavar="FOLDER_OR_FILES",
                   help="articles: .txt, .html, .jsonl, .rss/.atom/.xml feeds, .warc(.gz), or folders of them")
    p.add_argument("--store", metavar="DB",
                   help="the store to add to: a SQLite file or postgresql:// URL (extra postgres); made on first use")
    p.add_argument("--assignments", metavar="OUT.jsonl",
                   help='write one line per article: {"article_id", "story_id", "duplicate_of"}')
    p.add_argument("--threshold", type=float, default=None,
                   help="similarity to join a story (stream: default 0.2, or the setting the store keeps; a new "
                        "value is kept with the store; archive: the mean similarity to merge two stories, "
                        "default 0.12)")
    p.add_argument("--window-days", type=int, default=None, help="time window of a story in days (stream: default 7, "
                   "or the store's setting, as for --threshold; archive: none unless given)")
    p.add_argument("--mode", choices=MODES, default=None,
                   help="archive: the whole collection at once (the default without --store); stream: one "
                        "article at a time in date order with the time window (the default, and the only "
                        "mode, with --store)")
    p.add_argument("--multilingual", action="store_true",
                   help="join reports across languages by their leads' embeddings (extra: "
                        "storylens[multilingual]; a store keeps the setting)")
    p.set_defaults(func=run)

    k = sub.add_parser("spark-cluster", help="dedup, cluster and digest with Spark (extra: spark)",
                       description="Run dedup, clustering and per-story digests as a Spark job.")
    k.add_argument("input", metavar="INPUT", help="JSONL or Parquet file/folder of articles (text, id, ...)")
    k.add_argument("output", metavar="OUTPUT", help="output folder (assignments/ and stories/)")
    k.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    k.add_argument("--format", choices=("parquet", "jsonl"), default="parquet", help="output format")
    k.add_argument("--words", type=int, default=100, help="digest budget per story in words (default 100)")
    k.add_argument("--multilingual", action="store_true",
                   help="join reports across languages by their leads' embeddings (extra: storylens[multilingual])")
    k.set_defaults(func=run_spark)


def _n(count: int, one: str, many: str = "") -> str:
    """"1 article", "3 articles"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _changes(args) -> dict[str, Any]:
    """The clusterer settings given on the command line."""
    changes: dict[str, Any] = {}
    if args.threshold is not None:
        changes["threshold"] = args.threshold
    if args.window_days is not None:
        changes["window_days"] = args.window_days
    if getattr(args, "multilingual", False):
        changes["multilingual"] = True
    return changes


def _said(mode: str, window_days: int | None, store: bool) -> str:
    """The path taken, in one line (stderr)."""
    if mode == "archive":
        window = f", pairs at most {window_days} days apart" if window_days is not None else ", no time window"
        return (f"clustering mode: archive (the files as one collection, average-link{window}; "
                "--mode stream: one at a time)")
    window = f"{window_days}-day" if window_days is not None else ("the store's" if store else "the default")
    return (f"clustering mode: stream (one article at a time in date order, {window} time window"
            + ("" if store else "; --mode archive: the files as one collection") + ")")


def _store_options(store, changes: dict):
    """The store's own settings with the command line's changes (None: none given, use the store's)."""
    from ..stories.clusterer import ClusterOptions

    if not changes:
        return None
    saved = store.settings()
    return (ClusterOptions.from_dict(saved) if saved else ClusterOptions()).with_(**changes)


def run(args: argparse.Namespace) -> int:
    from . import warn
    from ._progress import load_with_progress

    changes = _changes(args)
    mode = args.mode or ("stream" if args.store else "archive")
    if args.store and mode == "archive":
        raise ConfigError("--mode archive cannot add to a --store: a store grows one batch at a time "
                          "(leave out --mode, or leave out --store to cluster the files as one collection)")
    loaded = load_with_progress(args.paths)
    said = _said(mode, args.window_days, bool(args.store))
    if args.multilingual:
        said += "; across languages by lead embeddings (--multilingual)"
    print(f"storylens: {said}", file=sys.stderr)
    from ..text.language import identify

    articles = identify(loaded.articles)  # each article's language, kept in the store too
    if args.store:
        rows, summary, skipped = _run_store(args, articles, changes)
        skipped = loaded.skipped + skipped
    else:
        rows, summary = _run_files(articles, changes, mode)
        skipped = loaded.skipped
    if args.assignments:
        _write_jsonl(args.assignments, rows)
    for s in skipped:
        warn(f"skipped {s.path}: {s.reason}")
    if skipped:
        summary += f"; skipped {len(skipped)} bad input item(s) (listed above)"
    print(summary)
    return 0


def _run_store(args: argparse.Namespace, articles: list, changes: dict) -> tuple[list[dict], str, list]:
    """``cluster --store``: the articles added to the store; (assignment rows, summary, skipped items)."""
    from ..stories.store import open_store
    from ..stories.store.index import StoryIndex
    from . import warn
    from ._progress import progress

    rows: list[dict] = []
    with open_store(args.store) as store, progress(len(articles), "clustering", unit="article") as bar:
        index = StoryIndex(store, _store_options(store, changes))
        if index.previous is not None and index.previous != index.options:
            old, new = index.previous.to_dict(), index.options.to_dict()
            said = ", ".join(f"{k} {old[k]} -> {new[k]}" for k in new if old.get(k) != new[k])
            warn(f"{args.store}: clustering settings changed ({said}); they apply to articles added from now on")
        res = index.add(articles, progress=bar.update)
        if args.assignments:
            # an id another article had already taken is stored under a new one (ID@HASH)
            given_ids = {stored: mine for mine, stored in res.renamed.items()}
            wanted = {res.renamed.get(a.id, a.id) for a in articles}
            rows = [{"article_id": sa.article.id, "story_id": sa.story_id, "duplicate_of": sa.duplicate_of,
                     **({"given_id": given_ids[sa.article.id]} if sa.article.id in given_ids else {})}
                    for sa in store.assignments() if sa.article.id in wanted]
        counts = store.counts()
    summary = (f"added {_n(res.added, 'article')} ({_n(res.duplicates, 'copy', 'copies')} of earlier ones, "
               f"{_n(res.new_stories, 'new story', 'new stories')}); {len(res.already_stored)} already in the "
               f"store; " + (f"{_n(len(res.updates), 'update')} of stored articles (same URL, new text); "
                             if res.updates else "")
               + f"store now holds {_n(counts['articles'], 'article')} in "
               f"{_n(counts['stories'], 'story', 'stories')}")
    return rows, summary, list(res.skipped)


def _run_files(articles: list, changes: dict, mode: str) -> tuple[list[dict], str]:
    """``cluster FILES`` without a store (either mode); (assignment rows, summary)."""
    from ..stories.archive import cluster_collection
    from ..stories.clusterer import ClusterOptions

    # in the archive path --threshold is the average-link one
    given = {("archive_threshold" if k == "threshold" and mode == "archive" else k): v
             for k, v in changes.items() if k != "window_days"}
    done = cluster_collection(articles, ClusterOptions(**given), mode=mode, window_days=changes.get("window_days"))
    rows = [{"article_id": x.article_id, "story_id": x.story_id, "duplicate_of": x.duplicate_of}
            for x in done.assignments]
    n_dup = sum(1 for x in done.assignments if x.duplicate_of)
    return rows, (f"{_n(len(articles), 'article')} ({_n(n_dup, 'copy', 'copies')} of earlier ones) in "
                  f"{_n(len({r['story_id'] for r in rows}), 'story', 'stories')}")


def _write_jsonl(path: str, rows: list[dict]) -> None:
    try:
        out = sys.stdout if path == "-" else open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise StorylensError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()


def run_spark(args: argparse.Namespace) -> int:
    from ..stories.spark import run_job

    from ..stories.clusterer import ClusterOptions

    stats = run_job(args.input, args.output, master=args.master, output_format=args.format,
                    max_words=args.words, options=ClusterOptions(multilingual=args.multilingual))
    print(f"{stats['articles']} articles, {stats['duplicates']} copies, {stats['stories']} stories -> {args.output}")
    if stats.get("skipped"):
        print(f"skipped {stats['skipped']} input line(s) without usable text", file=sys.stderr)
    return 0
