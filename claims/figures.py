"""Read figures as a reader reads them: the number, what it counts or measures, its unit and qualifier.

Pure functions over one sentence (no ORM, no request). Words come from
claims.vocabulary; units are converted with pint so figures in metres and feet,
tonnes and tons compare in one base unit, while each figure keeps the words
its outlet used. Clock times are found here too, so they are never read as
counts: "at 10:45 pm (2045 GMT)" is a time, not the figures 45 and 2045.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import vocabulary as vocab

# Figures beyond this are not news figures but typing accidents or attacks ("1 followed by 400 zeros").
LARGEST_FIGURE = 1e15


@dataclass(frozen=True)
class QuantityFact:
    value: float  # the figure; for a range its middle
    unit: str  # pint unit name ("meter"), currency code ("USD") or counted noun, singular ("troop")
    text: str
    start: int
    end: int
    qualifier: str = "exact"  # exact, about, nearly, over, under, at_least, up_to, range
    measure: str = ""  # what it counts or measures: "deaths", "crowd", "length"...
    noun: str = ""  # the counted noun or unit as written: "tugboats", "metre"
    low: float | None = None
    high: float | None = None
    base_value: float | None = None  # in base_unit: metres, kilograms, seconds, or the count itself
    base_unit: str = ""
    attribution: str = ""  # who the sentence says gave this figure, when it says so
    forecast: bool = False  # a plan or expectation ("expected to draw up to 80,000"), not a count


@dataclass(frozen=True)
class ClockTime:
    text: str
    start: int
    end: int
    clock: str  # "20:45"
    zone: str = ""  # "GMT", "UTC", "local" or ""


# --- Clock times -------------------------------------------------------------------

_ZONES = r"GMT|UTC|Z|IST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|BST|JST|MSK|EAT|WAT|AEST|local time|hrs"
_CLOCK_PATTERNS = (
    # 10:45 pm, 7.20 pm, 11:19 a.m.
    re.compile(r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\s?(?P<ap>[ap]\.?\s?m\b\.?)", re.I),
    # 9 a.m., 10pm, 2 p.m.
    re.compile(r"\b(?P<h>1[0-2]|0?[1-9])\s?(?P<ap>[ap]\.m\.|[ap]m\b)", re.I),
    # 2045 GMT, 0830 UTC, 1530 hrs
    re.compile(rf"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s?(?P<zone>{_ZONES})\b"),
    # 03:19 GMT, 11:11
    re.compile(rf"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b(?:\s?(?P<zone>{_ZONES})\b)?"),
    # "as of 10.30", "at 10.30"
    re.compile(
        r"(?<=\b(?:at|by) )(?P<h>[01]?\d|2[0-3])\.(?P<m>[0-5]\d)\b(?!\s*(?:%|percent|per cent))", re.I
    ),
    re.compile(r"(?<=\bas of )(?P<h>[01]?\d|2[0-3])[.:](?P<m>[0-5]\d)\b", re.I),
)


def extract_times(text: str, offset: int = 0) -> list[ClockTime]:
    """Clock times in a sentence, with the 24-hour clock and the zone when given."""
    found: list[ClockTime] = []
    if not re.search(r"\d", text):
        return found
    for pattern in _CLOCK_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(t.start - offset < end and start < t.end - offset for t in found):
                continue
            groups = match.groupdict()
            hour, minute = int(groups["h"]), int(groups.get("m") or 0)
            meridiem = (groups.get("ap") or "").lower().replace(".", "").replace(" ", "")
            if meridiem == "pm" and hour < 12:
                hour += 12
            elif meridiem == "am" and hour == 12:
                hour = 0
            zone = groups.get("zone") or ""
            zone = "local" if zone.lower() == "local time" else zone.upper() if zone != "hrs" else ""
            found.append(
                ClockTime(match.group(), offset + start, offset + end, f"{hour:02d}:{minute:02d}", zone)
            )
    found.sort(key=lambda t: t.start)
    return found


# --- Number patterns --------------------------------------------------------------------

_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,028,000
    r"|\d{1,3},\d{1,2}(?=\s*(?:million|milliard|billion|mio|mrd)\b)"  # 1,2 million
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])"  # 219 500
    r"|\d+(?:\.\d+)?"
)
_DIGIT_NUMBER = rf"(?<![\w.,/+-])(?:{_DIGITS})(?!(?:st|nd|rd|th)\b)(?![\d])"
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_WORD_VALUES = dict(vocab.SMALL_NUMBERS)
_WORD_VALUES.update(
    {
        f"{tens}{sep}{one}": vocab.SMALL_NUMBERS[tens] + index
        for tens in _TENS
        for index, one in enumerate(_ONES, 1)
        for sep in ("-", " ")
    }
)
_WORD_VALUES.update({"one million": 1e6, "one billion": 1e9, "one thousand": 1e3, "one hundred": 100})


def _alternatives(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_WORD_NUMBER = _alternatives(_WORD_VALUES)
_VAGUE = _alternatives(vocab.VAGUE_AMOUNTS)
_QUALIFIER = "|".join(f"(?P<q_{name}>{pattern})" for name, pattern in vocab.QUALIFIERS)
_CURRENCY = r"US\$|HK\$|A\$|C\$|[$€£¥₹₽₴]|Rs\.?(?=\s?\d)"
_SCALE_WORDS = r"thousand|million|billion|trillion|milliard|mio|mn|bn|tn|lakhs?|crores?"
_NUMBER_BODY = (
    rf"(?:(?P<num>{_DIGIT_NUMBER})|(?P<word>\b(?:{_WORD_NUMBER})\b)|(?P<vague>\b(?:{_VAGUE})\b))"
    rf"(?:\s?(?P<scale>\b(?:{_SCALE_WORDS})\b|(?<=\d)[kmb]n?\b))?"
)
# The number first (cheap), then what leads it, read backwards from the number.
_FIGURE = re.compile(_NUMBER_BODY, re.I)
_DIGITS_ONLY = re.compile(
    rf"(?P<num>{_DIGIT_NUMBER})(?:\s?(?P<scale>\b(?:{_SCALE_WORDS})\b|(?<=\d)[kmb]n?\b))?", re.I
)
_LEAD = re.compile(rf"(?:(?P<qual>\b(?:{_QUALIFIER}))\s+)?(?P<cur>(?:{_CURRENCY})\s?)?$", re.I)
_NUMBER_WORDS = frozenset(
    w
    for phrase in (*_WORD_VALUES, *vocab.VAGUE_AMOUNTS)
    for w in re.findall(r"[a-z]+", phrase)
    if w not in {"a", "the", "of", "one"}
)
_LETTERS = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_MONEY_WORD = re.compile(
    rf"\s+(?:(?:{_SCALE_WORDS})\s+)?(?P<cur>{_alternatives(vocab.CURRENCY_WORDS)})\b", re.I
)
_RANGE_TAIL = re.compile(
    rf"\s*(?P<sep>-|–|—|\bto\b|\band\b)\s*(?P<cur2>(?:{_CURRENCY})\s?)?"
    rf"(?:(?P<num2>{_DIGIT_NUMBER})|(?P<word2>\b(?:{_WORD_NUMBER})\b))"
    rf"(?:\s?(?P<scale2>\b(?:{_SCALE_WORDS})\b|(?<=\d)[kmb]n?\b))?",
    re.I,
)
_MONTH_STARTS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_ORDINAL = re.compile(
    rf"(?<![\w.,])(?P<n>\d{{1,3}})(?:st|nd|rd|th)\b(?!\s*(?:of\s+)?(?:{_MONTH_STARTS}))", re.I
)
_CATEGORY = re.compile(r"\bcategory[ -](?P<n>[1-5])\b", re.I)
_SHARE = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUALIFIER})\s+))?\b(?P<part>{_alternatives(_ONES)}|\d)\s+(?:out\s+of|in)\s+"
    r"(?P<whole>ten|10|five|four|three|a hundred|100)\b",
    re.I,
)
_WHOLES = {"ten": 10, "10": 10, "five": 5, "four": 4, "three": 3, "a hundred": 100, "100": 100}

# --- Units -----------------------------------------------------------------------------

_UNIT_WORD = _alternatives(vocab.UNITS)
_UNIT_AFTER = re.compile(rf"(?P<sp>[ \t\u00a0]?)(?P<unit>{_UNIT_WORD})(?![\w/²])", re.I)
_COMPOUND = re.compile(
    rf"-(?P<unit>{_UNIT_WORD}|magnitude)(?:-(?P<suffix>long|high|deep|wide|tall|old))?(?![\w])", re.I
)
_YEAR_OLD = re.compile(r"(?:-|\s)years?(?:-|\s)old\b", re.I)
_SUFFIX_AFTER = re.compile(r"\s(?P<suffix>long|high|deep|wide|tall)\b", re.I)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?(?:\s+|-)$|\bmagnitude at\s+$|\bmeasured at\s+$", re.I)
_MAGNITUDE_AFTER = re.compile(r"^(?:-|\s)magnitude\b|^\s(?:quake|earthquake|tremor)\b", re.I)
_QUAKE_WORDS = re.compile(r"\bmagnitude\b|\brichter\b", re.I)


@lru_cache(maxsize=1)
def _registry():
    import pint

    registry = pint.UnitRegistry()
    # Names the vocabulary uses that pint spells as powers.
    for name, definition in (("square_meter", "meter ** 2"), ("square_kilometer", "kilometer ** 2"),
                             ("cubic_meter", "meter ** 3")):  # fmt: skip
        registry.define(f"{name} = {definition}")
    return registry


@lru_cache(maxsize=256)
def _unit_facts(unit: str) -> tuple[str, float, str]:
    """(measure, factor to base, base unit name) for a pint unit name, by its dimension."""
    if unit in {"percent", "degree"}:
        return vocab.UNIT_MEASURES[unit], 1.0, unit
    registry = _registry()
    quantity = registry.Quantity(1.0, unit)
    base = quantity.to_base_units()
    dimension = str(quantity.dimensionality)
    measure = {
        "[length]": "length",
        "[mass]": "mass",
        "[length] ** 2": "area",
        "[length] ** 3": "volume",
        "[time]": "duration",
        "[length] / [time]": "speed",
        "[temperature]": "temperature",
    }.get(dimension, "")
    return measure, float(base.magnitude), str(base.units)


def to_base(value: float, unit: str) -> tuple[float, str]:
    """A value in its dimension's base unit, with pint: (300, "foot") -> (91.44, "meter")."""
    if unit.startswith("degree_"):
        base = _registry().Quantity(value, unit).to_base_units()
        return float(base.magnitude), str(base.units)
    _, factor, base_unit = _unit_facts(unit)
    return value * factor, base_unit


