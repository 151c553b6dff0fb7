"""Citations a reader can check: each marker carries its supporting span (hover text in HTML), and the
sources that give a different figure are listed as conflicts in HTML, Markdown and JSON."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from storylens import Article, Options, digest
from storylens.models import Citation
from storylens.report import render, to_dict
from storylens.report.view import digest_view

RULES = Options(use_spacy=False)
EVIL = '"><script>alert(1)</script>'


class _Summary(HTMLParser):
    """The summary paragraphs: per paragraph, its citation links as (href, title) and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.paras: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div" and a.get("class") == "summary":
            self.inside = True
        elif self.inside and tag == "p":
            self.paras.append({"links": [], "text": ""})
        elif self.inside and tag == "a" and self.paras:
            self.paras[-1]["links"].append((a.get("href"), a.get("title")))

    def handle_endtag(self, tag):
        if tag == "div":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.paras:
            self.paras[-1]["text"] += data


def _summary(html: str) -> list[dict]:
    p = _Summary()
    p.feed(html)
    return p.paras


@pytest.fixture(scope="module")
def example(example_articles):
    return digest(example_articles, options=RULES)


# A story of three reports of one shelling: two give 45 killed (in digits and in words), one gives 12.
MARKET = {
    "x.txt": ("Shelling hits Aleppo market",
              "Rebel fighters shelled the western district of Aleppo on Sunday, killing 45 civilians in the crowded "
              "Bustan market, the monitoring group said. Aid workers said the market had been full of shoppers "
              "buying food before the holiday."),
    "y.txt": ("Market shelled in Aleppo",
              "The monitoring group said rebel shelling of the crowded Bustan market in western Aleppo on Sunday "
              "killed 12 civilians. Rescue teams worked through the night to pull survivors from the rubble of "
              "the market."),
    "z.txt": ("Dozens die in Aleppo shelling",
              "The monitoring group said Sunday's rebel shelling of the crowded Bustan market in western Aleppo "
              "killed forty-five civilians, many of them women. Doctors at the city's last hospitals said they "
              "had run out of blood for the wounded."),
}


