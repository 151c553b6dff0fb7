"""Make an Article from raw text or a JSON record (cleaning included)."""

from __future__ import annotations

from typing import Any, Mapping

from .boundary import clean_str, clean_value
from .clean import canonical_agency, clean_text, outlet_from_url, parse_date
from ..errors import InputError
from ..models import Article

# Dates outside these years are no publication date of a news report (0001-01-05, 9999-12-31: a
# placeholder or a damaged field); such a date is dropped, with a note in ``meta["rejected_date"]``.
FIRST_YEAR, LAST_YEAR = 1800, 2100


def article_from_text(raw: str, *, id: str, url: str = "", title: str = "", outlet: str = "",
                      published: str | None = None, author: str = "", path: str = "",
                      meta: Mapping[str, Any] | None = None) -> Article:
    """Clean ``raw`` and wrap it as an Article; given metadata wins over what
    the text says.  Every string is made valid, printable Unicode first (:func:`clean_str`), so no later
    stage or writer can fail on a lone surrogate or drive a terminal with an escape sequence."""
    url, title, outlet, author = (clean_str(v).strip() for v in (url, title, outlet, author))
    res = clean_text(clean_str(raw), url=url, title=title)
    info = dict(clean_value(dict(meta or {})))
    pub = _iso_date(clean_str(published)) if published else None
    if pub and not plausible(pub):
        info["rejected_date"], pub = pub, None
    found = res.published if res.published and plausible(res.published) else None
    if res.published and not found:
        info["rejected_date"] = res.published
    if res.captions:
        info["captions"] = list(res.captions)
    if res.dateline_date:
        info["dateline_date"] = res.dateline_date
    # again after cleaning: repairing mojibake can make a non-character ("ï¿¾" is U+FFFE read as cp1252)
    return Article(
        id=clean_str(str(id)),
        text=clean_str(res.text),
        title=title or clean_str(res.title),
        url=url or clean_str(res.url),
        outlet=outlet or clean_str(res.outlet),
        published=pub or found,
        published_inferred=False if pub else res.published_inferred and bool(found),
        title_inferred=False if title else res.title_inferred,
        author=author,
        agency=clean_str(res.agency),
        dateline=clean_str(res.dateline),
        path=clean_str(path),
        meta=info,
    )


def plausible(iso: str) -> bool:
    """Whether an ISO date is one a news report could carry (a year from FIRST_YEAR to LAST_YEAR)."""
    return iso[:4].isdigit() and FIRST_YEAR <= int(iso[:4]) <= LAST_YEAR


def has_words(text: str) -> bool:
    """Whether ``text`` has a word in it (a letter), not only spaces, digits and punctuation."""
    return any(ch.isalpha() for ch in text)


def article_from_record(rec: Mapping[str, Any], *, default_id: str, path: str = "") -> Article:
    """An Article from one JSON object with ``text`` and optional ``id``/``doc_id``,
    ``title``, ``url``, ``source``/``outlet``, ``published``/``date``, ``author``."""
    if not isinstance(rec, Mapping):
        raise InputError(path or default_id, "record is not a JSON object")
    text = rec.get("text") or rec.get("content") or rec.get("body")
    if text and not isinstance(text, str):
        kind = {"list": "an array", "dict": "an object", "bool": "a boolean"}.get(type(text).__name__, "a number")
        raise InputError(path or default_id, f"record's 'text' is {kind}, not a string")
    if not text or not text.strip():
        raise InputError(path or default_id, "record has no 'text'")
    rid = next((rec[k] for k in ("id", "doc_id") if rec.get(k) not in (None, "")), default_id)
    url = str(rec.get("url") or rec.get("link") or "")
    source = rec.get("source") or rec.get("outlet") or ""
    outlet = canonical_agency(source) if isinstance(source, str) and len(source) < 60 else ""
    meta = {k: rec[k] for k in ("topic", "cluster", "subtopic", "story_id") if k in rec}
    art = article_from_text(
        text, id=str(rid), url=url, title=str(rec.get("title") or ""),
        outlet=outlet or (outlet_from_url(url) if url else ""),
        published=_str(rec.get("published") or rec.get("date") or rec.get("published_at")),
        author=str(rec.get("author") or ""), path=path, meta=meta,
    )
    if not has_words(art.text):
        raise InputError(path or default_id, "record has no article text left after cleaning")
    return art


def _str(v: Any) -> str | None:
    return str(v) if v not in (None, "") else None


# Only absolute dates with a month and a year: "yesterday", "2 hours ago" or "Nov 3" would be read against
# today's date, so the same input would give another date on another day.
_DATEPARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
                        "REQUIRE_PARTS": ["month", "year"]}


def _iso_date(value: str) -> str | None:
    value = value.strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return parse_date(value[:10])
    return parse_date(value) or _dateparser(value)


def _dateparser(value: str) -> str | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - core dependency
        return None
    try:
        d = dateparser.parse(value[:200], settings=_DATEPARSER_SETTINGS)
    except (OverflowError, ValueError, TypeError):  # a date past the calendar's ends ("9999 ... +05:00")
        return None
    return d.date().isoformat() if d else None

