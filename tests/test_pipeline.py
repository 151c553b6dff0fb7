import json

import pytest

import storylens
from storylens.models import Article
from storylens.pipeline import digest
from storylens.report import render, to_dict

BOILERPLATE = ("READ MORE", "Short link", "Source:", "Video:", "Photo", "http", "\u00e2\u20ac", "\u2020")


@pytest.fixture(scope="module")
def example_digest(example_articles):
    return digest(example_articles)


def test_summary_cites_four_outlets_and_stays_clean(example_digest):
    d = example_digest
    cited = {i for s in d.summary.sentences for i in s.citations}
    assert len({d.articles[i].id for i in cited}) >= 4
    assert d.summary.word_count <= 250 and len(d.summary) >= 4
    for s in d.summary.sentences:
        assert not any(b in s.text for b in BOILERPLATE), s.text
        assert not s.text.startswith("Aleppo (Syria) (AFP)")


def test_citations_point_at_sentences_that_are_in_the_sources(example_digest):
    d = example_digest
    for s in d.summary.sentences:
        own = s.evidence[0]
        art = d.articles[own.doc_index]
        assert art.text[own.start:own.end] == s.text
        assert s.citations[0] == own.doc_index


def test_syndicated_sentence_cites_every_outlet_that_carries_it():
    wire = ("The central bank raised its main interest rate by half a percentage point on Thursday, "
            "its biggest increase in two decades, to fight inflation.")
    docs = [
        Article(id="a", text=f"{wire} Markets fell sharply after the announcement in early trading."),
        Article(id="b", text=f"Shoppers braced for higher costs. {wire.replace('on Thursday', 'Thursday')}"),
        Article(id="c", text="A football club won the league title after a dramatic final match in the rain."),
        Article(id="d", text=f"{wire}"),
    ]
    s = storylens.summarize(docs, max_words=60)
    first = next(x for x in s.sentences if "central bank" in x.text)
    assert sorted(first.citations) == [0, 1, 3]
    assert sum("central bank" in x.text for x in s.sentences) == 1  # one content unit, said once


def test_summarize_api_on_strings_respects_budget():
    docs = ["Heavy rain flooded the river valley on Monday. Hundreds of homes were evacuated by rescuers.",
            "Rescuers evacuated hundreds of homes as the river burst its banks. The mayor declared an emergency."]
    s = storylens.summarize(docs, max_words=20)
    assert s.word_count <= 20 and str(s) == s.text == "\n".join(x.text for x in s.sentences)
    assert all(set(x.citations) <= {0, 1} for x in s.sentences)


def test_budget_and_determinism(example_articles):
    a = storylens.summarize(example_articles, max_words=60)
    b = storylens.summarize(list(example_articles), max_words=60)
    assert a == b and a.word_count <= 60


def test_json_schema(example_digest):
    data = json.loads(render(example_digest, "json"))
    assert {"title", "summary", "articles"} <= set(data)
    assert data["title"] == example_digest.title
    ids = [a["id"] for a in data["articles"]]
    for item in data["summary"]:
        assert set(item) >= {"text", "citations"} and item["citations"]
        assert all(c in ids for c in item["citations"])
    for a in data["articles"]:
        assert set(a) >= {"id", "title", "outlet", "url", "published"}
    assert data["articles"][2]["outlet"] == "Reuters"
    # article 1 has no headline: its title was made from its Yahoo URL, and says so
    assert [a["title_inferred"] for a in data["articles"]] == [True, False, False, False, False]


def test_markdown_has_title_citations_and_sources(example_digest):
    md = render(example_digest, "markdown")
    assert md.startswith("# ")
    assert "## Summary" in md and "## Sources" in md
    assert "1. **Yahoo News (via AFP)**" in md and "5. **Al Jazeera**" in md
    # source 1 has no headline: its opening words stand in, not the title made from its URL (shown beside)
    assert "1. **Yahoo News (via AFP)** \u2014 Regime ally Russia carried out its heaviest strikes" in md
    assert "Heaviest russian raids days syrias aleppo" not in md
    body = md.split("## Summary", 1)[1].split("\n## ", 1)[0]
    # every summary line ends with its citations (a line saying which source differs follows its sentence)
    assert all(line.rstrip().endswith("]") for line in body.splitlines()
               if line.strip() and not line.startswith("_differs:"))


