"""The same quantity across the sources of a story: claims grouped, and each group labelled.

Claims that report one quantity in several articles form a :class:`FactGroup` whose status says whether the
sources ``agree``, ``differ``, ``updated`` (a running total rising between reports of different dates) or
stand ``single``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from ..models import Claim, FactGroup
from ..text.tfidf import STOPWORDS, stem
from ..text.lexicon import COUNT_NOUNS
from .counted_units import MEASURE_UNITS, UNIT_NAMES, in_base_unit
from .things import EVENT_OF

#: the events whose counts run on as reports come in (a toll, the idled workers)
TOLL_EVENTS = {"killed", "injured", "displaced", "missing", "arrested", "rescued", "idled", "traveled", "burned",
               "raised"}


@dataclass(frozen=True)
class ClaimMeta:
    """What grouping needs to know about a claim, beyond the public Claim."""

    key: tuple[str, str, str]  # (noun class, event, unit)
    cumulative: bool
    vague: bool
    report_date: date | None
    event_date: str | None


def _compatible(a: float, b: float, vague_a: bool, vague_b: bool, ratio: float, toll: bool = True) -> bool:
    """Whether two values may be one quantity: within ``ratio``; a vague count ("thousands of") holds a
    figure of its order only in a toll ("thousands of others jailed" is not "3,197 people")."""
    if vague_a != vague_b and not toll:
        return False
    if vague_a and vague_b:
        return a == b
    if vague_a:
        return a <= b < a * 10
    if vague_b:
        return b <= a < b * 10
    lo, hi = min(a, b), max(a, b)
    return lo > 0 and hi / lo <= ratio


def group_claims(pairs: Sequence[tuple[Claim, ClaimMeta]], *, ratio: float = 1.5) -> list[FactGroup]:
    """Group claims of the same quantity across articles and label each group."""
    groups: list[list[tuple[Claim, ClaimMeta]]] = []
    # the groups of each quantity (key, cumulative), and the articles each group has a claim of
    by_key: dict[tuple, list[int]] = {}
    members: list[set[str]] = []
    in_groups: Counter = Counter()  # (key, cumulative, article id) -> how many of the key's groups have it
    # each article's headline figure per quantity: only those can be points of a rising toll
    headline: dict[tuple, float] = {}
    for c, m in pairs:
        k = (c.article_id, m.key)
        headline[k] = max(headline.get(k, c.value), c.value)
    for claim, meta in pairs:
        noun, event, unit = meta.key
        placed = False
        kc = (meta.key, meta.cumulative)
        same = by_key.setdefault(kc, [])
        # an article's own figures never share a group: when all the key's groups have one, none can take it
        if noun and in_groups[kc + (claim.article_id,)] < len(same):
            for gi in same:
                g = groups[gi]
                c0, m0 = g[0]
                if claim.article_id in members[gi]:
                    continue
                if event and not meta.cumulative and event != "trapped" and not _same_day(meta, m0):
                    continue  # a one-off event's toll: only the same day's counts are the same quantity
                # a toll may be reported a little differently; any other figure (an area, a fee, a share)
                # is the same quantity only at the same value
                if all(_compatible(*_amounts(c, claim), m.vague, meta.vague, ratio if event else _rounding(c, claim),
                                   bool(event)) and _things_fit(c, claim, noun, event) for c, m in g) \
                        or _rising_toll(g, claim, meta, headline):
                    g.append((claim, meta))
                    members[gi].add(claim.article_id)
                    in_groups[kc + (claim.article_id,)] += 1
                    placed = True
                    break
        if not placed:
            same.append(len(groups))
            groups.append([(claim, meta)])
            members.append({claim.article_id})
            in_groups[kc + (claim.article_id,)] += 1
    out = []
    for g in _merge_named_alike(_merge_converted(_merge_same_values(groups))):
        status = _status(g)
        claims = tuple(c for c, _ in g)
        out.append(FactGroup(what=_group_what(g), status=status, claims=claims))
    order = {"differ": 0, "updated": 1, "agree": 2, "single": 3}
    out.sort(key=lambda fg: (order[fg.status], -len(fg.claims), fg.claims[0].article_id, fg.claims[0].start))
    return out


#: qualifiers of a rounded figure: "about 250,000" and "247,000" may be the one quantity
_ROUNDED = {"about", "nearly", "more than", "at least", "an estimated", "up to", "less than", "almost"}
ROUNDING = 1.05


def _amount(c: Claim) -> float:
    """The quantity a claim states: a rate as its ratio ("one in five" is 0.2), any other figure its value."""
    return c.value / c.per if c.per else c.value


def _amounts(a: Claim, b: Claim) -> tuple[float, float]:
    """The two claims' values to compare: ratios when both are rates, else the values ("four out of 45
    states" and "four states" both give 4)."""
    return (_amount(a), _amount(b)) if a.per and b.per else (a.value, b.value)


