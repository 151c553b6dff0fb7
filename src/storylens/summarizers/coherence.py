"""Sentences a summary must not take, whatever their score: display text and pieces of quotations.

A news page's text carries lines that are not the story's sentences: the headline, the standfirst (the
one-line summary under it) and photo or video captions.  Each reads well alone and scores well (it names
everything), but in a summary it repeats the lead or describes a picture the reader does not see.  A
quotation that runs over several sentences is cut by the splitter into pieces that each open or close a
quote the other holds; such a piece misquotes its speaker.  The pool leaves all of these out
(:func:`display_positions` per article, :func:`cut_quotation` per candidate).
"""

from __future__ import annotations

import re
from typing import Sequence

from ..models import Article, Sentence
from ..text.tfidf import STOPWORDS, content_terms

# a sentence ends with a stop, perhaps followed by closing quotes or brackets
_STOPPED = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s*$")
# a caption ends with the picture's credit: "(AFP Photo/George Ourfalian)", "Video: Reuters", "(Photo: Reuters)"
_CREDIT = re.compile(r"(\([^()]*\b(photo|image|picture|video|footage|credit)s?\b[^()]*\)|"
                     r"\b(photo|image|picture|video|footage)s?\s*(:|by)\s*[\w .,&/'-]{2,40})\s*\.?\s*$", re.I)
_CREDIT_WORDS = ("photo", "image", "picture", "video", "footage", "credit")  # what _CREDIT names, lower-cased
_SPACED_QUOTE = re.compile(r'(^|\s)"(\s|$)')
# a display line (headline, standfirst, caption) is at most this long
DISPLAY_WORDS = 40
# a standfirst is retold by the lead under it (this share of its content words), and repeats the title's
RETOLD = 0.4
TITLED = 1 / 3
# a lead opens with a dateline: a place in capitals, then a comma, an agency in brackets or a dash
_DATELINE = re.compile(r"^[A-Z][A-Z .'/-]{2,}(,|\s*\(|\s+[-\u2013\u2014])")
# the standfirst is the first line of text under the headline lines, within this many lines of the top
TOP_PARAGRAPHS = 2


def is_stopped(text: str) -> bool:
    """Whether ``text`` ends as a sentence does (a stop, perhaps inside closing quotes or brackets)."""
    return bool(_STOPPED.search(text))


def is_caption(text: str) -> bool:
    """A picture's caption: it ends with the picture's credit."""
    if text.isascii():  # every credit names one of these words: most sentences are passed over at once
        low = text.lower()
        if not any(w in low for w in _CREDIT_WORDS):
            return False
    return bool(_CREDIT.search(text))


def cut_quotation(text: str) -> bool:
    """Whether ``text`` opens a quotation it does not close or closes one it did not open: curly double
    quotes, or the news wires' `` and '', unequal in number, or an odd number of straight ones; a piece of
    a quotation the splitter cut.  Straight quotes standing apart (' " ', tokenized text such as
    Multi-News's) are not read: the splitter misplaces them there, so their count says nothing."""
    if text.count("\u201c") != text.count("\u201d") or text.count("``") != text.count("''"):  # ``news wire''
        return True
    return text.count('"') % 2 == 1 and not _SPACED_QUOTE.search(text)


_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
# a headline in title case names at least this many content words, each capitalised
TITLE_WORDS = 3


def is_title_case(text: str) -> bool:
    """Whether ``text`` is written as a headline is: every content word capitalised (at least
    :data:`TITLE_WORDS` of them: "Matthew Shepard Show Opens in Wyo."), whatever its final stop."""
    content = [w for w in _WORD.findall(text) if w.lower() not in STOPWORDS]
    return len(content) >= TITLE_WORDS and all(w[0].isupper() for w in content)


def is_standfirst(text: str, title: str, lead: str) -> bool:
    """Whether ``text``, the first line under ``title``, is its standfirst: it repeats the title's words
    (:data:`TITLED` of them), the ``lead`` under it retells it (:data:`RETOLD` of its words) and it has no
    dateline (a lead's sign: "BRUSSELS, January 22 (Xinhua) --")."""
    if not title or _DATELINE.match(text):
        return False
    own = set(content_terms(text))
    heading = set(content_terms(title))
    if not own or not heading:
        return False
    return (len(own & heading) / len(heading) >= TITLED
            and len(own & set(content_terms(lead))) / len(own) >= RETOLD)


def _paragraphs(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    out: dict[int, list[Sentence]] = {}
    for s in sentences:
        out.setdefault(s.paragraph, []).append(s)
    return [out[k] for k in sorted(out)]


def display_positions(article: Article, sentences: Sequence[Sentence]) -> set[int]:
    """Positions (``Sentence.position``) of ``article``'s display lines: its headline (the title, a
    first line without a final stop, or a first line of one sentence in title case, :func:`is_title_case`),
    any short one-sentence line without a final stop, captions, and the standfirst (:func:`is_standfirst`)."""
    skip: set[int] = set()
    title = " ".join((article.title or "").split()).lower()
    paras = _paragraphs(sentences)
    for k, para in enumerate(paras):
        whole = " ".join(s.text for s in para)
        toks = whole.split()
        # a short line of one sentence without a final stop (a paragraph of several, or a long line that the
        # splitter could not cut, is text whose end was perhaps lost)
        short = len(para) == 1 and len(toks) <= DISPLAY_WORDS
        line = short and (not is_stopped(whole) or (k == 0 and is_title_case(whole)))
        if line or (title and " ".join(toks).lower() == title):
            skip.update(s.position for s in para)
        skip.update(s.position for s in para if is_caption(s.text))
    shown = [k for k, p in enumerate(paras) if not all(s.position in skip for s in p)]
    if len(shown) >= 2 and shown[0] <= TOP_PARAGRAPHS and len(paras[shown[0]]) == 1:
        under, after = paras[shown[0]][0], paras[shown[1]][0]
        heading = article.title or " ".join(s.text for p in paras[:shown[0]] for s in p)
        if is_standfirst(under.text, heading, after.text):
            skip.add(under.position)
    return skip


__all__ = ["display_positions", "cut_quotation", "is_caption", "is_standfirst", "is_stopped", "is_title_case"]
