"""The SemEval reading material (benchmarks/semeval_material.py): no article of fresh2's seeded draw, and no
article linked to one by any pair of the pairs file or by a translation, is ever returned. fresh2's articles are
taken from its selection function (``evidence_fresh2.select``), never from its gold file. Skips when
../shared/data is absent."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def material(bench_script):
    mod = bench_script("semeval_material")
    if not mod.DATA.exists() or not mod.PAIRS.exists():
        pytest.skip(f"{mod.DATA} or {mod.PAIRS.name} not found (see ../shared/data/README.md)")
    fresh2 = bench_script("evidence_fresh2")
    drawn = {i for p in fresh2.select(fresh2.load_records())["set"] for i in p["docs"]}
    return mod, drawn, mod.safe_articles()


def _edges(mod) -> list[tuple[str, str]]:
    pairs = [json.loads(line) for line in mod.PAIRS.open(encoding="utf-8")]
    recs = [json.loads(line) for line in mod.DATA.open(encoding="utf-8")]
    return [(p["id1"], p["id2"]) for p in pairs] + [(r["id"], r["orig_article_id"]) for r in recs]


def test_no_fresh2_article_and_nothing_linked_to_one_is_safe(material):
    mod, drawn, safe = material
    assert len(drawn) == 60 and not drawn & set(safe)
    unsafe = set(drawn)  # grown to its closure over every link, independently of the module's walk
    edges = _edges(mod)
    while True:
        more = {b for a, b in edges if a in unsafe} | {a for a, b in edges if b in unsafe}
        if more <= unsafe:
            break
        unsafe |= more
    assert not unsafe & set(safe)
    assert unsafe == set(mod.hidden_articles(mod.evidence_fresh2.load_records()))
    for a, b in edges:  # an edge never joins a safe article to one outside the safe English originals' closure
        assert (a in unsafe) == (b in unsafe)


def test_safe_articles_are_the_other_english_originals(material):
    mod, drawn, safe = material
    english = mod.evidence_fresh2.load_records()
    assert all(r["lang"] == "en" and not r["machine_translated"] for r in safe.values())
    assert set(safe) < set(english) and len(safe) >= len(english) - 2 * len(drawn)


def test_stories_and_their_articles_are_safe_and_fresh2_ones_are_refused(material):
    mod, drawn, safe = material
    stories = mod.stories(safe)
    assert stories and all(set(ids) <= set(safe) and len(ids) >= 2 for ids in stories.values())
    sid, ids = next(iter(stories.items()))
    assert [a.id for a in mod.story_articles(sid, safe)] == [f"{sid}/{k}" for k in range(len(ids))]
    for key in sorted(drawn)[:5]:
        with pytest.raises(SystemExit):
            mod.story_articles(key, safe)
    assert mod.main(["--show", sorted(drawn)[0]]) == 2