def _rounding(a: Claim, b: Claim) -> float:
    """How far apart two values of one quantity may be: rounded figures a little, exact ones not at all."""
    return ROUNDING if a.qualifier in _ROUNDED or b.qualifier in _ROUNDED else 1.0


def _sig_digits(value: float) -> int:
    digits = f"{abs(value):.6g}".split("e")[0].replace(".", "").strip("0")
    return len(digits)


def _thing_stems(claim: Claim) -> set[str]:
    """The content words of a counted thing (plurals as singulars: "arms" is not "armed"), less units and
    event words: two figures that share only "arrested" or "miles" do not yet count one thing."""
    words = {_SAME_THING.get(w, w) for w in re.findall(r"[a-z']+", claim.what.lower())}
    words = {w for w in words if w not in STOPWORDS and len(w) > 2}
    return {_singular(w) for w in words if stem(w) not in _UNIT_STEMS}


#: words reports use for one another when they count one thing: a boxer's "46 KOs" are "46 knockouts"
_SAME_THING = {"kos": "knockout", "ko's": "knockout", "ko": "knockout", "homers": "home", "hrs": "home",
               # a measure's dimension told as an adjective or a noun: "10 km deep", "a depth of 10 km"
               "deep": "depth", "long": "length", "high": "height", "tall": "height", "wide": "width",
               "houses": "home", "house": "home", "firemen": "firefighter", "fireman": "firefighter",
               "cops": "officer", "cop": "officer", "policemen": "officer", "policeman": "officer"}


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


_UNIT_STEMS = {stem(w) for w in ("percent", "usd", "dollars", "people", "figure", "distance", *MEASURE_UNITS,
                                 *EVENT_OF)}
#: how much of the shorter of two sentences' content words the other must share for them to retell one fact
SAME_CONTEXT = 0.5


#: the noun classes that hold many kinds of people ("men", "women", "co-workers" are all "people")
_BROAD_CLASSES = frozenset(COUNT_NOUNS.values())


def _things_fit(a: Claim, b: Claim, noun: str, event: str = "") -> bool:
    """Two measures count one thing only in one unit ("1,000 miles of visibility" is not "1,000 square
    miles"); an additional count ("another 187") is never a total; two kinds of people that no event joins
    are two counts ("two men" shot, "two female co-workers" who hid), though "people" may be either."""
    if (a.qualifier == "an additional") != (b.qualifier == "an additional"):
        return False
    if not event and noun in _BROAD_CLASSES:
        sa, sb = _thing_stems(a), _thing_stems(b)
        if sa and sb and not sa & sb:
            return False
    ua, ub = _unit_words(a), _unit_words(b)
    if ua and ub and ua != ub:
        return False  # "30 metres long" is not "30 feet long"
    return noun not in _UNIT_STEMS or _same_bearing(a, b)


_COMPASS = frozenset("north south east west northeast northwest southeast southwest".split())


