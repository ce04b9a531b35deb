from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import workspace

MAX_ARTICLES = 4


def compare(request: HttpRequest) -> HttpResponse:
    """Two or more articles side by side, their linked claims aligned."""
    raw = request.GET.get("articles", "")
    ids = list(dict.fromkeys(int(part) for part in raw.split(",") if part.strip().isdigit()))[:MAX_ARTICLES]
    if len(ids) < 2:
        raise BadRequest(
            "Compare needs two to four articles: open it from an article's page, or give ?articles=1,2."
        )
    articles, rows, unlinked = workspace.compare_articles(ids)
    return render(
        request,
        "claims/compare.html",
        {"articles": articles, "rows": rows, "unlinked": list(zip(articles, unlinked, strict=True))},
    )
