"""What figures count and measure: the words, in one readable place.

Figure reading (claims.figures) looks words up here; nothing else holds
synonyms. Measures are plain names an editor reads ("deaths", "crowd",
"length"); a counted noun the vocabulary does not know is its own measure.
Add a word to the right list and every part of the app reads it the same way.
"""

from __future__ import annotations

import re

# --- Counted nouns ------------------------------------------------------------

# Nouns that say what is counted, by measure (singular forms).
NOUN_MEASURES: dict[str, tuple[str, ...]] = {
    "deaths": ("death", "fatality", "body", "life", "corpse"),
    "injured": ("injury",),
    "arrests": ("arrest",),
    "troops": ("troop", "soldier", "serviceman", "servicemen", "service member", "paratrooper"),
    "police": ("police", "policeman", "policemen", "police officer", "officer", "gendarme", "riot police"),
    "rescuers": ("rescuer", "rescue worker", "emergency worker", "aid worker", "relief worker"),
    "crowd": ("demonstrator", "protester", "protestor", "marcher", "manifestant", "rally-goer"),
    "crew": ("crew", "crew member", "crewman", "crewmen", "sailor", "seafarer"),
    "population": ("inhabitant",),
    "vessels": (
        "ship", "vessel", "boat", "tug", "tugboat", "trawler", "tanker", "freighter", "ferry", "barge",
        "dredger", "warship", "container ship", "lifeboat",
    ),
    "aircraft": ("aircraft", "plane", "airplane", "aeroplane", "helicopter", "jet", "drone", "airliner"),
    "flights": ("flight",),
    "explosions": ("explosion", "blast", "detonation"),
    "earthquakes": ("earthquake", "quake", "tremor", "aftershock"),
    "firearms": ("firearm", "gun", "rifle", "handgun", "pistol", "shotgun", "weapon"),
    "nationalities": ("nationality",),
    "votes": ("vote", "ballot"),
    "buildings": ("building", "home", "house", "dwelling", "apartment", "flat", "structure"),
}  # fmt: skip

# Measures that count things, not people: a state word ("missing", "killed") near
# such a noun does not turn it into a count of people.
THING_MEASURES = frozenset(
    {
        "vessels",
        "aircraft",
        "flights",
        "explosions",
        "earthquakes",
        "votes",
        "buildings",
        "firearms",
        "nationalities",
    }
)

# Nouns for people in general; with no state they count "people".
GENERIC_PEOPLE = frozenset(
    """person people resident individual civilian villager citizen man woman child adult""".split()  # noqa: SIM905
)

# --- States: what happened to the people or things counted ---------------------

