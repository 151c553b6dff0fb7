"""`storylens cluster` of a 300 MB JSONL (100,000 articles of 3 KB): wall, CPU and peak memory.

    nice .venv/bin/python benchmarks/cluster_big.py [--file BIG.jsonl] [--timeout 1500] [--mode archive]

The file is the one of ``benchmarks/big_inputs.py`` (case ``jsonl_300mb``: 100,000 articles drawn from a
thirty-word vocabulary, so every article shares every word with every other: the worst case for the
archive path's candidate index), made in a temporary folder unless ``--file`` names one (made there if
missing, and kept).  The command runs as a user runs it (``python -m storylens cluster FILE``), under
GNU time for its CPU seconds and peak resident memory, bounded by ``--timeout``; the load average is
printed beside it, since the machine is shared.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))


def ensure_file(path: Path) -> Path:
    """The 300 MB JSONL at ``path`` (made by big_inputs' own recipe when absent)."""
    if not path.exists():
        from big_inputs import make

        made = Path(make("jsonl_300mb", path.parent)[0][1])
        if made != path:
            made.rename(path)
    return path


def measure(path: Path, timeout: float, mode: str) -> dict:
    """Exit status, wall and CPU seconds, peak resident MB and the last stderr line of the command."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    cmd = ["/usr/bin/time", "-f", "GNUTIME %e %U %S %M", sys.executable, "-m", "storylens", "cluster",
           str(path), "--mode", mode]
    start = time.monotonic()
    p = subprocess.Popen(cmd, env=env, cwd=ROOT, start_new_session=True, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    try:
        out, err = p.communicate(timeout=timeout)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        out, err = p.communicate()
        rc = -9
    wall = time.monotonic() - start
    lines = err.strip().splitlines()
    stat = next((ln.split()[1:] for ln in reversed(lines) if ln.startswith("GNUTIME ")), None)
    # a command stopped at the timeout leaves no GNU time line: its CPU and peak are unknown (None)
    cpu = round(float(stat[1]) + float(stat[2]), 1) if stat else None
    peak = round(int(stat[3]) / 1024) if stat else None
    return {"exit": rc, "wall_s": round(wall, 1), "cpu_s": cpu, "peak_mb": peak,
            "load": round(os.getloadavg()[0], 1), "said": (out.strip().splitlines() or [""])[-1][:200],
            "size_mb": round(path.stat().st_size / 1e6)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--file", type=Path, help="where the 300 MB JSONL is (made there when missing, and kept)")
    ap.add_argument("--timeout", type=float, default=1500.0, help="seconds before the command is stopped")
    ap.add_argument("--mode", choices=("archive", "stream"), default="archive")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = ensure_file(args.file or Path(tmp) / "big.jsonl")
        r = measure(path, args.timeout, args.mode)
    print(f"storylens cluster ({args.mode}) of {r['size_mb']} MB: exit {r['exit']}, {r['wall_s']} s wall, "
          f"{r['cpu_s']} s CPU (load {r['load']}), peak {r['peak_mb']} MB; {r['said']}")
    return 0 if r["exit"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
