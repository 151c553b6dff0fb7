"""``storylens digest PATHS``: the cited digest of one story."""

from __future__ import annotations

import argparse

from ..config import FORMATS, Options
from ..errors import StorylensError


def register(sub) -> None:
    p = sub.add_parser("digest", help="summarize one story with a source on every sentence",
                       description="Digest a folder or files of articles about one story.")
    p.add_argument("paths", nargs="*", metavar="FOLDER_OR_FILES",
                   help="article files (.txt, .html, .jsonl, feeds) or folders of them")
    p.add_argument("--format", "-f", choices=FORMATS, default="markdown", help="output format (default: markdown)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--words", type=int, default=250, metavar="N", help="summary budget in words (default: 250)")
    p.add_argument("--method", default="storylens", help="summarizer (default: storylens)")
    p.add_argument("--entities", choices=("auto", "rules", "spacy"), default="auto",
                   help="entity recognition: spaCy when installed (auto), rules only, or require spaCy")
    p.add_argument("--store", metavar="DB", help="read the story from a store made by 'storylens cluster'")
    p.add_argument("--story", metavar="ID", help="with --store: the story to digest")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import ingest
    from ..pipeline import digest
    from ..report import render
    from . import warn, write_output

    if args.words < 1:
        raise StorylensError(f"--words must be a positive number of words, got {args.words}")
    opts = Options(max_words=args.words, method=args.method,
                   use_spacy={"auto": None, "rules": False, "spacy": True}[args.entities])
    if args.store:
        if not args.story:
            raise StorylensError("--store needs --story ID (list them with: storylens stories --store DB)")
        if args.paths:
            raise StorylensError("give either article paths or --store/--story, not both")
        from ..stories.store import open_store

        with open_store(args.store, create=False) as store:
            articles, skipped = store.story_articles(args.story), []
        check_mixed = False  # a stored story is one story by construction
    else:
        if not args.paths:
            raise StorylensError("name a folder or files of articles, e.g. storylens digest examples/aleppo-2016/")
        loaded = ingest.load(args.paths, max_bytes=opts.max_input_bytes)
        articles, skipped = loaded.articles, loaded.skipped
        check_mixed = True
        for s in skipped:
            warn(f"skipped {s.path}: {s.reason}")
    d = digest(articles, options=opts, skipped=skipped, check_mixed=check_mixed)
    mixed = d.meta.get("stories_in_input")
    if mixed:
        sizes = ", ".join(str(len(g)) for g in mixed)
        warn(f"these {len(articles)} articles look like {len(mixed)} stories (of {sizes} articles) and this digest "
             "mixes them; to digest each: storylens cluster FILES --store news.db, then storylens stories "
             "--store news.db and storylens digest --store news.db --story ID")
    write_output(render(d, args.format), args.output)
    return 0
