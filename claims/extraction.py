"""Pull check-worthy claims out of a clean article body.

Plain functions over text: sentences, the figures, dates and sources in them,
and a check-worthiness score with the signals that fired, so an editor sees
why a sentence was picked. Every offset is a character offset into the body
passed in, and every `text` equals the body slice at its offsets.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from . import conflicts
from .conflicts import normalise_unit

# --- Results -----------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class QuantityFact:
    value: float
    unit: str  # the counted noun, singular: "troop", "location", "percent"
    text: str
    start: int
    end: int
    qualifier: str = "exact"  # exact, about, over, under, up_to, at_least, range


@dataclass(frozen=True)
class DateFact:
    text: str
    start: int
    end: int
    value: datetime.date | None = None
    granularity: str = ""  # day, weekday, relative, month, year, year-part


@dataclass
class ExtractedClaim:
    text: str
    start: int
    end: int
    score: float
    reasons: list[str] = field(default_factory=list)
    attribution: str = ""
    attribution_span: Span | None = None
    quantities: list[QuantityFact] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)


# --- Sentences ---------------------------------------------------------------

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc inc ltd co corp dept univ est approx fig vol ave blvd mt ft
    a.m p.m e.g i.e u.s u.k u.n u.s.a e.u d.c""".split()  # noqa: SIM905
)

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+|$)")
_QUOTED = re.compile(r"“[^”]{0,800}”|\"[^\"\n]{0,800}\"")


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Sentence spans: paragraphs first, then sentence ends that are not abbreviations,
    initials or decimals, and never inside a quotation."""
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        chunk, base = para.group(), para.start()
        protected = [(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(chunk)]
        start = 0
        for match in _SENTENCE_END.finditer(chunk):
            end = match.end()
            if any(q_start <= match.start() < q_end - 1 for q_start, q_end in protected):
                continue
            if not _is_boundary(chunk, match.start(), end):
                continue
            _append(spans, chunk, start, end, base + offset)
            start = end
        _append(spans, chunk, start, len(chunk), base + offset)
    return spans


def _is_boundary(chunk: str, dot: int, end: int) -> bool:
    rest = chunk[end:].lstrip()
    if not rest:
        return True
    if chunk[dot] == ".":
        word = re.search(r"([\w.]+)$", chunk[:dot])
        token = word.group(1).lower() if word else ""
        if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            # "U.S. officials", "Mr. Putin", "J. Smith": not an end, unless a new sentence clearly starts.
            if token not in {"u.s", "u.k", "u.n", "etc", "e.u"} or not rest[0].isupper():
                return False
            following = re.match(r"[\w’']+", rest)
            if following and following.group() in _CONTINUES_AFTER_COUNTRY:
                return False
    # A new sentence starts with a capital, a digit or an opening quote.
    return rest[0].isupper() or rest[0].isdigit() or rest[0] in "“\"‘'(["


_CONTINUES_AFTER_COUNTRY = frozenset(
    [
        "President",
        "Secretary",
        "Senate",
        "House",
        "Congress",
        "Army",
        "Navy",
        "Air",
        "Department",
        "Embassy",
        "State",
        "Treasury",
        "intelligence",
        "officials",
        "forces",
        "troops",
        "military",
        "government",
        "concerns",
        "support",
    ]
)


def _append(spans: list[Span], chunk: str, start: int, end: int, base: int) -> None:
    piece = chunk[start:end]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    if right > left:
        spans.append(Span(base + start + left, base + start + right))


# --- Quantities --------------------------------------------------------------

_WORD_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a thousand": 1000,
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_QUALIFIERS = [
    (
        r"about|around|approximately|roughly|nearly|almost|some|an estimated|estimated|close to|circa|approx\.?",
        "about",
    ),
    (r"more than|over|above|upwards of|in excess of", "over"),
    (r"at least|no fewer than|no less than|a minimum of", "at_least"),
    (r"less than|fewer than|under|below|just under", "under"),
    (r"up to|as many as|as much as|a maximum of", "up_to"),
]
_QUALIFIER_RE = "|".join(f"(?P<q{i}>{pattern})" for i, (pattern, _) in enumerate(_QUALIFIERS))
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "thirty-one", "forty five": compound word numbers.
_WORD_NUMBERS.update(
    {
        f"{tens}{sep}{unit}": _WORD_NUMBERS[tens] + index
        for tens in _TENS
        for index, unit in enumerate(_UNITS_WORDS, 1)
        for sep in ("-", " ")
    }
)
_WORD_NUMBER = "|".join(sorted((re.escape(w) for w in _WORD_NUMBERS), key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?:(?P<qual>\b(?:{_QUALIFIER_RE})\s+))?"
    rf"(?P<currency>[$€£¥]\s?)?"
    rf"(?:(?P<num>(?<![\w.,])(?:{_NUMBER}))|(?P<word>\b(?:{_WORD_NUMBER})\b))"
    rf"(?:(?P<range>\s*(?:-|–|to|and)\s*(?P<num2>{_NUMBER})))?"
    rf"(?:\s*(?P<scale>\b(?:thousand|million|billion|trillion|mn|bn|tn)\b|(?<=\d)[kKmMbB]\b))?"
    rf"(?P<pct>\s?(?:%|per ?cent\b|percent\b))?",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNIT_PHRASES = re.compile(
    r"(?:square|cubic)\s+(?:kilo)?(?:meters?|metres?|miles?|feet|foot|yards?)|per cent|percent|"
    r"(?:kilo|centi|milli)?(?:meters?|metres?)|km|kilometers?|kilometres?|miles?|tonnes?|tons?|kg|kilograms?|"
    r"hectares?|acres?|dollars?|euros?|pounds?|hryvnias?|rubles?|roubles?|yuan|yen",
    re.I,
)
# Words between a number and its noun that do not change what is counted.
_MODIFIERS = frozenset(
    """more additional extra new other armed military civilian local foreign young old elderly active
    reserve regular combat ground front-line frontline federal national regional registered confirmed
    estimated total further full-time part-time unarmed injured wounded""".split()  # noqa: SIM905
)
_NOT_NOUNS = frozenset(
    """of the a an and or to in on at by for from with as than that which who per is are was were be
    been has have had will would percent years year old times time more less""".split()  # noqa: SIM905
)
_GENERIC_NOUNS = frozenset("leader side party man woman country nation way thing time sort kind".split())  # noqa: SIM905
_NOUN = re.compile(r"[A-Za-z][A-Za-z-]*")


def extract_quantities(text: str, offset: int = 0, dates: list[DateFact] | None = None) -> list[QuantityFact]:
    """Figures with their counted noun and qualifier; years and calendar days are left to dates.

    `dates` are this text's dates (body offsets, from the same `offset`) when already found.
    """
    found: list[QuantityFact] = []
    if not _MAY_HAVE_NUMBER.search(text):
        return found
    if dates is None:
        dates = extract_dates(text, offset)
    date_spans = [(d.start - offset, d.end - offset) for d in dates]
    for match in _QUANTITY.finditer(text):
        num_start = match.start("num") if match.group("num") else match.start("word")
        if any(s <= num_start < e for s, e in date_spans):
            continue
        value, qualifier = _value_of(match)
        if value is None:
            continue
        qualifier = "exact" if qualifier == "tally" else qualifier
        raw_number = match.group("num") or ""
        tail_start = match.end()
        unit, unit_end = _counted_noun(text, tail_start, match)
        if match.group("word") and (not unit or unit in _GENERIC_NOUNS):
            continue  # "two" alone, "the two leaders": language, not a figure
        if raw_number and not unit and not match.group("pct") and not match.group("currency"):
            # A bare number: keep only if large enough to be a figure rather than a label.
            if value < 10 and "." not in raw_number:
                continue
        start = (
            match.start("qual")
            if match.group("qual")
            else match.start("currency")
            if match.group("currency")
            else num_start
        )
        if _BETWEEN.search(text[max(0, start - 9) : start]) and match.group("range"):
            start -= len(_BETWEEN.search(text[max(0, start - 9) : start]).group())
        window = max(0, start - 20)
        magnitude = _MAGNITUDE.search(text[window:start]) if unit == "magnitude" else None
        if magnitude:
            start = window + magnitude.start()
        end = max(unit_end, match.end())
        snippet = text[start:end].rstrip(" ,.;:")
        found.append(
            QuantityFact(
                value=value,
                unit=unit,
                text=snippet,
                start=offset + start,
                end=offset + start + len(snippet),
                qualifier=qualifier,
            )
        )
    return found


def _value_of(match: re.Match) -> tuple[float | None, str]:
    qualifier = "exact"
    if match.group("qual"):
        for index, (_, name) in enumerate(_QUALIFIERS):
            if match.group(f"q{index}"):
                qualifier = name
                break
    if match.group("num"):
        value = float(match.group("num").replace(",", ""))
    else:
        value = float(_WORD_NUMBERS[match.group("word").lower()])
    if match.group("num2"):
        high = float(match.group("num2").replace(",", ""))
        if high <= value:
            if _TALLY.search(_before(match.string, match.start())):
                return value, "tally"  # "voted 31 to 14": the votes for
            return None, qualifier  # "2021-22", "3-2": not a range of one quantity
        value = (value + high) / 2
        qualifier = "range"
    scale = (match.group("scale") or "").lower()
    value *= _SCALES.get(scale, 1)
    if (
        match.group("num")
        and not scale
        and not match.group("pct")
        and not match.group("currency")
        and not match.group("range")
        and re.fullmatch(r"(1[89]|20)\d\d", match.group("num"))
    ):
        return None, qualifier  # a year
    return value, qualifier


def _counted_noun(text: str, position: int, match: re.Match) -> tuple[str, int]:
    """The noun a figure counts: 'about 175,000 Russian troops' -> 'troop'."""
    if match.group("pct"):
        return "percent", match.end()
    currency = (match.group("currency") or "").strip()
    if currency:
        return {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}[currency], match.end()
    if _MAGNITUDE.search(_before(text, match.start())):
        return "magnitude", match.end()
    if match.group("range") and _TALLY.search(_before(text, match.start())):
        return "vote", match.end()
    rest = text[position:]
    people = _PEOPLE_STATE.match(rest)
    if people:
        # "41 were injured", "3 dead": a count of people in a state.
        return "person", position + people.end()
    phrase = re.match(r"\s+(" + _UNIT_PHRASES.pattern + r")\b", rest, re.I)
    if phrase:
        return normalise_unit(phrase.group(1)), position + phrase.end()
    cursor = position
    for _ in range(3):
        word = re.match(r"[ \t]+([A-Za-z][A-Za-z'’-]*)", text[cursor:])
        if not word:
            return "", position
        token = word.group(1)
        lowered = token.lower()
        if token[0].isupper() or lowered in _MODIFIERS:
            cursor += word.end()  # "Russian troops", "more soldiers"
            continue
        if lowered in _NOT_NOUNS or lowered.endswith("ly"):
            return "", position
        end = cursor + word.end()
        head = re.match(r"[ \t]+([a-z][a-z-]*s)\b", text[end:])
        if head and not lowered.endswith("s") and head.group(1) not in _NOT_NOUNS:
            # A compound's head counts: "1,400 dock workers" -> "worker".
            return normalise_unit(head.group(1)), end + head.end()
        return normalise_unit(lowered), end
    return "", position


def _before(text: str, position: int, width: int = 20) -> str:
    """The few characters before a position: end-anchored patterns search only these."""
    return text[max(0, position - width) : position]


_MAY_HAVE_NUMBER = re.compile(rf"\d|\b(?:{_WORD_NUMBER})\b", re.I)
_TALLY = re.compile(r"\b(?:voted|vote of|by|margin of)\s+$", re.I)
_MAGNITUDE = re.compile(r"\bmagnitude(?:\s+of)?\s+$", re.I)
_PEOPLE_STATE = re.compile(
    r"\s+(?:(?:were|are|was|have been|had been|has been|got)\s+)?(?:reported\s+)?"
    r"(?:killed|dead|injured|wounded|hurt|missing|arrested|detained|hospitali[sz]ed|rescued|evacuated|displaced)\b",
    re.I,
)


# --- Dates -------------------------------------------------------------------

_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DATE_PATTERNS = [
    # December 7, 2021 / Dec. 7 / December 7th
    (
        "day",
        re.compile(
            rf"\b(?P<month>{_MONTH_NAMES})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?",
            re.I,
        ),
    ),
    # 7 December 2021
    (
        "day",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_NAMES})\b\.?(?:,?\s+(?P<year>(?:19|20)\d\d))?",
            re.I,
        ),
    ),
    # 2021-12-07
    ("day", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<monthnum>\d\d)-(?P<day>\d\d)\b")),
    # early 2022, mid-2022, late 2021
    (
        "year-part",
        re.compile(
            r"\b(?P<part>early|mid|late|the end of|the start of|the beginning of)[- ](?P<year>(?:19|20)\d\d)\b",
            re.I,
        ),
    ),
    # the end of January, early March, January 2022
    (
        "month",
        re.compile(
            rf"\b(?:(?:early|mid|late|the end of|the start of|the beginning of)[- ])?(?P<month>{_MONTH_NAMES})\b(?:\s+(?P<year>(?:19|20)\d\d))?",
            re.I,
        ),
    ),
    # this Friday, on Tuesday, next Monday
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<rel>this|next|last|on|upcoming)\s+)?(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b", re.I
        ),
    ),
    ("relative", re.compile(r"\b(?P<relword>yesterday|today|tonight|tomorrow)\b", re.I)),
    (
        "relative",
        re.compile(r"\b(?:this|last|next|earlier this|later this)\s+(?:week|month|year|weekend)\b", re.I),
    ),
    # in 2014, since 2020
    ("year", re.compile(r"(?<![\d,.$€£])\b(?P<year>(?:19|20)\d\d)\b(?![\d,]|\s*(?:%|percent|per cent))")),
]
_FUTURE = re.compile(r"\b(will|would|next|upcoming|set for|scheduled|plans? to|to be held|is to)\b", re.I)


_MAY_HAVE_DATE = re.compile(
    rf"\d|\b(?:{_MONTH_NAMES})\b|day\b|\b(?:tonight|tomorrow|week|weekend|month|year)\b", re.I
)


def extract_dates(text: str, offset: int = 0, published: datetime.date | None = None) -> list[DateFact]:
    """Days, weekdays, months and years, resolved against the publication date when possible."""
    found: list[DateFact] = []
    taken: list[tuple[int, int]] = []
    if not _MAY_HAVE_DATE.search(text):
        return found  # one search instead of nine for sentences naming no time at all
    for granularity, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            # "May" is a month only next to a day or a year.
            if granularity == "month" and match.group("month").lower() == "may" and not match.group("year"):
                continue
            if granularity == "month" and match.group("month").lower() in {"mar", "jan", "jun", "jul", "aug"}:
                if not match.group("year") and match.group("month").islower():
                    continue
            future = bool(_FUTURE.search(text[max(0, start - 45) : end]))
            value = _resolve(granularity, match, published, future)
            taken.append((start, end))
            found.append(DateFact(match.group(), offset + start, offset + end, value, granularity))
    found.sort(key=lambda d: d.start)
    return found


def _resolve(granularity: str, match: re.Match, published: datetime.date | None, future: bool):
    groups = match.groupdict()
    try:
        if granularity == "day":
            month = int(groups["monthnum"]) if groups.get("monthnum") else _MONTHS[groups["month"].lower()]
            day = int(groups["day"])
            if groups.get("year"):
                return datetime.date(int(groups["year"]), month, day)
            if published:
                guess = datetime.date(published.year, month, day)
                # "December 7" in a January article is last year's December, and vice versa.
                if (guess - published).days > 200:
                    guess = guess.replace(year=published.year - 1)
                elif (published - guess).days > 200:
                    guess = guess.replace(year=published.year + 1)
                return guess
            return None
        if granularity == "weekday" and published:
            target = _WEEKDAYS.index(groups["weekday"].lower())
            rel = (groups.get("rel") or "").lower()
            ahead = (target - published.weekday()) % 7
            if rel in {"next", "upcoming"} or (future and rel != "last"):
                return published + datetime.timedelta(days=ahead or 7)
            behind = (published.weekday() - target) % 7
            return published - datetime.timedelta(days=behind)
        if granularity == "relative" and published and groups.get("relword"):
            shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[groups["relword"].lower()]
            return published + datetime.timedelta(days=shift)
        if granularity == "month" and groups.get("year"):
            return datetime.date(int(groups["year"]), _MONTHS[groups["month"].lower()], 1)
        if granularity == "month" and published:
            # The nearest such month; "last June" and "next January" say which way.
            month = _MONTHS[groups["month"].lower()]
            before = match.string[max(0, match.start() - 6) : match.start()].lower()
            behind = datetime.date(published.year - (month > published.month), month, 1)
            ahead = datetime.date(published.year + (month < published.month), month, 1)
            if "last" in before:
                return behind
            if "next" in before or (ahead - published).days < (published - behind).days:
                return ahead
            return behind
        if granularity in {"year", "year-part"} and groups.get("year"):
            return datetime.date(int(groups["year"]), 1, 1)
    except ValueError:
        return None
    return None


# --- Attribution -------------------------------------------------------------

_SAY_VERBS = (
    r"said|says|say|told|tells|confirmed|confirms|reported|reports|announced|announces|stated|states|"
    r"added|adds|warned|warns|explained|explains|claimed|claims|estimated|estimates|noted|notes|wrote|"
    r"writes|tweeted|posted|insisted|insists|denied|denies|argued|argues|acknowledged|admitted|"
    r"revealed|disclosed|indicated|indicates|predicted|believes?|believed|estimate|testified|alleged|"
    r"cited|quoted|read|put|puts"
)
_SAY = re.compile(rf"\b(?:{_SAY_VERBS})\b")
_ACCORDING = re.compile(
    r"\b(?:according to|as reported by|reported by|cited by|quoted by|(?:statement|report|document|"
    r"release|figures|data)\s+(?:issued|released|published|provided)?\s*(?:on \w+\s+)?by)\s+"
    r"(?P<source>(?:the\s+)?[^,.;:()“”\"]{2,90}?)(?=\s*(?:[,.;:()“”\"]|\s+(?:on|in|at|who|which|that|after|"
    r"before|during|since|while|as|when|and said|said)\b|$))",
    re.I,
)
_ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople minister ministry officials official police president
    secretary agency department government authorities authority army military sources source analysts
    analyst experts expert witnesses witness residents resident governor mayor chief director head commander
    lawmakers senator senators administration office service services spokesmen representative
    investigators prosecutors prosecutor officers officer researchers scientists doctors staff team
    ambassador envoy leader leaders board council committee court judge ministers intelligence""".split()  # noqa: SIM905
)
_CONNECTORS = frozenset({"of", "the", "for", "de", "and", "on", "del", "la", "al"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "who"})
_SKIP_CAPITALS = frozenset(
    {w.capitalize() for w in _WEEKDAYS}
    | {m.capitalize() for m in _MONTHS}
    | {
        "This",
        "That",
        "On",
        "In",
        "At",
        "But",
        "And",
        "Specifically",
        "Meanwhile",
        "However",
        "Earlier",
        "Later",
    }
)
_TOKEN = re.compile(r"[\w’'.-]+|,")


