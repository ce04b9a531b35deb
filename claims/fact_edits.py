"""Editors' choices on a story's fact sheet: pin a row's best-supported value, rename a row,
merge two rows, move what a claim said to another row. Each is one transaction, recorded in
history, and kept by row key so that re-extraction and re-matching never undo it
(claims.factsheet.apply_choices applies them)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import factsheet
from .models import Claim, FactMove, FactRowChoice, Story

MAX_SOURCES = 20


def _choice(story: Story, key: str, by) -> FactRowChoice:
    key = key.strip()
    if not key or len(key) > 100:
        raise ValidationError("Choose a row of the fact sheet.")
    choice, _ = FactRowChoice.objects.select_for_update().get_or_create(story=story, key=key)
    choice._history_user = by
    return choice


@transaction.atomic
def pin(story: Story, key: str, *, by, value: str, note: str = "", sources: str = "") -> FactRowChoice:
    value = " ".join(value.split())
    if not value:
        raise ValidationError("Say the value you pin, e.g. “at least 41 dead”.")
    if len(value) > 200:
        raise ValidationError(f"The pinned value is {len(value)} characters; keep it under 200.")
    lines = [line.strip() for line in sources.splitlines() if line.strip()]
    if not lines:
        raise ValidationError("Name at least one source the pinned value rests on (a URL or a name).")
    if len(lines) > MAX_SOURCES:
        raise ValidationError(f"At most {MAX_SOURCES} sources.")
    choice = _choice(story, key, by)
    choice.pinned_value, choice.pinned_note, choice.pinned_sources = (
        value,
        note.strip()[:5000],
        "\n".join(lines),
    )
    choice.pinned_by, choice.pinned_at = by, timezone.now()
    choice.save()
    return choice


@transaction.atomic
def unpin(story: Story, key: str, *, by) -> FactRowChoice:
    choice = _choice(story, key, by)
    choice.pinned_value = choice.pinned_note = choice.pinned_sources = ""
    choice.pinned_by, choice.pinned_at = None, None
    choice.save()
    return choice


@transaction.atomic
def rename(story: Story, key: str, *, by, label: str) -> FactRowChoice:
    label = " ".join(label.split())
    if len(label) > 120:
        raise ValidationError("Keep the row's name under 120 characters.")
    choice = _choice(story, key, by)
    choice.label = label  # empty: back to the computed name
    choice.save()
    return choice


@transaction.atomic
def merge(story: Story, key: str, *, by, into: str) -> FactRowChoice:
    """Row `key` joins row `into` (the same fact said two ways); refuses a loop."""
    into = into.strip()
    if not into or into == key:
        raise ValidationError("Choose another row to merge this one into.")
    chosen = {c.key: factsheet.RowChoice(c.key, merged_into=c.merged_into) for c in story.fact_choices.all()}
    chosen[key] = factsheet.RowChoice(key, merged_into=into)
    if factsheet._final_key(into, chosen) == key or _loops(key, chosen):
        raise ValidationError("That row already joined this one; merging back would make a loop.")
    choice = _choice(story, key, by)
    choice.merged_into = into
    choice.save()
    return choice


def _loops(key: str, chosen: dict) -> bool:
    seen, current = set(), key
    while current in chosen and chosen[current].merged_into:
        if current in seen:
            return True
        seen.add(current)
        current = chosen[current].merged_into
    return current == key and bool(seen)


@transaction.atomic
def unmerge(story: Story, key: str, *, by) -> FactRowChoice:
    choice = _choice(story, key, by)
    choice.merged_into = ""
    choice.save()
    return choice


@transaction.atomic
def move(story: Story, claim: Claim, *, by, from_key: str, to_key: str) -> FactMove | None:
    """What `claim` said in row `from_key` goes to row `to_key` (back home when they are equal)."""
    if claim.article.story_id != story.pk:
        raise ValidationError("That claim is not in this story.")
    to_key, from_key = to_key.strip(), from_key.strip()
    if not to_key or len(to_key) > 100 or not from_key:
        raise ValidationError("Choose the row to move it to.")
    if from_key == to_key:
        FactMove.objects.filter(story=story, claim=claim, from_key=from_key).delete()
        return None
    moved, _ = FactMove.objects.select_for_update().get_or_create(
        story=story, claim=claim, from_key=from_key, defaults={"to_key": to_key, "moved_by": by}
    )
    moved._history_user = by
    moved.to_key, moved.moved_by = to_key, by
    moved.save()
    return moved


def choices_of(story: Story) -> tuple[list[factsheet.RowChoice], list[factsheet.Move]]:
    """The story's choices as the pure fact sheet reads them (2 queries)."""
    choices = [
        factsheet.RowChoice(
            key=c.key,
            label=c.label,
            merged_into=c.merged_into,
            pin=(
                factsheet.Pin(
                    value=c.pinned_value,
                    note=c.pinned_note,
                    sources=tuple(c.pinned_sources.splitlines()),
                    by=c.pinned_by.get_username() if c.pinned_by else "",
                    at=c.pinned_at,
                )
                if c.pinned_value
                else None
            ),
        )
        for c in story.fact_choices.select_related("pinned_by").order_by("key")
    ]
    moves = [factsheet.Move(m.claim_id, m.from_key, m.to_key) for m in story.fact_moves.order_by("pk")]
    return choices, moves
