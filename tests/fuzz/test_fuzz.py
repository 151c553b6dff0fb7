"""Fuzzing: every reader and format, standard input, the digest and the renderers.

Every outcome is a result or one of our own errors (a StorylensError), never a foreign exception; what
comes out is valid, printable Unicode; and neither the HTML nor the Markdown output carries an
executable tag, an event-handler attribute or a ``javascript:``/``data:`` URL from the input.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("hypothesis", reason="the fuzzing suite needs hypothesis (pip install 'storylens[test]')")

from fuzz_budget import budgeted  # noqa: E402
from fuzz_strategies import FILES, article_text, payload, prose  # noqa: E402
from inert import assert_inert_html, assert_inert_markdown, markdown_escaping_landed  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from storylens.errors import StorylensError  # noqa: E402
from storylens.ingest import load, load_stdin  # noqa: E402
from storylens.ingest.build import article_from_text  # noqa: E402
from storylens.limits import Limits  # noqa: E402
from storylens.models import Article  # noqa: E402

# the profile's example count is per reader; standard input takes every format, so twice that; a digest
# costs ten readers' examples, so fewer
_N = settings().max_examples

# small limits, so that the limits themselves are fuzzed too (and a bomb costs nothing)
LIMITS = Limits(max_input_bytes=200_000, max_expanded_bytes=2_000_000, max_records=50, max_line_bytes=100_000,
                max_depth=40, max_files=20)
_BAD = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def check_article(a: Article) -> None:
    for value in (a.id, a.text, a.title, a.url, a.outlet, a.author, a.agency, a.dateline, a.path):
        assert isinstance(value, str)
        value.encode("utf-8")  # no lone surrogate
        assert not _BAD.search(value), repr(value)
    if a.published is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.published) and "1800" <= a.published[:4] <= "2100"


def read_file(ext: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"fuzz{ext}"
        p.write_bytes(data)
        try:
            res = load([p], limits=LIMITS)
        except StorylensError as exc:
            assert "\n" not in str(exc)
            return
    for a in res.articles:
        check_article(a)
    for s in res.skipped:
        assert "\n" not in s.path + s.reason


def _reader_test(ext: str, name: str):
    def test(data: bytes) -> None:
        read_file(ext, data)

    test.__name__ = name  # before budgeted: each format has its own count and its own time
    test.__doc__ = f"Every {ext or 'extension-less'} file gives articles or our own error."
    return given(FILES[ext])(budgeted(test))


# one test per format (so each has its own examples and statistics): test_reader_txt, ..., test_reader_noext
for _ext in sorted(FILES):
    _name = "test_reader_" + (_ext.strip(".").replace(".", "_") or "noext")
    globals()[_name] = _reader_test(_ext, _name)


@settings(max_examples=2 * _N)
@given(st.one_of(*FILES.values()))
@budgeted
def test_stdin_gives_articles_or_our_error(data):
    try:
        res = load_stdin(data, LIMITS)
    except StorylensError as exc:
        assert "\n" not in str(exc)
        return
    for a in res.articles:
        check_article(a)


# -- the digest and its renderers ---------------------------------------------------------------------
_TEXT = st.lists(st.sampled_from([
    "Russian warplanes struck Aleppo on Tuesday, killing 12 people, officials said.",
    "\u201cWe will not leave,\u201d said Ahmad Khatib, a rescuer in the city.",
    "The United Nations said 250,000 people were trapped in the east of the city.",
    "Aid convoys waited at the border for a second day on Wednesday.",
]) | article_text, min_size=2, max_size=6).map(" ".join)
# the fields of an article, made into one in the test (the cleaning must not run inside a strategy)
_ARTICLE = st.fixed_dictionaries({
    "text": _TEXT, "title": payload | prose, "url": payload | st.sampled_from(["https://x.org/a", ""]),
    "outlet": payload | st.sampled_from(["Reuters", ""]),
    "published": st.sampled_from([None, "2016-10-13", "9999-12-31", "bad"])})
_ARTICLES = st.lists(_ARTICLE, min_size=1, max_size=4)


def _articles(fields: list[dict]) -> list[Article]:
    return [article_from_text(f.pop("text"), id=f"a{k}", **f) for k, f in enumerate(dict(x) for x in fields)]


def _digest(fields):
    from storylens import digest
    from storylens.config import Options

    articles = _articles(fields)
    try:
        return digest(articles, options=Options(max_words=80, use_spacy=False))
    except StorylensError:
        return None


@pytest.fixture(scope="module")
def baseline_tags() -> set[str]:
    """The tags the HTML report uses on benign input (its own, not the input's)."""
    from lxml import html as lh

    from storylens import digest, render
    from storylens.config import Options

    arts = [article_from_text("Russian warplanes struck Aleppo on Tuesday, killing 12 people, officials said. "
                              "Aid convoys waited at the border.", id=f"b{i}", title="Aleppo strikes",
                              url="https://x.org/a", published="2016-10-13") for i in range(2)]
    d = digest(arts, options=Options(max_words=80, use_spacy=False))
    return {el.tag.lower() for el in lh.document_fromstring(render(d, "html")).iter() if isinstance(el.tag, str)}


@settings(max_examples=max(10, _N * 5 // 12))
@given(_ARTICLES)
@budgeted
def test_digest_and_renderers_are_safe(baseline_tags, articles):
    from storylens import render

    d = _digest(articles)
    if d is None:
        return
    out = render(d, "json")
    data = json.loads(out)
    assert isinstance(data, dict)
    out.encode("utf-8")
    assert_inert_html(render(d, "html"), baseline_tags)
    md = render(d, "markdown")
    md.encode("utf-8")
    if markdown_escaping_landed():
        assert_inert_markdown(md)


@pytest.mark.skipif(not markdown_escaping_landed(), reason="Markdown escaping of article text is landing")
@settings(max_examples=max(10, _N * 5 // 12))
@given(_ARTICLES)
@budgeted
def test_markdown_is_inert(articles):
    from storylens import render

    d = _digest(articles)
    if d is not None:
        assert_inert_markdown(render(d, "markdown"))


def test_the_inertness_checks_can_fail():
    """The checks above would see an attack if one got through."""
    with pytest.raises(AssertionError):
        assert_inert_html('<html><body><img src=x onerror="alert(1)"></body></html>', set())
    with pytest.raises(AssertionError):
        assert_inert_html('<html><body><a href=" javascript:alert(1)">x</a></body></html>', set())
    with pytest.raises(AssertionError):
        assert_inert_markdown("Title <script>alert(1)</script>")
    with pytest.raises(AssertionError):
        assert_inert_markdown("[x](javascript:alert(1))")
    assert_inert_markdown("See <https://x.org/a> and 3 < 4 &lt;script&gt;")
