"""The command line: what it prints, the exit status and the one-line errors."""

import json
import subprocess
import sys

import pytest

from storylens import __version__
from storylens.cli import main


def test_digest_markdown_to_stdout(example_dir, capsys):
    assert main(["digest", str(example_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ") and "## Sources" in out and "[5]" in out


def test_digest_json_and_html_to_files(example_dir, tmp_path):
    j, h = tmp_path / "d.json", tmp_path / "d.html"
    assert main(["digest", str(example_dir), "--format", "json", "-o", str(j), "--words", "80"]) == 0
    data = json.loads(j.read_text())
    assert sum(len(s["text"].split()) for s in data["summary"]) <= 80
    assert len(data["articles"]) == 5
    assert main(["digest", str(example_dir), "--format", "html", "-o", str(h)]) == 0
    page = h.read_text()
    assert page.startswith("<!DOCTYPE html>") and data["articles"][2]["outlet"] in page


@pytest.mark.parametrize("content,needle", [
    (None, "no such file or folder"),
    ("dir", "no articles found in"),
    (b"", "file is empty"),
    (b"\x00\x00\xff", "binary"),
    (b"\x81\x8d\x90 text", "cannot decode"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, content, needle):
    if content is None:
        path = tmp_path / "missing"
    elif content == "dir":
        path = tmp_path
    else:
        path = tmp_path / "bad.txt"
        path.write_bytes(content)
    assert main(["digest", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("storylens: error: ") and needle in err and "\n" not in err
    assert "Traceback" not in err


def test_bad_file_in_folder_warns_and_digests_the_rest(example_dir, tmp_path, capsys):
    for f in sorted(example_dir.iterdir())[:3]:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "zz.txt").write_bytes(b"\x00" * 10)
    assert main(["digest", str(tmp_path)]) == 0
    cap = capsys.readouterr()
    assert "storylens: warning: skipped" in cap.err and "zz.txt" in cap.err
    assert "## Skipped inputs" in cap.out


def test_bad_words_value(example_dir, capsys):
    assert main(["digest", str(example_dir), "--words", "0"]) == 2
    assert "--words" in capsys.readouterr().err


def test_console_script_version_and_module_entry():
    out = subprocess.run([sys.executable, "-m", "storylens", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == f"storylens {__version__}"


def test_same_input_same_output(example_dir, tmp_path):
    outs = []
    for k in range(2):
        out = tmp_path / f"run{k}.json"
        assert main(["digest", str(example_dir), "--format", "json", "--entities", "rules", "-o", str(out)]) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert b'"entities_backend": "rules"' in outs[0]


def test_digest_from_a_missing_store_says_so_and_creates_nothing(tmp_path, capsys):
    db = tmp_path / "typo.db"
    assert main(["digest", "--store", str(db), "--story", "s1"]) == 2
    assert "storylens: error:" in capsys.readouterr().err
    assert not db.exists()


def test_public_api_names(example_dir):
    import storylens

    assert {"summarize", "digest", "cluster", "load_articles", "open_store"} <= set(storylens.__all__)
    arts = storylens.load_articles([example_dir])
    stories = storylens.cluster(arts)
    assert sorted(a for s in stories for a in s.article_ids) == sorted(a.id for a in arts)
    assert len(storylens.summarize(arts, max_words=50).sentences) >= 1


# --- a newcomer's first hour: every behaviour with its message and exit status -----------------------

def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("storylens: error: "), err
    assert "Traceback" not in err
    return lines[0]


def test_a_page_with_nothing_to_summarize_is_an_error_naming_the_file(tmp_path, capsys):
    page = tmp_path / "login.txt"
    page.write_text("Login\n\nHome | News | Sport\n\n1 sources\n", encoding="utf-8")
    assert main(["digest", str(page)]) == 2
    line = _one_error_line(capsys)
    assert str(page) in line and "nothing to digest" in line and "no sentence of 5 to 70 words" in line
    missing = tmp_path / "404.html"
    missing.write_text("<html><head><title>404 Not Found</title></head><body><nav><a href='/'>Home</a></nav>"
                       "<h1>Not Found</h1><footer>(c) 2024 Example</footer></body></html>", encoding="utf-8")
    assert main(["digest", str(missing)]) == 2
    line = _one_error_line(capsys)
    assert str(missing) in line and ("no article text" in line or "nothing to digest" in line)


@pytest.mark.parametrize("name,hint", [("data.csv", ".jsonl"), ("data.json", ".jsonl"),
                                       ("paper.pdf", "convert it"), ("memo.docx", "convert it")])
def test_an_unknown_extension_is_refused_by_name(tmp_path, capsys, name, hint):
    path = tmp_path / name
    path.write_text("a,b,c\n1,2,3\n" if name.endswith(".csv") else '[{"text": "x"}]', encoding="utf-8")
    assert main(["digest", str(path)]) == 2
    line = _one_error_line(capsys)
    assert name in line and "are not read" in line and hint in line and ".txt" in line


def _run_cli(args, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storylens", *args], input=stdin, capture_output=True,
                          timeout=120)


def test_digest_reads_an_article_from_standard_input(example_dir):
    text = sorted(example_dir.iterdir())[2].read_bytes()
    out = _run_cli(["digest", "-", "--entities", "rules"], stdin=text)
    assert out.returncode == 0, out.stderr
    md = out.stdout.decode("utf-8")
    assert md.startswith("# US, Russia trade blows") and "\n_1 source_\n" in md and "[1]" in md and "[2]" not in md


def test_digest_reads_jsonl_from_standard_input(example_dir):
    lines = [json.dumps({"id": f"r{i}", "text": p.read_text(encoding="utf-8")})
             for i, p in enumerate(sorted(example_dir.iterdir())[:3])]
    out = _run_cli(["digest", "-", "-f", "json", "--entities", "rules"], stdin="\n".join(lines).encode())
    assert out.returncode == 0, out.stderr
    assert [a["id"] for a in json.loads(out.stdout)["articles"]] == ["r0", "r1", "r2"]
    empty = _run_cli(["digest", "-"], stdin=b"")
    assert empty.returncode == 2 and b"standard input is empty" in empty.stderr


def test_input_list_reads_paths_from_a_file(example_dir, tmp_path, capsys):
    files = sorted(example_dir.iterdir())
    lst = tmp_path / "inputs.txt"
    lst.write_text(f"# two of the five\n{files[0]}\n\n{files[3]}\n", encoding="utf-8")
    out = tmp_path / "d.json"
    assert main(["digest", "--input-list", str(lst), "-f", "json", "--entities", "rules", "-o", str(out)]) == 0
    assert [a["id"] for a in json.loads(out.read_text())["articles"]] == [files[0].stem, files[3].stem]
    assert main(["digest", "--input-list", str(tmp_path / "none.txt")]) == 2
    assert "cannot read the input list" in _one_error_line(capsys)


def test_quiet_silences_warnings_and_verbose_says_what_was_read(example_dir, tmp_path, capsys):
    for f in sorted(example_dir.iterdir())[:2]:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "zz.txt").write_bytes(b"\x00" * 10)
    assert main(["digest", str(tmp_path), "--entities", "rules", "-q"]) == 0
    cap = capsys.readouterr()
    assert cap.err == "" and cap.out.startswith("# ")
    assert main(["digest", str(tmp_path), "--entities", "rules", "-v"]) == 0
    err = capsys.readouterr().err
    assert "storylens: warning: skipped" in err and "storylens: read 2 article(s)" in err and "digested in" in err


def test_every_limit_has_a_flag_and_the_error_names_it(example_dir, capsys):
    from storylens.limits import FLAGS

    help_text = _help(["digest"])
    assert all(flag in help_text for flag in FLAGS.values())
    big = sorted(example_dir.iterdir())[0]
    assert main(["digest", str(big), "--max-input-bytes", "100"]) == 2
    line = _one_error_line(capsys)
    assert big.name in line and "--max-input-bytes" in line
    assert main(["digest", str(big), "--max-records", "0"]) == 2
    assert "--max-records must be a positive number" in _one_error_line(capsys)


def test_csv_holds_the_figures_and_the_quotes(example_dir, capsys):
    import csv
    import io

    assert main(["digest", str(example_dir), "-f", "csv", "--entities", "rules"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    kinds = {r["section"] for r in rows}
    assert kinds == {"figure", "quote"}
    trapped = [r for r in rows if r["section"] == "figure" and r["what"] == "people trapped"]
    assert trapped and trapped[0]["amount"] == "more than 250,000" and trapped[0]["source"] == "1"
    assert any(r["section"] == "quote" and r["who"] == "John Kerry" and r["role"] for r in rows)


def _help(argv) -> str:
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), pytest.raises(SystemExit):
        main([*argv, "--help"])
    return buf.getvalue()


def test_every_command_and_option_has_help_and_digest_comes_first():
    import argparse

    from storylens.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    listed = [a.dest for a in sub._choices_actions]
    assert listed[0] == "digest" and all(a.help for a in sub._choices_actions)
    for name, p in sub.choices.items():
        for action in p._actions:
            if action.option_strings or action.dest not in ("help",):
                assert action.help, f"{name}: {action.option_strings or action.dest} has no help"
    assert "{centroid,coverage,scored,storylens}" in _help(["digest"])


def _store(example_dir, tmp_path, capsys) -> str:
    db = str(tmp_path / "news.db")
    assert main(["cluster", str(example_dir), "--store", db]) == 0
    capsys.readouterr()
    return db


def test_a_stored_story_has_the_same_title_and_source_numbers_everywhere(example_dir, tmp_path, capsys):
    db = _store(example_dir, tmp_path, capsys)
    assert main(["stories", "--store", db, "-f", "json"]) == 0
    story = json.loads(capsys.readouterr().out)[0]
    assert main(["digest", "--store", db, "--story", story["id"], "-f", "json", "--entities", "rules"]) == 0
    stored = json.loads(capsys.readouterr().out)
    assert main(["digest", str(example_dir), "-f", "json", "--entities", "rules"]) == 0
    folder = json.loads(capsys.readouterr().out)
    assert stored["title"] == story["title"]
    assert [(a["n"], a["id"]) for a in stored["articles"]] == [(a["n"], a["id"]) for a in folder["articles"]]


def test_search_limit_zero_means_all_and_says_how_many(example_dir, tmp_path, capsys):
    db = _store(example_dir, tmp_path, capsys)
    assert main(["search", "--store", db, "Aleppo", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "(2 of 5 matching articles; --limit 0 shows all)" in out
    assert main(["search", "--store", db, "Aleppo", "--limit", "0"]) == 0
    out = capsys.readouterr().out
    assert "(5 matching articles)" in out and out.count("\n    ") == 5
    assert main(["search", "--store", db, "Aleppo", "--limit", "-1"]) == 2
    assert "--limit must be 0 (all) or more" in _one_error_line(capsys)


def test_a_malformed_search_query_is_an_error_that_says_how_to_quote(example_dir, tmp_path, capsys):
    db = _store(example_dir, tmp_path, capsys)
    assert main(["search", "--store", db, "aleppo AND"]) == 2
    line = _one_error_line(capsys)
    assert "aleppo AND" in line and "double quotes" in line


def test_the_mixed_folder_warning_is_one_short_line(tmp_path, capsys):
    from test_cli_cluster import _jsonl, _records

    src = tmp_path / "feed.jsonl"
    _jsonl(src, _records())
    assert main(["digest", str(src), "--entities", "rules"]) == 0
    warnings = [ln for ln in capsys.readouterr().err.splitlines() if "look like" in ln]
    assert warnings == ["storylens: warning: these 7 articles look like 2 stories (of 4, 3 articles) and this "
                        "digest mixes them; storylens cluster groups them"]
    from storylens.cli.digest import mixed_warning

    many = mixed_warning(800, [["x"] * (40 - k) for k in range(30)])
    assert many == ("these 800 articles look like 30 stories (of 40, 39, 38 and 27 more articles) and this digest "
                    "mixes them; storylens cluster groups them")


def _on_a_terminal(args, cwd=None) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal (stdout captured apart); (exit status, what the terminal got)."""
    import os
    import pty
    import threading

    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    proc = subprocess.run([sys.executable, "-m", "storylens", *args], stdout=subprocess.PIPE, stderr=slave,
                          stdin=subprocess.DEVNULL, timeout=300, cwd=cwd)
    os.close(slave)
    reader.join(timeout=10)
    os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def test_progress_bars_show_on_a_terminal_only_and_never_under_quiet(example_dir, tmp_path):
    for f in sorted(example_dir.iterdir())[:2]:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    rc, term = _on_a_terminal(["digest", str(tmp_path), "--entities", "rules"])
    assert rc == 0 and "reading: 100%" in term and "2/2" in term and "digest: " in term
    rc, term = _on_a_terminal(["digest", str(tmp_path), "--entities", "rules", "-q"])
    assert rc == 0 and term == ""
    off = _run_cli(["digest", str(tmp_path), "--entities", "rules"])
    assert off.returncode == 0 and b"\r" not in off.stderr and b"reading" not in off.stderr


def test_cluster_shows_progress_at_any_size(example_dir, tmp_path):
    rc, term = _on_a_terminal(["cluster", str(example_dir), "--store", str(tmp_path / "n.db")])
    assert rc == 0 and "clustering: 100%" in term and "5/5" in term


def test_the_evaluate_bar_stays_on_screen_at_the_end(tmp_path):
    pytest.importorskip("rouge_score", reason="evaluate needs the eval extra")
    doc = "The flood in the river valley forced thousands from their homes on Monday, officials said."
    data = tmp_path / "tiny.jsonl"
    data.write_text("\n".join(json.dumps({"documents": [doc, doc + " Rescue teams arrived."],
                                          "summaries": [doc]}) for _ in range(3)) + "\n", encoding="utf-8")
    rc, term = _on_a_terminal(["evaluate", "--data", str(data), "--systems", "lead", "--words", "20"])
    assert rc == 0 and "evaluate: 100%" in term
    last = term[term.rindex("3/3"):]
    assert "\n" in last and not last.rstrip("\r\n").endswith(" " * 20)  # the final bar is kept, not blanked
