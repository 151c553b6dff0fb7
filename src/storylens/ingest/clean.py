"""Clean raw article text: mojibake, boilerplate lines, datelines, whitespace.

What is not story text but says something about the story (a leading URL, a
byline date, a dateline's place and agency, a credit line such as "Source: Al
Jazeera", a dated photo caption) is kept as metadata on the result, never as
text to summarize.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence
from urllib.parse import urlparse

import ftfy

from ..models import Article
from ..text.dates import parse_date, parse_numeric_date
from ..text.lang_tools import notice_phrases
from ..text.lexicon import AGENCIES

# -- outlets and agencies ----------------------------------------------------
DOMAINS = {
    "yahoo.com": "Yahoo News", "reuters.com": "Reuters", "aljazeera.com": "Al Jazeera",
    "aljazeera.net": "Al Jazeera", "bbc.co.uk": "BBC", "bbc.com": "BBC", "nytimes.com": "The New York Times",
    "theguardian.com": "The Guardian", "guardian.co.uk": "The Guardian", "washingtonpost.com": "The Washington Post",
    "apnews.com": "AP", "afp.com": "AFP", "cnn.com": "CNN", "foxnews.com": "Fox News", "nbcnews.com": "NBC News",
    "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News", "npr.org": "NPR", "wsj.com": "The Wall Street Journal",
    "ft.com": "Financial Times", "bloomberg.com": "Bloomberg", "telegraph.co.uk": "The Telegraph",
    "independent.co.uk": "The Independent", "dailymail.co.uk": "Daily Mail", "ahram.org.eg": "Ahram Online",
    "news.com.au": "news.com.au", "france24.com": "France 24", "dw.com": "DW", "rt.com": "RT",
    "usatoday.com": "USA Today", "latimes.com": "Los Angeles Times", "time.com": "Time", "politico.com": "Politico",
    "xinhuanet.com": "Xinhua", "huffingtonpost.com": "HuffPost", "huffpost.com": "HuffPost",
}
_AGENCY_ALT = "(?i:" + "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True)) + ")"

# -- line patterns -------------------------------------------------------------
_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")
# the same URL as tokenized corpora write it: "http: / / www. cnn. com / 2009 / 04 / story. html"
_SPACED_URL_START = re.compile(r"^\s*https?\s?:\s?/\s?/")
# a header line that only dates the page: "Published: August 7, 2012", "Posted on Thu Jun 13, 2013 08: 45 AM PDT",
# "Monday 16 September 2013 03. 31 BST", "DECEMBER 16, 2008", "Last updated 13: 26 14 / 09 / 2013"
_DATE_WORDS = re.compile(
    r"(?i)^(?:last|first|posted|published|updated|modified|created|dated?|on|at|by|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|"
    r"apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"[ap]m?|m|gmt|utc|bst|cet|[ecmp][sd]t|aest|ist|et|pt|noon)$")
_NUMBER_LINE = re.compile(r"^\s*[\d.,:/]+\s*$")
_CAPTION = re.compile(
    r"(\((?:[A-Z]{2,}\s+)?(?:Photo|Picture|Image|Photograph|File photo)\b[^)]*\)\s*$)"
    r"|(\b(?:Photo|Photograph|Picture|Image|Video|Footage)\s*(?:credit)?\s*:\s*[A-Z][\w .,/&'-]{0,60}$)"
    r"|(\(\s*(?:AFP|Reuters|AP|Getty Images|EPA)\s*/[^)]*\)\s*$)",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^\s*(?:read more|read also|see also|related|more on this|short link|share this|share|shares?|tweet|email|"
    r"print|advertisement|sponsored|subscribe|sign up|click here|follow us|follow @|copyright|\u00a9|"
    r"all rights reserved|"
    r"listen to this article|watch|watch now|video|image|photo|skip to|back to top|comments?|"
    r"this article (?:was|is)|recommended|most read|trending|newsletter)\b[^\n]{0,120}$",
    re.IGNORECASE,
)
# a share bar: three or more share services' names with nothing but spaces or separators between them
# ("WhatsApp Facebook Twitter Pinterest Linkedin Tumblr", "Email | Twitter | Facebook"), which no sentence
# writes (prose puts commas and an "and" between names), and a line of nothing but such names
_SHARE_NAME = (r"(?:whats\s?app|facebook|twitter|pinterest|linked\s?in|tumblr|e-?mail|telegram|reddit|messenger|"
               r"google\s?\+|google|flipboard|viber|xing|vk|print|share|tweet)")
_SHARE_SEP = r"(?:[ |\u2022\u00b7/]+)"
_SHARE_RUN = re.compile(rf"(?i)(?<!\w){_SHARE_NAME}(?:{_SHARE_SEP}{_SHARE_NAME}){{2,}}(?![\w+])\s?")
_SHARE_TAIL = re.compile(rf"(?i)(?:\s*[^\s.!?]+){{0,6}}?\s*(?<!\w){_SHARE_NAME}(?!\w)")  # "... on Facebook"
_SHARE_LINE = re.compile(rf"(?i)^{_SHARE_NAME}(?:{_SHARE_SEP}?{_SHARE_NAME})*$")
# a site notice's sentences (a cookie banner, a captcha page): runs of sentences that carry the phrases of
# storylens.text.lang_tools.NOTICES, read in a line at its sentence ends (a scraped page often glues them:
# "... prywatności.A Szczegółowy")
_NOTICE_SENT = re.compile(r"(?<=[.!?\u061f\u3002])(?:\s+|(?=[^\W\d_]))")
_NOTICE_MIN = 2  # a run is a notice when one of its sentences carries this many different notice phrases
_NOTICE_RUN = 3  # ... or all its sentences this many (one phrase a sentence in two sentences can be news)
_HEAD_WORDS = 4  # ... its first sentence keeps the words before its first phrase when they are this many
_TAIL_WORDS = 3  # ... and its last sentence the words after its last phrase when they are more than this
_SOURCE_LINE = re.compile(r"^\s*(?:Source|Sources|Via|Credit)\s*:\s*(?P<who>[^\n]{2,80})$", re.IGNORECASE)
_SUBHEAD = re.compile(r"^\s*[-\u2013\u2014*#]+\s*[^\n]{1,80}?\s*[-\u2013\u2014*#]+\s*$")
_AGENCY_LINE = re.compile(rf"^\s*(?:\(|By\s+)?(?P<agency>{_AGENCY_ALT})\)?\s*(?:,\s*(?P<date>[^\n]{{4,40}}))?\s*$",
                          re.IGNORECASE)
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z\u00C0-\u017F .,'\u2019()/-]{{1,60}}?)\s*"
    rf"(?:,\s*(?P<date>(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)))?\s*"
    rf"\((?P<agency>{_AGENCY_ALT})\)\s*(?:--|-|_|\u2013|\u2014|:)\s*",
)
_DATELINE_NO_AGENCY = re.compile(
    r"^(?P<place>[A-Z][A-Z .'\u2019-]{2,40})(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*"
    r"(?:--|_|\u2014|\u2013)\s+"
)


@dataclass
class CleanResult:
    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    agency: str = ""
    dateline: str = ""
    dateline_date: str = ""  # as written, often without a year: "January 22"
    published: str | None = None
    published_inferred: bool = False
    title_inferred: bool = False  # the title was made from the URL's slug
    captions: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


# -- helpers ------------------------------------------------------------------
def repair_mojibake(text: str) -> str:
    """Fix UTF-8 read as Windows-1252 and similar, keeping curly quotes as they are."""
    had_mojibake = "\u00e2\u20ac" in text
    fixed = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    if had_mojibake:
        # A closing quote whose last byte (0x9D) was lost survives ftfy as "â€";
        # one whose "â€\x9d " collapsed into a dagger reads "†".
        fixed = re.sub("\u00e2\u20ac\u009d?", "\u201d", fixed)
        fixed = re.sub("(?<=[\\w.,!?])\u2020(?=\\s|\\w)", "\u201d ", fixed)
        fixed = fixed.replace("\u201d  ", "\u201d ")
    return fixed


def _join_spaced_url(line: str) -> str:
    """ "http: / / www. cnn. com / 2009 / story. html" -> "http://www.cnn.com/2009/story.html" """
    return re.sub(r"\s*([/.?=&_:,-])\s*", r"\1", line)


def _date_line(line: str) -> str | None:
    """The ISO date of a header line that says nothing but when the page was published, or None."""
    if len(line) > 80 or len(line.split()) > 14:
        return None
    flat = re.sub(r"(?<=\d)\s?([/:.])\s?(?=\d)", r"\1", line)  # "14 / 09 / 2013" -> "14/09/2013"
    flat = re.sub(r"[A-Z]{3,}", lambda m: m.group(0).capitalize(), flat)  # "DECEMBER 16, 2008"
    d = parse_date(flat) or parse_numeric_date(flat)
    if d is None:
        return None
    rest = re.sub(r"\d+(?:st|nd|rd|th)?|[^\w]+", " ", flat).split()
    return d if all(_DATE_WORDS.match(w) for w in rest) else None


def outlet_from_url(url: str) -> str:
    try:
        host = urlparse(url).hostname or ""
    except ValueError:
        return ""
    host = host.lower()
    for prefix in ("www.", "m.", "amp.", "news.", "edition.", "uk.", "us."):
        if host.startswith(prefix) and host[len(prefix):] in DOMAINS:
            host = host[len(prefix):]
    if host.startswith("www."):
        host = host[4:]
    return DOMAINS.get(host, host)


def title_from_url(url: str) -> str:
    try:
        path = urlparse(url).path
    except ValueError:
        return ""
    last = [p for p in path.split("/") if p][-1:] or [""]
    slug = re.sub(r"\.\w{2,5}$", "", last[0])
    parts = [p for p in re.split(r"[-_]+", slug) if p and not p.isdigit()]
    if len(parts) < 3:
        return ""
    title = " ".join(parts)
    return title[:1].upper() + title[1:]


def headline_titles(articles: Sequence[Article]) -> list[str]:
    """The titles to name a story by, in order: the articles' headlines, or, when none has one, the
    titles made from their URLs (:func:`title_from_url`)."""
    return [a.title for a in articles if a.title and not a.title_inferred] or \
        [a.title for a in articles if a.title]


def canonical_agency(name: str) -> str:
    return AGENCIES.get(name.strip().lower(), name.strip())


def _is_title_line(line: str) -> bool:
    words = line.split()
    return (2 <= len(words) <= 25 and not re.search(r"[.!?:;,\"\u201d]$", line.strip())
            and not re.search(r"[.!?] +[A-Z]", line))


def _agency_mentions(text: str) -> str:
    counts: dict[str, int] = {}
    for m in re.finditer(rf"\b({_AGENCY_ALT})\b", text):
        word = m.group(1)
        if word.isupper() or word[0].isupper():
            name = canonical_agency(word)
            if name in {"AP"} and not re.search(r"\(AP\)|Associated Press", text):
                continue
            counts[name] = counts.get(name, 0) + 1
    best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return best[0][0] if best and best[0][1] >= 2 else ""


# -- the cleaner ----------------------------------------------------------------
def clean_text(raw: str, *, url: str = "", title: str = "") -> CleanResult:
    """Clean one article's raw text; see the module docstring."""
    res = CleanResult(text="", url=url, title=title)
    lines = _without_site_chrome(_normalized_lines(raw), res.dropped)
    body: list[str] = []  # empty while still before the first line of story text (the header)
    last = max((i for i, ln in enumerate(lines) if ln), default=-1)
    only = sum(1 for ln in lines if ln) == 1  # a one-line record: title and body run together
    for i, line in enumerate(lines):
        if not line:
            continue
        if not body and _header_metadata(res, line):
            continue
        if _metadata_line(res, line, only):
            continue
        if not body:
            if _header_title(res, line, title, i < last):
                continue
            line = _strip_dateline(res, line)
        body.append(line)
    res.text = "\n".join(body)
    _fill_in(res)
    return res


