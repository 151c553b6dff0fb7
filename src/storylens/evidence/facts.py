"""Numeric claims and the groups that compare them across sources.

A claim is one figure in one article: its normalised value and qualifier,
what it counts ("civilians trapped", "people killed"), who it is attributed
to, its date and its exact span.  Claims that report the same quantity in
several articles form a :class:`FactGroup` whose status says whether the
sources ``agree``, ``differ``, ``updated`` (a toll rising between reports of
different dates) or stand ``single``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from ..models import Article, Claim, FactGroup
from ..prepare import PreparedDocument, prepare_documents
from ..text.dates import is_history
from ..text.lexicon import ATTRIBUTION_VERBS, COUNT_NOUNS, MONTH_PATTERN, YEAR_PATTERN
from ..text.numbers import Quantity, find_quantities
from .counted import MEASURE_UNITS, context_thing, not_a_quantity, pair_kind
from ..text.tfidf import stem

# --- what is counted ---------------------------------------------------------------------------
NOUN_CLASS = COUNT_NOUNS
EVENT_WORDS = {
    "killed": "killed kill kills killing dead died die deaths death lives toll perished slain massacred "
              "executed fatalities bodies",
    "injured": "wounded wounding injured injuring injuries injury hurt",
    "trapped": "trapped besieged siege encircled stranded",
    "displaced": "displaced fled fleeing homeless refugees evacuated uprooted driven",
    "missing": "missing",
    "arrested": "arrested detained jailed imprisoned",
    "rescued": "rescued saved",
    "idled": "idled furloughed",
}
EVENT_OF = {w: ev for ev, ws in EVENT_WORDS.items() for w in ws.split()}
TOLL_EVENTS = {"killed", "injured", "displaced", "missing", "arrested", "rescued", "idled"}
_IMPLIED_EVENT = {"dead": "killed", "deaths": "killed", "lives": "killed", "bodies": "killed",
                  "fatalities": "killed", "casualties": "killed", "injuries": "injured", "refugees": "displaced"}

TIME_UNITS = set("second seconds minute minutes hour hours day days week weeks month months year years decade "
                 "decades century centuries weekend weekends".split())
_STOP_WHAT = set("""a an the of in on at to from by for with and or but as is are was were be been being has
    have had will would could should may might can that which who whom whose this these those it its their
    his her they he she we you i than then so since after before during while when where including
    among about around over under into onto across mostly most some several many more less each per
    said says say told reported according not no yet also just only still already were""".split())
_ATTR_VERBS = rf"(?:{ATTRIBUTION_VERBS})"
_NP_WORD = set("""the a an state news agency monitor monitoring group groups officials official ministry spokesman
    spokeswoman police army source sources media television tv rescuers activists residents rebels witnesses
    medics observers doctors hospital government authorities military agencies organisation organization
    body watchdog rights human for of civil defence defense local health interior foreign emergency
    opposition department office charity coalition commission council committee""".split())
_GENERIC_TAIL = {"toll", "tolls", "figures", "figure", "report", "reports", "statement", "count", "tally",
                 "estimate", "estimates", "data", "reporting"}
_TOKEN = re.compile(r"[A-Za-z](?:[\w'’-]|\.(?=\w))*\.?(?<!\.)|\d[\d,.]*\d|\d|[^\sA-Za-z\d]")
_CUMULATIVE = re.compile(r"\bsince\b|\bso far\b|\bin total\b|\baltogether\b|\b(?:has|have)\s+(?:now\s+)?"
                         r"(?:been\s+)?(?:\w+ed|cost|killed|died|fled|risen|rose|climbed|reached|left)\b|"
                         r"\bdeath toll\b|\bthe toll\b", re.IGNORECASE)
_YEARLIKE = re.compile(rf"^{YEAR_PATTERN}$")
_MONTH_BEFORE = re.compile(rf"(?:{MONTH_PATTERN})\.?\s*$")
_MONTH_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:{MONTH_PATTERN})\b")
_SMALL_WORDS = {"one", "a", "an"}
_VERBS = set("met said told went came agreed held spoke left took made saw were are was is have had has did do "
             "will would could can should may might must".split())


@dataclass(frozen=True)
class _Meta:
    """What grouping needs to know about a claim, beyond the public Claim."""

    key: tuple[str, str, str]  # (noun class, event, unit)
    cumulative: bool
    vague: bool
    report_date: date | None
    event_date: str | None


def _what(after: str) -> tuple[str, list[str]]:
    """The counted thing right after a number: ``"civilians trapped"``, and the words scanned."""
    toks = [t for t in _TOKEN.findall(after[:120])]
    out: list[str] = []
    i = 0
    if toks and toks[0].lower() == "of":
        i = 1
        if len(toks) > 1 and toks[1].lower() == "the":
            i = 2
    while i < len(toks) and len(out) < 4:
        t = toks[i]
        if t.endswith(".") and not re.search(r"\.\w", t):
            out.append(t.rstrip("."))
            break
        low = t.lower()
        if not out and low in ("reported", "estimated", "confirmed", "registered", "documented"):
            out.append(t)  # "1,100 reported hate crimes": an adjective here
            i += 1
            continue
        if not re.match(r"[A-Za-z]", t) or low in _STOP_WHAT:
            if low in ("of",) and out and out[-1].lower() not in NOUN_CLASS:
                out.append(t)
                i += 1
                continue
            break
        out.append(t)
        i += 1
    while out and out[-1].lower() in ("of",):
        out.pop()
    scanned = [t.lower() for t in toks[:14]]
    return " ".join(out), scanned


def _classify(what: str, before: list[str], after: list[str]) -> tuple[str, str]:
    words = [w.lower() for w in what.split()]
    noun = ""
    for w in words:
        if w in NOUN_CLASS:
            noun = NOUN_CLASS[w]
            break
    if not noun and words:
        noun = stem(words[0])
    event = ""
    for w in words:
        if w in _IMPLIED_EVENT:
            event = _IMPLIED_EVENT[w]
            break
        if w in EVENT_OF:
            event = EVENT_OF[w]
            break
    if not event:
        # the clause after the number, up to a full stop or a semicolon
        for j, w in enumerate(after):
            if w in (".", ";", ":"):
                break
            if not words and w == "," and not (j + 1 < len(after) and after[j + 1] in ("among", "including")):
                break  # a bare number: "risen to 7,085, with 33,559 injured" is not about the injured
            if w in EVENT_OF:
                event = EVENT_OF[w]
                break
    if not event:
        for w in reversed(before[-10:]):
            if w in (".", ";", ":"):
                break
            if w in EVENT_OF:
                event = EVENT_OF[w]
                break
    return noun, event


def _np_left(tokens: list[str]) -> str:
    """The noun phrase that ends ``tokens`` (the subject of a following verb)."""
    out: list[str] = []
    for t in reversed(tokens):
        if t[:1].isupper() or t.lower() in _NP_WORD or t.startswith("al-") or "-based" in t:
            out.append(t)
            continue
        break
    while out and out[-1].lower() in ("the", "a", "an", "of", "for"):
        out.pop()
    phrase = " ".join(reversed(out)).strip()
    return phrase


def _np_right(text: str) -> str:
    toks = _TOKEN.findall(text[:120])
    out: list[str] = []
    for t in toks:
        if t in (",", ".", ";", ":", "(", ")", "\u201d", '"') or t.lower() in ("on", "in", "at", "that", "which",
                                                                           "who", "late", "early", "earlier"):
            break
        if t[:1].isupper() or t.lower() in _NP_WORD or t.startswith("al-") or "-based" in t:
            out.append(t)
            continue
        break
    return " ".join(out)


def _clean_source(phrase: str) -> str:
    words = phrase.split()
    while words and words[-1].lower() in _GENERIC_TAIL:
        words.pop()
    while words and words[0].lower() in ("the", "a", "an", "and", "but", "as", "with"):
        words.pop(0)
    if words and words[0] in ("The", "A", "An"):
        words.pop(0)
    return " ".join(words)


def attribution(sentence: str) -> str:
    """Who a sentence attributes its content to ("the Syrian Observatory for Human Rights"), or ""."""
    m = re.search(r"\baccording to\s+(?:an?\s+|the\s+)?([^,.;]+)", sentence)
    if m:
        src = _clean_source(_np_right(m.group(1)) or m.group(1))
        if src:
            return src
    for m in re.finditer(rf"\b{_ATTR_VERBS}\b", sentence):
        left = sentence[: m.start()].rstrip()
        right = sentence[m.end():]
        # "..., the Observatory said" / "a monitor said" / "SANA reported"
        toks = _TOKEN.findall(left)
        np = _np_left(toks)
        if np and np.lower() not in ("it", "he", "she", "they"):
            return _clean_source(np)
        if left.endswith(","):
            # "X, a Britain-based monitoring group, said": skip back over the appositive
            inner = left[:-1]
            cut = inner.rfind(",")
            if cut > 0:
                np = _np_left(_TOKEN.findall(inner[:cut]))
                if np:
                    return _clean_source(np)
            np = _np_left(_TOKEN.findall(inner))
            if np and not np[:1].islower():
                return _clean_source(np)
        if left.endswith((",", "\u201d", '"')) or not left:
            np = _np_right(right)  # inversion: '..., said the Observatory'
            if np:
                return _clean_source(np)
    m = re.search(r"\b([^,.;]*?)\s+(?:reporting|saying)\b", sentence)
    if m:
        np = _np_left(_TOKEN.findall(m.group(1)))
        if np:
            return _clean_source(np)
    return ""


def extract_claims(doc: PreparedDocument) -> list[tuple[Claim, _Meta]]:
    """Every numeric claim in one prepared article, in text order."""
    article, anchor = doc.article, doc.anchor
    out: list[tuple[Claim, _Meta]] = []
    for sentence, times in zip(doc.sentences, doc.times):
        s_start, sent = sentence.start, sentence.text
        event_date = next((r.date for t, r in times if r.resolved and not is_history(sent, t.start - s_start)), None)
        attr: str | None = None
        listed = False  # a figure was taken from this sentence: a bare number after it continues the list
        quantities = list(find_quantities(sent))
        paired: set[int] = set()  # the second figure of a rate or a range: part of the first's claim
        for k, (q_start, q_end, qty) in enumerate(quantities):
            surface = sent[q_start:q_end]
            before_txt, after_txt = sent[:q_start], sent[q_end:]
            if k in paired or _skip(surface, before_txt, after_txt, qty.qualifier) \
                    or not_a_quantity(surface, before_txt, after_txt):
                continue
            qty = _adjust(qty, before_txt, after_txt)
            high = per = None
            if k + 1 < len(quantities):
                n_start, n_end, n_qty = quantities[k + 1]
                kind = pair_kind(sent, q_end, n_start, before_txt)
                if kind:  # the counted thing follows the second figure: "one in five adults"
                    paired.add(k + 1)
                    high, per = (n_qty.value, None) if kind == "range" else (None, n_qty.value)
                    q_end, after_txt = n_end, sent[n_end:]
            unit = ""
            cur = re.search(r"(?:\$|\bUS\$|\b(?:U\.S\.\s+)?dlrs\.?|\bUSD)\s*$", before_txt)
            if qty.currency:
                unit = "USD"
            elif cur:
                unit, q_start = "USD", cur.start()
            elif re.match(r"\s*(?:%|per\s?cent\b)", after_txt):
                unit = "%"
            what, after_words = _what(re.sub(r"^\s*(?:%|per\s?cent)", "", after_txt))
            before_words = [t.lower() for t in _TOKEN.findall(before_txt[-80:])]
            noun, event = _classify(what, before_words, after_words)
            if not what and not unit:
                # a bare number counts only where the sentence says what it is: "thousands have been killed",
                # "the death toll was more than 500", "including 20 on Tuesday", "measuring 7.4", a list
                # "Yalova with 2,400, Istanbul with 984", a range "between 20 and 40 billion", "dozens of which"
                magnitude = bool(re.search(r"\b(?:magnitude(?: of)?|measuring|measured|registered(?: at)?)\s*$",
                                           before_txt))
                if not qty.qualifier and re.search(
                        r"\b(?:was|were|is|are|aged|ages of)\s+(?:\d+(?:,\s*|\s+and\s+|\s+or\s+))*$", before_txt):
                    continue  # ages: "when he was 7, 15 and 20"
                if magnitude:
                    noun, event = "magnitude", ""
                elif re.match(r"\s*of (?:which|them|whom)\b", after_txt) or re.search(r"\bbetween\s*$", before_txt):
                    pass
                elif not event and not (before_words and before_words[-1] in ("including", "with")) and not listed:
                    continue
                elif listed and not event:
                    noun, event = out[-1][1].key[0], out[-1][1].key[1]
                noun = noun or "people"
            if what and (what.split()[0].lower() in TIME_UNITS or what.split()[0].lower() in _VERBS):
                continue
            if unit or not what or what.split()[0].lower() in MEASURE_UNITS:
                # only a unit after the figure: the counted thing is beside it ("15 percent of calories")
                bare = re.sub(r"^\s*(?:%|per\s?cent)", "", after_txt)
                at = bare.find(what) if what else -1
                after_unit = bare[at + len(what):] if at >= 0 else bare
                context = context_thing(before_txt, re.sub(r"^\s*(?:%|per\s?cent)", "", after_unit))
                if context and context.lower() not in what.lower():
                    label_extra = context
                else:
                    label_extra = ""
            else:
                label_extra = ""
            if attr is None:
                attr = attribution(sent)
            end = q_end + len(after_txt) - len(after_txt.lstrip()) + (len(what) if what else 0)
            end = min(end, len(sent))
            span_text = sent[q_start:end] if what and sent[q_start:end].endswith(what) else surface
            if span_text == surface:
                end = q_end
            shown = any(EVENT_OF.get(x.lower()) == event or _IMPLIED_EVENT.get(x.lower()) == event
                        for x in what.split())
            label = (f"{what or noun} {event}" if event and not shown else what).strip()
            if label_extra:
                label = f"{label} {label_extra}".strip() if label else label_extra
                if not noun:  # "15 percent of calories": the quantity is the calories'
                    noun = stem(label_extra.split()[-1].lower())
            cumulative = bool(_CUMULATIVE.search(sent))
            claim = Claim(
                value=qty.value,
                qualifier=qty.qualifier,
                text=span_text,
                what=label or unit,
                attributed_to=attr,
                # a running total is as of the report; a one-off figure is as of its event
                date=(None if cumulative else event_date) or (anchor.isoformat() if anchor else None),
                article_id=article.id,
                start=s_start + q_start,
                end=s_start + end,
                unit=unit,
                sentence=sent,
                high=high,
                per=per,
            )
            if event == "trapped":
                cumulative = False  # a population under siege is a stock, not a running total
            meta = _Meta((noun, event, unit), cumulative, qty.qualifier.endswith(" of"),
                         anchor, event_date)
            out.append((claim, meta))
            listed = True
    return out


_SCALE_AFTER = re.compile(r"^\s+and\s+[\d.,]+\s+(hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)
_POSTFIX = re.compile(r"^\s+(?:[A-Za-z-]+\s+){0,2}or\s+(above|more|higher|over|greater|less|fewer|below|lower)\b")
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}


def _adjust(qty: Quantity, before: str, after: str) -> Quantity:
    """Context that changes a value: "between 20 and 40 billion", "four or more", "surpassed 12,000"."""
    value, qual = qty.value, qty.qualifier
    m = _SCALE_AFTER.match(after)
    if m and re.search(r"\bbetween\s*$", before) and value < 1000:
        value *= _SCALES[m.group(1).lower()]
    if not qual:
        m = _POSTFIX.match(after)
        if m:
            qual = "at least" if m.group(1) in ("above", "more", "higher", "over", "greater") else "at most"
        elif re.search(r"\b(?:surpassed|exceeded|topped|passed)\s*$", before):
            qual = "more than"
    return Quantity(value, qual, qty.currency) if (value, qual) != (qty.value, qty.qualifier) else qty


def _skip(surface: str, before: str, after: str, qualifier: str) -> bool:
    core = surface.split()[-1] if surface.split() else surface
    if re.match(r"[-\u2013]\w", after) or re.search(r"[-\u2013/]$", before):
        return True  # "15-member", "S-300", "five-year", scores and ranges
    if re.match(r"\s*(?:st|nd|rd|th)\b", after):
        return True
    if not qualifier and "," not in core and _YEARLIKE.match(core):
        return True  # a year
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
        return True  # a date
    if re.match(r"\s*(?::\d|a\.m\.|p\.m\.|GMT|BST|EST|am\b|pm\b|o'clock)", after) or before.endswith(":"):
        return True  # a time
    if re.search(r"\b(?:aged|age|No\.|number|route|page|article|resolution|flight|room|chapter|section)\s*$",
                 before, re.IGNORECASE):
        return True
    if surface.lower().split()[-1] in _SMALL_WORDS and len(surface.split()) == 1:
        return True  # "one" is rarely a figure
    if re.search(r"\b[A-Z][\w'’-]+,\s*$", before) and re.match(r"^\s*,", after) and surface.isdigit() \
            and int(surface) < 120:
        return True  # an age: "Aaron McKinney, 22, goes on trial"
    if re.match(r"\s*(?:years?|months?)[-\s]old\b", after):
        return True
    return False


# --- grouping ----------------------------------------------------------------------------------

def _compatible(a: float, vague_a: bool, b: float, vague_b: bool, ratio: float) -> bool:
    if vague_a and vague_b:
        return a == b
    if vague_a:
        return a <= b < a * 10
    if vague_b:
        return b <= a < b * 10
    lo, hi = min(a, b), max(a, b)
    return lo > 0 and hi / lo <= ratio


def group_claims(pairs: Sequence[tuple[Claim, _Meta]], *, ratio: float = 1.5) -> list[FactGroup]:
    """Group claims of the same quantity across articles and label each group."""
    groups: list[list[tuple[Claim, _Meta]]] = []
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
                tolerance = ratio if event else 1.0
                if all(_compatible(c.value, m.vague, claim.value, meta.vague, tolerance) for c, m in g) \
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
    for g in groups:
        status = _status(g)
        claims = tuple(c for c, _ in g)
        out.append(FactGroup(what=_group_what(g), status=status, claims=claims))
    order = {"differ": 0, "updated": 1, "agree": 2, "single": 3}
    out.sort(key=lambda fg: (order[fg.status], -len(fg.claims), fg.claims[0].article_id, fg.claims[0].start))
    return out


def _same_day(a: _Meta, b: _Meta) -> bool:
    """The two claims' events fall on the same day, or neither report is dated (undated input: the text
    alone cannot tell two days apart)."""
    if a.event_date or b.event_date:
        return a.event_date == b.event_date
    return a.report_date is None and b.report_date is None


MAX_TOLL_RISE = 30.0  # a running toll may grow this much between reports (an earthquake's: 600 -> 12,000)


def _rising_toll(g: list[tuple[Claim, _Meta]], claim: Claim, meta: _Meta, headline: dict) -> bool:
    """Whether ``claim`` continues a running toll: same count, each report's headline figure, later reports,
    never falling."""
    if not meta.cumulative or meta.key[1] not in TOLL_EVENTS or meta.vague or meta.report_date is None:
        return False
    if any(headline.get((c.article_id, m.key)) != c.value for c, m in g + [(claim, meta)]):
        return False
    members = [(m.report_date, c.value) for c, m in g if not m.vague]
    if not members or any(d is None or d == meta.report_date for d, _ in members):
        return False
    points = sorted(members + [(meta.report_date, claim.value)])
    values = [v for _, v in points]
    if any(b < a for a, b in zip(values, values[1:])):
        return False
    return values[0] > 0 and values[-1] / values[0] <= MAX_TOLL_RISE


def _group_what(g: list[tuple[Claim, _Meta]]) -> str:
    noun, event, unit = g[0][1].key
    labels = [c.what for c, _ in g if c.what]
    if len(g) == 1 or not event:
        return labels[0] if labels else noun
    return f"{noun} {event}"


def _status(g: list[tuple[Claim, _Meta]]) -> str:
    if len({c.article_id for c, _ in g}) < 2:
        return "single"
    precise = [(c, m) for c, m in g if not m.vague]
    values = {c.value for c, _ in precise}
    if len(values) <= 1:
        return "agree"
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


def story_facts(documents: Sequence[Article | PreparedDocument]) -> tuple[list[Claim], list[FactGroup]]:
    """All claims of the story's articles and their groups."""
    pairs: list[tuple[Claim, _Meta]] = []
    for doc in prepare_documents(documents):
        pairs.extend(extract_claims(doc))
    return [c for c, _ in pairs], group_claims(pairs)
