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