def _normalized_lines(raw: str) -> list[str]:
    """The lines of ``raw`` with mojibake repaired, one kind of line end and of space, runs of spaces
    collapsed and zero-width characters dropped, each stripped."""
    text = repair_mojibake(raw).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)
    text = re.sub(r"[\u200b-\u200d\ufeff]", "", text)
    return [re.sub(r" {2,}", " ", ln).strip() for ln in text.split("\n")]


def _without_site_chrome(lines: list[str], dropped: list[str]) -> list[str]:
    """``lines`` without share bars (:data:`_SHARE_RUN`, :data:`_SHARE_LINE`) and site notices
    (:func:`_notice_spans`), what went kept in ``dropped``; the lines themselves when none is there."""
    out = []
    for line in lines:
        if _SHARE_LINE.match(line):
            dropped.append(line)
            continue
        if _SHARE_RUN.search(line):
            dropped.extend(m.group(0).strip() for m in _SHARE_RUN.finditer(line))
            line = _SHARE_RUN.sub("", line).strip()
        out.append(line)
    spans = _notice_spans(out)
    if not spans:
        return out
    for k, start, end in reversed(spans):
        dropped.append(out[k][start:end].strip())
        out[k] = (out[k][:start].rstrip() + " " + out[k][end:].lstrip()).strip()
    return out


