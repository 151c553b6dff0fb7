"""``storylens digest PATHS``: the cited digest of one story."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import fields

from ..config import DEFAULT_METHOD, DEFAULT_ORDER, DEFAULT_WORDS, FORMATS, METHODS, ORDERS, Options
from ..errors import StorylensError
from ..limits import FLAGS, Limits, check_story

ENTITIES = {"auto": None, "rules": False, "spacy": True}


def register(sub) -> None:
    p = sub.add_parser(
        "digest", help="summarize one story with a source on every sentence",
        description="Digest a folder or files of articles about one story (or '-' for standard input: "
                    "one article, or JSONL with one article a line), or one story of a store.")
    p.add_argument("paths", nargs="*", metavar="FOLDER_OR_FILES",
                   help="article files (.txt, .html, .jsonl, feeds, .warc) or folders of them; '-' reads "
                        "standard input")
    p.add_argument("--input-list", metavar="FILE",
                   help="read the paths from FILE, one a line ('-': standard input; blank lines and lines "
                        "starting with # are ignored)")
    p.add_argument("--format", "-f", choices=FORMATS, default="markdown",
                   help="output format: markdown, json, html (one self-contained page) or csv (the figures "
                        "and quotes, for a spreadsheet) (default: markdown)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--words", type=int, default=DEFAULT_WORDS, metavar="N",
                   help=f"summary budget in words (default: {DEFAULT_WORDS})")
    p.add_argument("--method", choices=METHODS, default=DEFAULT_METHOD,
                   help=f"summarizer: {', '.join(METHODS)} (default: {DEFAULT_METHOD})")
    p.add_argument("--order", choices=ORDERS, default=DEFAULT_ORDER,
                   help="summary order: chronological (each sentence by the date of its event, else of its "
                        "article), reading (leads first), salience (most important first), or auto: "
                        "chronological when the articles span two days or more, else reading (default: auto)")
    p.add_argument("--since", metavar="DATE",
                   help="an update: summarize what the articles published after DATE (YYYY-MM-DD) add to "
                        "those before, citing the new ones, and list the figures they change")
    p.add_argument("--since-version", type=int, metavar="N",
                   help="with --store --story: an update of what the articles that joined the story after its "
                        "version N add to those it had then (its versions: storylens stories --store DB "
                        "--story ID)")
    p.add_argument("--entities", choices=tuple(ENTITIES), default="auto",
                   help="entity recognition: spaCy when installed (auto), rules only, or require spaCy")
    p.add_argument("--lang", metavar="CODE", default=None,
                   help="the summary's language (ISO 639-1: en, de, fr, ...) for a story told in several: "
                        "drawn from the sources in it, each sentence also citing the sources in other "
                        "languages that carry it (same names and numbers; with the multilingual extra also "
                        "a multilingual sentence embedding, without it names and numbers only) "
                        "(default: English when a source is in English, else the most common language)")
    p.add_argument("--include-text", action="store_true",
                   help="with --format json: put each article's cleaned text in the JSON, so that every "
                        "evidence offset can be followed")
    p.add_argument("--store", metavar="DB", help="read the story from a store made by 'storylens cluster'")
    p.add_argument("--story", metavar="ID", help="with --store: the story to digest (see 'storylens stories')")
    g = p.add_argument_group("input limits", "each bounds what one run reads; an input over a limit is "
                                             "refused (or, in a folder, skipped) with a message naming it")
    for f in fields(Limits):
        g.add_argument(FLAGS[f.name], dest=f.name, type=int, default=None, metavar="N",
                       help=f"{f.name.replace('_', ' ')} (default: {f.default:,})")
    p.set_defaults(func=run)


def options_from(args: argparse.Namespace) -> Options:
    """The Options the command line asks for (a bad value is a one-line error naming it)."""
    if args.words < 1:
        raise StorylensError(f"--words must be a positive number of words, got {args.words}")
    changes = {f.name: getattr(args, f.name) for f in fields(Limits) if getattr(args, f.name, None) is not None}
    for name, value in changes.items():
        if value < 1:
            raise StorylensError(f"{FLAGS[name]} must be a positive number, got {value}")
    return Options(max_words=args.words, method=args.method, order=args.order, use_spacy=ENTITIES[args.entities],
                   limits=Limits(**changes), lang=getattr(args, "lang", None))


def run(args: argparse.Namespace) -> int:
    from ..pipeline import digest
    from ..report import render
    from ..stories.store import version_label
    from . import info, warn, write_output
    from ._progress import progress

    if args.include_text and args.format != "json":
        raise StorylensError("--include-text goes with --format json")
    opts = options_from(args)
    if args.since is not None:
        from ..pipeline import since_date

        args.since = str(since_date(args.since, "--since"))
    if args.since_version is not None and (args.since is not None or not args.store):
        raise StorylensError("--since-version goes with --store DB --story ID, without --since")
    t0 = time.perf_counter()
    title = None
    new_ids = None
    if args.store:
        articles, skipped, title, new_ids = _from_store(args, opts.limits)
        check_mixed = False  # a stored story is one story by construction
    else:
        loaded = _load(args, opts)
        articles, skipped = loaded.articles, loaded.skipped
        check_mixed = True
        for s in skipped:
            warn(f"skipped {s.path}: {s.reason}")
        for note in getattr(loaded, "notes", ()):
            warn(note)
    info(f"read {len(articles)} article(s) in {time.perf_counter() - t0:.1f} s"
         + (f"; skipped {len(skipped)} input(s)" if skipped else ""))
    t1 = time.perf_counter()
    with progress(3 if check_mixed else 2, "digest", unit="step") as bar:
        def step(name: str) -> None:
            bar.set_description(f"digest: {name}")
            bar.update(0 if name == "summary" else 1)

        d = digest(articles, options=opts, skipped=skipped, check_mixed=check_mixed, title=title, progress=step,
                   since=args.since, new_ids=new_ids,
                   since_label=None if new_ids is None else version_label(args.since_version))
        bar.update(1)
    info(f"digested in {time.perf_counter() - t1:.1f} s: {len(d.summary)} summary sentence(s), "
         f"{len(d.facts)} figure group(s), {len(d.quotes)} quote(s)")
    if d.meta.stories_in_input:
        warn(mixed_warning(len(articles), d.meta.stories_in_input))
    write_output(render(d, args.format, include_text=args.include_text), args.output)
    return 0


def mixed_warning(n_articles: int, groups) -> str:
    """One short line: how many stories, the sizes of the largest three, and what groups them."""
    sizes = [len(g) for g in groups]
    shown = ", ".join(map(str, sizes[:3])) + (f" and {len(sizes) - 3} more" if len(sizes) > 3 else "")
    return (f"these {n_articles} articles look like {len(sizes)} stories (of {shown} articles) and this digest "
            "mixes them; storylens cluster groups them")


def _paths(args: argparse.Namespace, opts: Options) -> list[str]:
    from ..ingest import read_input_list

    paths = list(args.paths)
    if args.input_list:
        paths += read_input_list(args.input_list, opts.limits)
    if not paths:
        raise StorylensError("name a folder or files of articles, e.g. storylens digest examples/aleppo-2016/ "
                             "(or '-' for standard input)")
    return paths


def _load(args: argparse.Namespace, opts: Options):
    from .. import ingest
    from ._progress import load_with_progress

    paths = _paths(args, opts)
    if "-" in paths:
        if len(paths) > 1 or args.input_list == "-":
            raise StorylensError("'-' (standard input) is read alone: give it as the only input")
        if sys.stdin.isatty():
            from . import warn

            warn("reading an article from the terminal: paste it, then press Ctrl-D (or pipe a file in)")
        # one byte past the largest input a limit allows, so the reader can say it is over
        cap = max(opts.limits.max_input_bytes, opts.limits.max_expanded_bytes) + 1
        return ingest.load_stdin(_read_stdin(cap), opts.limits, story=True)
    return load_with_progress(paths, limits=opts.limits, story=True)  # one story: its limits apply


def _read_stdin(cap: int, chunk: int = 1 << 20) -> bytes:
    """Standard input up to ``cap`` bytes, read in pieces (memory grows with what comes, not with the cap)."""
    parts: list[bytes] = []
    total = 0
    while total < cap:
        data = sys.stdin.buffer.read(min(chunk, cap - total))
        if not data:
            break
        parts.append(data)
        total += len(data)
    return b"".join(parts)


def _from_store(args: argparse.Namespace, limits: Limits):
    """The story's articles in the order a folder of the same files gives them (so that the source
    numbers match), the story's title as ``storylens stories`` shows it, and with ``--since-version``
    the ids of the articles that joined after that version (else None).  A story over a story limit is
    refused (a LimitError): over ``max_story_articles`` before its texts are read."""
    if not args.story:
        raise StorylensError("--store needs --story ID (list them with: storylens stories --store DB)")
    if args.paths or args.input_list:
        raise StorylensError("give either article paths or --store/--story, not both")
    from ..pipeline import in_source_order
    from ..stories.store import open_store

    with open_store(args.store, create=False) as store, store.snapshot():
        story = store.story(args.story)
        where = f"story {args.story}"
        check_story(where, story.size, 0, limits)
        articles = store.story_articles(args.story)
        check_story(where, len(articles), sum(len(a.text) for a in articles), limits)
        new = None if args.since_version is None else store.added_after(args.story, args.since_version)
    return in_source_order(articles), [], story.title or None, new
