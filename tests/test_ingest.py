import gzip
import json

import pytest

from storylens.errors import InputError, LimitError, NoArticlesError
from storylens.limits import Limits
from storylens.ingest import load, load_articles

BOILERPLATE = ("READ MORE", "Short link", "Source: Al Jazeera", "Video: Reuters", "AFP Photo", "(Photo:")


def test_example_folder_loads_five_clean_articles(example_articles):
    arts = example_articles
    assert [a.id for a in arts] == ["000_b67d97862a5b7852", "001_6c8ea8deb207d1f7", "002_4f24784b6f5b085d",
                                    "003_7bc8ab39567d527b", "004_84410d637d6917eb"]
    assert [a.outlet for a in arts] == ["Yahoo News", "AFP", "Reuters", "AFP", "Al Jazeera"]
    assert arts[0].url.startswith("https://www.yahoo.com/news/")
    assert arts[0].dateline == "Aleppo (Syria)" and arts[0].agency == "AFP"
    assert arts[3].published == "2016-10-13"
    assert arts[2].title == "US, Russia trade blows over Syria as warplanes pound Aleppo"
    for a in arts:
        assert "\u00e2\u20ac" not in a.text and "\u2020" not in a.text
        assert not a.text.startswith(("http", "180"))
        for b in BOILERPLATE:
            assert b not in a.text, (a.id, b)
    assert "\u201cYou should ask the Americans.\u201d" in arts[1].text


def test_jsonl_records_ids_and_bad_lines(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a1", "text": "Storm hits the coast. Thousands lose power.", "title": "Storm",
                    "url": "https://www.reuters.com/x", "published": "2021-03-04T10:00:00Z"}),
        "{not json",
        json.dumps({"doc_id": "b2", "text": "Second article text is here.", "source": "AP"}),
        json.dumps({"id": "c3", "title": "no text"}),
    ]), encoding="utf-8")
    res = load([p])
    assert [(a.id, a.outlet) for a in res.articles] == [("a1", "Reuters"), ("b2", "AP")]
    assert res.articles[0].published == "2021-03-04" and res.articles[0].title == "Storm"
    assert [s.reason for s in res.skipped][0].startswith("not valid JSON")
    assert res.skipped[1].reason == "record has no 'text'"


def test_jsonl_dates_are_read_only_when_absolute_and_a_text_that_is_no_string_is_named(tmp_path):
    dates = ["Mon, 26 Nov 2012 10:00:00 GMT", 1353888000, "26.11.2012", "November 2012",
             "yesterday", "2 hours ago", "Nov 3", {"a": 1}]
    p = tmp_path / "dates.jsonl"
    rows = [{"id": f"d{i}", "text": "Rescuers searched the rubble in Mogok.", "published": d}
            for i, d in enumerate(dates)]
    rows.append({"id": "bad", "text": ["a", "list"]})
    p.write_text("\n".join(map(json.dumps, rows)), encoding="utf-8")
    res = load([p])
    # a relative or year-less date would be read against today's date (another output tomorrow): undated
    assert [a.published for a in res.articles] == ["2012-11-26", "2012-11-26", "2012-11-26", "2012-11-01",
                                                   None, None, None, None]
    assert [s.reason for s in res.skipped] == ["record's 'text' is an array, not a string"]


def test_cluster_jsonl_and_multinews_lines(tmp_path):
    p = tmp_path / "clusters.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "c1", "documents": ["First doc says this.", "Second doc says that."],
                             "summaries": ["x"]}) + "\n")
    arts = load_articles([p])
    assert [a.id for a in arts] == ["c1/0", "c1/1"]
    src = tmp_path / "test.src"
    src.write_text("Doc one here. ||||| Doc two there.NEWLINE_CHARMore text.\n", encoding="utf-8")
    arts = load_articles([src])
    assert [a.text for a in arts] == ["Doc one here.", "Doc two there.\nMore text."]


def test_html_main_text_title_and_date(tmp_path):
    page = tmp_path / "story.html"
    body = " ".join(["The river flooded the old town on Monday, officials said."] * 6)
    page.write_text(
        "<html><head><title>Floods hit the old town</title>"
        '<meta property="article:published_time" content="2019-05-06"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Floods hit the old town</h1>"
        f"<p>{body}</p><p>Rescuers evacuated 300 residents from the riverside, the mayor said.</p>"
        "</article><footer>Copyright 2019</footer></body></html>", encoding="utf-8")
    (a,) = load_articles([page])
    assert a.title == "Floods hit the old town" and a.published == "2019-05-06"
    assert "Rescuers evacuated 300 residents" in a.text
    assert "Home | World" not in a.text and "Copyright" not in a.text
    # no date in the page's metadata, byline or URL: undated, not the footer's copyright year
    page.write_text(page.read_text(encoding="utf-8").replace(
        '<meta property="article:published_time" content="2019-05-06">', "").replace("2019", "2026"),
        encoding="utf-8")
    (a,) = load_articles([page])
    assert a.published is None and a.title == "Floods hit the old town"