def _same_bearing(a: Claim, b: Claim) -> bool:
    """Two distances in different directions are two distances ("110 km southeast of Istanbul" is not "110 km
    west of Istanbul"); either without a bearing may be the other."""
    da = {w for w in re.findall(r"[a-z]+", a.what.lower()) if w in _COMPASS}
    db = {w for w in re.findall(r"[a-z]+", b.what.lower()) if w in _COMPASS}
    return not da or not db or da == db


def _unit_words(claim: Claim) -> set[str]:
    """The units of a measure's counted thing ("nautical miles" and "miles" are one unit, as reports use them;
    "km" and "kilometres" are one name)."""
    return {UNIT_NAMES.get(w) or stem(w) for w in re.findall(r"[a-z]+", claim.what.lower())
            if w in MEASURE_UNITS and w != "nautical"}


def _context_stems(claim: Claim) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z]+", claim.sentence.lower()) if w not in STOPWORDS and len(w) > 2}


#: how near (in characters) a figure must stand to another that two articles share to be told beside it
NEAR = 120


def _anchored(g: list[tuple[Claim, ClaimMeta]], h: list[tuple[Claim, ClaimMeta]], anchors: list[list[Claim]]
              ) -> bool:
    """Figures of one value told beside a figure two articles already share ("obesity rose from 12 percent
    to 17.9 percent" and "17.9 percent of Americans are obese. In 1991 the proportion was 12 percent"): the
    same passage retold, so the same quantity."""
    for anchor in anchors:
        for a, _ in g:
            for b, _ in h:
                near_a = any(x.article_id == a.article_id and x is not a and abs(x.start - a.start) <= NEAR
                             for x in anchor)
                if near_a and any(y.article_id == b.article_id and y is not b and abs(y.start - b.start) <= NEAR
                                  for y in anchor):
                    return True
    return False


def _same_context(g: list[tuple[Claim, ClaimMeta]], h: list[tuple[Claim, ClaimMeta]], closely: bool = False
                  ) -> bool:
    """Some figure of ``g`` and some of ``h`` are told in sentences that retell one fact ("a survey of
    100,000 participants" and "100,000 people took part in the survey"): at least three content words in
    common, and at least :data:`SAME_CONTEXT` of the shorter sentence's (``closely``: of the longer's, the
    one sentence told again in other words)."""
    for a, _ in g:
        sa = _context_stems(a)
        for b, _ in h:
            sb = _context_stems(b)
            common = len(sa & sb)
            if common >= 3 and common >= SAME_CONTEXT * (max if closely else min)(len(sa), len(sb)):
                return True
    return False


def _merge_same_values(groups: list[list[tuple[Claim, ClaimMeta]]]) -> list[list[tuple[Claim, ClaimMeta]]]:
    """Groups of different counted words that state one quantity: the same unit and event, the same values
    in different articles, and either a word of the counted thing in common ("obesity rates", "rates of
    obesity"), a value too precise to be chance ("317,377", "17.9 percent"), sentences that retell one
    fact or a place beside a figure the two articles share (a second pass, once those are known); an
    additional count ("another 187") never joins a total."""
    first = _merge_pass(groups, [])
    anchors = [[c for c, _ in g] for g in first
               if len({c.article_id for c, _ in g}) >= 2 and len({c.value for c, _ in g}) == 1
               and not any(m.vague for _, m in g) and _amount(g[0][0]) >= ANCHOR_MIN]
    return _merge_pass(first, anchors)


#: the least value of a shared figure that can anchor others ("two men" in every report anchors nothing)
ANCHOR_MIN = 10


Pairs = list[tuple[Claim, ClaimMeta]]


