"""The evaluation command: reading datasets, candidates, the budget rule, ROUGE, baselines."""

from __future__ import annotations

import argparse
import gzip
import json

import pytest

from storylens.errors import ConfigError, DatasetError
from storylens.evaluation.run import (Scorer, apply_budget, candidates, evaluate, make_system, parse_systems,
                                read_dataset)
from storylens.evaluation.baselines import lead_order, oracle_order, random_order

pytest.importorskip("rouge_score")
pytest.importorskip("sumy")

DOC_A = ("Floods hit the river town of Dunmore on Monday after three days of rain.\n"
         "BREAKING NEWS\n"
         "Rescue teams evacuated 300 residents from the lower streets of the town.\n"
         "The mayor said the water had reached its highest level since 1953.")
DOC_B = ("Rescue teams evacuated 300 residents from the lower streets of the town.\n"
         "Short heading line\n"
         "Forecasters expect more rain in the region later this week, officials said.")
REF = "Floods hit Dunmore after three days of rain and rescue teams evacuated 300 residents."


def _write(path, records, gz=False):
    lines = "".join((json.dumps(r) if not isinstance(r, str) else r) + "\n" for r in records)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(lines)
    else:
        path.write_text(lines, encoding="utf-8")
    return path


def test_read_dataset_gzip_and_malformed_lines_counted(tmp_path):
    good = {"id": "c1", "documents": [DOC_A, DOC_B], "summaries": [REF]}
    path = _write(tmp_path / "d.jsonl.gz", [good, "{not json", {"documents": [], "summaries": ["x"]},
                                             {"id": "c2", "documents": [DOC_B], "summaries": REF}], gz=True)
    ds = read_dataset(path)
    assert [c.id for c in ds.clusters] == ["c1", "c2"]
    assert ds.skipped == 2
    assert ds.clusters[1].summaries == (REF,)
    assert len(read_dataset(path, limit=1).clusters) == 1


def test_missing_and_malformed_dataset_one_line_errors(tmp_path):
    with pytest.raises(DatasetError, match="no such dataset file"):
        read_dataset(tmp_path / "nope.jsonl")
    bad = _write(tmp_path / "bad.jsonl", ["[1, 2]", "hello"])
    with pytest.raises(DatasetError, match="no valid clusters \\(2 malformed lines\\)") as err:
        read_dataset(bad)
    assert "\n" not in str(err.value)
    notgz = tmp_path / "x.jsonl.gz"
    notgz.write_text("plain", encoding="utf-8")
    with pytest.raises(DatasetError, match="cannot be read"):
        read_dataset(notgz)


def test_candidates_drop_headings_and_duplicates():
    cands = candidates([DOC_A, DOC_B])
    texts = [c.text for c in cands]
    assert "BREAKING NEWS" not in texts and "Short heading line" not in texts
    assert texts.count("Rescue teams evacuated 300 residents from the lower streets of the town.") == 1
    assert [(c.doc, c.position) for c in cands] == [(0, 0), (0, 1), (0, 2), (1, 0)]


def test_budget_rule_whole_sentences_stops_at_first_overflow():
    sents = ["one two three", "four five six seven", "eight"]
    assert apply_budget(sents, 7) == ["one two three", "four five six seven"]
    assert apply_budget(sents, 6) == ["one two three"]  # stops: "eight" would fit but comes later
    assert apply_budget(sents, 2) == []


def test_lead_is_round_robin_and_random_is_seeded():
    cands = candidates([DOC_A, DOC_B])
    assert lead_order(cands) == [0, 3, 1, 2]
    assert random_order(cands, "c1") == random_order(cands, "c1")
    assert sorted(random_order(cands, "c1")) == list(range(len(cands)))


def test_rouge_f1_on_hand_made_input():
    sc = Scorer()
    same = sc.f1(["The cat sat on the mat."], ["The cat sat on the mat."])
    assert same["rouge1"] == pytest.approx(1.0) and same["rouge2"] == pytest.approx(1.0)
    # "the cat" + "cat sat": 2 of 3 reference bigrams, 2 of 2 summary bigrams -> F1 0.8
    part = sc.f1(["the cat sat"], ["the cat sat down"])
    assert part["rouge2"] == pytest.approx(0.8)
    # max over references
    assert sc.f1(["the cat sat"], ["dogs bark", "the cat sat down"])["rouge2"] == pytest.approx(0.8)
    # stemming: "running" and "runs" share the stem "run"
    assert sc.f1(["dogs running"], ["dog runs"])["rouge1"] == pytest.approx(1.0)


def test_recall_pools_references_and_cuts_at_budget():
    sc = Scorer()
    r = sc.recall(["the cat sat on the mat"], ["the cat sat", "a dog ran"], max_words=3)
    # summary cut to "the cat sat": unigram hits 3 of 6 pooled reference unigrams
    assert r["rouge1_recall"] == pytest.approx(0.5)
    assert r["rouge2_recall"] == pytest.approx(2 / 4)