@pytest.mark.parametrize("content,problem", [
    (b"", "file is empty"),
    (b"\x00\x01\x02PNG\x00\x00binary", "binary"),
    (b"caf\xe9 \x81\x8d\x8f\x90 broken", "cannot decode"),
    (b"   \n\n  ", "no text"),
])
def test_bad_single_file_is_a_clear_error(tmp_path, content, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError) as exc:
        load([p])
    assert str(p) in str(exc.value) and problem in str(exc.value)


def test_bad_file_in_folder_is_skipped_and_the_rest_loaded(tmp_path, example_dir):
    for f in sorted(example_dir.iterdir())[:2]:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "zz_empty.txt").write_bytes(b"")
    (tmp_path / "zz_binary.txt").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.warns(UserWarning, match="zz_empty.txt: file is empty"):
        arts = load_articles([tmp_path])
    assert len(arts) == 2
    assert {s.path.rsplit("/", 1)[-1] for s in load([tmp_path]).skipped} == {"zz_empty.txt", "zz_binary.txt"}


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        load([tmp_path / "nope"])
    with pytest.raises(NoArticlesError, match="no articles found in"):
        load([tmp_path])


def test_huge_file_is_refused_with_the_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000)
    with pytest.raises(LimitError, match=r"file is 5,000 bytes: over the limit of 100 bytes "
                                         r"\(max_input_bytes; raise it with --max-input-bytes\)$") as exc:
        load([p], max_bytes=100)
    assert exc.value.limit == "max_input_bytes"
    with pytest.raises(LimitError, match="max_input_bytes"):
        load([p], limits=Limits(max_input_bytes=4999))
    assert load([p], limits=Limits(max_input_bytes=5000)).articles[0].text.startswith("word word")


def test_windows_1252_text_is_read(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("The caf\u00e9 owner said \u201cno\u201d to the plan on Monday.".encode("cp1252"))
    (a,) = load_articles([p])
    assert a.text == "The caf\u00e9 owner said \u201cno\u201d to the plan on Monday."


def test_malformed_html_is_read_and_empty_html_skipped(tmp_path, example_dir):
    src = sorted(example_dir.iterdir())[0]
    (tmp_path / src.name).write_bytes(src.read_bytes())
    (tmp_path / "broken.html").write_text(
        "<html><body><div><p>Firefighters contained the warehouse blaze on Friday after six hours, "
        "the fire service said. <b>No one was hurt <i>in the fire</div><p>Unclosed <<< &&& ")
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body><script>var a;</script></body>")
    res = load([tmp_path])
    broken = [a for a in res.articles if a.path.endswith("broken.html")]
    assert len(res.articles) == 2 and broken
    assert "Firefighters contained the warehouse blaze on Friday" in broken[0].text
    assert [(s.path.rsplit("/", 1)[-1], s.reason) for s in res.skipped] == [
        ("empty.html", "no article text found in this HTML page")]


def test_null_id_falls_back_to_doc_id(tmp_path):
    p = tmp_path / "rows.jsonl"
    p.write_text(json.dumps({"id": None, "doc_id": "d7", "text": "Parquet rows carry a null id column."}) + "\n"
                 + json.dumps({"id": None, "text": "Neither id is set on this row today."}) + "\n")
    assert [a.id for a in load_articles([p])] == ["d7", "rows-2"]


def test_punctuation_only_text_is_no_article_and_stray_nul_bytes_are_dropped(tmp_path):
    (tmp_path / "dots.txt").write_text("   \n\t ... !!! 123 \n", encoding="utf-8")
    body = "The army said on Monday it had taken the northern district after a week of fighting, officials said. " * 12
    (tmp_path / "nul.txt").write_bytes(b"Army takes district\n\n" + body.encode() + b"\x00\x00 Rebels denied it.")
    res = load([tmp_path])
    assert [a.id for a in res.articles] == ["nul"]
    assert "\x00" not in res.articles[0].text and res.articles[0].text.endswith("Rebels denied it.")
    assert [(s.path.endswith("dots.txt"), "no article text" in s.reason) for s in res.skipped] == [(True, True)]
    with pytest.raises(InputError, match="no article text"):
        load([tmp_path / "dots.txt"])
    # many NUL bytes: a binary file
    (tmp_path / "bin.txt").write_bytes(b"abc\x00" * 500)
    with pytest.raises(InputError, match="binary"):
        load([tmp_path / "bin.txt"])


def test_a_link_to_nothing_in_a_folder_is_reported(tmp_path, example_dir):
    import shutil

    shutil.copy(next(example_dir.glob("*.txt")), tmp_path / "good.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    res = load([tmp_path])
    assert [a.id for a in res.articles] == ["good"]
    assert [(s.path.endswith("gone.txt"), s.reason) for s in res.skipped] == [
        (True, "a link to a file that does not exist")]