def extract_attribution(text: str, offset: int = 0) -> tuple[str, Span | None]:
    """Who the sentence says said or reported it: the source phrase and its span."""
    match = _ACCORDING.search(text)
    if match:
        start = match.start("source")
        source = _name_phrase_after(match.group("source")) or match.group("source").rstrip()
        return source, Span(offset + start, offset + start + len(source))
    # Inside a quotation the speaker is outside it: look only at the narrative.
    narrative = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    for verb in _SAY.finditer(narrative):
        if _PASSIVE.search(narrative[: verb.start()]):
            continue  # "damage is estimated at": nobody is named as saying it
        found = _subject_before(narrative, verb.start())
        if found:
            start, end = found
            return text[start:end], Span(offset + start, offset + end)
        after = _speaker_after(narrative, verb.end())
        if after:
            start, end = after
            return text[start:end], Span(offset + start, offset + end)
    return "", None


_PASSIVE = re.compile(r"\b(?:is|was|are|were|be|been|being)\s+$", re.I)
_BETWEEN_SUBJECT_AND_VERB = re.compile(
    r"(?:\s+(?:also|later|again|previously|reportedly|has|had|have|was|is|earlier|then|just|already|"
    r"recently|publicly|officially|\w+ly))+$",
    re.I,
)


_DETERMINED = re.compile(
    r"(?:^|[,;:]\s*|\band\s+)((?:the|its|his|her|their)\s+(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*)$"
)


