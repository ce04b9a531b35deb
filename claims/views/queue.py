"""The review queue: filter, sort, act on one row or on many."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import review, workspace
from ..models import Claim, ClaimLink, Outlet, StaleEdit
from .inputs import id_param

PAGE_SIZE = 25


def _rows(page):
    return [(claim, *workspace.counterpart(claim)) for claim in page]


def queue(request: HttpRequest) -> HttpResponse:
    filters = workspace.QueueFilters.from_query(request.GET)
    page = Paginator(workspace.queue_claims(filters, request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "rows": _rows(page),
        "filters": filters,
        "query": query.urlencode(),
        "statuses": Claim.Status.choices,
        "kinds": ClaimLink.Kind.choices,
        "outlets": Outlet.objects.order_by("name"),
        "users": workspace.assignable_users(),
        "can_review": request.user.has_perm("claims.review_claim"),
    }
    template = (
        "claims/queue.html#table"
        if request.htmx and request.htmx.target == "queue-table"
        else "claims/queue.html"
    )
    return render(request, template, context)


def _back(request: HttpRequest, fallback: str = "queue"):
    target = request.POST.get("next", "")
    # Only a path on this site: never a view name (redirect() would try to reverse it) or another host.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return redirect(fallback)


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def claim_review(request: HttpRequest, pk: int) -> HttpResponse:
    """One row action: assign to me / someone, in review, dismiss, resolve."""
    claim = get_object_or_404(Claim.objects.select_related("article__outlet", "assignee"), pk=pk)
    error = ""
    try:
        version = int(request.POST["version"]) if request.POST.get("version") else None
        changed = review.review_action(
            claim,
            by=request.user,
            action=request.POST.get("action", ""),
            expected_version=version,
            assignee_id=id_param(request.POST, "assignee", required=False),
            status=request.POST.get("status", ""),
        )
    except (ValidationError, ValueError) as problem:
        error = problem.messages[0] if isinstance(problem, ValidationError) else "Bad version number."
        changed = []
    except StaleEdit as stale:
        error = str(stale)
        changed = []
    if request.htmx:
        claim = workspace.queue_claims(workspace.QueueFilters(status=Claim.Status.values), request.user).get(
            pk=pk
        )
        link, other = workspace.counterpart(claim)
        context = {
            "claim": claim,
            "link": link,
            "other": other,
            "row_error": error,
            "can_review": True,
            "users": workspace.assignable_users(),
            "row_changed": bool(changed),
        }
        return render(request, "claims/queue.html#row", context, status=409 if error else 200)
    if error:
        messages.error(request, error)
    elif changed:
        messages.success(
            request, f"Claim updated: {claim.get_status_display()}, assigned to {claim.assignee or 'nobody'}."
        )
    return _back(request)


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def queue_bulk(request: HttpRequest) -> HttpResponse:
    ids = [int(pk) for pk in request.POST.getlist("claims") if pk.isascii() and pk.isdigit() and len(pk) < 19]
    if not ids:
        messages.error(request, "Select at least one claim first.")
        return _back(request)
    try:
        changed = review.bulk_review(
            ids,
            by=request.user,
            action=request.POST.get("bulk_action", ""),
            status=request.POST.get("bulk_status", ""),
            assignee_id=id_param(request.POST, "bulk_assignee", required=False),
        )
    except ValidationError as problem:
        messages.error(request, problem.messages[0])
    else:
        messages.success(request, f"{changed} of {len(ids)} claims updated.")
    return _back(request)