# --- Context windows --------------------------------------------------------------------

_STATE_RE = re.compile(
    "|".join(f"(?P<s{i}>\\b(?:{pattern})\\b)" for i, pattern in enumerate(vocab.STATE_PATTERNS.values())),
    re.I,
)
_STATE_NAMES = list(vocab.STATE_PATTERNS)
_BUILDING_RE = re.compile(
    "|".join(f"(?P<b{i}>\\b(?:{pattern})\\b)" for i, pattern in enumerate(vocab.BUILDING_STATES.values())),
    re.I,
)
_BUILDING_NAMES = list(vocab.BUILDING_STATES)
_LENGTH_RES = [(name, re.compile(pattern, re.I)) for name, pattern in vocab.LENGTH_CONTEXT]

_STOP_WORDS = frozenset(
    """of in on at to from by for with or and the a an that which who whom as than per across including into
    after before during since while when where were was are is be been being have has had will would could
    should may might can do does did not no its their his her our this these those there here said says
    say told according reported each every among between about around over under up down out off
    others other's them they it he she we you i so but if then only just also still almost nearly entirely
    completely roughly approximately""".split()  # noqa: SIM905
)
_MODIFIERS = frozenset(
    """more additional extra new other further another armed military civilian local foreign young old
    elderly active reserve regular combat ground front-line frontline federal national regional registered
    confirmed estimated total full-time part-time unarmed main small large big major medical senior""".split()  # noqa: SIM905
)
_VERBS = frozenset(
    "given taken shown seen known left made found put set got went came became remain remains remained stay stayed".split()
)  # noqa: SIM905
_WORD_TOKEN = re.compile(r"[ \t\u00a0]+(?P<w>[A-Za-z][A-Za-z'’-]*)")


