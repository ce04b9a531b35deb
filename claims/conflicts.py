"""Comparing two claims' facts: do they agree, conflict, or merely relate?

Pure functions over plain data (no ORM, no request), so the matcher, the
evaluation script and the tests share one definition of a conflict. The input
is a ClaimFacts; `facts_from()` builds one from extraction's dataclasses or
from stored model rows alike (anything with the same attribute names).
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .vocabulary import GENERIC_PEOPLE, IRREGULAR_PLURALS, SAME_FACT, measure_of_noun

AGREES, CONFLICTS, RELATED = "agrees", "conflicts", "related"
QUANTITY, DATE, ATTRIBUTION, WORDING = "quantity", "date", "attribution", "wording"


# --- Plain data -----------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A quantity as the comparison needs it; `start`/`end` are claim-relative."""

    value: float
    unit: str
    text: str
    qualifier: str = "exact"
    start: int = 0
    end: int = 0
    measure: str = ""  # "deaths", "length"...; empty on figures read before measures existed
    base_value: float | None = None
    base_unit: str = ""
    low: float | None = None
    high: float | None = None
    forecast: bool = False


@dataclass(frozen=True)
class When:
    text: str
    value: datetime.date | None = None
    granularity: str = ""
    clock: str = ""  # a time of day, 24-hour, with its zone when given: "23:30", "08:30 UTC"


@dataclass(frozen=True)
class ClaimFacts:
    text: str
    outlet: str = ""
    attribution: str = ""
    figures: tuple[Figure, ...] = ()
    dates: tuple[When, ...] = ()
    published: datetime.date | None = None
    published_at: datetime.datetime | None = None  # the moment, when the source says it


@dataclass(frozen=True)
class Comparison:
    relation: str  # AGREES, CONFLICTS or RELATED
    kind: str = ""  # QUANTITY, DATE, ATTRIBUTION, WORDING or "" when no conflict
    explanation: str = ""
    shared_units: tuple[str, ...] = field(default=())

    @property
    def is_conflict(self) -> bool:
        return self.relation == CONFLICTS


def facts_from(
    *,
    text: str,
    quantities: Iterable = (),
    dates: Iterable = (),
    attribution: str = "",
    outlet: str = "",
    published: datetime.date | None = None,
    published_at: datetime.datetime | None = None,
    offset: int = 0,
) -> ClaimFacts:
    """ClaimFacts from anything shaped like extraction's facts or the model rows.

    `offset` is where the claim starts in its article body: stored offsets are
    body offsets, and the context of a figure is read from the claim text.
    """
    figures = []
    for q in quantities:
        start = _locate(text, q.text, q.start - offset, q.start)
        measure = getattr(q, "measure", "") or ""
        value, unit = float(q.value), q.unit if measure else normalise_unit(q.unit)
        base_value = getattr(q, "base_value", None)
        if measure and (
            _AND_ONE_MORE.match(text, start + len(q.text))
            or (_NAMED_AND.search(text, max(0, start - 40), start) and " other" in q.text)
        ):
            # "three men and a woman" are four people; so are "Bryant and 3 other people"
            value, unit = value + 1, "person"
            base_value = None if base_value is None else base_value + 1
        figures.append(
            Figure(
                value=value,
                unit=unit,
                text=q.text,
                qualifier=q.qualifier or "exact",
                start=start,
                end=start + len(q.text),
                measure=measure,
                base_value=base_value,
                base_unit=getattr(q, "base_unit", "") or "",
                low=getattr(q, "low", None),
                high=getattr(q, "high", None),
                forecast=bool(getattr(q, "forecast", False)),
            )
        )
    whens = tuple(
        When(text=d.text, value=d.value, granularity=d.granularity or "", clock=getattr(d, "clock", "") or "")
        for d in dates
    )
    return ClaimFacts(
        text=text,
        outlet=outlet,
        attribution=attribution or "",
        figures=tuple(figures),
        dates=whens,
        published=published,
        published_at=published_at,
    )


def _locate(text: str, needle: str, *guesses: int) -> int:
    for guess in guesses:
        if guess >= 0 and text[guess : guess + len(needle)] == needle:
            return guess
    found = text.find(needle)
    return max(found, 0)


# --- Words ----------------------------------------------------------------

