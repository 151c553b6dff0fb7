"""Big inputs against the limits: wall time and peak memory of the CLI on files made here.

    nice python benchmarks/big_inputs.py            # all cases
    nice python benchmarks/big_inputs.py --only tiny_lines

Cases: a JSONL of 1,000,000 tiny lines (``digest``: stops at once at max_records), the same under
``--max-records 1000000`` read by ``cluster`` (the whole file), a gzip JSONL that expands to 4 GB, a 45 MB
text file (``digest``), a JSONL of three 15 MB articles (``digest``: one story of several long articles),
a 300 MB JSONL of 3 KB articles (read by ``cluster``; ``digest`` stops at once at max_story_chars),
half the largest story one digest takes by default (the defaults were 5,000 articles and 5,000,000
characters until the two-pass pool): 1,590 of the 300 MB file's articles, 5,000 articles of 1 KB in the
costliest shape per character found, 12 of 400 KB.
The 45 MB text and the three 15 MB articles are read with ``--max-story-chars`` raised.  ``digest_10000x1kb``
and the other ``RAISED`` cases: the same worst shapes at 10,000 articles and 10,000,000 characters (the
defaults now; both flags given all the same), and 10,000 3-KB articles with them raised further.  Each runs
in a subprocess under a 3 GiB address-space cap and a time limit; the figures go in BENCHMARKS.md ("Hardening").
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CAP = 3 << 30


def run(args: list[str], cwd: Path, timeout: float) -> tuple[int, float, float, float, str]:
    """(exit status, wall seconds, CPU seconds, peak resident MB, last stderr line) of ``storylens ARGS``."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))

    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    start = time.monotonic()
    # GNU time reports the peak resident size and the CPU seconds of this one command (its last line)
    p = subprocess.Popen(["/usr/bin/time", "-f", "MAXRSS %M %U %S", sys.executable, "-m", "storylens", *args], cwd=cwd,
                         env=env, preexec_fn=cap, start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, err = p.communicate(timeout=timeout)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)  # GNU time and the command under it
        _, err = p.communicate()
        rc = -9
    seconds = time.monotonic() - start
    lines = err.decode("utf-8", "replace").strip().splitlines()
    last = next((ln.split() for ln in reversed(lines) if ln.startswith("MAXRSS ")), None)
    peak = int(last[1]) / 1024 if last else float("nan")
    cpu = float(last[2]) + float(last[3]) if last else float("nan")
    said = [ln for ln in lines if not ln.startswith(("MAXRSS ", "Command "))]
    return rc, seconds, cpu, peak, (said[-1] if said else "")[:200]


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WORDS = ("the government said on tuesday that rescue teams had reached the flooded villages near the river "
          "where thousands of residents waited for food water and medicine after the storm destroyed roads").split()


def article(rng: random.Random, n_words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n_words)).capitalize() + "."


def make(case: str, d: Path) -> tuple[list[str], float]:
    rng = random.Random(1)
    if case in ("tiny_lines", "tiny_lines_cluster"):
        p = d / "tiny.jsonl"
        if not p.exists():
            with p.open("w") as fh:
                for i in range(1_000_000):
                    fh.write(f'{{"text": "Storm {i} hit."}}\n')
        if case == "tiny_lines":
            return ["digest", "--entities", "rules", str(p)], 120
        return ["cluster", str(p), "--max-records", "1000000"], 600
    if case == "gzip_bomb":
        p = d / "bomb.jsonl.gz"
        one = gzip.compress(b'{"text": "' + b"a" * (1 << 22) + b'"}\n', 9)
        p.write_bytes(one * 1024)  # 4 GB of JSON lines of 4 MB
        return ["digest", str(p)], 120
    if case == "text_45mb":
        p = d / "big.txt"
        with p.open("w") as fh:
            while fh.tell() < 45_000_000:
                fh.write(" ".join(article(rng, 25) for _ in range(8)) + "\n\n")
        return ["digest", "--entities", "rules", "--max-story-chars", "50000000", str(p)], 600
    if case == "jsonl_3x15mb":
        p = d / "three.jsonl"
        with p.open("w") as fh:
            for i in range(3):
                text: list[str] = []
                size = 0
                while size < 15_000_000:
                    para = " ".join(article(rng, 25) for _ in range(8))
                    text.append(para)
                    size += len(para) + 2
                fh.write(json.dumps({"id": f"long{i}", "text": "\n\n".join(text)}) + "\n")
        return ["digest", "--entities", "rules", "--max-story-chars", "50000000", str(p)], 900
    if case in ("jsonl_300mb", "jsonl_300mb_digest"):
        p = d / "big.jsonl"
        if not p.exists():
            small_articles(p, rng, lambda fh, i: fh.tell() < 300_000_000)
        if case == "jsonl_300mb_digest":  # one story of 94,106 articles: stops at once at max_story_chars
            return ["digest", "--entities", "rules", str(p)], 120
        return ["cluster", str(p)], 600
    if case == "digest_1590x3kb":  # the 300 MB file's articles, as many as max_story_chars takes
        p = d / "many.jsonl"
        small_articles(p, rng, lambda fh, i: i < 1_590)
        return ["digest", "--entities", "rules", str(p)], 900
    if case == "digest_5000x1kb":  # both story limits at once, in the costliest shape per character found:
        p = d / "short.jsonl"  # sentences of five two-letter words (each sentence a candidate)
        with p.open("w") as fh:
            for i in range(5_000):
                text = " ".join(" ".join(rng.choice(_LETTERS) + rng.choice(_LETTERS) for _ in range(5)).capitalize()
                                + "." for _ in range(62))  # 992 characters
                fh.write(json.dumps({"id": f"s{i}", "text": text}) + "\n")
        return ["digest", "--entities", "rules", str(p)], 900
    if case == "digest_12x400kb":  # fewer, longer articles, up to max_story_chars
        p = d / "long.jsonl"
        with p.open("w") as fh:
            for i in range(12):
                text = " ".join(article(rng, 25) for _ in range(2_540))  # 399,000 characters or so
                fh.write(json.dumps({"id": f"l{i}", "text": text, "published": f"2024-01-{1 + i % 28:02d}"}) + "\n")
        return ["digest", "--entities", "rules", str(p)], 900
    if case in RAISED:  # the same shapes at twice the story limits (what the two-pass pool allows)
        return _raised(case, d, rng)
    raise SystemExit(f"unknown case {case}")


