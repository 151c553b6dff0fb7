"""The figures, quotes and timeline of a Digest as rows: CSV for a spreadsheet, a pandas DataFrame.

One row a claim (``section`` "figure"), a quote ("quote") or, for the DataFrame only, a timeline event.
``source`` is the 1-based number of the source list; ``start``/``end`` are offsets into that article's
cleaned text (``--include-text`` in the JSON carries it); ``lang`` is that source's language.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from .._optional import require
from ..errors import ConfigError
from ..models import Digest
from .view import amount

COLUMNS = ("section", "what", "status", "amount", "value", "unit", "who", "role", "date", "text", "source",
           "article_id", "start", "end", "lang")
TABLES = ("facts", "quotes", "timeline")


def _numbers(d: Digest) -> dict[str, int]:
    return {a.id: n for n, a in enumerate(d.articles, 1)}


def figure_rows(d: Digest) -> list[dict[str, Any]]:
    """One row per claim: what, status of its group, the amount in words, value, unit, who said it, when."""
    nums = _numbers(d)
    return [{"section": "figure", "what": g.what, "status": g.status, "amount": amount(c), "value": c.value,
             "unit": c.unit, "who": c.attributed_to, "role": "", "date": c.date or "", "text": c.text,
             "source": nums.get(c.article_id, ""), "article_id": c.article_id, "start": c.start, "end": c.end}
            for g in d.facts for c in g.claims]


def quote_rows(d: Digest) -> list[dict[str, Any]]:
    """One row per quote (its first span), ``who`` the speaker or "" when unresolved."""
    nums = _numbers(d)
    rows = []
    for q in (q for q in d.quotes if not q.in_summary):  # as the Quotes lists: the summary has the rest
        first = q.evidence[0] if q.evidence else None
        aid = first.article_id if first else (q.article_ids[0] if q.article_ids else "")
        rows.append({"section": "quote", "what": "", "status": q.resolution, "amount": "", "value": "",
                     "unit": "", "who": q.speaker or "", "role": q.role, "date": "", "text": q.text,
                     "source": nums.get(aid, ""), "article_id": aid,
                     "start": first.start if first else "", "end": first.end if first else ""})
    return rows


def timeline_rows(d: Digest) -> list[dict[str, Any]]:
    nums = _numbers(d)
    rows = []
    for e in d.timeline:
        first = e.evidence[0] if e.evidence else None
        aid = first.article_id if first else (e.article_ids[0] if e.article_ids else "")
        rows.append({"section": "event", "what": e.expression, "status": e.date_precision, "amount": "",
                     "value": "", "unit": "", "who": "", "role": "", "date": e.date or "", "text": e.text,
                     "source": nums.get(aid, ""), "article_id": aid,
                     "start": first.start if first else "", "end": first.end if first else ""})
    return rows


def to_csv(d: Digest) -> str:
    """The figures, then the quotes, as CSV with a header row (``COLUMNS``)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in _with_lang(d, figure_rows(d) + quote_rows(d)):
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def _with_lang(d: Digest, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` with the language of each row's source (``lang``, "" when not known)."""
    langs = {a.id: a.lang or "" for a in d.articles}
    return [{**row, "lang": langs.get(row["article_id"], "")} for row in rows]


def _cell(value: Any) -> Any:
    """A cell a spreadsheet shows as text: one that starts with = + - @ would be read as a formula."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_dataframe(d: Digest, what: str = "facts") -> Any:
    """``what``: "facts" (one row a claim), "quotes" or "timeline" (extra: dataframe)."""
    rows = {"facts": figure_rows, "quotes": quote_rows, "timeline": timeline_rows}
    if what not in rows:
        raise ConfigError(f"unknown table {what!r}; choose one of: {', '.join(TABLES)}")
    pd = require("pandas", "dataframe", "Digest.to_dataframe()")
    return pd.DataFrame(_with_lang(d, rows[what](d)), columns=list(COLUMNS))