STOPWORDS = frozenset(
    """a an the and or but if of in on at to for from by with without into onto over under about
    as is are was were be been being has have had having do does did will would shall should can
    could may might must that this these those it its it's he she they them their his her we our
    you your i me my who whom which what when where why how than then there here also not no
    said says say told tell according reported report reports statement added stated
    after before during while since until up down out off again further once very just so such
    more most other some any each both all few own same too only new one two""".split()  # noqa: SIM905
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")


def stem(word: str) -> str:
    """A deliberately small stemmer: enough to meet "troops"/"troop" and
    "Ukraine"/"Ukrainian" half way; not a linguistic analysis."""
    word = word.lower().replace("’", "'").strip(".'-")
    word = word.removesuffix("'s")
    if word in {"u.s", "u.s.", "us"}:
        return "us"
    for suffix in ("ians", "ian", "ies", "ing", "ed", "es", "ans", "an", "ia", "s", "e", "a", "y"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 1}


def entity_stems(text: str) -> set[str]:
    """Capitalised words other than a sentence's first: names, places, bodies."""
    found: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper() or word.lower() in STOPWORDS:
            continue
        before = text[: match.start()].rstrip(" “\"'‘(")
        if not before or before[-1] in ".!?":
            continue
        found.add(stem(word))
    return found


CALENDAR_STEMS = frozenset(
    stem(word)
    for word in "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)


# Measures of one named place or person: weighed only when both name the same one (or one names none).
OF_ONE_NAMED = frozenset({"population", "age"})


_NAME_THEN_AGE = re.compile(r"((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+),\s*(?:aged?\s+)?$")
_AGE_THEN_NAME = re.compile(r"\s+((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)")


def _named(facts: ClaimFacts, figure: Figure) -> set[str]:
    """Whose figure it is: the names just before it ("Anna Ortiz, 46"; "Palu, home to 350,000"),
    else just after it ("350,000 people live in Palu"). An age is a person's right beside it."""
    text = facts.text
    if figure.measure == "age":
        named = _NAME_THEN_AGE.search(text[max(0, figure.start - 60) : figure.start]) or _AGE_THEN_NAME.match(
            text[figure.end : figure.end + 50]
        )
        return {stem(word) for word in named.group(1).split()} if named else set()
    ends = [f.end for f in facts.figures if f.end <= figure.start]
    before = _names_in(facts.text, max([figure.start - 50, *ends]), figure.start)
    if before:
        return before
    starts = [f.start for f in facts.figures if f.start >= figure.end]
    return _names_in(facts.text, figure.end, min([figure.end + 30, *starts]))


# Who an age belongs to when no name is given: "his 66-year-old grandmother", "the 18-year-old suspected
# gunman", "children aged 8 to 10". The one attacker goes by many nouns.
_AGED_NOUN_AFTER = re.compile(r"^\s*(?:(?:suspected|alleged|accused|former|lone|young|old)\s+)?([a-z]+)")
_AGED_NOUN_BEFORE = re.compile(r"\b([a-z]+)\s+aged\s+$")
_PERPETRATOR = frozenset(
    stem(word)
    for word in "gunman shooter suspect attacker assailant killer perpetrator bomber driver".split()
)


def _aged_who(facts: ClaimFacts, figure: Figure) -> str:
    noun = _AGED_NOUN_BEFORE.search(facts.text[max(0, figure.start - 30) : figure.start])
    if not noun and figure.text.lower().endswith("old"):
        noun = _AGED_NOUN_AFTER.match(facts.text[figure.end : figure.end + 40])
    if not noun or noun.group(1) in STOPWORDS:
        return ""
    word = stem(noun.group(1))
    return "perpetrator" if word in _PERPETRATOR else word


def _same_named(a: ClaimFacts, fa: Figure, b: ClaimFacts, fb: Figure) -> bool | None:
    """True when both figures are said of the same name, False of different ones, None when one names none."""
    names_a, names_b = _named(a, fa), _named(b, fb)
    if not names_a or not names_b:
        if fa.measure == "age" and not names_a and not names_b:
            who_a, who_b = _aged_who(a, fa), _aged_who(b, fb)
            if who_a and who_b and who_a != who_b:
                return False  # "his 66-year-old grandmother" is not "the 18-year-old gunman"
        return None
    return bool(names_a & names_b)


# Where one figure's words end and the next one's begin: "49 died in Mexico City and 32 died in Puebla".
_CLAUSE_BREAK = re.compile(r"[,;(]|\s(?:and|while|but|whereas)\s|\s[—–-]\s")


def _places(facts: ClaimFacts, figure: Figure) -> set[str]:
    """Names said of a figure: after it up to the clause's end ('49 died in Mexico City'), and
    before it back to the previous figure's clause ('and officials in Morelos said 54'), or 50
    characters back for the first figure ('Donggala, a region of 300,000')."""
    text = facts.text
    previous = max((f.end for f in facts.figures if f.end <= figure.start), default=None)
    following = min((f.start for f in facts.figures if f.start >= figure.end), default=len(text))
    if figure.base_unit == "meter":
        previous = figure.start  # a distance is from the place named after it: "35 miles southwest of Puebla"
    if previous is None:
        before = _names_in(text, max(0, figure.start - 50), figure.start)
    else:
        gap_break = _CLAUSE_BREAK.search(text, previous, figure.start)
        before = _names_in(text, gap_break.end(), figure.start) if gap_break else set()
    limit = min(following, figure.end + 60)
    after_break = _CLAUSE_BREAK.search(text, figure.end, limit)
    return before | _names_in(text, figure.end, after_break.start() if after_break else limit)


_LOCATIVE = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?(?:of\s+)?((?:[A-Z][\w'’-]+(?:'s)?\s*){1,3})"
)


def _where(facts: ClaimFacts, figure: Figure) -> set[str]:
    """The places a count is said to be in, right after it in its clause: '55 died in Morelos state'."""
    text = facts.text
    following = min((f.start for f in facts.figures if f.start >= figure.end), default=len(text))
    limit = min(following, figure.end + 60)
    clause_break = _CLAUSE_BREAK.search(text, figure.end, limit)
    window = text[figure.end : clause_break.start() if clause_break else limit]
    places = {stem(word) for match in _LOCATIVE.finditer(window) for word in match.group(1).split()}
    # Or the toll's own place before it: "The death toll in the Philippines ... has climbed to 81".
    previous = max((f.end for f in facts.figures if f.end <= figure.start), default=0)
    toll_in = _TOLL_IN.search(text, max(previous, figure.start - 120), figure.start)
    if toll_in:
        named = next(group for group in toll_in.groups() if group)
        places |= {stem(word) for word in named.replace("'s", "").split()}
    return places - CALENDAR_STEMS  # "injured in Saturday's earthquake" names no place


_TOLL_IN = re.compile(
    r"\b(?:toll|dead|deaths|casualties|fatalities)\s+in\s+(?:the\s+)?((?:[A-Z][\w'’-]+(?:'s)?\s*){1,3})"
    # "Mozambique's death toll is already at 84"; "in Zimbabwe, where at least 98 people have died"
    r"|((?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+)['’]s\s+(?:\w+\s+)?(?:death\s+)?toll\b"
    r"|\bin\s+(?:the\s+)?((?:[A-Z][\w'’-]+\s*){1,3}),?\s+where\s+[^,;]{0,40}$"
)


def _in_other_places(a: ClaimFacts, fa: Figure, b: ClaimFacts, fb: Figure) -> bool:
    where_a, where_b = _where(a, fa), _where(b, fb)
    return bool(where_a and where_b and not where_a & where_b)


# Words that make a count one part of the event's toll: "more than 420 died in Palu alone", "in just one
# church ... more than 50 had been killed", "another 67 in the church attack", "25 people were also killed".
_PART_AFTER = re.compile(
    r"^(?:(?![,;(]|\s[—–-]\s).){0,60}?\balone\b|^\s+(?:\w+\s+){0,2}?also\b"
    # "two of the dead were identified", "78 of them are known to have been rescued"
    r"|^\s+of\s+(?:them|those|these|the\s+(?:dead|fatalities|victims|deceased|bodies|injured|wounded|missing))\b"
    r"(?!,?\s+(?:\w+\s+)?(?:seriously|critically|severely|gravely|in (?:a )?(?:serious|critical)))",
    re.I,
)
_IN_ONE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:just\s+|only\s+)?one\s+\w+\b[^;]*$", re.I)
_LOCAL_AFTER = re.compile(r"\s+local\s+(?:people|residents|villagers|inhabitants)\b", re.I)
# "along with another 67 in Negombo" after Colombo's 45; but "and a further 7,953 were injured" after
# the dead is the whole injured count: "another" makes a share only after a count of the same measure.
_ANOTHER_BEFORE = re.compile(r"\b(?:another|a further)\s+$", re.I)


# A toll the sentence says is the whole, across places: "the total death toll across Mozambique, Malawi and
# Zimbabwe is now 608", "leaving at least 215 people dead in total". It is not weighed against one place's.
_WHOLE = re.compile(
    r"\b(?:in total|overall|total|combined|across (?:the )?(?:region|(?:\w+ )?countries|[A-Z][\w-]+(?:, [A-Z][\w-]+)*"
    r",? and [A-Z][\w-]+)|in (?:all|the|the aforementioned) (?:two|three|four|five|\d+) (?:countries|states|provinces))\b"
)


def _is_whole(facts: ClaimFacts, figure: Figure) -> bool:
    text = facts.text
    previous = max((f.end for f in facts.figures if f.end <= figure.start), default=0)
    following = min((f.start for f in facts.figures if f.start >= figure.end), default=len(text))
    return bool(_WHOLE.search(text[max(previous, figure.start - 100) : min(following, figure.end + 80)]))


def _is_part(facts: ClaimFacts, figure: Figure) -> bool:
    text = facts.text
    if _PART_AFTER.search(text[figure.end : figure.end + 80]) or _IN_ONE_BEFORE.search(
        text[max(0, figure.start - 120) : figure.start]
    ):
        return True
    if _LOCAL_AFTER.match(text, figure.end) or _LOCAL_AFTER.search(" " + figure.text):
        return True  # "at least 100 local people were found dead": one town's share
    if _ANOTHER_BEFORE.search(text[max(0, figure.start - 12) : figure.start]) and (
        _where(facts, figure)
        or any(other.end <= figure.start and other.measure == figure.measure for other in facts.figures)
    ):
        return True
    # A breakdown by place: "45 had been killed in Colombo ..., along with another 67 in Negombo". Every
    # count of the measure in it is a share: "202 in Mozambique, around 100 in Zimbabwe, and 56 in Malawi in
    # addition to more than 120 killed when Idai made its first landfall".
    if figure.measure not in PEOPLE_MEASURES:
        return False
    places = [
        where
        for other in facts.figures
        if other.measure == figure.measure and (where := _where(facts, other))
    ]
    return any(not first & second for first, second in itertools.combinations(places, 2))


