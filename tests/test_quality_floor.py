"""A floor under summary quality on a small fixed sample of the dev sets.

The first 100 Multi-News validation clusters (300 words, ROUGE F1) and the 30
DUC 2007 update sets (100 words, ROUGE recall).  The floors sit a little below
the figures measured when the default summarizer was adopted (benchmarks/floors.json),
so that no later change lowers quality silently.  Skips when ../shared/data is
absent.
"""

from __future__ import annotations

import pytest

from storylens.evaluation.run import evaluate, read_dataset

pytest.importorskip("rouge_score")

@pytest.fixture(scope="module")
def val_result(data_dir):
    path = data_dir / "multinews_val.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} not found (see ../shared/data/README.md)")
    return evaluate(read_dataset(path, limit=100), ["storylens"], words=300, progress=False)


@pytest.fixture(scope="module")
def update_result(data_dir):
    path = data_dir / "duc2007_update.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found (see ../shared/data/README.md)")
    pytest.importorskip("sumy")
    return evaluate(read_dataset(path), ["storylens", "lexrank"], words=None, recall=True, progress=False)


def test_multinews_validation_floor(val_result, floors):
    floors.check("summary_multinews_val100", val_result.systems["storylens"])


def test_duc_update_floor_and_margin_over_lexrank(update_result, floors):
    got = dict(update_result.systems["storylens"])
    got["rouge2_recall_over_lexrank"] = got["rouge2_recall"] - update_result.systems["lexrank"]["rouge2_recall"]
    floors.check("summary_duc2007_update", got)


@pytest.fixture(scope="module")
def heldout_results(data_dir):
    """The held-out halves of the two DUC sets (evaluation/splits.py), on the path ``storylens digest``
    takes, beside the classic methods that lead on them (LSA, far behind on both, is left out for time)."""
    from storylens.evaluation.run import Dataset
    from storylens.evaluation.splits import select

    pytest.importorskip("sumy")
    out = {}
    for key, name in (("duc_update", "duc2007_update.jsonl"), ("duc_main", "duc2007_main_pyr23.jsonl")):
        path = data_dir / name
        if not path.exists():
            pytest.skip(f"{path} not found (see ../shared/data/README.md)")
        ds = read_dataset(path)
        held = Dataset(ds.path, select(ds.clusters, [c.id for c in ds.clusters], "heldout"))
        out[key] = evaluate(held, ["digest", "lead", "lexrank", "textrank"], words=None, recall=True)
    return out


def test_duc_heldout_floors_and_margins_over_the_best_classic(heldout_results, floors):
    got = {}
    for key, res in heldout_results.items():
        ours = res.systems["digest"]["rouge2_recall"]
        best = max(res.systems[s]["rouge2_recall"] for s in ("lead", "lexrank", "textrank"))
        got[f"{key}_rouge2_recall"] = ours
        got[f"{key}_rouge2_recall_over_best_classic"] = ours - best
    floors.check("summary_heldout", got)