def _subject_before(text: str, position: int) -> tuple[int, int] | None:
    """The name or role right before a verb of saying: 'Kmitry Peskov, Kremlin spokesman, confirmed'."""
    head = text[:position].rstrip()
    # Only the last words can sit between a subject and its verb; searching them alone keeps this linear.
    tail = head[-80:]
    if m := _BETWEEN_SUBJECT_AND_VERB.search(tail):
        head = head[: len(head) - len(m.group())]
    if head.endswith(","):
        # "Name, role, said" or "Biden, while speaking to reporters, said".
        inner = head[:-1].rstrip()
        aside_start = inner.rfind(",")
        if aside_start < 0:
            return None
        role_start = _phrase_start(inner, len(inner))
        if role_start is not None and role_start <= aside_start + 2:
            name_start = _phrase_start(inner[:aside_start].rstrip(), len(inner[:aside_start].rstrip()))
            if name_start is not None and _is_name_phrase(inner[name_start:aside_start]):
                return name_start, len(inner)  # the name with its role
            return role_start, len(inner)
        if len(inner[aside_start + 1 :].split()) > 9:
            return None
        head = inner[:aside_start].rstrip()  # skip the aside
    end = len(head)
    start = _phrase_start(head, end)
    if start is None:
        # "the fire brigade said", "the port's insurer put": a short noun phrase after a determiner.
        # Searched on the tail only: an end-anchored pattern over the whole head is quadratic.
        tail_start = max(0, len(head) - 80)
        noun_phrase = _DETERMINED.search(head, tail_start)
        if noun_phrase is None or any(w in _NOT_NOUNS for w in noun_phrase.group(1).lower().split()[1:]):
            return None
        start = noun_phrase.start(1)
    phrase = head[start:end]
    if phrase.lower() in _PRONOUNS or not phrase.strip():
        return None
    return start, end