def _names_in(text: str, left: int, right: int) -> set[str]:
    """Capitalised words (not a sentence's first) between two offsets."""
    found = set()
    for match in _WORD.finditer(text, max(0, left), max(left, right)):
        word = match.group()
        if not word[0].isupper() or word.lower() in STOPWORDS:
            continue
        before = text[: match.start()].rstrip(" “\"'‘(")
        if before and before[-1] not in ".!?":
            found.add(stem(word))
    return found


def similarity(first: str, second: str) -> float:
    """Dice coefficient of content-word stems, 0 to 1."""
    a, b = content_stems(first), content_stems(second)
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


# --- Units and what a figure counts -----------------------------------------

_UNIT_SYNONYMS = {
    "people": "person",
    "persons": "person",
    # Counts of people by another name are counts of people (what they count is read from context).
    "resident": "person",
    "residents": "person",
    "civilian": "person",
    "civilians": "person",
    "inhabitant": "person",
    "inhabitants": "person",
    "villager": "person",
    "villagers": "person",
    "individual": "person",
    "individuals": "person",
    "soldier": "troop",
    "soldiers": "troop",
    "troops": "troop",
    "%": "percent",
    "per cent": "percent",
    "pct": "percent",
    "home": "house",
    "homes": "house",
    "houses": "house",
}


def normalise_unit(unit: str) -> str:
    unit = " ".join(unit.lower().split())
    if unit in _UNIT_SYNONYMS:
        return _UNIT_SYNONYMS[unit]
    if unit.endswith("ies") and len(unit) > 4:
        unit = unit[:-3] + "y"
    elif unit.endswith("s") and not unit.endswith("ss") and len(unit) > 3:
        unit = unit[:-1]
    return _UNIT_SYNONYMS.get(unit, unit)


# What a count of people (or things) is a count *of*: a death toll and a count of
# injured share the unit "person" but are different facts.
_ASPECTS = {
    "dead": r"kill|dead|die[sd]?\b|death|fatal|lives|bodies|perish|toll",
    "injured": r"injur|wound|hurt|hospitali[sz]",
    "missing": r"missing|unaccounted",
    "displaced": r"evacuat|displac|homeless|fled|flee|shelter|(?:left|leave|leaving) (?:their|his|her) homes?|relocat",
    "arrested": r"arrest|detain|custody",
    "rescued": r"rescu|brought (?:to the surface|out|to safety)|pulled (?:out|alive|free)|freed",
    "trapped": r"\btrap(?:ped|ping|s)?\b|stuck|buried|cut off",
    "destroyed": r"destroy|flatten|razed",
    "damaged": r"damag",
}
_ASPECT_RES = {name: re.compile(pattern, re.I) for name, pattern in _ASPECTS.items()}


def aspect(text: str, figure: Figure) -> str:
    """What the figure counts, from the few words after (then before) it."""
    own = re.sub(r"[\d.,]+", " ", figure.text)  # "41 were injured" says it itself
    # Stop at the next figure: "12 dead and 40 injured".
    after = re.split(r"\d", " ".join(text[figure.end :].split()[:7]))[0]
    before = " ".join(text[: figure.start].split()[-3:])
    for window in (own, after, before):
        for name, pattern in _ASPECT_RES.items():
            if pattern.search(window):
                return name
    return ""


# --- Figures --------------------------------------------------------------

# How far a stated figure reaches, as factors of its value.
_REACH = {
    "exact": (0.995, 1.005),
    "about": (0.9, 1.1),
    "nearly": (0.85, 1.0),
    "over": (1.0, 1.2),
    "at_least": (1.0, 1.5),
    "under": (0.7, 1.0),
    "up_to": (0.6, 1.0),
    "range": (0.8, 1.2),
}


def interval(figure: Figure) -> tuple[float, float]:
    """The values a figure allows, in its base unit when it has one: 'at least 36' reaches up to 45."""
    scale = 1.0
    if figure.base_value is not None and figure.value:
        scale = figure.base_value / figure.value
    if figure.qualifier == "range" and figure.low is not None and figure.high is not None:
        return figure.low * scale * 0.98, figure.high * scale * 1.02
    low, high = _REACH.get(figure.qualifier, _REACH["exact"])
    if figure.qualifier == "about" and figure.value == int(figure.value) and figure.value:
        # "About 330,000" is rounded to ten thousand, not to a tenth: it does not cover 350,000,
        # while "about 100,000" still covers 94,000.
        spread = min(0.1, max(0.03, _rounding_unit(figure.value) / abs(figure.value)))
        low, high = 1 - spread, 1 + spread
    value = figure.value * scale
    if value < 0:
        low, high = high, low
    if (
        figure.qualifier == "exact"
        and figure.value == int(figure.value)
        and (
            abs(figure.value) < 20 or figure.base_unit in {"", "count"} and _rounding_unit(figure.value) == 1
        )
    ):
        # Counts written to the last unit are not rounded: 4 and 5, or 153 and 154 dead, differ.
        return value, value
    if figure.qualifier == "exact" and figure.measure == "age" and figure.value:
        low, high = 1 - 0.5 / abs(figure.value), 1 + 0.5 / abs(figure.value)  # 74 and 76 are two ages
    elif figure.qualifier == "exact" and figure.base_unit not in {"", "count", "percent", "point"}:
        # A measurement is as precise as its last written digit, and conversions are rounded:
        # "14 miles" means 13.5 to 14.5 miles, so it agrees with 23 km (14.3 miles).
        half_digit = 0.5 * 10 ** -_decimals(figure.value) / abs(figure.value) if figure.value else 0
        spread = max(0.015, half_digit)
        low, high = 1 - spread, 1 + spread
    if figure.qualifier in {"over", "at_least"}:
        # "At least three" allows five; "at least 175" does not allow 381.
        return value, max(value * high, value + 3 * scale)
    return value * low, value * high


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


LOWER_BOUNDS = frozenset({"over", "at_least"})


def _rounding_unit(value: float) -> float:
    """What a written figure is rounded to: 380 -> 10, 5,000 -> 1,000, 125 -> 1, 6.5 -> 0.1."""
    if value != int(value):
        return 10.0 ** -_decimals(value)
    digits, unit = str(int(abs(value))), 1.0
    while len(digits) > 1 and digits.endswith("0"):
        digits, unit = digits[:-1], unit * 10
    return unit


def consistent(first: Figure, second: Figure) -> bool:
    if _written_range(first) and _written_range(second):
        # Two ranges written in digits are two statements of their ends: "aged 11 to 16" and
        # "aged between 11 and 17" differ ("hundreds" and "dozens" keep their wide reach).
        scale_a = _base(first) / first.value if first.value else 1.0
        scale_b = _base(second) / second.value if second.value else 1.0
        return all(
            abs(x * scale_a - y * scale_b) <= 0.01 * max(abs(x * scale_a), abs(y * scale_b), 1e-9)
            for x, y in ((first.low, second.low), (first.high, second.high))
        )
    if first.qualifier in LOWER_BOUNDS or second.qualifier in LOWER_BOUNDS:
        bounds = _lower_bounds_consistent(first, second)
        if bounds is not None:
            return bounds
    a_low, a_high = interval(first)
    b_low, b_high = interval(second)
    return a_low <= b_high and b_low <= a_high


