"""The renderers: Markdown inert and terminal-safe, HTML from autoescaped templates another page can reuse,
long lists folded in the Markdown digest."""

from __future__ import annotations

import json
import re

import pytest

from storylens import Article, Options, digest
from storylens.cli import main
from storylens.report import render

RULES = Options(use_spacy=False)
EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>"
ANSI = "\x1b[2J\x1b[31mRED\x1b]0;pwned\x07\x9b1m"
BODY = ("Rescuers in Mogok searched collapsed homes after the 6.1 quake, which killed 12 people, officials "
        "said on Monday. The army sent trucks of food and tents to the town, a spokesman said.")


def _hostile() -> Article:
    return Article(id="evil", title=f"Quake {EVIL} {ANSI} *bold* [x](javascript:alert(3))",
                   text=f"{EVIL} A strong quake hit Mogok on Sunday, killing 12 people, officials said. "
                        f"{ANSI}The [link](javascript:alert(4)) and <b onclick=alert(5)>tag</b> stayed. " + BODY,
                   url="javascript:alert(6)", outlet=f"Evil {EVIL}")


def test_markdown_is_inert_for_article_text():
    md = render(digest([_hostile()], options=RULES), "markdown")
    assert "<script" not in md and "<img" not in md and "<b " not in md and "onclick=alert" not in md.replace(
        "&lt;b onclick", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md) and "\\[x\\](javascript:alert(3))" in md
    assert "<javascript:" not in md and "\\*bold\\*" in md
    assert "\x1b" not in md and "\x07" not in md and "\x9b" not in md


def test_no_control_character_reaches_the_terminal_from_articles_or_file_names(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"id": "evil", "title": "Quake " + ANSI, "text": BODY}) + "\n",
                                    encoding="utf-8")
    bad = folder / "bad\x1b[31mname\n.txt"
    bad.write_bytes(b"\x00" * 8)
    assert main(["digest", str(folder), "--entities", "rules"]) == 0
    cap = capsys.readouterr()
    warning = [ln for ln in cap.err.splitlines() if "skipped" in ln]
    assert len(warning) == 1 and "bad\\x1b[31mname\\n.txt" in warning[0]
    db = str(tmp_path / "news.db")
    assert main(["cluster", str(folder / "a.jsonl"), "--store", db]) == 0
    assert main(["stories", "--store", db]) == 0
    assert main(["search", "--store", db, "Mogok"]) == 0
    cap2 = capsys.readouterr()
    for text in (cap.out, cap.err, cap2.out, cap2.err):
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text), repr(text)


def test_html_escapes_everything_from_articles():
    page = render(digest([_hostile()], options=RULES), "html")
    assert "<script" not in page and "<img" not in page and "onclick" not in page.replace("onclick=alert(5)", "")
    assert "&lt;script&gt;" in page and 'href="javascript:' not in page
    assert "1 source</p>" in page or "1 source &middot;" in page


def test_the_templates_are_reusable_by_another_page(example_articles):
    from storylens.report.html import environment
    from storylens.report.view import digest_view

    env = environment()
    page = env.from_string(
        '{% extends "base.html" %}{% block title %}Story {{ view.title }}{% endblock %}'
        '{% block body %}<main>{% include "_summary.html" %}{% include "_sources.html" %}</main>{% endblock %}')
    d = digest(example_articles, options=RULES)
    html = page.render(view=digest_view(d))
    assert html.startswith("<!DOCTYPE html>") and "<title>Story " in html and "<h2>Summary</h2>" in html
    assert 'id="src-5"' in html and "<h2>Figures</h2>" not in html
    assert env.autoescape is not False and env.get_template("digest.html").render(view=digest_view(d)) == \
        render(d, "html")


def test_the_markdown_digest_folds_long_lists(example_articles):
    d = digest(example_articles, options=RULES)
    md = render(d, "markdown")
    figures = md.split("## Figures\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    multi = [g for g in d.facts if g.status != "single"]
    single = [g for g in d.facts if g.status == "single"]
    assert multi and single
    assert len(figures) == len(multi) + 1 and all("**" in ln for ln in figures[:len(multi)])
    assert figures[-1] == (f"- _{len(single)} figures reported by one source only "
                           "(`--format json`, `html` or `csv` lists them all)._")
    quotes = md.split("## Quotes\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(d.quotes) > 10 and len(quotes) == 11
    assert quotes[-1] == f"- _{len(d.quotes) - 10} more quotes (`--format json`, `html` or `csv` lists them all)._"
    assert quotes[0].startswith("- \u201c" + d.quotes[0].text[:20])
    # the HTML page and the JSON keep every quote
    assert render(d, "html").count("<blockquote>") == len(d.quotes)
    assert len(json.loads(render(d, "json"))["quotes"]) == len(d.quotes)


@pytest.mark.parametrize("n,said", [(1, "_1 source"), (2, "_2 sources")])
def test_one_source_is_one_source(example_articles, n, said):
    md = render(digest(example_articles[:n], options=RULES, check_mixed=False), "markdown")
    assert md.splitlines()[2].startswith(said + " ") or md.splitlines()[2] == said + "_"


def test_the_note_on_a_mixed_input_names_the_three_largest_stories(example_articles):
    from dataclasses import replace

    d = digest(example_articles, options=RULES, check_mixed=False)
    many = replace(d, meta=replace(d.meta, stories_in_input=tuple(("a",) * (9 - k) for k in range(7))))
    note = "These articles look like 7 stories (of 9, 8, 7 and 4 more articles): this digest mixes them."
    assert f"> **Note:** {note}" in render(many, "markdown") and note in render(many, "html")


def test_quotes_are_shown_by_their_rank(example_articles):
    from dataclasses import replace

    d = digest(example_articles[:3], options=RULES, check_mixed=False)
    shown = [q for q in d.quotes if not q.in_summary]  # the summary states the others in full
    assert len(shown) >= 3
    flipped = replace(d, quotes=tuple(replace(q, rank=len(shown) - i) for i, q in enumerate(shown)))
    md = render(flipped, "markdown")
    quotes = md.split("## Quotes\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert quotes[0].startswith("- \u201c" + shown[-1].text[:15]) and quotes[1].startswith(
        "- \u201c" + shown[-2].text[:15])
