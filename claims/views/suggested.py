"""Suggested links: the matcher's proposals, one list to work through (confirm or dismiss)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import review
from ..models import ClaimLink, Outlet, StaleEdit

PAGE_SIZE = 25
ACTIONS = {"confirm": "confirmed", "dismiss": "dismissed"}


def suggested_links(request: HttpRequest) -> HttpResponse:
    outlet = request.GET.get("outlet", "")
    links = ClaimLink.objects.filter(status=ClaimLink.Status.SUGGESTED)
    if outlet:
        links = links.filter(
            Q(claim_a__article__outlet__slug=outlet) | Q(claim_b__article__outlet__slug=outlet)
        )
    links = (
        links.select_related("claim_a__article__outlet", "claim_b__article__outlet")
        .defer("claim_a__article__body", "claim_b__article__body", "claim_a__embedding", "claim_b__embedding")
        .order_by("-score", "pk")
    )
    page = Paginator(links, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "claims/suggested_links.html",
        {
            "page": page,
            "outlet": outlet,
            "outlets": Outlet.objects.order_by("name"),
            "query": query.urlencode(),
            "can_review": request.user.has_perm("claims.change_claimlink"),
        },
    )


@require_POST
@permission_required("claims.change_claimlink", raise_exception=True)
def suggested_links_action(request: HttpRequest) -> HttpResponse:
    """Confirm or dismiss one link (a row's button) or the selected ones (the bulk form)."""
    action = request.POST.get("action", "")
    ids = [int(pk) for pk in request.POST.getlist("links") if pk.isascii() and pk.isdigit() and len(pk) < 19]
    back = request.POST.get("next", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}
    ):
        back = reverse("suggested_links")
    if action not in ACTIONS:
        messages.error(request, f"Unknown action {action!r}.")
        return HttpResponseRedirect(back)
    if not ids:
        messages.error(request, "Select at least one link first.")
        return HttpResponseRedirect(back)
    done = 0
    for link in ClaimLink.objects.filter(pk__in=ids, status=ClaimLink.Status.SUGGESTED):
        try:
            with transaction.atomic():
                review.update_link(link, by=request.user, action=action, expected_version=link.version)
        except (StaleEdit, ValidationError):
            continue  # changed meanwhile: left as it is, counted out
        done += 1
    messages.success(request, f"{done} of {len(ids)} link{'s' if len(ids) != 1 else ''} {ACTIONS[action]}.")
    return HttpResponseRedirect(back)
