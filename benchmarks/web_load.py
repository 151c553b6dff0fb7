"""Load on the web app: many concurrent readers and one writer, on loopback, bounded in time and count.

    nice .venv/bin/python benchmarks/web_load.py [--readers 50] [--seconds 20] [--max-requests 20000]
        [--seed-docs 120] [--stream-docs 120] [--batch 4] [--store postgresql://...]

A store is seeded with ``--seed-docs`` ECB+ articles (``../shared/data/ecbplus_dev_docs.jsonl``, a
seeded shuffle) and the bundled example, through ``storylens cluster --store`` (digests made by the
store).  ``storylens``'s app then serves it from a child process (uvicorn, 127.0.0.1), with one more
mount: a static folder holding a file of the same size as the median story page and one of the same
size as the median story JSON, so that the same server in the same run gives the floor each kind is
compared with.

``--readers`` tasks each cycle through a story page, the story's JSON, a search and the two static
files while one writer posts the next ``--stream-docs`` articles, ``--batch`` at a time, to
``POST /api/v1/articles`` (the upload path).  Reported: requests, requests/s, p50 and p99 latency per
kind, the ratios to the static file of the same size, errors (any non-200 or failed request), and
whether every article the writer was told is committed can be read back, in its story, afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import os
import random
import resource
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ecbplus_dev_docs.jsonl"
EXAMPLE = ROOT / "examples" / "aleppo-2016"
TOKEN = "bench-token"
SEARCH_WORDS = ("police", "earthquake", "killed", "president", "fire", "aleppo", "arrested", "rescue")


def _serve(store: str, static_dir: str, port: int) -> None:
    """The child process: the app over ``store`` plus the static folder, until terminated."""
    import uvicorn
    from fastapi.staticfiles import StaticFiles

    from storylens.web.app import create_app

    app = create_app(store, token=TOKEN)
    app.mount("/bench-static", StaticFiles(directory=static_dir), name="bench-static")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _docs(n_seed: int, n_stream: int) -> tuple[list[dict], list[dict]]:
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    random.Random(7).shuffle(rows)
    out = [{"id": "ecb-" + r["doc_id"].replace(".xml", ""), "text": r["text"]} for r in rows]
    return out[:n_seed], out[n_seed:n_seed + n_stream]


def _seed(store: str, docs: list[dict], tmp: Path) -> None:
    from storylens.cli import main as cli_main

    seed = tmp / "seed.jsonl"
    seed.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    if cli_main(["cluster", str(seed), str(EXAMPLE), "--store", store]) != 0:
        sys.exit("seeding the store failed")


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))] if xs else float("nan")


async def _run(base: str, args, stream: list[dict], targets: dict[str, list[str]]) -> dict:
    import httpx

    lat: dict[str, list[float]] = {k: [] for k in targets}
    errors: list[str] = []
    committed: dict[str, str] = {}
    write_lat: list[float] = []
    deadline = time.monotonic() + args.seconds
    budget = [args.max_requests]
    limits = httpx.Limits(max_connections=args.readers + 4, max_keepalive_connections=args.readers + 4)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def reader(k: int) -> None:
            rng = random.Random(k)
            kinds = list(targets)
            i = k
            while time.monotonic() < deadline and budget[0] > 0:
                budget[0] -= 1
                kind = kinds[i % len(kinds)]
                i += 1
                url = rng.choice(targets[kind])
                t = time.perf_counter()
                try:
                    r = await client.get(url)
                    await r.aread()
                    ok = r.status_code == 200
                except httpx.HTTPError as exc:
                    ok, r = False, exc
                if ok:
                    lat[kind].append(time.perf_counter() - t)
                else:
                    errors.append(f"{url}: {getattr(r, 'status_code', r)}")

        async def writer() -> None:
            for i in range(0, len(stream), args.batch):
                if time.monotonic() >= deadline:
                    break
                body = "".join(json.dumps(d) + "\n" for d in stream[i:i + args.batch])
                t = time.perf_counter()
                try:
                    r = await client.post("/api/v1/articles", content=body, timeout=300,
                                          headers={"Authorization": f"Bearer {TOKEN}",
                                                   "Content-Type": "application/x-ndjson"})
                except httpx.HTTPError as exc:
                    errors.append(f"POST: {exc!r}")
                    continue
                if r.status_code != 200:
                    errors.append(f"POST: {r.status_code} {r.text[:200]}")
                    continue
                write_lat.append(time.perf_counter() - t)
                for a in r.json()["assignments"]:
                    committed[a["article_id"]] = a["story_id"]

        started = time.perf_counter()
        await asyncio.gather(writer(), *(reader(k) for k in range(args.readers)))
        elapsed = time.perf_counter() - started
        missing = await _check(client, committed)
    return {"lat": lat, "errors": errors, "committed": committed, "write_lat": write_lat, "elapsed": elapsed,
            "missing": missing}


async def _check(client, committed: dict[str, str]) -> list[str]:
    """The committed articles that cannot be read back in their story."""
    missing = []
    members: dict[str, set[str]] = {}
    for aid, sid in committed.items():
        r = await client.get(f"/api/v1/articles/{aid}")
        if r.status_code != 200:
            missing.append(aid)
            continue
        story = r.json()["story_id"]  # a later batch may have moved nothing: stories only grow
        if story not in members:
            members[story] = set((await client.get(f"/api/v1/stories/{story}")).json()["story"]["article_ids"])
        if aid not in members[story] or story != sid:
            missing.append(aid)
    return missing


def _targets(base: str, static_dir: Path) -> dict[str, list[str]]:
    import httpx

    with httpx.Client(base_url=base, timeout=120) as c:
        stories = c.get("/api/v1/stories", params={"per_page": 100}).json()["stories"]
        ids = [s["id"] for s in stories if s["size"] >= 2][:20] or [s["id"] for s in stories][:20]
        page_sizes, api_sizes = [], []
        for sid in ids:  # warm: every target once (the digests are the store's already)
            page_sizes.append(len(c.get(f"/stories/{sid}").content))
            api_sizes.append(len(c.get(f"/api/v1/stories/{sid}").content))
    rng = random.Random(3)
    page_size, api_size = int(statistics.median(page_sizes)), int(statistics.median(api_sizes))
    (static_dir / "page.html").write_bytes(bytes(rng.randrange(32, 127) for _ in range(page_size)))
    (static_dir / "story.json").write_bytes(bytes(rng.randrange(32, 127) for _ in range(api_size)))
    return {"page": [f"/stories/{s}" for s in ids], "api": [f"/api/v1/stories/{s}" for s in ids],
            "search": [f"/api/v1/search?q={w}" for w in SEARCH_WORDS],
            "static (page size)": ["/bench-static/page.html"], "static (JSON size)": ["/bench-static/story.json"],
            "_sizes": [str(page_size), str(api_size)]}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--readers", type=int, default=50)
    p.add_argument("--seconds", type=float, default=20.0, help="length of the load phase (bounded)")
    p.add_argument("--max-requests", type=int, default=20000, help="reader requests at most")
    p.add_argument("--seed-docs", type=int, default=120)
    p.add_argument("--stream-docs", type=int, default=120)
    p.add_argument("--batch", type=int, default=4, help="articles per POST")
    p.add_argument("--store", help="a fresh postgresql:// URL (default: a SQLite file in a temporary folder)")
    args = p.parse_args(argv)
    if not DATA.exists():
        print(f"needs {DATA} (see ../shared/data/README.md)", file=sys.stderr)
        return 2
    seed, stream = _docs(args.seed_docs, args.stream_docs)
    with tempfile.TemporaryDirectory(prefix="storylens-webload-") as tmpname:
        tmp = Path(tmpname)
        store = args.store or str(tmp / "news.db")
        t = time.perf_counter()
        _seed(store, seed, tmp)
        print(f"seeded {len(seed) + 5} articles in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        static_dir = tmp / "static"
        static_dir.mkdir()
        port = _free_port()
        proc = mp.get_context("spawn").Process(target=_serve, args=(store, str(static_dir), port))
        proc.start()
        try:
            base = f"http://127.0.0.1:{port}"
            _wait(base, proc)
            targets = _targets(base, static_dir)
            sizes = targets.pop("_sizes")
            before = resource.getrusage(resource.RUSAGE_SELF)
            res = asyncio.run(_run(base, args, stream, targets))
            after = resource.getrusage(resource.RUSAGE_SELF)
            res["client_cpu"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        finally:
            proc.terminate()
            proc.join(timeout=20)
        server = resource.getrusage(resource.RUSAGE_CHILDREN)  # the server and its writer, from start to end
        res["server_cpu"] = server.ru_utime + server.ru_stime
    _report(args, res, sizes, "PostgreSQL" if args.store else "SQLite")
    return 0 if not res["errors"] and not res["missing"] else 1


def _wait(base: str, proc) -> None:
    import httpx

    for _ in range(600):
        if not proc.is_alive():
            sys.exit("the server process died (see above)")
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    sys.exit("the server did not start")


def _report(args, res: dict, sizes: list[str], backend: str) -> None:
    lat, el = res["lat"], res["elapsed"]
    print(f"\n{backend}, {args.readers} readers + 1 writer, {el:.1f} s; page {int(sizes[0]):,} bytes, "
          f"story JSON {int(sizes[1]):,} bytes\n")
    print("| kind | requests | req/s | p50 ms | p99 ms | p99 / static of the same size |")
    print("|---|---:|---:|---:|---:|---:|")
    floor = {"page": "static (page size)", "api": "static (JSON size)"}
    for kind, xs in lat.items():
        ratio = ""
        if kind in floor and lat[floor[kind]]:
            ratio = f"{_pct(xs, 0.99) / _pct(lat[floor[kind]], 0.99):.2f}x"
        print(f"| {kind} | {len(xs)} | {len(xs) / el:.0f} | {1000 * _pct(xs, 0.5):.1f} | "
              f"{1000 * _pct(xs, 0.99):.1f} | {ratio} |")
    w = res["write_lat"]
    print(f"\nwriter: {len(res['committed'])} articles committed in {len(w)} POSTs "
          f"(p50 {_pct(w, 0.5):.2f} s, max {max(w) if w else float('nan'):.2f} s per POST, digests included); "
          f"missing afterwards: {len(res['missing'])}; errors: {len(res['errors'])}")
    print(f"CPU seconds: server process and its writer {res['server_cpu']:.1f} (whole life, warm-up included), "
          f"load client {res['client_cpu']:.1f}, during {el:.1f} s of load; machine load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for e in res["errors"][:10]:
        print("  error:", e)


if __name__ == "__main__":
    sys.exit(main())