# Checked in this order; the nearest match to the figure wins. Building states only
# apply to buildings, people states to anything that is not a thing.
STATE_PATTERNS: dict[str, str] = {
    # One toll of two states: "79 people dead or missing presumed dead", "58 missing and presumed dead".
    "dead or missing": r"(?:dead|killed|deaths?) (?:or|and) (?:still )?missing|missing (?:or|and) (?:presumed )?dead",
    "deaths": r"kill(?:ed|ing|s)?|dead|died|dies|deaths?|death toll|toll|fatalit(?:y|ies)|perish(?:ed)?|fatally|"
    r"lost (?:their |his |her )?lives|lives lost|claimed [\w ]{0,20}lives|bodies",
    "injured": r"injur(?:ed|ing|ies|y)|wounded|wounding|hurt|hospitali[sz]ed|in (?:a )?critical|"
    r"(?:critical|serious) condition|treated for|(?:taken|admitted|rushed) to (?:the )?hospitals?",
    "missing": r"missing|unaccounted",
    # "five have been formally identified", "identified 32 people": victims named, of all the dead.
    "identified": r"(?:formally |positively |officially )?identified",
    # "136 people had been accounted for": found safe or dead, the other side of "missing".
    "accounted": r"(?<!un)accounted for",
    "evacuated": r"evacuat(?:ed|ing|ion)|ordered to leave|moved to safety|(?:were|was|been|being) moved to",
    "displaced": r"displac(?:ed|ing)|homeless|relocated|(?:left|leave|leaving|fled|flee) (?:their|his|her) homes?|relief camps?|emergency camps?|in (?:the |[\d,]+ )?camps|"
    r"shelter(?:ing|ed)|"
    r"fled|flee(?:ing)?",
    "affected": r"affect(?:ed|ing)(?! (?:areas?|districts?|regions?|provinces?|zones?|villages?|towns?|parts?))|"
    r"in the path|disrupted|hit by",
    "rescued": r"rescued|rescuing|pulled|freed|brought (?:out|to the surface|to safety)|airlifted|winched",
    "trapped": r"trap(?:ped|ping)|strand(?:ed|ing)|buried|stuck|cut off",
    "arrests": r"arrest(?:ed|s)?|detain(?:ed)?|in custody",
    "votes": r"voted|vote of|margin of",
    "crowd": r"demonstrat(?:ed|ing)|protest(?:ed|ing)|march(?:ed|ing)|took to the streets|taken to the streets|"
    r"turn(?:ed)? out|rall(?:ied|y)|gathered|mobili[sz]ed|counted|draw|attended|"
    # "the crowd crush", "a crowd surge": the disaster's name, not a count of the crowd.
    r"crowd(?![ -](?:crush|surge|stampede|disaster|tragedy|control))|"
    r"(?:were|was) at the (?:[\w’'-]+ )?(?:march|rally|protest|demonstration)|"
    # "22,000 people at the concert.": the crowd, when nothing else is said of them.
    r"at the (?:[\w’'-]+ )?(?:concert|festival|match|game|show|stadium)(?=\s*[.;]|\s*$)",
    # "home to" and "a town of" name a population only right before the figure (the window ends there).
    "population": r"population|(?:home to|(?:city|town|village|community|region|province|district|county|island|"
    r"country|nation|state|municipality|metropolis) of)"
    r"(?= (?:about|around|some|nearly|almost|more than|over|roughly|half|\d)|\s*$)|inhabitants",
    "age": r"\bage[sd]?\b|years? old|-year-old",
    # "a ferry carrying 462 people", "459 on board", "the 459 people on the ferry": who was aboard.
    "aboard": r"on ?board|aboard|carrying|on the (?:ferry|ship|vessel|boat|plane|aircraft|jet|flight|train|bus)",
}
BUILDING_STATES = {
    "buildings destroyed": r"destroy(?:ed|ing)|collaps(?:ed|ing|e)|flattened|razed|levelled|leveled|"
    r"burn(?:ed|t) (?:to the ground|down)|incinerated|gutted|reduced to (?:rubble|ashes)|wiped out",
    "buildings damaged": r"damag(?:ed|ing)|inundated|flooded",
}
# States a crowd noun or a generic person count may take; other people ("police
# officers mobilised") keep their own measure.
CROWD_STATES = frozenset({"crowd", "population"})

# Measures that state the same fact in other words, for comparing outlets: people
# evacuated and people displaced are the people who had to leave their homes.
SAME_FACT = {"evacuated": "displaced"}

# --- Units ---------------------------------------------------------------------

