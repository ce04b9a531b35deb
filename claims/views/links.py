"""Editors' actions on links and notes, from the claim page and the queue."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import review
from ..models import Claim, ClaimLink, Note, StaleEdit
from .claims import render_fragment
from .inputs import id_param


def _claim_page_or_fragment(
    request: HttpRequest, claim: Claim, fragment: str, status: int = 200
) -> HttpResponse:
    if request.htmx:
        return render_fragment(request, claim, fragment, status)
    return redirect(claim)


@require_POST
@permission_required("claims.add_claimlink", raise_exception=True)
def link_create(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    other_id = id_param(request.POST, "other", required=False)
    other = Claim.objects.filter(pk=other_id).first() if other_id else None
    try:
        if other is None:
            raise ValidationError("Choose the claim to link to.")
        review.link_claims_by_hand(
            claim,
            other,
            relation=request.POST.get("relation", ClaimLink.Relation.RELATED),
            kind=request.POST.get("kind", ""),
            note=request.POST.get("note", ""),
            by=request.user,
        )
    except ValidationError as problem:
        messages.error(request, problem.messages[0])
        return _claim_page_or_fragment(request, claim, "links", status=400)
    messages.success(request, "Linked.")
    return _claim_page_or_fragment(request, claim, "links")


@require_POST
@permission_required("claims.change_claimlink", raise_exception=True)
def link_update(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(ClaimLink, pk=pk)
    claim = get_object_or_404(Claim, pk=id_param(request.POST, "claim", required=False) or link.claim_a_id)
    try:
        version = int(request.POST["version"]) if request.POST.get("version") else None
        review.update_link(
            link,
            by=request.user,
            action=request.POST.get("action", ""),
            expected_version=version,
            relation=request.POST.get("relation", ""),
            kind=request.POST.get("kind", ""),
            note=request.POST.get("note", ""),
        )
    except StaleEdit as stale:
        messages.error(request, str(stale))
        return _claim_page_or_fragment(request, claim, "links", status=409)
    except (ValidationError, ValueError) as problem:
        messages.error(
            request, problem.messages[0] if isinstance(problem, ValidationError) else "Bad version."
        )
        return _claim_page_or_fragment(request, claim, "links", status=400)
    return _claim_page_or_fragment(request, claim, "links")


@require_POST
@permission_required("claims.add_note", raise_exception=True)
def note_create(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    try:
        review.add_note(author=request.user, text=request.POST.get("text", ""), claim=claim)
    except ValidationError as problem:
        messages.error(request, problem.messages[0])
        return _claim_page_or_fragment(request, claim, "notes", status=400)
    return _claim_page_or_fragment(request, claim, "notes")


@require_POST
@permission_required("claims.change_note", raise_exception=True)
def note_update(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_object_or_404(Note.objects.select_related("claim", "link"), pk=pk)
    claim = note.claim or get_object_or_404(
        Claim, pk=id_param(request.POST, "claim", required=False) or note.link.claim_a_id
    )
    try:
        review.edit_note(  # PermissionDenied -> 403
            note,
            by=request.user,
            text=request.POST.get("text", ""),
            expected_version=id_param(request.POST, "version", required=False),
        )
    except StaleEdit as stale:
        messages.error(request, str(stale))
        return _claim_page_or_fragment(request, claim, "notes", status=409)
    except ValidationError as problem:
        messages.error(request, problem.messages[0])
        return _claim_page_or_fragment(request, claim, "notes", status=400)
    messages.success(request, "Note saved.")
    return _claim_page_or_fragment(request, claim, "notes")


def link_search(request: HttpRequest, pk: int) -> HttpResponse:
    """Claims to link to, for the search box on a claim page (htmx fragment or full page)."""
    from ..matching import find_similar

    claim = get_object_or_404(Claim, pk=pk)
    q = request.GET.get("q", "").strip()[:500]
    results = []
    if q:
        similar = [found.claim for found in find_similar(q, limit=10) if found.claim.pk != claim.pk]
        direct = (
            Claim.objects.filter(text__icontains=q)
            .exclude(pk=claim.pk)
            .select_related("article__outlet")[:10]
        )
        seen = set()
        for other in [*similar, *direct]:
            if other.pk not in seen:
                seen.add(other.pk)
                results.append(other)
    context = {
        "claim": claim,
        "q": q,
        "results": results[:15],
        "relations": ClaimLink.Relation.choices,
        "kinds": ClaimLink.Kind.choices,
    }
    return render(request, "claims/link_search.html" + ("#results" if request.htmx else ""), context)