_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})


def _phrase_start(head: str, end: int) -> int | None:
    tokens = list(re.finditer(r"[\w’'.-]+", head[:end]))
    start = None
    last_index = len(tokens)
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if head[token.end() : end if start is None else start].strip(" "):
            break  # punctuation between words ends the phrase
        word = token.group().strip(".")
        lowered = word.lower()
        if start is None and lowered in _PRONOUNS:
            return None
        is_capital = word[:1].isupper() and word not in _SKIP_CAPITALS
        if is_capital or lowered in _ROLE_WORDS or lowered in _CONNECTORS and start is not None:
            start = token.start()
            last_index = index
        else:
            break
    if start is None:
        return None
    start = _extend_compound(head, tokens, last_index, start)
    # Do not start on a connector: "of the White House" -> "the White House" is fine, "of" is not.
    phrase = head[start:end]
    stripped = re.sub(r"^(?:of|and|for|on)\s+", "", phrase)
    if not stripped.strip():
        return None
    return start + (len(phrase) - len(stripped))


def _extend_compound(head: str, tokens: list, first: int, start: int) -> int:
    """'the education office', 'civil protection officials': lowercase words before a role."""
    words = []
    index = first - 1
    while index >= 0 and len(words) < 3:
        token = tokens[index]
        if head[token.end() : tokens[index + 1].start()].strip():
            break
        lowered = token.group().lower()
        if lowered in _DETERMINERS:
            return token.start()
        if (
            lowered in _NOT_NOUNS
            or lowered in _SAY_WORDS
            or not token.group().isalpha()
            and "'" not in lowered
            and "’" not in lowered
        ):
            break
        words.append(token)
        index -= 1
    if words and (index < 0 or head[tokens[index].end() : words[-1].start()].strip() in {",", ";", ":"}):
        return words[-1].start()  # the compound opens its clause
    return start