def _merge_pass(groups: list[Pairs], anchors: list[list[Claim]]) -> list[Pairs]:
    out: list[Pairs] = []
    # the groups of out by their event and their values, in order: a group joins one of the same event
    # (_same_unit) and the same one value (_one_quantity), and a group's values never change (it is joined only
    # by groups of its one value)
    alike: dict[tuple[str, frozenset[float]], list[Pairs]] = {}
    for g in groups:
        values = {round(_amount(c), 6) for c, _ in g}
        key = (g[0][1].key[1], frozenset(values)) if g else None
        target = None
        if key is not None and len(values) == 1 and not any(m.vague for _, m in g):
            target = next((h for h in alike.get(key, ()) if _one_quantity(g, h, values, anchors)), None)
        if target is None:
            out.append(list(g))
            if key is not None:
                alike.setdefault(key, []).append(out[-1])
        else:
            target.extend(g)
    return out


def _same_unit(g: Pairs, h: Pairs) -> bool:
    """The same event and unit; a reading in decimals told with its percent sign and without it is one unit
    when the two count one thing ("a blood-alcohol level of 0.41 percent", "his blood alcohol level was .41")."""
    (_, event_g, unit_g), (_, event_h, unit_h) = g[0][1].key, h[0][1].key
    if event_g != event_h:
        return False
    if unit_g == unit_h:
        return True
    value = _amount(g[0][0])
    return {unit_g, unit_h} == {"", "%"} and value != int(value) and len(
        set().union(*(_thing_stems(c) for c, _ in g)) & set().union(*(_thing_stems(c) for c, _ in h))) >= 2


def _one_quantity(g: Pairs, h: Pairs, values: set[float], anchors: list[list[Claim]]) -> bool:
    """Whether the groups ``g`` (of one value) and ``h`` state one quantity in different articles."""
    if not _same_unit(g, h) or {c.article_id for c, _ in g} & {c.article_id for c, _ in h} \
            or {round(_amount(c), 6) for c, _ in h} != values or any(m.vague for _, m in h):
        return False
    if len({c.qualifier == "an additional" for c, _ in g + h}) > 1:
        return False
    if _toll_and_count(g, h):
        return True
    if len({frozenset(_unit_words(c)) for c, _ in g + h} - {frozenset()}) > 1:
        return False  # "17 miles" is not "17 feet"
    if not all(_same_bearing(a, b) for a, _ in g for b, _ in h):
        return False
    stems_g, stems_h = set().union(*(_thing_stems(c) for c, _ in g)), set().union(*(_thing_stems(c) for c, _ in h))
    if ("time" in stems_g) != ("time" in stems_h):
        return False  # "shot eleven times" counts hits, "fired 11 rounds" shots
    shared = stems_g & stems_h
    if not shared and stems_g and stems_h and not g[0][1].key[2] and _sig_digits(next(iter(values))) < 3 \
            and not any(_measure(c) for c, _ in g + h):
        # counts of two things told alike: one fact retold in other words ("40 families" / "40 households"),
        # never an item of a retold list ("three machine guns" / "three outboard motors") or a figure that
        # only stands near a shared one ("four prior arrests" / "four bullets")
        return not any(_a_list(c) for c, _ in g + h) and _same_context(g, h, closely=True)
    return bool(shared) or _sig_digits(next(iter(values))) >= 3 or _same_context(g, h) or _anchored(g, h, anchors)


def _toll_and_count(g: Pairs, h: Pairs) -> bool:
    """A toll and a count of one event told with one value ("the death toll rose to 12", "the gunman killed 12
    people"): the same noun class, event and unit, one of them a running total, the other not (only that kept
    them apart in the first pass)."""
    keys = {m.key for _, m in g + h}
    if len(keys) != 1:
        return False
    noun, event, _ = next(iter(keys))
    return bool(noun) and event in TOLL_EVENTS and len({m.cumulative for _, m in g + h}) == 2


_NUMBER_WORD = re.compile(r"(?<![\w.,])(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                          r"dozen)(?![\w,.]\w)", re.IGNORECASE)


