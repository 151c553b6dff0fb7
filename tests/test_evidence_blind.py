"""A floor under the evidence on unseen stories: the blind half of benchmarks/evidence_gold (8 DUC 2007 main
stories the extractor was never fixed on), scored by benchmarks/evidence_eval.py through the digest users run
(use_spacy=False). Skips when ../shared/data is absent."""

from __future__ import annotations

import pytest

METRICS = ("quotes_right_speaker", "resolved_speakers_right", "bad_speakers", "figures_precision",
           "figures_recall", "groups_recall", "false_groups", "dates_right", "citation_precision",
           "citation_recall")


@pytest.fixture(scope="module")
def blind(bench_script, data_dir):
    evidence_eval = bench_script("evidence_eval")
    result = evidence_eval.evaluate(["blind"])
    assert "skipped" not in result, result.get("skipped")
    return result["blind"]


def test_the_blind_annotations_are_all_there(blind):
    c = blind["counts"]
    # 32 articles of 8 stories: 78 quotations, 141 figures, 149 time expressions, 27 sampled summary sentences
    assert (c["q_gold"], c["f_gold"], c["t_gold"], c["r_sample"]) == (78, 141, 149, 27)
    assert c["g_gold"] == 5 and c["c_sentences"] > 0


def test_the_blind_evidence_stays_above_its_floors(blind, floors):
    got = {m: blind[m] for m in METRICS}
    assert all(v is not None for v in got.values()), got
    floors.check("evidence_blind", got)