# Written unit -> pint unit name. Longest forms are tried first. "tons" are read as
# metric tonnes unless "short" or "long" says otherwise: international news means tonnes.
UNITS: dict[str, str] = {
    "kilometres per hour": "kilometer_per_hour", "kilometers per hour": "kilometer_per_hour",
    "kilometres an hour": "kilometer_per_hour", "kilometers an hour": "kilometer_per_hour",
    "km/h": "kilometer_per_hour", "kph": "kilometer_per_hour", "kmh": "kilometer_per_hour",
    "km/hr": "kilometer_per_hour", "miles per hour": "mile_per_hour", "miles an hour": "mile_per_hour",
    "mph": "mile_per_hour", "metres per second": "meter_per_second", "meters per second": "meter_per_second",
    "m/s": "meter_per_second", "knots": "knot", "knot": "knot",
    "square kilometres": "square_kilometer", "square kilometers": "square_kilometer",
    "square kilometre": "square_kilometer", "square kilometer": "square_kilometer",
    "sq km": "square_kilometer", "km2": "square_kilometer", "km²": "square_kilometer",
    "square metres": "square_meter", "square meters": "square_meter", "square metre": "square_meter",
    "square meter": "square_meter", "m2": "square_meter", "m²": "square_meter",
    "square miles": "square_mile", "square mile": "square_mile", "square feet": "square_foot",
    "square foot": "square_foot", "sq ft": "square_foot",
    "hectares": "hectare", "hectare": "hectare", "acres": "acre", "acre": "acre",
    "cubic metres": "cubic_meter", "cubic meters": "cubic_meter", "cubic metre": "cubic_meter",
    "cubic meter": "cubic_meter", "litres": "liter", "liters": "liter", "litre": "liter", "liter": "liter",
    "gallons": "gallon", "gallon": "gallon", "barrels": "barrel", "barrel": "barrel",
    "kilometres": "kilometer", "kilometers": "kilometer", "kilometre": "kilometer", "kilometer": "kilometer",
    "km": "kilometer", "centimetres": "centimeter", "centimeters": "centimeter", "centimetre": "centimeter",
    "centimeter": "centimeter", "cm": "centimeter", "millimetres": "millimeter", "millimeters": "millimeter",
    "millimetre": "millimeter", "millimeter": "millimeter", "mm": "millimeter",
    "metres": "meter", "meters": "meter", "metre": "meter", "meter": "meter", "m": "meter",
    "nautical miles": "nautical_mile", "nautical mile": "nautical_mile",
    "miles": "mile", "mile": "mile", "feet": "foot", "foot": "foot", "ft": "foot",
    "inches": "inch", "inch": "inch", "yards": "yard", "yard": "yard",
    "metric tons": "metric_ton", "metric tonnes": "metric_ton", "tonnes": "metric_ton", "tonne": "metric_ton",
    "short tons": "short_ton", "long tons": "long_ton", "tons": "metric_ton", "ton": "metric_ton",
    "mt": "metric_ton", "kilograms": "kilogram", "kilogram": "kilogram", "kilos": "kilogram", "kg": "kilogram",
    "grams": "gram", "gram": "gram",
    "degrees celsius": "degree_Celsius", "degree celsius": "degree_Celsius", "°c": "degree_Celsius",
    "degrees fahrenheit": "degree_Fahrenheit", "°f": "degree_Fahrenheit", "degrees": "degree",
    "degree": "degree",
    "percent": "percent", "per cent": "percent", "pct": "percent", "%": "percent",
    "seconds": "second", "second": "second", "minutes": "minute", "minute": "minute", "mins": "minute",
    "hours": "hour", "hour": "hour", "hrs": "hour", "days": "day", "day": "day", "weeks": "week",
    "week": "week", "months": "month", "month": "month", "years": "year", "year": "year",
}  # fmt: skip

# pint unit name -> the measure it gives when nothing in the sentence says more.
UNIT_MEASURES: dict[str, str] = {
    "[length]": "length",
    "[mass]": "mass",
    "[area]": "area",
    "[volume]": "volume",
    "[time]": "duration",
    "[speed]": "speed",
    "[temperature]": "temperature",
    "percent": "percentage",
    "degree": "angle",
}

# Words near a length that say which length it is.
LENGTH_CONTEXT: tuple[tuple[str, str], ...] = (
    ("depth", r"\b(?:depth|deep|below (?:ground|the surface)|beneath|underground|of water|flood ?water)\b"),
    ("height", r"\b(?:height|high|tall|surge|waves?)\b"),
    ("distance", r"\b(?:away|from|off|(?:north|south|east|west)(?:east|west)?(?:ern)?\s+of|(?:north|south)"
     r"(?:east|west)?|east|west|far as|distance|radius)\b"),
    ("length", r"\b(?:long|length|stretch|wide|width|area)\b"),
)  # fmt: skip

# Compound adjectives: "300-metre-long", "two-hour", "38-year-old".
COMPOUND_SUFFIX_MEASURES = {
    "long": "length",
    "high": "height",
    "tall": "height",
    "deep": "depth",
    "wide": "length",
}

# --- Money ---------------------------------------------------------------------

CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR",
                    "rs.": "INR", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "₽": "RUB", "₴": "UAH"}  # fmt: skip
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
    "pounds": "GBP", "pound": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "rupees": "INR",
    "rupee": "INR", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "hryvnias": "UAH",
    "hryvnia": "UAH", "francs": "CHF", "pesos": "MXN", "naira": "NGN", "rand": "ZAR",
}  # fmt: skip

# --- Amounts in words --------------------------------------------------------------

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mio": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7,
          "crores": 1e7, "milliard": 1e9, "millions": 1e6}  # fmt: skip

SMALL_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a thousand": 1000, "a million": 1e6, "half a million": 5e5,
    "a quarter of a million": 2.5e5, "a billion": 1e9, "the million": 1e6,
}  # fmt: skip