@dataclass
class _Raw:
    """A figure found by the scan, before its measure is decided."""

    start: int
    number_end: int
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: str
    unit: str = ""  # pint unit or currency code, when written
    noun: str = ""  # as written
    lemma: str = ""
    measure: str = ""
    np_text: str = ""
    kind: str = "count"  # count, unit, money, magnitude, category, rank, share


def extract_quantities(
    text: str, offset: int = 0, dates=None, times=None, context: str = ""
) -> list[QuantityFact]:
    """Figures in a sentence with what each counts or measures.

    `dates` and `times` are this text's dates and clock times (body offsets from the
    same `offset`) when already found; numbers inside them are not figures. `context` is
    the sentence before, read only for an estimate that names nothing ("the ministry put the
    total at 1.2 million" after "two million demonstrators took to the streets").
    """
    has_digits = bool(_DIGIT.search(text))
    has_words = not _NUMBER_WORDS.isdisjoint(_LETTERS.findall(text.lower()))
    if not has_digits and not has_words:
        return []
    if times is None:
        times = extract_times(text, offset)
    taken = [(d.start - offset, d.end - offset) for d in (dates or ())]
    taken += [(t.start - offset, t.end - offset) for t in times]
    raws = _scan(text, taken, has_words)
    facts = []
    for index, raw in enumerate(raws):
        if not _decide(text, raws, index, context):
            continue
        facts.append(_fact(text, raw, offset))
    return _carry_conversions(text, facts, offset)


def _inside(position: int, spans) -> bool:
    return any(s <= position < e for s, e in spans)


def _scan(text: str, taken: list[tuple[int, int]], has_words: bool = True) -> list[_Raw]:
    raws: list[_Raw] = []
    for match in _CATEGORY.finditer(text):
        raws.append(_Raw(match.start(), match.end(), match.end(), float(match.group("n")), None, None, "exact",
                         kind="category", measure="category"))  # fmt: skip
    for match in re.finditer(r"\bmagnitude-(?P<n>\d(?:\.\d)?)\b", text, re.I):
        raws.append(_Raw(match.start(), match.end(), match.end(), float(match.group("n")), None, None, "exact",
                         kind="magnitude", measure="magnitude"))  # fmt: skip
    for match in _ORDINAL.finditer(text):
        if not _inside(match.start(), taken):
            raws.append(_Raw(match.start(), match.end(), match.end(), float(match.group("n")), None, None,
                             "exact", kind="rank", measure="rank"))  # fmt: skip
    shares = _SHARE.finditer(text) if " out of " in text or " in " in text else ()
    for match in shares:
        part = match.group("part").lower()
        value = float(_WORD_VALUES.get(part, part if part.isdigit() else 0))
        value = 100 * value / _WHOLES[match.group("whole").lower()]
        qualifier = _qualifier(match)
        start = match.start("qual") if match.group("qual") else match.start("part")
        raws.append(_Raw(start, match.end(), match.end(), value, None, None, qualifier, unit="percent",
                         kind="share", measure="percentage"))  # fmt: skip
    taken = taken + [(r.start, r.end) for r in raws]
    cursor = 0
    for match in (_FIGURE if has_words else _DIGITS_ONLY).finditer(text):
        if match.start() < cursor:
            continue
        number_start = match.start()
        if _inside(number_start, taken):
            continue
        raw = _read(text, match)
        if raw is None:
            continue
        designator = _DESIGNATOR.search(text[max(0, match.start() - 20) : match.start()])
        if (
            match.group("num")
            and not match.group("scale")
            and "," not in match.group("num")
            and designator
            and designator.group("word") not in _NOT_DESIGNATORS
            and raw.kind == "count"
            and not vocab.is_plural(raw.noun or "x")
        ):
            cursor = raw.end
            continue  # a model, flight or route number: "Boeing 737", "MAX 8 model", "Flight 302"
        cursor = raw.end
        raws.append(raw)
    raws.sort(key=lambda r: r.start)
    return raws


def _qualifier(match: re.Match) -> str:
    for name, _ in vocab.QUALIFIERS:
        if match.groupdict().get(f"q_{name}"):
            return name
    return "exact"


def _number(digits: str | None, word: str | None, scale: str | None) -> float | None:
    if digits:
        compact = digits.replace("\u00a0", " ").replace("\u202f", " ")
        if re.fullmatch(r"\d{1,3},\d{1,2}", compact):
            value = float(compact.replace(",", "."))  # 1,2 million
        else:
            value = float(compact.replace(",", "").replace(" ", ""))
    elif word:
        value = float(_WORD_VALUES[" ".join(word.lower().split())])
    else:
        return None
    if scale:
        value *= vocab.SCALES.get(scale.lower(), 1)
    return value


