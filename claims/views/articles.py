from django.core.paginator import Paginator
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .. import workspace
from ..highlight import highlight_body
from ..models import Article, Outlet
from ..workspace import parse_date


def article_list(request: HttpRequest) -> HttpResponse:
    articles = (
        Article.objects.select_related("outlet")
        .defer("body")
        .annotate(claim_count=Coalesce(workspace.claim_count(), 0))
    )
    outlet = request.GET.get("outlet", "")
    if outlet:
        articles = articles.filter(outlet__slug=outlet)
    date_from, date_to = parse_date(request.GET.get("date_from")), parse_date(request.GET.get("date_to"))
    if date_from:
        articles = articles.filter(published__gte=date_from)
    if date_to:
        articles = articles.filter(published__lte=date_to)
    page = Paginator(articles.order_by("-published", "-added_at"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "claims/article_list.html",
        {
            "page": page,
            "outlets": Outlet.objects.all(),
            "current_outlet": outlet,
            "date_from": date_from,
            "date_to": date_to,
            "query": query.urlencode(),
        },
    )


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("outlet", "added_by", "story"), pk=pk)
    claims = list(article.claims.prefetch_related("quantities", "dates"))
    return render(
        request,
        "claims/article_detail.html",
        {"article": article, "claims": claims, "paragraphs": highlight_body(article.body, claims)},
    )
