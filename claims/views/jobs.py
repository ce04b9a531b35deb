"""Background work as people see it: an import's progress, and the Jobs page for Chiefs."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import jobs
from ..models import Job

PAGE_SIZE = 50
POLL_SECONDS = 2


@permission_required("claims.add_article", raise_exception=True)
def import_batch(request: HttpRequest, batch) -> HttpResponse:
    """The live progress of one upload, list of links or feed poll; htmx polls the table."""
    rows = list(
        Job.objects.filter(batch=batch)
        .select_related("article", "feed__outlet")
        .defer("data", "article__body")
        .order_by("created_at", "id")
    )
    if not rows:
        raise Http404("No such import")
    context = {
        "batch": batch,
        "rows": rows,
        "counts": jobs.batch_counts(batch),
        "poll_seconds": POLL_SECONDS,
    }
    template = "claims/import_batch.html#progress" if request.htmx else "claims/import_batch.html"
    return render(request, template, context)


@permission_required("claims.view_job", raise_exception=True)
def job_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    rows = Job.objects.select_related("created_by", "feed__outlet", "article").defer("data", "article__body")
    if state in Job.State.values:
        rows = rows.filter(state=state)
    page = Paginator(rows.order_by("-created_at", "-id"), PAGE_SIZE).get_page(request.GET.get("page"))
    worker, why = jobs.worker_status()
    return render(
        request,
        "claims/job_list.html",
        {
            "page": page,
            "state": state,
            "states": Job.State.choices,
            "worker": worker,
            "worker_problem": why,
            "query": f"state={state}" if state else "",
        },
    )


@require_POST
@permission_required("claims.change_job", raise_exception=True)
def job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(Job, pk=pk)
    if job.state != Job.State.FAILED:
        messages.info(request, f"Job {job.pk} is {job.get_state_display()}; only failed jobs are retried.")
    else:
        job = jobs.retry(job)
        messages.success(request, f"Job {job.pk} ({job.label}) is {job.get_state_display()} again.")
    return redirect("job_list")
