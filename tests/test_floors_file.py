"""The pinned quality floors are well formed: each names its measured figure and the command that measures it."""

from __future__ import annotations

import json
from pathlib import Path

FLOORS = Path(__file__).resolve().parents[1] / "benchmarks" / "floors.json"


def test_every_floor_has_a_measured_figure_and_a_command():
    table = json.loads(FLOORS.read_text(encoding="utf-8"))
    sections = {k: v for k, v in table.items() if not k.startswith("_")}
    assert sections
    for section, metrics in sections.items():
        for metric, spec in metrics.items():
            assert set(spec) >= {"floor", "measured", "command"}, (section, metric)
            if spec.get("max"):
                assert spec["floor"] >= spec["measured"], f"{section}.{metric}: a ceiling below what was measured"
            else:
                assert spec["floor"] <= spec["measured"], f"{section}.{metric}: a floor above what was measured"
            words = [w for w in spec["command"].split() if w != "nice"]
            assert words and words[0] in {"storylens", "python", ".venv/bin/python", "PYTHONPATH=src"}, spec["command"]


def test_the_gate_fails_below_a_floor_and_above_a_ceiling(tmp_path, floors):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"s": {"f1": {"floor": 0.8, "measured": 0.85, "command": "x"},
                                      "errors": {"floor": 2, "measured": 1, "command": "x", "max": True}}}))
    gate = type(floors)(path)  # the gate class of tests/conftest.py, on a table of our own
    gate.check("s", {"f1": 0.81, "errors": 2})
    for bad in ({"f1": 0.79, "errors": 0}, {"f1": 0.9, "errors": 3}, {"f1": 0.9}):
        try:
            gate.check("s", bad)
        except AssertionError:
            continue
        raise AssertionError(f"the gate let {bad} through")
