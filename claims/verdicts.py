"""Verdicts: drafting, the two-person publishing rule, reasons for changes, stale edits.

A claim has at most one verdict record; its history (django-simple-history,
with the reason in history_change_reason) keeps every version, who made it,
when, and why.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import archive
from .models import Claim, ClaimLink, Rating, StaleEdit, Verdict

HEADLINE_MAX = 75
EDITABLE_FIELDS = ("rating", "headline", "summary", "sources")


# --- Validation ----------------------------------------------------------------------------


def parse_sources(text: str) -> list[dict[str, str]]:
    """'Label | https://...' per line (or a bare URL) -> [{"label", "url"}]; every URL validated."""
    sources, errors = [], []
    validate = URLValidator(schemes=["http", "https"])
    for number, line in enumerate((text or "").splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        label, _, url = line.rpartition("|") if "|" in line else ("", "", line)
        label, url = label.strip(), url.strip()
        try:
            validate(url)
        except ValidationError:
            errors.append(f"line {number}: {url!r} is not an http(s) URL")
            continue
        sources.append({"label": label or url, "url": url})
    if errors:
        raise ValidationError("Sources: " + "; ".join(errors))
    return sources


def sources_text(sources: list[dict]) -> str:
    return "\n".join(f"{s.get('label', '')} | {s.get('url', '')}" for s in sources or [])


def validate_headline(headline: str) -> str:
    headline = " ".join((headline or "").split())
    if len(headline) > HEADLINE_MAX:
        raise ValidationError(
            f"The headline can be at most {HEADLINE_MAX} characters (it has {len(headline)})."
        )
    labels = sorted(Rating.objects.values_list("label", flat=True), key=len, reverse=True)
    for label in labels:
        if re.search(rf"\b{re.escape(label)}\b", headline, re.I):
            raise ValidationError(
                f"The headline states the claim as reviewed, without the rating ({label!r})."
            )
    return headline


# --- Reading ---------------------------------------------------------------------------------


def verdict_of(claim: Claim) -> Verdict | None:
    return (
        Verdict.objects.filter(claim=claim)
        .select_related("rating", "author", "published_by")
        .order_by("-is_published", "-updated_at")
        .first()
    )


def last_editor_id(verdict: Verdict) -> int | None:
    record = verdict.history.order_by("-history_date", "-history_id").first()
    return record.history_user_id if record else verdict.author_id


def publish_refusal(verdict: Verdict, user) -> str:
    """Why `user` may not publish `verdict` now, or '' if they may."""
    if not user.has_perm("claims.publish_verdict"):
        return "Only a Chief can publish a verdict."
    if verdict.is_published:
        return "This verdict is already published."
    if not settings.FACTCHECK_ALLOW_SELF_PUBLISH and user.pk in {verdict.author_id, last_editor_id(verdict)}:
        return "Two-person rule: someone other than the verdict's author and last editor must publish it."
    return ""


def agreeing_claims_without_verdict(claim: Claim) -> list[Claim]:
    """Claims linked to this one as stating the same fact, that have no verdict yet."""
    links = (
        ClaimLink.objects.filter(Q(claim_a=claim) | Q(claim_b=claim), relation=ClaimLink.Relation.AGREES)
        .exclude(status=ClaimLink.Status.DISMISSED)
        .select_related("claim_a__article__outlet", "claim_b__article__outlet")
    )
    others = [link.other(claim) for link in links]
    with_verdict = set(Verdict.objects.filter(claim__in=others).values_list("claim_id", flat=True))
    return [other for other in others if other.pk not in with_verdict]


# --- Writing ---------------------------------------------------------------------------------


def _changes(before: dict, after: dict) -> dict[str, tuple]:
    return {name: (before[name], after[name]) for name in before if before[name] != after[name]}


def _snapshot(verdict: Verdict) -> dict:
    return {
        "rating": str(verdict.rating) if verdict.rating_id else "",
        "headline": verdict.headline,
        "summary": verdict.summary,
        "sources": sources_text(verdict.sources),
        "published": "yes" if verdict.is_published else "no",
    }


def describe_changes(changes: dict[str, tuple]) -> str:
    parts = []
    for name, (before, after) in changes.items():
        if name in {"summary", "sources"}:
            parts.append(f"{name} changed")
        else:
            parts.append(f"{name}: {before or '—'} → {after or '—'}")
    return "; ".join(parts)


def _check_version(current: Verdict, expected_version: int | None) -> None:
    if expected_version is None or current.version == expected_version:
        return
    seen = current.history.filter(version=expected_version).order_by("-history_date").first()
    what = ""
    if seen is not None:
        before = _snapshot(seen.instance)
        what = describe_changes(_changes(before, _snapshot(current)))
    who = current.history.order_by("-history_date").first()
    by = f" by {who.history_user}" if who and who.history_user else ""
    raise StaleEdit(
        f"This verdict was changed{by} since you opened it"
        + (f" ({what})" if what else "")
        + ". Your edit was not saved: reload, look at the change, and edit again."
    )


# A claim's status follows its verdict: a draft puts it in review, publishing resolves it,
# unpublishing sends it back to review. A claim an editor dismissed stays dismissed.
_FOLLOWS_FROM = {
    Claim.Status.IN_REVIEW: {Claim.Status.NEW, Claim.Status.FLAGGED, Claim.Status.RESOLVED},
    Claim.Status.RESOLVED: {Claim.Status.NEW, Claim.Status.FLAGGED, Claim.Status.IN_REVIEW},
}


def _claim_follows(claim: Claim, *, by, status: str, reason: str) -> None:
    claim.refresh_from_db(fields=["status", "version"])
    if claim.status in _FOLLOWS_FROM[status]:
        claim.update_review(by=by, status=status, reason=reason)


def open_conflicting_claims(claim: Claim) -> list[Claim]:
    """Claims linked to this one as conflicting and still open: when its verdict is published,
    they are offered to be resolved too (one click each, in their own history)."""
    links = ClaimLink.objects.filter(
        Q(claim_a=claim) | Q(claim_b=claim), relation=ClaimLink.Relation.CONFLICTS
    ).exclude(status=ClaimLink.Status.DISMISSED)
    ids = {pk for pair in links.values_list("claim_a_id", "claim_b_id") for pk in pair} - {claim.pk}
    return list(
        Claim.objects.filter(pk__in=ids)
        .exclude(status__in=[Claim.Status.RESOLVED, Claim.Status.DISMISSED])
        .select_related("article__outlet")
        .order_by("pk")
    )


@transaction.atomic
def save_verdict(
    claim: Claim,
    *,
    by,
    rating: Rating,
    headline: str = "",
    summary: str = "",
    sources: list[dict] | None = None,
    expected_version: int | None = None,
    reason: str = "",
) -> Verdict:
    """Draft a verdict, or edit the claim's verdict; an edit after publishing needs a reason."""
    if not by.has_perm("claims.add_verdict"):
        raise PermissionDenied("Only Editors and Chiefs write verdicts.")
    headline = validate_headline(headline)
    current = (
        Verdict.objects.select_for_update()
        .filter(claim=claim)
        .order_by("-is_published", "-updated_at")
        .first()
    )
    if current is None:
        verdict = Verdict(
            claim=claim,
            author=by,
            rating=rating,
            headline=headline,
            summary=summary.strip(),
            sources=sources or [],
        )
        verdict._history_user = by
        verdict._change_reason = "drafted"
        verdict.save()
        _claim_follows(claim, by=by, status=Claim.Status.IN_REVIEW, reason="a verdict was drafted")
        return verdict
    _check_version(current, expected_version)
    before = _snapshot(current)
    current.rating, current.headline, current.summary, current.sources = (
        rating,
        headline,
        summary.strip(),
        sources or [],
    )
    changes = _changes(before, _snapshot(current))
    if not changes:
        return current
    reason = " ".join((reason or "").split())
    if current.is_published and not reason:
        raise ValidationError("This verdict is published: say why you change it.")
    current.version += 1
    current._history_user = by
    current._change_reason = (
        f"edited after publishing: {reason}" if current.is_published else reason or "edited"
    )[:100]
    current.save()
    if current.is_published:
        archive.sync_verdict(current)
    return current