# the worst shapes at 10,000 articles and 10,000,000 characters (the story limits raised by their flags),
# and 10,000 of the 300 MB file's 3-KB articles (32 M characters) with them raised further
RAISED = ("digest_10000x1kb", "digest_3170x3kb", "digest_25x400kb", "digest_200x50kb", "digest_1x10m",
          "digest_10000x3kb")
_RAISED_FLAGS = ["--max-story-articles", "10000", "--max-story-chars", "10000000"]


def _short(rng: random.Random, n: int) -> str:
    """``n`` sentences of five two-letter words (each sentence a candidate): the costliest shape per character."""
    return " ".join(" ".join(rng.choice(_LETTERS) + rng.choice(_LETTERS) for _ in range(5)).capitalize() + "."
                    for _ in range(n))


def _raised(case: str, d: Path, rng: random.Random) -> tuple[list[str], float]:
    p = d / f"{case}.jsonl"
    flags = _RAISED_FLAGS
    with p.open("w") as fh:
        if case == "digest_10000x1kb":
            fh.writelines(json.dumps({"id": f"s{i}", "text": _short(rng, 62)}) + "\n" for i in range(10_000))
        elif case == "digest_200x50kb":
            fh.writelines(json.dumps({"id": f"m{i}", "text": _short(rng, 3_100)}) + "\n" for i in range(200))
        elif case == "digest_1x10m":
            fh.write(json.dumps({"id": "one", "text": _short(rng, 624_000)}) + "\n")
        elif case == "digest_25x400kb":
            for i in range(25):
                text = " ".join(article(rng, 25) for _ in range(2_540))
                fh.write(json.dumps({"id": f"l{i}", "text": text, "published": f"2024-01-{1 + i % 28:02d}"}) + "\n")
    if case in ("digest_3170x3kb", "digest_10000x3kb"):
        n = 3_170 if case == "digest_3170x3kb" else 10_000
        small_articles(p, rng, lambda fh, i: i < n)
        if n == 10_000:
            flags = ["--max-story-articles", "10000", "--max-story-chars", "40000000"]
    return ["digest", "--entities", "rules", *flags, str(p)], 900


def small_articles(p: Path, rng: random.Random, more) -> None:
    """Articles of 20 sentences (about 3 KB), one a line, while ``more(file, count)``."""
    with p.open("w") as fh:
        i = 0
        while more(fh, i):
            fh.write(json.dumps({"id": f"a{i}", "text": " ".join(article(rng, 25) for _ in range(20)),
                                 "published": f"2024-01-{1 + i % 28:02d}"}) + "\n")
            i += 1


CASES = ["tiny_lines", "gzip_bomb", "text_45mb", "jsonl_3x15mb", "jsonl_300mb", "tiny_lines_cluster",
         "jsonl_300mb_digest", "digest_1590x3kb", "digest_5000x1kb", "digest_12x400kb", *RAISED]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", choices=CASES, default=CASES)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for case in args.only:
            cmd, limit = make(case, d)
            size = sum(f.stat().st_size for f in d.iterdir())
            rc, seconds, cpu, peak, last = run(cmd, d, limit)
            load = os.getloadavg()[0]
            print(f"{case}: storylens {' '.join(Path(c).name if '/' in c else c for c in cmd)} -> exit {rc}, "
                  f"{seconds:.1f} s wall, {cpu:.1f} s CPU (load {load:.1f}), peak {peak:.0f} MB "
                  f"(files here: {size / 1e6:.0f} MB); {last}", flush=True)
            for f in d.iterdir():
                if case != "tiny_lines":
                    f.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
