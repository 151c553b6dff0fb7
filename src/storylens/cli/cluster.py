"""``storylens cluster | stories | search | spark-cluster``: stories from a stream of articles."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import StorylensError


def register(sub) -> None:
    p = sub.add_parser("cluster", help="group articles into stories (dedup + incremental clustering)",
                       description="Add articles to stories. With --store the stories persist and grow; "
                                   "adding the same files again changes nothing.")
    p.add_argument("paths", nargs="+", metavar="FOLDER_OR_FILES",
                   help="articles: .txt, .html, .jsonl, .rss/.atom/.xml feeds, .warc(.gz), or folders of them")
    p.add_argument("--store", metavar="DB", help="SQLite store to add to (created on first use)")
    p.add_argument("--assignments", metavar="OUT.jsonl",
                   help='write one line per article: {"article_id", "story_id", "duplicate_of"}')
    p.add_argument("--threshold", type=float, default=None, help="similarity to join a story (default 0.2, or the setting "
                   "the store keeps; a new value is kept with the store)")
    p.add_argument("--window-days", type=int, default=None, help="time window of a story in days (default 7, or the "
                   "store's setting, as for --threshold)")
    p.set_defaults(func=run)

    s = sub.add_parser("stories", help="list the stories in a store, newest first")
    s.add_argument("--store", metavar="DB", required=True)
    s.add_argument("--limit", type=int, default=50, help="at most N stories (default 50; 0 for all)")
    s.add_argument("--format", "-f", choices=("text", "json"), default="text")
    s.set_defaults(func=run_stories)

    q = sub.add_parser("search", help="full-text search over the articles of a store")
    q.add_argument("query", metavar="QUERY", help='words, or an FTS5 query such as "aleppo AND hospital"')
    q.add_argument("--store", metavar="DB", required=True)
    q.add_argument("--limit", type=int, default=20)
    q.add_argument("--format", "-f", choices=("text", "json"), default="text")
    q.set_defaults(func=run_search)

    k = sub.add_parser("spark-cluster", help="dedup, cluster and digest with Spark (extra: spark)",
                       description="Run dedup, clustering and per-story digests as a Spark job.")
    k.add_argument("input", metavar="INPUT", help="JSONL or Parquet file/folder of articles (text, id, ...)")
    k.add_argument("output", metavar="OUTPUT", help="output folder (assignments/ and stories/)")
    k.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    k.add_argument("--format", choices=("parquet", "jsonl"), default="parquet", help="output format")
    k.add_argument("--words", type=int, default=100, help="digest budget per story in words (default 100)")
    k.set_defaults(func=run_spark)


def _n(count: int, one: str, many: str = "") -> str:
    """"1 article", "3 articles"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _changes(args) -> dict:
    """The clusterer settings given on the command line."""
    changes = {}
    if args.threshold is not None:
        changes["threshold"] = args.threshold
    if args.window_days is not None:
        changes["window_days"] = args.window_days
    return changes


def _store_options(store, changes: dict):
    """The store's own settings with the command line's changes (None: none given, use the store's)."""
    from ..stories.clusterer import ClusterOptions

    if not changes:
        return None
    saved = store.settings()
    return (ClusterOptions.from_dict(saved) if saved else ClusterOptions()).with_(**changes)


def run(args: argparse.Namespace) -> int:
    from .. import ingest
    from ..stories.clusterer import ClusterOptions
    from . import warn

    changes = _changes(args)
    loaded = ingest.load(args.paths)
    articles = loaded.articles
    rows: list[dict] = []
    if args.store:
        from ..stories.store import open_store
        from ..stories.store.index import StoryIndex

        with open_store(args.store) as store, _progress(len(articles)) as bar:
            index = StoryIndex(store, _store_options(store, changes))
            if index.previous is not None and index.previous != index.options:
                old, new = index.previous.to_dict(), index.options.to_dict()
                said = ", ".join(f"{k} {old[k]} -> {new[k]}" for k in new if old.get(k) != new[k])
                warn(f"{args.store}: clustering settings changed ({said}); they apply to articles added from now on")
            res = index.add(articles, progress=bar.update if bar else None)
            skipped = loaded.skipped + res.skipped
            if args.assignments:
                wanted = {a.id for a in articles}
                rows = [{"article_id": sa.article.id, "story_id": sa.story_id, "duplicate_of": sa.duplicate_of}
                        for sa in store.assignments() if sa.article.id in wanted]
            counts = store.counts()
        summary = (f"added {_n(res.added, 'article')} ({_n(res.duplicates, 'copy', 'copies')} of earlier ones, "
                   f"{_n(res.new_stories, 'new story', 'new stories')}); {len(res.already_stored)} already in the "
                   f"store; store now holds {_n(counts['articles'], 'article')} in {_n(counts['stories'], 'story', 'stories')}")
    else:
        from ..stories.clusterer import Clusterer
        from ..stories.dedup import Deduplicator

        dups = Deduplicator().add_batch(articles)
        dup_of = {d.article_id: d.duplicate_of for d in dups}
        assigned = Clusterer(ClusterOptions(**changes)).add_batch(articles, dup_of)
        rows = [{"article_id": x.article_id, "story_id": x.story_id, "duplicate_of": x.duplicate_of}
                for x in assigned]
        skipped = loaded.skipped
        n_dup = sum(1 for d in dups if d.duplicate_of)
        summary = (f"{_n(len(articles), 'article')} ({_n(n_dup, 'copy', 'copies')} of earlier ones) in "
                   f"{_n(len({r['story_id'] for r in rows}), 'story', 'stories')}")
    if args.assignments:
        _write_jsonl(args.assignments, rows)
    for s in skipped:
        warn(f"skipped {s.path}: {s.reason}")
    if skipped:
        summary += f"; skipped {len(skipped)} bad input item(s) (listed above)"
    print(summary)
    return 0