def _read(text: str, match: re.Match) -> _Raw | None:
    """One figure from a match: value, range, unit or counted noun."""
    groups = match.groupdict()
    digits, word, vague = groups.get("num"), groups.get("word"), groups.get("vague")
    lead = _LEAD.search(text, max(0, match.start() - 40), match.start())
    currency = (lead.group("cur") or "").strip()
    scale = match.group("scale")
    number_end = match.end()
    if scale and not currency and scale.lower() in {"m", "b"}:
        scale, number_end = None, match.start("scale")  # "300m" without a currency is metres
    if digits and re.fullmatch(r"0\d+", digits):
        return None  # "06782", "0130": codes and clock times, never counts
    qualifier = _qualifier(lead)
    start = (
        lead.start("qual")
        if lead.group("qual")
        else lead.start("cur")
        if lead.group("cur")
        else match.start()
    )
    low = high = None
    if vague:
        low, high = vocab.VAGUE_AMOUNTS[" ".join(vague.lower().split())]
        value, qualifier = (low + high) / 2, "range"
    else:
        value = _number(digits, word, scale)
        if value is None:
            return None
        if digits and not scale and not currency and re.fullmatch(r"(1[89]|20)\d\d", digits):
            if not re.match(
                r"\s?(?:-|\s)?(?:%|per ?cent|[a-z]+s\b)", text[number_end : number_end + 40], re.I
            ):
                return None  # a year (dates are read elsewhere)
        before = text[max(0, start - 9) : start].lower()
        tail = _RANGE_TAIL.match(text, number_end)
        from_before = before.rstrip().endswith("from") and not re.search(
            r"rang(?:e|es|ed|ing) from\s*$", text[max(0, start - 16) : start]
        )
        if tail and not from_before:
            between = before.rstrip().endswith("between")
            second = _number(tail.group("num2"), tail.group("word2"), tail.group("scale2"))
            if second is not None and (tail.group("sep").lower() != "and" or between):
                first = value
                if tail.group("scale2") and not scale:
                    first *= vocab.SCALES.get(tail.group("scale2").lower(), 1)
                elif (
                    "," in (tail.group("num2") or "")
                    and first < 1000 <= second
                    and first * 1000 <= second * 10
                ):
                    first *= 1000  # "50 to 80,000": fifty thousand
                if first < second:
                    low, high, value, qualifier = first, second, (first + second) / 2, "range"
                    number_end = tail.end()
                    currency = currency or (tail.group("cur2") or "").strip()
                    if between:
                        start = text.lower().rfind("between", 0, start)
    if not math.isfinite(value) or abs(value) > LARGEST_FIGURE:
        return None  # "1 followed by 400 zeros" is not a figure
    raw = _Raw(start, number_end, number_end, value, low, high, qualifier)
    if currency:
        code = vocab.CURRENCY_SYMBOLS.get(currency.lower(), "")
        raw.unit, raw.kind, raw.measure, raw.noun = code, "money", "money", currency
        return raw
    if vague:
        # "hundreds of people", "thousands of barrels": the noun after "of".
        of = re.match(r"\s+of\s+", text[number_end : number_end + 20], re.I)
        if of:
            raw.end = number_end + of.end() - 1
        return _unit_or_noun(text, raw, raw.end)
    return _unit_or_noun(text, raw, number_end)


def _unit_or_noun(text: str, raw: _Raw, position: int) -> _Raw:
    rest = text[position : position + 200]  # a unit or noun is near: slicing less keeps this linear
    if re.match(r"\s?(?:%|per ?cent\b|percent\b|pct\b)", rest, re.I):
        unit = re.match(r"\s?(?:%|per ?cent\b|percent\b|pct\b)", rest, re.I)
        raw.unit, raw.kind, raw.noun, raw.end = "percent", "unit", unit.group().strip(), position + unit.end()
        return raw
    if _MAGNITUDE_BEFORE.search(text[max(0, raw.start - 25) : raw.start]):
        raw.kind, raw.measure = "magnitude", "magnitude"
        raw.start = max(0, raw.start - 25) + _MAGNITUDE_BEFORE.search(text[max(0, raw.start - 25) : raw.start]).start()  # fmt: skip
        return raw
    magnitude_after = _MAGNITUDE_AFTER.match(rest)
    if magnitude_after and raw.value < 11:
        raw.kind, raw.measure = "magnitude", "magnitude"
        if "magnitude" in magnitude_after.group().lower():
            raw.end = position + magnitude_after.end()
        return raw
    if re.match(r"-year-old\b|(?:\s|-)years?(?:-|\s)old\b", rest, re.I):
        found = _YEAR_OLD.match(rest) or re.match(r"-year-old\b", rest)
        raw.unit, raw.kind, raw.measure, raw.noun = "year", "unit", "age", "year"
        raw.end = position + found.end()
        return raw
    storeys = _STOREYS.match(rest)
    if storeys:
        # "the 12-story Champlain Towers": a building's height in floors.
        raw.noun, raw.lemma, raw.measure = "storey", "storey", "storeys"
        raw.end = position + storeys.end()
        return raw
    compound = _COMPOUND.match(rest)
    if compound:
        written = compound.group("unit")
        if written.lower() == "magnitude":
            raw.kind, raw.measure, raw.end = "magnitude", "magnitude", position + compound.end()
            return raw
        raw.unit, raw.kind, raw.noun = vocab.UNITS[written.lower()], "unit", written
        raw.end = position + compound.end()
        suffix = (compound.group("suffix") or "").lower()
        if suffix == "old":
            raw.measure = "age"
        elif suffix:
            raw.measure = vocab.COMPOUND_SUFFIX_MEASURES[suffix]
        elif _unit_facts(raw.unit)[0] == "length":
            raw.measure = "length"  # "a 96-metre vessel" is the vessel's length
        return raw
    unit = _UNIT_AFTER.match(rest)
    if unit:
        written = unit.group("unit")
        lowered = written.lower()
        raw.unit, raw.kind, raw.noun = vocab.UNITS[lowered], "unit", written
        raw.end = position + unit.end()
        suffix = _SUFFIX_AFTER.match(text, raw.end)
        if suffix:
            raw.measure = vocab.COMPOUND_SUFFIX_MEASURES[suffix.group("suffix").lower()]
            raw.end = suffix.end()
        if lowered in {"degree", "degrees"}:
            scale = re.match(
                r"\s*(?:(?P<c>celsius|centigrade|c\b)|(?P<f>fahrenheit|f\b))",
                text[raw.end : raw.end + 30],
                re.I,
            )
            if scale:
                raw.unit = "degree_Celsius" if scale.group("c") else "degree_Fahrenheit"
                raw.end += scale.end()
        return raw
    money_word = _MONEY_WORD.match(rest)
    if (
        money_word
        and money_word.group("cur").lower().startswith("pound")
        and _KILOS_AFTER.match(rest[money_word.end() :])
    ):
        # "18 million pounds (8.16 million kg)" of debris is a weight, not sterling.
        raw.unit, raw.kind, raw.noun = "pound", "unit", money_word.group("cur")
        raw.end = position + money_word.end()
        return raw
    if money_word and not re.match(r"\s+of\b", rest[money_word.end() :]):
        raw.unit, raw.kind, raw.measure = (
            vocab.CURRENCY_WORDS[money_word.group("cur").lower()],
            "money",
            "money",
        )
        raw.noun, raw.end = money_word.group("cur"), position + money_word.end()
        return raw
    if re.match(r"\s+(?:percentage\s+)?points?\b", rest, re.I) and re.search(
        r"\b(?:drop|fall|rise|increase|gain|lead|decline|jump)\s+of\s+$",
        text[max(0, raw.start - 25) : raw.start],
    ):
        found = re.match(r"\s+(?:percentage\s+)?points?\b", rest, re.I)
        raw.unit, raw.kind, raw.measure, raw.noun = "point", "unit", "percentage point", found.group().strip()
        raw.end = position + found.end()
        return raw
    _counted_noun(text, raw, position)
    return raw


