"""``storylens stories | search``: read the stories and articles of a store."""

from __future__ import annotations

import argparse
import json


def register(sub) -> None:
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
