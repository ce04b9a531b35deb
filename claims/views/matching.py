"""Similar-claim search and the links export, in the browser."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from ..link_export import export_links
from ..matching import find_similar

MAX_QUERY_CHARS = 2000


def similar_claims(request: HttpRequest) -> HttpResponse:
    """The browser face of `find_similar`: ranked claims like the text given."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_CHARS]
    try:
        limit = max(1, min(int(request.GET.get("limit", 20)), 100))
    except ValueError:
        limit = 20
    results = find_similar(query, limit=limit) if query else []
    template = "claims/similar.html#results" if request.htmx else "claims/similar.html"
    return render(request, template, {"query": query, "results": results})


def links_export(request: HttpRequest) -> JsonResponse:
    """Every link as JSON, the shape `export_links` prints."""
    response = JsonResponse(export_links(), safe=False, json_dumps_params={"ensure_ascii": False})
    if request.GET.get("download"):
        response["Content-Disposition"] = 'attachment; filename="links.json"'
    return response
