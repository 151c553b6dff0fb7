"""`storylens digest --since DATE` (what is new) and `--order` (how the summary reads), from the CLI and the API."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

import storylens
from storylens.cli import main
from storylens.config import Options
from storylens.errors import ConfigError
from storylens.prepare import prepare_documents
from storylens.summarizers.order import event_date

# the bundled example: one report of 2016-10-13 (source 4), one of 2016-10-06 (a date read off its text)
# and three undated ones (known before, as a reader has no date to place them after)
SINCE = "2016-10-06"


def _digest_json(capsys, *argv) -> dict:
    assert main(["digest", *argv, "--format", "json", "--entities", "rules"]) == 0
    return json.loads(capsys.readouterr().out)


def _error(capsys) -> str:
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("storylens: error: "), err
    return lines[0]


@pytest.fixture(scope="module")
def newest_id(example_articles):
    return max(example_articles, key=lambda a: a.published or "").id


def test_since_summarizes_only_the_newer_report_and_names_its_changed_figures(example_dir, capsys, newest_id):
    assert main(["digest", str(example_dir), "--since", SINCE, "--entities", "rules"]) == 0
    out = capsys.readouterr().out
    summary = out.split("## Summary", 1)[1].split("\n## ", 1)[0]
    assert f"_What is new since {SINCE}, from 1 source [4]._" in summary
    cited = set(re.findall(r"\[(\d+)\]", summary.split("._", 1)[1]))
    assert cited == {"4"}
    changed = out.split("## Changed figures", 1)[1].split("\n## ", 1)[0]
    # the death toll the 13 October report raises is named; figures that only agree are not
    assert "people killed **updated**" in changed and "370" in changed
    assert "**agree**" not in changed and "**differ**" not in changed


def test_since_in_json_matches_the_schema_and_cites_new_articles_only(example_dir, capsys, newest_id):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    d = _digest_json(capsys, str(example_dir), "--since", SINCE)
    schema = json.loads(resources.files("storylens.report").joinpath("schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(d)
    assert d["update"]["since"] == SINCE and d["update"]["new_article_ids"] == [newest_id]
    assert {c for s in d["summary"] for c in s["citations"]} == {newest_id}
    changed = [d["facts"][k] for k in d["update"]["changed_figures"]]
    assert changed and all(f["status"] == "updated" for f in changed)
    assert all(any(c["article_id"] == newest_id for c in f["claims"]) for f in changed)
    # the whole story's evidence is still there; a plain digest has no update key
    assert len(d["articles"]) == 5 and len(d["facts"]) > len(changed)
    assert "update" not in _digest_json(capsys, str(example_dir))


def test_the_update_says_nothing_the_earlier_reports_said(example_articles, newest_id):
    d = storylens.digest(example_articles, since=SINCE, check_mixed=False)
    earlier = " ".join(a.text for a in example_articles if a.id != newest_id)
    assert d.summary.sentences
    for s in d.summary.sentences:
        assert s.text not in earlier
        assert {d.articles[i].id for i in s.citations} == {newest_id}


@pytest.mark.parametrize("since, needle", [
    ("10/06/2016", "--since must be an ISO date (YYYY-MM-DD"),
    ("2016-13-01", "--since must be an ISO date"),
    ("2016-10-13", "nothing new since 2016-10-13: the newest article is of 2016-10-13"),
])
def test_since_errors_are_one_line_and_exit_2(example_dir, capsys, since, needle):
    assert main(["digest", str(example_dir), "--since", since]) == 2
    assert needle in _error(capsys)


def test_since_without_dated_articles_says_why(tmp_path, capsys):
    for i, text in enumerate(["The council approved the new budget for the city's schools on a late vote.",
                              "Teachers welcomed the budget, which adds forty new posts across the district."]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    assert main(["digest", str(tmp_path), "--since", SINCE]) == 2
    assert "no article is dated" in _error(capsys)
    with pytest.raises(ConfigError, match="since must be an ISO date"):
        storylens.digest(["A sentence long enough to be summarized by the engine here."], since="soon")


def _summary_texts(capsys, example_dir, order: str) -> list[str]:
    return [s["text"] for s in _digest_json(capsys, str(example_dir), "--order", order)["summary"]]


def test_order_changes_only_the_order_and_auto_is_chronological_across_days(example_dir, example_articles, capsys):
    by = {o: _summary_texts(capsys, example_dir, o) for o in ("auto", "chronological", "reading", "salience")}
    assert sorted(by["reading"]) == sorted(by["salience"]) == sorted(by["chronological"])
    assert by["auto"] == by["chronological"]  # the example spans a week
    assert by["chronological"] != by["reading"]
    # chronological: the event days never go back
    d = storylens.digest(example_articles, options=Options(order="chronological"), check_mixed=False)
    from storylens.summarizers.pool import SentencePool

    pool = SentencePool.build(prepare_documents(list(example_articles)))
    index = {s.text: i for i, s in enumerate(pool.sentences)}
    days = [event_date(pool, index[s.text]) for s in d.summary.sentences]
    assert days == sorted(days)


def test_an_unknown_order_is_one_line_and_exit_2(example_dir, capsys):
    with pytest.raises(SystemExit) as e:
        main(["digest", str(example_dir), "--order", "random"])
    assert e.value.code == 2
    with pytest.raises(ConfigError, match="unknown order 'random'; choose one of: auto, chronological"):
        Options(order="random")


def test_since_on_a_stored_story_cites_the_new_report(example_dir, tmp_path, capsys, newest_id):
    from storylens.stories.store import open_store

    db = str(tmp_path / "news.db")
    assert main(["cluster", str(example_dir), "--store", db]) == 0
    capsys.readouterr()
    with open_store(db, create=False) as store:
        story = max(store.stories(), key=lambda s: s.size)
    d = _digest_json(capsys, "--store", db, "--story", story.id, "--since", SINCE)
    assert d["update"]["new_article_ids"] == [newest_id]
    assert {c for s in d["summary"] for c in s["citations"]} == {newest_id}


def test_since_in_html_says_what_is_new_and_lists_the_changed_figures(example_dir, tmp_path):
    page = tmp_path / "update.html"
    assert main(["digest", str(example_dir), "--since", SINCE, "--format", "html", "-o", str(page),
                 "--entities", "rules"]) == 0
    html = page.read_text(encoding="utf-8")
    assert f"What is new since {SINCE}, from 1 source" in html
    changed = html.split("<h2>Changed figures</h2>", 1)[1].split("</ul>", 1)[0]
    assert "people killed" in changed and "370" in changed
    plain = tmp_path / "plain.html"
    assert main(["digest", str(example_dir), "--format", "html", "-o", str(plain), "--entities", "rules"]) == 0
    assert "Changed figures" not in plain.read_text(encoding="utf-8")


# -- --since-version: a stored story's articles after one of its versions ------------------------------------
def _two_batches(store_url: str, example_dir, newest_id: str, capsys) -> tuple[str, list[int]]:
    """The example stored in two batches, its newest report last; ``(story id, its versions)``."""
    files = sorted(p for p in example_dir.iterdir() if p.is_file())
    first = [str(p) for p in files if not p.name.startswith(newest_id)]
    assert len(first) == 4
    assert main(["cluster", *first, "--store", store_url]) == 0
    assert main(["cluster", *[str(p) for p in files if p.name.startswith(newest_id)], "--store", store_url]) == 0
    capsys.readouterr()
    assert main(["stories", "--store", store_url, "-f", "json"]) == 0
    (story,) = json.loads(capsys.readouterr().out)
    assert main(["stories", "--store", store_url, "--story", story["id"], "-f", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [len(v["article_ids"]) for v in shown["versions"]] == [4, 1]
    assert shown["versions"][1]["article_ids"] == [newest_id]
    versions = [v["version"] for v in shown["versions"]]
    assert versions[-1] == shown["version"] == story["version"] and versions[0] < versions[1]
    return story["id"], versions


def test_since_version_summarizes_what_the_later_batch_adds(store_url, example_dir, capsys, newest_id):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")
    sid, (v1, v2) = _two_batches(store_url, example_dir, newest_id, capsys)
    d = _digest_json(capsys, "--store", store_url, "--story", sid, "--since-version", str(v1))
    schema = json.loads(resources.files("storylens.report").joinpath("schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(d)
    assert d["update"]["since"] == f"version {v1}" and d["update"]["new_article_ids"] == [newest_id]
    assert {c for s in d["summary"] for c in s["citations"]} == {newest_id}
    changed = [d["facts"][k] for k in d["update"]["changed_figures"]]
    assert any(f["status"] == "updated" and "370" in json.dumps(f) for f in changed)
    # the same new report as --since 2016-10-06 over the files: the same update
    by_date = _digest_json(capsys, str(example_dir), "--since", SINCE)
    assert [s["text"] for s in d["summary"]] == [s["text"] for s in by_date["summary"]]
    assert len(d["articles"]) == 5
    # and from Python, with the store's digest settings
    from storylens.stories.store import open_store

    with open_store(store_url, create=False) as store:
        got = store.update_digest(sid, v1)
        assert store.added_after(sid, v1) == [newest_id] and store.story_versions(sid) == [v1, v2]
    assert [s.text for s in got.summary.sentences] == [s["text"] for s in d["summary"]]
    assert got.update is not None and got.update.new_article_ids == (newest_id,)


@pytest.mark.parametrize("which, needle", [
    ("latest", "nothing new in story {sid!r} since version {v2}: it is the story's latest version"),
    ("absent", "story {sid!r} has no version 9999; its versions are {v1}, {v2}"),
    ("no-store", "--since-version goes with --store DB --story ID, without --since"),
    ("with-since", "--since-version goes with --store DB --story ID, without --since"),
])
def test_since_version_errors_are_one_line_and_exit_2(tmp_path, example_dir, capsys, newest_id, which, needle):
    db = str(tmp_path / "news.db")
    sid, (v1, v2) = _two_batches(db, example_dir, newest_id, capsys)
    version = {"latest": v2, "absent": 9999}.get(which, v1)
    argv = {"no-store": [str(example_dir)], "with-since": ["--store", db, "--story", sid, "--since", SINCE]}.get(
        which, ["--store", db, "--story", sid])
    assert main(["digest", *argv, "--since-version", str(version)]) == 2
    assert needle.format(sid=sid, v1=v1, v2=v2) in _error(capsys)


def test_stories_story_lists_each_version_with_the_articles_that_joined(tmp_path, example_dir, capsys, newest_id):
    db = str(tmp_path / "news.db")
    sid, (v1, v2) = _two_batches(db, example_dir, newest_id, capsys)
    assert main(["stories", "--store", db, "--story", sid]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{sid}  ") and "Aleppo" in out[0]
    assert out[1] == f"  version {v1}: 4 articles joined" and out[6] == f"  version {v2}: 1 article joined"
    assert out[7].startswith(f"    {newest_id}  Russia offers to secure rebel evacuation")
    assert out[8] == f"(what is new since a version: storylens digest --store DB --story {sid} --since-version N)"
    assert main(["stories", "--store", db, "--story", "nope"]) == 2
    assert "no story 'nope'" in _error(capsys)
