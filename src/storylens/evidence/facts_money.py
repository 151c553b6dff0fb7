"""Amounts of money: the currency of a figure (a sign, a code, a name before or after it) and the deal an
amount is the worth of when its clause names nothing else ("an offer ... $160 million")."""

from __future__ import annotations

import re

from ..text.lexicon import CURRENCY_WORDS, DOLLAR_PREFIXES
from ..text.numbers import Quantity

_CURRENCY_NAMES = "|".join(re.escape(w).replace("\\ ", "\\s+") for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
_CURRENCY_AFTER = re.compile(rf"^\s+(?:of\s+)?({_CURRENCY_NAMES})(?!\w)", re.IGNORECASE)  # "millions of dollars"
_DOLLAR_PREFIX = re.compile(rf"(?<![\w$])({'|'.join(k.upper() for k in DOLLAR_PREFIXES)})\$\s*$")
#: a currency of two words or more named before its figure, as wire copy does ("Australian dollars 6.2 billion")
_CURRENCY_NAME_BEFORE = re.compile(r"(?<!\w)(" + "|".join(
    re.escape(w).replace("\\ ", "\\s+") for w in sorted(CURRENCY_WORDS, key=len, reverse=True) if " " in w)
    + r")\s+$", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:\$|\bUS\$|\b(?:U\.S\.\s+)?dlrs\.?|\bUSD)\s*$")
#: a currency's code or abbreviation before its figure, as business and Indian copy write it ("Euro 0.94 bn",
#: "Rs 314", "EUR 5 million")
_CODE_BEFORE = re.compile(r"(?<![\w$])((?i:euros?)|EUR|GBP|INR|Rs\.?)\s*[+-]?\s*$")
_CODES = {"euro": "EUR", "euros": "EUR", "eur": "EUR", "gbp": "GBP", "inr": "INR", "rs": "INR", "rs.": "INR"}


#: pounds after a scale are money, not weight ("sold for 500 million pounds"; "2 million pounds of beef" weighs)
_POUNDS_MONEY = re.compile(r"^\s+pounds(?:\s+sterling)?\b(?!\s+of\b)", re.IGNORECASE)


def money_after(unit: str, after: str, surface: str = "") -> tuple[str, str]:
    """``(unit, text after it)``: a currency written after the figure ("46.2 million dollars", "53 million
    ECU (70 million U.S. dollars) special aid package", "500 million pounds") is its unit, its counted thing
    read past it."""
    money = _CURRENCY_AFTER.match(after) if not unit else None
    pounds = _POUNDS_MONEY.match(after) if not unit and re.search(r"(?i:million|billion)$", surface) else None
    if not money and pounds:
        return "GBP", re.sub(r"^\s*(?:\([^)]{0,40}\)|\))", "", after[pounds.end():])
    if not money:
        return unit, after
    return (CURRENCY_WORDS[" ".join(money.group(1).lower().split())],
            re.sub(r"^\s*(?:\([^)]{0,40}\)|\))", "", after[money.end():]))


#: the currency of a sign before a figure; a dollar's country may be named before it ("A$6.2 billion")
_SIGNS = {"£": "GBP", "€": "EUR"}


def currency(qty: Quantity, before: str, q_start: int, surface: str = "") -> tuple[str, int] | None:
    """``(code, start)`` of an amount of money: "USD" for "$5", "US$ 5", "dlrs 5" (the start then on the sign),
    "GBP" for "£2.5m", "EUR" for "€1.2bn", "AUD" for "A$6.2 billion"; None for any other figure."""
    cur = _CURRENCY_BEFORE.search(before)
    if qty.currency:
        return next((code for sign, code in _SIGNS.items() if sign in surface), "USD"), q_start
    prefixed = _DOLLAR_PREFIX.search(before) or _CURRENCY_NAME_BEFORE.search(before)
    if prefixed:  # "A$6.2 billion", "HK$500", "(Australian dollars 6.2 billion)"
        name = " ".join(prefixed.group(1).lower().split())
        return DOLLAR_PREFIXES.get(name) or CURRENCY_WORDS[name], prefixed.start()
    if cur:
        return "USD", cur.start()
    code = _CODE_BEFORE.search(before)
    if code:
        return _CODES[code.group(1).lower()], code.start()
    return None


def without_currency(before: str) -> str:
    """The text before a figure without the currency named or signed right before it."""
    return _CODE_BEFORE.sub("", _CURRENCY_BEFORE.sub("", _CURRENCY_NAME_BEFORE.sub("", _DOLLAR_PREFIX.sub("", before))))


#: what an amount of money named nowhere else in its clause is the worth of, when the clause names one
_DEAL_NOUNS = re.compile(r"\b(offers?|contracts?|deals?|proposals?|bids?|package|agreement|settlements?|salary|fees?|"
                         r"bonus(?:es)?|reward|budget|loans?|fines?|grants?|payments?|payouts?|ransoms?|damages?|"
                         r"price|cost)\b", re.IGNORECASE)


def deal_noun(before: str) -> str:
    """The deal an amount is the worth of, named earlier in its clause: "an initial offer to Teixeira - - eight
    years, $160 million", "a 10-year contract for at least $20 million per season"."""
    clause = re.split(r"[;:]|\.\s", before[-90:])[-1]
    found = list(_DEAL_NOUNS.finditer(clause))
    return found[-1].group(1) if found else ""


_BEFORE_QUAL = r"(?:up\s+to\s+|about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|some\s+|over\s+|just\s+)?"
#: the deal an amount is the worth of, named right before it: "a cash reward of up to $10,000 for information"
_DEAL_OF = re.compile(r"\b(?:an?|the|its|their|his|her)\s+((?:[a-z]+\s+)?(?:offer|contract|deal|bid|package|settlement|"
                      r"salary|fee|bonus|reward|budget|loan|fine|grant|payment|payout|ransom|price|cost)s?)\s+of\s+"
                      + _BEFORE_QUAL + "$")
#: a change in something to a new value: "a slight increase in turnover to £446.7m"
_CHANGE_IN_TO = re.compile(r"\b(?:increase|rise|jump|growth|fall|drop|decline|decrease|dip|boost|cut)s?\s+in\s+"
                           r"((?:[A-Za-z][\w'’-]*\s+){1,3}?)to\s+" + _BEFORE_QUAL + "$")
#: a relative clause that gives its noun the amount: "a curbside organics program which was allocated $10 million"
_GIVEN_WHICH = re.compile(r"([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}),?\s+(?:which|that)\s+(?:was|were|is|are|"
                          r"has\s+been|have\s+been|had\s+been|will\s+be)\s+(?:allocated|given|awarded|granted|"
                          r"budgeted|earmarked|assigned)\s+" + _BEFORE_QUAL + "$")
#: a price or level a market reports its subject at: "Emami Ltd is quoting at Rs 314", "Inflow of foreign direct
#: investment (FDI) during April-September of 2018-19 stood at $22.66 billion"
_QUOTED_AT = re.compile(r"(?:^|[.,;:]\s+)([A-Z][^.,;:]{0,80}?)\s+(?:(?:is|was|are|were)\s+)?(?:quoting|trading|quoted|"
                        r"traded|closed|closing|opened|priced|stood|stands|standing)\s+at\s+" + _BEFORE_QUAL + "$")
#: a change told right after a level: "The Sensex is at 41298, up 0.11%"
_LEVEL_THEN = re.compile(r"(?:^|[.;:]\s+)([A-Z][^.,;:]{0,60}?)\s+(?:is|was|are|were|closed|ended|stood|stands)\s+at\s+"
                         r"(?:Rs\.?\s*|[$£€]\s*)?\d[\d,.]*\s*,\s+(?:up|down)\s+" + _BEFORE_QUAL + "$")
_PERIOD = re.compile(r"\s*\([^)]*\)|\s+(?:during|in|for|between|on|as\s+of)\s+.*$")
_INVEST = re.compile(r"\b(?:invest|invests|invested|investing)\s+" + _BEFORE_QUAL + "$", re.IGNORECASE)
_LEADING = re.compile(r"^(?:(?:a|an|the|its|their|his|her|this|that|new)\s+)+", re.IGNORECASE)


def money_thing(before: str) -> str:
    """What an amount is, named by the words right before it (the text before it, its currency taken off):
    the deal ("a cash reward of up to"), what changed to it ("an increase in turnover to"), the noun given it
    ("a new library which was allocated"), an investment ("will invest"); or ""."""
    tail = before[-90:]
    for pattern in (_DEAL_OF, _CHANGE_IN_TO, _GIVEN_WHICH):
        m = pattern.search(tail)
        if m:
            return _LEADING.sub("", m.group(1).strip())
    m = _QUOTED_AT.search(tail) or _LEVEL_THEN.search(tail)
    if m:  # its subject, without a bracket or a period phrase
        return _LEADING.sub("", _PERIOD.sub("", m.group(1)).strip())
    return "investment" if _INVEST.search(tail) else ""
