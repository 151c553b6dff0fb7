"""Citation precision on web news and DUC (benchmarks/citation_check.py, the scorer's own figure check): the
digest's citations over every web_material event, the webdev stories, the DUC dev half, the non-blind DUC
2007 clusters and the English SemEval material's stories stay above their floors (key ``citation_check``);
every failing pair is listed.  Skips when ../shared/data is absent."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def result(bench_script):
    fresh = bench_script("evidence_fresh")
    ee = bench_script("evidence_eval")
    semeval = bench_script("semeval_material")
    if not fresh.DATA.exists() or not (ee.DATA / "duc2007_update.jsonl").exists() or not semeval.DATA.exists():
        pytest.skip("the ECB+, DUC 2007 or SemEval-2022 data is absent (see ../shared/data/README.md)")
    return bench_script("citation_check").check(["web", "webdev", "dev", "duc", "semeval"])


def test_the_citations_hold_their_floors(result, floors):
    floors.check("citation_check", {f"{name}_precision": r["citation_precision"] for name, r in result.items()})


def test_every_failing_pair_is_listed_with_what_the_article_lacks(result):
    for r in result.values():
        assert r["pairs"] - r["pairs_ok"] == len(r["failures"])
        for f in r["failures"]:
            assert f["lacks"] and not f["own"]  # a sentence's own article always carries it
    assert result["web"]["sentences"] >= 200 and result["duc"]["sentences"] >= 400
