"""The cluster / stories / search commands, and bad input through them."""

from __future__ import annotations

import json

from storylens.cli import main
from storylens.stories.store import open_store

from test_cluster import QUAKE_A, QUAKE_B
from test_ingest_feeds_warc import ATOM, PAGES, _warc_bytes


def _jsonl(path, rows):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def _records():
    rows = [{"doc_id": f"a{i}", "text": t, "published": "2012-11-11", "source": "Reuters"}
            for i, t in enumerate(QUAKE_A)]
    rows += [{"id": f"b{i}", "text": t, "published": "2012-11-12", "url": "https://www.bbc.co.uk/x"}
             for i, t in enumerate(QUAKE_B)]
    rows.append({"id": "a0-copy", "text": "MOGOK (AP) - " + QUAKE_A[0], "published": "2012-11-12"})
    return rows


def _clustered_store(tmp_path, capsys) -> str:
    """A store made by `storylens cluster` from the two earthquakes of _records(); its path."""
    src = tmp_path / "feed.jsonl"
    _jsonl(src, _records())
    db = str(tmp_path / "news.db")
    main(["cluster", str(src), "--store", db])
    capsys.readouterr()
    return db


def test_cluster_writes_assignments_and_is_idempotent_with_a_store(tmp_path, capsys):
    src = tmp_path / "feed.jsonl"
    _jsonl(src, _records())
    db, out = tmp_path / "news.db", tmp_path / "out.jsonl"
    assert main(["cluster", str(src), "--store", str(db), "--assignments", str(out)]) == 0
    assert "added 7 articles (1 copy of earlier ones, 2 new stories)" in capsys.readouterr().out
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == 7 and set(rows[0]) == {"article_id", "story_id", "duplicate_of"}
    by = {r["article_id"]: r for r in rows}
    assert by["a0-copy"]["duplicate_of"] == "a0" and by["a0-copy"]["story_id"] == by["a1"]["story_id"]
    assert by["b0"]["story_id"] == by["b2"]["story_id"] != by["a0"]["story_id"]
    assert main(["cluster", str(src), "--store", str(db), "--assignments", str(out)]) == 0
    assert "added 0 articles" in capsys.readouterr().out
    assert [json.loads(x) for x in out.read_text().splitlines()] == rows


