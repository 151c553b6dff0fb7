"""``storylens stories | search``: read the stories and articles of a store.

What they print from articles (titles, outlets, snippets) passes through
:func:`~storylens.report.escape.one_line`: no control character or terminal
escape from an article reaches the terminal.
"""

from __future__ import annotations

import argparse
import json

from ..errors import StorylensError


def register(sub) -> None:
    s = sub.add_parser("stories", help="list the stories in a store, newest first",
                       description="List the stories of a store made by 'storylens cluster', newest first, "
                                   "with their size, outlets and dates.")
    s.add_argument("--store", metavar="DB", required=True, help="the store (a SQLite file or postgresql:// URL)")
    s.add_argument("--limit", type=int, default=50, metavar="N", help="at most N stories (default 50; 0 for all)")
    s.add_argument("--story", metavar="ID",
                   help="one story with its versions and the articles that joined at each (what "
                        "storylens digest --since-version N counts from)")
    s.add_argument("--format", "-f", choices=("text", "json"), default="text",
                   help="text for reading, json for scripts (default: text)")
    s.set_defaults(func=run_stories)
    q = sub.add_parser("search", help="full-text search over the articles of a store",
                       description='Search the titles and texts of a store\'s articles: words (all required), '
                                   '"quoted phrases", a trailing * for a prefix, OR, AND, NOT, -word, ( ).')
    q.add_argument("query", metavar="QUERY", help='words, or a query such as "aleppo AND hospital"')
    q.add_argument("--store", metavar="DB", required=True, help="the store (a SQLite file or postgresql:// URL)")
    q.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits, best first (default 20; "
                                                                        "0 for all)")
    q.add_argument("--format", "-f", choices=("text", "json"), default="text",
                   help="text for reading, json for scripts (default: text)")
    q.set_defaults(func=run_search)


def _limit(value: int) -> int | None:
    if value < 0:
        raise StorylensError(f"--limit must be 0 (all) or more, got {value}")
    return value or None


def _span(first, last) -> str:
    if not first:
        return "undated"
    return first if first == last else f"{first} .. {last}"


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def run_stories(args: argparse.Namespace) -> int:
    from ..report.escape import one_line
    from ..stories.store import open_store

    limit = _limit(args.limit)
    if args.story is not None:
        return _run_story(args)
    with open_store(args.store, create=False) as store:
        stories = store.stories(limit=limit)
        # a story without a headline is shown by its first article's opening words
        openings = {s.id: _opening(store, s.id) for s in stories if not s.title} if args.format != "json" else {}
        total = store.counts()["stories"]
    if args.format == "json":
        print(json.dumps([{"id": s.id, "title": s.title, "size": s.size, "outlets": list(s.outlets),
                           "first_seen": s.first_seen, "last_seen": s.last_seen, "version": s.version}
                          for s in stories],
                         ensure_ascii=False, indent=2))
        return 0
    if not stories:
        print("no stories yet (add articles with: storylens cluster FILES --store DB)")
        return 0
    for s in stories:
        title = s.title or f"(no headline) {openings.get(s.id) or ''}".rstrip()
        outlets = ", ".join(s.outlets) or "-"
        print(one_line(f"{s.id}  {_short(title, 90)}") + "\n" + one_line(
            f"    {_n(s.size, 'article', 'articles')}; outlets: {outlets}; {_span(s.first_seen, s.last_seen)}"))
    if total > len(stories):
        print(f"(the {len(stories)} newest of {total} stories; --limit 0 lists all)")
    return 0


def _run_story(args: argparse.Namespace) -> int:
    """One story: its line as in the list, then each version with the articles that joined at it."""
    from ..report.common import display_title
    from ..report.escape import one_line
    from ..stories.store import open_store

    with open_store(args.store, create=False) as store, store.snapshot():
        s = store.story(args.story)
        history = store.story_history(args.story)
        titles = {a.id: display_title(a, words=10) for a in store.story_articles(args.story)}
    if args.format == "json":
        print(json.dumps({"id": s.id, "title": s.title, "size": s.size, "version": s.version,
                          "versions": [{"version": v, "article_ids": list(ids)} for v, ids in history]},
                         ensure_ascii=False, indent=2))
        return 0
    print(one_line(f"{s.id}  {_short(s.title or '(no headline)', 90)}"))
    for v, ids in history:
        print(one_line(f"  version {v}: {_n(len(ids), 'article', 'articles')} joined"))
        for aid in ids:
            print(one_line(f"    {aid}  {_short(titles.get(aid) or '', 70)}"))
    if len(history) > 1:
        print(f"(what is new since a version: storylens digest --store DB --story {s.id} --since-version N)")
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
    from ..report.escape import one_line
    from ..stories.store import open_store

    limit = _limit(args.limit)
    with open_store(args.store, create=False) as store:
        hits = store.search(args.query, limit=limit)
        total = store.search_count(args.query) if limit is not None and len(hits) == limit else len(hits)
    if args.format == "json":
        print(json.dumps([{"article_id": h.article_id, "story_id": h.story_id, "title": h.title,
                           "title_inferred": h.title_inferred, "outlet": h.outlet, "published": h.published,
                           "snippet": " ".join(h.snippet.split()), "score": h.score} for h in hits],
                         ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(one_line(f"no article matches {args.query!r}"))
        return 0
    for h in hits:
        title = "(no headline)" if h.title_inferred or not h.title else _short(h.title, 70)
        where = "; ".join(x for x in (h.outlet, h.published) if x)
        print(one_line(f"{h.story_id}  {h.article_id}  {title}" + (f" ({where})" if where else ""))
              + "\n" + one_line(f"    {' '.join(h.snippet.split())}"))
    shown = f"{len(hits)} of {total} matching articles" if total > len(hits) else _n(
        total, "matching article", "matching articles")
    print(f"({shown}{'; --limit 0 shows all' if total > len(hits) else ''})")
    return 0