def _notice_spans(lines: list[str]) -> list[tuple[int, int, int]]:
    """``(line, start, end)`` of each site notice: a run of sentences (a line ends one; at most one sentence
    without a notice phrase between two that have one: a banner's middle sentences often name none) in
    which one sentence carries :data:`_NOTICE_MIN` different phrases of
    :func:`~storylens.text.lang_tools.notice_phrases`, or all of them :data:`_NOTICE_RUN`.  The
    run starts at its first sentence (at its first phrase when a headline is glued before it) and ends at
    its last sentence's end (at its last phrase when a long sentence is glued after it)."""
    pattern = notice_phrases()
    if not any(pattern.search(line) for line in lines):
        return []
    sents = []  # (line, start, end, the phrases it carries)
    for k, line in enumerate(lines):
        at = 0
        for piece in [*_NOTICE_SENT.split(line)]:
            start = line.index(piece, at) if piece else at
            at = start + len(piece)
            if piece.strip():
                sents.append((k, start, at, [m for m in pattern.finditer(piece)]))
    spans: list[tuple[int, int, int]] = []
    run: list[int] = []
    for s, (_, _, _, hits) in enumerate(sents + [(-1, 0, 0, [])]):
        if hits and (not run or s - run[-1] <= 2):
            run.append(s)
            continue
        if run and (s - run[-1] > 2 or s == len(sents)):
            spans.extend(_notice_run(sents, run))
            run = [s] if hits else []
    return spans


