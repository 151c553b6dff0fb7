"""Speed of `storylens follow`: a farm of feeds on loopback polled end to end into a SQLite store.

    nice .venv/bin/python benchmarks/follow_farm.py                      # 200 feeds x 50 entries over 20 ports
    nice .venv/bin/python benchmarks/follow_farm.py --feeds 40 --ports 4  # a quick look
    nice .venv/bin/python benchmarks/follow_farm.py --digests-at-end      # digests by the follow process

A separate process serves the farm (asyncio, HTTP/1.1 keep-alive, ETag and 304, a robots.txt on every
port); one port stands in for one host.  Entry texts are Multi-News documents
(``../shared/data/multinews_train.jsonl.gz``; without it, seeded synthetic texts, and the output says
so).  Every ``--summary-every``-th entry carries only its first 30 words and links to its page (an HTML
page on another port), which the follower fetches and reads with the HTML reader.  Round 1 runs the CLI
(``storylens follow URLS --store DB --once``) in a subprocess, timed from start to exit; round 2 the
same again, where every feed answers 304 (the pages are not asked for again).  After round 1 every
story must have its current digest (``stale_digests_after_round1`` counts those that do not).
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import multiprocessing
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from email.utils import formatdate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews_train.jsonl.gz"

Files = dict[int, dict[str, tuple[str, bytes, str]]]  # port index -> path -> (content type, body, etag)


def texts(n: int, seed: int = 7, data: Path = DATA) -> tuple[list[str], str]:
    """``n`` distinct article texts, and where they came from."""
    if data.exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        sys.path.insert(0, str(ROOT / "src"))
        from scale import load_pool

        docs = [d for cluster in load_pool(data, limit_clusters=n) for d in cluster if len(d.split()) >= 80]
        if len(docs) >= n:
            return docs[:n], f"Multi-News documents ({data.name})"
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(5000)]
    out = [". ".join(" ".join(rng.choice(words) for _ in range(14)).capitalize() for _ in range(25)) + "."
           for _ in range(n)]
    return out, "synthetic texts (Multi-News not found)"


def build_farm(docs: list[str], feeds: int, per_feed: int, ports: int, summary_every: int) -> Files:
    files: Files = {p: {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /private/\n", "")}
                    for p in range(ports)}
    date = formatdate(1_793_000_000, usegmt=True)
    for f in range(feeds):
        port = f % ports
        items = []
        for e in range(per_feed):
            n = f * per_feed + e
            text = docs[n]
            if summary_every and e % summary_every == summary_every - 1:
                page_port = (port + 1) % ports
                link = f"http://127.0.0.1:{{port{page_port}}}/page/{n}"
                paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
                files[page_port][f"/page/{n}"] = ("text/html; charset=utf-8", (
                    f"<html><head><title>Report {n}</title></head><body><nav>Home | World</nav><article>"
                    f"<h1>Report {n}</h1>{paras}</article><footer>Farm Gazette</footer></body></html>").encode(), "")
                body = f"<description>{html.escape(' '.join(text.split()[:30]))}</description>"
            else:
                link = f"http://farm{port}.example.org/{f}/{e}?utm_source=rss"
                body = f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded>"
            items.append(f"<item><guid>{f}-{e}</guid><link>{html.escape(link)}</link><title>Report {n}</title>"
                         f"<pubDate>{date}</pubDate>{body}</item>")
        feed = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
                f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Farm outlet {f}</title>'
                f"<link>http://farm{port}.example.org/</link><description>farm</description>{''.join(items)}"
                "</channel></rss>")
        files[port][f"/feed{f}.xml"] = ("application/rss+xml", feed, f'"feed-{f}"')  # type: ignore[assignment]
    return files


def _serve(files: Files, ready, stop) -> None:
    """The farm's process: one asyncio server per port until ``stop`` is set."""
    async def main() -> None:
        servers = [await asyncio.start_server(_handler(files, p), "127.0.0.1", 0) for p in sorted(files)]
        ports = [s.sockets[0].getsockname()[1] for s in servers]
        # the links to pages name the page's port: filled in now that the ports are known
        for p in files:
            for path, (ctype, body, etag) in list(files[p].items()):
                if isinstance(body, str):
                    for i, real in enumerate(ports):
                        body = body.replace(f"{{port{i}}}", str(real))
                    files[p][path] = (ctype, body.encode("utf-8"), etag)
        ready.send(ports)
        while not stop.is_set():
            await asyncio.sleep(0.1)
        for s in servers:
            s.close()
    asyncio.run(main())


