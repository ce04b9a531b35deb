"""Bringing articles in from the browser: paste or upload, one or many."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from ..forms import ARTICLE_FILE_SUFFIXES, ArticleImportForm
from ..ingest import DUPLICATE, IMPORTED, REJECTED, ImportResult, import_article


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
        return render(request, "claims/article_import.html", {"form": form, "outlets": form.outlet_names()})

    data = form.cleaned_data
    options = {
        "outlet": data["outlet"],
        "url": data["url"],
        "headline": data["headline"],
        "published": data["published"],
        "language": data["language"],
    }
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
        return render(
            request, "claims/article_import.html", {"form": form, "outlets": form.outlet_names()}, status=400
        )
    counts = {
        status: sum(1 for row in rows if row["status"] == status)
        for status in (IMPORTED, DUPLICATE, REJECTED)
    }
    return render(request, "claims/article_import_results.html", {"rows": rows, "counts": counts})
