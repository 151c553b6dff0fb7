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


@pytest.fixture(scope="module")
def scorer(bench_script):
    return bench_script("evidence_eval")


def test_a_speaker_is_right_by_full_name_surname_or_acronym_never_cut_or_with_an_affiliation(scorer):
    assert scorer.same_speaker("Lance A. Ito", "Judge Lance A. Ito")
    assert scorer.same_speaker("Lance A. Ito", "Ito")
    assert scorer.same_speaker("Charleston City Council", "the council")
    assert scorer.same_speaker("Energy Resources of Australia", "ERA")
    assert not scorer.same_speaker("Walter C. Smith", "Walter C")
    assert not scorer.same_speaker("Joanna Jones", "Brian Jones")
    assert not scorer.same_speaker("Lance A. Ito", "Judge Lance A. Ito of the Los Angeles Superior Court")
    assert scorer.bad_speaker("Dr") and scorer.bad_speaker("Charlotte") and scorer.bad_speaker("Tuesday")
    assert not scorer.bad_speaker("Mark Vitner")


def test_a_figure_needs_its_value_and_its_counted_thing_not_the_unit(scorer):
    from types import SimpleNamespace as C

    count = {"kind": "count", "value": 474.0, "heads": ["groups", "hate groups"]}
    assert scorer.value_right(count, C(value=474.0)) and scorer.thing_right(count["heads"], "hate groups in 1997")
    assert not scorer.thing_right(["distance", "away"], "miles")
    assert not scorer.thing_right(["fund"], "USD")
    rng = {"kind": "range", "value": 2e6, "high": 5e6}
    assert not scorer.value_right(rng, C(value=5e6))  # a range read as its upper bound
    assert scorer.value_right(rng, C(value=2e6, high=5e6))
    rate = {"kind": "rate", "value": 1.0, "per": 500.0}
    assert scorer.value_right(rate, C(value=0.002, unit=""))
    assert scorer.value_right(rate, C(value=0.2, unit="%"))
    assert not scorer.value_right(rate, C(value=1.0, unit=""))


def test_a_date_is_right_at_its_precision_or_finer_and_an_undatable_one_only_unresolved(scorer):
    assert scorer.date_right("1998", "1998-10-25") and scorer.date_right("1998-10", "1998-10")
    assert not scorer.date_right("1998-10-25", "1998-10") and not scorer.date_right("1998", "1999")
    assert scorer.date_right("1980s", "1987") and not scorer.date_right("1980s", "1990")
    assert scorer.date_right(None, None) and not scorer.date_right(None, "1999-10-30")


def test_citation_figures_leave_out_years_and_days_of_the_month(scorer):
    got = scorer.figures_in("On March 28, 1999, it had 2,192 stores and $1.4 million, up 27 percent since 1991.")
    assert got == [2192.0, 1.4e6, 27.0]