def _written_range(figure: Figure) -> bool:
    return (
        figure.qualifier == "range"
        and figure.low is not None
        and figure.high is not None
        and any(ch.isdigit() for ch in figure.text)
    )


def _lower_bounds_consistent(first: Figure, second: Figure) -> bool | None:
    """Counts given as floors agree only when they are the same count.

    Two outlets' "at least 26" and "at least 35" dead are two different tallies (the
    independent labels count them as conflicts, and an editor wants both seen), and
    "at least 125" against "129" is another count, whereas "more than 380" against 381 is
    how one count was rounded. None when neither figure is a count floor of people or things.
    """
    if first.base_unit not in {"", "count"} or second.base_unit not in {"", "count"}:
        return None  # "at least 4 km": measurements keep their reach
    a, b = _base(first), _base(second)
    if first.qualifier in LOWER_BOUNDS and second.qualifier in LOWER_BOUNDS:
        # Floors are tallies as stated: "more than 59" and "at least 59" are one count, "at least
        # 58" another; a rounded floor stands for its neighbours ("more than 380", "at least 381").
        rounded = _rounding_unit(first.value) > 1 or _rounding_unit(second.value) > 1
        return abs(a - b) <= (0.01 * max(a, b) if rounded else 0)
    floor, other = (first, second) if first.qualifier in LOWER_BOUNDS else (second, first)
    if other.qualifier not in {"exact", "about"}:
        return None
    # "More than 380" is how 381 is rounded; "at least 153" is 153 itself, not 154.
    unit = _rounding_unit(floor.value)
    # "More than 515 injured" is how outlets give the official 515, so the floor itself agrees.
    step = 1.0 if floor.qualifier == "over" else 0.0
    low = _base(floor)
    high = _base(floor) + max(unit if unit > 1 else 0.0, step)
    other_low, other_high = interval(other)  # "around 100,000" allows more than 94,000
    return other_low <= high and low <= other_high


_QUALIFIER_WORDS = {
    "about": "about ",
    "nearly": "nearly ",
    "over": "over ",
    "under": "under ",
    "up_to": "up to ",
    "at_least": "at least ",
    "range": "",
    "exact": "",
}


def describe(figure: Figure) -> str:
    """'about 175,000 troops': the figure, its qualifier and its counted noun or unit."""
    value = figure.value
    number = _number(value)
    if figure.qualifier == "range" and figure.low is not None and figure.high is not None:
        number = f"{_number(figure.low)} to {_number(figure.high)}"
    unit = figure.unit
    if unit == "national" and "foreign" in figure.text.lower():
        unit = "foreign national"
    if figure.measure in {"magnitude", "category", "rank"}:
        return f"{figure.measure} {_QUALIFIER_WORDS.get(figure.qualifier, '')}{number}"
    if figure.measure and figure.base_unit not in {"", "count"} and unit != "percent":
        return f"{_QUALIFIER_WORDS.get(figure.qualifier, '')}{number} {_SYMBOLS.get(unit, unit)}".strip()
    if unit == "percent":
        return f"{_QUALIFIER_WORDS.get(figure.qualifier, '')}{number}%"
    if unit and value != 1 and not unit.endswith("s"):
        plural = _PLURALS.get(unit)
        if plural is None:
            plural = unit[:-1] + "ies" if unit.endswith("y") and unit[-2:-1] not in "aeiou" else unit + "s"
        unit = plural
    return f"{_QUALIFIER_WORDS.get(figure.qualifier, '')}{number} {unit}".strip()


# "3 men", "2 children", "5 people": the plural a reporter writes.
_PLURALS = {singular: plural for plural, singular in IRREGULAR_PLURALS.items() if plural != singular} | {
    "person": "people"
}


def _number(value: float) -> str:
    """175,000; 4.5; 340 million; 1.2 billion: as a reporter writes them."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size and (value / size) * 100 == int((value / size) * 100):
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


_SYMBOLS = {
    "meter": "m", "kilometer": "km", "centimeter": "cm", "millimeter": "mm", "foot": "ft", "mile": "miles",
    "inch": "in", "yard": "yd", "nautical_mile": "nautical miles", "metric_ton": "tonnes", "short_ton": "short tons",
    "long_ton": "long tons", "kilogram": "kg", "gram": "g", "kilometer_per_hour": "km/h", "mile_per_hour": "mph",
    "meter_per_second": "m/s", "knot": "knots", "square_kilometer": "km²", "square_meter": "m²", "square_mile": "sq miles",
    "square_foot": "sq ft", "hectare": "ha", "acre": "acres", "cubic_meter": "m³", "liter": "litres",
    "gallon": "gallons", "barrel": "barrels", "degree_Celsius": "°C", "degree_Fahrenheit": "°F", "degree": "°",
    "second": "s", "minute": "min", "hour": "h", "day": "days", "week": "weeks", "month": "months",
    "year": "years", "decade": "decades", "point": "points", "meter ** 2": "m²", "meter ** 3": "m³",
    "meter / second": "m/s", "kelvin": "K", "radian": "rad",
}  # fmt: skip


PEOPLE_MEASURES = frozenset(
    {
        "deaths",
        "injured",
        "missing",
        "evacuated",
        "displaced",
        "affected",
        "rescued",
        "trapped",
        "arrests",
        "crowd",
        "aboard",
        "dead or missing",
        "identified",
    }
)


# Groups of people a toll is split into: "19 students and two teachers" are children and adults,
# counted apart from each other and from the whole toll; "37 internationals" are foreigners.
_KINDS = {
    "child": "child",
    "kid": "child",
    "student": "child",
    "pupil": "child",
    "schoolchild": "child",
    "adult": "adult",
    "teacher": "adult",
    "international": "foreigner",
    "expatriate": "foreigner",
}


def _kind_of_people(figure: Figure) -> str:
    """'people' for people in general (and for nouns that name the state itself: deaths, bodies,
    demonstrators); otherwise the noun's own measure or the noun ("troops", "firefighter")."""
    noun = figure.unit
    if noun == "national" and "foreign" in figure.text.lower():
        noun = "foreigner"  # "19 foreign nationals" and "22 foreigners" count the same people
    if noun in _KINDS:
        return _KINDS[noun]
    noun_measure = measure_of_noun(noun)
    if noun in GENERIC_PEOPLE or noun == "person" or noun_measure == figure.measure or not noun:
        return "people"
    return noun_measure or noun


# A count that is only part of a tally: "five from Iran" (of 26 foreigners). It is weighed
# against nothing: the whole is another figure.
_PART_OF_A_TALLY = re.compile(r"^\s+(?:(?:were|are|was)\s+)?from\s+(?:the\s+)?[A-Z]")
# "three men and a woman": one person more than the figure says.
_AND_ONE_MORE = re.compile(r"\s+and\s+(?:a|an|one)\s+(?:woman|man|child|boy|girl|teenager)\b")
# "Kobe Bryant and 4 other people ... have been killed": the one named and the others.
_NAMED_AND = re.compile(r"\b[A-Z][\w'’-]+\s+and\s+$")


_SERIOUS = re.compile(r"serious|critical|severe|intensive care|grave", re.I)
_NEXT_COUNT = re.compile(r"\d|[,;:(]|\s(?:and|while|but)\s")


