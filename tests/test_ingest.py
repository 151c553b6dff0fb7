import gzip
import io
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


# -- limits, refusals, standard input, charsets, hostile text --------------------------------------------
STORY = "Rescuers searched the rubble in Mogok on Tuesday after the landslide. Dozens of miners are missing."


@pytest.mark.parametrize("name,data,hint", [
    ("notes.json", b'[{"text": "x"}]', "write one JSON object a line"),
    ("table.csv", b"id,text\n1,hello\n", "as .jsonl"),
    ("report.pdf", b"%PDF-1.4", "convert it to text or HTML first"),
    ("memo.docx", b"PK\x03\x04", "convert it to text or HTML first"),
    ("book.epub", b"PK\x03\x04", "files are not read"),
])
def test_unknown_extensions_are_refused_by_name_with_what_is_read(tmp_path, name, data, hint):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError) as exc:
        load([p])
    msg = str(exc.value)
    assert hint in msg and "storylens reads .arc, .arc.gz, .atom, .htm, .html" in msg and "\n" not in msg, msg


@pytest.mark.parametrize("data,why", [
    (b'[{"text": "Storm hits the coast."}]', "a JSON array"),
    (b"id,title,text\n1,a,Storm hits\n2,b,People flee\n3,c,More rain\n", "looks like CSV"),
    (b"%PDF-1.7 binary", "a PDF file"),
])
def test_a_file_without_extension_is_never_digested_as_raw_text_when_it_is_data(tmp_path, data, why):
    p = tmp_path / "export"
    p.write_bytes(data)
    with pytest.raises(InputError, match=why):
        load([p])


def test_standard_input_reads_an_article_jsonl_or_a_page(tmp_path):
    from storylens.ingest import load_stdin, read_stdin

    (a,) = load_stdin(STORY.encode()).articles
    assert a.text == STORY and a.path == "<stdin>"
    res = load_stdin(b'{"id": "x1", "text": "%s"}\n{"id": "x2", "text": "Second report about Mogok."}\n'
                     % STORY.encode())
    assert [a.id for a in res.articles] == ["x1", "x2"]
    page = f"<html><head><title>Mogok</title></head><body><article><p>{STORY}</p><p>{STORY}</p></article>"
    assert "Dozens of miners" in load_stdin(page.encode()).articles[0].text
    with pytest.raises(InputError, match="standard input is empty"):
        load_stdin(b"  \n")
    with pytest.raises(LimitError, match="max_expanded_bytes"):
        read_stdin(Limits(max_expanded_bytes=10), io.BytesIO(b"x" * 11))
    assert read_stdin(Limits(max_expanded_bytes=10), io.BytesIO(b"x" * 10)) == b"x" * 10


def test_input_list_reads_paths_one_a_line(tmp_path):
    from storylens.ingest import read_input_list

    (tmp_path / "a.txt").write_text(STORY)
    lst = tmp_path / "list.txt"
    lst.write_bytes(b"# today's files\n" + str(tmp_path / "a.txt").encode() + b"\n\n  b.txt  \n")
    assert read_input_list(lst) == [str(tmp_path / "a.txt"), "b.txt"]
    lst.write_bytes(b"# nothing\n")
    with pytest.raises(InputError, match="names no files"):
        read_input_list(lst)
    lst.write_bytes(b"a\nb\nc\n")
    with pytest.raises(LimitError, match="max_files"):
        read_input_list(lst, Limits(max_files=2))


@pytest.mark.parametrize("charset,text", [
    ("windows-1251", "Спасатели искали выживших под завалами в Могоке во вторник."),
    ("koi8-r", "Спасатели искали выживших под завалами в Могоке во вторник."),
    ("windows-1250", "Záchranáři hledali přeživší v sutinách v úterý ráno."),
])
def test_html_is_decoded_in_the_charset_it_declares(tmp_path, charset, text):
    body = "".join(f"<p>{text} Абзац {i}.</p>" if "1250" not in charset else f"<p>{text} Odstavec {i}.</p>"
                   for i in range(4))
    page = f'<html><head><meta charset="{charset}"><title>T</title></head><body><article>{body}</article></body>'
    p = tmp_path / "page.html"
    p.write_bytes(page.encode(charset))
    (a,) = load([p]).articles
    assert text in a.text


