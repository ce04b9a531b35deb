"""Verdict actions from the claim page: save a draft, publish, unpublish, offer to agreeing claims."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import verdicts
from ..forms import VerdictForm
from ..models import Claim, StaleEdit, Verdict
from .claims import claim_page_context
from .inputs import id_param


def _version(request: HttpRequest) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@require_POST
@permission_required("claims.add_verdict", raise_exception=True)
def verdict_save(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    form = VerdictForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            verdicts.save_verdict(
                claim,
                by=request.user,
                rating=data["rating"],
                headline=data["headline"],
                summary=data["summary"],
                sources=data["sources"],
                expected_version=data["version"],
                reason=data["reason"],
            )
        except (ValidationError, StaleEdit) as problem:
            form.add_error(
                None, problem.messages[0] if isinstance(problem, ValidationError) else str(problem)
            )
        else:
            messages.success(request, "Verdict saved.")
            return redirect(f"{claim.get_absolute_url()}#verdict")
    context = claim_page_context(request, claim)
    context["verdict_form"] = form
    return render(
        request,
        "claims/claim_detail.html",
        context,
        status=409 if "changed" in str(form.non_field_errors()) else 400,
    )


def _act(request: HttpRequest, pk: int, action) -> HttpResponse:
    verdict = get_object_or_404(Verdict.objects.select_related("claim"), pk=pk)
    try:
        action(verdict)
    except PermissionDenied as refused:
        messages.error(request, str(refused) or "Not allowed.")
        if not request.user.has_perm("claims.publish_verdict"):
            raise
    except (ValidationError, StaleEdit) as problem:
        messages.error(request, problem.messages[0] if isinstance(problem, ValidationError) else str(problem))
    return redirect(f"{verdict.claim.get_absolute_url()}#verdict")


@require_POST
@permission_required("claims.publish_verdict", raise_exception=True)
def verdict_publish(request: HttpRequest, pk: int) -> HttpResponse:
    def publish(verdict):
        verdicts.publish(verdict, by=request.user, expected_version=_version(request))
        messages.success(request, "Published.")

    return _act(request, pk, publish)


@require_POST
@permission_required("claims.publish_verdict", raise_exception=True)
def verdict_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    def unpublish(verdict):
        verdicts.unpublish(
            verdict,
            by=request.user,
            reason=request.POST.get("reason", ""),
            expected_version=_version(request),
        )
        messages.success(request, "Unpublished.")

    return _act(request, pk, unpublish)


@require_POST
@permission_required("claims.add_verdict", raise_exception=True)
def verdict_apply(request: HttpRequest, pk: int) -> HttpResponse:
    def apply(verdict):
        other = get_object_or_404(Claim, pk=id_param(request.POST, "claim"))
        verdicts.apply_to_claim(verdict, other, by=request.user)
        messages.success(request, f"Drafted the same verdict on the claim from {other.article.outlet.name}.")

    return _act(request, pk, apply)