def _notice_run(sents: list, run: list[int]) -> list[tuple[int, int, int]]:
    """The spans, one a line, of the sentences ``run[0]`` to ``run[-1]`` when they carry enough phrases."""
    phrases = {m.group(0).lower() for s in run for m in sents[s][3]}
    if len(phrases) < _NOTICE_RUN and all(len({m.group(0).lower() for m in sents[s][3]}) < _NOTICE_MIN
                                          for s in run):
        return []
    first = sents[run[0]]
    by_line: dict[int, list[int]] = {}
    for s in range(run[0], run[-1] + 1):
        k, start, end, _ = sents[s]
        span = by_line.setdefault(k, [start, end])
        span[1] = end
    m = first[3][0]  # the first phrase: a headline glued before it stays
    if len(m.string[:m.start()].split()) >= _HEAD_WORDS:
        by_line[first[0]][0] = first[1] + m.start()
    last = sents[run[-1]]
    m = last[3][-1]  # the last phrase: a sentence glued after it (no stop between) stays
    end = m.end()
    while tail := _SHARE_TAIL.match(m.string, end):  # "... like on Facebook": the site's name ends it
        end = tail.end()
    if len(m.string[end:].split()) > _TAIL_WORDS:
        by_line[last[0]][1] = last[1] + end
    return [(k, start, end) for k, (start, end) in sorted(by_line.items())]


