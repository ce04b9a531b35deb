from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ..models import Claim, StaleEdit


def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(
        Claim.objects.select_related("article__outlet", "assignee").prefetch_related("quantities", "dates"),
        pk=pk,
    )
    return render(request, "claims/claim_detail.html", {"claim": claim, "statuses": Claim.Status.choices})


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def claim_set_status(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    status = request.POST.get("status", "")
    if status not in Claim.Status.values:
        return HttpResponse(f"Unknown status {status!r}.", status=400)
    try:
        version = int(request.POST["version"]) if request.POST.get("version") else None
        claim.update_review(by=request.user, expected_version=version, status=status)
    except ValueError:
        return HttpResponse("Bad version number.", status=400)
    except StaleEdit as stale:
        messages.error(request, str(stale))
        return redirect(claim)
    messages.success(request, f"Status set to {claim.get_status_display()}.")
    return redirect(claim)
