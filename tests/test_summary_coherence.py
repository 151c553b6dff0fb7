"""A summary takes no display text (headline, standfirst, caption), no piece of a cut quotation, and the
Quotes list does not repeat what the summary states in full."""

from __future__ import annotations

import json

import pytest

from storylens.cli import main
from storylens.models import Article
from storylens.prepare import prepare_documents
from storylens.summarizers.coherence import cut_quotation, display_positions, is_standfirst, is_title_case

TITLE = "Flood defences fail as river bursts its banks in Northtown"
STANDFIRST = "River bursts its banks in Northtown as flood defences fail after record rain across the valley."
CAPTION = "Residents wade through flood water on Mill Street on Monday (Photo: Jane Roe/Northtown Press)"
QUOTED = "We have never seen water this high in the town centre, and we are moving everyone we can"
LEAD = ("NORTHTOWN (Wire) - The river burst its banks in Northtown on Monday after flood defences failed "
        "following record rain across the valley.")
CUT = ("“The barriers were built for a smaller flood. Nobody expected this much rain in two days,” said the "
       "engineer Sam Hale, who inspected them.")
ONE = f"""{TITLE}

{STANDFIRST}

{CAPTION}

{LEAD}

About 2,000 homes were evacuated overnight as water rose through the town centre, the council said.

{CUT}

The mayor said: “{QUOTED}.”

Emergency shelters opened in three schools and the leisure centre, where volunteers handed out blankets and food.
"""
TWO = f"""River floods Northtown after defences fail

The river flooded Northtown on Monday when the flood defences failed after two days of record rain in the valley.

The mayor said: “{QUOTED}.”

About 2,000 homes were evacuated and emergency shelters opened in schools across the town, the council said.

Forecasters expect more rain later in the week, which could raise the river again by Thursday evening.
"""


@pytest.fixture()
def story(tmp_path):
    (tmp_path / "one.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(TWO, encoding="utf-8")
    return tmp_path


def test_no_headline_standfirst_caption_or_cut_quotation_in_the_summary(story, capsys):
    assert main(["digest", str(story), "--format", "json", "--entities", "rules", "--words", "400"]) == 0
    d = json.loads(capsys.readouterr().out)
    summary = [s["text"] for s in d["summary"]]
    assert summary, d
    text = " ".join(summary)
    for display in (TITLE, STANDFIRST, CAPTION, "River floods Northtown after defences fail"):
        assert display not in summary
    assert "The barriers were built" not in text and "Nobody expected" not in text  # the pieces of a cut quote
    assert summary[0].startswith(("NORTHTOWN (Wire)", "The river flooded Northtown"))  # a lead leads
    # the mayor's words are in the summary in full: the Quotes list does not repeat them
    assert any(QUOTED in s for s in summary)
    stated = [q for q in d["quotes"] if QUOTED in q["text"]]
    assert stated and all(q["in_summary"] for q in stated)  # kept in the JSON, with its speaker, flagged
    assert not any(q["in_summary"] for q in d["quotes"] if "barriers were built" in q["text"])
    assert main(["digest", str(story), "--entities", "rules", "--words", "400"]) == 0
    quotes_section = capsys.readouterr().out.split("## Quotes")[-1].split("\n## ")[0]
    assert QUOTED not in quotes_section and "barriers were built" in quotes_section
    assert any("barriers were built" in q["text"] for q in d["quotes"])  # a quotation the summary leaves out


def test_display_lines_are_found_per_article_and_a_dated_lead_is_kept():
    doc = prepare_documents([Article(id="one", text=ONE)])[0]
    skip = display_positions(doc.article, doc.sentences)
    texts = {s.text for s in doc.sentences if s.position in skip}
    assert {TITLE, STANDFIRST, CAPTION} <= texts
    assert not any(t.startswith("NORTHTOWN") or t.startswith("About 2,000") for t in texts)
    lead = "BRUSSELS, January 22 (Xinhua) -- Two polls showed that a majority of citizens favour the single currency."
    assert not is_standfirst(lead, "Majority of Citizens Favour Single Currency",
                             "Two polls showed that 54 percent of citizens favour the single currency.")
    assert cut_quotation("“The barriers were built for a smaller flood.") and not cut_quotation(f"“{QUOTED}.”")
    assert cut_quotation("That's the difference between us.''") and not cut_quotation("He said ``no.'' Then he left.")
    assert cut_quotation('He said "it was') and not cut_quotation('He said "it was over" and left.')


def test_a_first_line_in_title_case_is_a_headline_whatever_its_stop():
    text = ("Matthew Shepard Show Opens in Wyo.\n\n"
            "LARAMIE, Wyo. (AP) -- A play about the killing of a gay student opened on Friday in the town "
            "where he lived.\n\n"
            "Dissenting were Justices Antonin Scalia, Sandra Day O'Connor and Stephen G. Breyer.\n\n"
            "The theatre said every seat had been sold for the first week of the run.")
    doc = prepare_documents([Article(id="wyo", text=text)])[0]
    skip = {s.text for s in doc.sentences if s.position in display_positions(doc.article, doc.sentences)}
    assert skip == {"Matthew Shepard Show Opens in Wyo."}  # a title-case sentence further down is text
    assert is_title_case("Aryan Nations May Meet in Pa.") and is_title_case("JFK's Dog Said To Be in Mass.")
    assert not is_title_case("LARAMIE, Wyo. (AP) -- A play about the killing of a gay student opened on Friday.")
    assert not is_title_case("Actor Speaks.")  # too few words to tell