_STOREYS = re.compile(r"-(?:stor(?:e)?y|floor)\b", re.I)
_KILOS_AFTER = re.compile(
    r"\s*\(\s*(?:about\s+)?[\d.,]+\s*(?:million\s+|billion\s+)?(?:kg|kilo(?:gram|gramme)?s?|tonnes?|metric tons?)\b",
    re.I,
)
_CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december""".split()  # noqa: SIM905
)


def _counted_noun(text: str, raw: _Raw, position: int) -> None:
    """The noun phrase after a count and its head: 'about 12,000 mostly brick homes' -> 'home'."""
    cursor = position
    head = first = None
    head_end = first_end = position
    words: list[str] = []
    for _ in range(6):
        match = _WORD_TOKEN.match(text, cursor)
        if not match:
            break
        word = match.group("w")
        lowered = word.lower()
        if lowered in _CALENDAR_WORDS:
            break  # "the toll rose to 11 Monday afternoon": a day, not what is counted
        if lowered in _STOP_WORDS:
            if lowered == "and" and head is None and first is not None:
                cursor = match.end()  # "domestic and international flights"
                continue
            break
        if head is not None and not (
            vocab.is_plural(word) and (head[:1].isupper() or head.lower() in vocab.IRREGULAR_PLURALS)
        ):
            break  # "police officers", "Fire Services teams" go on; "manifestants dans" does not
        words.append(lowered)
        cursor = match.end()
        if vocab.is_plural(word) and lowered not in _MODIFIERS:
            head, head_end = word, cursor
        elif word[:1].isupper() or lowered.endswith("ly") or lowered in _MODIFIERS:
            continue
        elif first is None:
            first, first_end = word, cursor
            if lowered in _VERBS:
                break
    noun, end = (head, head_end) if head else (first, first_end) if first else (None, position)
    if noun is None:
        return
    lowered = vocab.lemma(noun)
    if _STATE_RE.fullmatch(noun) and not vocab.measure_of_noun(lowered):
        lowered = "person"  # "50 dead", "731 injured", "the 25 died": people in a state
    elif lowered in _VERBS or lowered.endswith(("ed", "ing")) and not vocab.measure_of_noun(lowered):
        return  # a verb, not a noun
    raw.noun, raw.lemma, raw.end = noun, lowered, end
    raw.np_text = text[position:end]
    # Two-word nouns the vocabulary knows: "police officers", "rescue workers", "crew members".
    previous = text[position:end].split()
    if len(previous) >= 2:
        pair = f"{previous[-2].lower()} {lowered}"
        if vocab.measure_of_noun(pair):
            raw.lemma = lowered
            raw.measure = vocab.measure_of_noun(pair)


# --- Deciding what each figure counts -------------------------------------------------------


def _match_name(match: re.Match, names: list[str]) -> str:
    for key, value in match.groupdict().items():
        if value:
            return names[int(key[1:])]
    return ""


def _state_in(window: str, nearest: str, pattern=_STATE_RE, names=_STATE_NAMES) -> str:
    """The state named nearest to the figure in a window: its 'first' or 'last' match."""
    matches = list(pattern.finditer(window))
    if not matches:
        return ""
    return _match_name(matches[0] if nearest == "first" else matches[-1], names)


def _nearest_state(after: str, before: str, pattern=_STATE_RE, names=_STATE_NAMES) -> str:
    """The state closest to the figure on either side: 'killed more than 100 people and injured 700'."""
    first = pattern.search(after)
    last = None
    for last in pattern.finditer(before):  # noqa: B007 - the last one is the nearest
        pass
    if first and (last is None or first.start() <= len(before) - last.end()):
        return _match_name(first, names)
    return _match_name(last, names) if last else ""


def _clause_end(text: str, position: int) -> int:
    """Where the clause ends, looked for within 300 characters (so a huge sentence stays linear)."""
    limit = min(len(text), position + 300)
    found = [i for i in (text.find(mark, position, limit) for mark in (";", " — ", " – ", ". ")) if i != -1]
    return min(found) if found else limit


@dataclass
class _Windows:
    np: str  # the noun phrase: "injured passengers"
    after: str  # up to the next figure
    before: str  # since the previous figure, within this clause
    beyond: str  # to the clause's end
    sentence_before: str  # everything before the figure
    subject: str = ""  # the clause before the figure, further back: "The death toll in ... has risen to"


def _windows(text: str, raws: list[_Raw], index: int) -> _Windows:
    raw = raws[index]
    next_start = raws[index + 1].start if index + 1 < len(raws) else len(text)
    previous_end = raws[index - 1].end if index else 0
    clause_end = _clause_end(text, raw.end)
    after = text[raw.end : min(next_start, clause_end, raw.end + 60)]
    gap = text[previous_end : raw.start]
    # What stands before a comma belongs to another clause: "230,000 had been evacuated" is not injured.
    clause_before = re.split(r"[,;:(]|\b(?:and|while|but|whereas)\b", gap)[-1]
    before = clause_before[-70:]
    beyond = text[raw.end : min(clause_end, raw.end + 140)]
    return _Windows(
        raw.np_text, after, before, beyond, text[max(0, raw.start - 300) : raw.start], clause_before[-180:]
    )


_PEOPLE_STATES = frozenset(vocab.STATE_PATTERNS) - {"age", "population", "crowd"}
# A capitalised word right before a number names a thing: "Boeing 737", "MAX 8", "Flight 302".
_DESIGNATOR = re.compile(r"(?<![.!?]\s)\b(?P<word>[A-Z][A-Za-z]*)\s$")
_NOT_DESIGNATORS = frozenset(
    """The A An About Some Nearly More At Over Around Another Only All Almost Up By In On Of With For From To
    And But Since Between Under Just Roughly Approximately Estimated Exactly Least Than Some Of Those These
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split()  # noqa: SIM905
)
_INHERIT_AFTER = re.compile(
    r"^\s*(?:more\b|others\b|of\s+(?:whom|them|those|these)\b|(?:in|at)\s+(?:nearby\s+|neighbouring\s+)?[A-Z])"
)
# "from 10 to 15 km" shares its unit; "in nearly 90 years, has been raised to 2,975" does not.
_TO_AFTER_A_CLAUSE = re.compile(r"[,;]\s*(?:\w+\s+){1,4}to\s*$")
_INHERIT_BEFORE = re.compile(r"(?:including|and|,|\(|to|or|vs\.?|versus|while|the\s+\w+\s+counted)\s*$", re.I)
_LIST_GAP = re.compile(r"^(?:\s+[A-Z][A-Za-z]*)*\s*(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and|to)\s+)$")


