"""A floor under the evidence on the fresh blind set (benchmarks/evidence_gold/fresh.json: 84 ECB+ articles of
21 events, annotated in session 4 from text no one fixing the extractors had read), scored by
benchmarks/evidence_eval.py through the digest users run. Skips when ../shared/data is absent. No date
rows: ECB+ has no publication dates."""

from __future__ import annotations

import pytest

METRICS = ("quotes_right_speaker", "resolved_speakers_right", "bad_speakers", "figures_precision",
           "figures_recall", "groups_recall", "false_groups", "citation_precision")


@pytest.fixture(scope="module")
def fresh(bench_script, data_dir):
    if not (data_dir / "ecbplus_dev_docs.jsonl").exists():
        pytest.skip(f"{data_dir / 'ecbplus_dev_docs.jsonl'} not found")
    result = bench_script("evidence_eval").evaluate(["fresh"])
    assert "skipped" not in result, result.get("skipped")
    return result["fresh"]


def test_the_fresh_set_is_scored_whole(fresh):
    c = fresh["counts"]
    assert (c["q_gold"], c["f_gold"], c["g_gold"]) == (277, 323, 57) and c["c_sentences"] > 0
    assert fresh["dates_right"] is None  # no publication dates: no date row


def test_the_fresh_evidence_stays_above_its_floors(fresh, floors):
    got = {m: fresh[m] for m in METRICS}
    assert all(v is not None for v in got.values()), got
    floors.check("evidence_fresh", got)
