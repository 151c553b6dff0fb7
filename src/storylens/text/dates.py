"""Dates in news copy: absolute dates in metadata, and time expressions with their resolution.

:func:`parse_date` and :func:`parse_numeric_date` read a date written out in full ("13 Oct 2016",
"October 6, 2016", "2016-10-13", "11/27/2005"); :func:`parse_iso` reads our own ISO strings back (all three
live in :mod:`.date_formats`; which way an expression points, past or ahead, is read in :mod:`.date_clauses`).

News text leaves the date to the reader: "on Tuesday", "last week", "a day
earlier", "on September 9", "since mid-July".  :func:`find_times` locates such
expressions in a sentence (its patterns are in :mod:`.date_patterns`); :func:`resolve`
turns one into an ISO date against the article's publication date (the *anchor*).  What cannot be resolved stays
unresolved (``date=None``), it is never guessed.

Precision of a resolved date: ``day`` (``2016-10-11``), ``week`` (the Monday
of that week), ``month`` (``2016-10``) or ``year`` (``2016``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable

from .date_clauses import (east_of_the_wire, ends_ahead, in_past_clause, is_future, is_future_in_past, is_history,
                           local_day, moved_from, past_day, reads_ahead)
from .date_formats import iso_date, month_number, parse_date, parse_iso, parse_numeric_date, sort_key
from .date_patterns import ABBR_END, HOLIDAYS, PATTERNS, Gate, triggered
from .lexicon import MONTH_PATTERN, MONTHS, WEEKDAYS, YEAR_PATTERN

_NUMWORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10}


def _holiday_date(name: str, year: int) -> date:
    """The day a named day falls on in ``year``: a fixed date, or (month, -n) the n-th Thursday of November
    (Thanksgiving), the first Monday of September (Labor Day), the last Monday of May (-9)."""
    month, day = HOLIDAYS[name]
    if day > 0:
        return date(year, month, day)
    if day == -9:  # the last Monday of May
        last = date(year, month, 31)
        return last - timedelta(days=last.weekday())
    weekday = 3 if month == 11 else 0
    first = date(year, month, 1)
    first += timedelta(days=(weekday - first.weekday()) % 7)
    return first + timedelta(weeks=-day - 1)


@dataclass(frozen=True)
class TimeExpr:
    """A time expression found in a text: its span, kind and parsed parts."""

    start: int
    end: int
    text: str
    kind: str
    parts: tuple[tuple[str, str | None], ...]

    def get(self, key: str) -> str | None:
        return dict(self.parts).get(key)

    def req(self, key: str) -> str:
        """A part this kind of expression always has (its pattern's group matched)."""
        value = self.get(key)
        if value is None:
            raise KeyError(f"{self.kind} time expression {self.text!r} has no {key!r}")
        return value


@dataclass(frozen=True)
class Resolved:
    date: str | None
    precision: str  # day | week | month | year | unresolved

    @property
    def resolved(self) -> bool:
        return self.date is not None


UNRESOLVED = Resolved(None, "unresolved")


def find_times(text: str, offset: int = 0) -> list[TimeExpr]:
    """Time expressions in ``text`` (spans shifted by ``offset``), in text order, not overlapping."""
    low = text.lower() if text.isascii() else None  # what the gates read in ASCII text
    if not triggered(text, low):
        return []
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    has: dict[Gate, bool] = {}
    for kind, pat, gates in PATTERNS:
        if not _holds(gates, text, low, has):
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "md" and not _plausible_day(m):
                continue
            parts = tuple((k, v) for k, v in sorted(m.groupdict().items()) if v is not None)
            if kind in _YEARLESS and not any(k in _GIVES_YEAR for k, _ in parts):
                parts = tuple(sorted(parts + _tense_parts(text, s, e, kind) + _entry_year(text)))
            surface = m.group(0)
            if surface.endswith(".") and not ABBR_END.search(surface):
                surface, e = surface[:-1], e - 1  # a full stop, not an abbreviation's
            taken.append((s, e))
            found.append(TimeExpr(s + offset, e + offset, surface, kind, parts))
    found.sort(key=lambda t: t.start)
    # "Thursday 13 Oct 2016", "on Friday, Jan. 14": the weekday only names the date that follows, one expression
    out: list[TimeExpr] = []
    for t in found:
        last = out[-1] if out else None
        if last is not None and last.kind == "weekday" and t.kind in ("md", "dm") and 0 <= t.start - last.end <= 2:
            out[-1] = TimeExpr(last.start, t.end, text[last.start - offset:t.end - offset], t.kind, t.parts)
        elif last is not None and _restates(last, t, text[last.end - offset:t.start - offset]):
            out.append(replace(t, parts=t.parts + (("same", "1"),)))
        else:
            out.append(t)
    return out


def _holds(gates: tuple[Gate, ...], text: str, low: str | None, has: dict[Gate, bool]) -> bool:
    """Whether ``text`` has what each of ``gates`` needs (``has``: the answers so far for this text)."""
    for g in gates:
        got = has.get(g)
        if got is None:
            got = has[g] = g.holds(text, low)
        if not got:
            return False
    return True


def _restates(day: TimeExpr, t: TimeExpr, between: str) -> bool:
    """Whether ``t`` ("the day after the bombing") stands in apposition to the calendar day just before it
    ("since Jan. 30, the day after the bombing"): then it is that day, not one counted from it."""
    return day.kind in ("md", "dm") and t.kind == "rel_anchor" and between.strip() == "," \
        and bool(t.get("dir3"))


_YEARLESS = frozenset({"md", "dm", "month"})
_GIVES_YEAR = frozenset({"year", "yy", "yrel"})


_ENTRY_YEAR = re.compile(rf"\s*(?P<year>{YEAR_PATTERN})\s*:\s+\S")


def _entry_year(text: str) -> tuple[tuple[str, str | None], ...]:
    """The year a chronology's entry opens with ("1939: In April, network TV is born"): its dates' year."""
    m = _ENTRY_YEAR.match(text)
    return (("year", m.group("year")),) if m else ()


def _tense_parts(text: str, start: int, end: int, kind: str) -> tuple[tuple[str, str | None], ...]:
    """What the words around a date written without its year say of it: ``moved`` (the date an event was
    moved from: the nearest such date), ``past`` (a day right after a past verb, a month in a past verb's
    clause: not after the report)."""
    if moved_from(text, start):
        return (("moved", "1"),)
    past = in_past_clause(text, start) if kind == "month" else past_day(text, start, end)
    return (("past", "1"),) if past else ()


_CHRONICLE_YEAR = re.compile(rf"\s*(?P<year>{YEAR_PATTERN})\s*:\s*$")


def chronicle_year(sentence: str) -> int | None:
    """The year a chronology's heading line gives ("1998:"): the dates of its entries are of that year."""
    m = _CHRONICLE_YEAR.match(sentence)
    return int(m.group("year")) if m else None


def in_year(expr: TimeExpr, year: int | None) -> TimeExpr:
    """``expr`` read in ``year`` when it is a calendar date written without one ("Feb. 5" under "1993:")."""
    if year is None or expr.kind not in ("md", "dm", "month") or any(expr.get(k) for k in ("year", "yy", "yrel")):
        return expr
    return replace(expr, parts=tuple(sorted(expr.parts + (("year", str(year)),))))


def _plausible_day(m: re.Match) -> bool:
    day = int(re.sub(r"\D", "", m.group("day")))
    return 1 <= day <= 31


def _n(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    return int(word) if word.isdigit() else _NUMWORDS.get(word, 1)


def _iso(d: date, precision: str) -> str:
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "week":
        d = d - timedelta(days=d.weekday())
    return d.isoformat()


#: days after the report a date with no tense may still fall: a deadline, a hearing ("a remand hearing Nov. 16")
_PAST_SLACK = 31


def _nearest_year(month: int, day: int, anchor: date, future: bool, slack: int = _PAST_SLACK) -> date | None:
    best = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = date(y, month, day)
        except ValueError:
            continue
        if future and cand < anchor - timedelta(days=1):
            continue
        if not future and cand > anchor + timedelta(days=slack):
            continue
        if best is None or abs((cand - anchor).days) < abs((best - anchor).days):
            best = cand
    return best


def _nearest_day(expr: TimeExpr, anchor: date) -> date | None:
    """ "June 25" as the nearest June 25 to the anchor, before or after it."""
    month, day = MONTHS[expr.req("mon").lower().rstrip(".")], int(re.sub(r"\D", "", expr.req("day")))
    cands = [parse_iso(iso_date(y, month, day)) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return min((d for d in cands if d), key=lambda d: abs((d - anchor).days), default=None)


def resolve(expr: TimeExpr, anchor: date | None, *, future: bool = False,
            previous: date | None = None, local_ahead: bool = False, near: bool = False) -> Resolved:
    """The date ``expr`` denotes, read against ``anchor`` (publication date).

    ``previous`` is the date of the last dated event before ``expr`` in the
    same article: "a day earlier" counts from it.  Absolute dates with a year
    resolve without an anchor; everything relative needs one.  ``local_ahead``
    says the story's place is already a day ahead of the wire's date
    (:func:`east_of_the_wire`): a "Tuesday" in a Monday report is that Tuesday.  ``near`` says the
    sentence tells what was to come at the time it tells of (:func:`is_future_in_past`): a bare weekday is
    then the nearest such day, before or after the report's, and a calendar day the nearest one.
    """
    if near and not future and anchor is not None and expr.kind in ("md", "dm") \
            and not (expr.get("year") or expr.get("yrel")):
        got = _nearest_day(expr, anchor)
        return Resolved(got.isoformat(), "day") if got else UNRESOLVED
    if near and not future and anchor is not None and expr.kind == "weekday" \
            and (expr.get("which") or "on").lower() == "on":
        delta = (WEEKDAYS[expr.req("wd").lower()] - anchor.weekday()) % 7
        return Resolved((anchor + timedelta(days=delta if delta <= 2 else delta - 7)).isoformat(), "day")
    if near and not future and expr.kind == "month" and _no_tense_word(expr) and not expr.get("past"):
        expr = replace(expr, parts=expr.parts + (("near", "1"),))
    if local_ahead and anchor is not None and expr.kind == "weekday" and not future \
            and WEEKDAYS[expr.req("wd").lower()] == (anchor.weekday() + 1) % 7 \
            and (expr.get("which") or "").lower() not in ("last", "next"):
        return Resolved((anchor + timedelta(days=1)).isoformat(), "day")
    if expr.kind in _ABSOLUTE:
        return _ABSOLUTE[expr.kind](expr, anchor, future)
    if expr.kind == "rel_anchor":
        return _from_previous(expr, previous)
    if anchor is None or expr.kind not in _RELATIVE:
        return UNRESOLVED
    return _RELATIVE[expr.kind](expr, anchor, future)


def _calendar_day(expr: TimeExpr, anchor: date | None, future: bool) -> Resolved:
    """ "October 6, 2016", "6 Oct": the year given, else the nearest one to the anchor."""
    month = MONTHS[expr.req("mon").lower().rstrip(".")]
    day = int(re.sub(r"\D", "", expr.req("day")))
    year = _given_year(expr) or _relative_year(expr, anchor)
    if year is not None:
        return Resolved(iso_date(year, month, day), "day") if iso_date(year, month, day) else UNRESOLVED
    if anchor is None:
        return UNRESOLVED
    if expr.get("moved"):
        d = _nearest_day(expr, anchor)
    else:  # a past verb right before it: at most the day after the report (a dateline's day ahead)
        d = _nearest_year(month, day, anchor, future, slack=1 if expr.get("past") else _PAST_SLACK)
    return Resolved(d.isoformat(), "day") if d else UNRESOLVED


def _given_year(expr: TimeExpr) -> int | None:
    """The year an expression writes out: "1998", or "'96" (1996; "'05" is 2005)."""
    if expr.get("year"):
        return int(expr.req("year"))
    if expr.get("yy") and expr.get("cent"):  # the last year of a span: "1973-90" is 1990, "1999-00" 2000
        yy, first = int(expr.req("yy")), int(expr.req("first"))
        return int(expr.req("cent")) * 100 + yy + (100 if yy < first else 0)
    if expr.get("yy"):
        yy = int(expr.req("yy"))
        return yy + (1900 if yy >= 30 else 2000)
    return None


def _relative_year(expr: TimeExpr, anchor: date | None) -> int | None:
    """The year of "in February last year", "last year's July 19 crash", read on the anchor."""
    if anchor is None or not expr.get("yrel"):
        return None
    return anchor.year + {"last": -1, "this": 0, "next": 1}[expr.req("yrel").lower()]


def _month(expr: TimeExpr, anchor: date | None, future: bool) -> Resolved:
    """ "in July", "next March", "mid-July 1998": a month read back from the anchor (ahead when future)."""
    month = MONTHS[expr.req("mon").lower().rstrip(".")]
    year = _given_year(expr) or _relative_year(expr, anchor)
    if year is not None:
        return Resolved(f"{year:04d}-{month:02d}", "month")
    if anchor is None:
        return UNRESOLVED
    prep = (expr.get("prep") or "").lower()
    if prep in ("last", "next"):  # "last July" in July is a year back, "next July" a year ahead; the month just
        # past is "last month", so "last October" in November is a year back too (but "last May" in October is May)
        step = -(month >= anchor.month - 1) if prep == "last" else int(month <= anchor.month)
        return Resolved(f"{anchor.year + step:04d}-{month:02d}", "month")
    back = (anchor.month - month) % 12  # months since the last such month (0: this one)
    # "the October issue" in September: the coming one; "the July election": past; "postponed from June"; "in
    # the November election"
    if prep in _NEAREST_MONTH or expr.get("moved") or expr.get("near") or _THE_MONTH.search(expr.text):
        year = anchor.year + (month < anchor.month) if back > 6 else anchor.year - (month > anchor.month)
        return Resolved(f"{year:04d}-{month:02d}", "month")
    if future or prep in ("until", "till", "through"):  # this month or the next such one
        return Resolved(f"{anchor.year + (month < anchor.month):04d}-{month:02d}", "month")
    return Resolved(f"{anchor.year - (month > anchor.month):04d}-{month:02d}", "month")


def _no_tense_word(expr: TimeExpr) -> bool:
    """Whether a month's word before it leaves its time to the sentence ("in January"; not "last January",
    "since January", "until January")."""
    return (expr.get("prep") or "").lower() in ("in", "for", "the", "its", "their", "his", "her", "around", "")


_THE_MONTH = re.compile(rf"\bthe\s+(?:{MONTH_PATTERN})\b", re.IGNORECASE)
#: words before a month that tell no tense ("the October issue", "its December meeting"): the nearest one
_NEAREST_MONTH = frozenset({"the", "its", "their", "his", "her"})


def _holiday(expr: TimeExpr, anchor: date | None, future: bool) -> Resolved:
    """ "Christmas", "Thanksgiving 1998": in its year, else the nearest one to the anchor (ahead when future)."""
    name = next(h for h in HOLIDAYS if h.lower() == expr.req("holiday").lower().replace("\u2019", "'"))
    if expr.get("year"):
        return Resolved(_holiday_date(name, int(expr.req("year"))).isoformat(), "day")
    if anchor is None:
        return UNRESOLVED
    cands = [_holiday_date(name, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    cands = [d for d in cands if (d >= anchor - timedelta(days=1) if future else d <= anchor + timedelta(days=31))]
    best = min(cands, key=lambda d: abs((d - anchor).days))
    return Resolved(best.isoformat(), "day")


def _year(expr: TimeExpr, anchor: date | None, future: bool) -> Resolved:
    year = _given_year(expr) or _relative_year(expr, anchor)  # "the spring of last year"
    if year is None:
        return UNRESOLVED
    if expr.get("decade"):
        return Resolved(f"{year:04d}s", "decade")
    return Resolved(f"{year:04d}", "year")


def _from_previous(expr: TimeExpr, previous: date | None) -> Resolved:
    """ "two days later", "the day before": counted from the last dated event before it."""
    if previous is None:
        return UNRESOLVED
    if expr.get("same"):  # "since Jan. 30, the day after the bombing": Jan. 30
        return Resolved(previous.isoformat(), "day")
    g = expr.get
    direction = (g("dir") or g("dir2") or g("dir3") or g("dir4") or "").lower()
    sign = -1 if direction in ("earlier", "before", "previous", "previously") else 1
    unit = (g("unit") or g("unit2") or g("unit4") or g("unit3") or "day").lower().rstrip("s")
    # "a day after X": X happened the day before the main event
    if direction == "after" and g("dir"):
        sign = -1
    if unit in ("month", "year"):  # "two years later": to the month or the year only
        months = sign * _n(g("n")) * (12 if unit == "year" else 1)
        y, m = divmod(previous.year * 12 + previous.month - 1 + months, 12)
        return Resolved(f"{y:04d}" if unit == "year" else f"{y:04d}-{m + 1:02d}", unit)
    days = _n(g("n")) * (7 if unit == "week" else 1)
    return Resolved((previous + timedelta(days=sign * days)).isoformat(), "day" if unit == "day" else "week")


#: how far after "three days before" the date of what it counts from may stand ("the arrest Saturday")
FOLLOWING_NEAR = 40


def counted_from_following(expr: TimeExpr, following: TimeExpr, base: Resolved, between: str) -> Resolved | None:
    """ "three days before the Israelis' arrest Saturday": the day ``expr`` (a count of days or weeks before or
    after something) names when the thing it counts from is dated right after it, in ``following`` (resolved to
    ``base``, ``between`` the words between them); None when it is not (then it counts from the date before it,
    :func:`resolve`)."""
    direction = (expr.get("dir") or "").lower()
    if expr.kind != "rel_anchor" or following.kind == "rel_anchor" or direction not in ("before", "after") \
            or base.precision != "day" \
            or len(between) > FOLLOWING_NEAR or re.search(r"[,;:]", between) or not base.date:
        return None
    unit = (expr.get("unit") or "day").lower().rstrip("s")
    if unit not in ("day", "week"):
        return None
    days = _n(expr.get("n")) * (7 if unit == "week" else 1)
    sign = -1 if direction == "before" else 1
    return Resolved((date.fromisoformat(base.date) + timedelta(days=sign * days)).isoformat(), "day")


def _weekday(expr: TimeExpr, anchor: date, future: bool) -> Resolved:
    """ "on Tuesday": the last such day up to the anchor, or the next one when the sentence looks ahead."""
    wd = WEEKDAYS[expr.req("wd").lower()]
    which = (expr.get("which") or "").lower()
    if which in ("later", "earlier"):  # "later Tuesday": the day the report tells of, never a week off
        future = False
    if which == "next" or (future and which != "last"):
        delta = (wd - anchor.weekday()) % 7
        if which == "next" and delta == 0:
            delta = 7
        return Resolved((anchor + timedelta(days=delta)).isoformat(), "day")
    delta = (anchor.weekday() - wd) % 7
    if which == "last" and delta <= 1:  # never today, nor yesterday (that is "yesterday"): "last Wednesday" on a
        delta += 7  # Thursday is eight days back, "last Monday" on a Saturday five
    return Resolved((anchor - timedelta(days=delta)).isoformat(), "day")


def _rel_day(expr: TimeExpr, anchor: date, future: bool) -> Resolved:
    delta = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(expr.req("word").lower(), 0)
    return Resolved((anchor + timedelta(days=delta)).isoformat(), "day")


def _rel_period(expr: TimeExpr, anchor: date, future: bool) -> Resolved:
    """ "last week", "this month", "next year", "last fall", "this weekend", "earlier in the week", "by the end
    of the year"."""
    which = re.sub(r"\s+", " ", (expr.get("which") or "this").lower())
    unit = (expr.get("unit") or expr.req("unit2")).lower()
    if which.endswith(" in the"):  # "earlier in the week": the one the report is written in
        which = which.split()[0] + " this"
    if unit in SEASONS:
        return Resolved(f"{_season_year(unit, which, anchor, future):04d}", "year")
    if unit == "weekend" and which in ("in the", "during the", "by the", "at the", "the"):
        which = "over the"  # "during the weekend": the one just past, or the coming one
    if which in ("in the", "during the", "by the"):
        return UNRESOLVED  # "in the week": not a date
    step = -1 if which in ("last", "past") or (which == "over the" and not future) else 1 if which == "next" else 0
    if unit == "week" and which in ("this", "last", "past") and anchor.weekday() == 6:
        step += 1  # in a Sunday paper "this week" starts tomorrow, "last week" is the one that ends today
    if unit == "week":
        return Resolved(_iso(anchor + timedelta(weeks=step), "week"), "week")
    if unit == "weekend":
        sat = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
        if step < 0 or (step == 0 and not future and anchor.weekday() in (0, 1)):
            sat = anchor - timedelta(days=(anchor.weekday() - 5) % 7 or 7)
        return Resolved(sat.isoformat(), "day")
    if unit == "month":
        y, m = anchor.year, anchor.month + step
        y, m = (y - 1, 12) if m == 0 else (y + 1, 1) if m == 13 else (y, m)
        return Resolved(f"{y:04d}-{m:02d}", "month")
    return Resolved(f"{anchor.year + step:04d}", "year")


def _ago(expr: TimeExpr, anchor: date, future: bool) -> Resolved:
    """ "three days ago", "two weeks ago", "a year ago"."""
    n, unit = _n(expr.get("n")), expr.req("unit").lower().rstrip("s")
    if unit == "day":
        return Resolved((anchor - timedelta(days=n)).isoformat(), "day")
    if unit == "week":  # a count back, approximate: to the month (the protocol's next coarser precision)
        return Resolved(_iso(anchor - timedelta(weeks=n), "month"), "month")
    if unit == "month":
        y, m = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
        return Resolved(f"{y:04d}-{m + 1:02d}", "month")
    return Resolved(f"{anchor.year - n * (10 if unit == 'decade' else 1):04d}", "year")


#: how each kind of expression is resolved: absolute ones (with or without an anchor) and relative ones (only
#: with an anchor)
_ABSOLUTE: dict[str, Callable[[TimeExpr, date | None, bool], Resolved]] = {
    "md": _calendar_day, "dm": _calendar_day, "month": _month, "year": _year, "holiday": _holiday}
_RELATIVE: dict[str, Callable[[TimeExpr, date, bool], Resolved]] = {
    "weekday": _weekday, "rel_day": _rel_day, "rel_period": _rel_period, "ago": _ago}


SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def _season_year(season: str, which: str, anchor: date, future: bool) -> int:
    """The year of "next fall", "last spring", "in the summer" read on ``anchor``."""
    first, last = SEASONS[season]
    m = anchor.month
    started = m >= first if first <= last else (m >= first or m <= last)
    over = m > last if first <= last else (last < m < first)
    if which == "next" or (which != "last" and which != "this" and future):
        return anchor.year if not started else anchor.year + 1
    if which == "last" or (which not in ("this",) and not future):
        if season == "winter":
            return anchor.year if m >= 3 else anchor.year - 1
        return anchor.year if over else anchor.year - 1
    return anchor.year


__all__ = ["HOLIDAYS", "SEASONS", "UNRESOLVED", "Resolved", "TimeExpr", "chronicle_year", "counted_from_following",
           "east_of_the_wire",
           "ends_ahead", "find_times", "in_past_clause", "in_year", "is_future",
           "is_future_in_past", "is_history", "iso_date", "local_day",
           "month_number", "parse_date", "parse_iso", "parse_numeric_date", "reads_ahead", "resolve", "sort_key"]
