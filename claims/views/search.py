from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import workspace


def search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    claims, articles = workspace.search(q)
    return render(request, "claims/search.html", {"q": q.strip(), "claims": claims, "articles": articles})