# An estimate that names nothing: "put the total estimate at", "the figure stood at", "a toll of".
_ESTIMATE_FRAME = re.compile(
    r"\b(?:estimates?|estimated|figures?|total|tally|count|number|turnout|toll)\s+"
    r"(?:at|of|to|was|is|stood at|reached|rose to|put at)\s+"
    r"(?:about |around |some |nearly |almost |roughly |more than |over |at least )?$",
    re.I,
)


_FROM_BEFORE = re.compile(r"\b(?:from|of)\s+(?:about |around |some |more than |at least |over )?$")
# A bare number between commas after a name is that person's age: "Stephen Paddock, 64, of Mesquite".
_AGE_AFTER_NAME = re.compile(r"\b[A-Z][\w'’-]+\s+[A-Z][\w'’-]+,\s*$")
_AGE_AFTER_NAME_END = re.compile(r"\s*(?:[,;.]|and\b|$)")


def _decide(text: str, raws: list[_Raw], index: int, context: str = "") -> bool:
    """Set the figure's measure (and unit when it borrows one); False when it is not a figure."""
    raw = raws[index]
    if raw.kind in {"category", "rank", "magnitude", "share", "money"} or (
        raw.measure and raw.kind != "count"
    ):
        return True
    w = _windows(text, raws, index)
    if raw.kind == "unit":
        # The figure's own words count too: "as high as 1.5 metres" is a height.
        own = text[raw.start : raw.end]
        raw.measure = _unit_measure(text, raw, f"{w.before} {own} {w.after} {w.beyond}", w.before)
        return True
    if raw.value == 1:
        return False
    if (
        not raw.lemma
        and raw.qualifier == "exact"
        and raw.value < 120
        and _AGE_AFTER_NAME.search(text, max(0, raw.start - 80), raw.start)
        and (_AGE_AFTER_NAME_END.match(text, raw.end))
    ):
        raw.kind, raw.unit, raw.measure = "unit", "year", "age"  # "Stephen Paddock, 64, was found"
        return True
    if raw.lemma:
        raw.measure = _count_measure(raw, w)
        _settle_state(text, raw, w)
        if raw.lemma == "country" and _FROM_BEFORE.search(text, max(0, raw.start - 40), raw.start):
            raw.measure = "nationalities"  # "people from 33 countries" are of 33 nationalities
        raw.unit = raw.lemma
        previous = raws[index - 1] if index else None
        if (
            previous is not None
            and previous.measure in _PEOPLE_STATES
            and raw.measure not in _PEOPLE_STATES
            and vocab.is_person_noun(raw.lemma)
            and re.fullmatch(r"\s*(?:,|and|, and|or|,? including)\s*", text[previous.end : raw.start])
        ):
            # "killing all 149 passengers and 8 crew members"; "risen to 154, including 26 foreigners"
            raw.measure = previous.measure
        return bool(raw.measure)
    return _borrow(text, raws, index, w, context)


# "All 157 people aboard ... have been killed", "killing all 150 on board": the dead, not only who was aboard.
_ALL_BEFORE = re.compile(r"\ball\s+(?:the\s+)?$", re.I)
_DEATHS_RE = re.compile(rf"\b(?:{vocab.STATE_PATTERNS['deaths']})\b", re.I)


_DEAD_OR_MISSING_RE = re.compile(rf"\b(?:{vocab.STATE_PATTERNS['dead or missing']})\b", re.I)


def _settle_state(text: str, raw: _Raw, w: _Windows) -> None:
    """States the nearest word gets wrong: the dead among all aboard, and one toll of two states."""
    if raw.measure == "aboard" and _ALL_BEFORE.search(text, max(0, raw.start - 12), raw.start):
        if _DEATHS_RE.search(w.before) or _DEATHS_RE.search(w.beyond):
            raw.measure = "deaths"
    # "The number of people dead or missing presumed dead ... has risen to 79": the subject's one toll,
    # though "presumed dead" is nearer.
    if raw.measure in {"deaths", "missing"} and _DEAD_OR_MISSING_RE.search(f"{w.subject} {w.np} {w.after}"):
        raw.measure = "dead or missing"


# "At least four of the 459 people aboard are confirmed dead", "291 of the 459 people on the ferry
# unaccounted for": the part takes the clause's state; the whole is who was aboard.
_OF_THE_WHOLE = re.compile(r"\s+of\s+(?:the\s+)?(?:about\s+|some\s+|around\s+)?\d")
# "Five of the dead have now been formally identified": what is said of the part is the verb's.
_OF_THE_DEAD = re.compile(r"\s+of\s+(?:the|those|these)\s+(?:dead|victims|bodies|deceased|fatalities)\b")