def _seriously(figure: Figure, text: str) -> bool:
    """The figure counts the gravely injured: '19 of them seriously', '33 in serious condition'."""
    after = text[figure.end : figure.end + 60]
    stop = _NEXT_COUNT.search(after)
    before = re.split(r"[,;:(]", text[max(0, figure.start - 25) : figure.start])[-1]
    return bool(_SERIOUS.search(before + figure.text + (after[: stop.start()] if stop else after)))


# A figure the sentence itself says was replaced: "rose from 127", "from 174 to 125", "higher than
# the 99 reported earlier". It is the earlier count, not this report's.
_SUPERSEDED_BEFORE = re.compile(
    r"\b(?:up|down|revised(?:\s+\w+)?|increased|rose|risen|climbed|jumped|fell|dropped)\s+from\s+$", re.I
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_TO_AFTER = re.compile(r"^\s*(?:\w+\s+)?to\s+(?:about\s+|around\s+|at least\s+|more than\s+)?\d")
_THAN_BEFORE = re.compile(r"\bthan the\s+$", re.I)
_EARLIER_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}(?:reported|given|announced|recorded|confirmed)\s+(?:earlier|previously|before)",
    re.I,
)


_RECORD_SPAN = re.compile(
    r"\b(?:most|worst|deadliest|strongest|biggest|largest|highest|lowest|first|only)\b(?:(?!\.\s+[A-Z])[^;]){0,80}?"
    r"\b(?:in|for|since)\s+(?:nearly |almost |more than |over |about |some )?$"
)  # case-sensitive: "U.S. island" goes on, ". The" ends the sentence


# "follow a previous count of 304 dead", "The previous figure had been 2,189 on Wednesday".
_EARLIER_COUNT_BEFORE = re.compile(
    r"\b(?:previous|earlier|prior|initial|first|last)\s+(?:official\s+)?(?:count|figure|toll|tally|estimate|total|number)"
    r"\s+(?:of|was|had been|stood at|at)\s+(?:about |around |some |more than |at least |over )?$",
    re.I,
)


# A change, not a count: "increased by six on Sunday", "a rise of more than 500", "six more fatalities".
_INCREMENT_BEFORE = re.compile(
    r"\b(?:(?:increased|rose|risen|climbed|jumped|grew|went up|up|down|fell|dropped)\s+by|(?:a|an)\s+(?:rise|increase|"
    r"jump|drop|fall)\s+of)\s+(?:about |around |some |more than |at least |over |nearly |almost )?$",
    re.I,
)
_INCREMENT_AFTER = re.compile(r"^\s+(?:more|additional|further|new)\s+(?!than\b)", re.I)


def _superseded(figure: Figure, text: str) -> bool:
    before, after = text[max(0, figure.start - 40) : figure.start], text[figure.end : figure.end + 60]
    return bool(
        _INCREMENT_BEFORE.search(before)
        or (figure.measure in PEOPLE_MEASURES and _INCREMENT_AFTER.match(after))
        or _SUPERSEDED_BEFORE.search(before)
        or _EARLIER_COUNT_BEFORE.search(text[max(0, figure.start - 60) : figure.start])
        or (_FROM_BEFORE.search(before) and _TO_AFTER.match(after))
        or (_THAN_BEFORE.search(before) and _EARLIER_AFTER.match(after))
    )


_AFTERSHOCK = re.compile(r"[\s-]*(?:magnitude\s+)?(?:\w+\s+){0,2}?(?:after|fore)shocks?\b", re.I)


def figure_key(figure: Figure, text: str) -> str:
    """What two figures must share to be weighed against each other: the measure and its base unit.

    Figures read before measures existed fall back to the counted noun and what it counts.
    """
    if _superseded(figure, text):
        return ""
    if figure.measure == "duration" and _RECORD_SPAN.search(text, max(0, figure.start - 90), figure.start):
        # "the most powerful storm in nearly 90 years": how long a record stands, not how long
        # something lasted; weighed only against another record's span ("in almost a century").
        return f"record span|{figure.base_unit}"
    if figure.measure:
        key = f"{SAME_FACT.get(figure.measure, figure.measure)}|{figure.base_unit}"
        if figure.measure == "magnitude" and _AFTERSHOCK.match(text, figure.end):
            key += "|aftershock"  # "a magnitude-6.6 aftershock hit an hour later" is another quake
        if figure.measure in PEOPLE_MEASURES:
            if _PART_OF_A_TALLY.match(text[figure.end : figure.end + 40]):
                return ""
            if figure.measure == "injured" and _seriously(figure, text):
                key += "|serious"  # "37 in serious condition" is not all 151 injured
            # "17 firefighters" among the dead are not the death toll, nor "149 passengers" all 157 aboard:
            # counts of people in one state compare when they count the same kind of people.
            key += f"|{_kind_of_people(figure)}"
        return key
    if figure.unit in MEASURES:
        return figure.unit
    return f"{figure.unit}|{aspect(text, figure)}" if figure.unit else ""


def _in_words(fa: Figure, fb: Figure) -> str:
    """Both figures as written, with the conversion when their units differ: '300 m vs 980 ft (299 m)'."""
    first, second = describe(fa), describe(fb)
    physical = fa.base_unit not in {"", "count", "percent", "point"} and fa.measure != "money"
    if physical and fa.unit != fb.unit and fa.base_unit == fb.base_unit and fb.base_value is not None:
        base = _SYMBOLS.get(fa.unit, fa.unit)
        factor = (fa.value / fa.base_value) if fa.base_value else 1.0
        second += f" ({_number(round(fb.base_value * factor, 1))} {base})"
    return f"{first} vs {second}"


# --- Attribution ----------------------------------------------------------


def normalise_source(source: str) -> str:
    source = " ".join(source.replace("’", "'").split())
    source = re.sub(r"^(according to|as reported by|reported by|said|says)\s+", "", source, flags=re.I)
    # A sentence's first word is capitalised: "The defence ministry said" -> "the defence ministry".
    source = re.sub(r"^The (?=[a-z])", "the ", source)
    return source.strip(" ,.;:")


def same_source(first: str, second: str) -> bool:
    a, b = content_stems(normalise_source(first)), content_stems(normalise_source(second))
    if not a or not b:
        return False
    return a <= b or b <= a


def _sources_phrase(a: ClaimFacts, b: ClaimFacts) -> str:
    first, second = normalise_source(a.attribution), normalise_source(b.attribution)
    if first and second and same_source(first, second):
        return f", both attributed to {first if len(first) >= len(second) else second}"
    if first and second:
        return f" (attributed to {first} vs {second})"
    if first or second:
        return f" (only one attributed, to {first or second})"
    return ""


# --- Moments --------------------------------------------------------------

_PLANNED = re.compile(
    r"\b(plan(?:s|ned|ning)?|could|would|may|might|expected|expects?|projected|forecast|"
    r"up to|as many as|intends?|aims?|target|eventually|will)\b",
    re.I,
)


def _clocks(facts: ClaimFacts) -> set[tuple[str, str]]:
    return {(w.clock[:5], w.clock[6:].upper()) for w in facts.dates if w.clock}


def shared_clock(a: ClaimFacts, b: ClaimFacts) -> str:
    """A time of day both claims give ("around 11:30 p.m." and "at about 23:30"), as "23:30", or "".
    Zones must match when both say one: 16:30 local and 08:30 GMT may be one moment, but not by reading."""
    for hours, zone in sorted(_clocks(a)):
        for other_hours, other_zone in _clocks(b):
            if hours == other_hours and (
                zone == other_zone or not zone or not other_zone or "LOCAL" in {zone, other_zone}
            ):
                return hours
    return ""


