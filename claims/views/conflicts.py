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
    rows = _rows(list(page))
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


def _rows(links: list[ClaimLink]) -> list[dict]:
    """The page's conflicts as rows: pairs that share a claim and disagree about the same kind of
    thing in one story make one row (three outlets, three figures), the rest one row per pair."""
    parent = list(range(len(links)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple, int] = {}
    for index, link in enumerate(links):
        story = link.claim_a.article.story_id
        for claim_id in (link.claim_a_id, link.claim_b_id):
            key = (story, link.kind, claim_id)
            if key in seen:
                parent[root(index)] = root(seen[key])
            else:
                seen[key] = index
    groups: dict[int, list[ClaimLink]] = {}
    for index, link in enumerate(links):
        groups.setdefault(root(index), []).append(link)
    return [_row(group) for group in groups.values()]


def _row(group: list[ClaimLink]) -> dict:
    """Every side as plain text, what differs marked: the figures, dates or sources the conflict
    is about, or for a conflict of wording between two claims the words each side alone has."""
    first = group[0]
    claims = list({c.pk: c for link in group for c in (link.claim_a, link.claim_b)}.values())
    if len(claims) == 2 and first.kind == ClaimLink.Kind.WORDING:
        a_runs, b_runs = highlight.wording_runs(first.claim_a.text, first.claim_b.text)
        sides = [(first.claim_a, a_runs), (first.claim_b, b_runs)]
    else:
        sides = [(claim, highlight.claim_runs(claim, first.kind)) for claim in claims]
    return {
        "link": first,
        "links": group,
        "sides": sides,
        "outlets": len({claim.article.outlet_id for claim in claims}),
        "suggested": any(link.status == ClaimLink.Status.SUGGESTED for link in group),
        "diff": diff.word_diff(first.claim_a.text, first.claim_b.text) if len(claims) == 2 else None,
    }


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def conflict_action(request: HttpRequest) -> HttpResponse:
    """One conflict (a row's button) or the selected ones (the bulk form): the link and both claims."""
    action = request.POST.get("action", "")
    # A row about one fact carries all its pairs, comma-separated.
    values = [pk for value in request.POST.getlist("links") for pk in value.split(",")]
    ids = [int(pk) for pk in values if pk.isascii() and pk.isdigit() and len(pk) < 19]
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