_SAY_WORDS = frozenset(_SAY_VERBS.split("|"))


def _name_phrase_after(text: str) -> str:
    """The leading name or role phrase: 'the White House corroborated...' -> 'the White House'."""
    end = 0
    seen = False
    for index, token in enumerate(re.finditer(r"[\w’'.-]+|[^\w\s]", text)):
        word = token.group().strip(".")
        lowered = word.lower()
        if index == 0 and lowered in {"the", "a", "an"}:
            continue
        if (
            (word[:1].isupper() and word not in _SKIP_CAPITALS)
            or lowered in _ROLE_WORDS
            or lowered.endswith("'s")
        ):
            end = token.end()
            seen = True
        elif lowered in _CONNECTORS and seen or lowered in _DESCRIBERS:
            continue
        else:
            break
    return text[:end] if seen else ""


# Lowercase words that may sit inside a source's name: "a U.S. intelligence document".
_DESCRIBERS = frozenset(
    {"local", "senior", "unnamed", "anonymous", "western", "foreign", "unclassified", "classified"}
)


def _is_name_phrase(phrase: str) -> bool:
    words = phrase.split()
    return bool(words) and len(words) <= 6 and all(w[0].isupper() or w.lower() in _CONNECTORS for w in words)


def _speaker_after(text: str, position: int) -> tuple[int, int] | None:
    """'..., said Jen Psaki, White House spokeswoman.'"""
    match = re.match(r"\s+((?:[A-Z][\w’'.-]+\s?){1,5})", text[position:])
    if not match:
        # "..., said the prime minister."
        role = re.match(r"\s+((?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}([a-z]+))\b", text[position:])
        if role and role.group(2) in _ROLE_WORDS:
            return position + role.start(1), position + role.end(1)
        return None
    start = position + match.start(1)
    end = position + match.end(1)
    while end > start and text[end - 1] in " .,;:":
        end -= 1
    if text[start:end] in _SKIP_CAPITALS:
        return None
    return start, end