class _NoBar:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _progress(total: int):
    """A progress bar on stderr for long runs in a terminal; nothing otherwise."""
    if total < 5000 or not sys.stderr.isatty():
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="clustering", file=sys.stderr)


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


def _span(first, last) -> str:
    if not first:
        return "undated"
    return first if first == last else f"{first} .. {last}"


def run_stories(args: argparse.Namespace) -> int:
    from ..stories.store import open_store

    with open_store(args.store, create=False) as store:
        stories = store.stories(limit=args.limit or None)
        # a story without a headline is shown by its first article's opening words
        openings = {s.id: _opening(store, s.id) for s in stories if not s.title} if args.format != "json" else {}
        total = store.counts()["stories"]
    if args.format == "json":
        print(json.dumps([{"id": s.id, "title": s.title, "size": s.size, "outlets": list(s.outlets),
                           "first_seen": s.first_seen, "last_seen": s.last_seen} for s in stories],
                         ensure_ascii=False, indent=2))
        return 0
    if not stories:
        print("no stories yet (add articles with: storylens cluster FILES --store DB)")
        return 0
    for s in stories:
        title = s.title or f"(no headline) {openings.get(s.id) or ''}".rstrip()
        outlets = ", ".join(s.outlets) or "-"
        print(f"{s.id}  {_short(title, 90)}\n    {s.size} article(s); outlets: {outlets}; "
              f"{_span(s.first_seen, s.last_seen)}")
    if total > len(stories):
        print(f"(the {len(stories)} newest of {total} stories; --limit 0 lists all)")
    return 0


def _short(text: str, width: int) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, with an ellipsis when cut."""
    if len(text) <= width:
        return text
    return text[:width - 1].rsplit(" ", 1)[0] + "\u2026"


def _opening(store, story_id: str) -> str:
    from ..report.common import display_title

    arts = store.story_articles(story_id)
    return display_title(arts[0], words=10) if arts else ""


def run_search(args: argparse.Namespace) -> int:
    from ..stories.store import open_store

    with open_store(args.store, create=False) as store:
        hits = store.search(args.query, limit=args.limit)
    if args.format == "json":
        print(json.dumps([{"article_id": h.article_id, "story_id": h.story_id, "title": h.title,
                           "title_inferred": h.title_inferred, "outlet": h.outlet, "published": h.published,
                           "snippet": " ".join(h.snippet.split()), "score": h.score} for h in hits],
                         ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(f"no article matches {args.query!r}")
        return 0
    for h in hits:
        title = "(no headline)" if h.title_inferred or not h.title else _short(h.title, 70)
        where = "; ".join(x for x in (h.outlet, h.published) if x)
        print(f"{h.story_id}  {h.article_id}  {title}" + (f" ({where})" if where else "")
              + f"\n    {' '.join(h.snippet.split())}")
    return 0


def run_spark(args: argparse.Namespace) -> int:
    from ..stories.spark import run_job

    stats = run_job(args.input, args.output, master=args.master, output_format=args.format,
                    max_words=args.words)
    print(f"{stats['articles']} articles, {stats['duplicates']} copies, {stats['stories']} stories -> {args.output}")
    if stats.get("skipped"):
        print(f"skipped {stats['skipped']} input line(s) without usable text", file=sys.stderr)
    return 0
