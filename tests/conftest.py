"""Shared fixtures: the bundled example story, the benchmark data folder, the benchmark scripts and the quality gate."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "aleppo-2016"
DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_articles():
    from storylens.ingest import load_articles

    return load_articles([EXAMPLE])


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"benchmark data not found at {DATA} (see ../shared/data/README.md)")
    return DATA


@pytest.fixture(scope="session")
def bench_script():
    """``bench_script("cluster_ecb")``: a script of benchmarks/ as a module (the quality floors reuse its scoring)."""
    def load(name: str):
        sys.path.insert(0, str(ROOT / "benchmarks"))
        try:
            return importlib.import_module(name)
        finally:
            sys.path.remove(str(ROOT / "benchmarks"))
    return load


FLOORS = ROOT / "benchmarks" / "floors.json"


class QualityGate:
    """The one gate over benchmarks/floors.json: ``floors.check("section", {"metric": value, ...})``."""

    def __init__(self, path: Path):
        self.table = {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")}

    def check(self, section: str, got: dict[str, float]) -> None:
        pinned = self.table[section]
        missing = sorted(set(pinned) - set(got))
        assert not missing, f"{section}: no value measured for {missing}"
        failures = []
        for metric, spec in pinned.items():
            value, floor = got[metric], spec["floor"]
            if spec.get("max"):
                if value > floor:
                    failures.append(f"{metric} {value:.4f} rose above its ceiling {floor}")
            elif value < floor:
                failures.append(f"{metric} {value:.4f} fell below its floor {floor}")
        assert not failures, f"{section}: " + "; ".join(failures)


@pytest.fixture(scope="session")
def floors() -> QualityGate:
    return QualityGate(FLOORS)


# -- postgresql: a throw-away PostgreSQL server for the store tests ---------------------------------------
# STORYLENS_TEST_PG (a URL, as .ci/run exports) names a server to use; otherwise the tests start their own
# with initdb/pg_ctl when PostgreSQL's binaries are installed, and skip (saying why) when they are not.
def _pg_bindir() -> Path | None:
    import glob
    import shutil

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _pg_start(bindir: Path):
    """Start a server on 127.0.0.1 with a fresh data folder; returns (url, stop)."""
    import os
    import pwd
    import shutil
    import socket
    import subprocess
    import tempfile

    user = None
    if os.geteuid() == 0:  # initdb refuses to run as root: run the server as the postgres user
        try:
            user = pwd.getpwnam("postgres").pw_uid
        except KeyError:
            pytest.skip("PostgreSQL tests run as root need a 'postgres' user to run the server")
    base = tempfile.mkdtemp(prefix="storylens-pg-")
    data = os.path.join(base, "data")
    if user is not None:
        os.chown(base, user, -1)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = dict(check=True, capture_output=True, user=user, timeout=120)
    subprocess.run([str(bindir / "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--locale=C", "--no-sync"], **run)
    opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=off -c max_connections=200"
    subprocess.run([str(bindir / "pg_ctl"), "-D", data, "-o", opts, "-l", os.path.join(base, "log"), "-w",
                    "start"], **run)

    def stop():
        subprocess.run([str(bindir / "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True, user=user, timeout=60)
        shutil.rmtree(base, ignore_errors=True)
    return f"postgresql://postgres@127.0.0.1:{port}/postgres", stop


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a PostgreSQL server for the tests (see the comment above)."""
    import os

    pytest.importorskip("psycopg", reason="the PostgreSQL store needs the extra 'postgres' (psycopg)")
    url = os.environ.get("STORYLENS_TEST_PG")
    if url:
        yield url
        return
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("no PostgreSQL: set STORYLENS_TEST_PG=postgresql://... or install it (apt-get install postgresql)")
    url, stop = _pg_start(bindir)
    try:
        yield url
    finally:
        stop()


@pytest.fixture
def pg_url(pg_server):
    """A URL whose tables go to a fresh schema of their own (dropped after the test)."""
    import uuid
    from urllib.parse import quote

    import psycopg

    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in pg_server else "?"
    yield f"{pg_server}{sep}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(pg_server, autocommit=True) as c:
        c.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    """Where a fresh store goes: a SQLite file, or a fresh schema of a throw-away PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return request.getfixturevalue("pg_url")


# -- end postgresql ----------------------------------------------------------------------------------------
