"""Units of measure and the readings a figure in one gives: a distance ("20 miles away"), a height ("a 5
foot, 8 inch man"), a speed ("120 miles per hour"), a temperature ("90 C") or a weight ("six pounds nine
ounces"), labelled by their dimension when nothing else says what the figure is of.
"""

from __future__ import annotations

import re

#: units of measure: the counted thing is read beside them ("miles" alone says what, not of what)
MEASURE_UNITS = frozenset("""mile miles km kms kilometer kilometers kilometre kilometres meter meters metre metres
    foot feet inch inches yard yards acre acres hectare hectares pound pounds ounce ounces ton tons tonne tonnes
    kilogram kilograms kg gram grams gallon gallons liter liters litre litres mph degree degrees gigabyte gigabytes
    megabyte megabytes square cubic metric calorie calories nautical basis""".split())
#: units of length: a figure in one with no other counted thing is a distance ("dragged her 10 feet")
LENGTH_UNITS = frozenset("""mile miles km kms kilometer kilometers kilometre kilometres meter meters metre metres
    foot feet yard yards""".split())
_UNIT_MODIFIERS = frozenset("nautical square cubic metric".split())
#: the names reports give one unit ("10 km" / "10 kilometres" / "10 kilometers"): each -> one name for all
UNIT_NAMES = {**dict.fromkeys("km kms kilometer kilometers kilometre kilometres".split(), "km"),
              **dict.fromkeys("meter meters metre metres".split(), "metre"),
              **dict.fromkeys("kg kilogram kilograms".split(), "kg"),
              **dict.fromkeys("liter liters litre litres".split(), "litre"),
              **dict.fromkeys("foot feet".split(), "foot")}
#: bearings that make a measure a distance between two places ("370 miles northeast of Rio", "20 miles away")
DISTANCE = re.compile(r"(?:away|from|outside|off|(?:north|south)?(?:east|west)|north|south)\b")


def with_distance(what: str) -> str:
    """A unit followed by its bearing names a distance: "miles northeast of Rio" -> "miles distance
    northeast of Rio", "nautical miles off Aden" -> "nautical miles distance off Aden"; a length alone is one
    too ("chased him for 30 miles" -> "miles distance")."""
    lead = "nautical " if what.lower().startswith("nautical ") else ""
    words = what[len(lead):].split(" ", 1)
    if not words or "distance" in what.split():
        return what
    if len(words) == 2 and words[0].lower() in MEASURE_UNITS and DISTANCE.match(words[1]):
        return f"{lead}{words[0]} distance {words[1]}"
    if len(words) == 1 and words[0].lower() in LENGTH_UNITS:
        return f"{lead}{words[0]} distance"
    return what


_SPEED = re.compile(r"^\s?(mph|kph|km\s?/\s?h|kmh|knots|(?:miles|kilometres|kilometers|km)\s+(?:per|an|a)\s+hour)\b",
                    re.IGNORECASE)
_TEMPERATURE = re.compile(r"^\s?(?:°\s?)?(?:(?-i:[CF])(?![\w'’-])|degrees?\s+(?:Celsius|Fahrenheit|centigrade)\b)",
                          re.IGNORECASE)
_OUNCES = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen)"
_POUNDS_OUNCES = re.compile(rf"^\s?(pounds?|lbs?)\.?,?\s+(?:and\s+)?{_OUNCES}\s?(?:ounces?|oz)\b", re.IGNORECASE)
_AFTER_POUNDS = re.compile(r"\b(?:pounds?|lbs?)\.?,?\s+(?:and\s+)?$", re.IGNORECASE)


