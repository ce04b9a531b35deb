"""What editors do to claims and links: assign, change status, link, confirm,
dismiss, mark conflicts, write notes. Views call these; each change is one
transaction, checks the version the editor saw, and is recorded in history
(django-simple-history picks the user up from the request)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Claim, ClaimLink, Note, StaleEdit

MAX_NOTE_LENGTH = 5000
LINK_ACTIONS = ("confirm", "dismiss", "relation")
BULK_ACTIONS = ("assign_me", "assign", "unassign", "status")


def clean_note_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError("A note needs some text.")
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(f"A note can be at most {MAX_NOTE_LENGTH:,} characters.")
    return text


def add_note(*, author, text: str, claim: Claim | None = None, link: ClaimLink | None = None) -> Note:
    note = Note(author=author, text=clean_note_text(text), claim=claim, link=link)
    note._history_user = author
    note.save()
    return note


def edit_note(note: Note, *, by, text: str, expected_version: int | None) -> Note:
    """Edit a note's text; refused when someone saved it since the editor's page was built."""
    if not note.can_edit(by):
        raise PermissionDenied("Only the note's author or a Chief can edit it.")
    text = clean_note_text(text)
    with transaction.atomic():
        current = Note.objects.select_for_update().get(pk=note.pk)
        if expected_version is None:
            raise ValidationError("This edit has no version: reload the page and edit again.")
        if current.version != expected_version:
            who = current.history.first().history_user if current.history.exists() else None
            raise StaleEdit(
                f"This note was changed{f' by {who}' if who else ''} since you opened it; it now reads: "
                f"“{current.text[:200]}”. Reload to see it, then edit again."
            )
        current.text = text
        current.version += 1
        current._history_user = by
        current.save(update_fields=["text", "version", "updated_at"])
    note.text, note.version, note.updated_at = current.text, current.version, current.updated_at
    return note


def _flag_pair(link: ClaimLink) -> None:
    for claim in Claim.objects.filter(pk__in=(link.claim_a_id, link.claim_b_id)):
        claim.flag()


@transaction.atomic
def link_claims_by_hand(
    claim: Claim, other: Claim, *, relation: str, by, note: str = "", kind: str = ""
) -> ClaimLink:
    """An editor links two claims (or re-decides an existing link, a dismissed one included)."""
    if claim.pk == other.pk:
        raise ValidationError("A claim cannot be linked to itself.")
    if relation not in ClaimLink.Relation.values:
        raise ValidationError(f"Unknown relation {relation!r}.")
    if kind and kind not in ClaimLink.Kind.values:
        raise ValidationError(f"Unknown kind of conflict {kind!r}.")
    note_text = clean_note_text(note) if note.strip() else ""
    a, b = ClaimLink.ordered_pair(claim, other)
    link = ClaimLink.objects.select_for_update().filter(claim_a_id=a, claim_b_id=b).first()
    if link is None:
        link = ClaimLink(claim_a_id=a, claim_b_id=b, origin=ClaimLink.Origin.EDITOR, created_by=by, score=0.0)
    else:
        link.version += 1
    link.relation = relation
    link.kind = kind if relation == ClaimLink.Relation.CONFLICTS else ""
    link.status = ClaimLink.Status.CONFIRMED
    link.confirmed_by, link.confirmed_at = by, timezone.now()
    link._history_user = by
    link.save()
    if relation == ClaimLink.Relation.CONFLICTS:
        _flag_pair(link)
    if note_text:
        add_note(author=by, text=note_text, link=link)
    return link


@transaction.atomic
def update_link(
    link: ClaimLink,
    *,
    by,
    action: str,
    expected_version: int | None,
    relation: str = "",
    kind: str = "",
    note: str = "",
) -> ClaimLink:
    """Confirm, dismiss or change the relation of a link; refuse a stale edit."""
    if action not in LINK_ACTIONS:
        raise ValidationError(f"Unknown action {action!r}.")
    note_text = clean_note_text(note) if note.strip() else ""
    current = ClaimLink.objects.select_for_update().get(pk=link.pk)
    if expected_version is not None and current.version != expected_version:
        raise StaleEdit(
            "This link was changed by someone else since you opened it "
            f"(now: {current.get_relation_display()}, {current.get_status_display()}). Reload and try again."
        )
    current._history_user = by
    if action == "confirm":
        current.confirm(by=by)
    elif action == "dismiss":
        current.dismiss(by=by)
    else:
        if relation not in ClaimLink.Relation.values:
            raise ValidationError(f"Unknown relation {relation!r}.")
        if kind and kind not in ClaimLink.Kind.values:
            raise ValidationError(f"Unknown kind of conflict {kind!r}.")
        current.relation = relation
        current.kind = (kind or current.kind) if relation == ClaimLink.Relation.CONFLICTS else ""
        current.confirm(by=by)  # deciding the relation is confirming the link
    if current.relation == ClaimLink.Relation.CONFLICTS and current.status != ClaimLink.Status.DISMISSED:
        _flag_pair(current)
    if note_text:
        add_note(author=by, text=note_text, link=current)
    return current


def bulk_review(
    claim_ids: list[int], *, by, action: str, status: str = "", assignee_id: int | None = None
) -> int:
    """Apply one review action to many claims; returns how many changed."""
    if action not in BULK_ACTIONS:
        raise ValidationError(f"Unknown action {action!r}.")
    changes: dict = {}
    if action == "assign_me":
        changes["assignee"] = by
    elif action == "unassign":
        changes["assignee"] = None
    elif action == "assign":
        user = get_user_model().objects.filter(pk=assignee_id, is_active=True).first()
        if user is None:
            raise ValidationError("Choose whom to assign the claims to.")
        changes["assignee"] = user
    else:
        if status not in Claim.Status.values:
            raise ValidationError("Choose a status.")
        changes["status"] = status
    changed = 0
    with transaction.atomic():
        for claim in Claim.objects.filter(pk__in=claim_ids).order_by("pk"):
            changed += bool(claim.update_review(by=by, **changes))
    return changed


def review_action(
    claim: Claim, *, by, action: str, expected_version: int | None, assignee_id=None, status=""
):
    """One row action from the queue: assign to me / someone, in review, dismiss, resolve, reopen."""
    if action == "assign_me":
        changes = {"assignee": by}
    elif action == "unassign":
        changes = {"assignee": None}
    elif action == "assign":
        user = get_user_model().objects.filter(pk=assignee_id, is_active=True).first()
        if user is None:
            raise ValidationError("Choose whom to assign the claim to.")
        changes = {"assignee": user}
    elif action in {"in_review", "dismissed", "resolved", "flagged"}:
        changes = {"status": action}
    elif action == "status" and status in Claim.Status.values:
        changes = {"status": status}
    else:
        raise ValidationError(f"Unknown action {action!r}.")
    return claim.update_review(by=by, expected_version=expected_version, **changes)


def links_of(claim: Claim):
    """Every link touching a claim, with the other claim's article and outlet, best first."""
    return (
        ClaimLink.objects.filter(Q(claim_a=claim) | Q(claim_b=claim))
        .select_related("claim_a__article__outlet", "claim_b__article__outlet", "confirmed_by", "created_by")
        .prefetch_related("notes__author")
        .order_by("-score", "pk")
    )


