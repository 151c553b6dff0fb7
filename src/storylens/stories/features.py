"""What an article says about its event, as the story clusterer reads it.

* :func:`features`: raw counts of content words, ``@names`` (capitalised words inside sentences, and their
  bigrams) and ``#numbers``; the title counts twice, and a headline in Title Case gives no names.
* :func:`latest_year`: the year the article stands for (its publication year, else the latest year its text
  mentions that is not history: "since 2011", "died in 2006", "seit 2015" in German).
* :func:`lead_places`: the places its lead names after "in", "at" or "near".

Pure functions of one :class:`~storylens.models.Article`; :mod:`storylens.stories.clusterer` weighs them.
"""

from __future__ import annotations

import re
from collections import Counter

from ..models import Article
from ..text.lang_tools import content_terms_for, mask_history_years
from ..text.lexicon import CALENDAR_WORDS, YEAR_FIRST, YEAR_LAST, YEAR_PATTERN
from ..text.tfidf import STOPWORDS

# a run of capitalised words after a space that does not follow a stop or an opening quote, and a number not
# inside a word: each pattern opens with the character class it needs (the space, the digit) and checks what
# comes before it second ("\s+" after "(?<![...])" is "\s" then "(?<![...]\s)\s*"), so that the regular
# expression engine skips ahead to the candidates instead of trying the look-behind at every character
_CAP = re.compile(r"\s(?<![.!?\n\"\u201c]\s)\s*((?:[A-Z][\w'\u2019-]*)(?:\s+[A-Z][\w'\u2019-]*)*)")
_NUM = re.compile(r"(\d(?<![\w.]\d)\d*(?:[.,]\d+)*)(?![\w])")
# a four-digit clock time is not a year: "at 2045 GMT", "2130 local time"
_YEAR = re.compile(rf"(?=\d)(?<![\w.])({YEAR_PATTERN})(?![\w])"  # "(?=\d)" first: see _CAP
                   r"(?!\s*(?:GMT|BST|UTC|CET|EST|EDT|PST|PDT|local\b|hrs\b|hours\b|h\b))")
# Chinese writes a year with 年 after it and no space around it ("自2015年以来", "2020年3月")
_YEAR_ZH = re.compile(rf"(?=\d)(?<![\d.])({YEAR_PATTERN})(?=\s*年)")
_EASTERN_DIGITS = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                                "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9", "0123456789" * 2)
# a year just after these words is history ("no government since 1991", "Niyazov died in 2006", "held by the
# rebels since mid-2012", "displaced since March 2011"), not the date
_HIST = re.compile(r"(?i)\b(?:since|until|died in|death in)\s+(?:(?:mid|early|late|the end of)[\s-]*)?"
                   r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?$")
# a place after a locative preposition: "in Wellington", "at Waitrose", "near Mount Cook"
_PLACE = re.compile(r"\b(?:in|at|near)\s+((?:[A-Z][\w'\u2019-]+)(?:\s+[A-Z][\w'\u2019-]+)*)")
_FIRST_STOP = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s+[\"'\u201c(]*[A-Z0-9])")


def features(article: Article, entity_weight: float = 2.0, number_weight: float = 1.0) -> dict[str, float]:
    """Raw feature counts of an article (before IDF): words, ``@names``, ``#numbers``.

    The title counts twice: it states the event.  Words are read with the tools of ``article.lang``
    (:mod:`storylens.text.lang_tools`; English's for en or None).
    """
    counts: Counter[str] = Counter()
    text = article.text
    if article.title:
        text = article.title + ".\n" + article.title + ".\n" + text
    counts.update(content_terms_for(text, article.lang))  # English (or unknown): the English tools
    if entity_weight > 0:
        # a headline in Title Case ("Sixers Hire Maurice Cheeks as Head Coach") capitalises every word:
        # its names are read from the body only
        _count_names(article.text if article.title and _title_case(article.title) else text, counts)
    if number_weight > 0:
        for n in _NUM.findall(text):
            counts["#" + n.replace(",", "")] += 1
    return dict(counts)


def _count_names(text: str, counts: Counter[str]) -> None:
    """Count each run of capitalised words inside sentences: ``@word`` for each of its words (lower-cased,
    stopwords, calendar words and single letters left out) and ``@word_next`` for each pair of them."""
    feature_of: dict[str, str | None] = {}  # each distinct word read once: its feature, or None
    for run in _CAP.findall(text):
        toks = []
        for w in run.split():
            f = feature_of.get(w, "")
            if f == "":
                low = w.lower().replace("\u2019", "'")
                f = feature_of[w] = (None if low in STOPWORDS or low in CALENDAR_WORDS or len(low) <= 1
                                     else "@" + low)
            if f is not None:
                toks.append(f)
        for f in toks:
            counts[f] += 1
        for a, b in zip(toks, toks[1:]):
            counts[a + "_" + b[1:]] += 1


def _title_case(title: str) -> bool:
    """Most words of four letters or more capitalised: a headline in Title Case."""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", title) if len(w) >= 4]
    return len(words) >= 2 and sum(1 for w in words if w[0].isupper()) >= 0.75 * len(words)


def latest_year(article: Article) -> int | None:
    """The year an article stands for: its publication year when known, else the latest
    year (YEAR_FIRST to YEAR_LAST, as every date reader) that its title or text mentions, or None.

    Years right after "since", "until", "died in" or "death in" (also with a month or "mid-" between:
    "since March 2011") are history and do not count; nor does a clock time that looks like a year
    ("at 2045 GMT").  In another language its own history words count too ("seit 2015", "desde 2011",
    "2015'ten beri", "自2015年以来": :func:`~storylens.text.lang_tools.mask_history_years`), Arabic and
    Persian digits are read as digits, and a Chinese year is the one written before 年.
    """
    if article.published and article.published[:4].isdigit() and YEAR_FIRST <= int(article.published[:4]) <= YEAR_LAST:
        return int(article.published[:4])
    title, body, lang = article.title or "", article.text, article.lang
    if lang and lang != "en":
        title, body = (mask_history_years(t.translate(_EASTERN_DIGITS), lang) for t in (title, body))
    text = title + "\n" + body
    ys = [int(m.group(1)) for m in (_YEAR_ZH if lang == "zh" else _YEAR).finditer(text)
          if not _HIST.search(text, max(0, m.start() - 30), m.start())]
    return max(ys) if ys else None


def lead_places(article: Article) -> tuple[str, ...]:
    """The places the article's lead names: the first word of each capitalised name right after
    "in", "at" or "near" in its title and first sentence ("A fire broke out at the Waitrose
    supermarket in Wellington" -> ``@waitrose``, ``@wellington``), as name features."""
    text = article.text.lstrip()
    m = _FIRST_STOP.search(text)
    lead = (article.title + ".\n" if article.title else "") + (text[:m.end()] if m else text[:400])
    out = []
    for m in _PLACE.finditer(lead):
        for t in m.group(1).split():
            t = t.lower().replace("\u2019", "'")
            if t not in STOPWORDS and t not in CALENDAR_WORDS and len(t) > 1:
                if "@" + t not in out:
                    out.append("@" + t)
                break
    return tuple(out)