@pytest.fixture
def market_dir(tmp_path):
    folder = tmp_path / "market"
    folder.mkdir()
    for name, (title, body) in MARKET.items():
        (folder / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def market():
    arts = [Article.from_text(f"{title}\n\n{body}", id=name[0]) for name, (title, body) in MARKET.items()]
    return digest(arts, options=RULES)


def test_every_cited_source_carries_its_span_in_the_view(example):
    v = digest_view(example)
    texts = {a.id: a.text for a in example.articles}
    for s, sv in zip(example.summary.sentences, v.summary):
        assert [c.n for c in sv.cites] == list(sv.sources)
        for c in sv.cites:
            span = next(e for e in s.evidence if e.article_id == c.article_id)
            assert (c.start, c.end) == (span.start, span.end) and c.text == texts[c.article_id][span.start:span.end]
            assert c.text.strip()
    assert sum(len(sv.cites) for sv in v.summary) >= len(v.summary)


def test_html_shows_each_span_on_hover_and_the_conflicts_after_the_sentence(example):
    v = digest_view(example)
    paras = _summary(render(example, "html"))
    assert len(paras) == len(v.summary)
    for para, sv in zip(paras, v.summary):
        cited = [(f"#src-{c.n}", c.text) for c in sv.cites]
        differing = [(f"#src-{c.n}", c.text) for c in sv.conflicts]
        assert para["links"] == cited + differing
        if sv.conflicts:
            assert "differs: " in para["text"]
            for c in sv.conflicts:
                assert f"[{c.n}] says \u201c{c.text}\u201d" in para["text"]
        else:
            assert "differs" not in para["text"]


def test_a_conflict_in_every_format(market):
    """Whichever of the market sentences the summary takes, the outlets that give the other figure are listed,
    not cited, with their own sentence, and the one that gives the same figure in words is cited."""
    example = market
    s = next(s for s in example.summary.sentences if s.conflicts)
    differing = [example.articles[c.doc_index].id for c in s.conflicts]
    cited = sorted(example.articles[i].id for i in s.citations)
    assert (cited, differing) in ((["x", "z"], ["y"]), (["y"], ["x", "z"]))
    arts = {a.id: a for a in example.articles}
    n = {a.id: k for k, a in enumerate(example.articles, 1)}
    said = {c.article_id: arts[c.article_id].text[c.start:c.end] for c in s.conflicts}
    assert all(c.doc_index not in s.citations and said[c.article_id].strip() for c in s.conflicts)
    row = next(r for r in to_dict(example)["summary"] if r["text"] == s.text)
    assert row["conflicts"] == [{"article_id": c.article_id, "start": c.start, "end": c.end} for c in s.conflicts]
    assert not {n[c.article_id] for c in s.conflicts} & set(row["sources"])
    md = render(example, "markdown").splitlines()
    at = next(i for i, line in enumerate(md) if line.startswith(s.text.split(",")[0]))
    assert md[at + 2] == "_differs: " + "; ".join(f"[{n[c.article_id]}] says \u201c{said[c.article_id]}\u201d"
                                                  for c in s.conflicts) + "_"
    assert all("differs" not in line for i, line in enumerate(md) if i != at + 2)


def test_hover_text_and_conflicts_are_escaped():
    body = ("Rescuers searched collapsed homes after the quake, which killed 12 people in Mogok, officials said "
            "on Monday. ")
    arts = [Article(id="a", title="Quake", text=body + "The army sent trucks of food to the town."),
            Article(id="b", title="Quake 2", text=f"{EVIL} " + body.replace("12", "40"))]
    d = digest(arts, options=RULES)
    s = d.summary.sentences[0]
    # whatever the summarizer decided, make article b a conflict whose span holds the hostile text
    hostile = Citation("b", 1, 0, arts[1].text.index(" Rescuers"))
    d = replace(d, summary=replace(d.summary, sentences=(replace(s, conflicts=(hostile,)),)))
    html = render(d, "html")
    assert "<script>" not in html
    para = _summary(html)[0]
    assert (f"#src-{[a.id for a in d.articles].index('b') + 1}", EVIL) in para["links"]
    assert f"says \u201c{EVIL}\u201d" in para["text"]
    md = render(d, "markdown")
    assert "<script>" not in md and "_differs: [" in md


def test_the_web_story_page_renders_the_reports_summary_with_its_own_links(market_dir, tmp_path):
    """One template serves both: the story page's summary is the report's partial, its markers link to the
    source's text with the evidence span highlighted, and the differing source links to its own sentence."""
    pytest.importorskip("fastapi", reason="the web app needs the web extra")
    httpx = pytest.importorskip("httpx", reason="httpx is in the test extra")
    from storylens.cli import main
    from storylens.web.app import create_app
    from storylens.web.server import background_server

    store = str(tmp_path / "news.db")
    assert main(["cluster", str(market_dir), "--store", store]) == 0
    with background_server(create_app(store)) as url:
        sid = httpx.get(url + "/api/v1/stories").json()["stories"][0]["id"]
        digest_json = httpx.get(f"{url}/api/v1/stories/{sid}").json()["digest"]
        paras = _summary(httpx.get(f"{url}/stories/{sid}").text)
        texts = {a["id"]: httpx.get(f"{url}/api/v1/articles/{a['id']}").json()["text"] for a in digest_json["articles"]}
    ids = {a["n"]: a["id"] for a in digest_json["articles"]}
    ids_n = {aid: n for n, aid in ids.items()}
    assert len(paras) == len(digest_json["summary"]) and any(s["conflicts"] for s in digest_json["summary"])
    for para, s in zip(paras, digest_json["summary"]):
        spans = {e["article_id"]: e for e in reversed(s["evidence"])}
        want = [ids[n] for n in s["sources"]] + [c["article_id"] for c in s["conflicts"]]
        got = []
        for (href, _), aid in zip(para["links"], want):
            e = spans[aid] if len(got) < len(s["sources"]) else s["conflicts"][len(got) - len(s["sources"])]
            assert href == f"/articles/{aid}?start={e['start']}&end={e['end']}#hl"
            got.append(aid)
        assert got == want and len(para["links"]) == len(want)
        assert ("differs: " in para["text"]) == bool(s["conflicts"])
        for c in s["conflicts"]:  # the differing source is quoted, as in the report
            said = texts[c["article_id"]][c["start"]:c["end"]]
            assert said.strip() and f"[{ids_n[c['article_id']]}] says \u201c{said}\u201d" in para["text"]