def _handler(files: Files, port: int):
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1].split("?", 1)[0]
                headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
                found = files[port].get(path)
                if found is None:
                    status, ctype, body, etag = "404 Not Found", "text/plain", b"not found", ""
                elif found[2] and headers.get("if-none-match") == found[2]:
                    status, ctype, body, etag = "304 Not Modified", "", b"", found[2]
                else:
                    status, (ctype, body, etag) = "200 OK", found
                out = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}"]
                if ctype:
                    out.append(f"Content-Type: {ctype}")
                if etag:
                    out.append(f"ETag: {etag}")
                writer.write(("\r\n".join(out) + "\r\n\r\n").encode() + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()
    return handle


FOLLOW_CPU: list[float] = []  # CPU seconds of each follow run (its reader processes included)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def follow(urls: Path, db: Path, delay: float, timeout: float, workers: int,
           extra: tuple[str, ...] = ()) -> tuple[float, str]:
    cmd = [sys.executable, "-m", "storylens", "follow", str(urls), "--store", str(db), "--allow-private",
           "--delay", str(delay), "--workers", str(workers), "--once", *extra]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}  # this checkout's storylens, not the installed one
    started = time.perf_counter()
    cpu = _children_cpu()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    took = time.perf_counter() - started
    FOLLOW_CPU.append(_children_cpu() - cpu)
    if done.returncode != 0:
        raise SystemExit(f"follow failed ({done.returncode}): {done.stderr[-2000:]}")
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("round")]
    return took, lines[-1] if lines else done.stdout.strip()


def run(args: argparse.Namespace) -> dict:
    n = args.feeds * args.entries
    docs, origin = texts(n, data=Path(args.data))
    files = build_farm(docs, args.feeds, args.entries, args.ports, args.summary_every)
    pages = sum(1 for p in files.values() for path in p if path.startswith("/page/"))
    ctx = multiprocessing.get_context("fork")
    ready_recv, ready_send = ctx.Pipe(duplex=False)
    stop = ctx.Event()
    server = ctx.Process(target=_serve, args=(files, ready_send, stop), daemon=True)
    server.start()
    work = Path(tempfile.mkdtemp(prefix="follow_farm_"))
    try:
        ports = ready_recv.recv()
        urls = work / "feeds.txt"
        urls.write_text("".join(f"http://127.0.0.1:{ports[f % args.ports]}/feed{f}.xml\n" for f in range(args.feeds)))
        db = work / "farm.db"
        extra = ("--digests-at-end",) if args.digests_at_end else ()
        load1 = round(os.getloadavg()[0], 1)
        t1, line1 = follow(urls, db, args.delay, args.timeout, args.workers, extra)
        conn = sqlite3.connect(db)
        stale = conn.execute("SELECT count(*) FROM stories s LEFT JOIN digests d ON d.story_id = s.id "
                             "WHERE d.version IS NULL OR d.version != s.version").fetchone()[0]
        conn.close()
        t2, line2 = follow(urls, db, args.delay, args.timeout, args.workers, extra)
        conn = sqlite3.connect(db)
        stored, stories = (conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                           conn.execute("SELECT count(*) FROM stories").fetchone()[0])
        conn.close()
    finally:
        stop.set()
        server.join(5)
        if server.is_alive():
            server.terminate()
        shutil.rmtree(work, ignore_errors=True)
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"feeds": args.feeds, "entries": n, "ports": args.ports, "pages": pages, "texts": origin,
            "delay": args.delay, "workers": args.workers, "digests": "at the end" if extra else "process",
            "load_average_at_start": load1, "round1_s": round(t1, 1),
            "round1_sources_per_s": round(args.feeds / t1, 1),
            "round1_articles_per_s": round(stored / t1, 1), "round1": line1, "round2_s": round(t2, 2),
            "round1_cpu_s": round(FOLLOW_CPU[0], 1), "round2_cpu_s": round(FOLLOW_CPU[1], 2),
            "load_average_at_end": round(os.getloadavg()[0], 1),
            "round2_sources_per_s": round(args.feeds / t2, 1), "round2": line2, "stored": stored,
            "stories": stories, "stale_digests_after_round1": stale,
            "peak_rss_mb_child": round(child.ru_maxrss / 1024, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--entries", type=int, default=50, help="entries per feed")
    ap.add_argument("--ports", type=int, default=20, help="ports standing in for hosts")
    ap.add_argument("--summary-every", type=int, default=5, help="every Nth entry is summary-only (0: none)")
    ap.add_argument("--delay", type=float, default=0.01, help="per-host delay (the default 1 s scaled for loopback)")
    ap.add_argument("--workers", type=int, default=2, help="reader processes of the follower (its default 2)")
    ap.add_argument("--data", default=str(DATA), help="Multi-News training file (default ../shared/data/...)")
    ap.add_argument("--timeout", type=float, default=600, help="bound on each round, seconds")
    ap.add_argument("--digests-at-end", action="store_true",
                    help="digests by the follow process at the end of the round (default: a digester process)")
    res = run(ap.parse_args())
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
