"""Stories: which real-world event an article reports. Pure functions over text (no ORM).

An article joins the story of its most alike recent article when they are
alike enough, or starts a story of its own. Alike means, for reports published
within a few days of each other: their headlines and leads mean much the same
(the cosine of their WordLlama vectors), or they name the same people and places
and use the same words there without meaning different things. Editors' choices
(moving an article, merging stories) are kept by the database layer and never undone.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from . import embeddings
from .conflicts import CALENDAR_STEMS, content_stems, entity_stems, stem

LEAD_CHARACTERS = 700  # the headline and the first paragraphs say what a report is about
WINDOW = datetime.timedelta(days=7)  # reports of one event come out within days of each other
JOIN_THRESHOLD = 0.25  # first run at 0.3: see bench/README.md
# Leads that mean the same join whatever their words (same event: median cosine 0.69; two
# events, even two earthquakes on one day, at most 0.61); leads sharing names and words
# but meaning different things (a quake in Italy, a bridge in Italy) do not. bench/README.md.
MEANING_JOIN = 0.62
MEANING_VETO = 0.5
# A disaster's reports go on for weeks (a collapse's toll on day 1, day 4, day 15): beyond the
# week, leads join only when they mean the same more surely than any two events ever did here.
LONG_WINDOW = datetime.timedelta(days=28)
NAMES_TO_VETO = 3  # leads naming at least this many people and places each must share one
MEANING_JOIN_LATER = 0.66
NAMES_TO_JOIN = 2
WORDS_AND_MEANING = 0.85
MEANING_WITH_NAMES = 0.45
# News agencies, broadcasters and the bodies every disaster story quotes (the United Nations, the Red
# Cross) tell no event from another.
_NEWS_AGENCIES = frozenset(
    stem(word)
    for word in "AFP AP Reuters BBC CNN Xinhua Yonhap PTI ANI IANS EFE DPA Kyodo Bernama Antara NBC CBS ABC "
    "Sky Tass Interfax Anadolu United Nations UN Red Cross Crescent UNICEF IFRC ICRC USGS WHO".split()
)


@dataclass(frozen=True)
class Profile:
    names: frozenset[str]
    words: frozenset[str]
    published: datetime.date | None = None
    meaning: bytes | None = None  # the lead's vector, when known
    proper: frozenset[str] = frozenset()  # names never written in lower case: places, people, bodies


def lead_text(headline: str, body: str) -> str:
    """What a report is about: its headline and first paragraphs (what is embedded too)."""
    return f"{headline}. {body[:LEAD_CHARACTERS]}"


def profile(
    headline: str, body: str, published: datetime.date | None = None, meaning: bytes | None = None
) -> Profile:
    lead = lead_text(headline, body)
    names = entity_stems(lead)
    # Names the lead's text writes only with a capital: not a headline's capitals ("Mass Shooting
    # Death Toll Rises"), nor a paragraph's first word ("People survey the damage").
    text = body[:LEAD_CHARACTERS]
    lowered = {stem(word) for word in re.findall(r"\b[a-z][\w'’-]+", text)}
    proper = entity_stems(re.sub(r"\s*\n\s*", ". ", text)) - lowered - CALENDAR_STEMS - _NEWS_AGENCIES
    return Profile(frozenset(names), frozenset(content_stems(lead)), published, meaning, frozenset(proper))


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / (len(first) * len(second)) ** 0.5


def similarity(a: Profile, b: Profile) -> float:
    """0 to 1: how much two reports' leads share names and words (0 outside the window)."""
    if a.published and b.published and abs(a.published - b.published) > WINDOW:
        return 0.0
    return round(0.6 * _overlap(a.names, b.names) + 0.4 * _overlap(a.words, b.words), 3)


def likeness(a: Profile, b: Profile, threshold: float = JOIN_THRESHOLD) -> float | None:
    """How surely two reports tell one story, or None when they do not."""
    words = similarity(a, b)
    if a.meaning is None or b.meaning is None:
        return words if words >= threshold else None  # reports stored before leads had vectors
    apart = abs(a.published - b.published) if a.published and b.published else datetime.timedelta(0)
    if apart > LONG_WINDOW:
        return None
    names_a, names_b = a.proper or a.names, b.proper or b.names
    if len(names_a) >= NAMES_TO_VETO and len(names_b) >= NAMES_TO_VETO and not names_a & names_b:
        return None  # two quakes, one in Yunnan and one in Sulawesi: alike leads, no place in common
    meaning = embeddings.meaning_similarity(a.meaning, b.meaning)
    if apart > WINDOW:
        return meaning if meaning >= MEANING_JOIN_LATER else None
    if meaning >= MEANING_JOIN or (words >= threshold and meaning >= MEANING_VETO):
        return max(words, meaning)
    if words + meaning >= WORDS_AND_MEANING and meaning >= MEANING_VETO:
        # Each just short of its own bar, together sure: Tianjin's toll of 50 on 13 August and its 114 on
        # the 17th (words 0.25, meaning 0.62).
        return meaning
    if len(a.proper & b.proper) >= NAMES_TO_JOIN and meaning >= MEANING_WITH_NAMES:
        # Two leads written apart ("cranes tried to lift the last coach", "the chief secretary
        # confirmed the toll") that name the same places in the same days tell one event.
        return meaning
    return None


def matching_stories(
    article: Profile, members: list[tuple[int, Profile]], threshold: float = JOIN_THRESHOLD
) -> list[int]:
    """The stories (ids) with a member alike enough to the article, most alike first.

    `members` are (story id, profile) pairs of recent articles that have a story. An
    article alike to two stories bridges them: they tell one event (the caller merges).
    """
    best: dict[int, float] = {}
    for story_id, member in members:
        score = likeness(article, member, threshold)
        if score is not None and score > best.get(story_id, -1):
            best[story_id] = score
    return sorted(best, key=lambda story_id: (-best[story_id], story_id))


def b_cubed(predicted: dict[str, int], gold: dict[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering (item -> cluster) against gold (item -> event)."""
    items = list(gold)
    precision = recall = 0.0
    for item in items:
        same_predicted = {other for other in items if predicted[other] == predicted[item]}
        same_gold = {other for other in items if gold[other] == gold[item]}
        both = len(same_predicted & same_gold)
        precision += both / len(same_predicted)
        recall += both / len(same_gold)
    return precision / len(items), recall / len(items)
