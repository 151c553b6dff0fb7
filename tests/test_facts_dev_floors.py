"""A floor under the figures and same-quantity groups on the development half of benchmarks/evidence_gold
(the DUC 2007 main stories the figure rules are tuned on), scored by benchmarks/evidence_eval.py through the
digest users run. Skips when ../shared/data is absent."""

from __future__ import annotations

METRICS = ("figures_precision", "figures_recall", "groups_recall", "false_groups")


def test_the_dev_figures_and_groups_stay_above_their_floors(bench_script, data_dir, floors):
    result = bench_script("evidence_eval").evaluate(["dev"])
    assert "skipped" not in result, result.get("skipped")
    dev = result["dev"]
    assert dev["counts"]["f_gold"] == 156 and dev["counts"]["g_gold"] == 17
    floors.check("evidence_dev_figures", {m: dev[m] for m in METRICS})
