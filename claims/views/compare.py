from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import workspace

MAX_ARTICLES = 4


def _ids(request: HttpRequest) -> list[int]:
    # ?articles=1,2 (links from article pages) or ?pick=1&pick=2 (the picker's checkboxes).
    parts = request.GET.get("articles", "").split(",") + request.GET.getlist("pick")
    return list(dict.fromkeys(int(part) for part in parts if part.strip().isdigit()))


def compare(request: HttpRequest) -> HttpResponse:
    """Two to four articles side by side, their linked claims aligned; with fewer, a picker."""
    ids = _ids(request)
    if len(ids) < 2:
        q = " ".join(request.GET.get("q", "").split())[:200]
        return render(
            request,
            "claims/compare_pick.html",
            {
                "q": q,
                "articles": workspace.compare_candidates(q),
                "picked": set(ids),
                "too_few": bool(ids),
                "max_articles": MAX_ARTICLES,
            },
        )
    if len(ids) > MAX_ARTICLES:
        return render(
            request,
            "claims/compare_pick.html",
            {
                "q": "",
                "articles": workspace.compare_candidates(""),
                "picked": set(ids),
                "too_many": True,
                "max_articles": MAX_ARTICLES,
            },
            status=400,
        )
    articles, rows, unlinked = workspace.compare_articles(ids)
    return render(
        request,
        "claims/compare.html",
        {"articles": articles, "rows": rows, "unlinked": list(zip(articles, unlinked, strict=True))},
    )