def _day_values(facts: ClaimFacts) -> set[datetime.date]:
    return {d.value for d in facts.dates if d.value and d.granularity in {"day", "weekday", "relative"}}


def _clause(text: str, figure: Figure) -> str:
    """The clause a figure stands in: planning words elsewhere in the sentence do not count."""
    left = max(text.rfind(mark, 0, figure.start) for mark in (",", ";", ":", " that ", " which "))
    rights = [i for i in (text.find(mark, figure.end) for mark in (",", ";", ":", " which ")) if i != -1]
    return text[left + 1 : min(rights) if rights else len(text)]


# Counts that only grow as a disaster is counted: a later, higher one is an update.
CUMULATIVE_MEASURES = frozenset(
    {"deaths", "injured", "evacuated", "displaced", "affected", "rescued", "arrests", "accounted", "identified",
     "dead or missing",
     "buildings destroyed", "buildings damaged"}
)  # fmt: skip


def _moment_note(a: ClaimFacts, fa: Figure, b: ClaimFacts, fb: Figure) -> str:
    """Why the two figures may describe different moments, or ''."""
    notes = []
    planned_a = fa.forecast if fa.measure else bool(_PLANNED.search(_clause(a.text, fa)))
    planned_b = fb.forecast if fb.measure else bool(_PLANNED.search(_clause(b.text, fb)))
    if planned_a != planned_b:
        notes.append("one is a planned or projected figure, the other a count")
    days = abs((a.published - b.published).days) if a.published and b.published else 0
    if days >= 2:
        notes.append(f"the reports were published {days} days apart")
    later = ""
    hours = _hours_apart(a, b)
    if hours is not None and hours >= 1:
        # "the later report, 20 h after": the moment, when both sources give it.
        newer, older = (fb, fa) if b.published_at > a.published_at else (fa, fb)
        updated = _is_update(a, b, newer, older)
        later = f"; {'updated: ' if updated else ''}the later report, {_span(hours)} after, says {describe(newer)}"
    elif days:
        # A toll is often updated: say which figure is the newer one, and call a higher count from
        # the same source what it most likely is, an update.
        newer, older = (fb, fa) if b.published > a.published else (fa, fb)
        updated = _is_update(a, b, newer, older)
        later = (
            f"; {'updated: ' if updated else ''}the later report, {days} day{'s' if days > 1 else ''} after, "
            f"says {describe(newer)}"
        )
    if not notes:
        return later
    return later + "; they may describe different moments (" + "; ".join(notes) + ")"


def _hours_apart(a: ClaimFacts, b: ClaimFacts) -> float | None:
    """Hours between two reports when both give their moment and it is under two days."""
    if a.published_at is None or b.published_at is None:
        return None
    hours = abs((a.published_at - b.published_at).total_seconds()) / 3600
    return hours if hours < 48 else None


def _span(hours: float) -> str:
    return f"{round(hours)} h"


def _is_update(a: ClaimFacts, b: ClaimFacts, newer: Figure, older: Figure) -> bool:
    """A higher count of a cumulative toll from the same source: most likely an update."""
    return (
        newer.measure in CUMULATIVE_MEASURES
        and interval(newer)[0] > interval(older)[1]
        and bool(a.attribution and b.attribution)
        and same_source(a.attribution, b.attribution)
    )


def _later_count(a: ClaimFacts, fa: Figure, b: ClaimFacts, fb: Figure) -> str:
    """'; the later count, for Tuesday (1 November 2022), says 156 deaths' (updated when it is higher
    and from the same source)."""
    newer_b = max(_day_values(b)) > max(_day_values(a))
    newer, older, facts = (fb, fa, b) if newer_b else (fa, fb, a)
    updated = _is_update(a, b, newer, older)
    return (
        f"; {'updated: ' if updated else ''}the later count, for {re.sub(r'^on ', '', _day_text(facts), flags=re.I)}, "
        f"says {describe(newer)}"
    )


# --- Wording: mutually exclusive accounts of what happened --------------------

_ACCOUNTS: dict[str, dict[str, str]] = {
    "format": {
        "video conference": r"video[ -]?conferenc\w*|video (?:call|link|summit)|by video\b|virtual (?:meeting|summit|talks)"
        r"|online (?:meeting|summit)",
        "phone call": r"(?:tele)?phone (?:call|conversation|talks)|by (?:tele)?phone|phoned",
        "in-person meeting": r"in[ -]person|face[ -]to[ -]face|\bvisit(?:ed|s)?\b",
    },
    "departure": {
        "resigned": r"resign\w*|stepped down|steps down|quit\b",
        "was dismissed": r"\b(?:was |were |been )?(?:fired|dismissed|sacked|ousted)\b",
    },
    "decision": {
        "approved": r"\b(?:approved|passed|adopted|ratified)\b",
        "rejected": r"\b(?:rejected|voted down|vetoed|blocked)\b",
    },
    "response": {
        "confirmed": r"\bconfirm(?:ed|s)\b",
        "denied": r"\bden(?:ied|ies)\b",
    },
    "direction": {
        "rose": r"\b(?:rose|risen|increased|climbed|grew|jumped)\b",
        "fell": r"\b(?:fell|fallen|decreased|dropped|plunged|shrank)\b",
    },
    "schedule": {
        "cancelled": r"\b(?:cancell?ed|called off|scrapped)\b",
        "postponed": r"\b(?:postponed|delayed|rescheduled|put off)\b",
    },
    "transport": {
        # How people or goods were moved, not the helicopters and boats a scene is full of.
        "by helicopter": r"\bby (?:military |army |navy )?helicopters?\b|\bairlift\w*|\bby air\b|\bflown (?:out|to)\b",
        "by boat": r"\bby (?:small |rescue |fishing )?boats?\b|\bby water\b|\bby sea\b|\bby (?:dinghy|dinghies)\b",
        "by road": r"\bby road\b|\bby (?:truck|bus|convoy)s?\b|\boverland\b",
    },
}
_ACCOUNT_RES = {
    group: {label: re.compile(pattern, re.I) for label, pattern in options.items()}
    for group, options in _ACCOUNTS.items()
}


# Literal pieces one of which every account pattern needs: a cheap test that skips most sentences.
_ACCOUNT_HINTS = (
    "video", "virtual", "online", "phone", "person", "face", "visit", "resign", "step", "quit", "fire",
    "dismiss", "sack", "oust", "approv", "pass", "adopt", "ratif", "reject", "voted down", "veto", "block",
    "confirm", "denied", "denies", "rose", "risen", "increas", "climb", "grew", "jump", "fell", "fallen",
    "decreas", "drop", "plung", "shrank", "cancel", "called off", "scrap", "postpon", "delay", "reschedul",
    "put off", "helicopter", "airlift", "by air", "flown", "boat", "by water", "by sea", "dingh", "by road",
    "truck", "convoy", "by bus", "overland",
)  # fmt: skip


def accounts(text: str) -> dict[str, set[str]]:
    """Which exclusive account of each kind of event a text gives."""
    found: dict[str, set[str]] = {}
    lowered = text.lower()
    if not any(hint in lowered for hint in _ACCOUNT_HINTS):
        return found  # most sentences name no account at all
    for group, options in _ACCOUNT_RES.items():
        labels = {label for label, pattern in options.items() if pattern.search(text)}
        if labels:
            found[group] = labels
    return found


def frames(text: str) -> set[str]:
    """The kinds of event a text speaks of (used by matching to find rivals)."""
    return set(accounts(text))