def reading(before: str, after: str) -> str:
    """The dimension a figure in a unit of speed or temperature reads, or of a weight in pounds and ounces,
    with its unit ("120 miles per hour" -> "miles per hour speed", "highs of 23C" -> "C temperature", "six
    pounds nine ounces" -> "pounds weight" and "ounces weight"); "" for any other figure."""
    m = _SPEED.match(after)
    if m:
        return f"{' '.join(m.group(1).split())} speed"
    m = _TEMPERATURE.match(after)
    if m:
        return f"{m.group(0).strip()} temperature"
    m = _POUNDS_OUNCES.match(after)
    if m:
        return f"{m.group(1)} weight"
    if _AFTER_POUNDS.search(before[-12:]) and re.match(r"\s?(?:ounces?|oz)\b", after, re.IGNORECASE):
        return f"{after.split()[0].strip(',.;:')} weight"
    return ""


_HEIGHT_AFTER = re.compile(r"^[\s-]*(?:foot|feet|ft)\b,?\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|"
                           r"ten|eleven)[\s-]*(?:inch|inches|in)\b", re.IGNORECASE)
_HEIGHT_BEFORE = re.compile(r"\b(?:\d|one|two|three|four|five|six|seven)[\s-]*(?:foot|feet|ft)\b,?[\s-]*$",
                            re.IGNORECASE)


def height(before: str, after: str) -> bool:
    """A person's height in feet and inches, two figures ("a 5 foot, 8 inch man"): each is a height."""
    return bool(_HEIGHT_AFTER.match(after) or (_HEIGHT_BEFORE.search(before)
                                                and re.match(r"[\s-]*(?:inch|inches)\b", after)))


def _sizes(dimension: str, size: float, *names: str) -> dict[str, tuple[str, float]]:
    return dict.fromkeys(names, (dimension, size))


#: each unit's dimension and its size in the dimension's base unit (metre, square metre, km/h, kilogram)
_CONVERSIONS = {
    **_sizes("length", 1000.0, "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres"),
    **_sizes("length", 1609.344, "mile", "miles"),
    **_sizes("length", 1.0, "metre", "metres", "meter", "meters", "m"),
    **_sizes("length", 0.3048, "foot", "feet", "ft"),
    **_sizes("length", 0.9144, "yard", "yards"),
    **_sizes("area", 1.0, "square metre", "square metres", "square meter", "square meters", "sq m"),
    **_sizes("area", 0.09290304, "square foot", "square feet", "sq ft"),
    **_sizes("area", 1e6, "square km", "square kilometre", "square kilometres", "square kilometer",
             "square kilometers"),
    **_sizes("area", 2589988.0, "square mile", "square miles"),
    **_sizes("area", 4046.856, "acre", "acres"),
    **_sizes("area", 1e4, "hectare", "hectares"),
    **_sizes("speed", 1.0, "km/h", "km / h", "kph", "kmh", "kilometres per hour", "kilometers per hour",
             "km per hour"),
    **_sizes("speed", 1.609344, "mph", "miles per hour", "miles an hour"),
    **_sizes("mass", 1.0, "kg", "kilogram", "kilograms"),
    **_sizes("mass", 0.45359237, "pound", "pounds", "lb", "lbs"),
}
_CONVERTIBLE = re.compile("^(" + "|".join(re.escape(u) for u in sorted(_CONVERSIONS, key=len, reverse=True))
                          + r")(?:\s|$)")


def in_base_unit(what: str, value: float) -> tuple[str, float, str] | None:
    """``(dimension, value in its base unit, unit)`` of a measure whose counted thing opens with its unit
    ("km distance", "miles per hour speed", "square foot building", "F temperature"), so that one measure
    told in two units compares ("48km" and "30 miles"); None for any other figure."""
    low = what.lower()
    if re.match(r"°?[cf] temperature\b", low):
        celsius = value if low.lstrip("°")[0] == "c" else (value - 32) * 5 / 9
        return "temperature", celsius, low.lstrip("°")[0]
    m = _CONVERTIBLE.match(low)
    if not m:
        return None
    dimension, size = _CONVERSIONS[m.group(1)]
    return dimension, value * size, UNIT_NAMES.get(m.group(1), m.group(1).rstrip("s"))
