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


def test_schedule_and_service_lines_are_no_events_at_the_start_or_anywhere():
    from storylens.evidence.timeline import is_schedule_line

    lines = ["EDITORS: moved on Tuesday", "(c) 1998 Cox News Service", "For Thursday:", "Story Filed By Cox Newspapers",
             "The Hearst News Service will file the following for Wednesday", "BC-Syria-Talks, 520 words",
             "STORY FILED BY COX", "Caf\u00e9 news: story filed by Cox"]  # any case; non-ASCII lines by the pattern
    news = ["The editors met on Tuesday.", "For Thursday's vote, 20 seats are open.", "He moved on Tuesday.",
            "The caf\u00e9 opened in 1998."]
    assert [is_schedule_line(t) for t in lines] == [True] * len(lines)
    assert [is_schedule_line(t) for t in news] == [False] * len(news)
