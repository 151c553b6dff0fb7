"""Numeric claims: every figure of an article, with what it counts, who gives it and when.

A claim is one figure in one article: its normalised value and qualifier,
what it counts ("civilians trapped", "people killed"), who it is attributed
to, its date and its exact span.  The claims of a story's articles are then
grouped by quantity across sources (:mod:`.groups`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Sequence

from ..models import Article, Claim, FactGroup, Sentence
from ..prepare import PreparedDocument, TimedExprs, prepare_documents
from ..text.dates import is_history
from ..text.lexicon import FOREIGN_PERCENT, MONTH_PATTERN, WEEKDAY_PATTERN
from ..text.numbers import FOREIGN_NUMBER_LANGS, Quantity
from ..text.tfidf import stem
from .claim_source import TOKEN, attribution
from .counted import appositive_thing, context_thing, copula_subject, pair_kind
from .counted_units import MEASURE_UNITS, height, reading, with_distance
from .non_quantities import heading, not_a_quantity
from .facts_bare import bare_number, named_before
from .facts_money import currency, deal_noun, money_after, money_thing, without_currency
from .facts_spans import CLOCK_AFTER, adjust_value, compound_height, hyphen_range, not_a_figure, number_modifier, \
    range_starts
from .groups import TOLL_EVENTS, ClaimMeta, group_claims
from .things import EVENT_OF, EVENT_WORDS, IMPLIED_EVENT, NOUN_CLASS, RUNNING_EVENTS, TIME_UNITS, classify, \
    bracketed_thing, counted_words, head_noun

_CUMULATIVE = re.compile(r"\bsince\b|\bso far\b|\bin total\b|\baltogether\b|\b(?:has|have)\s+(?:now\s+)?"
                         r"(?:been\s+)?(?:\w+ed|cost|killed|died|fled|risen|rose|climbed|reached|left)\b|"
                         r"\bdeath toll\b|\bthe toll\b", re.IGNORECASE)
_VERBS = set("met said told went came agreed held spoke left took made saw were are was is have had has did do "
             "will would could can should may might must".split())
#: verbs after a poll's share ("55 percent said", "85 percent reported"): the share is of those asked
_OPINION_VERBS = frozenset("""said say says reported believe believed favor favored favour support supported oppose
    opposed approve approved disapprove disapproved think thought want wanted agree agreed disagree disagreed
    expect expected prefer preferred""".split())
#: opinion verbs that are also the noun of a poll's share ("29 percent support")
_OPINION_NOUNS = frozenset("support favor favour approval".split())
_SPEEDS = {"mph", "kph", "knot", "km/h"}
# "percent" in English and in the other languages whose figures are read ("12,5 Prozent", "3 por ciento")
_PERCENT_WORDS = "|".join(re.escape(w).replace("\\ ", "\\s") for ws in FOREIGN_PERCENT.values() for w in ws)
_PERCENT = re.compile(rf"^\s*(?:%|per\s?cent(?:age\s+points?\b|\b)|(?i:{_PERCENT_WORDS})\b)")
#: a phrase of time that follows a figure in place of a counted thing ("last year", "this week", "Monday", "today")
_TIME_UNIT = "|".join(sorted(TIME_UNITS, key=len, reverse=True))
_WHEN = re.compile(rf"^(?:(?:last|this|next|each|every|a|per)\s+(?:{_TIME_UNIT})|"
                   rf"(?:last|this|next)?\s*(?:{WEEKDAY_PATTERN}|{MONTH_PATTERN})|today|tonight|yesterday|tomorrow|now)\b",
                   re.IGNORECASE)


def extract_claims(doc: PreparedDocument) -> list[tuple[Claim, ClaimMeta]]:
    """Every numeric claim in one prepared article, in text order."""
    out: list[tuple[Claim, ClaimMeta]] = []
    for sentence, times in zip(doc.sentences, doc.times):
        out.extend(_sentence_claims(doc, sentence, times))
    return _repeated(out)


def _repeated(pairs: list[tuple[Claim, ClaimMeta]]) -> list[tuple[Claim, ClaimMeta]]:
    """A share or an amount told again later in the article with nothing but its unit ("80 percent of the
    traffic went to one site ... if 80 percent was going to Napster") counts what it counted the first time."""
    out: list[tuple[Claim, ClaimMeta]] = []
    for claim, meta in pairs:
        if claim.unit and claim.what == claim.unit and not claim.high and not claim.per:
            first = next((c for c, _ in reversed(out) if c.value == claim.value and c.unit == claim.unit
                          and c.what != c.unit and not c.high and not c.per), None)
            if first is not None:
                first_meta = next(m for c, m in out if c is first)
                claim = replace(claim, what=first.what)
                meta = replace(meta, key=(first_meta.key[0], first_meta.key[1], meta.key[2]))
        out.append((claim, meta))
    return out


@dataclass
class _Sentence:
    """One sentence as its figures are read, left to right."""

    doc: PreparedDocument
    start: int  # the sentence's offset in the article
    text: str
    quantities: list[tuple[int, int, Quantity]]
    event_date: str | None
    got: list[tuple[Claim, ClaimMeta]] = field(default_factory=list)  # a bare number after these continues a list
    paired: set[int] = field(default_factory=set)  # the second figures of rates and ranges: part of the first's
    attr: str | None = None  # who gives the sentence's figures, found once a figure is taken


@dataclass
class _Figure:
    """One figure's words: its span in the sentence (a range's or a rate's covers both numbers), its value,
    the text around it, and the end of a hyphenated modifier it opens ("20-acre")."""

    start: int
    end: int
    surface: str  # the figure's own words (a currency sign before it not included)
    qty: Quantity
    before: str
    after: str
    high: float | None = None
    per: float | None = None
    modifier_end: int | None = None


def _sentence_claims(doc: PreparedDocument, sentence: Sentence, times: TimedExprs
                     ) -> list[tuple[Claim, ClaimMeta]]:
    """The claims of one sentence: each figure that counts something, a range or a rate as one figure."""
    text = sentence.text
    event_date = next((r.date for t, r in times if r.resolved and not is_history(text, t.start - sentence.start)),
                      None)
    quantities = list(doc.quantities(sentence.position, keep=False))  # read once a digest (prepare.py)
    if doc.article.lang not in FOREIGN_NUMBER_LANGS:
        quantities = sorted(quantities + range_starts(text, quantities))
    sent = _Sentence(doc, sentence.start, text, quantities, event_date)
    for k in range(len(sent.quantities)):
        fig = _figure(sent, k)
        counted = _counted(sent, fig) if fig else None
        if fig and counted:
            sent.got.append(_claim(sent, fig, *counted))
    return sent.got


def _figure(sent: _Sentence, k: int) -> _Figure | None:
    """Quantity ``k`` of the sentence as a figure, joined to the next when the two are one range or rate;
    None for a number that is no figure (a year, a date, an age, a name's number, a magnitude)."""
    q_start, q_end, qty = sent.quantities[k]
    text = sent.text
    surface, before, after = text[q_start:q_end], text[:q_start], text[q_end:]
    if k in sent.paired:
        return None
    joined = hyphen_range(surface, before, after, qty)
    if joined:  # "3-4 percent", "200-300 people": one range
        # a tokeniser's "3 - 4 percent" leaves the upper bound a number of its own: part of the range
        sent.paired.update(j for j in range(k + 1, len(sent.quantities)) if sent.quantities[j][0] < q_end + joined[1])
        fig = _Figure(q_start, q_end + joined[1], text[q_start:q_end + joined[1]], qty, before,
                      after[joined[1]:], high=joined[0])
        return None if not_a_quantity(fig.surface, before, fig.after) else fig
    tall = compound_height(qty, after)
    if tall:  # "the six-foot-five champion": one figure of 77 inches, its height
        end = q_end + tall[1]
        return _Figure(q_start, end, text[q_start:end], Quantity(tall[0], qty.qualifier), before,
                       " inches height" + text[end:])
    modifier, mod_len = number_modifier(surface, after)
    if not modifier and not_a_figure(surface, before, after, qty.qualifier):
        return None
    if modifier:  # "a 20-acre compound": read as "20 acre compound", the span "20-acre"
        after = modifier
    if not_a_quantity(surface, before, after) or sent.doc.article.lang not in FOREIGN_NUMBER_LANGS and heading(
            surface, after):
        return None
    fig = _Figure(q_start, q_end, surface, adjust_value(qty, before, after), before, after, per=qty.per,
                  modifier_end=q_end + mod_len if modifier else None)
    pair = _pair(text, sent.quantities, k, q_end, before)
    if pair:  # the counted thing follows the second figure: "one in five adults"
        sent.paired.add(k + 1)
        fig.high, fig.per, fig.end = pair[0], pair[1] or fig.per, pair[2]
        fig.after, fig.surface = text[fig.end:], text[q_start:fig.end]
        if CLOCK_AFTER.match(fig.after):
            return None  # hours of a day: "tours run 9 to 11 a.m. or 1 to 3 p.m."
        second, second_len = number_modifier(text[sent.quantities[k + 1][0]:fig.end], fig.after)
        if second:  # "a 60- to 100-mile segment": the second figure's modifier is the pair's
            fig.after, fig.modifier_end = second, fig.end + second_len
    return fig


_NEXT_RATE = re.compile(r"^\s+(?:and|to|or)\s+[\w.,]+\s+(?:in|out\s+of)\s+\d[\d,.]*(?!\w)")
#: a part told after its whole: "Of the 120 passengers, 80 survived", "Of the 12 victims, five were children"
_OF_THE_WHOLE = re.compile(r"\b[Oo]f\s+(?:the|its|their|these|those)\s+(?:\d[\d,.]*|[a-z]+(?:-[a-z]+)?)\s+"
                           r"((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s*,\s*$")


def _counted(sent: _Sentence, fig: _Figure) -> tuple[str, str, str, str] | None:
    """``(unit, counted thing, noun class, event)`` of a figure (its start moved onto a currency sign before
    it), or None when it counts nothing the sentence says."""
    unit, fig.start = _unit(fig.qty, fig.before, fig.after, fig.start, fig.surface)
    unit, fig.after = money_after(unit, fig.after, fig.surface)
    cents = _CENTS.match(fig.after) if not unit else None
    if cents:  # "0.63 cents per kilowatt hour", "40 pence": money in its currency's unit (0.0063 USD)
        fig.end, fig.surface = fig.end + cents.end(), fig.surface + fig.after[:cents.end()]
        unit, fig.after = ("GBP" if cents.group(1).lower().startswith("pen") else "USD"), fig.after[cents.end():]
        fig.qty = replace(fig.qty, value=fig.qty.value / 100)
    converted = _conversion(sent, fig, unit)
    if converted:  # "500 million pounds ($663 million)": the amount in another currency counts the same
        return converted
    likely = _LIKELY.match(fig.after) if unit == "%" else None
    if likely:  # "were 70% less likely to experience depression": the likelihood, not who
        return unit, f"likely to {likely.group(1)}", "likely", ""
    what, after_words = _counted_after(fig.after)
    read = reading(fig.before, fig.after) if not unit else ""
    if read:  # "120 miles per hour", "highs of 23C", "six pounds nine ounces": a reading of its dimension
        return unit, read, read.split()[-1], ""
    next_rate = _NEXT_RATE.match(fig.after) if fig.per and not what else None
    if next_rate:  # "between 1 out of 500 and 1 out of 1,000 children": both rates count the children
        what, after_words = _counted_after(fig.after[next_rate.end():])
    of_which = _OF_WHICH.match(fig.after) if not what else None
    if of_which:  # "at least 208,000 of which were form letters": the form letters
        what, after_words = _counted_after(fig.after[of_which.end() - 1:])
    what = _shared_noun(what, fig.after) if not unit else what
    if not unit and height(fig.before, fig.after):
        what = f"{what} height".strip()  # "a 5 foot, 8 inch man": two figures of his height
    whole = _OF_THE_WHOLE.search(fig.before[-80:]) if not unit else None
    verb_like = not what or what.split()[0].lower() in _VERBS or what.split()[0].lower().endswith("ed")
    if whole and verb_like:
        what = whole.group(1)  # "Of the 120 passengers, 80 survived": the 80 are passengers
    elif verb_like and not unit:
        what = named_before(fig.before) or what
    before_words = [t.lower() for t in TOKEN.findall(fig.before[-80:])]
    noun, event = classify(what, before_words, after_words)
    if sent.doc.article.lang in FOREIGN_NUMBER_LANGS or unit not in ("", "%") and event not in RUNNING_EVENTS:
        event = ""  # the event words are English ("die" is a German article); money is raised, not displaced
    if not what and not unit and (fig.qty.value != int(fig.qty.value) or fig.qty.value < 0):
        what = copula_subject(fig.before)  # a reading: "his blood-alcohol level was .41.", "were minus 20"
        noun, event = classify(what, before_words, after_words) if what else (noun, event)
    if not what and not unit:
        bare = bare_number(fig.qty.qualifier, fig.before, fig.after, before_words, (noun, event), sent.got)
        if bare is None:
            return None
        noun, event, what = bare
        last = sent.got[-1][0] if sent.got else None
        if last is not None and last.unit and what == last.unit:
            unit, what = last.unit, ""  # a list of shares goes on: "55 percent said ..., and 31 said ..."
    if what.split()[:1] in (["them"], ["us"], ["those"], ["these"], ["whom"], ["which"]):
        return None  # a number that stands for things named before: "23 of them", "three of those"
    if unit == "%" and fig.qty.value == 100 and _WHOLLY.search(fig.before) and _WHOLLY_AFTER.match(fig.after):
        return None  # a manner, no share: "Tara was 100 percent professional", "I'm 100 per cent sure"
    kept = _verb_first(what, unit, fig.after)
    return None if kept is None else (unit, kept, noun, event)


_CENTS = re.compile(r"^\s+(cents?|pence)\b", re.IGNORECASE)
_OF_WHICH = re.compile(r"^\s+of\s+(?:which|whom|them)\s+(?:were|are|was|is)\s+(?!\w+ed\b)(?=[a-z])")
_NEXT_CONJUNCT = re.compile(r"^\s+([A-Za-z][\w-]*)\s+(?:and|or)\s+(?:\d[\d,.]*|two|three|four|five|six|seven|"
                            r"eight|nine|ten|eleven|twelve)\s+(?=[A-Za-z])", re.IGNORECASE)


def _shared_noun(what: str, after: str) -> str:
    """A first conjunct of one word that is no plural noun shares the second's noun: "12 Somali and 11 Yemeni
    pirates" counts Somali pirates, "1,247 animal and 747 plant species" animal species."""
    if len(what.split()) != 1 or what.lower().endswith("s") or what.lower() in NOUN_CLASS:
        return what
    m = _NEXT_CONJUNCT.match(after)
    if not m or m.group(1) != what:
        return what
    second = counted_words(after[m.end():])[0].split()
    return f"{what} {second[-1]}" if len(second) >= 2 and second[-1].lower().endswith("s") else what


def _claim(sent: _Sentence, fig: _Figure, unit: str, what: str, noun: str, event: str
           ) -> tuple[Claim, ClaimMeta]:
    """The claim of a figure that counts ``what``, and what grouping needs to know of it."""
    text, doc, qty = sent.text, sent.doc, fig.qty
    if sent.attr is None:
        sent.attr = attribution(text)
    end, span_text = _span(text, fig.surface, fig.start, fig.end, fig.after, what)
    if fig.modifier_end is not None:
        end, span_text = fig.modifier_end, text[fig.start:fig.modifier_end]
    last = sent.got[-1][0] if sent.got else None  # a figure right after another may count the same thing
    adjacent = last is not None and bool(_NEXT_TO.fullmatch(text[last.end - sent.start:fig.start]))
    shared = last.what if last and last.what != last.unit and last.what.split()[-1].lower() not in _UNIT_WORDS \
        else ""  # "550.19 points, or 3.38 percent": not a share of points
    extra = _compared(last, fig, unit, what) or _beside(unit, what, fig.before, fig.after, shared, adjacent)
    label, noun = _label(what, noun, event, extra)
    label = with_distance(label)
    event, cumulative = _running(text, noun, event)
    if cumulative and _long_before(text, fig.start, end, doc.anchor):
        cumulative = False  # "a quake in 1939, which killed 20,000 people": a past event's count, no running toll
    claim = Claim(
        value=qty.value, qualifier=qty.qualifier, text=span_text, what=label or unit, attributed_to=sent.attr,
        # a running total is as of the report; a one-off figure is as of its event
        date=(None if bool(_CUMULATIVE.search(text)) else sent.event_date) or (
            doc.anchor.isoformat() if doc.anchor else None),
        article_id=doc.article.id, start=sent.start + fig.start, end=sent.start + end, unit=unit, sentence=text,
        high=fig.high, per=fig.per,
    )
    return claim, ClaimMeta((noun, event, unit), cumulative, qty.qualifier.endswith(" of"), doc.anchor,
                            sent.event_date)


_NEAR_YEAR = re.compile(r"(?<!since )(?<![\d,.])(1[6-9]\d\d|20\d\d)(?!\d|[,.]\d)")


def _long_before(text: str, start: int, end: int, anchor: date | None) -> bool:
    """Whether a year two or more years before the report stands right by the figure ("a quake in 1939, which
    killed 20,000 people", "killed 20,000 people in 1939"; "since 1983" starts a running count)."""
    if anchor is None:
        return False
    near = text[max(0, start - 50):start] + " " + text[end:end + 25]
    return any(int(y) <= anchor.year - 2 for y in _NEAR_YEAR.findall(near))


def _conversion(sent: _Sentence, fig: _Figure, unit: str) -> tuple[str, str, str, str] | None:
    """The counted thing of an amount given again in brackets in another currency, right after the first
    ("sold for 500 million pounds ($663 million)", "800 billion yuan ($114.6 billion)"): the first's."""
    last = sent.got[-1] if sent.got else None
    if not unit or last is None or last[0].unit in ("", "%", unit) or unit == "%":
        return None
    between = sent.text[last[0].end - sent.start:fig.start]
    if not re.fullmatch(r"\s*(?:[A-Za-z]+\s*)?\(\s*(?:about\s+|around\s+|some\s+|nearly\s+)?", between):
        return None
    return unit, last[0].what, last[1].key[0], last[1].key[1]


def _counted_after(after: str) -> tuple[str, list[str]]:
    """The counted thing after a figure, past its percent sign and "or more" ("three or more services"); a
    time phrase is none ("raised $2.5 billion last year")."""
    or_more = re.match(r"\s+or\s+(?:more|fewer|less)\b", after)
    what, after_words = counted_words(_PERCENT.sub("", after[or_more.end():] if or_more else after))
    return ("" if _WHEN.match(what) else what), after_words


_LY_NOUNS = frozenset("family ally rally assembly supply belly jelly lily fly".split())


_WHOLLY = re.compile(r"(?:\b(?:is|was|am|are|were|be|been|feel|feels|felt|not)|['’](?:m|s|re))\s+$", re.IGNORECASE)
_WHOLLY_AFTER = re.compile(r"\s*(?:%|per\s?cent)\s+(?!of\b)[a-z]+\b", re.IGNORECASE)


def _verb_first(what: str, unit: str, after: str = "") -> str | None:
    """A counted thing that opens with a verb: none for a share or an amount ("85 percent reported that",
    "a half billion dollars went"), and no figure at all for a bare count ("12 were") or a duration; a share's
    "support" with no object is the noun ("with four percent support.", "support among women")."""
    first = what.split()[0].lower().rstrip("’'") if what else ""  # "15 weeks’ gestation": a duration
    if not unit and what.lower() == first and first.endswith("ly") and first not in _LY_NOUNS:
        return None  # an adverb, the clause's verb elided: "four people were shot, three fatally"
    noun_use = first in _OPINION_NOUNS and re.search(rf"(?i)\b{first}\s*(?:[.,;:)]|$|(?:among|from|for)\b)", after)
    if unit == "%" and first in _OPINION_VERBS and not noun_use or unit and first in _VERBS:
        return ""
    if what and head_noun([w.lower() for w in what.split() if w != "-"]) in TIME_UNITS:
        return None  # a duration: "six full seasons", "21 consecutive years"
    return None if first in TIME_UNITS or first in _VERBS else what


def _pair(sent: str, quantities: list[tuple[int, int, Quantity]], k: int, q_end: int, before: str
          ) -> tuple[float | None, float | None, int] | None:
    """``(high, per, end)`` when figure ``k`` and the next are one range ("2 million to 5 million") or rate
    ("one in five"), else None."""
    if k + 1 >= len(quantities):
        return None
    n_start, n_end, n_qty = quantities[k + 1]
    kind, low = pair_kind(sent, q_end, n_start, before), quantities[k][2].value
    if kind == "or" and low < n_qty.value <= 10 * low:
        kind = "range"  # "eight or nine people", "10 or 20 miles": one range (the protocol's), not two counts
    if kind not in ("range", "rate") or (kind == "range" and n_qty.value <= low):
        return None  # "topping Gore 57 percent to 39 percent": two figures, not a range
    return (n_qty.value, None, n_end) if kind == "range" else (None, n_qty.value, n_end)


def _running(sent: str, noun: str, event: str) -> tuple[str, bool]:
    """``(event, cumulative)``: whether a figure is a running total (a toll "so far", a distance covered),
    and its event once a speed has lost its own."""
    cumulative = bool(_CUMULATIVE.search(sent))
    if event == "trapped":
        cumulative = False  # a population under siege is a stock, not a running total
    if noun in _SPEEDS:
        event = ""  # a speed is no running total: "95 mph" after "83 mph" is another reading
    return event, cumulative or event in RUNNING_EVENTS


def _unit(qty: Quantity, before: str, after: str, q_start: int, surface: str = "") -> tuple[str, int]:
    """``(unit, start)``: a currency's code (:func:`.facts_money.currency`; the span then takes the sign in),
    "%", or ""."""
    money = currency(qty, before, q_start, surface)
    if money:
        return money
    if re.match(r"\s*(?:%|per\s?cent\b)", after) or _PERCENT.match(after):
        return "%", q_start
    return "", q_start


_PER_PERIOD = re.compile(r"^\s*(?:a|an|per|each|every)\s+(season|year|month|week|day|game|night|hour)\b", re.IGNORECASE)
_LIKELY = re.compile(r"^\s*(?:%|per\s?cent\b|percent\b)\s+(?:more|less)\s+likely\s+to\s+"
                     r"([a-z]+(?:\s+(?!(?:of|in|to|the|a|an|from|for|with|by|at|on|after|if|when)\b)[a-z]+)?)")


_COMPARED = re.compile(r"(?:\bcompared\s+(?:to|with)|\b(?:up|down)\s+from|\bversus|\bvs\.?)\s+(?:the\s+)?$",
                       re.IGNORECASE)


def _compared(last: Claim | None, fig: _Figure, unit: str, what: str) -> str:
    """An amount or a share compared with the one before it counts what that one counts: "55 percent of adults
    are overweight, compared to 43 percent in 1962", "12 percent, up from 8 percent"; "" when it names its own
    ("compared with 4 percent of children", "0.22 percent for married women") or the two are in different
    units."""
    if not unit or what or last is None or last.unit != unit or last.what == unit \
            or re.match(r"\s*(?:%|per\s?cent\b|percent\b)?\s*(?:of|for|among)\b", fig.after):
        return ""
    return last.what if _COMPARED.search(fig.before[-40:]) else ""


_UNIT_WORDS = MEASURE_UNITS | {"point", "points"}
_NEXT_TO = re.compile(r"\s*(?:,|_|--|\u2014|\u2013|-)\s*(?:or\s+)?")


def _beside(unit: str, what: str, before: str, after: str, last: str = "", adjacent: bool = False) -> str:
    """Where only a unit follows the figure, the counted thing beside it ("15 percent of calories"), or "";
    ``last`` the counted thing of the figure before it, ``adjacent`` whether that figure stands right before,
    set off by a comma or a dash ("$13.56 _ $14.97")."""
    if not (unit or not what or what.split()[0].lower() in MEASURE_UNITS):
        return ""
    if unit == "%" and _LIKELY.match(after):
        return ""  # the likelihood is the counted thing (:func:`_counted`)
    bare = _PERCENT.sub("", after)
    at = bare.find(what) if what else -1
    after_unit = bare[at + len(what):] if at >= 0 else bare
    # "has grown to dlrs 1 million": the sign is the figure's; "$155 a month in rent subsidies": past the rate
    after_unit = re.sub(r"^\s*(?:a|an|per|each|every)\s+(?:year|month|week|day|copy|head)\b", "", after_unit)
    bare_before = without_currency(before)
    context = (bracketed_thing(bare_before, after_unit) if unit else "") \
        or (appositive_thing(bare_before, after_unit, last, adjacent) if unit else "") \
        or (money_thing(bare_before) if unit else "") or context_thing(bare_before, _PERCENT.sub("", after_unit))
    if unit:  # money or a share has no distance: "a loan of $300,000 from a Portuguese bank"
        context = re.sub(r"^distance\s+", "", context)
    if not context and unit and unit != "%" and (not what or what == unit):
        context = deal_noun(bare_before)
        per = _PER_PERIOD.match(after) if not context else None
        context = f"amount per {per.group(1).lower()}" if per else context  # "higher than $25 million a season"
    return context if context and context.lower() not in what.lower() else ""


def _span(sent: str, surface: str, q_start: int, q_end: int, after: str, what: str) -> tuple[int, str]:
    """``(end, text)`` of a claim's span: to the end of its counted thing when that follows the figure, else
    the figure's own."""
    gap = len(after) - len(after.lstrip())
    if what and re.match(r"\s*(?:more|such|additional)\s", after) and after.find(what) > gap:
        gap = after.find(what)  # a word between the figure and its thing: "three more people"
    end = min(q_end + gap + (len(what) if what else 0), len(sent))
    span_text = sent[q_start:end] if what and sent[q_start:end].endswith(what) else surface
    return (q_end if span_text == surface else end), span_text


def _label(what: str, noun: str, event: str, extra: str) -> tuple[str, str]:
    """``(label, noun)``: the counted thing as shown ("civilians trapped", "people killed"), and the noun
    class (the thing beside a unit when the figure had none: "15 percent of calories" is the calories')."""
    shown = any(EVENT_OF.get(x.lower()) == event or IMPLIED_EVENT.get(x.lower()) == event for x in what.split())
    label = (f"{what or noun} {event}" if event and not shown else what).strip()
    have = set(label.lower().split())
    extra = " ".join(w for w in extra.split() if w.lower() not in have)  # "raised" once, not twice
    if extra:
        label = f"{label} {extra}".strip() if label else extra
        if not noun:
            noun = stem(head_noun(extra.lower().split()))
    return label, noun


def story_facts(documents: Sequence[Article | PreparedDocument]) -> tuple[list[Claim], list[FactGroup]]:
    """All claims of the story's articles and their groups."""
    pairs: list[tuple[Claim, ClaimMeta]] = []
    for doc in prepare_documents(documents):
        pairs.extend(extract_claims(doc))
    return [c for c, _ in pairs], group_claims(pairs)


__all__ = ["EVENT_OF", "EVENT_WORDS", "NOUN_CLASS", "TOLL_EVENTS", "attribution", "extract_claims",
           "group_claims", "story_facts"]
