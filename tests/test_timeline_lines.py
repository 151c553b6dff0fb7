"""Lines of a news file that are about the file, not the story: no events on the timeline."""

from __future__ import annotations

from storylens.config import Options
from storylens.evidence import analyze
from storylens.models import Article


def test_a_contributors_note_is_no_event():
    text = ("&UR; (Jane Roe, who writes on Asia, is co-author of a 1994 book.)\n"
            "(Jane Roe is a staff writer for the Globe.) She moved to Paris in 1995.\n"
            "(Reuters) Rebels seized the town in 1996.")
    tl = analyze([Article(id="c", published="1998-08-06", text=text)], None, Options(use_spacy=False))["timeline"]
    # the note goes; a sentence after a note and one after an agency's name in parentheses stay events
    assert [e.date for e in tl] == ["1995", "1996"]