# --- Check-worthiness ---------------------------------------------------------------

_OPINION = re.compile(
    r"\b(I think|I believe|in my (?:view|opinion)|should|ought to|must be|we need|it is time|shameful|"
    r"disgrace|wonderful|terrible|beautiful|amazing|hopefully|let us|let's|imagine)\b",
    re.I,
)
_BOILERPLATE = re.compile(
    r"\b(subscribe|newsletter|sign up|click here|cookies?|all rights reserved|follow us|advertisement|"
    r"terms of (?:use|service)|privacy policy|read more)\b",
    re.I,
)
_FACT_VERBS = re.compile(
    r"\b(killed|died|dead|injured|wounded|evacuated|arrested|amassed|deployed|annexed|invaded|"
    r"destroyed|collapsed|approved|rejected|signed|resigned|fired|elected|won|lost|rose|fell|increased|"
    r"decreased|spent|cost|paid|launched|attacked|mobili[sz]ed|transferred|moved|sent|held|met|called|"
    r"visited|spoke|trapped|rescued|voted|passed|struck|hit|flooded|burned|closed|opened|reopened|"
    r"declared|ordered|imposed|lifted|banned|suspended|charged|sentenced|convicted|acquitted)\b",
    re.I,
)
_COMPARATIVE = re.compile(
    r"\b(first|largest|biggest|highest|lowest|most|least|record|only|never|worst|best)\b", re.I
)
_NAMED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def score_sentence(
    sentence: str, quantities: list[QuantityFact], dates: list[DateFact], attribution: str
) -> tuple[float, list[str]]:
    """Check-worthiness from 0 to 1, with the signals that fired."""
    score, reasons = 0.0, []
    words = sentence.split()
    # "two leaders" is language; "4 dead", "four locations" and "94,000 troops" are figures.
    figures = [q for q in quantities if q.value > 2 or any(ch.isdigit() for ch in q.text)]
    if figures:
        score += 0.4
        reasons.append("figure: " + ", ".join(q.text for q in figures[:3]))
    if dates:
        score += 0.15
        reasons.append("date: " + ", ".join(d.text for d in dates[:3]))
    if attribution:
        score += 0.3
        reasons.append(f"attributed to {attribution}")
    elif _SAY.search(sentence):
        score += 0.15
        reasons.append("reported speech")
    if re.search(r"[“\"][^”\"]{8,}[”\"]", sentence):
        score += 0.15
        reasons.append("quote")
    frames = conflicts.frames(sentence)
    if frames - conflicts.WEAK_FRAMES:
        score += 0.2
        reasons.append("says how something happened (" + ", ".join(sorted(frames)) + ")")
    if _FACT_VERBS.search(sentence):
        score += 0.1
        reasons.append("states an event")
    if _NAMED.search(sentence):
        score += 0.1
        reasons.append("names people or bodies")
    if _COMPARATIVE.search(sentence):
        score += 0.05
        reasons.append("superlative or comparison")
    if _OPINION.search(sentence):
        score -= 0.25
        reasons.append("opinion wording (lowers score)")
    if sentence.rstrip().endswith("?"):
        score -= 0.3
        reasons.append("a question (lowers score)")
    if _BOILERPLATE.search(sentence):
        score -= 0.6
        reasons.append("site boilerplate (lowers score)")
    if len(words) < 6:
        score -= 0.25
        reasons.append("very short (lowers score)")
    elif len(words) > 70:
        score -= 0.1
        reasons.append("very long (lowers score)")
    return round(max(0.0, min(1.0, score)), 3), reasons


def extract_claims(
    body: str,
    published: datetime.date | None = None,
    language: str = "en",
    min_score: float = 0.35,
) -> list[ExtractedClaim]:
    """The sentences of `body` worth checking, best signals first explained.

    The patterns are English; other languages still get figures and dates.
    """
    claims = []
    for span in split_sentences(body):
        sentence = body[span.start : span.end]
        dates = extract_dates(sentence, span.start, published)
        quantities = extract_quantities(sentence, span.start, dates)
        attribution, attribution_span = extract_attribution(sentence, span.start)
        score, reasons = score_sentence(sentence, quantities, dates, attribution)
        if score < min_score:
            continue
        claims.append(
            ExtractedClaim(
                text=sentence,
                start=span.start,
                end=span.end,
                score=score,
                reasons=reasons,
                attribution=attribution,
                attribution_span=attribution_span,
                quantities=quantities,
                dates=dates,
            )
        )
    return claims
