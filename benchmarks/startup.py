"""Start-up cost: ``import storylens`` and ``storylens --version`` beside a bare ``python -c pass``, in one run.

    .venv/bin/python benchmarks/startup.py [--runs 15]

Each command runs in a fresh interpreter, interleaved round by round so that machine noise falls on all of
them alike; the median wall time of each is reported, with its excess over bare Python.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "import storylens": [sys.executable, "-c", "import storylens"],
    "storylens --version": [sys.executable, "-m", "storylens", "--version"],
    "storylens --help": [sys.executable, "-m", "storylens", "--help"],
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args(argv)
    times: dict[str, list[float]] = {k: [] for k in COMMANDS}
    for _ in range(args.runs):
        for name, cmd in COMMANDS.items():
            t = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - t)
    base = statistics.median(times["python -c pass"])
    print("| command | median ms | over bare Python, ms |\n|---|---|---|")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"| `{name}` | {med * 1000:.1f} | {(med - base) * 1000:+.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