# --- Conflicts as one unit -------------------------------------------------------------------

CONFLICT_ACTIONS = {
    "confirm": "confirmed",
    "dismiss": "dismissed as no conflict",
    "assign_me": "taken",
    "in_review": "put in review",
    "resolve": "resolved",
    "reopen": "reopened",
}


# The same actions as the desk's activity says them.
CONFLICT_VERBS = {
    "confirmed": "confirmed a conflict",
    "dismissed as no conflict": "dismissed a conflict",
    "taken": "took a conflict",
    "put in review": "put a conflict in review",
    "resolved": "resolved a conflict",
    "reopened": "reopened a conflict",
}


def conflict_action(link_ids: list[int], *, by, action: str) -> int:
    """Act on conflicts as units: the link and both its claims follow, in one transaction.

    confirm: the link is confirmed (both claims stay in the queue). dismiss: the link is
    dismissed and a claim that was only flagged for it leaves the queue (back to new).
    assign_me: both claims are assigned to `by`. in_review / resolve / reopen: both claims
    take that status (flagged for reopen), and a suggested link is confirmed on the way,
    since reviewing a conflict accepts that it is one. Returns how many conflicts changed."""
    if action not in CONFLICT_ACTIONS:
        raise ValidationError(f"Unknown action {action!r}.")
    changed = 0
    with transaction.atomic():
        links = (
            ClaimLink.objects.select_for_update()
            .filter(pk__in=link_ids, relation=ClaimLink.Relation.CONFLICTS)
            .select_related("claim_a__article__outlet", "claim_b__article__outlet")
            .order_by("pk")
        )
        for link in links:
            changed += _act_on_conflict(link, by=by, action=action)
    return changed


def _act_on_conflict(link: ClaimLink, *, by, action: str) -> bool:
    pair = (link.claim_a, link.claim_b)
    reason = (
        f"conflict {CONFLICT_ACTIONS[action]}: {link.claim_a.article.outlet} vs {link.claim_b.article.outlet}"
    )
    link._history_user = by
    link._change_reason = reason[:100]
    if action == "dismiss":
        if link.status == ClaimLink.Status.DISMISSED:
            return False
        link.dismiss(by=by)
        for claim in pair:
            still_conflicting = (
                _open_conflicts_of(claim).exclude(pk=link.pk).exists()
                if claim.status == Claim.Status.FLAGGED
                else True
            )
            if not still_conflicting:
                claim.update_review(by=by, status=Claim.Status.NEW, reason=reason)
        return True
    changed = False
    if link.status != ClaimLink.Status.CONFIRMED and action != "assign_me":
        link.confirm(by=by)
        changed = True
    if action == "confirm":
        _flag_pair(link)
        return changed
    if action == "assign_me":
        changes = {"assignee": by}
    else:
        status = {"in_review": Claim.Status.IN_REVIEW, "resolve": Claim.Status.RESOLVED}.get(
            action, Claim.Status.FLAGGED
        )
        changes = {"status": status}
    claims_changed = False
    for claim in pair:
        claims_changed |= bool(claim.update_review(by=by, reason=reason, **changes))
    if claims_changed and not changed:
        # The conflict's own history line: the desk shows this one, not one line per claim.
        link.version += 1
        link.save()
    return changed or claims_changed


def _open_conflicts_of(claim: Claim):
    return ClaimLink.objects.filter(
        Q(claim_a=claim) | Q(claim_b=claim), relation=ClaimLink.Relation.CONFLICTS
    ).exclude(status=ClaimLink.Status.DISMISSED)