def _header_metadata(res: CleanResult, line: str) -> bool:
    """Whether ``line``, above the story text, is its URL, its date or a bare number (kept on ``res``)."""
    if url_line := _URL_LINE.match(line):
        res.url = res.url or url_line.group(1)
        return True
    if _SPACED_URL_START.match(line) and _URL_LINE.match(joined := _join_spaced_url(line)):
        res.url = res.url or joined.strip()
        return True
    if d := _date_line(line):
        res.published = res.published or d
        res.dropped.append(line)
        return True
    if _NUMBER_LINE.match(line):
        res.dropped.append(line)
        return True
    return False


def _metadata_line(res: CleanResult, line: str, only: bool = False) -> bool:
    """Whether ``line``, anywhere, is not story text: an agency or source credit, a photo caption, a
    boilerplate line or a subhead (what it says is kept on ``res``).  The text's ``only`` line is never a
    caption: a record whose title and body run on one line may end in a credit ("... (AFP/dpa)") and would
    be lost whole."""
    if m := _AGENCY_LINE.match(line):
        res.agency = res.agency or canonical_agency(m.group("agency"))
        if m.group("date") and not res.published:
            res.published = parse_date(m.group("date"))
        res.dropped.append(line)
        return True
    if m := _SOURCE_LINE.match(line):
        who = m.group("who").split(",")[0].strip()
        res.outlet = res.outlet or canonical_agency(who)
        res.dropped.append(line)
        return True
    if not only and _CAPTION.search(line) and not line.startswith(("\"", "\u201c")):
        res.captions.append(line)
        return True
    if _BOILERPLATE.match(line) or _SUBHEAD.match(line):
        res.dropped.append(line)
        return True
    return False


def _header_title(res: CleanResult, line: str, title: str, more_follows: bool) -> bool:
    """Whether ``line``, above the story text, is its title: the given one repeated, or (none given) a
    short line without a final stop that is not the text's last (then kept as ``res.title``)."""
    if title and line.strip() == title.strip():
        return True
    if not title and not res.title and more_follows and _is_title_line(line):
        res.title = line
        return True
    return False


def _strip_dateline(res: CleanResult, line: str) -> str:
    """The first line of story text without its dateline ("ALEPPO, Syria (Reuters) -"), kept on ``res``."""
    m = _DATELINE.match(line)
    if m:
        res.dateline = m.group("place").strip()
        res.dateline_date = m.group("date") or ""
        res.agency = res.agency or canonical_agency(m.group("agency"))
        return line[m.end():]
    m = _DATELINE_NO_AGENCY.match(line)
    if m and len(m.group("place").split()) <= 4:
        res.dateline = m.group("place").strip().title()
        res.dateline_date = m.group("date") or ""
        return line[m.end():]
    return line


def _fill_in(res: CleanResult) -> None:
    """What the lines did not say, from what they did: a date from a dated caption, the agency from the
    text's mentions, the outlet and the title from the URL."""
    if not res.published:
        for cap in res.captions:
            d = parse_date(cap)
            if d:
                res.published, res.published_inferred = d, True
                break
    if not res.agency:
        res.agency = _agency_mentions(res.text)
    if not res.outlet:
        res.outlet = outlet_from_url(res.url) if res.url else res.agency
    if not res.title and res.url:
        res.title = title_from_url(res.url)
        res.title_inferred = bool(res.title)
