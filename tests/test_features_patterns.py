"""The story features' name, number and year patterns open with the character they need and check what
comes before it second: they find what the plain forms with a leading look-behind find."""

from __future__ import annotations

import re

import pytest

from storylens.stories.features import _CAP, _NUM, _YEAR, _YEAR_ZH
from storylens.text.lexicon import YEAR_PATTERN

PLAIN_CAP = re.compile(r"(?<![.!?\n\"\u201c])\s+((?:[A-Z][\w'\u2019-]*)(?:\s+[A-Z][\w'\u2019-]*)*)")
PLAIN_NUM = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)(?![\w])")
PLAIN_YEAR = re.compile(rf"(?<![\w.])({YEAR_PATTERN})(?![\w])"
                        r"(?!\s*(?:GMT|BST|UTC|CET|EST|EDT|PST|PDT|local\b|hrs\b|hours\b|h\b))")
PLAIN_YEAR_ZH = re.compile(rf"(?<![\d.])({YEAR_PATTERN})(?=\s*\u5e74)")
TEXTS = [
    "Rebels shelled Aleppo on Tuesday. Forty-five people died, said Ahmad Al Hassan of the White Helmets.",
    " Leading space Names, then \u201c Quoted Name\u201d and \"Straight Quote\" and end.  Two  Spaces Here",
    "12 people, 3.5 percent, 1,200 homes, v2 beta, 4.5.6 build, .75 share, 10a, a10, 2016-10-06, 99",
    "\n\nAfter Lines\nNext Line Starts. Then More Names? Yes Sir! Okay \u2019Tis O\u2019Brien",
    "Caf\u00e9 \u00c9lys\u00e9e met M\u00fcller in Z\u00fcrich; \u0661\u0662 Arabic digits \u0663, Ende 7.",
    "", " ", "1", ".1", "x 1", "A", " B", ". C", "\" D", "\u201c E",
    "In 1998, since 2011, at 2045 GMT, 2130 local time, 21999, x2015, 2015a, .2016, 1799 and 2100, (2016).",
    "\u81ea2015\u5e74\u4ee5\u6765, 2020 \u5e743\u6708, 12015\u5e74, 2015.5\u5e74",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_patterns_find_what_their_plain_forms_find(text):
    assert _CAP.findall(text) == PLAIN_CAP.findall(text)
    assert _NUM.findall(text) == PLAIN_NUM.findall(text)
    assert _YEAR.findall(text) == PLAIN_YEAR.findall(text)
    assert _YEAR_ZH.findall(text) == PLAIN_YEAR_ZH.findall(text)
