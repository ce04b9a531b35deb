"""Stories: which real-world event an article reports. Pure functions over text (no ORM).

An article joins the story of its most alike recent article when they are
alike enough, or starts a story of its own. Alike means: they name the same
people and places in their headline and lead, use the same words there, and
were published within a few days of each other. Editors' choices (moving an
article, merging stories) are kept by the database layer and never undone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .conflicts import content_stems, entity_stems

LEAD_CHARACTERS = 700  # the headline and the first paragraphs say what a report is about
WINDOW = datetime.timedelta(days=7)  # reports of one event come out within days of each other
JOIN_THRESHOLD = 0.25  # first run at 0.3: see bench/README.md


@dataclass(frozen=True)
class Profile:
    names: frozenset[str]
    words: frozenset[str]
    published: datetime.date | None = None


def profile(headline: str, body: str, published: datetime.date | None = None) -> Profile:
    lead = f"{headline}. {body[:LEAD_CHARACTERS]}"
    return Profile(frozenset(entity_stems(lead)), frozenset(content_stems(lead)), published)


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / (len(first) * len(second)) ** 0.5


def similarity(a: Profile, b: Profile) -> float:
    """0 to 1: how surely two reports tell the same story."""
    if a.published and b.published and abs(a.published - b.published) > WINDOW:
        return 0.0
    return round(0.6 * _overlap(a.names, b.names) + 0.4 * _overlap(a.words, b.words), 3)


def matching_stories(
    article: Profile, members: list[tuple[int, Profile]], threshold: float = JOIN_THRESHOLD
) -> list[int]:
    """The stories (ids) with a member alike enough to the article, most alike first.

    `members` are (story id, profile) pairs of recent articles that have a story. An
    article alike to two stories bridges them: they tell one event (the caller merges).
    """
    best: dict[int, float] = {}
    for story_id, member in members:
        score = similarity(article, member)
        if score >= threshold and score > best.get(story_id, -1):
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