# Frames that name their own subject: a meeting's format is about the meeting.
SELF_CONTAINED_FRAMES = frozenset({"format"})


def _shared_subject(first: str, second: str, group: str) -> bool:
    """Both accounts speak of the same thing: a content word in common beyond the frame's own words."""
    frame_words = set()
    for pattern in _ACCOUNT_RES[group].values():
        frame_words |= {stem(m.group()) for text in (first, second) for m in pattern.finditer(text)}
    return bool((content_stems(first) & content_stems(second)) - frame_words)


# Frames too common to link two claims on their own.
WEAK_FRAMES = frozenset({"response", "direction", "decision"})


# --- Quotes ----------------------------------------------------------------

_QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")


def _quoted(text: str) -> str:
    return " ".join(_QUOTE.findall(text))


# --- The comparison ----------------------------------------------------------


def compare(a: ClaimFacts, b: ClaimFacts) -> Comparison:
    """Relation, conflict kind and a readable explanation for two claims."""
    text_similarity = similarity(a.text, b.text)

    # 1. Figures: compare only figures that count the same thing.
    shared_units: list[str] = []
    agreeing: list[str] = []
    conflicting: list[tuple[Figure, Figure]] = []
    keys_a = {figure_key(f, a.text): f for f in a.figures}
    keys_b = {figure_key(f, b.text): f for f in b.figures}
    for key in sorted(set(keys_a) & set(keys_b)):
        if not key:
            continue
        pairs = [
            (fa, fb)
            for fa in _telling(a, key)
            for fb in _telling(b, key)
            if past_year(a, fa) == past_year(b, fb) and _same_scale(fa, fb)
        ]
        one_named = key.split("|")[0] in OF_ONE_NAMED
        if one_named:
            # A population is a place's, an age a person's: Donggala's 300,000 is not weighed
            # against Palu's 350,000, nor one victim's age against another's.
            pairs = [(fa, fb) for fa, fb in pairs if _same_named(a, fa, b, fb) is not False]
        if not one_named and key.split("|")[0] in PEOPLE_MEASURES:
            # "55 died in Morelos" and "49 died in Mexico City" are two places' tolls.
            pairs = [(fa, fb) for fa, fb in pairs if not _in_other_places(a, fa, b, fb)]
            # One place's or one group's share is not the whole toll: weighed only against another share.
            pairs = [
                (fa, fb)
                for fa, fb in pairs
                if (_is_part(a, fa) == _is_part(b, fb) or _where(a, fa) & _where(b, fb))
                and not (_is_whole(a, fa) and _where(b, fb) or _is_whole(b, fb) and _where(a, fa))
            ]
            if key.split("|")[0] in CUMULATIVE_MEASURES:
                # "the toll could top 100" is a fear, not a count to hold "at least 64" against.
                pairs = [(fa, fb) for fa, fb in pairs if fa.forecast == fb.forecast]
        if not pairs:
            continue
        named = {(id(fa), id(fb)): _same_named(a, fa, b, fb) for fa, fb in pairs} if one_named else {}
        namesakes = [(fa, fb) for fa, fb in pairs if named.get((id(fa), id(fb)))]
        if not namesakes and len({id(fa) for fa, _ in pairs}) > 1 and len({id(fb) for _, fb in pairs}) > 1:
            # Several figures of one measure on both sides: weigh those said of the same place against each
            # other ("49 died in Mexico City" vs "at least 30 had died in Mexico City", not against
            # Puebla's 32 in the same sentence; Al Noor's 41 vs 30 whatever Linwood's seven).
            places_a = {id(fa): _places(a, fa) for fa, _ in pairs}
            places_b = {id(fb): _places(b, fb) for _, fb in pairs}
            namesakes = [(fa, fb) for fa, fb in pairs if places_a[id(fa)] & places_b[id(fb)]]
        if namesakes:
            # Each person (or place) named in both is weighed against itself: one age that differs
            # in a list of four victims is the conflict ("Elvira, 76" vs "Elvira, 74").
            shared_units.append(key.split("|")[0])
            # A figure differs when none of its namesakes agrees with it.
            differing = [
                (fa, fb)
                for fa, fb in namesakes
                if not any(consistent(fa, other) for first, other in namesakes if first is fa)
            ]
            if differing:
                conflicting.append(min(differing, key=lambda p: abs(_base(p[0]) - _base(p[1]))))
            else:
                agreeing.append(describe(namesakes[0][0]))
            continue
        unit = key.split("|")[0]
        shared_units.append(unit)
        if len({id(fa) for fa, _ in pairs}) > 1 and len({id(fb) for _, fb in pairs}) > 1:
            # Several figures on both sides and no names to pair them: pair each with its closest
            # match, agreeing ones first ("aged 11 to 16 ... 25-year-old coach" against "between 11
            # and 17 ... 25-year-old coach": the coaches agree, the boys' ages differ).
            paired, used_a, used_b = [], set(), set()
            for fa, fb in sorted(pairs, key=lambda p: (not consistent(*p), abs(_base(p[0]) - _base(p[1])))):
                if id(fa) not in used_a and id(fb) not in used_b:
                    paired.append((fa, fb))
                    used_a.add(id(fa))
                    used_b.add(id(fb))
            differing = [(fa, fb) for fa, fb in paired if not consistent(fa, fb)]
            if differing:
                conflicting.append(differing[0])
            else:
                agreeing.append(describe(paired[0][0]))
            continue
        matched = [(fa, fb) for fa, fb in pairs if consistent(fa, fb)]
        if matched:
            agreeing.append(describe(matched[0][0]))
            continue
        conflicting.append(min(pairs, key=lambda p: abs(_base(p[0]) - _base(p[1]))))
    units = tuple(shared_units)

    if conflicting:
        different_days = _day_values(a) and _day_values(b) and not (_day_values(a) & _day_values(b))
        fa, fb = conflicting[0]
        figures = _in_words(fa, fb)
        if different_days:
            days = f"{_day_text(a)} vs {_day_text(b)}"
            if fa.measure in CUMULATIVE_MEASURES and fa.measure == fb.measure:
                # A toll counted again days later is the update an editor must see, not noise.
                explanation = f"{figures}, given for different dates ({days})" + _sources_phrase(a, b)
                return Comparison(CONFLICTS, QUANTITY, explanation + _later_count(a, fa, b, fb), units)
            # Other measures on one day and on another are not a contradiction.
            return Comparison(RELATED, "", f"{figures}, given for different dates ({days})", units)
        explanation = figures + _sources_phrase(a, b) + _moment_note(a, fa, b, fb)
        return Comparison(CONFLICTS, QUANTITY, explanation, units)

    # 2. The same words put in different mouths.
    quote_a, quote_b = _quoted(a.text), _quoted(b.text)
    if (
        quote_a
        and quote_b
        and similarity(quote_a, quote_b) >= 0.8
        and normalise_source(a.attribution)
        and normalise_source(b.attribution)
        and not same_source(a.attribution, b.attribution)
    ):
        explanation = (
            f"the same quote is attributed to {normalise_source(a.attribution)} "
            f"vs {normalise_source(b.attribution)}"
        )
        return Comparison(CONFLICTS, ATTRIBUTION, explanation, units)

    # 3. Different accounts of what happened ("video conference" vs "phone call").
    accounts_a, accounts_b = accounts(a.text), accounts(b.text)
    for group in sorted(set(accounts_a) & set(accounts_b)):
        only_a, only_b = accounts_a[group] - accounts_b[group], accounts_b[group] - accounts_a[group]
        if len(accounts_a[group]) == 1 and len(accounts_b[group]) == 1 and only_a and only_b:
            if group in WEAK_FRAMES and text_similarity < 0.5:
                continue
            if group not in SELF_CONTAINED_FRAMES and not _shared_subject(a.text, b.text, group):
                continue  # "services were cancelled" vs "talks were postponed": two things, two fates
            explanation = f'"{next(iter(only_a))}" vs "{next(iter(only_b))}"'
            explanation += _sources_phrase(a, b) if group == "response" else ""
            return Comparison(CONFLICTS, WORDING, explanation, units)

    # 4. Different dates for what reads as the same event.
    days_a, days_b = _day_values(a), _day_values(b)
    one_day_each = len(days_a) == 1 and len(days_b) == 1 and days_a != days_b
    if one_day_each and not units and (text_similarity >= 0.45 or _same_event_dated(a, b)):
        return Comparison(CONFLICTS, DATE, f"{_day_text(a)} vs {_day_text(b)}", units)

    clock = shared_clock(a, b)
    if clock and not conflicting:
        agreeing.append(f"the time {clock}")
    if agreeing:
        return Comparison(AGREES, "", "both give " + "; ".join(agreeing), units)
    shared_accounts = [
        label
        for group in sorted(set(accounts_a) & set(accounts_b), key=lambda g: (g in WEAK_FRAMES, g))
        for label in sorted(accounts_a[group] & accounts_b[group])
    ]
    if shared_accounts and text_similarity >= 0.3:
        return Comparison(AGREES, "", f'both say "{shared_accounts[0]}"', units)
    if text_similarity >= 0.5:
        return Comparison(
            AGREES, "", f"the same statement in other words ({text_similarity:.0%} shared wording)", units
        )
    return Comparison(RELATED, "", f"{text_similarity:.0%} shared wording", units)