def test_utf16_without_bom_is_text(tmp_path):
    for codec in ("utf-16-le", "utf-16-be"):
        p = tmp_path / f"{codec}.txt"
        p.write_bytes(STORY.encode(codec))
        (a,) = load([p]).articles
        assert a.text == STORY


def test_lone_surrogates_controls_and_absurd_dates_never_reach_an_article(tmp_path):
    rows = [{"id": "s1", "text": STORY + " \ud800 \x1b[31mred\x1b[0m \x07", "title": "Mogok \udfff\x1b]0;x\x07",
             "published": "9999-12-31T23:00:00+05:00"},
            {"id": "s2", "text": STORY, "published": "0001-01-05"},
            {"id": "s3", "text": STORY, "published": "2016-10-13"}]
    p = tmp_path / "s.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    res = load([p])
    a1, a2, a3 = res.articles
    assert a1.text == STORY + " red" and a1.title == "Mogok"
    assert (a1.published, a2.published, a3.published) == (None, None, "2016-10-13")
    assert len(res.notes) == 2 and "9999-12-31" in res.notes[0] and "kept undated" in res.notes[0]
    feed = tmp_path / "f.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>A &#xD800; '
                    f"&#x110000; &#0;</title><description>{STORY} &#xD800;</description>"
                    "<pubDate>Fri, 31 Dec 9999 23:00:00 +0500</pubDate></item></channel></rss>")
    (f,) = load([feed]).articles
    assert f.title == "A \ufffd \ufffd \ufffd" and f.published is None and STORY in f.text
    f.text.encode("utf-8")


def test_limits_on_records_depth_and_files(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_text(json.dumps({"text": STORY, "x": [[[[1]]]]}) + "\n" + json.dumps({"text": STORY + " Again."}))
    res = load([p], limits=Limits(max_depth=3))
    assert len(res.articles) == 1 and "over the limit of 3 levels (max_depth; raise it with --max-depth)" in \
        res.skipped[0].reason
    with pytest.raises(LimitError, match=r"more than 1 lines: over the limit of 1 records \(max_records"):
        load([p], limits=Limits(max_records=1))
    feed = tmp_path / "f.rss"
    items = "".join(f"<item><title>T{i}</title><description>{STORY}</description></item>" for i in range(3))
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>')
    with pytest.raises(LimitError, match="3 entries: over the limit of 2 records"):
        load([feed], limits=Limits(max_records=2))
    d = tmp_path / "many"
    d.mkdir()
    for i in range(3):
        (d / f"{i}.txt").write_text(STORY)
    with pytest.raises(LimitError, match=r"more than 2 files: over the limit of 2 files \(max_files"):
        load([d], limits=Limits(max_files=2))
    assert len(load([d], limits=Limits(max_files=3)).articles) == 3


def test_a_bad_line_of_a_jsonl_file_alone_is_named_in_the_warnings(tmp_path):
    p = tmp_path / "deep.jsonl"
    p.write_text('{"text": ' + "[" * 1000 + "]" * 1000 + "}\n")
    with pytest.raises(InputError, match="no article with text"):
        load([p])


@pytest.mark.parametrize("name,data", [("fd63", b'{"text": "%s"}\n' % STORY.encode()), ("story.txt", STORY.encode())])
def test_a_fifo_named_by_hand_is_read_like_cat_reads_it(tmp_path, name, data):
    import os
    import threading

    fifo = tmp_path / name
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as fh:
            fh.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        (a,) = load([fifo]).articles
    finally:
        writer.join(timeout=10)
    assert a.text == STORY
