"""The long fuzzing profile: the tests of tests/fuzz with many more examples, in shards, resumable.

A shard is one pytest process over every fuzz test (HYPOTHESIS_PROFILE=long) with its own seed
(``--hypothesis-seed``: shard N is the same examples every time it runs, another shard others), its
examples per test and its time (each test an equal share of what is left; past it the test stops).  Each shard
appends one line per test to the results file (JSON Lines) as it ends; a later call carries on with the
next seed, so the profile runs in bounded chunks, niced, until the target is reached:

    nice -n 19 timeout 900 python benchmarks/fuzz_long.py --results fuzz_long.jsonl --chunk-s 840
    python benchmarks/fuzz_long.py --results fuzz_long.jsonl --summary       # the table for BENCHMARKS.md

A failing example is printed by Hypothesis with its reproduction blob; the shard's line keeps the end of
pytest's output, and the same seed runs it again.  ``--snapshot`` runs the committed tree (``git archive
HEAD`` into a temporary folder), so that edits made in the working tree during a long run do not count;
each line names the commit it ran.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "tests" / "fuzz" / "test_fuzz.py", ROOT / "tests" / "fuzz" / "test_fuzz_store.py"]
# the fixed tests of the fuzz files (the checks can fail, the hostile keys): no examples to run
NOT_FUZZ = "not can_fail and not hostile_keys"
# the fuzz tests a shard runs (11 readers, standard input, the digest, Markdown, the store): each gets an
# equal share of the shard's time left when it starts
N_TESTS = 15


def done(results: Path) -> list[dict]:
    if not results.exists():
        return []
    return [json.loads(ln) for ln in results.read_text().splitlines() if ln.strip()]


def snapshot() -> tuple[Path, str]:
    """A copy of the committed tree (its sources and tests) in a temporary folder, and its commit."""
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    where = Path(tempfile.mkdtemp(prefix="fuzz-long-"))
    archive = subprocess.run(["git", "archive", commit, "src", "tests", "pyproject.toml"], cwd=ROOT,
                             capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive.stdout, check=True)
    return where, commit


def run_shard(seed: int, examples: int, seconds: float, root: Path = ROOT) -> tuple[list[dict], str]:
    """One shard run in ``root``: (a row per test, the end of pytest's output when a test failed)."""
    tally = Path(tempfile.mkstemp(prefix="fuzz-tally-")[1])
    env = dict(os.environ, HYPOTHESIS_PROFILE="long", FUZZ_EXAMPLES=str(examples), OPENBLAS_NUM_THREADS="1",
               FUZZ_TALLY=str(tally), FUZZ_TESTS=str(N_TESTS),
               FUZZ_DEADLINE=str(time.time() + seconds))
    if root != ROOT:  # the snapshot's package, not the installed (editable) one
        env["PYTHONPATH"] = os.pathsep.join([str(root / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    try:
        p = subprocess.run([sys.executable, "-m", "pytest", "-q", *(str(root / f.relative_to(ROOT)) for f in FILES),
                            "-k", NOT_FUZZ,
                            f"--hypothesis-seed={seed}", "-p", "no:cacheprovider", "-W", "ignore::DeprecationWarning"],
                           capture_output=True, text=True, cwd=root, env=env, timeout=seconds + 60)
        out, rc = p.stdout + p.stderr, p.returncode
    except subprocess.TimeoutExpired as exc:  # what ran is in the tally
        out, rc = str(exc.stdout or "") + str(exc.stderr or ""), -9
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    marks = [ln.split() for ln in tally.read_text().splitlines() if ln.strip()]
    tally.unlink()
    ran = Counter(name for name, m in marks if m == ".")
    failed = Counter(name for name, m in marks if m == "F")
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    rows = [{"seed": seed, "test": name, "examples": ran[name], "failing": failed[name], "shard_wall_s": round(wall, 1),
             "shard_cpu_s": round(cpu, 1), "load": round(os.getloadavg()[0], 1), "rc": rc, "at": stamp}
            for name in sorted(ran)]
    return rows, (out[-4000:] if failed or rc not in (0, 5, -9) else "")


def summary(rows: list[dict]) -> str:
    by_test: dict[str, list[int]] = {}
    for r in rows:
        t = by_test.setdefault(r["test"], [0, 0])
        t[0] += r["examples"]
        t[1] += r["failing"]
    shards = {r["seed"]: (r["shard_wall_s"], r["shard_cpu_s"]) for r in rows}
    wall = sum(w for w, _ in shards.values())
    cpu = sum(c for _, c in shards.values())
    lines = ["| test | examples run | failing |", "|---|---|---|"]
    lines += [f"| `{name}` | {n:,} | {f} |" for name, (n, f) in sorted(by_test.items())]
    total = sum(n for n, _ in by_test.values())
    failing = sum(f for _, f in by_test.values())
    lines.append(f"| **total** ({len(shards)} shards, {wall / 60:.1f} min wall, {cpu / 60:.1f} min CPU) | "
                 f"**{total:,}** | **{failing}** |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--results", type=Path, required=True, help="JSON Lines file the shards append to")
    ap.add_argument("--target", type=int, default=100_000, help="stop once this many examples have run in all")
    ap.add_argument("--chunk-s", type=float, default=840, help="wall-clock seconds this call may run")
    ap.add_argument("--shard-s", type=float, default=300, help="wall-clock seconds of one shard")
    ap.add_argument("--shard-examples", type=int, default=2000, help="examples per test in one shard (at most)")
    ap.add_argument("--summary", action="store_true", help="print the table of the results so far and exit")
    ap.add_argument("--snapshot", action="store_true", help="run the committed tree (git archive HEAD), not the "
                    "working tree")
    args = ap.parse_args(argv)
    rows = done(args.results)
    if args.summary:
        print(summary(rows))
        return 1 if any(r["failing"] for r in rows) else 0
    started = time.monotonic()
    seed = max((r["seed"] for r in rows), default=0) + 1
    root, commit = snapshot() if args.snapshot else (ROOT, "working tree")
    try:
        rows = _shards(args, rows, seed, root, commit, started)
    finally:
        if root != ROOT:
            shutil.rmtree(root, ignore_errors=True)
    print(summary(rows))
    return 1 if any(r["failing"] for r in rows) else 0


def _shards(args: argparse.Namespace, rows: list[dict], seed: int, root: Path, commit: str,
            started: float) -> list[dict]:
    """Run shards from ``seed`` on until the target or the chunk's time; each appended as it ends."""
    while sum(r["examples"] for r in rows) < args.target:
        left = args.chunk_s - (time.monotonic() - started)
        if left < 90:  # not enough for a shard past its start-up
            break
        new, tail = run_shard(seed, args.shard_examples, min(args.shard_s, left - 30), root)
        new = [{**r, "commit": commit} for r in new]
        with args.results.open("a") as fh:
            for r in new:
                fh.write(json.dumps({**r, "output": tail} if tail else r) + "\n")
        rows += new
        print(f"shard {seed}: {sum(r['examples'] for r in new):,} examples, "
              f"{sum(r['failing'] for r in new)} failing, {new[0]['shard_wall_s'] if new else 0:.0f} s wall, "
              f"{new[0]['shard_cpu_s'] if new else 0:.0f} s CPU; {sum(r['examples'] for r in rows):,} in all",
              flush=True)
        seed += 1
    return rows


if __name__ == "__main__":
    sys.exit(main())