@transaction.atomic
def publish(verdict: Verdict, *, by, expected_version: int | None = None) -> Verdict:
    current = Verdict.objects.select_for_update().get(pk=verdict.pk)
    _check_version(current, expected_version)
    refusal = publish_refusal(current, by)
    if refusal:
        raise PermissionDenied(refusal)
    current.is_published = True
    current.published_at = timezone.now()
    current.published_by = by
    current.version += 1
    current._history_user = by
    current._change_reason = "published"
    current.save()
    archive.sync_verdict(current)
    _claim_follows(current.claim, by=by, status=Claim.Status.RESOLVED, reason="its verdict was published")
    return current


@transaction.atomic
def unpublish(verdict: Verdict, *, by, reason: str, expected_version: int | None = None) -> Verdict:
    if not by.has_perm("claims.publish_verdict"):
        raise PermissionDenied("Only a Chief can unpublish a verdict.")
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Say why the verdict is unpublished.")
    current = Verdict.objects.select_for_update().get(pk=verdict.pk)
    _check_version(current, expected_version)
    if not current.is_published:
        raise ValidationError("This verdict is not published.")
    current.is_published = False
    current.version += 1
    current._history_user = by
    current._change_reason = f"unpublished: {reason}"[:100]
    current.save()
    archive.sync_verdict(current)
    _claim_follows(current.claim, by=by, status=Claim.Status.IN_REVIEW, reason="its verdict was unpublished")
    return current


@transaction.atomic
def apply_to_claim(verdict: Verdict, other: Claim, *, by) -> Verdict:
    """Offer a verdict to a claim linked as agreeing: a new draft there, never published by this."""
    if other.pk not in {c.pk for c in agreeing_claims_without_verdict(verdict.claim)}:
        raise ValidationError("That claim is not linked as agreeing, or it already has a verdict.")
    copy = Verdict(
        claim=other,
        author=by,
        rating=verdict.rating,
        headline=verdict.headline,
        summary=verdict.summary,
        sources=verdict.sources,
        based_on=verdict,
    )
    copy._history_user = by
    copy._change_reason = f"drafted from the verdict on claim {verdict.claim_id}"
    copy.save()
    return copy


# --- The claim page ----------------------------------------------------------------------------


def claim_page_context(claim: Claim, user) -> dict:
    """What the verdict panel and the history timeline on the claim page need."""
    from .forms import VerdictForm
    from .history import claim_timeline

    verdict = verdict_of(claim)
    form = VerdictForm(verdict=verdict)
    return {
        "verdict": verdict,
        "verdict_form": form,
        "publish_refusal": publish_refusal(verdict, user) if verdict else "",
        "offers": agreeing_claims_without_verdict(claim) if verdict else [],
        "open_conflicts": open_conflicting_claims(claim) if verdict and verdict.is_published else [],
        "timeline": claim_timeline(claim),
        "verdict_panel_template": "claims/_verdict_panel.html",
        "history_template": "claims/_history.html",
    }
