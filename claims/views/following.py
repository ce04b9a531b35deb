"""The outlets the newsroom follows: their feeds, added and polled by Chiefs."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import jobs
from ..following import FeedRefused, add_feed
from ..forms import ArticleImportForm, FeedForm
from ..models import Feed, Job


@permission_required("claims.view_feed", raise_exception=True)
def feed_list(request: HttpRequest) -> HttpResponse:
    form = FeedForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("claims.add_feed"):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                feed = add_feed(
                    data["url"],
                    outlet=data["outlet_name"],
                    interval_minutes=data["interval_minutes"],
                    active=data["active"],
                )
            except FeedRefused as error:
                form.add_error(None, str(error))
            else:
                if feed.active:
                    jobs.poll_feeds([feed], user=request.user)
                messages.success(
                    request, f"Following {feed.url} for {feed.outlet}; its first poll is under way."
                )
                return redirect("feed_list")
    feeds = Feed.objects.select_related("outlet").annotate(
        failed_jobs=Count("jobs", filter=Q(jobs__state=Job.State.FAILED)),
        pending_jobs=Count("jobs", filter=Q(jobs__state__in=Job.PENDING_STATES)),
    )
    return render(
        request,
        "claims/feed_list.html",
        {"feeds": feeds, "form": form, "outlets": ArticleImportForm.outlet_names()},
        status=400 if form.errors else 200,
    )


@require_POST
@permission_required("claims.change_feed", raise_exception=True)
def feed_poll(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    feeds = [get_object_or_404(Feed, pk=pk)] if pk else list(Feed.objects.filter(active=True))
    if not feeds:
        messages.info(request, "No active feed to poll.")
        return redirect("feed_list")
    batch = jobs.poll_feeds(feeds, user=request.user)
    if not Job.objects.filter(batch=batch).exists():
        messages.info(request, "A poll of that feed is already waiting.")
        return redirect("feed_list")
    return redirect("import_batch", batch=batch)


@require_POST
@permission_required("claims.change_feed", raise_exception=True)
def feed_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    feed = get_object_or_404(Feed, pk=pk)
    feed.active = not feed.active
    feed.save(update_fields=["active"])
    messages.success(request, f"{feed.url} is {'followed again' if feed.active else 'paused'}.")
    return redirect("feed_list")