def test_oracle_prefers_the_reference_sentence():
    toks = [["rain", "fell"], ["flood", "hit", "town"], ["cat", "sat"]]
    ref = [["flood", "hit", "town", "today"]]
    assert oracle_order(toks, ref, 10, [2, 3, 2])[0] == 1
    assert oracle_order(toks, ref, 2, [2, 3, 2]) == []  # nothing useful fits


@pytest.mark.parametrize("name", ["storylens", "digest", "lead", "lexrank", "textrank", "lsa", "random", "oracle"])
def test_every_system_gives_candidate_sentences(name):
    from storylens.evaluation.run import Cluster

    c = Cluster("c1", (DOC_A, DOC_B), (REF,))
    cands = candidates(c.documents)
    out = apply_budget(make_system(name)(c, cands, 30), 30)
    assert out, name
    assert sum(len(s.split()) for s in out) <= 30
    texts = {x.text for x in cands}
    if not name.startswith(("storylens", "digest")):
        assert set(out) <= texts
    else:
        assert all(s in DOC_A or s in DOC_B for s in out)


def test_evaluate_table_and_json(tmp_path):
    path = _write(tmp_path / "d.jsonl", [{"id": "c1", "documents": [DOC_A, DOC_B], "summaries": [REF]}])
    res = evaluate(read_dataset(path), ["lead", "oracle"], words=20, recall=True, progress=False)
    assert res.systems["oracle"]["rouge2"] >= res.systems["lead"]["rouge2"]
    table = res.table()
    assert table.splitlines()[0].startswith("| system | R1 | R2 | RLsum | R1 recall | R2 recall")
    assert "| lead |" in table and "| oracle |" in table
    assert json.loads(json.dumps(res.to_json()))["systems"]["lead"]["ms_per_cluster"] >= 0


def test_cli_run_writes_json_and_rejects_unknown_system(tmp_path, capsys):
    from storylens.cli import evaluate as cli

    path = _write(tmp_path / "d.jsonl", [{"id": "c1", "documents": [DOC_A, DOC_B], "summaries": [REF]}])
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers())
    out = tmp_path / "r.json"
    args = parser.parse_args(["evaluate", "--data", str(path), "--systems", "storylens,lead", "--words", "25",
                              "--out", str(out), "--no-progress"])
    assert args.func(args) == 0
    assert "| storylens |" in capsys.readouterr().out
    assert set(json.loads(out.read_text())["systems"]) == {"storylens", "lead"}
    with pytest.raises(ConfigError, match="unknown system 'bert'"):
        parse_systems("lead,bert")
    args = parser.parse_args(["evaluate", "--data", str(tmp_path / "missing.jsonl")])
    with pytest.raises(DatasetError):
        args.func(args)


def test_digest_system_is_the_digest_summary():
    from storylens.config import Options
    from storylens.evaluation.run import Cluster
    from storylens.models import Article
    from storylens.pipeline import digest

    c = Cluster("c1", (DOC_A, DOC_B), (REF,))
    got = make_system("digest")(c, candidates(c.documents), 30)
    arts = [Article.from_text(d, id=f"c1-{i}") for i, d in enumerate(c.documents)]
    want = digest(arts, options=Options(max_words=30, extract_facts=False)).summary
    assert got == [s.text for s in want.sentences] and got
    assert make_system("digest")(Cluster("c2", ("BREAKING NEWS",), (REF,)), [], 30) == []


def test_halves_by_topic_fixed_and_disjoint():
    from storylens.evaluation.splits import MAIN_ONLY_TOPICS, UPDATE_TOPICS, half_of, select, topic_of

    assert topic_of("duc2007update-D0706B-C") == "D0706" and topic_of("duc2007main-D0701A") == "D0701"
    update = [f"duc2007update-{t}A-{s}" for t in UPDATE_TOPICS for s in "ABC"]
    shared = ("D0703", "D0706", "D0711", "D0716", "D0721", "D0727", "D0740", "D0743")  # the same 25 articles
    main = [f"duc2007main-{t}A" for t in sorted(MAIN_ONLY_TOPICS + shared)]
    halves = half_of(update)
    # every set of a topic in one half; update_eval's halves (even places dev)
    assert halves == [("dev" if k % 2 == 0 else "heldout") for k in range(10) for _ in "ABC"]
    # a DUC main topic that is also an update topic takes the update topic's half
    of_main = dict(zip(map(topic_of, main), half_of(main)))
    assert all(of_main[t] == ("dev" if k % 2 == 0 else "heldout") for k, t in enumerate(UPDATE_TOPICS)
               if t in shared)
    assert sorted(of_main.values()).count("dev") == 12 and len(of_main) == 23
    assert half_of(main) == half_of(list(main))  # fixed, not drawn per call
    mn = [f"multinews-val-{i:05d}" for i in range(5622)]
    mh = half_of(mn)
    assert mh[:1000] == ["dev"] * 1000 and mh[1000:].count("heldout") == 2000 and mh[1000:].count("dev") == 0
    assert select(mn, mn, "heldout") == [c for c, h in zip(mn, mh) if h == "heldout"]
    assert select(update, update, "all") == update
    with pytest.raises(ConfigError, match="half must be one of"):
        select(update, update, "blind")