def test_cluster_without_store(tmp_path, capsys):
    src = tmp_path / "feed.jsonl"
    _jsonl(src, _records())
    assert main(["cluster", str(src), "--assignments", "-"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines() if x.startswith("{")]
    assert len({r["story_id"] for r in lines}) == 2


def test_stories_and_search(tmp_path, capsys):
    db = _clustered_store(tmp_path, capsys)
    assert main(["stories", "--store", db]) == 0
    text = capsys.readouterr().out
    assert "4 articles; outlets: AP, Reuters" in text and "2012-11-11 .. 2012-11-12" in text
    assert main(["stories", "--store", db, "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["size"] for d in data} == {3, 4} and data[0]["last_seen"] == "2012-11-12"
    assert main(["search", "--store", db, "Oaxaca"]) == 0
    out = capsys.readouterr().out
    assert "[Oaxaca]" in out and "a0" not in out.split()
    assert main(["search", "--store", db, "Oaxaca", "-f", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {h["article_id"] for h in hits} == {"b0", "b1", "b2"}
    assert all("[Oaxaca]" in h["snippet"] and h["published"] == "2012-11-12" for h in hits)


def test_unknown_story_and_missing_store_are_one_line_errors(tmp_path, capsys):
    assert main(["stories", "--store", str(tmp_path / "none.db")]) == 2
    assert "no such store" in capsys.readouterr().err
    db = str(tmp_path / "news.db")
    src = tmp_path / "feed.jsonl"
    _jsonl(src, _records())
    main(["cluster", str(src), "--store", db])
    with open_store(db) as st:
        try:
            st.story_articles("nope")
        except Exception as exc:  # noqa: BLE001
            assert "storylens stories --store" in str(exc)


def test_bad_input_is_skipped_counted_reported_and_the_store_stays_consistent(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    rows = _records()
    _jsonl(folder / "a.jsonl", [rows[0], "{not json", {"id": "no-text", "title": "x"}, rows[1]])
    (folder / "broken.rss").write_text("<rss><channel><item><title>oops</ti", encoding="utf-8")
    (folder / "city.atom").write_text(ATOM, encoding="utf-8")
    data = _warc_bytes(PAGES, gz=False)
    (folder / "cut.warc").write_bytes(data[: data.find(b"WARC/1", data.find(b"gazette.example/empty")) + 200])
    db = str(tmp_path / "news.db")
    assert main(["cluster", str(folder), "--store", db]) == 0
    cap = capsys.readouterr()
    assert "not valid JSON" in cap.err and "has no 'text'" in cap.err
    assert "broken.rss" in cap.err and "truncated" in cap.err
    # bad JSON, no text, the bad feed, the WARC page without text, the truncated WARC record
    assert "skipped 5 bad input item(s)" in cap.out
    with open_store(db) as st:
        counts = st.counts()
        assert counts["articles"] == 4  # a0, a1, the Atom entry, the one complete WARC page
        total = sum(s.size for s in st.stories())
        assert total == counts["articles"]
        n_fts = st.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert n_fts == counts["articles"]


def test_the_bundled_example_clusters_its_five_reports_together(tmp_path, capsys):
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "examples" / "aleppo-2016"
    out = tmp_path / "out.jsonl"
    assert main(["cluster", str(example), "--assignments", str(out)]) == 0
    story = {r["article_id"][:3]: r["story_id"] for r in map(json.loads, out.read_text().splitlines())}
    # the AFP, Yahoo (AFP), Reuters and Al Jazeera reports of the offensive are one story; "since mid-2012" and
    # "since March 2011" in article 001 are history, not its date, so the year check does not push it out
    assert len(set(story.values())) == 1 and len(story) == 5
    # in the store, the story is titled by a headline, not by the title made from 000's Yahoo URL slug
    db = str(tmp_path / "news.db")
    assert main(["cluster", str(example), "--store", db]) == 0
    capsys.readouterr()
    assert main(["stories", "--store", db, "-f", "json"]) == 0
    titles = {d["size"]: d["title"] for d in json.loads(capsys.readouterr().out)}
    assert titles == {5: "Russia offers to secure rebel evacuation from Syria's Aleppo"}


def test_a_store_keeps_its_clustering_settings_and_says_when_they_change(tmp_path, capsys):
    src = tmp_path / "feed.jsonl"
    rows = _records()
    _jsonl(src, rows[:3])
    db = str(tmp_path / "news.db")
    assert main(["cluster", str(src), "--store", db, "--threshold", "0.3", "--window-days", "14"]) == 0
    capsys.readouterr()
    with open_store(db) as st:
        assert st.settings()["threshold"] == 0.3 and st.settings()["window_days"] == 14
    # a later run without settings uses the store's, and keeps them
    _jsonl(src, rows[3:6])
    assert main(["cluster", str(src), "--store", db]) == 0
    assert "settings changed" not in capsys.readouterr().err
    with open_store(db) as st:
        assert st.settings()["threshold"] == 0.3 and st.settings()["window_days"] == 14
    # a new value is kept from now on, and the change is reported
    _jsonl(src, rows[6:])
    assert main(["cluster", str(src), "--store", db, "--threshold", "0.25"]) == 0
    err = capsys.readouterr().err
    assert "clustering settings changed (threshold 0.3 -> 0.25)" in err
    with open_store(db) as st:
        assert st.settings()["threshold"] == 0.25 and st.settings()["window_days"] == 14
        assert st.counts()["articles"] == 7


def test_a_story_without_a_headline_is_listed_by_its_opening_words(tmp_path, capsys):
    src = tmp_path / "feed.jsonl"
    _jsonl(src, [{"id": "a", "text": QUAKE_A[0]}])
    db = str(tmp_path / "news.db")
    assert main(["cluster", str(src), "--store", db]) == 0
    assert "added 1 article (0 copies of earlier ones, 1 new story)" in capsys.readouterr().out
    assert main(["stories", "--store", db]) == 0
    out = capsys.readouterr().out
    assert "(no headline) A magnitude 6.1 earthquake struck near Mogok in Myanmar on\u2026" in out


def test_stories_says_when_the_list_is_cut(tmp_path, capsys):
    db = _clustered_store(tmp_path, capsys)
    assert main(["stories", "--store", db, "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.count("; outlets: ") == 1 and "(the 1 newest of 2 stories; --limit 0 lists all)" in out
    assert main(["stories", "--store", db, "--limit", "0"]) == 0
    out = capsys.readouterr().out
    assert out.count("; outlets: ") == 2 and "newest of" not in out


def test_digest_of_a_folder_holding_two_stories_says_so(tmp_path, capsys):
    src = tmp_path / "feed.jsonl"
    _jsonl(src, _records())
    out = tmp_path / "d.json"
    assert main(["digest", str(src), "--entities", "rules", "--format", "json", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "these 7 articles look like 2 stories (of 4, 3 articles) and this digest mixes them" in err
    meta = json.loads(out.read_text())["meta"]
    assert sorted(map(sorted, meta["stories_in_input"])) == [["a0", "a0-copy", "a1", "a2"], ["b0", "b1", "b2"]]
    # the reader of the Markdown or HTML page is told too, not only the terminal
    md, html = tmp_path / "d.md", tmp_path / "d.html"
    assert main(["digest", str(src), "--entities", "rules", "-o", str(md)]) == 0
    assert main(["digest", str(src), "--entities", "rules", "--format", "html", "-o", str(html)]) == 0
    capsys.readouterr()
    note = "These articles look like 2 stories (of 4, 3 articles): this digest mixes them."
    assert f"> **Note:** {note}" in md.read_text() and note in html.read_text()
    # one story (the bundled example: its five reports are one story) is not flagged
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "examples" / "aleppo-2016"
    assert main(["digest", str(example), "--entities", "rules", "--format", "json", "-o", str(out)]) == 0
    assert "look like" not in capsys.readouterr().err
    assert "stories_in_input" not in json.loads(out.read_text())["meta"]
    assert main(["digest", str(example), "--entities", "rules", "-o", str(md)]) == 0
    assert "Note:" not in md.read_text()
