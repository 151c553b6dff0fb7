"""The long fuzzing profile: the tests of tests/fuzz run with many more examples, bounded in time.

Each fuzz test runs in its own pytest process (HYPOTHESIS_PROFILE=long) with its share of the target
examples and of the time budget (the time one test leaves goes to the next); past its deadline an example
does nothing, and the examples that ran (and those that failed) are counted as they run.
Run it niced:

    nice python benchmarks/fuzz_long.py --examples 100000 --budget-s 900

The table it prints (examples and failures per test) goes in BENCHMARKS.md ("Hardening").
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FUZZ = ROOT / "tests" / "fuzz" / "test_fuzz.py"
# the multiple of FUZZ_EXAMPLES each test runs (tests/fuzz/test_fuzz.py: stdin 2x, a digest 5/12)
_SCALE = {"test_stdin_gives_articles_or_our_error": 2.0, "test_digest_and_renderers_are_safe": 5 / 12,
          "test_markdown_is_inert": 5 / 12}


def tests() -> list[str]:
    out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", str(FUZZ), "-p", "no:cacheprovider"],
                         capture_output=True, text=True, cwd=ROOT).stdout
    names = [ln.split("::", 1)[1] for ln in out.splitlines() if "::" in ln]
    return [n for n in names if n != "test_the_inertness_checks_can_fail"]


def run_one(name: str, n: int, seconds: float, tally: Path) -> tuple[int, int, float]:
    """(examples run, examples that failed, seconds) of one test: FUZZ_EXAMPLES=n, stopped at a deadline
    (examples past it do nothing; the process is ended soon after). Counts are what the examples wrote to
    the tally file as they ran (tests/fuzz/test_fuzz.py's budgeted())."""
    tally.write_text("")
    env = dict(os.environ, HYPOTHESIS_PROFILE="long", FUZZ_EXAMPLES=str(max(1, n)), OPENBLAS_NUM_THREADS="1",
               FUZZ_DEADLINE=str(time.time() + seconds), FUZZ_TALLY=str(tally))
    start = time.monotonic()
    try:
        subprocess.run([sys.executable, "-m", "pytest", "-q", f"{FUZZ}::{name}", "-p", "no:cacheprovider",
                        "-W", "ignore::DeprecationWarning"], capture_output=True, text=True, cwd=ROOT, env=env,
                       timeout=seconds + 15)
    except subprocess.TimeoutExpired:
        pass  # past the deadline examples do nothing: what ran is in the tally
    marks = tally.read_text()
    return marks.count("."), marks.count("F"), time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=100_000, help="examples over all tests (target)")
    ap.add_argument("--budget-s", type=float, default=900, help="wall-clock budget for the whole run")
    args = ap.parse_args(argv)
    names = tests()
    per_test = args.examples / sum(_SCALE.get(n, 1.0) for n in names)
    started = time.monotonic()
    rows = []
    tally = Path(tempfile.mkstemp(prefix="fuzz-tally-")[1])
    for k, name in enumerate(names):
        # the time left, shared by the tests left (what one leaves unused goes to the next)
        slice_s = max((args.budget_s - (time.monotonic() - started)) / (len(names) - k), 5)
        ran, failing, s = run_one(name, int(per_test * _SCALE.get(name, 1.0)), slice_s, tally)
        rows.append((name, ran, failing, s))
        print(f"{name}: {ran} examples run, {failing} failing in {s:.0f} s", flush=True)
    tally.unlink()
    total = sum(r[1] for r in rows)
    failures = sum(r[2] for r in rows)
    print(f"total: {total} examples run, {failures} failing, in {time.monotonic() - started:.0f} s "
          f"(target {args.examples}, budget {args.budget_s:.0f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
