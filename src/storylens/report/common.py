"""Small helpers shared by the renderers."""

from __future__ import annotations

from ..models import Article, Digest, SummarySentence


def source_numbers(d: Digest, doc_indices) -> list[int]:
    """1-based source numbers for 0-based document indices, in order, once each."""
    seen: list[int] = []
    for i in doc_indices:
        if 0 <= i < len(d.articles) and i + 1 not in seen:
            seen.append(i + 1)
    return seen


def source_line(a: Article) -> str:
    """"Outlet (via Agency)" for a source list."""
    name = a.outlet or a.agency or "Unknown outlet"
    if a.agency and a.agency != name:
        name += f" (via {a.agency})"
    return name


def balanced_quote(text: str) -> str:
    """A summary sentence as shown to a reader: a sentence taken from inside a quotation that runs
    over several sentences gets the missing quote mark with an ellipsis ("“Instead of pursuing
    peace, Russia and Assad make war.…”"), the editor's sign of an omission.  The text that
    the JSON report and the citations carry stays the source's exact span."""
    opens = text.count("\u201c")
    closes = text.count("\u201d")
    if opens > closes and text.rfind("\u201c") > text.rfind("\u201d"):
        return text + "\u2026\u201d"
    if closes > opens and text.find("\u201d") < (text.find("\u201c") if opens else len(text)):
        return "\u201c\u2026" + text
    if text.count('"') % 2 == 1:  # straight quotes: the first one closes a quote opened earlier when
        i = text.find('"')         # it follows the words it closes ('alive," Power said.')
        closer = i > 0 and not text[i - 1].isspace() and (i + 1 == len(text) or text[i + 1] in " ,.;:!?")
        return '"\u2026' + text if closer else text + '\u2026"'
    return text


def quoted_speaker(d: Digest, s: SummarySentence) -> str:
    """Who speaks a summary sentence that lies wholly inside a quotation whose speaker is known
    ("Samantha Power"), else "".  Shown beside the sentence so that a quoted claim is not read as the
    story's own."""
    for c in s.evidence:
        for q in d.quotes:
            if not q.speaker:
                continue
            for e in q.evidence:
                # the quotation's span may leave out its quote marks: a character of slack each side
                if e.article_id == c.article_id and e.start - 1 <= c.start and c.end <= e.end + 1:
                    return q.speaker
    return ""


def mixed_note(d: Digest) -> str:
    """A reader's warning when the digest's input looked like several stories, else ""."""
    groups = d.meta.stories_in_input
    if not groups:
        return ""
    sizes = ", ".join(str(len(g)) for g in groups[:3]) + (f" and {len(groups) - 3} more" if len(groups) > 3 else "")
    return (f"These articles look like {len(groups)} stories (of {sizes} articles): this digest mixes them. "
            "`storylens cluster` groups them; `storylens digest --store DB --story ID` digests one.")


def date_span(d: Digest) -> str:
    dates = sorted(a.published for a in d.articles if a.published)
    if not dates:
        return ""
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"


def display_title(a: Article, words: int = 12) -> str:
    """The article's headline, or its opening words when it has none (a title made from the URL, which
    the sources list shows anyway, only when the text has no words to open with)."""
    if a.title and not a.title_inferred:
        return a.title
    opening = a.text.split("\n", 1)[0].split()
    if not opening:
        return a.title
    return " ".join(opening[:words]) + ("\u2026" if len(opening) > words else "")


def copy_note(d: Digest, a: Article) -> str:
    """"copy of [n]" for a syndicated copy, else ""."""
    orig = d.meta.copies.get(a.id)
    if not orig:
        return ""
    for n, o in enumerate(d.articles, 1):
        if o.id == orig:
            return f"copy of [{n}]"
    return ""
