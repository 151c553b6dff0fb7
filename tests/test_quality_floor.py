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