def test_html_escapes_article_text_and_is_self_contained():
    evil = Article(id="x", title="<script>alert(1)</script> title",
                   text="Officials said <script>alert('x')</script> was found in the report on Monday evening. "
                        "Police said the <img src=x onerror=alert(2)> suspect fled the scene quickly.")
    page = render(digest([evil]), "html")
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;" in page
    assert "http://" not in page and "https://" not in page.replace("https://www", "")


def test_to_dict_and_digest_of_nothing():
    with pytest.raises(storylens.StorylensError):
        digest([Article(id="e", text="   ")])
    d = digest([Article(id="a", text="The only article says the bridge reopened to traffic on Sunday morning.")])
    assert to_dict(d)["summary"][0]["citations"] == ["a"]


def test_syndicated_copies_fold_into_one_report_with_several_outlets(example_articles):
    from dataclasses import replace

    wire = example_articles[3]  # the AFP report
    copy = replace(wire, id="copy-on-another-site", outlet="Ahram Online", url="https://english.ahram.org.eg/x",
                   text=wire.text.replace("Russia said Thursday", "Russia said on Thursday", 1))
    d = digest(list(example_articles) + [copy])
    data = to_dict(d)
    assert data["meta"]["copies"] == {"copy-on-another-site": wire.id}
    assert data["articles"][5]["duplicate_of"] == wire.id and data["articles"][3]["duplicate_of"] is None
    from_wire = [s for s in d.summary.sentences if 3 in s.citations]
    assert from_wire and all(5 in s.citations for s in from_wire)
    assert not any(s.citations[0] == 5 for s in d.summary.sentences)  # never summarized twice
    for s in from_wire:
        spans = [c for c in s.evidence if c.doc_index == 5]
        assert spans and all(copy.text[c.start:c.end] == s.text for c in spans)
    assert "copy of [4]" in render(d, "markdown")


def test_no_empty_sections_when_no_source_reports_anything_alone():
    from dataclasses import replace

    from storylens.models import SourceCoverage

    bridge = "The bridge reopened to traffic on Sunday morning after repairs, officials said."
    d = digest([Article(id="a", text=bridge)])
    d = replace(d, coverage=replace(d.coverage, sources={"a": SourceCoverage(label="a")}))
    md = render(d, "markdown")
    assert "What only one source reports" not in md and "What only one source reports" not in render(d, "html")
    sections = md.split("\n## ")[1:]
    for sec in sections:
        head, _, body = sec.partition("\n")
        assert body.strip(), f"empty section {head!r}"


def test_a_piece_of_a_long_quotation_is_balanced_when_shown_and_never_summarized():
    from storylens.report.common import balanced_quote

    assert balanced_quote("\u201cInstead of pursuing peace, Russia and Assad make war.") == \
        "\u201cInstead of pursuing peace, Russia and Assad make war.\u2026\u201d"
    assert balanced_quote("They bomb hospitals,\u201d Power said.") == \
        "\u201c\u2026They bomb hospitals,\u201d Power said."
    assert balanced_quote("They target only \u201cterrorists\u201d.") == "They target only \u201cterrorists\u201d."
    assert balanced_quote('We will win," he said.') == '"\u2026We will win," he said.'
    assert balanced_quote('He said "we will win.') == 'He said "we will win.\u2026"'
    # the summary never takes a piece of a quotation the splitter cut: the Quotes list has it whole, with its speaker
    art = Article("a", "Power spoke at the council on Sunday evening in New York.\n"
                       "\u201cInstead of pursuing peace, Russia and Assad make war. Instead of helping get aid to "
                       "civilians, they are bombing the convoys,\u201d said Samantha Power, the US envoy.",
                  title="Power at the council")
    d = digest([art], max_words=200)
    assert [s.text for s in d.summary.sentences] == ["Power spoke at the council on Sunday evening in New York."]
    assert any(q.text.startswith("Instead of pursuing peace") and q.speaker == "Samantha Power" for q in d.quotes)
