"""Bringing articles in from the browser: paste or upload, one or many."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from .. import jobs
from ..forms import ARTICLE_FILE_SUFFIXES, ArticleImportForm
from ..ingest import DUPLICATE, IMPORTED, REJECTED, ImportResult, import_article
from ..models import Job


def _browser_message(result: ImportResult) -> str:
    # The domain speaks to the command line; in the browser the outlet is a field.
    return result.message.replace("pass --outlet", "choose or type the outlet")


def _import_file(upload, options: dict, user) -> tuple[str, ImportResult]:
    name = upload.name or "upload"
    if not name.lower().endswith(ARTICLE_FILE_SUFFIXES):
        return name, ImportResult(REJECTED, "only .txt and .html files can be imported")
    if upload.size > settings.FACTCHECK_MAX_IMPORT_BYTES:
        # Checked before reading, so a huge upload is never held in memory twice.
        limit = settings.FACTCHECK_MAX_IMPORT_BYTES
        return name, ImportResult(
            REJECTED, f"the file is {upload.size:,} bytes, over the {limit:,} byte limit"
        )
    return name, import_article(data=upload.read(), filename=name, added_by=user, **options)


def _queue_files(uploads, options: dict, request: HttpRequest):
    """Hand every upload to the worker; each keeps the outlet typed beside it in the form."""
    own_outlets = request.POST.getlist("file_outlet")
    shared = {**options, "published": options["published"].isoformat() if options["published"] else ""}
    files, refused = [], []
    for index, upload in enumerate(uploads):
        name = upload.name or "upload"
        if (
            not name.lower().endswith(ARTICLE_FILE_SUFFIXES)
            or upload.size > settings.FACTCHECK_MAX_IMPORT_BYTES
        ):
            refused.append(upload)
            continue
        outlet = own_outlets[index].strip() if index < len(own_outlets) else ""
        files.append((name, upload.read(), {**shared, "outlet": outlet or shared["outlet"]}))
    batch = jobs.import_files(files, user=request.user)
    for upload in refused:
        # Refused at the door, shown in the batch with the others.
        name, result = _import_file(upload, options, request.user)
        Job.objects.create(
            kind=Job.Kind.IMPORT_FILE,
            label=name,
            batch=batch,
            created_by=request.user,
            state=Job.State.DONE,
            finished_at=timezone.now(),
            result={"status": result.status, "message": result.message},
        )
    return batch


def _result_row(name: str, result: ImportResult) -> dict:
    return {
        "name": name,
        "status": result.status,
        "message": _browser_message(result),
        "claims": result.claim_count,
        "links": result.link_count,
        "conflicts": result.conflict_count,
        "url": result.article.get_absolute_url() if result.article else "",
    }


def _form_context(form) -> dict:
    # With a worker, many files go up in one request and are imported in the background.
    return {"form": form, "outlets": form.outlet_names(), "background": not jobs.runs_inline()}


@permission_required("claims.add_article", raise_exception=True)
def article_import(request: HttpRequest) -> HttpResponse:
    wants_json = "application/json" in request.headers.get("Accept", "")
    form = ArticleImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        if request.method == "POST" and wants_json:
            return JsonResponse(
                {"status": REJECTED, "message": " ".join(form.errors.get("__all__", ["invalid form"]))},
                status=400,
            )
        return render(
            request,
            "claims/article_import.html",
            _form_context(form),
            status=400 if request.method == "POST" else 200,
        )

    data = form.cleaned_data
    options = {
        "outlet": data["outlet"],
        "url": data["url"],
        "headline": data["headline"],
        "published": data["published"],
        "language": data["language"],
    }
    if data["urls"]:
        # Pages are fetched by the worker; the URL field names one page, so it is not passed on.
        page_options = {key: value for key, value in options.items() if key != "url"}
        page_options["published"] = page_options["published"].isoformat() if page_options["published"] else ""
        batch = jobs.import_urls(data["urls"], options=page_options, user=request.user)
        return redirect("import_batch", batch=batch)
    if data["files"] and not wants_json and not jobs.runs_inline():
        return redirect("import_batch", batch=_queue_files(data["files"], options, request))
    if data["text"].strip():
        rows = [
            _result_row("pasted text", import_article(text=data["text"], added_by=request.user, **options))
        ]
    else:
        rows = [_result_row(*_import_file(upload, options, request.user)) for upload in data["files"]]

    if wants_json:
        return JsonResponse(rows[0] if len(rows) == 1 else {"results": rows})
    if len(rows) == 1 and rows[0]["status"] != REJECTED:
        row = rows[0]
        if row["status"] == IMPORTED:
            messages.success(
                request,
                f"Imported with {row['claims']} claims and {row['links']} links to other outlets"
                + (f", {row['conflicts']} of them conflicts to review." if row["conflicts"] else "."),
            )
        else:
            messages.info(request, f"This article was {row['message']}.")
        return redirect(row["url"])
    if len(rows) == 1:
        form.add_error(None, f"Not imported: {rows[0]['message']}")
        return render(request, "claims/article_import.html", _form_context(form), status=400)
    counts = {
        status: sum(1 for row in rows if row["status"] == status)
        for status in (IMPORTED, DUPLICATE, REJECTED)
    }
    return render(request, "claims/article_import_results.html", {"rows": rows, "counts": counts})