def _part_of_a_whole(raw: _Raw, text: str, w: _Windows) -> bool:
    of_the_dead = _OF_THE_DEAD.match(text, raw.end)
    if not _OF_THE_WHOLE.match(text, raw.end) and not of_the_dead:
        return False
    skip = {"aboard", "age", "population"} | ({"deaths"} if of_the_dead else set())
    beyond = w.beyond[of_the_dead.end() - raw.end :] if of_the_dead else w.beyond
    states = [_match_name(m, _STATE_NAMES) for m in _STATE_RE.finditer(beyond)]
    state = next((s for s in states if s not in skip), "")
    if state:
        raw.measure, raw.unit = state, raw.unit or "person"
    return bool(state)


def _borrow(text: str, raws: list[_Raw], index: int, w: _Windows, context: str = "") -> bool:
    """A figure with no noun: its state names what is counted, or it borrows from a neighbour."""
    if _part_of_a_whole(raws[index], text, w):
        return True
    ok = _borrow_measure(text, raws, index, w, context)
    _settle_state(text, raws[index], w)
    return ok


def _borrow_measure(text: str, raws: list[_Raw], index: int, w: _Windows, context: str = "") -> bool:
    raw = raws[index]
    previous = raws[index - 1] if index else None
    following = raws[index + 1] if index + 1 < len(raws) else None
    if following and following.kind in {"unit", "count"}:
        gap = text[raw.end : following.start]
        if _LIST_GAP.match(gap) and re.search(r"[A-Z]", gap) or re.fullmatch(r",?\s+or\s+", gap):
            if (
                _decide(text, raws, index + 1) and following.measure
            ):  # "3 NDRF, 4 ODRAF units"; "12, or 13 years"
                raw.measure, raw.unit, raw.kind, raw.lemma = following.measure, following.unit, following.kind, following.lemma  # fmt: skip
                return True
    gap = text[previous.end : raw.start] if previous else ""
    inherits = bool(
        previous
        and previous.measure
        and previous.kind in {"unit", "count"}
        and (
            _INHERIT_AFTER.match(text[raw.end : raw.end + 40])
            or (len(gap) < 40 and _INHERIT_BEFORE.search(gap) and not _TO_AFTER_A_CLAUSE.search(gap))
        )
    )
    if inherits and previous.lemma in vocab.NOUN_MEASURES["buildings"]:
        raw.unit, raw.lemma = previous.unit, previous.lemma
        raw.measure = _nearest_state(w.after, w.before, _BUILDING_RE, _BUILDING_NAMES) or previous.measure
        return True
    state = _state_in(w.np, "first") or _nearest_state(w.after, w.before)
    if state == "age":
        if raw.value < 130:
            raw.measure, raw.unit = "age", "year"
            return True
        state = ""
    if state and not (inherits and state == previous.measure):
        if inherits and state in vocab.CROWD_STATES:
            raw.measure, raw.unit = previous.measure, previous.unit
        else:
            raw.measure, raw.unit = state, "vote" if state == "votes" else "person"
        return True
    if inherits:
        raw.measure, raw.unit, raw.lemma, raw.kind = (
            previous.measure,
            previous.unit,
            previous.lemma,
            previous.kind,
        )
        return True
    if following and _LIST_GAP.match(text[raw.end : following.start]) and following.kind in {"unit", "count"}:
        if _decide(text, raws, index + 1) and following.measure:
            raw.measure, raw.unit, raw.kind, raw.lemma = following.measure, following.unit, following.kind, following.lemma  # fmt: skip
            return True
    if (
        raw.value < 120
        and re.search(r"[A-Z][a-z]+,\s$", text[max(0, raw.start - 30) : raw.start])
        and re.match(r"\s*(?:[,.]|$)", text[raw.end : raw.end + 5])
    ):
        raw.measure, raw.unit = "age", "year"  # "said Yan Anqiao, 30."
        return True
    state = _state_in(w.sentence_before, "last") or _state_in(w.beyond, "first")
    if state and state != "age":
        raw.measure, raw.unit = state, "person"
        return True
    if context and _OF_THESE.match(text):
        # "...76 people were killed. Of these, 68 were in Utøya": the breakdown of the count before.
        state = _state_in(context, "last")
        if state in _PEOPLE_STATES:
            raw.measure, raw.unit = state, "person"
            return True
    if context and raw.value >= 20 and _ESTIMATE_FRAME.search(w.before):
        # The sentence before says what is counted: "...took to the streets. The ministry put
        # the total at 1.2 million."
        state = _state_in(context, "last")
        if state and state not in {"age", "population"}:
            raw.measure, raw.unit = state, "person"
            return True
    if raw.value < 11 and "." in text[raw.start : raw.number_end] and _QUAKE_WORDS.search(text):
        raw.kind, raw.measure = "magnitude", "magnitude"  # "reporting it to be 6.5"
        return True
    return False


_OF_THESE = re.compile(r"\s*(?:Of (?:these|them|those|the dead)|Among (?:them|these|those|the dead)),", re.I)


def _count_measure(raw: _Raw, w: _Windows) -> str:
    noun_measure = raw.measure or vocab.measure_of_noun(raw.lemma)
    if noun_measure == "buildings":
        state = _state_in(w.np, "first", _BUILDING_RE, _BUILDING_NAMES) or _nearest_state(
            w.after, w.before, _BUILDING_RE, _BUILDING_NAMES
        )
        return state or _state_in(w.beyond, "first", _BUILDING_RE, _BUILDING_NAMES) or "buildings"
    if not vocab.is_person_noun(raw.lemma):
        return noun_measure or raw.lemma
    generic = raw.lemma in vocab.GENERIC_PEOPLE
    state = _state_in(w.np, "first") or _nearest_state(w.after, w.before)
    if not state and (generic or not noun_measure):
        # A long subject: "The death toll in the ... collapse in the Miami Beach area has risen to nine people";
        # or the verb after an aside: "4 other people, including his 13-year-old daughter, have been killed".
        state = _state_in(w.subject, "last") or next(
            (name for m in _STATE_RE.finditer(w.beyond) if (name := _match_name(m, _STATE_NAMES)) != "age"),
            "",
        )
    if not state and generic:
        state = _state_in(w.sentence_before, "last")
    if state == "age":
        state = ""
    if state and (state not in vocab.CROWD_STATES or generic or noun_measure == "crowd"):
        if state == "population" and not generic and raw.lemma != "inhabitant":
            return noun_measure or raw.lemma
        return state
    if noun_measure:
        return noun_measure
    return "people" if generic else raw.lemma


