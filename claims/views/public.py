"""Published verdicts for everyone: no login, never a draft."""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from ..claimreview import (
    absolute,
    appearances,
    as_script_json,
    claim_review,
    published_verdicts,
    scale_bounds,
)
from ..models import Rating

FEED_PAGE_SIZE = 20


@login_not_required
def public_verdict(request: HttpRequest, pk: int) -> HttpResponse:
    verdict = get_object_or_404(published_verdicts(), pk=pk)
    return render(
        request,
        "public/verdict.html",
        {
            "verdict": verdict,
            "claim": verdict.claim,
            "articles": appearances(verdict),
            "jsonld": as_script_json(claim_review(verdict)),
            "scale": list(Rating.objects.filter(value__isnull=False).order_by("value")),
        },
    )


@login_not_required
def public_index(request: HttpRequest) -> HttpResponse:
    page = Paginator(published_verdicts(), FEED_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "public/index.html", {"page": page, "query": ""})


@login_not_required
def public_feed(request: HttpRequest) -> JsonResponse:
    page = Paginator(published_verdicts(), FEED_PAGE_SIZE).get_page(request.GET.get("page"))
    bounds = scale_bounds()
    feed_url = absolute(reverse("public_feed"))
    return JsonResponse(
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "next": f"{feed_url}?page={page.next_page_number()}" if page.has_next() else None,
            "previous": f"{feed_url}?page={page.previous_page_number()}" if page.has_previous() else None,
            "items": [claim_review(verdict, bounds=bounds) for verdict in page],
        },
        json_dumps_params={"ensure_ascii": False},
    )
