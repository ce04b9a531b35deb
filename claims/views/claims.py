from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import archive, review
from ..conflicts import similarity
from ..diff import word_diff
from ..highlight import highlight_body
from ..models import ArchiveMatch, Claim, ClaimLink, StaleEdit
from .inputs import id_param

DIFF_SIMILARITY = 0.45
LINK_GROUPS = (
    ("conflicts", "Conflicts"),
    ("agrees", "Agrees"),
    ("suggested", "Suggested"),
    ("related", "Related"),
    ("dismissed", "Dismissed"),
)


def _group_of(link: ClaimLink) -> str:
    if link.status == ClaimLink.Status.DISMISSED:
        return "dismissed"
    if link.status == ClaimLink.Status.SUGGESTED:
        return "suggested"
    return link.relation


def claim_page_context(request: HttpRequest, claim: Claim) -> dict:
    """Everything the claim page and its fragments show, in a fixed number of queries."""
    claim = (
        Claim.objects.select_related("article__outlet", "assignee")
        .prefetch_related("quantities", "dates", "notes__author")
        .get(pk=claim.pk)
    )
    groups = {key: [] for key, _ in LINK_GROUPS}
    for link in review.links_of(claim):
        other = link.other(claim)
        groups[_group_of(link)].append(
            {
                "link": link,
                "other": other,
                "diff": word_diff(claim.text, other.text),
                # A diff of two differently worded sentences is noise: shown on request only.
                "diff_first": similarity(claim.text, other.text) >= DIFF_SIMILARITY,
            }
        )
    paragraphs = highlight_body(claim.article.body, [claim])
    paragraph = next((runs for runs in paragraphs if any(run.claim for run in runs)), [])
    context = {
        "claim": claim,
        "paragraph": paragraph,
        "link_groups": [(key, label, groups[key]) for key, label in LINK_GROUPS],
        "link_count": sum(len(items) for key, items in groups.items() if key != "dismissed"),
        "notes": list(claim.notes.all()),
        "statuses": Claim.Status.choices,
        "relations": ClaimLink.Relation.choices,
        "kinds": ClaimLink.Kind.choices,
        "archive_matches": archive.shown_matches(claim),
    }
    try:
        from ..verdicts import claim_page_context as verdict_context
    except ImportError:
        return context
    context.update(verdict_context(claim, request.user))
    return context


def render_fragment(request: HttpRequest, claim: Claim, fragment: str, status: int = 200) -> HttpResponse:
    """A part of the claim page after an in-page action, with the history refreshed beside it
    (an out-of-band swap: the history shows what was just done)."""
    context = claim_page_context(request, claim)
    html = render_to_string(f"claims/claim_detail.html#{fragment}", context, request=request)
    if context.get("history_template"):
        html += render_to_string(
            context["history_template"], {**context, "history_oob": True}, request=request
        )
    return HttpResponse(html, status=status)


def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    return render(request, "claims/claim_detail.html", claim_page_context(request, claim))


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def archive_match_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """An editor says whether a published fact-check answers this claim; remembered."""
    match = get_object_or_404(ArchiveMatch.objects.select_related("claim"), pk=pk)
    statuses = {"confirm": ArchiveMatch.Status.CONFIRMED, "dismiss": ArchiveMatch.Status.DISMISSED}
    action = request.POST.get("action", "")
    if action not in statuses:
        return HttpResponse(f"Unknown action {action!r}.", status=400)
    archive.decide(match, status=statuses[action], by=request.user)
    messages.success(
        request, "Marked as the same claim." if action == "confirm" else "Dismissed: not the same claim."
    )
    if request.htmx:
        return render_fragment(request, match.claim, "archive")
    return redirect(f"{match.claim.get_absolute_url()}#archive")


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def claim_set_status(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    status = request.POST.get("status", "")
    if status not in Claim.Status.values:
        return HttpResponse(f"Unknown status {status!r}.", status=400)
    # A status change without the version it was made from could overwrite a colleague's: refused.
    version = id_param(request.POST, "version")
    # Back to the page the change was made from (a claim resolving its conflicting partners).
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = claim.get_absolute_url()
    try:
        claim.update_review(by=request.user, expected_version=version, status=status)
    except StaleEdit as stale:
        messages.error(request, str(stale))
        return redirect(back)
    messages.success(request, f"Status of “{claim.text[:60]}…” set to {claim.get_status_display()}.")
    return redirect(back)
