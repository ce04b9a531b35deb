"""The conflicts queue: one row per pair of claims that disagree, acted on as one unit."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import diff, highlight, review, workspace
from ..models import ClaimLink, Outlet

PAGE_SIZE = 25


def conflict_queue(request: HttpRequest) -> HttpResponse:
    filters = workspace.ConflictFilters.from_query(request.GET)
    page = Paginator(workspace.conflict_links(filters, request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [_row(link) for link in page]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "claims/conflict_queue.html",
        {
            "page": page,
            "rows": rows,
            "filters": filters,
            "query": query.urlencode(),
            "kinds": ClaimLink.Kind.choices,
            "outlets": Outlet.objects.order_by("name"),
            "users": workspace.assignable_users(),
            "can_review": request.user.has_perm("claims.review_claim"),
        },
    )


def _row(link: ClaimLink) -> dict:
    """Both sides as plain text, what differs marked: the figures, dates or sources the conflict
    is about, or for a conflict of wording the words each side alone has."""
    if link.kind == ClaimLink.Kind.WORDING:
        a_runs, b_runs = highlight.wording_runs(link.claim_a.text, link.claim_b.text)
    else:
        a_runs, b_runs = (
            highlight.claim_runs(link.claim_a, link.kind),
            highlight.claim_runs(link.claim_b, link.kind),
        )
    return {
        "link": link,
        "a_runs": a_runs,
        "b_runs": b_runs,
        "diff": diff.word_diff(link.claim_a.text, link.claim_b.text),
    }


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def conflict_action(request: HttpRequest) -> HttpResponse:
    """One conflict (a row's button) or the selected ones (the bulk form): the link and both claims."""
    action = request.POST.get("action", "")
    ids = [int(pk) for pk in request.POST.getlist("links") if pk.isascii() and pk.isdigit() and len(pk) < 19]
    back = request.POST.get("next", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}
    ):
        back = reverse("conflict_queue")
    if not ids:
        messages.error(request, "Select at least one conflict first.")
        return HttpResponseRedirect(back)
    try:
        changed = review.conflict_action(ids, by=request.user, action=action)
    except ValidationError as problem:
        messages.error(request, problem.messages[0])
    else:
        words = review.CONFLICT_ACTIONS[action]
        messages.success(request, f"{changed} of {len(ids)} conflict{'s' if len(ids) != 1 else ''} {words}.")
    return HttpResponseRedirect(back)
