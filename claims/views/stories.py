"""Stories: the list, one story's page, and the editors' moves and merges."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from .. import grouping, timeline, workspace
from ..models import Article, Story
from .inputs import id_param

PAGE_SIZE = 30


def story_list(request):
    stories = Story.objects.annotate(
        article_count=Count("articles", distinct=True),
        latest=Max("articles__published"),
    ).order_by("-updated_at", "-pk")
    page = Paginator(stories, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "claims/story_list.html", {"page": page, "query": ""})


def story_detail(request, pk: int):
    story = get_object_or_404(Story, pk=pk)
    articles = list(
        story.articles.select_related("outlet")
        .defer("body")
        .annotate(claim_count=workspace.claim_count())
        .order_by("published", "outlet__name", "pk")
    )
    conflicts = list(
        workspace.open_conflict_links()
        .filter(Q(claim_a__article__story=story) & Q(claim_b__article__story=story))
        .select_related("claim_a__article__outlet", "claim_b__article__outlet")
        .defer("claim_a__article__body", "claim_b__article__body")
        .order_by("-score", "pk")[:100]
    )
    others = (
        Story.objects.exclude(pk=story.pk)
        .annotate(article_count=Count("articles"))
        .order_by("-updated_at")[:50]
    )
    rows = workspace.story_fact_sheet(story)
    outlets = list(dict.fromkeys(article.outlet.name for article in articles))
    fact_rows = [
        {"row": row, "cells": [(outlet, row.cells.get(outlet, [])) for outlet in outlets]} for row in rows
    ]
    charts = [
        {"row": row, "svg": mark_safe(timeline.svg(row, f"timeline-{index}"))}  # noqa: S308 - built escaped
        for index, row in enumerate(rows)
        if timeline.worth_a_chart(row)
    ]
    context = {
        "story": story,
        "articles": articles,
        "conflicts": conflicts,
        "others": others,
        "outlets": outlets,
        "fact_rows": fact_rows,
        "charts": charts,
    }
    return render(request, "claims/story_detail.html", context)


def story_facts_json(request, pk: int):
    """The story's fact sheet as JSON: rows, cells with claim ids, values in base units and as
    written, sources, times, conflicts."""
    story = get_object_or_404(Story, pk=pk)
    return JsonResponse(fact_sheet_data(story), json_dumps_params={"ensure_ascii": False})


def fact_sheet_data(story: Story) -> dict:
    from ..factsheet import as_json

    return {
        "story": {"id": story.pk, "title": story.title},
        "rows": as_json(workspace.story_fact_sheet(story)),
    }


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def article_move(request, pk: int):
    """Move an article to another story, or to a new one (story=new)."""
    article = get_object_or_404(Article, pk=pk)
    if request.POST.get("story") == "new":
        story = grouping.move_article(article, None)
    else:
        story = grouping.move_article(article, get_object_or_404(Story, pk=id_param(request.POST, "story")))
    messages.success(request, f"Moved to the story “{story}”. The matcher will not move it again.")
    return redirect(story)


@require_POST
@permission_required("claims.review_claim", raise_exception=True)
def story_merge(request, pk: int):
    """Merge this story into another."""
    source = get_object_or_404(Story, pk=pk)
    target = get_object_or_404(Story, pk=id_param(request.POST, "into"))
    grouping.merge_stories(source, target)
    messages.success(request, f"Merged into “{target}”.")
    return redirect(target)
