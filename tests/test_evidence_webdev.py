"""The web development set (benchmarks/evidence_gold/webdev.json, ECB+ articles of the tuning events): its
articles are the seeded draw of benchmarks/evidence_webdev.py, the scorer counts every annotated item, and the
figures stay above their floors (key ``evidence_webdev``). Skips when ../shared/data is absent."""

from __future__ import annotations

import json

import pytest

METRICS = ("quotes_right_speaker", "resolved_speakers_right", "quotes_found", "quote_precision", "bad_speakers",
           "figures_precision", "figures_recall", "groups_recall", "false_groups", "citation_precision")


@pytest.fixture(scope="module")
def webdev(bench_script):
    fresh = bench_script("evidence_fresh")
    if not fresh.DATA.exists():
        pytest.skip(f"{fresh.DATA} not found (see ../shared/data/README.md)")
    mod = bench_script("evidence_webdev")
    return mod, json.loads(mod.GOLD.read_text(encoding="utf-8")), fresh.load_records()


def test_the_set_is_the_seeded_draw_taken_in_order(webdev):
    mod, gold, records = webdev
    draw = mod.select(records)
    picks = (draw["set"] + draw["reserve"])[:len(gold["stories"])]
    assert [s["id"] for s in gold["stories"]] == [p["event"] for p in picks]
    assert all([d["doc_id"] for d in s["docs"]] == p["docs"] for s, p in zip(gold["stories"], picks))
    assert not {s["id"] for s in gold["stories"]} & mod.web_material.fresh_events()


def test_the_scorer_counts_every_annotated_item_and_the_figures_hold_their_floors(webdev, bench_script, floors):
    _, gold, _ = webdev
    result = bench_script("evidence_eval").evaluate(["webdev"])
    assert "skipped" not in result, result.get("skipped")
    counts = result["webdev"]["counts"]
    docs = [d for s in gold["stories"] for d in s["docs"]]
    assert counts["q_gold"] == sum(len(d["quotes"]) for d in docs) >= 70
    assert counts["f_gold"] == sum(len(d["figures"]) for d in docs) >= 30
    floors.check("evidence_webdev", {m: result["webdev"][m] for m in METRICS})


def test_all_stays_dev_and_blind(bench_script):
    assert bench_script("evidence_eval").HALVES == ("dev", "blind")


NOTES = """P Springfield, Shelbyville
## a.xml
# a comment
Q We will rebuild => Ann Lee
F 12| boats => 12 : boats @boats
## b.xml
Q It is over => ?
"""
TEXT = 'The mayor said "We will rebuild the pier," and 12 boats sank off Springfield.'


def test_the_notes_give_places_each_articles_lines_and_offsets_into_the_text(bench_script):
    places, by_doc = bench_script("evidence_webdev").parse_notes(NOTES)
    assert places == ["Springfield", "Shelbyville"]
    assert sorted(by_doc) == ["a.xml", "b.xml"] and "It is over" in by_doc["b.xml"]
    bench_script("evidence_annotate")  # build's reader of the notes lines, imported as the scripts import it
    got = bench_script("evidence_fresh").build(TEXT, by_doc["a.xml"])
    (q,), (f,) = got["quotes"], got["figures"]
    assert TEXT[q["start"]:q["end"]] == "We will rebuild the pier," and q["speaker"] == "Ann Lee"
    assert TEXT[f["start"]:f["end"]] == "12" and f["value"] == 12 and f["heads"] == ["boats"]
    assert f["group"] == "boats"


def test_the_error_listing_reads_the_webdev_articles(webdev, bench_script, capsys):
    _, gold, _ = webdev
    assert bench_script("evidence_errors").main(["--half", "webdev", "--kind", "quotes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    events = {s["id"] for s in gold["stories"]}
    assert lines and all(line.split("/")[0] in events for line in lines)
    assert all(": quote missed: " in line or ": speaker: " in line or ": not a quotation: " in line
               for line in lines)


def test_the_story_lines_count_what_the_scorer_counts(webdev, bench_script, capsys):
    _, gold, _ = webdev
    assert bench_script("evidence_errors").main(["--half", "webdev", "--by-story"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == [s["id"] for s in gold["stories"]]
    for line, story in zip(lines, gold["stories"]):
        assert f"/{sum(len(d['quotes']) for d in story['docs'])}, found" in line
        assert f"/{sum(len(d['figures']) for d in story['docs'])} (claims" in line