# Amounts a reader takes as a span: "hundreds of" is 200 to 999.
VAGUE_AMOUNTS = {
    "hundreds of thousands": (2e5, 999_999), "tens of thousands": (2e4, 99_999),
    "several hundred thousand": (2e5, 999_999), "several thousand": (2e3, 9_999),
    "several hundred": (200, 999), "several dozen": (24, 99), "hundreds": (200, 999),
    "thousands": (2e3, 9_999), "dozens": (24, 99), "millions": (2e6, 9_999_999),
}  # fmt: skip

# --- Qualifiers and plans -------------------------------------------------------------

QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("about", r"about|around|approximately|roughly|some|an estimated|estimated|circa|approx\.?"),
    ("nearly", r"nearly|almost|close to|just under|just shy of"),
    ("over", r"more than|over|above|upwards of|in excess of|just over|exceeding"),
    ("at_least", r"at least|no fewer than|no less than|a minimum of|not less than"),
    ("under", r"less than|fewer than|under|below"),
    ("up_to", r"up to|as many as|as much as|a maximum of|as far as|as high as|at most"),
)  # fmt: skip

FORECAST = re.compile(
    r"\b(?:expect(?:s|ed)? to|is expected|are expected|plans? to|planned|planning to|will|would|could|"
    r"may|might|forecasts?|projected|hop(?:es|ing) (?:that|to)|scheduled to|aims? to|intends? to|target)\b",
    re.I,
)

# --- Lemmas -----------------------------------------------------------------------------

IRREGULAR_PLURALS = {
    "people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
    "feet": "foot", "lives": "life", "wives": "wife", "knives": "knife", "police": "police",
    "policemen": "policeman", "servicemen": "serviceman", "crewmen": "crewman", "fishermen": "fisherman",
    "firemen": "fireman", "mice": "mouse", "geese": "goose", "teeth": "tooth", "data": "data",
    "media": "media", "aircraft": "aircraft", "crew": "crew", "staff": "staff", "series": "series",
    "species": "species", "news": "news", "sheep": "sheep", "fish": "fish", "yen": "yen", "yuan": "yuan",
    "troops": "troop", "buses": "bus", "bogies": "bogie", "movies": "movie", "cookies": "cookie",
    "calories": "calorie", "others": "other", "gases": "gas", "analyses": "analysis", "crises": "crisis",
}  # fmt: skip
_KEEP_S = ("ss", "us", "is", "ous", "ics", "news")


def lemma(word: str) -> str:
    """Singular of an English plural noun; other words unchanged ("enormous" stays)."""
    lowered = word.lower()
    if lowered in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[lowered]
    if len(lowered) <= 3 or not lowered.endswith("s") or lowered.endswith(_KEEP_S):
        return lowered
    if lowered.endswith("ies") and len(lowered) > 4:
        return lowered[:-3] + "y"
    if lowered.endswith(("ches", "shes", "xes", "zes", "sses")):
        return lowered[:-2]
    return lowered[:-1]


def is_plural(word: str) -> bool:
    lowered = word.lower()
    return lowered in IRREGULAR_PLURALS or (lemma(lowered) != lowered)


# Nouns for people beyond the generic ones and the vocabulary's, so that "150 tents" near
# "deaths" stays a count of tents while "21 firefighters" near "killed" counts deaths.
PERSON_NOUNS = frozenset(
    """child family member crew staff guest victim pilgrim citizen national official adult teenager
    resident student patient parent agent president expert survivor refugee immigrant migrant
    participant inhabitant servant""".split()  # noqa: SIM905
)
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "eer", "man", "men", "ant")


def is_person_noun(noun: str) -> bool:
    if noun in GENERIC_PEOPLE or noun in PERSON_NOUNS:
        return True
    measure = measure_of_noun(noun)
    if measure:
        return measure not in THING_MEASURES and measure not in {"deaths", "injured", "arrests"}
    return noun.endswith(_PERSON_SUFFIXES) and noun not in {
        "number",
        "order",
        "recorder",
        "container",
        "tower",
    }


_NOUN_TO_MEASURE = {noun: measure for measure, nouns in NOUN_MEASURES.items() for noun in nouns}


def measure_of_noun(noun: str) -> str:
    """The measure a counted noun names ("tugboat" -> "vessels"), or ""."""
    return _NOUN_TO_MEASURE.get(noun, "")


# --- Fact-check archive search (claims/retrieval.py) ---------------------------------

# The short English stopword list of Lucene (and of bm25s): small on purpose, since "not" and
# "no" are left out of it only in longer lists, and words like "after" carry meaning in claims.
ENGLISH_STOPWORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then "
    "there these they this to was will with".split()
)