def _a_list(c: Claim) -> bool:
    """A sentence that counts more than one thing: "seven AK-47s, three machine guns and 13 magazines"."""
    return len(_NUMBER_WORD.findall(c.sentence)) >= 2


def _measure(c: Claim) -> bool:
    """A measure: its words past the unit say where, not what ("13 nautical miles from the cargo ship")."""
    first = c.what.split()[:1]
    return bool(first) and first[0].lower() in MEASURE_UNITS


def _same_day(a: ClaimMeta, b: ClaimMeta) -> bool:
    """The two claims' events fall on the same day, or neither report is dated (undated input: the text
    alone cannot tell two days apart)."""
    if a.event_date or b.event_date:
        return a.event_date == b.event_date
    return a.report_date is None and b.report_date is None


MAX_TOLL_RISE = 30.0  # a running toll may grow this much between reports (an earthquake's: 600 -> 12,000)


def _rising_toll(g: list[tuple[Claim, ClaimMeta]], claim: Claim, meta: ClaimMeta, headline: dict) -> bool:
    """Whether ``claim`` continues a running toll: same count, each report's headline figure, later reports,
    never falling; in undated reports, in no known order, any running totals within :data:`MAX_TOLL_RISE`."""
    if not meta.cumulative or meta.key[1] not in TOLL_EVENTS or meta.vague:
        return False
    if any(headline.get((c.article_id, m.key)) != c.value for c, m in g + [(claim, meta)]):
        return False
    members = [(m.report_date, c.value) for c, m in g if not m.vague]
    if meta.report_date is None:  # undated reports: the toll as each tells it, in no known order (they differ)
        values = [v for d, v in members if d is None] + [claim.value]
        return len(values) == len(members) + 1 and len(values) > 1 and min(values) > 0 \
            and max(values) / min(values) <= MAX_TOLL_RISE and all(m.cumulative for _, m in g)
    if not members or any(d is None or d == meta.report_date for d, _ in members):
        return False
    points = sorted(members + [(meta.report_date, claim.value)])
    values = [v for _, v in points]
    if any(b < a for a, b in zip(values, values[1:])):
        return False
    return values[0] > 0 and values[-1] / values[0] <= MAX_TOLL_RISE


def _group_what(g: list[tuple[Claim, ClaimMeta]]) -> str:
    noun, event, unit = g[0][1].key
    labels = [c.what for c, _ in g if c.what]
    if len(g) == 1 or not event:
        return labels[0] if labels else noun
    return f"{noun} {event}"


#: how far apart one measure told in two units may be once in one unit (a conversion rounds: 30 miles is 48.3 km)
CONVERSION = 1.025


def _one_measure(g: Pairs) -> bool:
    """The group's claims are one measure in at least two units ("48km", "30 miles"): one dimension, the
    values within :data:`CONVERSION` of one another once in its base unit."""
    read = [in_base_unit(c.what, c.value) for c, _ in g]
    if any(r is None or r[1] <= 0 for r in read):
        return False
    known = [r for r in read if r is not None]
    if len({d for d, _, _ in known}) != 1 or len({u for _, _, u in known}) < 2:
        return False
    values = [v for _, v, _ in known]
    return max(values) / min(values) <= CONVERSION


def _converted(g: Pairs, h: Pairs) -> bool:
    """Whether ``g`` and ``h``, of different articles, tell one measure in two units: "a 48km chase" and "a
    30-mile chase", "193km / h" and "120 miles per hour", "15,800 square metres" and "170,000 square feet"; the
    same bearing, and counted things that share a word when both have one (one named only by a verb of what
    happened there has none: "7 miles off where it crashed" and "11 km southwest of Martha's Vineyard")."""
    if {c.article_id for c, _ in g} & {c.article_id for c, _ in h} or not _one_measure(g + h):
        return False
    stems_g, stems_h = set().union(*(_thing_stems(c) for c, _ in g)), set().union(*(_thing_stems(c) for c, _ in h))
    if stems_g and stems_h and not stems_g & stems_h \
            and all(any(not w.endswith("ed") for w in x) for x in (stems_g, stems_h)):
        return False
    return all(_same_bearing(a, b) for a, _ in g for b, _ in h)