# "a tsunami of 2 metres", "tsunami waves of 6 m": a wave's height, whatever else the clause says.
_WAVE_BEFORE = re.compile(
    r"\b(?:tsunamis?|waves?)\s+(?:\w+\s+){0,2}(?:of|reach(?:ed|es|ing)?|measuring|up to|as high as)\s*$", re.I
)


def _unit_measure(text: str, raw: _Raw, around: str, before: str = "") -> str:
    if raw.unit == "year" and re.search(r"\bage[sd]?\b|retirement", around, re.I):
        return "age"
    measure = _unit_facts(raw.unit)[0] if raw.unit else ""
    if measure == "length" and _WAVE_BEFORE.search(before):
        return "height"
    if measure == "length":
        for name, pattern in _LENGTH_RES:
            if pattern.search(around):
                return name
    if raw.unit == "degree" and re.search(r"temperature|heat|°", text, re.I):
        return "temperature"
    return measure or "count"


def _fact(text: str, raw: _Raw, offset: int) -> QuantityFact:
    if raw.measure == "age" and raw.kind == "count" and not raw.lemma:
        raw.kind, raw.unit = "unit", "year"  # "age 64" is 64 years, as "a 64-year-old" is
    snippet_end = raw.end
    snippet = text[raw.start : snippet_end].rstrip(" ,.;:")
    base_value, base_unit = raw.value, "count"
    if raw.kind == "unit" and raw.unit and raw.unit not in {"point", "percent", "degree"}:
        base_value, base_unit = to_base(raw.value, raw.unit)
    elif raw.kind == "money" or raw.unit in {"percent", "point", "degree"}:
        base_unit = raw.unit
    elif raw.kind in {"magnitude", "category", "rank"}:
        base_unit = ""
    unit = raw.unit if raw.kind != "count" else raw.unit or raw.lemma
    return QuantityFact(
        value=raw.value,
        unit="" if raw.kind in {"magnitude", "category", "rank"} else unit,
        text=snippet,
        start=offset + raw.start,
        end=offset + raw.start + len(snippet),
        qualifier=raw.qualifier,
        measure=raw.measure,
        noun=raw.noun,
        low=raw.low,
        high=raw.high,
        base_value=base_value,
        base_unit=base_unit,
        forecast=bool(vocab.FORECAST.search(_clause(text, raw.start, raw.end))),
    )


def _clause(text: str, start: int, end: int) -> str:
    """The clause a figure stands in: plans elsewhere in the sentence do not make it a plan ("has
    climbed to 81 and could hit triple digits": 81 is a count).

    Searched within 200 characters either side, so a huge sentence costs no more per figure.
    """
    low, high = max(0, start - 200), min(len(text), end + 200)
    left = max(text.rfind(mark, low, start) for mark in (",", ";", ":", " that ", " which ", " but "))
    rights = [
        i
        for i in (text.find(mark, end, high) for mark in (",", ";", ":", " which ", " but ", " and "))
        if i != -1
    ]
    return text[max(left + 1, low) : min(rights) if rights else high]


def _carry_conversions(text: str, facts: list[QuantityFact], offset: int) -> list[QuantityFact]:
    """A conversion in brackets shares its figure's measure and qualifier: 'about 110 km (70 miles)'."""
    carried = list(facts)
    for index in range(1, len(carried)):
        first, second = carried[index - 1], carried[index]
        gap = text[first.end - offset : second.start - offset]
        if not re.fullmatch(r"\s*\(\s*|\s*,\s*", gap) or first.base_unit != second.base_unit:
            continue
        if first.base_unit in {"count", "percent", ""}:
            continue
        if first.unit == second.unit and first.base_unit != "USD":
            continue
        carried[index] = replace(second, measure=first.measure, qualifier=first.qualifier)
    return carried


# --- For editors -------------------------------------------------------------------------


def as_json(quantity) -> dict:
    """A figure in the exports' JSON (export_claims, export_links, find_similar --json)."""
    return {
        "value": quantity.value,
        "unit": quantity.unit,
        "text": quantity.text,
        "measure": quantity.measure,
        "qualifier": quantity.qualifier,
        "base_value": quantity.base_value,
        "base_unit": quantity.base_unit,
        "low": quantity.low,
        "high": quantity.high,
        "attribution": quantity.attribution,
        "forecast": quantity.forecast,
    }


_QUALIFIER_WORDS = {"about": "about ", "nearly": "nearly ", "over": "over ", "under": "under ",
                    "up_to": "up to ", "at_least": "at least ", "range": "", "exact": ""}  # fmt: skip


def reading(quantity) -> str:
    """How a figure was read, in words: 'length: 300 m (as written: 300-metre-long)'.

    Takes anything with QuantityFact's attribute names (a stored Quantity too).
    """
    from .conflicts import _SYMBOLS, describe, facts_from

    figure = facts_from(text=quantity.text, quantities=[quantity], offset=quantity.start).figures[0]
    words = describe(figure)
    base_unit = quantity.base_unit or ""
    if base_unit not in {"", "count", "percent", "point", "degree"} and quantity.base_value is not None:
        converted = abs(quantity.base_value - quantity.value) > 1e-9 * max(1.0, abs(quantity.value))
        if converted and quantity.unit not in vocab.CURRENCY_SYMBOLS.values():
            words += (
                f" = {_short(quantity.base_value)} {_SYMBOLS.get(base_unit, base_unit.replace('_', ' '))}"
            )
    measure = quantity.measure or "figure"
    extra = " (a plan or expectation)" if getattr(quantity, "forecast", False) else ""
    source = f", according to {quantity.attribution}" if getattr(quantity, "attribution", "") else ""
    return f"{measure}: {words}{extra}{source} (as written: {quantity.text})"


def _short(value: float) -> str:
    if abs(value) >= 100 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
