"""What the evidence scorer counts as a match: speaker names, bad speakers, counted things, values, figures.

Shared by benchmarks/evidence_eval.py and the scripts that import it (citation_check.py, evidence_errors.py).
"""

from __future__ import annotations

import re
from typing import Any


# what a speaker must never be: a title, a weekday or month, a place (the places of these stories and the
# usual ones); a fixed list of this scorer, so that the count does not depend on the system's own lexicons
TITLES = {"dr", "mr", "mrs", "ms", "miss", "sen", "senator", "rep", "gov", "governor", "lt", "sgt", "gen", "col",
          "capt", "cpl", "adm", "maj", "rev", "prof", "judge", "justice", "president", "prime minister", "minister",
          "sheriff", "mayor", "chairman", "spokesman", "spokeswoman", "officials", "official", "police"}
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "today", "yesterday", "tomorrow"}
PLACES = {
    "alabama", "ala", "alaska", "arizona", "arkansas", "california", "calif", "colorado", "colo", "connecticut",
    "delaware", "florida", "fla", "georgia", "ga", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "mass", "michigan", "minnesota", "mississippi",
    "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york", "ny",
    "north carolina", "nc", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island",
    "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "va", "washington",
    "wash", "west virginia", "wisconsin", "wyoming", "wyo", "america", "united states", "us", "britain", "england",
    "france", "germany", "spain", "italy", "israel", "china", "japan", "australia", "switzerland", "norway",
    "egypt", "mexico", "canada", "europe", "thailand", "turkey", "atlanta", "seattle", "charlotte", "jasper",
    "laramie", "bilbao", "madrid", "oslo", "geneva", "kyoto", "darwin", "kakadu", "jabiluka", "ramallah",
    "gaza", "west bank", "hebron", "denver", "chicago", "boston", "pittsburgh", "marietta", "charleston",
    "san francisco", "los angeles", "hollywood", "manhattan", "hamptons", "zumarraga", "pacific", "atlantic",
    "mental health", "treasury",
}
UNIT_WORDS = {"usd", "dollar", "dollars", "percent", "per", "cent", "%", "aud", "$", "million", "billion"}


def relocate(text: str, item: dict) -> tuple[int, int]:
    """The item's span in ``text``: its stored offsets when its anchor is still there, else the anchor's
    occurrence nearest to them (the cleaner may have changed since the annotation)."""
    s, e, anchor = item["start"], item["end"], item["anchor"]
    if text[s:s + len(anchor)].lower() == anchor.lower():
        return s, e
    low, key = text.lower(), anchor.lower()
    hits = [m.start() for m in re.finditer(re.escape(key), low)]
    if not hits:
        return -1, -1
    at = min(hits, key=lambda h: abs(h - s))
    return at, e + (at - s)


# -- names ---------------------------------------------------------------------------------------------------

def norm_name(name: str | None) -> list[str]:
    if not name:
        return []
    toks = re.findall(r"[a-z0-9]+", name.lower())
    while toks and toks[0] in TITLES | {"the", "former"}:
        toks = toks[1:]
    return toks


def same_speaker(gold: str, got: str | None) -> bool:
    """Right when the names are equal, or one is the other's part ending on the same word (a surname alone,
    "the council" for "Charleston City Council"), or its acronym; "Walter C" for "Walter C. Smith" is wrong."""
    g, s = norm_name(gold), norm_name(got)
    if not g or not s:
        return False
    if len(s) == 1 and len(s[0]) >= 2 and s[0] == "".join(w[0] for w in g if w not in ("of", "and", "for")):
        return True  # an acronym: "ERA" for "Energy Resources of Australia"
    return g == s or (g[-1] == s[-1] and (set(s) <= set(g) or set(g) <= set(s)))


def bad_speaker(name: str | None, places: frozenset[str] = frozenset()) -> bool:
    """A speaker that is a title, a weekday or month, or a place (the fixed list, or the story's ``places``)."""
    if not name:
        return False
    low = " ".join(re.findall(r"[a-z]+", name.lower()))
    return low in TITLES or low in CALENDAR or low in PLACES or low in places


# -- figures -------------------------------------------------------------------------------------------------

def stem(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def stems(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[a-z]+", (text or "").lower())}


def thing_right(heads: list[str], what: str) -> bool:
    """The system's counted thing names the annotated one: all words of one of its head nouns are in it."""
    got = stems(what) - {stem(u) for u in UNIT_WORDS}
    return any(stems(h) and stems(h) <= got for h in heads)


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-3 * max(1.0, abs(b))


def _attr(obj: Any, names: tuple[str, ...]) -> float | None:
    for n in names:
        v = getattr(obj, n, None)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return float(v)
    return None


def value_right(gold: dict, claim: Any) -> bool:
    """Value right: equal; a range needs both bounds (read from the claim's upper-bound field, whatever its
    name among the usual ones); a rate "1 in 500" may be given as the ratio, a percentage or value + base."""
    v = float(claim.value)
    if gold["kind"] == "range":
        high = _attr(claim, ("high", "upper", "value_high", "high_value", "value_max", "maximum", "to_value"))
        return _close(v, gold["value"]) and _close(high, gold["high"])
    if gold["kind"] == "rate":
        ratio = gold["value"] / gold["per"]
        per = _attr(claim, ("per", "base", "denominator", "out_of", "rate_base"))
        return (_close(v, ratio) or (_close(v, ratio * 100) and getattr(claim, "unit", "") == "%")
                or (_close(v, gold["value"]) and _close(per, gold["per"])))
    return _close(v, gold["value"])


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


_FIG = re.compile(r"(?<![\w.,])\$?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|billion|trillion)\b)?")
_MONTH_BEFORE = re.compile(r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$")
_SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}


def figures_in(text: str) -> list[float]:
    """The figures a sentence states in digits (years and days of the month left out: they are dates)."""
    out = []
    for m in _FIG.finditer(text):
        raw = m.group(1)
        if not m.group(2) and "," not in raw and "." not in raw and len(raw) == 4 and raw[:2] in ("19", "20"):
            continue
        if _MONTH_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue
        out.append(float(raw.replace(",", "")) * _SCALE.get(m.group(2) or "", 1.0))
    return out
