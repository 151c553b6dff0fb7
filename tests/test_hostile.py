"""The hostile-input catalogue: every file an attacker or a careless user might give, made in tmp_path.

Each case says the exit status, the one-line message, and that the good files beside it are still
digested.  The command runs in a subprocess under a memory cap (RLIMIT_AS) and a timeout, so a bomb
that expands or a parser that recurses shows as a failure here, not as a slow machine.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inert import assert_inert_html, assert_inert_markdown, markdown_escaping_landed
from storylens.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "aleppo-2016"
MEMORY_CAP = 1 << 30  # 1 GiB of address space for the whole process
TIMEOUT = 90


def run_cli(*args: str, cwd: Path, stdin: bytes | None = None) -> tuple[int, str, str, float, float]:
    """(exit status, stdout, stderr, seconds, peak resident MB) of ``storylens ARGS`` under the caps."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", PYTHONWARNINGS="ignore")
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "storylens", *args], cwd=cwd, env=env, preexec_fn=cap,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = proc.communicate(stdin, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(f"storylens {' '.join(args)} ran past {TIMEOUT} s")
    seconds = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), seconds, peak


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("storylens: error: "), err
    assert "Traceback" not in err
    return lines[0]


# -- the hostile files ---------------------------------------------------------------------------------
LAUGHS = ('<!DOCTYPE {root} [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                    for i in range(1, 10))
          + '<!ENTITY xxe SYSTEM "file://{secret}">]>')


def rss(title: str, body: str, prolog: str = "", date: str = "Thu, 13 Oct 2016 10:00:00 GMT") -> str:
    return (f'<?xml version="1.0"?>{prolog}<rss version="2.0"><channel><title>Wire</title><item>'
            f"<title>{title}</title><link>https://example.org/a</link><description>{body}</description>"
            f"<pubDate>{date}</pubDate></item></channel></rss>")


def atom(title: str, body: str, prolog: str = "") -> str:
    return (f'<?xml version="1.0"?>{prolog}<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
            f"<entry><title>{title}</title><id>urn:x:1</id><updated>2016-10-13T10:00:00Z</updated>"
            f'<content type="text">{body}</content></entry></feed>')


STORY = "Russian warplanes struck rebel-held districts of Aleppo on Thursday. Rescuers said dozens were killed."


def gzip_members(pieces: list[bytes]) -> bytes:
    return b"".join(gzip.compress(p, 9) for p in pieces)


def zeros_bomb(total: int, member: int = 1 << 22) -> bytes:
    """gzip members of zeros that expand to ``total`` bytes (a few KB per 4 MB of expansion)."""
    one = gzip.compress(b"0" * member, 9)
    return one * (total // member)


def warc_record(url: str, html: bytes, claimed: int | None = None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    length = len(http) if claimed is None else claimed
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{abs(hash(url)) % 10**12:012d}>\r\n"
            f"WARC-Date: 2016-10-13T10:00:00Z\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; "
            f"msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def page(title: str, text: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{text} Paragraph {i} adds more reporting from the scene today.</p>" for i in range(4))
            + "</article></body></html>").encode()


def deep_page(levels: int) -> bytes:
    """A page of one story inside ``levels`` nested elements."""
    body = page("Deep", STORY).split(b"<body>")[1].split(b"</body>")[0]
    return (b"<html><head><title>Deep</title></head><body>" + b"<div>" * levels + body + b"</div>" * levels
            + b"</body></html>")


