"""``storylens follow | feeds``: poll feeds and pages into a store; list what a store follows."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time

from ..errors import StorylensError


def register(sub) -> None:
    p = sub.add_parser(
        "follow", help="fetch feeds and pages over HTTP into a store, once or on a schedule (extra: live)",
        description="Follow RSS/Atom feeds, OPML files (nested outlines), text files of URLs and article URLs: "
                    "the sources are kept in the store, so later runs need only --store. Each round fetches every "
                    "source (politely: one request at a time per host, robots.txt for pages, conditional GET), "
                    "reads the linked page of an entry that has only a summary, and adds new articles through "
                    "dedup and clustering. Exit status 0 when the round ran, even if some sources failed "
                    "(they are reported, and listed by `storylens feeds`).")
    p.add_argument("sources", nargs="*", metavar="SOURCE",
                   help="feed or page URL, OPML file, or text file of URLs (one a line); none: the store's own")
    p.add_argument("--store", metavar="DB", required=True,
                   help="SQLite file or postgresql:// URL (extra postgres) of the store (created on first use)")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--every", metavar="INTERVAL", help="poll until stopped, one round every INTERVAL (15m, 1h, 30s)")
    when.add_argument("--once", action="store_true", help="one round, then exit (the default; for cron)")
    p.add_argument("--allow-private", action="store_true",
                   help="also fetch from loopback, private and link-local addresses (refused by default, so that a "
                        "feed cannot point storylens at your own network; tests and intranet feeds need it)")
    p.add_argument("--allow-network", action="append", default=[], metavar="CIDR",
                   help="fetch from this private network only (repeatable), e.g. 10.2.0.0/16")
    p.add_argument("--ca-file", metavar="PEM", help="certificates to trust for https instead of the system's")
    p.add_argument("--user-agent-contact", metavar="URL",
                   help="contact URL (or mailto:) named in the User-Agent, storylens/VERSION (+URL)")
    p.add_argument("--delay", type=float, metavar="S", help="seconds between two requests to one host (default 1)")
    p.add_argument("--timeout", type=float, metavar="S",
                   help="deadline of one request, first byte to last (default 60)")
    p.add_argument("--max-bytes", type=int, metavar="N", help="largest response body, decoded (default 10000000)")
    p.add_argument("--workers", type=int, metavar="N",
                   help="processes that parse feeds and pages beside the fetching one (default: 2 or the cores)")
    p.add_argument("--batch-size", type=int, metavar="N", help="articles per store transaction (default 500)")
    p.add_argument("--digests-at-end", action="store_true",
                   help="make the changed stories' digests in this process once the round's articles are in, "
                        "not in a process of their own while the round goes on")
    p.add_argument("--no-robots", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(func=run_follow)

    f = sub.add_parser("feeds", help="list the sources a store follows: last fetch, status, new articles, errors",
                       description="Each source the store follows, with its last fetch, status, new articles "
                                   "and last error.")
    f.add_argument("--store", metavar="DB", required=True, help="SQLite file or postgresql:// URL of the store")
    f.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    f.set_defaults(func=run_feeds)


def _options(args: argparse.Namespace):
    from ..live.options import FollowOptions

    changes: dict = {"allow_private": args.allow_private, "allow_networks": tuple(args.allow_network)}
    for name, key in (("user_agent_contact", "contact"), ("delay", "delay"), ("timeout", "deadline"),
                      ("max_bytes", "max_bytes"), ("batch_size", "batch_size"), ("workers", "workers"),
                      ("ca_file", "ca_file")):
        if getattr(args, name) is not None:
            changes[key] = getattr(args, name)
    if args.no_robots:
        changes["robots"] = False
    if args.digests_at_end:
        changes["digest_process"] = False
    return FollowOptions(**changes)


class _Line:
    """The round's progress line, redrawn in place on a terminal."""

    def __init__(self, enabled: bool):
        self.live = enabled and sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, report) -> None:
        now = time.monotonic()
        if self.live and now - self.last > 0.2:
            self.last = now
            sys.stderr.write("\r\x1b[K" + report.line())
            sys.stderr.flush()

    def clear(self) -> None:
        if self.live:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def run_follow(args: argparse.Namespace) -> int:
    from ..live.options import parse_interval
    from ..live.poll import run_round
    from ..live.sources import read_sources
    from ..live.table import FeedTable
    from ..stories.store import open_store
    from . import warn

    options = _options(args)
    quiet = (getattr(args, "verbosity", 0) or 0) < 0  # -q: nothing unless the run cannot go on (for cron)
    interval = parse_interval(args.every) if args.every else None
    sources, skipped = read_sources(args.sources)
    with open_store(args.store) as store:  # the store's own tables first: the feeds table lives beside them
        table = FeedTable(store)
        added = table.add(sources, time.time())
        followed = len(table.sources())
    for s in skipped:
        warn(f"skipped {s.path}: {s.reason}")
    if not followed:
        raise StorylensError(f"{args.store} follows no sources yet: name feeds, OPML files or URLs "
                             "(storylens follow feeds.opml --store DB)")
    if added and not quiet:
        print(f"following {followed} sources ({added} new)")
    n = 0
    while True:
        n += 1
        started = time.monotonic()
        line = _Line(not quiet)
        report = run_round(args.store, options, progress=line)
        line.clear()
        if not quiet:
            print(f"round {n}: {report.line()}", flush=True)
            for url, why in report.failures:
                warn(f"{url}: {why}" if not why.startswith(url) else why)
            for item in report.skipped:
                warn(f"skipped {item.path}: {item.reason}")
        if report.digest_problem:
            warn(f"some stories' digests were not made ({report.digest_problem}); the next round makes them")
        if interval is None:
            return 0
        time.sleep(max(0.0, interval - (time.monotonic() - started)))


def _when(ts: float | None) -> str:
    if ts is None:
        return "never"
    return dt.datetime.fromtimestamp(ts, dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")


def run_feeds(args: argparse.Namespace) -> int:
    import os

    from ..live.table import FeedTable
    from ..stories.store import is_postgres_url, open_store

    if not is_postgres_url(args.store) and not os.path.exists(args.store):
        raise StorylensError(f"{args.store}: no such store (start one with: storylens follow SOURCES --store DB)")
    with open_store(args.store, create=False) as store:  # a storylens store, not any database
        rows = FeedTable(store).sources()
    if args.format == "json":
        for r in rows:
            print(json.dumps({"url": r.url, "kind": r.kind, "title": r.title, "last_fetch": _when(r.last_fetch),
                              "status": r.last_status or "never fetched", "http_status": r.http_status,
                              "new_articles": r.last_new, "total_articles": r.total_new, "failures": r.failures,
                              "last_error": r.last_error, "next_try": _when(r.next_try) if r.next_try else None},
                             ensure_ascii=False))
        return 0
    if not rows:
        print(f"{args.store} follows no sources")
        return 0
    now = time.time()
    for r in rows:
        status = r.last_status or "never fetched"
        if r.http_status:
            status += f" ({r.http_status})"
        line = (f"{r.url}  [{r.kind}]  last fetch {_when(r.last_fetch)}  {status}  "
                f"new {r.last_new} (total {r.total_new})")
        if r.failures:
            line += f"  failures {r.failures}"
            if r.next_try > now:
                line += f", next try {_when(r.next_try)}"
        if r.last_error:
            line += f"\n    last error: {r.last_error}"
        print(line)
    return 0
