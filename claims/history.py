"""The record of a claim: every change to it, its links, notes and verdicts, as a timeline.

Built from django-simple-history's tables in a fixed number of queries: each
model's records for the claim are read once, and before/after values come from
comparing each record with the previous record of the same object.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from .models import Claim, ClaimLink, Note, Verdict


@dataclass
class Entry:
    when: datetime.datetime
    who: str
    what: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (field, before, after)
    reason: str = ""
    kind: str = ""  # claim, link, note, verdict


TRACKED = {
    "claim": ("status", "assignee_id"),
    "link": ("relation", "status", "kind"),
    "note": ("text",),
    "verdict": ("rating_id", "headline", "summary", "sources", "is_published"),
}
LABELS = {"assignee_id": "assignee", "rating_id": "rating", "is_published": "published"}


def _records(queryset, key: str):
    """Records grouped per object in time order, each with its predecessor."""
    previous: dict[int, object] = {}
    for record in queryset.select_related("history_user").order_by("history_date", "history_id"):
        object_id = getattr(record, key)
        yield record, previous.get(object_id)
        previous[object_id] = record


def _display(name: str, value, users: dict, ratings: dict) -> str:
    if value is None or value == "":
        return "—"
    if name == "assignee_id":
        return users.get(value, f"user {value}")
    if name == "rating_id":
        return ratings.get(value, f"rating {value}")
    if name == "is_published":
        return "yes" if value else "no"
    if name == "sources":
        return ", ".join(s.get("label") or s.get("url", "") for s in value) or "—"
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "…"


def _changes(kind: str, record, before, users, ratings) -> list[tuple[str, str, str]]:
    if before is None:
        return []
    return [
        (
            LABELS.get(name, name),
            _display(name, getattr(before, name), users, ratings),
            _display(name, getattr(record, name), users, ratings),
        )
        for name in TRACKED[kind]
        if getattr(before, name) != getattr(record, name)
    ]


def claim_timeline(claim: Claim) -> list[Entry]:
    from django.contrib.auth import get_user_model

    from .models import Rating

    link_ids = list(
        ClaimLink.objects.filter(Q(claim_a=claim) | Q(claim_b=claim)).values_list("pk", flat=True)
    )
    sources = {
        "claim": (Claim.history.filter(id=claim.pk), "id"),
        "link": (ClaimLink.history.filter(Q(claim_a_id=claim.pk) | Q(claim_b_id=claim.pk)), "id"),
        "note": (Note.history.filter(Q(claim_id=claim.pk) | Q(link_id__in=link_ids)), "id"),
        "verdict": (Verdict.history.filter(claim_id=claim.pk), "id"),
    }
    collected = {kind: list(_records(queryset, key)) for kind, (queryset, key) in sources.items()}
    user_ids = {r.assignee_id for r, _ in collected["claim"] if r.assignee_id}
    users = (
        dict(get_user_model().objects.filter(pk__in=user_ids).values_list("pk", "username"))
        if user_ids
        else {}
    )
    ratings = {pk: str(rating) for pk, rating in ((r.pk, r) for r in Rating.objects.all())}
    # Which link an entry is about: the outlet of the claim on its other side (one query).
    others = {r.claim_b_id if r.claim_a_id == claim.pk else r.claim_a_id for r, _ in collected["link"]}
    outlets = (
        dict(Claim.objects.filter(pk__in=others).values_list("pk", "article__outlet__name")) if others else {}
    )

    entries: list[Entry] = []
    for kind, pairs in collected.items():
        for record, before in pairs:
            who = record.history_user.get_username() if record.history_user else "the app"
            changes = _changes(kind, record, before, users, ratings)
            what = _describe(kind, record, before)
            if kind == "link":
                other = record.claim_b_id if record.claim_a_id == claim.pk else record.claim_a_id
                what = what.replace("link", f"link with {outlets.get(other, 'another outlet')}'s claim", 1)
            if record.history_type == "~" and not changes and not record.history_change_reason:
                continue  # a save that changed nothing tracked
            entries.append(
                Entry(record.history_date, who, what, changes, record.history_change_reason or "", kind)
            )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def _describe(kind: str, record, before) -> str:
    created, deleted = record.history_type == "+", record.history_type == "-"
    if kind == "claim":
        return "claim extracted" if created else "claim removed" if deleted else "claim updated"
    if kind == "link":
        if created:
            return f"link {record.get_relation_display().lower()} ({record.get_status_display().lower()}, {record.origin})"
        return "link removed" if deleted else "link updated"
    if kind == "note":
        if created:
            return f"note added: {record.text[:120]}"
        return "note deleted" if deleted else "note edited"
    if created:
        return "verdict drafted"
    if before is not None and before.is_published != record.is_published:
        return "verdict published" if record.is_published else "verdict unpublished"
    return "verdict removed" if deleted else "verdict edited"