def hostile_folder(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder of two good articles and one hostile file of each kind; returns it and, per hostile
    file name, the reason its warning must give."""
    d = tmp_path / "in"
    d.mkdir()
    for f in sorted(EXAMPLE.iterdir())[:2]:
        (d / f.name).write_bytes(f.read_bytes())
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-LOCAL-FILE")
    expect: dict[str, str] = {}
    (d / "laughs.rss").write_text(rss("&lol9; &xxe;", f"{STORY} &lol9; &xxe;",
                                      LAUGHS.format(root="rss", secret=secret)))
    (d / "laughs.atom").write_text(atom("&lol9; &xxe;", f"{STORY} &lol9; &xxe;",
                                        LAUGHS.format(root="feed", secret=secret)))
    (d / "bomb.jsonl.gz").write_bytes(zeros_bomb(64 << 20))  # one line of zeros: past max_line_bytes
    expect["bomb.jsonl.gz"] = "max_line_bytes"
    (d / "newlines.jsonl.gz").write_bytes(gzip.compress(b"\n" * (1 << 22)))  # 4 M lines
    expect["newlines.jsonl.gz"] = "max_records"
    (d / "deep.jsonl").write_text('{"text": ' + "[" * 1000 + "]" * 1000 + "}\n")
    expect["deep.jsonl"] = "max_depth"
    (d / "deep.html").write_bytes(deep_page(100_000))
    expect["deep.html"] = "HTML nested deeper: over the limit of 100 levels (max_depth; raise it with --max-depth)"
    (d / "deep.rss").write_text(rss("Deep", STORY + "<x>" * 100_000 + "</x>" * 100_000))
    expect["deep.rss"] = "XML nested deeper: over the limit of 100 levels (max_depth; raise it with --max-depth)"
    (d / "deep.atom").write_text(atom("Deep", STORY).replace("</entry>", "<x>" * 5000 + "</x>" * 5000 + "</entry>"))
    expect["deep.atom"] = "XML nested deeper"
    (d / "deep.warc").write_bytes(warc_record("https://example.org/deep", deep_page(5000)))
    expect["deep.warc"] = "HTML nested deeper"
    os.mkfifo(d / "pipe.txt")
    expect["pipe.txt"] = "not a regular file (a FIFO)"
    (d / "loop").symlink_to(d, target_is_directory=True)
    expect["loop"] = "loop"
    (d / "outside.txt").symlink_to(secret)
    expect["outside.txt"] = "a link out of the folder"
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\x03\x04\x05\xc3\x28" * 200)
    expect["binary.txt"] = "binary"
    damaged = (STORY + " Schools stayed shut.").encode().replace(b"Rescuers", b"Rescuers \xc3\x28\x81")
    (d / "invalid.txt").write_bytes(damaged)
    (d / "utf16.txt").write_bytes((STORY + " Aid convoys waited at the border.").encode("utf-16-le"))
    (d / "nul.txt").write_bytes((STORY + " Hospitals ran out of fuel.").encode().replace(b" ", b" \x00", 3))
    good = warc_record("https://example.org/p1", page("Aleppo strikes", STORY))
    (d / "truncated.warc").write_bytes(good + warc_record("https://example.org/p2", page("Second", STORY))[:300])
    expect["truncated.warc"] = "truncated"
    (d / "huge.warc").write_bytes(warc_record("https://example.org/h", page("Huge", STORY), claimed=10**12))
    expect["huge.warc"] = "max_expanded_bytes"
    bomb_head = warc_record("https://example.org/b", b"", claimed=3 << 30)
    (d / "bomb.warc.gz").write_bytes(gzip.compress(bomb_head[:-4]) + zeros_bomb(256 << 20))
    expect["bomb.warc.gz"] = "max_expanded_bytes"
    (d / "empty\nname.txt").write_bytes(b"")
    expect["empty\\nname.txt"] = "file is empty"
    (d / os.fsdecode(b"caf\xe9.txt")).write_bytes(b"")
    expect["caf\\xe9.txt"] = "file is empty"
    (d / "surrogate.jsonl").write_text(json.dumps({"text": STORY + " \ud800 \x1b[31mred\x1b[0m",
                                                   "title": "Strikes \ud800 \x1b]0;owned\x07",
                                                   "published": "9999-12-31T23:00:00+05:00"}) + "\n")
    (d / "charref.rss").write_text(rss("A &#xD800; &#x110000; &#0; title", f"{STORY} &#xD800; &#x110000;",
                                       date="Fri, 31 Dec 9999 23:00:00 +0500"))
    return d, expect


def test_hostile_folder_is_digested_within_bounds(tmp_path):
    d, expect = hostile_folder(tmp_path)
    rc, out, err, seconds, peak = run_cli("digest", "--entities", "rules", "-f", "json", str(d), cwd=tmp_path)
    assert rc == 0, err
    assert "Traceback" not in err
    warnings = err.strip().splitlines()
    assert all(w.startswith("storylens: warning: ") for w in warnings), warnings
    for name, why in expect.items():
        hits = [w for w in warnings if f"/{name}" in w]
        assert hits and why in hits[0], (name, why, warnings)
    digest = json.loads(out)
    ids = {a["id"] for a in digest["articles"]}
    # the good files, and the hostile files that are text after all, are digested
    assert {"000_b67d97862a5b7852", "001_6c8ea8deb207d1f7", "utf16", "nul", "invalid"} <= ids, ids
    assert "https://example.org/p1" in ids  # the complete record before the truncation
    text = json.dumps(digest, ensure_ascii=False)
    assert "TOPSECRET" not in text and "lollollol" not in text  # no entity expanded, no local file read
    assert "\ud800" not in out and "\x1b" not in text and "\\u001b" not in text
    assert "9999" not in json.dumps([a.get("published") for a in digest["articles"]])
    assert seconds < 60 and peak < 1024, (seconds, peak)


@pytest.mark.parametrize("name,make,limit", [
    ("bomb.jsonl.gz", lambda: zeros_bomb(64 << 20), "max_line_bytes"),
    ("lines.jsonl", lambda: b'{"text": "x"}\n' * 200_001, "max_records"),
    ("big.warc", lambda: warc_record("https://example.org/h", b"<p>x</p>", claimed=10**12), "max_expanded_bytes"),
    ("deep.html", lambda: deep_page(1_000_000), "max_depth"),
    ("deep.xml", lambda: rss("Deep", STORY + "<x>" * 1_000_000 + "</x>" * 1_000_000).encode(), "max_depth"),
    # the limits of one digest (one story), met while reading: the 10,001st article, the 10,000,001st character
    ("many.jsonl", lambda: "".join(json.dumps({"text": f"{STORY} Report {i}."}) + "\n"
                                   for i in range(10_001)).encode(), "max_story_articles"),
    ("long.jsonl", lambda: (json.dumps({"text": STORY + " Rescuers dug." * 240_000}) + "\n").encode() * 3,
     "max_story_chars"),
])
def test_a_file_over_a_limit_alone_stops_at_once_naming_the_flag(tmp_path, name, make, limit):
    (tmp_path / name).write_bytes(make())
    rc, out, err, seconds, peak = run_cli("digest", name, cwd=tmp_path)
    assert rc == 2 and out == ""
    line = one_line_error(err)
    flag = "--" + limit.replace("_", "-")
    assert line.startswith(f"storylens: error: {name}") and f"({limit}; raise it with {flag})" in line, line
    assert seconds < 30 and peak < 1024, (seconds, peak)


def test_raising_the_limit_with_its_flag_is_what_the_message_says(tmp_path, capsys):
    from storylens.cli import build_parser
    from storylens.limits import FLAGS

    if "--max-records" not in build_parser().format_help() + _digest_help(build_parser()):
        pytest.xfail("the CLI wires the limit flags from storylens.limits.FLAGS")
    p = tmp_path / "lines.jsonl"
    p.write_bytes(b'{"text": "Rescuers searched the rubble in Aleppo after the strikes."}\n' * 3)
    assert main(["digest", "--entities", "rules", str(p), FLAGS["max_records"], "2"]) == 2
    assert "(max_records; raise it with --max-records)" in capsys.readouterr().err
    assert main(["digest", "--entities", "rules", str(p), FLAGS["max_records"], "3"]) == 0


def _digest_help(parser) -> str:
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and "digest" in action.choices:
            return action.choices["digest"].format_help()
    return ""


def test_billion_laughs_and_external_entities_alone(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-LOCAL-FILE")
    for name, doc in (("l.rss", rss("&lol9;", f"{STORY} &lol9; &xxe;", LAUGHS.format(root="rss", secret=secret))),
                      ("l.atom", atom("&lol9;", f"{STORY} &lol9; &xxe;", LAUGHS.format(root="feed", secret=secret)))):
        (tmp_path / name).write_text(doc)
        assert main(["digest", "--entities", "rules", "-f", "json", str(tmp_path / name)]) == 0
        out, err = capsys.readouterr()
        assert "Aleppo" in out and "TOPSECRET" not in out + err and "lollol" not in out + err
        (tmp_path / name).write_text(doc.replace(STORY, ""))  # nothing but the entities: nothing to digest
        assert main(["digest", str(tmp_path / name)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "TOPSECRET" not in err and "lollol" not in err


def test_script_in_a_title_and_javascript_url_stay_inert(tmp_path):
    from lxml import html as lh

    (tmp_path / "ok.txt").write_text(STORY)
    rc, out, err, _, _ = run_cli("digest", "--entities", "rules", "-f", "html", "ok.txt", cwd=tmp_path)
    assert rc == 0, err
    baseline = {el.tag for el in lh.document_fromstring(out).iter() if isinstance(el.tag, str)}
    rec = {"text": STORY + " Officials said <script>alert(1)</script> nothing.",
           "title": "<script>alert(1)</script><img src=x onerror=alert(2)>", "url": "javascript:alert(3)",
           "source": "<b onmouseover=alert(4)>Wire</b>"}
    (tmp_path / "x.jsonl").write_text(json.dumps(rec) + "\n")
    rc, out, err, _, _ = run_cli("digest", "--entities", "rules", "-f", "html", "x.jsonl", cwd=tmp_path)
    assert rc == 0, err
    assert_inert_html(out, baseline)
    assert "Aleppo" in out
    rc, out, err, _, _ = run_cli("digest", "--entities", "rules", "-f", "markdown", "x.jsonl", cwd=tmp_path)
    assert rc == 0, err
    if not markdown_escaping_landed():
        pytest.xfail("Markdown escaping of article text is landing with the report work")
    assert_inert_markdown(out)


def test_file_names_with_newlines_and_bad_bytes_never_traceback(tmp_path):
    d = tmp_path / "names"
    d.mkdir()
    (d / "story\none.txt").write_text(STORY)
    (d / os.fsdecode(b"r\xe9sum\xe9.txt")).write_text(STORY.replace("Thursday", "Friday"))
    store = tmp_path / "s.db"
    rc, out, err, _, _ = run_cli("cluster", str(d), "--store", str(store), cwd=tmp_path)
    assert rc == 0 and "Traceback" not in err, err
    assert "added 2 articles" in out
    rc, out, err, _, _ = run_cli("digest", "--entities", "rules", str(d), "-o", str(tmp_path / "o.md"), cwd=tmp_path)
    assert rc == 0 and "Traceback" not in err, err
    md = (tmp_path / "o.md").read_text(encoding="utf-8")
    assert "Aleppo" in md


def test_stdin_and_a_fifo_named_directly(tmp_path):
    rc, out, err, _, _ = run_cli("digest", "--entities", "rules", "-", cwd=tmp_path,
                                 stdin=(json.dumps({"text": STORY}) + "\n").encode())
    if rc == 2 and ("FOLDER_OR_FILES" in err or "no such file" in err):
        pytest.xfail("storylens digest - is wired by the CLI (load_stdin is ready)")
    assert rc == 0 and "Aleppo" in out, err


def test_truncated_gzip_and_garbage_warc_alone(tmp_path, capsys):
    full = gzip_members([b'{"text": "%s"}\n' % STORY.encode()] * 3)
    (tmp_path / "cut.jsonl.gz").write_bytes(full[: len(full) - 20])
    assert main(["digest", "--entities", "rules", str(tmp_path / "cut.jsonl.gz")]) in (0, 2)
    assert "Traceback" not in capsys.readouterr().err
    (tmp_path / "junk.warc").write_bytes(io.BytesIO(os.urandom(4096)).read())
    assert main(["digest", str(tmp_path / "junk.warc")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "junk.warc" in err
