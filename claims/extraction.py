"""Pull check-worthy claims out of a clean article body.

Plain functions over text: sentences, the figures, dates and sources in them,
and a check-worthiness score with the signals that fired, so an editor sees
why a sentence was picked. Every offset is a character offset into the body
passed in, and every `text` equals the body slice at its offsets.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field, replace

from . import conflicts, figures
from .figures import QuantityFact

# --- Results -----------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class DateFact:
    text: str
    start: int
    end: int
    value: datetime.date | None = None
    granularity: str = ""  # day, weekday, relative, month, year, year-part, time
    clock: str = ""  # for a time of day: "20:45", with the zone when given ("20:45 GMT")


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
        # Quotations do not overlap and come in order: a bisect finds the one around a full stop.
        protected = [(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(chunk)]
        quote_starts = [q_start for q_start, _ in protected]
        start = 0
        for match in _SENTENCE_END.finditer(chunk):
            end = match.end()
            inside = bisect.bisect_right(quote_starts, match.start()) - 1
            if inside >= 0 and match.start() < protected[inside][1] - 1:
                continue
            if not _is_boundary(chunk, match.start(), end):
                continue
            _append(spans, chunk, start, end, base + offset)
            start = end
        _append(spans, chunk, start, len(chunk), base + offset)
    return spans


def _is_boundary(chunk: str, dot: int, end: int) -> bool:
    rest = chunk[end : end + 60].lstrip()  # the next word is enough: a short slice keeps this linear
    if not rest:
        return True
    if chunk[dot] == ".":
        word = re.search(r"([\w.]+)$", chunk[max(0, dot - 40) : dot])  # the last word only: linear
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


# --- Quantities ---------------------------------------------------------------


def extract_quantities(
    text: str, offset: int = 0, dates: list[DateFact] | None = None, context: str = ""
) -> list[QuantityFact]:
    """Figures with what they count or measure (claims.figures); dates and clock times are not figures.

    `dates` are this text's dates and times (body offsets, from the same `offset`) when already found;
    `context` is the sentence before (it can say what a bare estimate counts).
    """
    if dates is None:
        dates = extract_dates(text, offset)
    return figures.extract_quantities(text, offset, dates, times=(), context=context)


# --- Dates -------------------------------------------------------------------

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
    for time in figures.extract_times(text):
        # "at 10:45 pm (2045 GMT)": times of day, never counts.
        clock = f"{time.clock} {time.zone}".strip()
        found.append(DateFact(time.text, offset + time.start, offset + time.end, None, "time", clock))
        taken.append((time.start, time.end))
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

# Words that never sit inside a source's name.
_NOT_NOUNS = frozenset(
    """of the a an and or to in on at by for from with as than that which who per is are was were be
    been has have had will would percent years year old times time more less""".split()  # noqa: SIM905
)

_SAY_VERBS = (
    r"said|says|say|told|tells|confirmed|confirms|reported|reports|announced|announces|stated|states|"
    r"added|adds|warned|warns|explained|explains|claimed|claims|estimated|estimates|noted|notes|wrote|"
    r"writes|tweeted|posted|insisted|insists|denied|denies|argued|argues|acknowledged|admitted|"
    r"revealed|disclosed|indicated|indicates|predicted|believes?|believed|estimate|testified|alleged|"
    r"cited|quoted|read|put|puts|counted|counts"
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
        # Only the words just before a verb can be its subject: windows keep this linear in length.
        if _PASSIVE.search(narrative, max(0, verb.start() - 20), verb.start()):
            continue  # "damage is estimated at": nobody is named as saying it
        window = max(0, verb.start() - SUBJECT_WINDOW)
        found = _subject_before(narrative[window : verb.start()], verb.start() - window)
        if found:
            start, end = window + found[0], window + found[1]
            return text[start:end], Span(offset + start, offset + end)
        after = _speaker_after(narrative, verb.end())
        if after:
            start, end = after
            return text[start:end], Span(offset + start, offset + end)
    return "", None


SUBJECT_WINDOW = 300  # characters before a verb of saying where its subject may stand
_PASSIVE = re.compile(r"\b(?:is|was|are|were|be|been|being)\s+$", re.I)
_BETWEEN_SUBJECT_AND_VERB = re.compile(
    r"(?:\s+(?:also|later|again|previously|reportedly|has|had|have|was|is|earlier|then|just|already|"
    r"recently|publicly|officially|\w+ly))+$",
    re.I,
)


_DETERMINED = re.compile(
    r"(?:^|[,;:]\s*|\band\s+)((?:the|The|its|Its|his|her|their|Their)\s+(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*)$"
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
    # A subject is a few words: tokenising only the last 200 characters keeps this linear.
    tokens = list(re.compile(r"[\w’'.-]+").finditer(head, max(0, end - 200), end))
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
    while index >= 0 and len(words) < 4:
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


_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w’'.-]+\s?){1,5})")
_ROLE_AFTER = re.compile(r"\s+((?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}([a-z]+))\b")


def _speaker_after(text: str, position: int) -> tuple[int, int] | None:
    """'..., said Jen Psaki, White House spokeswoman.'"""
    # Matched in place (no slice of the rest of the text), so a long text stays linear.
    match = _NAME_AFTER.match(text, position)
    if not match:
        # "..., said the prime minister."
        role = _ROLE_AFTER.match(text, position)
        if role and role.group(2) in _ROLE_WORDS:
            return role.start(1), role.end(1)
        return None
    start = match.start(1)
    end = match.end(1)
    while end > start and text[end - 1] in " .,;:":
        end -= 1
    if text[start:end] in _SKIP_CAPITALS:
        return None
    return start, end


_CLAUSE_BREAK = re.compile(r"\s*(?:;|\(|\)|,\s*(?:while|whereas|but|and)\b|\bwhile\b|\bwhereas\b|\bbut\b)\s*")


def figure_sources(sentence: str, quantities: list[QuantityFact], offset: int) -> list[str]:
    """Who gave each figure when the sentence gives figures from different sources:
    'The union counted 140,000 (the police counted 26,000)' -> 'The union' and 'the police'."""
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence)] if quantities else []
    if not breaks:
        return ["" for _ in quantities]
    starts, ends = [a for a, _ in breaks], [b for _, b in breaks]
    found: dict[tuple[int, int], str] = {}
    sources = []
    for q in quantities:
        start, end = q.start - offset, q.end - offset
        before = bisect.bisect_right(ends, start)  # breaks ending at or before the figure
        after = bisect.bisect_left(starts, end)  # the first break starting after it
        left = ends[before - 1] if before else 0
        right = starts[after] if after < len(starts) else len(sentence)
        if (left, right) not in found:
            found[(left, right)] = extract_attribution(sentence[left:right])[0]
        sources.append(found[(left, right)])
    return sources


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
    # A measurement is a figure whatever its value: "a two-kilometre stretch".
    figures = [
        q
        for q in quantities
        if q.value > 2 or any(ch.isdigit() for ch in q.text) or q.base_unit not in {"", "count"}
    ]
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
    previous = ""
    for span in split_sentences(body):
        sentence = body[span.start : span.end]
        dates = extract_dates(sentence, span.start, published)
        quantities = extract_quantities(sentence, span.start, dates, context=previous)
        previous = sentence
        attribution, attribution_span = extract_attribution(sentence, span.start)
        quantities = [
            replace(q, attribution=source or attribution)
            for q, source in zip(quantities, figure_sources(sentence, quantities, span.start), strict=True)
        ]
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
