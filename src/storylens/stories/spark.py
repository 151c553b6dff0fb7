"""Dedup, clustering and per-story digests as a Spark job (extra: ``spark``).

    storylens spark-cluster INPUT OUTPUT [--master local[2]] [--format parquet|jsonl]

How the work is split:

* **executors** parse and clean every record (the same
  :func:`storylens.ingest.article_from_record` as the JSONL reader), compute
  its MinHash signature, content hash and clustering features, and at the
  end summarize every story (one
  :func:`storylens.summarize` per story, in parallel);
* **the driver** runs the two order-dependent passes, dedup and incremental
  assignment, streaming the precomputed rows in arrival order
  (``toLocalIterator``; publication date, then input order) through the same
  :class:`~storylens.stories.dedup.Deduplicator` and :class:`~storylens.stories.clusterer.Clusterer`
  as the single-machine path.  Their state is bounded (signatures, and only
  the stories inside the time window), not the corpus.

So for the same input the stories are the same as ``storylens cluster`` in
one run (the IDF grows article by article in arrival order, as there).
Documented differences: a record without ``id``/``doc_id`` gets the id
``<file stem>-<row number>`` counted over the non-blank rows of all input
files together (the JSONL reader counts lines per file), and repeated ids are
dropped after the first (the reader renames them ``id#2``).

Output: ``OUTPUT/assignments`` (``article_id``, ``story_id``, ``duplicate_of``)
and ``OUTPUT/stories`` (``story_id``, ``title``, ``size``, ``outlets``,
``languages`` (of the members, as identified), ``first_seen``, ``last_seen``,
``article_ids``, ``summary``, ``citations``) as Parquet or JSON Lines.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Iterator

from .._optional import require
from ..errors import InputError, StorylensError


def _session(master: str, app: str = "storylens"):
    require("pyspark", "spark", "storylens spark-cluster")
    from pyspark.sql import SparkSession

    # executors must import this very storylens
    pkg_parent = str(Path(__file__).resolve().parents[1])
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if pkg_parent not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([pkg_parent] + paths)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    try:
        return (SparkSession.builder.master(master).appName(app)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", os.environ.get("STORYLENS_SPARK_PARTITIONS", "4"))
                .config("spark.driver.memory", os.environ.get("STORYLENS_SPARK_DRIVER_MEMORY", "1g"))
                .config("spark.executorEnv.PYTHONPATH", os.environ["PYTHONPATH"])
                .getOrCreate())
    except Exception as exc:  # no Java, bad master URL, ...
        raise StorylensError(f"cannot start Spark with master {master!r}: {exc} "
                             "(Spark needs Java 17+: install a JDK and set JAVA_HOME)") from None


# -- executor side -------------------------------------------------------------------------
def _prepare(rows: Iterator[tuple[Any, int]], opts: dict) -> Iterator[tuple]:
    """(record, row index) -> (index, article json, signature bytes, content hash, features json) or a skip."""
    from .clusterer import features
    from .dedup import Deduplicator, content_hash
    from ..ingest.build import article_from_record
    from ..text.language import with_language

    dedup = Deduplicator(threshold=opts["dedup_threshold"])
    for rec, idx in rows:
        where = f"{opts['stem']}-{idx + 1}"
        if isinstance(rec, str):
            if not rec.strip():
                continue
            try:
                rec = json.loads(rec)
            except json.JSONDecodeError as exc:
                yield ("skip", idx, f"{where}: not valid JSON ({exc.msg})")
                continue
        if not isinstance(rec, dict):
            yield ("skip", idx, f"{where}: record is not a JSON object")
            continue
        try:
            art = article_from_record(rec, default_id=where, path=where)
        except InputError as exc:
            yield ("skip", idx, f"{where}: {exc.problem}")
            continue
        art = with_language(art)  # as storylens cluster does: the features read the article's language
        feats = features(art, opts["entity_weight"], opts["number_weight"])
        yield ("ok", idx, _article_json(art), dedup.signature(art.text).tobytes(), content_hash(art.text),
               json.dumps(feats, sort_keys=True))


def _article_json(a) -> str:
    return json.dumps({"id": a.id, "text": a.text, "title": a.title, "url": a.url, "outlet": a.outlet,
                       "published": a.published, "author": a.author, "agency": a.agency,
                       "dateline": a.dateline, "path": a.path, "published_inferred": a.published_inferred,
                       "title_inferred": a.title_inferred, "lang": a.lang}, ensure_ascii=False)


def _article(js: str):
    from ..models import Article

    return Article(**json.loads(js))


def _digest_story(item, max_words: int) -> dict:
    from ..ingest.clean import headline_titles
    from ..summarizers import summarize

    sid, rows = item
    rows = sorted(rows, key=lambda r: r[0])  # arrival order
    arts = [_article(r[1]) for r in rows]
    originals = [a for a, r in zip(arts, rows) if not r[2]]  # copies count once
    try:
        summ = summarize(originals or arts, max_words=max_words)
        summary = summ.text
        cites = [[originals[i].id for i in s.citations if i < len(originals)] for s in summ.sentences]
    except StorylensError:
        summary, cites = "", []
    dated = sorted(a.published for a in arts if a.published)
    # the first headline; a title made from a URL only when no member has one (as the clusterer does)
    title = next(iter(headline_titles(arts)), "")
    return {"story_id": sid, "title": title, "size": len(arts),
            "outlets": sorted({a.outlet for a in arts if a.outlet}),
            "languages": sorted({a.lang for a in arts if a.lang}),
            "first_seen": dated[0] if dated else None, "last_seen": dated[-1] if dated else None,
            "article_ids": [a.id for a in arts], "summary": summary, "citations": json.dumps(cites)}


# -- the job ------------------------------------------------------------------------------
def _read(spark, input_path: str):
    """An RDD of (record or raw line, row index) in input order."""
    p = Path(input_path)
    if not p.exists():
        raise InputError(input_path, "no such file or folder")
    is_parquet = p.suffix == ".parquet" or (p.is_dir() and any(p.glob("*.parquet")))
    if is_parquet:
        df = spark.read.parquet(str(p))
        # a Parquet row has every column; a missing value is a null, not a field
        rdd = df.rdd.map(lambda r: {k: v for k, v in r.asDict(recursive=True).items() if v is not None})
    else:
        rdd = spark.sparkContext.textFile(str(p))
    return rdd.zipWithIndex(), p.stem


def run_job(input_path: str, output_path: str, *, master: str = "local[2]", output_format: str = "parquet",
            max_words: int = 100, options=None, dedup_threshold: float = 0.5, spark=None) -> dict:
    """Run the whole job; returns counts ``{"articles", "duplicates", "stories", "skipped"}``."""
    from .clusterer import ClusterOptions

    if output_format not in ("parquet", "jsonl"):
        raise StorylensError(f"output format must be parquet or jsonl, got {output_format!r}")
    options = options or ClusterOptions()
    own = spark is None
    spark = spark or _session(master)
    try:
        rdd, stem = _read(spark, input_path)
        opts = {"stem": stem, "dedup_threshold": dedup_threshold, "entity_weight": options.entity_weight,
                "number_weight": options.number_weight}
        prepared = rdd.mapPartitions(lambda it: _prepare(it, opts)).cache()
        skipped = prepared.filter(lambda r: r[0] == "skip").map(lambda r: r[2]).collect()
        ok = prepared.filter(lambda r: r[0] == "ok")

        def order_key(r):
            pub = json.loads(r[2])["published"]
            return (pub is None, pub or "", r[1])

        ordered = ok.sortBy(order_key, numPartitions=max(1, ok.getNumPartitions()))
        dup_of = _dedup_pass(ordered, dedup_threshold)
        assigned = _assign_pass(ordered, options, dup_of)
        # per-story digests (executors)
        dups = spark.sparkContext.broadcast({k for k, v in dup_of.items() if v})
        first_rows = ok.map(lambda r: (json.loads(r[2])["id"], r)).reduceByKey(lambda a, b: a if a[1] <= b[1] else b)
        story_of = spark.sparkContext.broadcast({a: s for a, s, _ in assigned})
        by_story = first_rows.map(lambda kv: (story_of.value[kv[0]], (kv[1][1], kv[1][2], kv[0] in dups.value))) \
            .groupByKey().mapValues(list)
        _write(spark, assigned, by_story.map(lambda item: _digest_story(item, max_words)), Path(output_path),
               output_format)
        prepared.unpersist()
        return {"articles": len(assigned), "duplicates": sum(1 for _, _, d in assigned if d),
                "stories": len({s for _, s, _ in assigned}), "skipped": len(skipped), "skipped_items": skipped}
    finally:
        if own:
            spark.stop()


def _dedup_pass(ordered, threshold: float) -> dict[str, str | None]:
    """Pass 1 (driver): dedup in arrival order, the first id wins; article id -> the original it copies."""
    import numpy as np

    from .dedup import Deduplicator

    dedup = Deduplicator(threshold=threshold)
    dup_of: dict[str, str | None] = {}
    for r in ordered.toLocalIterator():
        art = _article(r[2])
        if art.id in dup_of:
            continue
        res = dedup.add(art, np.frombuffer(r[3], dtype=np.uint32), r[4])
        dup_of[art.id] = res.duplicate_of
    return dup_of


def _assign_pass(ordered, options, dup_of: dict[str, str | None]) -> list[tuple[str, str, str | None]]:
    """Pass 2 (driver): incremental assignment in arrival order; the document frequencies grow article by
    article as in the single-machine path (the features were counted by the executors)."""
    from .clusterer import Clusterer

    clus = Clusterer(options)
    assigned: list[tuple[str, str, str | None]] = []
    seen: set[str] = set()
    for r in ordered.toLocalIterator():
        art = _article(r[2])
        if art.id in seen:
            continue
        seen.add(art.id)
        x = clus.add_batch([art], {art.id: dup_of.get(art.id)}, counts=[json.loads(r[5])])[0]
        assigned.append((art.id, x.story_id, x.duplicate_of))
    return assigned


def _write(spark, assigned: list[tuple[str, str, str | None]], stories, out: Path, output_format: str) -> None:
    """``OUT/assignments`` and ``OUT/stories`` (an RDD of story dicts), one file each, Parquet or JSON Lines."""
    from pyspark.sql import Row

    a_df = spark.createDataFrame([Row(article_id=a, story_id=s, duplicate_of=d) for a, s, d in assigned],
                                 "article_id string, story_id string, duplicate_of string")
    s_df = spark.createDataFrame(stories.map(lambda d: Row(**d)),
                                 "story_id string, title string, size int, outlets array<string>, "
                                 "languages array<string>, first_seen string, last_seen string, "
                                 "article_ids array<string>, summary string, citations string")
    for name, frame in (("assignments", a_df), ("stories", s_df.orderBy("story_id"))):
        w = frame.coalesce(1).write.mode("overwrite")
        if output_format == "parquet":
            w.parquet(str(out / name))
        else:
            w.json(str(out / name))