def _merge_converted(groups: list[Pairs]) -> list[Pairs]:
    """Groups of one measure told in two units by different articles, joined (:func:`_converted`)."""
    out: list[Pairs] = []
    measures: list[Pairs] = []  # the groups of out that are measures in a unit: only those can join
    for g in groups:
        if not in_base_unit(g[0][0].what, g[0][0].value):
            out.append(list(g))
            continue
        target = next((h for h in measures if _converted(g, h)), None)
        if target is None:
            out.append(list(g))
            measures.append(out[-1])
        else:
            target.extend(g)
    return out


#: how far apart two reports of one thing named alike in two or more words may be ("17 miles west of Martha's
#: Vineyard", "18 miles west of Martha's Vineyard"): one quantity told a little differently
NAMED_ALIKE = 1.25


def _named_alike(a: tuple[Claim, ClaimMeta], b: tuple[Claim, ClaimMeta]) -> bool:
    """Two counts or measures that no event counts, of one thing named alike in two or more words, of no two
    different days, both of :data:`ANCHOR_MIN` or more ("a five-story building", "a six-story building" are
    two), within :data:`NAMED_ALIKE` of each other. Never money or shares: two studies' "50 percent" and
    "55 percent of Americans" are two findings."""
    (ca, ma), (cb, mb) = a, b
    if ma.key != mb.key or ma.key[1] or ma.key[2] or not ma.key[0] or ma.vague or mb.vague:
        return False
    if ma.event_date and mb.event_date and ma.event_date != mb.event_date:
        return False
    if (ca.qualifier == "an additional") != (cb.qualifier == "an additional") or bool(ca.per) != bool(cb.per):
        return False
    sa = _thing_stems(ca)
    if len(sa) < 2 or sa != _thing_stems(cb) or _unit_words(ca) != _unit_words(cb):
        return False
    lo, hi = sorted(_amounts(ca, cb))
    return lo >= ANCHOR_MIN and hi / lo <= NAMED_ALIKE


def _merge_named_alike(groups: list[Pairs]) -> list[Pairs]:
    """A figure left alone joins the group of another article's figures of one thing named alike
    (:func:`_named_alike` with each of them) that none of its own article's figures is in: the sources
    ``differ``."""
    out: list[Pairs] = []
    for g in groups:
        target = None
        if len(g) == 1:
            target = next((h for h in out if g[0][0].article_id not in {c.article_id for c, _ in h}
                           and all(_named_alike(g[0], x) for x in h)), None)
        if target is None:
            out.append(list(g))
        else:
            target.extend(g)
    return out


def _status(g: list[tuple[Claim, ClaimMeta]]) -> str:
    if len({c.article_id for c, _ in g}) < 2:
        return "single"
    precise = [(c, m) for c, m in g if not m.vague]
    values = {c.value for c, _ in precise}
    if len(values) <= 1 or _one_measure(precise):
        return "agree"  # one value, or one measure in two units ("48km", "30 miles")
    event = g[0][1].key[1]
    by_date: dict = {}
    for c, m in precise:
        if m.report_date:
            by_date.setdefault(m.report_date, []).append(c.value)
    if event in TOLL_EVENTS and g[0][1].cumulative and len(by_date) >= 2:
        # each report date's figures no lower than the earlier dates' (sources of one day may differ a little)
        spans = [(min(v), max(v)) for _, v in sorted(by_date.items())]
        if all(nxt[0] >= prev[1] for prev, nxt in zip(spans, spans[1:])) and spans[-1][1] > spans[0][0]:
            return "updated"
    return "differ"
