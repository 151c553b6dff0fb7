"""A floor under dedup and clustering of a stream: the scale benchmark's resampled Multi-News stream at 3,000
articles (planted near-duplicates, dates over days), read from ../shared/data; floors in benchmarks/floors.json
(sections stream_multinews_3000 and archive_multinews_3000)."""

from __future__ import annotations

import pytest


def test_planted_copies_are_found_and_stories_hold_together(data_dir, bench_script, floors):
    if not (data_dir / "multinews_train.jsonl.gz").exists():
        pytest.skip(f"{data_dir / 'multinews_train.jsonl.gz'} not found")
    r = bench_script("scale").run_one(3000, False)
    assert r["planted"] == 240
    floors.check("stream_multinews_3000", {m: r[m] for m in ("planted_recall", "other_flagged_as_copies",
                                                             "bcubed_p", "bcubed_r", "bcubed_f1")})


def test_the_archive_path_on_the_same_stream_holds_its_floors(data_dir, bench_script, floors):
    """The same 3,000 articles given at once to the archive path (`storylens cluster FILES`), section
    archive_multinews_3000 (at this size no article reaches the candidate index's postings budget: the same
    figures with a budget of 5,000)."""
    if not (data_dir / "multinews_train.jsonl.gz").exists():
        pytest.skip(f"{data_dir / 'multinews_train.jsonl.gz'} not found")
    r = bench_script("scale").run_archive(3000)
    floors.check("archive_multinews_3000", {m: r[m] for m in ("planted_recall", "bcubed_p", "bcubed_r",
                                                              "bcubed_f1")})
