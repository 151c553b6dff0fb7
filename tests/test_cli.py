import json
import subprocess
import sys

import pytest

from storylens import __version__
from storylens.cli import main

from conftest import EXAMPLE


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


def test_public_api_names():
    import storylens

    assert {"summarize", "digest", "cluster", "load_articles", "open_store"} <= set(storylens.__all__)
    arts = storylens.load_articles([EXAMPLE])
    stories = storylens.cluster(arts)
    assert sorted(a for s in stories for a in s.article_ids) == sorted(a.id for a in arts)
    assert len(storylens.summarize(arts, max_words=50).sentences) >= 1
