"""The long fuzzing profile: the tests of tests/fuzz run with many more examples, bounded in time.

Each fuzz test runs in its own pytest process (HYPOTHESIS_PROFILE=long) with an example count sized to
its share of the time budget (calibrated on a short run of the same test), and the counts come from
hypothesis's own statistics (passing, failing, invalid).  Run it niced:

    nice python benchmarks/fuzz_long.py --examples 100000 --budget-s 900

The table it prints (examples and failures per test) goes in BENCHMARKS.md ("Hardening").
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FUZZ = ROOT / "tests" / "fuzz" / "test_fuzz.py"
# the multiple of FUZZ_EXAMPLES each test runs (tests/fuzz/test_fuzz.py: stdin 2x, a digest 5/12)
_SCALE = {"test_stdin_gives_articles_or_our_error": 2.0, "test_digest_and_renderers_are_safe": 5 / 12,
          "test_markdown_is_inert": 5 / 12}
_STATS = re.compile(r"(\d+) passing, (\d+) failing, and (\d+) invalid")


def tests() -> list[str]:
    out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", str(FUZZ), "-p", "no:cacheprovider"],
                         capture_output=True, text=True, cwd=ROOT).stdout
    names = [ln.split("::", 1)[1] for ln in out.splitlines() if "::" in ln]
    return [n for n in names if n != "test_the_inertness_checks_can_fail"]


def run_one(name: str, n: int, timeout: float) -> tuple[int, int, int, float, bool]:
    """(passing, failing, invalid, seconds, finished) of one test with FUZZ_EXAMPLES=n."""
    env = dict(os.environ, HYPOTHESIS_PROFILE="long", FUZZ_EXAMPLES=str(max(1, n)), OPENBLAS_NUM_THREADS="1")
    start = time.monotonic()
    try:
        res = subprocess.run([sys.executable, "-m", "pytest", "-q", f"{FUZZ}::{name}", "-p", "no:cacheprovider",
                              "--hypothesis-show-statistics", "-W", "ignore::DeprecationWarning"],
                             capture_output=True, text=True, cwd=ROOT, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return 0, 0, 0, time.monotonic() - start, False
    seconds = time.monotonic() - start
    found = [tuple(map(int, m)) for m in _STATS.findall(res.stdout)]
    if not found:
        skipped = " skipped" in res.stdout.splitlines()[-1] if res.stdout else False
        return 0, 0 if skipped or res.returncode == 0 else 1, 0, seconds, True
    passing, failing, invalid = (sum(f[i] for f in found) for i in range(3))
    return passing, failing + (1 if res.returncode and not failing else 0), invalid, seconds, True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=100_000, help="examples over all tests (target)")
    ap.add_argument("--budget-s", type=float, default=900, help="wall-clock budget for the whole run")
    args = ap.parse_args(argv)
    names = tests()
    per_test = args.examples / sum(_SCALE.get(n, 1.0) for n in names)
    started = time.monotonic()
    calib = {}
    for name in names:  # examples a second of each test, from a short run
        p, f, i, s, _ = run_one(name, 20, 300)
        calib[name] = max(p + i, 1) / max(s - 2.5, 0.5)  # less the interpreter's start and the imports
    left = args.budget_s - (time.monotonic() - started)
    slice_s = max(left / len(names), 5)
    rows = []
    for name in names:
        scale = _SCALE.get(name, 1.0)
        n = int(min(per_test, calib[name] * slice_s * 0.75 / scale))
        p, f, i, s, done = run_one(name, n, slice_s * 1.5 + 30)
        rows.append((name, p, f, i, s, done))
        print(f"{name}: {p} passing, {f} failing, {i} invalid in {s:.0f} s" + ("" if done else " (timed out)"),
              flush=True)
    total = sum(r[1] + r[3] for r in rows)
    failures = sum(r[2] for r in rows)
    print(f"total: {total} examples ({sum(r[1] for r in rows)} passing, {failures} failing) in "
          f"{time.monotonic() - started:.0f} s, target {args.examples}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
