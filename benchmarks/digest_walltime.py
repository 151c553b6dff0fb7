"""Wall time of `storylens digest examples/aleppo-2016/`, start-up included.

Target: under 2 s on the 2-core development machine.  Reported
side by side with a bare `python -c pass` start in the same run, since the
machine is shared and noisy.

    python benchmarks/digest_walltime.py [--runs 7] [--format markdown]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--format", default="markdown", choices=("markdown", "json", "html"))
    args = ap.parse_args()
    digest = [sys.executable, "-m", "storylens", "digest", "examples/aleppo-2016/", "--format", args.format]
    bare = [sys.executable, "-c", "pass"]
    timed(digest)  # warm the file cache and byte-code
    d_times, b_times = [], []
    for _ in range(args.runs):
        d_times.append(timed(digest))
        b_times.append(timed(bare))
    d, b = statistics.median(d_times), statistics.median(b_times)
    print("| command | median s | max s |\n|---|---|---|")
    print(f"| storylens digest examples/aleppo-2016/ --format {args.format} | {d:.3f} | {max(d_times):.3f} |")
    print(f"| python -c pass | {b:.3f} | {max(b_times):.3f} |")
    print(f"\nruns={args.runs}; target < 2 s: {'met' if max(d_times) < 2 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