# Units of measure and money: what they measure is in the noun, not in the words around.
MEASURES = frozenset(
    "percent dollar euro pound yen crown ruble rouble yuan hryvnia kilometer kilometre meter metre mile km kg "
    "kilogram ton tonne hectare acre magnitude cubic meter square kilometer".split()  # noqa: SIM905
) | {"cubic meter", "square kilometer", "square mile"}


def _telling(facts: ClaimFacts, key: str) -> list[Figure]:
    """A claim's figures for one measure, without a vague "dozens" beside a figure in digits:
    "the toll climbed to 81 ... dozens are presumed dead" is a toll of 81."""
    figures = [f for f in facts.figures if figure_key(f, facts.text) == key]
    precise = [f for f in figures if f.qualifier != "range" or any(ch.isdigit() for ch in f.text)]
    return precise or figures


def _base(figure: Figure) -> float:
    return figure.base_value if figure.base_value is not None else figure.value


SCALE_APART = 1000  # "fares of 2 crowns" and "a budget of 655 million crowns" count different things


def _same_scale(first: Figure, second: Figure) -> bool:
    low, high = sorted((abs(_base(first)), abs(_base(second))))
    return high <= max(low, 1) * SCALE_APART


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
EARLIER_EVENT = 1  # past_year's answer for "a week ago", "after another": no year, but not this event
_EARLIER_EVENT = re.compile(
    r"\b(?:days?|weeks?|months?) (?:ago|earlier)\b|\bafter (?:another|an earlier|a previous)\b", re.I
)
_AFTER_ANOTHER = re.compile(r"\b(?:days?|weeks?|months?) after an?\s+$", re.I)
# "Last year's massacre" is another event; "killed 1,400 people last year" may be this one, told later.
_LAST_YEAR = re.compile(r"\b(?:last|the previous) year['’]s\b", re.I)


def past_year(facts: ClaimFacts, figure: Figure) -> int | None:
    """The earlier year a figure belongs to, when its clause names one: "in 1970, a 7.7-magnitude
    earthquake killed at least 15,000 people" is not a figure of this week's quake."""
    text = facts.text
    left = max(text.rfind(mark, 0, figure.start) for mark in (";", ". ", " while ", " whereas "))
    left = max(left, figure.start - 110)  # "the Dec. 14, 2012, attack at Sandy Hook ..., in which 26 people"
    rights = [i for i in (text.find(mark, figure.end) for mark in (";", ". ", ",", " while ")) if i != -1]
    right = min([figure.end + 100, *rights])  # "...left more than 7,350 dead or missing ... in November 2013"
    this_year = facts.published.year if facts.published else None
    if _LAST_YEAR.search(text, max(0, left), right):
        return this_year - 1 if this_year else 0  # "passing last year's massacre of 49 people"
    if _EARLIER_EVENT.search(text, max(0, left), right) or _AFTER_ANOTHER.search(
        text, max(0, figure.start - 25), figure.start
    ):
        # "an 8.1-magnitude quake struck a little more than one week ago", "less than two weeks
        # after another one left 90 dead": another, earlier event's figure.
        return EARLIER_EVENT
    for match in _YEAR.finditer(text, max(0, left), right):
        if figure.start <= match.start() < figure.end:
            continue  # the figure itself
        year = int(match.group())
        if this_year is None or year < this_year:
            return year
    return None


def comparable_units(a: ClaimFacts, b: ClaimFacts) -> set[str]:
    """What both claims give a figure for, measuring the same thing: "deaths", "length"."""
    keys_a = {figure_key(f, a.text) for f in a.figures}
    return {key.split("|")[0] for key in keys_a & {figure_key(f, b.text) for f in b.figures} if key}


# Counts of the whole event other than its people's fates: homes destroyed, the victims' nationalities.
_DAMAGE_MEASURES = frozenset({"buildings destroyed", "buildings damaged", "nationalities"})


def shared_toll(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both claims give the event's whole toll of one kind (the dead, the injured, the missing, the
    homes destroyed), not a place's or a group's share, or the same named place's or person's figure
    (Paradise's population): in one story that alone says they state one fact."""

    def tolls(facts: ClaimFacts) -> set[str]:
        keys = {figure_key(f, facts.text) for f in facts.figures if not _is_part(facts, f)}
        return {
            key
            for key in keys
            if key.split("|")[0] in PEOPLE_MEASURES
            and key.endswith("|people")
            or key.split("|")[0] in _DAMAGE_MEASURES
        }

    if tolls(a) & tolls(b):
        return True
    return any(
        fa.measure in OF_ONE_NAMED and fa.measure == fb.measure and _same_named(a, fa, b, fb)
        for fa in a.figures
        for fb in b.figures
    )


def _same_event_dated(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Calendar dates given to the same thing: 'the breach began on March 11' / 'The breach on March 12'."""

    def lead_in(facts: ClaimFacts) -> set[str]:
        for when in facts.dates:
            if when.value and when.granularity == "day":
                index = facts.text.find(when.text)
                return content_stems(" ".join(facts.text[:index].split()[-5:])) if index > 0 else set()
        return set()

    return bool(lead_in(a) & lead_in(b))


def _day_text(facts: ClaimFacts) -> str:
    for when in facts.dates:
        if when.value and when.granularity in {"day", "weekday", "relative"}:
            if f"{when.value:%B}".lower() in when.text.lower():  # "March 11" -> "March 11, 2026"
                return when.text if str(when.value.year) in when.text else f"{when.text}, {when.value.year}"
            return f"{when.text} ({when.value:%-d %B %Y})"  # "on Tuesday (7 December 2021)"
    return "no date"
